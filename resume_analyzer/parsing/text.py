"""Plain-text and Markdown resumes: one Line per non-blank line.

Markdown headings (`# Experience`), setext underlines (`Experience` over `-----`) and bold
lines (`**Experience**`) become heading hints; blank lines start a new block so that wrapped
lines of one paragraph join and separate paragraphs do not.
"""

from __future__ import annotations

import re

from resume_analyzer.errors import DocumentTooLargeError
from resume_analyzer.parsing.lines import Line, RawDocument, check_shape, clean_text, split_marker
from resume_analyzer.parsing.markdown import LINK, atx_heading, bold_line, strip_emphasis
from resume_analyzer.parsing.pasted import shape_pasted
from resume_analyzer.settings import ParseSettings

_SETEXT = re.compile(r"^\s*(=+|-+|_+|\*+)\s*$")
# A tab, or two or more spaces not after a sentence's end: the gap between aligned cells
# ("Globex Inc        Jan 2021 – Present"), kept as a tab as PDF lines keep theirs.
_CELL_GAP = re.compile(r"\t\s*|(?<![.!?:;,])[ \u00a0]{2,}")


def read_text(text: str, settings: ParseSettings, name: str = "The text") -> RawDocument:
    if len(text) > settings.max_text_chars:
        raise DocumentTooLargeError(
            f"The text has {len(text):,} characters; the limit is {settings.max_text_chars:,}. "
            "A resume is rarely over 10,000."
        )
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")
    # Before any line is read: the reading below is linear, but need not be slow.
    check_shape([raw for raw in raw_lines if raw.strip()], name, settings)
    lines: list[Line] = []
    links: list[str] = []
    block = 0
    blank_before = False
    for raw in raw_lines:
        if not raw.strip():
            blank_before = True
            continue
        if _SETEXT.match(raw) and lines and not blank_before:
            # An underline marks the line above as a heading (or is a plain rule).
            lines[-1].heading_level = 1 if raw.strip()[0] == "=" else 2
            lines[-1].rule_below = True
            continue
        if _SETEXT.match(raw):
            if lines:
                lines[-1].rule_below = True
            blank_before = True
            continue
        if blank_before:
            block += 1
            blank_before = False
        line = _make_line(raw, block, links)
        if line is not None:
            lines.append(line)
    # Wrapped lines joined and glyph-less bullets marked, so pasted text reads like its PDF.
    lines = shape_pasted(lines)
    return RawDocument(lines=lines, pages=1, source_format="text", link_urls=links)


def _cells(text: str) -> str:
    """The cleaned text of a line, its aligned cells joined by a tab."""
    cells = (clean_text(cell) for cell in _CELL_GAP.split(text.strip()))
    return "\t".join(cell for cell in cells if cell)


def _drawn_twice(word: str) -> bool:
    return len(word) >= 2 and len(word) % 2 == 0 and word[0::2] == word[1::2]


def undouble(text: str) -> str:
    """A line whose every character came out twice ("LLeeaaddeerrsshhiipp EExxppeerriieennccee"):
    the copy of a PDF that fakes bold by drawing each letter twice. Most of its words must be
    doubled whole, so that "Add" or "Mississippi" never lose a letter."""
    words = text.split(" ")
    doubled = [_drawn_twice(word) for word in words]
    if sum(doubled) * 3 < len([word for word in words if word]) * 2:
        return text
    # One doubled word alone ("EEdduuccaattiioonn") must be long: "ee" or "Aa" may be meant.
    if sum(len(word) for word, twice in zip(words, doubled, strict=True) if twice) < 8:
        return text
    return " ".join(
        word[0::2] if twice else word for word, twice in zip(words, doubled, strict=True)
    )


def _make_line(raw: str, block: int, links: list[str]) -> Line | None:
    heading_level = None
    bold = False
    stripped = undouble(raw.strip())
    atx = atx_heading(stripped)
    if atx:
        heading_level, stripped = atx
    bold_text = bold_line(stripped)
    if bold_text is not None:
        bold = True
        stripped = bold_text
    links.extend(url for _label, url in LINK.findall(stripped))
    stripped = LINK.sub(r"\1 (\2)", stripped)
    stripped = strip_emphasis(stripped)
    marker, rest = split_marker(stripped)
    text = _cells(rest)
    if not text:
        return None
    # Indentation stands in for x position so that a wrapped, indented line can be joined to
    # the bullet above it.
    indent = float(len(raw) - len(raw.lstrip()))
    return Line(
        text=text,
        marker=marker,
        block=block,
        bold=bold,
        heading_level=heading_level,
        indent=indent,
    )
