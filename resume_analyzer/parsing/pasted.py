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

import functools
import re
from collections import Counter
from collections.abc import Sequence

from resume_analyzer.parsing.dates import find_date_range
from resume_analyzer.parsing.entries import names_title
from resume_analyzer.parsing.lines import BULLET_GLYPHS, Line
from resume_analyzer.parsing.paragraphs import join_text
from resume_analyzer.parsing.roles import mentions_a_year, opens_with_verb
from resume_analyzer.parsing.sections import kind_of

IMPLICIT_MARKER = "•"
_TERMINAL = (".", "!", "?", ":", ";")
# Lower case only: "Jordan A" ends with an initial, not an article.
_CONNECTOR_WORDS = frozenset("and or the of to with for in on by a an at".split())
# Separators of a "Title | Company | Dates" line; a sentence rarely has them.
_HEADER_PARTS = re.compile(r"\s[|•·]\s|\s[–—]\s|\t|\s{3,}")
_CONTACT = re.compile(r"@|https?:|www\.|linkedin\.com|github\.com", re.IGNORECASE)
_NUMBER_START = frozenset("0123456789$€£¥₹(~+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def shape_pasted(lines: Sequence[Line]) -> list[Line]:
    """Join wrapped lines, then mark sentence lines as list items (see the module's docstring)."""
    joined = join_wrapped(fold_lone_markers(lines))
    sentences = [
        line
        for i, line in enumerate(joined)
        if line.marker is None and is_sentence(line) and not _a_tail(joined, i)
    ]
    listed = _blocks_of_several({line.block for line in sentences}, joined)
    for line in sentences:
        if line.block in listed:
            line.marker = IMPLICIT_MARKER
    return joined


# A bullet glyph with nothing after it on its line (hyphens and asterisks are rules, not this).
_LONE_MARKER = re.compile(rf"^[{re.escape(BULLET_GLYPHS)}\ue000-\uf8ff]$")


def fold_lone_markers(lines: Sequence[Line]) -> list[Line]:
    """Make a bullet glyph on a line of its own the marker of the line it belongs to.

    A PDF viewer's copy often puts the glyph on its own line above its text; pdfplumber's,
    which orders by baseline, puts a glyph drawn lower than its text below it. Which way a
    document goes shows where its glyphs meet entry headers and headings: in the first the
    header comes before an entry's first glyph, in the second right after its last one.
    """
    lone = {
        i for i, line in enumerate(lines) if line.marker is None and _LONE_MARKER.match(line.text)
    }
    if not lone:
        return list(lines)

    def header(j: int) -> bool:
        if j < 0 or j >= len(lines) or j in lone:
            return False
        text = lines[j].text.strip()
        return _dated_header(text) or _names_section(text)

    step = -1 if sum(header(i + 1) for i in lone) > sum(header(i - 1) for i in lone) else 1
    for i in sorted(lone):
        j = i + step
        if 0 <= j < len(lines) and j not in lone and lines[j].marker is None and not header(j):
            lines[j].marker = lines[i].text
    return [line for i, line in enumerate(lines) if i not in lone]


def _a_tail(lines: Sequence[Line], i: int) -> bool:
    """A lower-case line after a blank, under a line that has not ended ("…with the design
    team and" / "" / "the payments squad, …"): the rest of that line, not an item of its
    own; left unmarked, the document builder joins it to the bullet above."""
    if i == 0 or not lines[i].text[:1].islower():
        return False
    return not lines[i - 1].text.rstrip().endswith(_TERMINAL)


def _blocks_of_several(blocks: set[int], lines: Sequence[Line]) -> set[int]:
    """Which of `blocks` hold two lines or more, section headings not counted: a sentence
    alone between blank lines, or under a heading only ("SUMMARY"), is a paragraph."""
    counts: Counter[int] = Counter()
    for line in lines:
        if line.block in blocks and counts[line.block] < 2 and not _names_section(line.text):
            counts[line.block] += 1
    return {block for block, count in counts.items() if count >= 2}


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
    if before.endswith(_TERMINAL):
        return False
    first = text[:1]
    # Why it might go on, from the cheapest signs; most lines have none and stop here.
    joined_by_word = _ends_with_connector(before) or (before.endswith("-") and first.islower())
    if not (joined_by_word or first.islower() or first in _NUMBER_START):
        return False
    if _HEADER_PARTS.search(before) or _CONTACT.search(text):
        return False  # "Title | Company"; "jane@example.com | …" starts in lower case too
    if _names_section(before) or _names_section(text):
        return False  # "Skills" over "python, sql, …" is a heading and its first line
    if _dated_header(before) or _dated_header(text):
        return False  # a short dated line is an entry's header, neither wrapped nor a wrap
    if joined_by_word:
        return True
    if first.islower():
        # Under a name or a company ("Jordan Example" / "product manager"): no sentence.
        return not _title_case(before)
    # A number ("12,000 accounts", "$2M", "(40%)") that is no date goes on a sentence.
    return len(before.split()) >= 4


def _ends_with_connector(text: str) -> bool:
    """ "…with the design and", "…SQL, Python,": the line stopped mid-phrase."""
    return text.endswith((",", "&")) or text.rsplit(" ", 1)[-1] in _CONNECTOR_WORDS


def _title_case(text: str) -> bool:
    words = _WORD.findall(text)
    return 0 < len(words) <= 5 and all(word[0].isupper() for word in words)


# Each line is looked at twice, as the line below and as the line above: remember the answers.
@functools.lru_cache(maxsize=512)
def _dated_header(text: str) -> bool:
    """A short line with a date, or any line ending in one ("… Google  Jan 2021 – Present")."""
    dates = find_date_range(text)
    if dates is None:
        return False
    return len(text.split()) <= 12 or not text[dates.span[1] :].strip(" )]|·")


@functools.lru_cache(maxsize=512)
def _names_section(text: str) -> bool:
    return len(text.split()) <= 5 and kind_of(text.rstrip(":"))[1]


def is_sentence(line: Line) -> bool:
    """A line that reports something in words: five or more, mostly lower case, and neither
    a heading nor a title, company or date line."""
    text = line.text.strip()
    if line.heading_level is not None or line.bold or _CONTACT.search(text):
        return False
    if text.count(" ") < 4:
        return False
    words = _WORD.findall(text)
    if len(words) < 4:
        return False
    lower = sum(word[0].islower() for word in words)
    # Product names capitalise a statement ("Upgraded 30 servers to Windows Server 2012 R2"):
    # one that opens with a verb needs fewer lower-case words.
    verb = opens_with_verb(text.split())
    if lower * (3 if verb else 2) < len(words):
        return False
    short = len(text.split()) <= 8 and not text.endswith(".")
    if short and kind_of(text.rstrip(":"))[0] is not None:
        return False
    # A title's words ("Server", "Manager") inside a statement do not make it a title.
    if short and not verb and names_title(text, "experience"):
        return False
    # A full stop makes a dated line a sentence ("Led the 2024 redesign of onboarding."), as
    # does a verb before a product's year ("Migrated 400 mailboxes from Exchange 2003").
    if text.endswith(".") or _HEADER_PARTS.search(text):
        return text.endswith(".")
    dates = find_date_range(text)
    return dates is None or mentions_a_year(text, dates)
