"""Join wrapped lines into bullets and paragraphs, and repair words hyphenated at line ends.

A line continues the item above it when it carries no marker, sits in the same block and
page, and either starts in lower case, or is indented like the bullet's text and follows it
without a paragraph gap, or the line above ran to the right edge of its column.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from resume_analyzer.document import Box
from resume_analyzer.parsing.dates import find_date_range
from resume_analyzer.parsing.dictionary import is_word
from resume_analyzer.parsing.lines import Line
from resume_analyzer.parsing.runon import pieces

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


def join_lines(
    body: Sequence[tuple[int, Line]],
    *,
    wrapped: bool = True,
    right_edges: dict[tuple[int, int], float] | None = None,
) -> list[Item]:
    """Group (index, line) pairs into items; `wrapped` is False for DOCX, whose paragraphs
    arrive whole. `right_edges` (from `right_edges()` over the whole document) says where each
    column ends: a section's own lines may all be short."""
    if right_edges is None:
        right_edges = find_right_edges([line for _i, line in body])
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


def split_run_together(items: Sequence[Item]) -> list[Item]:
    """Each achievement of a paragraph that ran several together, as its own item (see
    `runon.py`); the others as they are."""
    out: list[Item] = []
    for item in items:
        found = list(pieces(item.text, item.marker is not None))
        if len(found) == 1:
            out.append(item)
            continue
        # Where each line of the item starts in its joined text, to place each piece.
        starts, offset = [], 0
        for line in item.lines:
            starts.append(offset)
            offset += len(line.text) + 1
        for start, text in found:
            # The lines from the one the piece starts in to the one it ends in.
            first = max(bisect_right(starts, start) - 1, 0)
            last = max(bisect_left(starts, start + len(text)) - 1, first)
            spanned = item.lines[first : last + 1]
            boxes = [line.box for line in spanned if line.box is not None]
            box = (
                Box(
                    min(b.x0 for b in boxes),
                    boxes[0].top,
                    max(b.x1 for b in boxes),
                    boxes[-1].bottom,
                )
                if boxes and all(line.page == spanned[0].page for line in spanned)
                else item.box
            )
            out.append(
                Item(
                    text=text,
                    marker=None,
                    page=spanned[0].page if spanned else item.page,
                    line=item.line + first,
                    bold=item.bold,
                    box=box,
                    lines=spanned or item.lines,
                )
            )
    return out


def find_right_edges(lines: Sequence[Line]) -> dict[tuple[int, int], float]:
    """The right margin of each block on each page, where wrapped lines end.

    A margin counts only when at least three lines reach it: in a sidebar of short lines
    ("SQL, Python" / "Roadmapping") the longest line is not a margin, and its successor is
    not a wrapped continuation.
    """
    ends: dict[tuple[int, int], list[float]] = {}
    for line in lines:
        if line.box is not None:
            ends.setdefault((line.page, line.block), []).append(line.box.x1)
    edges: dict[tuple[int, int], float] = {}
    for key, xs in ends.items():
        edge = max(xs)
        if sum(x >= edge - 12 for x in xs) >= 3:
            edges[key] = edge
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
    return _ran_to_edge(prev, line, right_edges) and not prev.text.rstrip().endswith((".", ":"))


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


def _ran_to_edge(prev: Line, line: Line, right_edges: dict[tuple[int, int], float]) -> bool:
    """The line above stopped only because the next word would not fit before the margin."""
    if prev.box is None:
        return False
    edge = right_edges.get((prev.page, prev.block))
    if edge is None:
        return False
    char_width = (prev.box.x1 - prev.box.x0) / max(len(prev.text), 1)
    next_word = len(line.text.split(" ", 1)[0]) + 1
    return prev.box.x1 + next_word * char_width > edge


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
    # The word before the final hyphen, as `re.search(r"(\S+)-$", left)` would find it ("$"
    # also before a final newline); that search restarts at every character of a long word.
    core = left[:-1] if left.endswith("\n") else left
    hyphenated = len(core) >= 2 and core.endswith("-") and not core[-2].isspace()
    if hyphenated and right[:1].isalnum():
        return join_hyphenated(left, right)
    return f"{left} {right}"


def join_hyphenated(left: str, right: str) -> str:
    """Join across a line-end hyphen: a word broken by the line ("manage-" + "ment") loses it;
    a compound keeps it: after a known prefix ("cross-" + "functional"), after an earlier
    hyphen ("end-to-" + "end"), before a capital or a digit ("idea-to-" + "MVP",
    "post-" + "2020"), and after an acronym ("AI-" + "driven"): none of these ever continue
    a word broken in the middle."""
    core = left[:-1] if left.endswith("\n") else left
    word = core[:-1].rsplit(maxsplit=1)[-1]
    acronym = len(word) >= 2 and word.isupper()
    if (
        not right[:1].islower()
        or word.casefold() in _KEEP_HYPHEN
        or not word.isalpha()
        or acronym
        or _compound(word.casefold(), right)
    ):
        return left + right
    return left[:-1] + right


def _compound(word: str, right: str) -> bool:
    """ "problem-" + "solving", "in-" + "house": two words the dictionary knows whose join it
    does not know. A word the line broke has a tail that is no word ("manage-" + "ment") or
    joins into one ("custom-" + "er")."""
    tail = re.match(r"[a-z]+", right)
    if tail is None or len(word) < 2 or len(tail.group()) < 2:
        return False
    return not is_word(word + tail.group()) and is_word(word) and is_word(tail.group())
