"""A DOCX printed to PDF without LibreOffice: python-docx's content laid out by reportlab.

Only for the format-invariance evaluation (evaluation/invariance.py): LibreOffice is not on
this machine nor on PyPI, so this stands in for "Word's Save as PDF". It keeps what a reader
of the PDF relies on: reading order (body paragraphs and tables as python-docx yields them,
text boxes after their anchor paragraph, the first section's header on top), headings as
larger bold text, bold runs, list paragraphs as bullets, soft line breaks, alignment, and
tables as rows of cells side by side. It does not reproduce Word's fonts, tab stops, spacing
or page breaks, so its output is close to, not the same as, Word's.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Length
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table
from reportlab.platypus.doctemplate import LayoutError

MARGIN = 54.0  # points: three quarters of an inch, a common resume margin
BODY_SIZE = 10.5
LIST_INDENT = 14.0
HEADING_SIZES = {"Title": 20.0, "Subtitle": 13.0, "Heading 1": 14.0, "Heading 2": 12.0}
ALIGN = {1: TA_CENTER, 2: TA_RIGHT, 3: TA_JUSTIFY}  # WD_PARAGRAPH_ALIGNMENT values
_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF")


def _fonts() -> tuple[str, str]:
    """DejaVu Sans when installed (it has the glyphs resumes use: •, –, é, →); else Helvetica."""
    if "DejaVuSans" in pdfmetrics.getRegisteredFontNames():
        return "DejaVuSans", "DejaVuSans-Bold"
    for folder in map(Path, _FONT_DIRS):
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists() and bold.exists():
            pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
            pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
            pdfmetrics.registerFontFamily("DejaVuSans", normal="DejaVuSans", bold="DejaVuSans-Bold")
            return "DejaVuSans", "DejaVuSans-Bold"
    return "Helvetica", "Helvetica-Bold"


# --- Paragraphs ---------------------------------------------------------------------------------


def _style_chain(paragraph: DocxParagraph) -> Iterator[object]:
    style = paragraph.style
    while style is not None:
        yield style
        style = style.base_style


def _style_name(paragraph: DocxParagraph) -> str:
    return (paragraph.style.name or "") if paragraph.style is not None else ""


def _is_heading(paragraph: DocxParagraph) -> bool:
    name = _style_name(paragraph)
    return name in HEADING_SIZES or name.startswith("Heading")


def _is_list(paragraph: DocxParagraph) -> bool:
    """A list paragraph: numbered by Word (numPr, directly or through its style) or so styled."""
    if "List" in _style_name(paragraph):
        return True
    for element in (paragraph._p, *(getattr(s, "element", None) for s in _style_chain(paragraph))):
        ppr = element.find(qn("w:pPr")) if element is not None else None
        if ppr is not None and ppr.find(qn("w:numPr")) is not None:
            return True
    return False


@dataclass(frozen=True)
class Defaults:
    """The document's defaults (w:docDefaults): what a paragraph without its own settings gets."""

    size: float = BODY_SIZE  # points
    after: float = 0.0  # space after a paragraph, points
    line: float = 1.0  # line spacing, a multiple of single

    @classmethod
    def of(cls, document: DocxDocument) -> Defaults:
        root = document.styles.element.find(qn("w:docDefaults"))
        if root is None:
            return cls()
        size = _attr(root, "w:rPrDefault/w:rPr/w:sz", "w:val")
        after = _attr(root, "w:pPrDefault/w:pPr/w:spacing", "w:after")
        line = _attr(root, "w:pPrDefault/w:pPr/w:spacing", "w:line")
        return cls(
            size=size / 2 if size else BODY_SIZE,  # half-points
            after=after / 20 if after is not None else 0.0,  # twentieths of a point
            line=line / 240 if line else 1.0,  # 240ths of a line ("auto" rule)
        )


def _attr(root: Any, path: str, name: str) -> float | None:
    found = root.find("/".join(qn(part) for part in path.split("/")))
    value = found.get(qn(name)) if found is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:  # a measure with units ("12pt"): rare in resumes, the default is fine
        return None


