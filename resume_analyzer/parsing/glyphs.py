"""Words from a PDF page's characters, decided by the gaps between them.

pdfplumber's `extract_words` splits a word where the gap to the next character exceeds a fixed
tolerance, and wherever the font changes. Real resumes break both assumptions:

- a ligature ("fi", "ffl") is often drawn from another font, or with a width that does not
  match its advance, so "Defined" came out as "De fi ned";
- a letter-spaced heading has gaps wider than a space between its letters ("E X P E R I E N C E");
- a justified line positioned word by word, with no space characters, has word gaps narrower
  than the fixed tolerance ("Savedtheteam").

Here a row's own letter spacing is measured first (the median gap between its characters, per
run of one font and size), and a gap counts as a space only when it is clearly wider than that:
a tenth of the font size more for ordinary letters, a third more next to a ligature drawn from
another font than its neighbour, whose metrics are the least trustworthy. Space characters
always separate words.

Characters pdfminer could not map to Unicode arrive as "(cid:N)". A lone one is a symbol (a
bullet or an icon) and becomes "•", which `lines.split_marker` reads as a marker; one inside a
word is dropped and counted, so the reader can warn that some text could not be read.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

from resume_analyzer.document import DocumentWarning
from resume_analyzer.parsing.layout import Word

# Fonts that predate Unicode's ligature block put fi and fl at these private-use code points.
_PRIVATE_LIGATURES = {"\uf001": "fi", "\uf002": "fl"}
_LIGATURE_BLOCK = ("\ufb00", "\ufb06")
LETTER_GAP = 0.1  # of the font size: wider than the row's letter spacing by this is a space
LIGATURE_GAP = 0.35  # the same beside a ligature glyph
ROW_TOLERANCE = 0.25  # of the font size: baselines this close are one row
SYMBOL = "•"
DOUBLE_OFFSET = 0.1  # of the font size: the same glyph this close again is fake bold
TOO_SMALL = 0.25  # of the page's median size: a glyph this small is no text anyone reads
OVERLAP = 0.5  # of the font size: text drawn this far back over text is another run
WIDE = 0.9  # of the font size: an unreadable glyph this wide is a symbol, not a letter
RAISED = 0.8  # of a row's size: a smaller glyph inside the row's height, at a letter, is in it


# A character is a one-letter Word: the same text, box, size and font.
Glyph = Word


def _blank(glyph: Glyph) -> bool:
    return not glyph.text.strip()


def _unreadable(glyph: Glyph) -> bool:
    return glyph.text.startswith("(cid:")


def _ligature(glyph: Glyph) -> bool:
    text = glyph.text
    return (len(text) > 1 and not _unreadable(glyph)) or _is_ligature_char(text)


def _is_ligature_char(text: str) -> bool:
    return text in _PRIVATE_LIGATURES or _LIGATURE_BLOCK[0] <= text <= _LIGATURE_BLOCK[1]


@dataclass
class PageWords:
    words: list[Word]
    unreadable: int  # "(cid:N)" glyphs dropped from inside words


def glyphs_of(chars: Iterable[dict[str, Any]]) -> list[Glyph]:
    """The upright characters of a page that a reader can see: rotated text is not part of a
    resume's reading, nor is a glyph drawn at a fraction of the page's usual size (a builder's
    0.75 pt bullet dot beside 9 pt text read as a line of its own)."""
    upright = [c for c in chars if c.get("upright", True) and c["text"]]
    sizes = [float(c["size"]) for c in upright if not c["text"].isspace()]
    least = TOO_SMALL * statistics.median(sizes) if sizes else 0.0
    return [
        Glyph(
            _PRIVATE_LIGATURES.get(c["text"], c["text"]),
            float(c["x0"]),
            float(c["x1"]),
            float(c["top"]),
            float(c["bottom"]),
            float(c["size"]),
            str(c["fontname"]),
        )
        for c in upright
        if float(c["size"]) >= least or c["text"].isspace()
    ]


def build_words(glyphs: Sequence[Glyph]) -> PageWords:
    words: list[Word] = []
    unreadable = 0
    for row in _rows(glyphs):
        for piece in _split_row(row):
            word, dropped = _make_word(piece)
            unreadable += dropped
            if word is not None:
                words.append(word)
    return PageWords(words, unreadable)


def _rows(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Characters sharing a baseline, each row sorted left to right."""
    rows: list[list[tuple[int, Glyph]]] = []
    last_bottom = 0.0
    for drawn, glyph in sorted(enumerate(glyphs), key=lambda pair: pair[1].bottom):
        tolerance = max(1.5, ROW_TOLERANCE * glyph.size)
        if rows and glyph.bottom - last_bottom <= tolerance:
            rows[-1].append((drawn, glyph))
        else:
            rows.append([(drawn, glyph)])
        last_bottom = glyph.bottom
    rows = _with_raised_glyphs(rows)
    return [_untangled(_without_doubles(sorted(row, key=lambda p: p[1].x0))) for row in rows]


