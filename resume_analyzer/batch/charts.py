"""The cohort's figures, as numbers and as SVG geometry the templates draw (no JavaScript).

Geometry only: every label is drawn by the Jinja template, which escapes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from resume_analyzer.batch.rows import Row, failed

LEVELS = ("missing", "weak", "solid", "strong")
LEVEL_COLOURS = {"missing": "#c0392b", "weak": "#e0a800", "solid": "#4a90c2", "strong": "#2e8b57"}
BINS = tuple((low, low + 9 if low < 90 else 100) for low in range(0, 100, 10))


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Segment:
    level: str
    count: int
    x: float
    width: float
    colour: str


@dataclass(frozen=True)
class Gap:
    """How the scored students stand in one competency."""

    id: str
    name: str
    counts: dict[str, int]
    y: float = 0.0
    segments: tuple[Segment, ...] = ()

    @property
    def missing(self) -> int:
        return self.counts["missing"]

    @property
    def weak(self) -> int:
        return self.counts["weak"]

    @property
    def missing_or_weak(self) -> int:
        return self.counts["missing"] + self.counts["weak"]

    @property
    def scored(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Ranked:
    rank: int
    row: Row


def distribution(rows: Iterable[Row]) -> list[tuple[str, int]]:
    """(bin label, students) for scores 0–9, 10–19, …, 90–100."""
    scores = [int(row["score"]) for row in rows if not failed(row)]
    return [
        (f"{low}–{high}", sum(1 for score in scores if low <= score <= high)) for low, high in BINS
    ]


def histogram(
    bins: Sequence[tuple[str, int]], *, width: float = 600, height: float = 180
) -> list[Bar]:
    """Bars in a `width` × `height` plot area (y grows downwards, as in SVG)."""
    top = max((count for _, count in bins), default=0) or 1
    slot = width / max(len(bins), 1)
    return [
        Bar(
            label=label,
            count=count,
            x=round(i * slot + 4, 1),
            y=round(height - count / top * height, 1),
            width=round(slot - 8, 1),
            height=round(count / top * height, 1),
        )
        for i, (label, count) in enumerate(bins)
    ]


def gaps(rows: Iterable[Row], names: Mapping[str, str]) -> list[Gap]:
    """One `Gap` per competency, most missing-or-weak first, ties in the taxonomy's order.

    The cohort report and the web's coach page both show these, so they always agree."""
    scored = [row for row in rows if not failed(row)]
    order: dict[str, None] = dict.fromkeys(names)
    for row in scored:
        order.update(dict.fromkeys(row.get("levels") or {}))
    found = []
    for cid in order:
        counts = dict.fromkeys(LEVELS, 0)
        for row in scored:
            level = (row.get("levels") or {}).get(cid)
            if level in counts:
                counts[level] += 1
        found.append(Gap(id=cid, name=names.get(cid, cid), counts=counts))
    return sorted(found, key=lambda gap: -gap.missing_or_weak)


def gap_bars(found: Sequence[Gap], *, width: float = 420, pitch: float = 26) -> list[Gap]:
    """The gaps with stacked-bar geometry: one row per competency, `width` for all students."""
    laid = []
    for i, gap in enumerate(found):
        total = gap.scored or 1
        x = 0.0
        segments = []
        for level in LEVELS:
            share = gap.counts[level] / total * width
            segments.append(
                Segment(
                    level, gap.counts[level], round(x, 1), round(share, 1), LEVEL_COLOURS[level]
                )
            )
            x += share
        laid.append(Gap(gap.id, gap.name, gap.counts, y=i * pitch, segments=tuple(segments)))
    return laid


def ranking(rows: Iterable[Row]) -> list[Ranked]:
    """Scored rows, best first; equal scores share a rank (1, 2, 2, 4), ties by file name."""
    scored = sorted(
        (row for row in rows if not failed(row)), key=lambda row: (-int(row["score"]), row["file"])
    )
    ranked: list[Ranked] = []
    for position, row in enumerate(scored, 1):
        same = ranked and int(ranked[-1].row["score"]) == int(row["score"])
        ranked.append(Ranked(rank=ranked[-1].rank if same else position, row=row))
    return ranked