def _size(paragraph: DocxParagraph, defaults: Defaults) -> float:
    sizes = [run.font.size.pt for run in paragraph.runs if run.font.size is not None]
    if sizes:
        return min(max(float(max(sizes)), 6.0), 28.0)
    for style in _style_chain(paragraph):
        font = getattr(style, "font", None)
        if font is not None and font.size is not None:
            return min(max(float(font.size.pt), 6.0), 28.0)
    return HEADING_SIZES.get(_style_name(paragraph), defaults.size)


def _spacing(paragraph: DocxParagraph, defaults: Defaults) -> tuple[float, float, float]:
    """Space before and after (points) and line spacing (a multiple), the nearest set wins."""
    formats = [paragraph.paragraph_format]
    formats += [
        s.paragraph_format for s in _style_chain(paragraph) if hasattr(s, "paragraph_format")
    ]
    before = next((f.space_before.pt for f in formats if f.space_before is not None), 0.0)
    after = next((f.space_after.pt for f in formats if f.space_after is not None), defaults.after)
    line = next((f.line_spacing for f in formats if f.line_spacing is not None), defaults.line)
    # A float is a multiple of single spacing; a Length is an exact or minimum height.
    multiple = line if isinstance(line, float) else 1.0
    return float(before), float(after), min(max(float(multiple), 0.8), 3.0)


def _style_bold(paragraph: DocxParagraph) -> bool:
    for style in _style_chain(paragraph):
        font = getattr(style, "font", None)
        if font is not None and font.bold is not None:
            return bool(font.bold)
    return _is_heading(paragraph)


def _runs(paragraph: DocxParagraph) -> Iterator[Run]:
    for item in paragraph.iter_inner_content():
        yield from item.runs if isinstance(item, Hyperlink) else (item,)


def _markup(paragraph: DocxParagraph) -> str:
    """The paragraph as reportlab markup: escaped text, bold runs, soft breaks and tabs."""
    default_bold = _style_bold(paragraph)
    out = []
    for run in _runs(paragraph):
        text = escape(run.text).replace("\t", "&nbsp;&nbsp;&nbsp;&nbsp;").replace("\n", "<br/>")
        bold = default_bold if run.bold is None else run.bold
        out.append(f"<b>{text}</b>" if bold and text.strip() else text)
    return "".join(out)


def _text_boxes(paragraph: DocxParagraph) -> list[DocxParagraph]:
    """Paragraphs of the text boxes anchored in this one (the drawing's, not its VML copy)."""
    found = []
    for box in paragraph._p.iter(qn("w:txbxContent")):
        if any(a.tag == qn("mc:Fallback") for a in box.iterancestors()):
            continue
        found += [DocxParagraph(p, paragraph._parent) for p in box.iter(qn("w:p"))]
    return found


def paragraph_flowables(paragraph: DocxParagraph, page: Page) -> list[Flowable]:
    markup = _markup(paragraph)
    size = _size(paragraph, page.defaults)
    before, after, multiple = _spacing(paragraph, page.defaults)
    fonts = page.fonts
    out: list[Flowable] = []
    if not markup.strip():
        out.append(Spacer(1, size * 1.2 * multiple + after))
    else:
        listed = _is_list(paragraph)
        alignment = paragraph.alignment
        style = ParagraphStyle(
            "p",
            fontName=fonts[0],
            fontSize=size,
            leading=size * 1.2 * multiple,
            alignment=ALIGN.get(int(alignment), TA_LEFT) if alignment is not None else TA_LEFT,
            leftIndent=LIST_INDENT if listed else 0,
            bulletIndent=2 if listed else 0,
            bulletFontName=fonts[0],
            spaceBefore=before,
            spaceAfter=after,
        )
        out.append(Paragraph(markup, style, bulletText="•" if listed else None))
    for inner in _text_boxes(paragraph):
        out += paragraph_flowables(inner, page)
    return out


