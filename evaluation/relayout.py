"""Re-lay out a DOCX resume as PDF, in one column and in two: the same words, two layouts.

The DOCX is read into its paragraphs (with python-docx, through the DOCX reader) and split at
its section headings; each paragraph is then drawn with reportlab, headings large, bold and in
capitals, body text wrapped to its column, list items with their bullet. The two-column
version has a full-width name over a narrow left sidebar holding the contact lines, Skills and
Education (and Languages, Certifications, Interests), beside a wide main column with the rest.
Nothing is written to disk.

    python -m evaluation.relayout --corpus ../shared/corpus

compares the sections the two parse into, for every DOCX resume in the corpus (file names and
section kinds only).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import click
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from resume_analyzer.parsing import read_raw
from resume_analyzer.parsing.lines import Line
from resume_analyzer.parsing.structure import find_headings, typography

PAGE_W, PAGE_H = letter
LEFT, RIGHT, TOP, BOTTOM = 54.0, 558.0, 60.0, 740.0
SIDEBAR_W, GUTTER = 150.0, 24.0
BODY, BOLD = "Helvetica", "Helvetica-Bold"
SIZE, PITCH = 10.0, 13.0
SIDEBAR_KINDS = frozenset({"skills", "education", "languages", "certifications", "interests"})


@dataclass(frozen=True)
class Part:
    """A section as the DOCX has it: its heading (None for the lines above the first) and
    body paragraphs."""

    kind: str | None
    heading: Line | None
    body: list[Line]


def read_parts(path: Path) -> list[Part]:
    lines = [ln for ln in read_raw(path).lines if ln.text.strip()]
    headings = find_headings(lines, typography(lines))
    starts = sorted(headings)
    parts = [Part(None, None, lines[: starts[0] if starts else len(lines)])]
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        parts.append(Part(headings[start], lines[start], lines[start + 1 : end]))
    return parts


@dataclass
class _Flow:
    """Drawing operations for one column, flowing onto new pages as it fills."""

    x0: float
    x1: float
    y: float
    overflow: bool = False  # long words run past the column, as HTML and CSS draw them
    ops: list[tuple[int, float, float, str, str, float]] = field(default_factory=list)
    page: int = 0

    def _room(self, height: float) -> None:
        if self.y + height > BOTTOM:
            self.page += 1
            self.y = TOP

    def heading(self, text: str) -> None:
        self._room(40)
        self.y += 10
        self.ops.append((self.page, self.x0, self.y, text.upper(), BOLD, 12.0))
        self.y += 19

    def paragraph(self, line: Line) -> None:
        font = BOLD if line.bold else BODY
        indent = 12.0 if line.marker else 0.0
        width = self.x1 - self.x0 - indent
        pieces = simpleSplit(line.text, font, SIZE, width)
        for n, text in enumerate(pieces if self.overflow else _wrap(line.text, font, width)):
            self._room(PITCH)
            if n == 0 and line.marker:
                self.ops.append((self.page, self.x0 + 2, self.y, "•", BODY, SIZE))
            self.ops.append((self.page, self.x0 + indent, self.y, text, font, SIZE))
            self.y += PITCH
        self.y += 2


def _wrap(text: str, font: str, width: float) -> list[str]:
    """Lines no wider than the column: a word longer than the column ("SQL,Python,Excel,…")
    is broken between characters, as a word processor does, so it never crosses the gutter."""
    out: list[str] = []
    for piece in simpleSplit(text, font, SIZE, width):
        rest = piece
        while stringWidth(rest, font, SIZE) > width:
            cut = len(rest) - 1
            while cut > 1 and stringWidth(rest[:cut], font, SIZE) > width:
                cut -= 1
            out.append(rest[:cut])
            rest = rest[cut:]
        out.append(rest)
    return out


def _draw(flows: Sequence[_Flow], header: Sequence[tuple[float, str, str, float]]) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=letter, invariant=True)
    pages = max((op[0] for flow in flows for op in flow.ops), default=0) + 1
    for page in range(pages):
        if page == 0:
            for y, text, font, size in header:
                c.setFont(font, size)
                c.drawString(LEFT, PAGE_H - y, text)
        for flow in flows:
            for p, x, y, text, font, size in flow.ops:
                if p == page:
                    c.setFont(font, size)
                    c.drawString(x, PAGE_H - y, text)
        c.showPage()
    c.save()
    return buffer.getvalue()


def _header(parts: Sequence[Part]) -> tuple[list[tuple[float, str, str, float]], list[Line]]:
    """The name, full width at the top; the preamble's other lines go to a column."""
    preamble = parts[0].body if parts and parts[0].kind is None else []
    if not preamble:
        return [], []
    return [(66.0, preamble[0].text, BOLD, 20.0)], preamble[1:]


def _fill(flow: _Flow, parts: Sequence[Part]) -> None:
    for part in parts:
        if part.heading is not None:
            flow.heading(part.heading.text)
        for line in part.body:
            flow.paragraph(line)


def one_column_pdf(parts: Sequence[Part]) -> bytes:
    header, rest = _header(parts)
    flow = _Flow(LEFT, RIGHT, 90.0)
    _fill(flow, [Part(None, None, rest), *parts[1:]])
    return _draw([flow], header)


def two_column_pdf(parts: Sequence[Part], *, sidebar: str = "left") -> bytes:
    """`sidebar` is "left", "right", or "left-overflow": on the left, with words longer
    than the sidebar ("SQL,Python,Excel,…", long URLs) running on into the gutter."""
    header, rest = _header(parts)
    if sidebar.startswith("left"):
        side = _Flow(LEFT, LEFT + SIDEBAR_W, 90.0, overflow=sidebar == "left-overflow")
        main = _Flow(LEFT + SIDEBAR_W + GUTTER, RIGHT, 90.0)
    else:
        main = _Flow(LEFT, RIGHT - SIDEBAR_W - GUTTER, 90.0)
        side = _Flow(RIGHT - SIDEBAR_W, RIGHT, 90.0)
    body = parts[1:]
    _fill(side, [Part(None, None, rest), *(p for p in body if p.kind in SIDEBAR_KINDS)])
    _fill(main, [p for p in body if p.kind not in SIDEBAR_KINDS])
    return _draw([side, main], header)


@click.command()
@click.option(
    "--corpus",
    type=click.Path(path_type=Path),
    default=Path("../shared/corpus"),
    show_default=True,
    help="The development corpus folder.",
)
def main(corpus: Path) -> None:
    """Re-lay out the corpus DOCX resumes in one and two columns; compare their sections."""
    from evaluation.layouts import relayouts, render_relayouts

    folder = corpus / "resumes" / "docx"
    if not folder.is_dir():
        click.echo(f"{folder}: no DOCX resumes found, nothing evaluated.")
        return
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    results = [r for path in sorted(folder.glob("*.docx")) for r in relayouts(path)]
    for line in render_relayouts(results):
        click.echo(line)


if __name__ == "__main__":
    main()
