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
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.oxml.ns import qn
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


def _size(paragraph: DocxParagraph) -> float:
    sizes = [run.font.size.pt for run in paragraph.runs if run.font.size is not None]
    if sizes:
        return min(max(float(max(sizes)), 6.0), 28.0)
    for style in _style_chain(paragraph):
        font = getattr(style, "font", None)
        if font is not None and font.size is not None:
            return min(max(float(font.size.pt), 6.0), 28.0)
    return HEADING_SIZES.get(_style_name(paragraph), BODY_SIZE)


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


def paragraph_flowables(paragraph: DocxParagraph, fonts: tuple[str, str]) -> list[Flowable]:
    markup = _markup(paragraph)
    size = _size(paragraph)
    out: list[Flowable] = []
    if not markup.strip():
        out.append(Spacer(1, size * 0.6))
    else:
        listed = _is_list(paragraph)
        alignment = paragraph.alignment
        style = ParagraphStyle(
            "p",
            fontName=fonts[0],
            fontSize=size,
            leading=size * 1.25,
            alignment=ALIGN.get(int(alignment), TA_LEFT) if alignment is not None else TA_LEFT,
            leftIndent=LIST_INDENT if listed else 0,
            bulletIndent=2 if listed else 0,
            bulletFontName=fonts[0],
            spaceBefore=size * 0.5 if _is_heading(paragraph) else 0,
        )
        out.append(Paragraph(markup, style, bulletText="•" if listed else None))
    for inner in _text_boxes(paragraph):
        out += paragraph_flowables(inner, fonts)
    return out


# --- Tables and the body ------------------------------------------------------------------------


def _cell_flowables(cell: _Cell, fonts: tuple[str, str], width: float) -> list[Flowable]:
    out: list[Flowable] = []
    for block in cell.iter_inner_content():
        out += _block_flowables(block, fonts, width)
    return out or [Spacer(1, 1)]


def table_flowables(table: DocxTable, fonts: tuple[str, str], width: float) -> list[Flowable]:
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
            cells.append(_cell_flowables(cell, fonts, widths[i] - 12) if fresh else [])
        cells += [[] for _ in range(columns - len(cells))]
        rows.append(cells)
    return [Table(rows, colWidths=widths, splitInRow=1, hAlign="LEFT")]


def _block_flowables(
    block: DocxParagraph | DocxTable, fonts: tuple[str, str], width: float
) -> list[Flowable]:
    if isinstance(block, DocxTable):
        return table_flowables(block, fonts, width)
    return paragraph_flowables(block, fonts)


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


def docx_to_pdf(data: bytes) -> bytes:
    """Lay the DOCX out on letter pages; tables whose rows will not fit become plain rows."""
    document = Document(io.BytesIO(data))
    fonts = _fonts()
    width = letter[0] - 2 * MARGIN
    blocks: list[DocxParagraph | DocxTable] = []
    if document.sections:
        blocks += list(document.sections[0].header.iter_inner_content())
    blocks += list(document.iter_inner_content())
    try:
        return _build([f for b in blocks for f in _block_flowables(b, fonts, width)])
    except LayoutError:
        flat = [p for b in blocks for p in _flattened(b)]
        return _build([f for p in flat for f in paragraph_flowables(p, fonts)])


def _build(story: list[Flowable]) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=letter,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        invariant=True,  # the same DOCX gives the same bytes
    )
    doc.build(story or [Spacer(1, 1)])
    return buffer.getvalue()