# --- Tables and the body ------------------------------------------------------------------------


def _cell_flowables(cell: _Cell, page: Page, width: float) -> list[Flowable]:
    out: list[Flowable] = []
    for block in cell.iter_inner_content():
        out += _block_flowables(block, page, width)
    return out or [Spacer(1, 1)]


def table_flowables(table: DocxTable, page: Page, width: float) -> list[Flowable]:
    """The table as a reportlab table (cells side by side); merged cells are drawn once."""
    columns = len(table.columns)
    if not columns or not table.rows:
        return []
    given = [c.width for c in table.columns]
    if all(w is not None and w > 0 for w in given):
        total = float(sum(w for w in given if w is not None))
        widths = [width * float(w) / total for w in given if w is not None]
    else:
        widths = [width / columns] * columns
    rows = []
    for row in table.rows:
        seen: set[int] = set()
        cells: list[list[Flowable]] = []
        for i, cell in enumerate(row.cells[:columns]):
            fresh = id(cell._tc) not in seen
            seen.add(id(cell._tc))
            cells.append(_cell_flowables(cell, page, widths[i] - 12) if fresh else [])
        cells += [[] for _ in range(columns - len(cells))]
        rows.append(cells)
    return [Table(rows, colWidths=widths, splitInRow=1, hAlign="LEFT")]


def _block_flowables(block: DocxParagraph | DocxTable, page: Page, width: float) -> list[Flowable]:
    if isinstance(block, DocxTable):
        return table_flowables(block, page, width)
    return paragraph_flowables(block, page)


def _flattened(block: DocxParagraph | DocxTable) -> Iterator[DocxParagraph]:
    """A table's paragraphs in reading order, row by row: the fallback when cells will not fit."""
    if isinstance(block, DocxParagraph):
        yield block
        return
    for row in block.rows:
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            for inner in cell.iter_inner_content():
                yield from _flattened(inner)


@dataclass(frozen=True)
class Page:
    """The first section's page: size and margins in points, the fonts and the defaults."""

    size: tuple[float, float]
    margins: tuple[float, float, float, float]  # left, right, top, bottom
    fonts: tuple[str, str]
    defaults: Defaults

    @property
    def width(self) -> float:
        return self.size[0] - self.margins[0] - self.margins[1]

    @classmethod
    def of(cls, document: DocxDocument) -> Page:
        section = document.sections[0] if document.sections else None

        def points(value: Length | None, default: float) -> float:
            return value.pt if value is not None and value > 0 else default

        if section is None:
            return cls(letter, (MARGIN,) * 4, _fonts(), Defaults.of(document))
        size = (points(section.page_width, letter[0]), points(section.page_height, letter[1]))
        left, right, top, bottom = (
            points(m, MARGIN)
            for m in (
                section.left_margin,
                section.right_margin,
                section.top_margin,
                section.bottom_margin,
            )
        )
        return cls(size, (left, right, top, bottom), _fonts(), Defaults.of(document))


def docx_to_pdf(data: bytes) -> bytes:
    """Lay the DOCX out on its first section's pages; tables whose rows will not fit on a page
    become their paragraphs, row by row."""
    document = Document(io.BytesIO(data))
    page = Page.of(document)
    blocks: list[DocxParagraph | DocxTable] = []
    if document.sections:
        blocks += list(document.sections[0].header.iter_inner_content())
    blocks += list(document.iter_inner_content())
    try:
        return _build([f for b in blocks for f in _block_flowables(b, page, page.width)], page)
    except LayoutError:
        flat = [p for b in blocks for p in _flattened(b)]
        return _build([f for p in flat for f in paragraph_flowables(p, page)], page)


def _build(story: list[Flowable], page: Page) -> bytes:
    buffer = io.BytesIO()
    left, right, top, bottom = page.margins
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page.size,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        invariant=True,  # the same DOCX gives the same bytes
    )
    doc.build(story or [Spacer(1, 1)])
    return buffer.getvalue()
