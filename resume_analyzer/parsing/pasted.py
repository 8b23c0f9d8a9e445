"""The shape of pasted plain text: wrapped lines joined, sentences marked as list items.

Text copied out of a PDF or typed into a box has no fonts and often no bullet glyphs: the
only signs of structure are line breaks, capitals and the words themselves. Two steps make
such text read like the same resume in a PDF:

- A line that only continues the one above (it starts in lower case, or with a digit that is
  no date, after a line without a full stop; or follows a line ending in "and" or a comma) is
  joined to it, so one bullet stays one bullet.
- A line that reads as a sentence reporting work (mostly lower-case words, not a heading,
  not a title/company/date line) among other lines is a list item even without a glyph: it
  gets the marker "•", as Word's numbered paragraphs do. The short unmarked lines between
  them are then entry headers ("PRODUCT MANAGER", "Globex Inc, Austin, TX", "Jan 2023 – Present").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from resume_analyzer.parsing.dates import find_date_range
from resume_analyzer.parsing.entries import names_title
from resume_analyzer.parsing.lines import Line
from resume_analyzer.parsing.paragraphs import join_text
from resume_analyzer.parsing.sections import kind_of

IMPLICIT_MARKER = "•"
_TERMINAL = (".", "!", "?", ":", ";")
# Lower case only: "Jordan A" ends with an initial, not an article.
_CONNECTORS = re.compile(r"(?:,|&|\b(?:and|or|the|of|to|with|for|in|on|by|a|an|at))$")
# Separators of a "Title | Company | Dates" line; a sentence rarely has them.
_HEADER_PARTS = re.compile(r"\s[|•·]\s|\s[–—]\s|\t|\s{3,}")
_CONTACT = re.compile(r"@|https?:|www\.|linkedin\.com|github\.com", re.IGNORECASE)
_NUMBER_START = frozenset("0123456789$€£¥₹(~+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def shape_pasted(lines: Sequence[Line]) -> list[Line]:
    """Join wrapped lines, then mark sentence lines as list items (see the module's docstring)."""
    joined = join_wrapped(lines)
    # Lines per block, section headings not counted: a sentence alone between blank lines,
    # or under a heading only ("SUMMARY"), is a paragraph, not a list item.
    sizes = Counter(line.block for line in joined if kind_of(line.text.rstrip(":"))[0] is None)
    for line in joined:
        if line.marker is None and sizes[line.block] > 1 and is_sentence(line):
            line.marker = IMPLICIT_MARKER
    return joined


def join_wrapped(lines: Sequence[Line]) -> list[Line]:
    out: list[Line] = []
    above = ""  # the last visual line joined into out[-1]
    for line in lines:
        if out and continues(out[-1], line, above):
            out[-1].text = join_text(out[-1].text, line.text)
        else:
            out.append(line)
        above = line.text
    return out


def continues(prev: Line, line: Line, above: str) -> bool:
    """Whether `line` is the wrapped tail of `prev` (same block, no marker, no heading), whose
    last visual line was `above`. Only that line is looked at, never the whole of `prev`: a
    paragraph of many wrapped lines is then read in linear time."""
    if line.marker is not None or line.block != prev.block or line.bold != prev.bold:
        return False
    if line.heading_level is not None or prev.heading_level is not None:
        return False
    before, text = above.rstrip(), line.text
    if before.endswith(_TERMINAL) or _HEADER_PARTS.search(before):
        return False
    if _names_section(before) or _names_section(text):
        return False  # "Skills" over "python, sql, …" is a heading and its first line
    if _CONTACT.search(text):
        return False  # "jane@example.com | …" under a summary starts in lower case too
    if _dated_header(before) or _dated_header(text):
        return False  # a short dated line is an entry's header, neither wrapped nor a wrap
    if _CONNECTORS.search(before) or (before.endswith("-") and text[:1].islower()):
        return True
    if text[:1].isupper():
        return False
    if text[:1].islower():
        # Under a name or a company ("Jordan Example" / "product manager"): no sentence.
        return not _title_case(before)
    # A number ("12,000 accounts", "$2M", "(40%)") that is no date goes on a sentence.
    return text[:1] in _NUMBER_START and len(before.split()) >= 4


def _title_case(text: str) -> bool:
    words = _WORD.findall(text)
    return 0 < len(words) <= 5 and all(word[0].isupper() for word in words)


def _dated_header(text: str) -> bool:
    """A short line with a date, or any line ending in one ("… Google  Jan 2021 – Present")."""
    dates = find_date_range(text)
    if dates is None:
        return False
    return len(text.split()) <= 12 or not text[dates.span[1] :].strip(" )]|·")


def _names_section(text: str) -> bool:
    return len(text.split()) <= 5 and kind_of(text.rstrip(":"))[1]


def is_sentence(line: Line) -> bool:
    """A line that reports something in words: five or more, mostly lower case, and neither
    a heading nor a title, company or date line."""
    text = line.text.strip()
    if line.heading_level is not None or line.bold or _CONTACT.search(text):
        return False
    words = _WORD.findall(text)
    if len(text.split()) < 5 or len(words) < 4:
        return False
    lower = sum(word[0].islower() for word in words)
    if lower * 2 < len(words):
        return False
    short = len(text.split()) <= 8 and not text.endswith(".")
    if short and (kind_of(text.rstrip(":"))[0] is not None or names_title(text, "experience")):
        return False
    # A full stop makes a dated line a sentence ("Led the 2024 redesign of onboarding.").
    dated = find_date_range(text) is not None
    return text.endswith(".") or not (dated or _HEADER_PARTS.search(text))
