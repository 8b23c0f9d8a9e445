"""A score distribution per group as a strip chart with boxes, written as SVG text.

One row per group: every resume a dot (spread vertically by a fixed pattern, so the chart is
the same on every run), the box from the first to the third quartile, the median as a bar.
No plotting library: the project has none, and a chart this plain needs none. Each group is
one `<g class="series" data-group="…">`, which is what the tests count.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape, quoteattr

from evaluation.metrics import percentile

WIDTH, ROW, TOP, LEFT, RIGHT = 820, 56, 40, 230, 30
COLOURS = ("#1b6ca8", "#c0392b", "#d68910", "#7d3c98", "#117864", "#5d6d7e", "#a04000")
GOLDEN = 0.6180339887


def _x(score: float) -> float:
    return LEFT + (WIDTH - LEFT - RIGHT) * max(0.0, min(100.0, score)) / 100


def _series(index: int, name: str, label: str, scores: Sequence[float]) -> list[str]:
    middle = TOP + ROW * index + ROW / 2
    colour = COLOURS[index % len(COLOURS)]
    mean = sum(scores) / len(scores) if scores else 0.0
    figures = f"n={len(scores)}, mean {mean:.1f}"
    out = [
        f"<g class={quoteattr('series')} data-group={quoteattr(name)}>",
        f'<text x="{LEFT - 10}" y="{middle - 3:.1f}" text-anchor="end">{escape(label)}</text>',
        f'<text x="{LEFT - 10}" y="{middle + 12:.1f}" text-anchor="end" fill="#555">'
        f"{figures}</text>",
    ]
    if scores:
        q1, median, q3 = (percentile(scores, q) for q in (25, 50, 75))
        out.append(
            f'<rect x="{_x(q1):.1f}" y="{middle - 16:.1f}" width="{_x(q3) - _x(q1):.1f}" '
            f'height="32" fill="{colour}" fill-opacity="0.12" stroke="{colour}"/>'
        )
        out.append(
            f'<line x1="{_x(median):.1f}" x2="{_x(median):.1f}" y1="{middle - 18:.1f}" '
            f'y2="{middle + 18:.1f}" stroke="{colour}" stroke-width="3"/>'
        )
    for n, score in enumerate(scores):
        offset = ((n * GOLDEN) % 1.0 - 0.5) * 28
        out.append(
            f'<circle cx="{_x(score):.1f}" cy="{middle + offset:.1f}" r="2.6" '
            f'fill="{colour}" fill-opacity="0.6"/>'
        )
    out.append("</g>")
    return out


def _axis(bottom: float) -> list[str]:
    out = ['<g class="axis" stroke="#888">']
    out.append(f'<line x1="{_x(0)}" x2="{_x(100)}" y1="{bottom}" y2="{bottom}"/>')
    for tick in range(0, 101, 10):
        x = _x(tick)
        out.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{bottom}" stroke-opacity="0.2"/>'
        )
        out.append(
            f'<text x="{x:.1f}" y="{bottom + 16}" text-anchor="middle" stroke="none">{tick}</text>'
        )
    out.append("</g>")
    return out


def strip_chart(
    groups: Mapping[str, Sequence[float]],
    *,
    title: str,
    labels: Mapping[str, str] | None = None,
) -> str:
    """The SVG document: one row per group, in the mapping's order, scores on 0–100."""
    labels = labels or {}
    bottom = TOP + ROW * len(groups)
    height = bottom + 40
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
        f'<text x="{LEFT}" y="22" font-size="14" font-weight="bold">{escape(title)}</text>',
        *_axis(bottom),
    ]
    for index, (name, scores) in enumerate(groups.items()):
        out += _series(index, name, labels.get(name, name), scores)
    out.append("</svg>")
    return "\n".join(out) + "\n"
