"""How many pages a resume fills, also when its source does not say.

A PDF's pages are real. Plain text and Markdown have none (the reader says one page), and a
DOCX knows its pages only when Word saved where it broke them. Without an estimate a
three-page PDF pasted as text passes the length check its PDF fails, and the same resume
scores up to three points apart by format alone.
"""

from __future__ import annotations

import math

from resume_analyzer.document import Resume

# A printed line of a resume's body holds about this many words (10–11 pt on a letter or A4
# page); a heading takes two lines with the space around it.
LINE_WORDS = 16
HEADING_LINES = 2
# Lines of that kind on one page. Set on the development corpus's PDFs so that the estimate
# from their parsed content is never above their real page count but once in 78, and equal to
# it for 48 (one page for all: 38). A resume's text says too little about its typesetting to
# do better, so the estimate errs towards fewer pages: it never costs a pasted resume points
# its PDF would not lose.
PAGE_LINES = 80


def printed_lines(resume: Resume) -> int:
    """The lines the parsed content would take on paper: headings, entry headers, bullets."""
    lines = HEADING_LINES * len(resume.sections)
    for section in resume.sections:
        for entry in section.entries:
            parts = (entry.title, entry.organization, entry.location, entry.dates)
            lines += _lines(sum(len(part.split()) for part in parts if part))
        lines += sum(_lines(len(bullet.text.split())) for bullet in section.bullets)
    return lines


def _lines(words: int) -> int:
    return max(1, math.ceil(words / LINE_WORDS))


def page_count(resume: Resume) -> int:
    """The resume's pages; for text, Markdown and DOCX at least an estimate from its content."""
    if resume.source_format == "pdf":
        return resume.pages
    return max(resume.pages, math.ceil(printed_lines(resume) / PAGE_LINES))
