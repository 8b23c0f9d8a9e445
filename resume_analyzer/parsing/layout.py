"""Reading order on a PDF page: words → rows → segments → columns → lines.

A two-column or sidebar page is found by a vertical gutter: an x position where many text
segments start, with text on both sides and (almost) nothing crossing it, over a vertical band
of the page. Rows above and below the band (the full-width header, a full-width section at the
bottom) are read in place; inside the band the left column is read before the right one.

A left "margin" of dates beside each entry also leaves a gutter, but its labels are sparse
and sit beside the rows they label; that case is read row by row, not column by column.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from resume_analyzer.document import Box
from resume_analyzer.parsing.lines import Line, clean_text, split_marker

_BOLD = re.compile(r"bold|black|heavy|semibold|demi|extrab|ultrab|[-,]b$|\bbd\b|medium", re.I)
_ITALIC = re.compile(r"italic|oblique|[-,]i$|\bit\b", re.I)


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str


@dataclass
class Segment:
    """Words on one row that sit close together: a phrase, a cell, a column's line."""

    words: list[Word]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)


Row = list[Segment]


def group_rows(words: Sequence[Word]) -> list[list[Word]]:
    """Words sharing a baseline (bottom within a few points), top to bottom."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (round(w.bottom, 1), w.x0)):
        if rows:
            last = rows[-1]
            tolerance = max(2.0, 0.3 * min(word.size, last[0].size))
            if abs(word.bottom - last[-1].bottom) <= tolerance:
                last.append(word)
                continue
        rows.append([word])
    return [sorted(row, key=lambda w: w.x0) for row in rows]


def split_segments(row: Sequence[Word]) -> Row:
    """Split a row where the space between words is wider than an em or so."""
    segments: Row = []
    for word in row:
        if segments:
            prev = segments[-1].words[-1]
            gap = word.x0 - prev.x1
            if gap <= max(0.9 * min(word.size, prev.size), 7.0):
                segments[-1].words.append(word)
                continue
        segments.append(Segment([word]))
    return segments


@dataclass(frozen=True)
class Gutter:
    x: float
    top: float
    bottom: float


def find_gutter(rows: Sequence[Row], width: float) -> Gutter | None:
    """The x where a second column starts, with the band of the page it holds for."""
    segments = [seg for row in rows for seg in row]
    best: tuple[float, Gutter] | None = None
    for x in _candidate_edges(segments, width):
        right = [s for s in segments if s.x0 >= x - 1.5]
        top = min(s.top for s in right)
        bottom = max(s.bottom for s in right)
        band = [s for s in segments if s.top >= top - 1 and s.bottom <= bottom + 1]
        left = [s for s in band if s.x1 <= x + 1 or _overflows(s, x - 1.5)]
        crossing = [
            s for s in band if s.x0 < x - 1.5 and s.x1 > x + 1 and not _overflows(s, x - 1.5)
        ]
        right = [s for s in band if s.x0 >= x - 1.5]
        if len(left) < 3 or len(right) < 3 or len(crossing) > 0.04 * len(band):
            continue
        if _is_label_margin(left, right):
            continue
        score = len(band) - 20 * len(crossing)
        if best is None or score > best[0]:
            best = (score, Gutter(x - 1.5, top, bottom))
    return best[1] if best else None


def _overflows(segment: Segment, edge: float) -> bool:
    """A left column's word too long for it, run on past the column's edge (HTML and CSS draw
    "SQL,Python,Excel,…" or a long URL so): the segment's first word crosses the edge and
    any words after it start in the next column. It is left-column text, not a full-width
    line, and must not hide the gutter."""
    first, rest = segment.words[0], segment.words[1:]
    # Starting well inside the left column: a word that begins just before the edge (a
    # title beside a dates margin) is a line of the right-hand text, not an overflow.
    crosses = first.x0 < edge - 60 and first.x1 > edge + 1
    return crosses and all(w.x0 >= edge - 1 for w in rest)


def _candidate_edges(segments: Sequence[Segment], width: float) -> list[float]:
    """Left edges shared by at least three segments, in the middle 60% of the page."""
    counts: dict[int, int] = {}
    for seg in segments:
        if 0.2 * width <= seg.x0 <= 0.8 * width:
            counts[round(seg.x0)] = counts.get(round(seg.x0), 0) + 1
    edges = []
    for x, count in counts.items():
        nearby = count + counts.get(x - 1, 0) + counts.get(x + 1, 0)
        if nearby >= 3 and counts.get(x - 1, 0) <= count and counts.get(x + 1, 0) < count:
            edges.append(float(x))
    return sorted(edges)


def _is_label_margin(left: Sequence[Segment], right: Sequence[Segment]) -> bool:
    """Dates or labels in a margin: few, far apart, each level with a row on the right."""
    if len(left) > 0.6 * len(right):
        return False
    tops = sorted(s.top for s in left)
    gaps = [b - a for a, b in pairwise(tops)]
    right_tops = sorted({round(s.top) for s in right})
    pitches = [b - a for a, b in pairwise(right_tops) if b > a]
    if not gaps or not pitches:
        return False
    level = sum(any(abs(s.top - r.top) < 2 for r in right) for s in left) / len(left)
    return level >= 0.8 and statistics.median(gaps) > 2.2 * statistics.median(pitches)


def order_rows(rows: Sequence[Row], gutter: Gutter | None) -> list[tuple[int, Row]]:
    """(block, row) pairs in reading order: above the columns, left, right, below.

    The columns run from the first segment right of the gutter down to the first row that
    crosses the gutter after the right column ends: a left column that is longer than the
    right one keeps its tail.
    """
    if gutter is None:
        return [(0, row) for row in rows]
    parts: dict[int, list[tuple[int, Row]]] = {0: [], 1: [], 2: [], 3: []}
    below = False
    for row in rows:
        top = min(s.top for s in row)
        overflowing = [s for s in row if _overflows(s, gutter.x)]
        crosses = any(
            s.x0 < gutter.x and s.x1 > gutter.x + 2.5 and s not in overflowing for s in row
        )
        if top < gutter.top - 1:
            parts[0].append((0, row))
            continue
        below = below or (crosses and top > gutter.bottom)
        if below:
            parts[3].append((3, row))
            continue
        lpart, rpart = _split_row(row, gutter.x, overflowing)
        if lpart:
            parts[1].append((1, lpart))
        if rpart:
            parts[2].append((2, rpart))
    return parts[0] + parts[1] + parts[2] + parts[3]


def _split_row(row: Row, x: float, overflowing: Sequence[Segment]) -> tuple[Row, Row]:
    """The row's segments left and right of the gutter; an overflowing word stays left."""
    left: Row = []
    right: Row = []
    for seg in row:
        if seg in overflowing:
            left.append(Segment(seg.words[:1]))
            right.extend([Segment(seg.words[1:])] if len(seg.words) > 1 else [])
        elif seg.x1 <= x + 2.5:
            left.append(seg)
        else:
            right.append(seg)
    return left, right


