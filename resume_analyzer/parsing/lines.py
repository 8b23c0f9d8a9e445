"""The common currency of the parsers: lines of text in reading order, with their looks.

Each format reader (pdf, docx, text) produces `RawDocument`: a list of `Line` in reading order
plus what it found on the side (link targets, page count, warnings). One shared step,
`structure.build_resume`, turns that into a `Resume`, so headings, bullets, entries and contact
details are found the same way whatever the format.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import ftfy

from resume_analyzer.document import Box, DocumentWarning, SourceFormat
from resume_analyzer.errors import DocumentTooLargeError
from resume_analyzer.settings import ParseSettings


@dataclass
class Line:
    """One visual line (PDF) or paragraph (DOCX, text) of the resume.

    `marker` holds a bullet glyph or list number already stripped from `text`. `size` is the
    font size in points (0 when unknown). `block` groups lines that flow together (a column,
    a table cell); wrapped continuation lines are only joined within a block. `indent` is where
    the text starts, in points for a PDF and in characters for plain text (None when unknown).
    `gap_above` is the white space to the previous line of the same block in points (None when
    unknown). `heading_level` comes from a DOCX style such as "Heading 1" (0 for "Title").
    `place` marks a header line the reader knows is the person's location (a LinkedIn export
    prints it alone under the headline), so it is taken whole even where no list of regions
    knows it ("Greater Sydney Area", "Metro Manila").
    """

    text: str
    page: int = 1
    box: Box | None = None
    size: float = 0.0
    bold: bool = False
    italic: bool = False
    caps: bool = False
    marker: str | None = None
    block: int = 0
    indent: float | None = None
    gap_above: float | None = None
    rule_above: bool = False
    rule_below: bool = False
    heading_level: int | None = None
    in_header: bool = False
    place: bool = False


@dataclass
class RawDocument:
    lines: list[Line]
    pages: int
    source_format: SourceFormat
    link_urls: list[str] = field(default_factory=list)
    warnings: list[DocumentWarning] = field(default_factory=list)


def check_shape(texts: list[str], name: str, settings: ParseSettings) -> None:
    """Refuse more lines, or a longer line, than a resume has (`max_lines`,
    `max_line_chars`): everything after reading is then bounded by a resume's size."""
    if len(texts) > settings.max_lines:
        raise DocumentTooLargeError(
            f"{name} has {len(texts):,} lines; the limit is {settings.max_lines:,} and a "
            "resume has a few hundred. Upload the resume alone, not a longer document."
        )
    longest = max(map(len, texts), default=0)
    if longest > settings.max_line_chars:
        raise DocumentTooLargeError(
            f"{name} has a line of {longest:,} characters; the limit is "
            f"{settings.max_line_chars:,} and a resume's longest is a few hundred. Save it "
            "again with line breaks between its parts, or upload a PDF or DOCX."
        )


# Ligatures that PDF producers and some fonts leave as single code points.
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "ft", "ﬆ": "st"}
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_BROKEN_FULLWIDTH = re.compile(r"ï¼\S?(?=\s)")
_STRAY_A = re.compile(r"Â(?=\s|$)")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# A soft hyphen ending a line is where the line broke a word: a hyphen, which the join of
# wrapped lines then removes ("manage\u00ad" + "ment" -> "management").
_BREAKING_SOFT_HYPHEN = re.compile(r"(?<=\w)\u00ad[\s\u00ad\u200b-\u200d\u2060\ufeff]*$")


_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_character_width=False,
    fix_line_breaks=False,
    explain=False,
)


def clean_text(text: str) -> str:
    """Repair mojibake and ligatures, drop invisible characters (a soft hyphen ending the
    line becomes a hyphen), collapse runs of spaces.

    Mojibake ("Â", "â€™") comes from documents saved through a wrong encoding somewhere
    upstream; ftfy undoes it without touching correct text.

    Cleaning must give the same result when run twice, and one pass may uncover mojibake
    another character hid ("\xadÀ®", "\xa0Â¡", "ÂÂ"): non-ASCII text is cleaned again until
    it stops changing (ASCII text is clean after one pass).
    """
    cleaned = _clean_once(text)
    for _ in range(_MAX_PASSES - 1):
        if cleaned.isascii():
            break
        again = _clean_once(cleaned)
        if again == cleaned:
            break
        cleaned = again
    return cleaned


