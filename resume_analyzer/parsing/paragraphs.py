"""Join wrapped lines into bullets and paragraphs, and repair words hyphenated at line ends.

A line continues the item above it when it carries no marker, sits in the same block and
page, and either starts in lower case, or is indented like the bullet's text and follows it
without a paragraph gap, or the line above ran to the right edge of its column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from resume_analyzer.document import Box
from resume_analyzer.parsing.dates import find_date_range
from resume_analyzer.parsing.lines import Line

# Prefixes that keep their hyphen when a line breaks after them ("cross-" + "functional").
_KEEP_HYPHEN = frozenset(
    (
        "self cross end well non co full part high low long short real multi first second third "
        "data user customer client cost time decision detail results fast large small mid top "
        "best one two three year month week day e b2b b2c front back open"
    ).split()
)


@dataclass
class Item:
    text: str
    marker: str | None
    page: int
    line: int
    bold: bool
    box: Box | None
    lines: list[Line] = field(default_factory=list)


def join_lines(body: Sequence[tuple[int, Line]], *, wrapped: bool = True) -> list[Item]:
    """Group (index, line) pairs into items; `wrapped` is False for DOCX, whose paragraphs
    arrive whole."""
    right_edges = _right_edges([line for _i, line in body])
    items: list[Item] = []
    for index, line in body:
        current = items[-1] if items else None
        if wrapped and current is not None and _continues(current, line, right_edges):
            _append(current, line)
            continue
        items.append(
            Item(
                text=line.text,
                marker=line.marker,
                page=line.page,
                line=index + 1,
                bold=line.bold,
                box=line.box,
                lines=[line],
            )
        )
    return items


def _right_edges(lines: Sequence[Line]) -> dict[tuple[int, int], float]:
    edges: dict[tuple[int, int], float] = {}
    for line in lines:
        if line.box is not None:
            key = (line.page, line.block)
            edges[key] = max(edges.get(key, 0.0), line.box.x1)
    return edges


def _continues(item: Item, line: Line, right_edges: dict[tuple[int, int], float]) -> bool:
    prev = item.lines[-1]
    if line.marker is not None or line.heading_level is not None:
        return False
    if line.block != prev.block or line.page != prev.page or line.in_header != prev.in_header:
        return False
    text = line.text
    if _paragraph_gap(prev, line):
        return False
    starts_lower = text[:1].islower()
    if prev.text.endswith("-") and starts_lower:
        return True
    under_text = item.marker is not None and _indented_like_text(item.lines[0], line)
    if under_text and (starts_lower or not find_date_range(text)):
        # Under the bullet's text, not its glyph: a wrapped line, whatever its weight.
        return not prev.text.rstrip().endswith(":")
    if find_date_range(text) and len(text.split()) <= 12:
        return False  # a dated line opens a new entry
    if line.bold != prev.bold or "\t" in prev.text:
        # A change of weight, or a row of far-apart cells (a title with its dates), ends it.
        return False
    if starts_lower and not prev.text.rstrip().endswith((".", ":")):
        return True
    if prev.text.rstrip().endswith((",", " and", " or", " the", " of", " to", " with", "&")):
        return True
    return _ran_to_edge(prev, right_edges) and not prev.text.rstrip().endswith((".", ":"))


def _paragraph_gap(prev: Line, line: Line) -> bool:
    if prev.box is None or line.box is None or line.gap_above is None:
        return False
    height = max(prev.box.bottom - prev.box.top, 1.0)
    return line.gap_above > height * 0.75


def _indented_like_text(first: Line, line: Line) -> bool:
    """A bullet's wrapped line starts under the bullet's text, not under its glyph."""
    if first.indent is None or line.indent is None:
        return False
    if first.box is None:  # plain text: any deeper indent than the marker line
        return line.indent > first.indent
    return line.indent >= first.indent - 2.5


def _ran_to_edge(prev: Line, right_edges: dict[tuple[int, int], float]) -> bool:
    if prev.box is None:
        return False
    edge = right_edges.get((prev.page, prev.block))
    if edge is None:
        return False
    width = max(edge - (prev.indent if prev.indent is not None else prev.box.x0), 1.0)
    return prev.box.x1 >= edge - width * 0.15


def _append(item: Item, line: Line) -> None:
    item.text = join_text(item.text, line.text)
    item.lines.append(line)
    if item.box is not None and line.box is not None and line.page == item.page:
        item.box = Box(
            min(item.box.x0, line.box.x0),
            item.box.top,
            max(item.box.x1, line.box.x1),
            line.box.bottom,
        )


def join_text(left: str, right: str) -> str:
    """Join a wrapped line to the one above, undoing a hyphen the line break introduced."""
    match = re.search(r"(\w+)-$", left)
    if match and right[:1].islower():
        if match.group(1).casefold() in _KEEP_HYPHEN or not match.group(1).isalpha():
            return left + right
        return left[:-1] + right
    return f"{left} {right}"