def make_line(row: Row, page: int, block: int) -> Line:
    """One Line from a row's segments: text, marker, box and type features."""
    words = [w for seg in row for w in seg.words]
    # Segments far apart on one row ("Acme Corp      May 2020 – Present") are kept apart by a
    # tab so that entry parsing can split them.
    text = "\t".join(clean_text(" ".join(w.text for w in seg.words)) for seg in row)
    marker, rest = split_marker(text)
    indent = words[0].x0
    if marker is not None:
        body = [w for w in words if w.x0 > words[0].x0] if len(words[0].text) <= 2 else words
        indent = body[0].x0 if body else words[0].x0
    weights = [(len(w.text), w) for w in words if w.text.strip()]
    total = sum(n for n, _ in weights) or 1
    bold = sum(n for n, w in weights if _BOLD.search(_font_name(w.font))) / total > 0.6
    italic = sum(n for n, w in weights if _ITALIC.search(_font_name(w.font))) / total > 0.6
    size = statistics.median(w.size for w in words)
    box = Box(
        min(w.x0 for w in words),
        min(w.top for w in words),
        max(w.x1 for w in words),
        max(w.bottom for w in words),
    )
    return Line(
        text=rest.strip(),
        page=page,
        box=box,
        size=round(size, 2),
        bold=bold,
        italic=italic,
        marker=marker,
        block=block,
        indent=indent,
    )


def _font_name(font: str) -> str:
    # Subset fonts carry a "ABCDEF+" prefix that may spell anything, "BAAAAA" included.
    return font.split("+", 1)[1] if "+" in font else font


def lay_out_page(words: Sequence[Word], width: float, page: int) -> list[Line]:
    rows = [split_segments(row) for row in group_rows(words)]
    gutter = find_gutter(rows, width)
    lines: list[Line] = []
    last_bottom: dict[int, float] = {}
    for block, row in order_rows(rows, gutter):
        line = make_line(row, page, page * 10 + block)
        if not line.text:
            continue
        assert line.box is not None
        previous = last_bottom.get(block)
        line.gap_above = line.box.top - previous if previous is not None else None
        last_bottom[block] = line.box.bottom
        lines.append(line)
    return lines