_MAX_PASSES = 4
# Control characters (Unicode's Cc: U+0000–001F, U+007F–009F) are dropped, but those that are
# spaces: tabs and line breaks become a space, the rest ("\x1c", "\x85") stay for the space
# rule below.
_CONTROLS = {
    cp: (" " if chr(cp) in "\t\n\r\f\v" else None)
    for cp in (*range(0x20), *range(0x7F, 0xA0))
    if chr(cp) in "\t\n\r\f\v" or not chr(cp).isspace()
}


def _clean_once(text: str) -> str:
    # Control characters go first: left in, they can hide mojibake from ftfy until a second
    # pass, and cleaning must give the same result when run twice.
    text = text.translate(_CONTROLS)
    if not text.isascii():
        text = ftfy.fix_text(text, _FTFY)
        # A no-break space read as Latin-1 leaves "Â" before the space that replaced it.
        text = _STRAY_A.sub("", text)
        # A full-width separator ("｜", "：") whose last byte was lost: keep it a separator.
        text = _BROKEN_FULLWIDTH.sub("|", text)
    text = text.translate(_LIGATURES)
    text = _BREAKING_SOFT_HYPHEN.sub("-", text)
    text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text).strip()


# A bullet glyph: the common symbols, private-use code points that symbol fonts (Wingdings,
# Symbol) map them to, and pdfminer's "(cid:NN)" for glyphs without a Unicode mapping.
BULLET_GLYPHS = "•▪●◦○■□◆◇➢➤►▶▸▹‣⁃∙·✓✔✗☐❖➔→⇒♦◾◼"
_GLYPHS = BULLET_GLYPHS + "-–—*+>"  # dashes and the like only where a space follows
_MARKER = re.compile(
    rf"^(?P<marker>\(cid:\d+\)|[{re.escape(_GLYPHS)}\ue000-\uf8ff]|"
    # Word's second-level bullet is a Courier "o": a lone "o" before a capitalised word.
    r"\(?\d{1,2}[.)]|\(?[a-z][.)](?=\s)|o(?=\s+[A-Z]))\s*(?=\S)"
)


# A lone non-ASCII character opening a line: a bullet glyph when it opens several lines.
_LONE_GLYPH = re.compile(r"^(\S)\s+(?=\S)")
# Single-letter words of languages a resume mixes in ("à la carte", "é"), never bullets.
_LETTER_WORDS = frozenset("àáâèéêìíòóôùúûy")
REPEATED_GLYPH = 3  # lines a lone character must open to be read as a bullet


def mark_repeated_glyphs(lines: Sequence[Line]) -> None:
    """Read as a bullet a lone character that opens three lines or more: a symbol font whose
    mapping to Unicode is wrong draws its bullet as a letter ("ž Designed the platform")."""
    opening: dict[str, list[Line]] = {}
    for line in lines:
        match = _LONE_GLYPH.match(line.text) if line.marker is None else None
        if match and not match.group(1).isascii() and match.group(1) not in _LETTER_WORDS:
            opening.setdefault(match.group(1), []).append(line)
    # (A known glyph never gets here: split_marker has already made it the line's marker.)
    for found in opening.values():
        if len(found) < REPEATED_GLYPH:
            continue
        for line in found:
            line.marker = "•"
            line.text = line.text[1:].lstrip()


def split_marker(text: str) -> tuple[str | None, str]:
    """Split a leading bullet glyph or list number off a line: ("•", "Led …").

    A hyphen or plus only counts when a space follows ("-5% churn" is text), and a number
    only with its dot or parenthesis ("2019" is text).
    """
    match = _MARKER.match(text)
    if not match:
        return None, text
    marker = match.group("marker")
    rest = text[match.end() :]
    if marker in "-+*>" and not text[len(marker) : len(marker) + 1].isspace():
        return None, text
    # "3.5 GPA" or "1)2" are not list numbers: require the space after "1." / "1)".
    if marker[0].isdigit() and not re.match(r"^\(?\d{1,2}[.)]\s", text):
        return None, text
    if marker.startswith("(cid:") or "\ue000" <= marker <= "\uf8ff":
        marker = "•"
    return marker, rest