def _with_raised_glyphs(rows: list[list[tuple[int, Glyph]]]) -> list[list[tuple[int, Glyph]]]:
    """Rows with each raised small glyph put back into the row it is set in: an ordinal's
    superscript ("4th"), the small "A" of the LaTeX logo. Their baseline is not the row's, so
    they made a row of their own, which became a line ("th" joined to the line above, "LTEX").
    A glyph goes back only where it lies within the row's height, is smaller than its text
    and touches one of its letters: a line of small type above or below never does."""
    out = [list(row) for row in rows]
    frames = [_frame(row) for row in out]
    for i in range(len(out)):
        for j in (i - 1, i + 1):
            frame = frames[j] if 0 <= j < len(out) else None
            if not out[i] or frame is None:
                continue
            moved = _raised_into(out[i], out[j], frame)
            out[j] += moved
            out[i] = [pair for pair in out[i] if pair not in moved]
    return [row for row in out if row]


def _frame(row: list[tuple[int, Glyph]]) -> tuple[float, float, float] | None:
    """A row's text size, and the top and bottom a glyph set inside it stays within."""
    letters = [g for _, g in row if not g.text.isspace()]
    if not letters:
        return None
    size = statistics.median(g.size for g in letters)
    return size, min(g.top for g in letters) - ROW_TOLERANCE * size, max(g.bottom for g in letters)


def _raised_into(
    row: list[tuple[int, Glyph]], target: list[tuple[int, Glyph]], frame: tuple[float, float, float]
) -> list[tuple[int, Glyph]]:
    """The glyphs of `row` set inside `target`'s frame, each touching its letters or a glyph
    already found so (the "h" after the "t" of "4th")."""
    size, top, bottom = frame
    inside = [
        (drawn, g)
        for drawn, g in row
        if g.size <= RAISED * size and g.top >= top and g.bottom <= bottom and not g.text.isspace()
    ]
    if not inside:  # nearly every row: checked before the letters are walked
        return []
    slack = ROW_TOLERANCE * size
    anchors = [g for _, g in target if not g.text.isspace()]
    moved: list[tuple[int, Glyph]] = []
    for drawn, glyph in sorted(inside, key=lambda pair: pair[1].x0):
        if any(a.x0 - slack <= glyph.x0 <= a.x1 + slack for a in anchors):
            moved.append((drawn, glyph))
            anchors.append(glyph)
    return moved


def _without_doubles(row: list[tuple[int, Glyph]]) -> list[tuple[int, Glyph]]:
    """Fake bold draws each glyph twice a hair apart: keep one ("LLeeaadd" is "Lead")."""
    kept: list[tuple[int, Glyph]] = []
    for drawn, glyph in row:
        last = kept[-1][1] if kept else None
        if (
            last is not None
            and glyph.text == last.text
            and abs(glyph.x0 - last.x0) <= DOUBLE_OFFSET * glyph.size
            and abs(glyph.bottom - last.bottom) <= DOUBLE_OFFSET * glyph.size
        ):
            continue
        kept.append((drawn, glyph))
    return kept


def _untangled(row: list[tuple[int, Glyph]]) -> list[Glyph]:
    """The row left to right; where two runs of text were drawn over each other (a sidebar's
    long word running on into the main column, as HTML draws it), each run whole, apart.

    A run is what was drawn left to right in one go. Sorting all glyphs by position alone
    would interleave overlapping runs letter by letter ("LoAoksesrociate"); runs that do not
    overlap (a ligature drawn from another font after its word) still merge by position.
    """
    runs: list[list[Glyph]] = []
    for _, glyph in sorted(row):
        if runs and glyph.x0 >= runs[-1][-1].x0 - OVERLAP * glyph.size:
            runs[-1].append(glyph)
        else:
            runs.append([glyph])
    ordered = [glyph for _, glyph in row]
    if len(runs) < 2 or not _overlapping(runs):
        return ordered
    out: list[Glyph] = []
    for run in sorted(runs, key=lambda r: r[0].x0):
        run.sort(key=lambda g: g.x0)
        if out:  # a space of its own between runs: they are never one word
            last = out[-1]
            out.append(Glyph(" ", last.x1, last.x1 + 1.0, last.top, last.bottom, last.size, ""))
        out.extend(run)
    return out


def _overlapping(runs: list[list[Glyph]]) -> bool:
    spans = sorted((min(g.x0 for g in run), max(g.x1 for g in run), run[0].size) for run in runs)
    return any(
        right_x0 < left_x1 - OVERLAP * size
        for (_, left_x1, size), (right_x0, _, _) in pairwise(spans)
    )


def _visible_hyphens(row: Sequence[Glyph]) -> list[Glyph]:
    """A soft hyphen (U+00AD) drawn between two letters is a hyphen the reader sees: some fonts
    map their hyphen glyph to it (Awesome-CV's "high\u00adimpact"). Only at a line's end is it
    a break inside a word, which the line joiner mends."""
    out = list(row)
    for i, (glyph, following) in enumerate(pairwise(row)):
        if glyph.text != "\u00ad":
            continue  # the common case, checked first: this runs once per character
        size = glyph.size or 1.0
        drawn = glyph.x1 - glyph.x0 > 0.1 * size
        close = following.x0 - glyph.x1 < 0.3 * size
        if drawn and following.text.strip() and close:
            out[i] = replace(glyph, text="-")
    return out


def _split_row(row: Sequence[Glyph]) -> list[list[Glyph]]:
    """Cut a row into words at space characters and at gaps wider than its letter spacing."""
    row = _visible_hyphens(row)
    spacing = _letter_spacing(row)
    pieces: list[list[Glyph]] = []
    current: list[Glyph] = []
    previous: Glyph | None = None
    # What the gap test needs of the previous glyph, kept from one step to the next: this loop
    # runs once per character of the document.
    prev_usual = prev_size = 0.0
    prev_lig = False
    for glyph in row:
        if not glyph.text.strip():
            if previous is not None and glyph.x1 <= previous.x1 + 0.5:
                continue  # a stray space drawn over a letter ("P olice") separates nothing
            if current:
                pieces.append(current)
            current, previous = [], None
            continue
        usual = spacing.get((glyph.font, glyph.size), 0.0)
        lig = _ligature(glyph)
        if previous is not None:
            size = min(prev_size, glyph.size) or 1.0
            least = min(prev_usual, usual)
            # A ligature's metrics are untrustworthy only when it is drawn from another font
            # than its neighbour: in its own font (LaTeX's "fi") a word space before it is an
            # ordinary one, a third of the size, which the wider share would miss.
            other_font = (prev_lig or lig) and previous.font != glyph.font
            share = LIGATURE_GAP if other_font else LETTER_GAP
            # Letter-spaced text is spaced by hand or unevenly ("C A S E ST U D I ES"): half
            # its usual gap more is still a letter gap; a word gap is the letter gap twice
            # plus a space.
            if glyph.x0 - previous.x1 > least + max(share * size, least / 2):
                pieces.append(current)
                current = []
        current.append(glyph)
        previous, prev_usual, prev_size, prev_lig = glyph, usual, glyph.size, lig
    if current:
        pieces.append(current)
    return _join_spaced_words(pieces, spacing)


def _letter_spacing(row: Sequence[Glyph]) -> dict[tuple[str, float], float]:
    """The usual gap between neighbouring letters of each font and size on the row.

    Gaps are taken between non-blank neighbours of one font and size; with fewer than three
    the spacing is taken as zero (a short label tells nothing about letter spacing).
    """
    gaps: dict[tuple[str, float], list[float]] = {}
    for left, right in pairwise(row):
        if _blank(left) or _blank(right) or (left.font, left.size) != (right.font, right.size):
            continue
        gap = right.x0 - left.x1
        if -0.5 * left.size < gap < 1.5 * left.size:  # overlaps and column gaps say nothing
            gaps.setdefault((left.font, left.size), []).append(gap)
    return {
        key: max(0.0, statistics.median(values)) if len(values) >= 3 else 0.0
        for key, values in gaps.items()
    }


def _join_spaced_words(
    pieces: list[list[Glyph]], spacing: dict[tuple[str, float], float]
) -> list[list[Glyph]]:
    """Keep the words of a letter-spaced heading together as one phrase ("WORK EXPERIENCE"):
    their gaps are wide enough for the layout to take them for separate cells."""
    joined: list[list[Glyph]] = []
    for piece in pieces:
        if joined and _spaced_neighbours(joined[-1][-1], piece[0], spacing):
            last = joined[-1][-1]
            blank = Glyph(" ", last.x1, piece[0].x0, last.top, last.bottom, last.size, last.font)
            joined[-1] += [blank, *piece]
        else:
            joined.append(piece)
    return joined


def _spaced_neighbours(left: Glyph, right: Glyph, spacing: dict[tuple[str, float], float]) -> bool:
    key = (left.font, left.size)
    usual = spacing.get(key, 0.0)
    if key != (right.font, right.size) or usual <= LETTER_GAP * left.size:
        return False
    return right.x0 - left.x1 <= 2 * usual + 0.5 * left.size


def _make_word(glyphs: Sequence[Glyph]) -> tuple[Word | None, int]:
    """A Word from its characters; unreadable glyphs inside a word are dropped and counted."""
    readable = [g for g in glyphs if not _unreadable(g)]
    if not readable:
        if len(glyphs) == 1:
            return _word([glyphs[0]], SYMBOL), 0
        return None, len(glyphs)
    if len(glyphs) == 1 and _is_list_circle(glyphs[0]):
        return _word(glyphs, SYMBOL), 0
    if len(readable) == len(glyphs):
        return _word(readable, "".join(g.text for g in readable)), 0
    # An unreadable glyph as wide as the type is tall, between letters, is a symbol set
    # between two words ("research→production" in LaTeX's symbol font), not a letter
    # ("De(cid:12)ned"): the words stay apart.
    last = len(glyphs) - 1
    text = "".join(
        g.text if not _unreadable(g) else " " if 0 < i < last and _wide(g) else ""
        for i, g in enumerate(glyphs)
    )
    return _word(readable, " ".join(text.split())), len(glyphs) - len(readable)


def _wide(glyph: Glyph) -> bool:
    return glyph.x1 - glyph.x0 >= WIDE * glyph.size


def _is_list_circle(glyph: Glyph) -> bool:
    """Word's second-level list bullet is a letter "o" in Courier New."""
    return glyph.text == "o" and "courier" in glyph.font.casefold()


def _word(glyphs: Sequence[Glyph], text: str) -> Word:
    first = glyphs[0]
    if len(glyphs) == 1:
        return Word(text, first.x0, first.x1, first.top, first.bottom, first.size, first.font)
    sizes = sorted(g.size for g in glyphs)
    middle = len(sizes) // 2
    size = sizes[middle] if len(sizes) % 2 else (sizes[middle - 1] + sizes[middle]) / 2
    fonts = [g.font for g in glyphs]
    font = first.font if fonts.count(first.font) == len(fonts) else max(set(fonts), key=fonts.count)
    return Word(
        text,
        first.x0,
        max(g.x1 for g in glyphs),
        min(g.top for g in glyphs),
        max(g.bottom for g in glyphs),
        size,
        font,
    )


def unreadable_warning(count: int) -> DocumentWarning:
    return DocumentWarning(
        "unmapped_glyphs",
        f"{count} character{'s' if count != 1 else ''} of this PDF could not be read: its "
        "fonts do not say which letters their glyphs are, so those letters are missing from "
        "the analysis. Export the PDF again with fonts embedded (in Word: Save As PDF; in "
        "Google Docs: Download as PDF), or upload the DOCX.",
    )
