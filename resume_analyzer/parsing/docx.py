"""DOCX resumes: headers, footers, body paragraphs, tables and text boxes as `Line`s in order.

python-docx opens the package and resolves styles, run fonts and relationships. The content
itself is walked at the XML level because python-docx's iterators skip content controls
(`w:sdt`, which Word's resume templates wrap everything in), text boxes and tracked insertions,
and `row.cells` repeats merged cells. `check_zip` vets the archive before anything inflates.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from docx.enum.style import WD_STYLE_TYPE
from docx.exceptions import PythonDocxError
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import OpcError
from docx.package import Package
from docx.text.run import Run

from resume_analyzer.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    UnsupportedFileTypeError,
)
from resume_analyzer.parsing.lines import Line, RawDocument, clean_text, split_marker
from resume_analyzer.parsing.zipsafety import check_zip
from resume_analyzer.settings import ParseSettings

Element = Any  # an lxml element; lxml ships no type information
_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
_W = f"{{{_NS['w']}}}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_VAL, _TYPE, _TXBX, _BR = _W + "val", _W + "type", _W + "txbxContent", _W + "br"
# Never read: properties, deleted text, and the VML fallback that repeats a text box.
_SKIP = frozenset(
    _W + tag for tag in ("pPr", "rPr", "sdtPr", "sdtEndPr", "del", "moveFrom", "tcPr", "trPr")
) | {_MC + "Fallback"}
# Read as if their children stood in their place (content controls, custom XML, insertions).
_WRAPPERS = frozenset(_W + t for t in ("sdt", "sdtContent", "customXml", "ins", "moveTo")) | {
    _MC + "AlternateContent"
}
_TOKENS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
_FIELD_LINK = re.compile(r'HYPERLINK\s+"([^"]+)"')
_PAGE_NUMBER = re.compile(r"(?i)[-–—\s]*(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?[-–—\s]*")
_HEADING = re.compile(r"Heading (\d)")
_OFF = ("0", "false", "off", "none", "nil")
# python-docx, zip and lxml failures on a damaged file; lxml's XMLSyntaxError is a SyntaxError.
_BROKEN = (zipfile.BadZipFile, zlib.error, OpcError, PythonDocxError, SyntaxError, EOFError)
_BROKEN += (KeyError, IndexError, ValueError, TypeError, AttributeError, RecursionError)


def read_docx(data: bytes, name: str, settings: ParseSettings) -> RawDocument:
    check_zip(data, name, settings)
    try:
        part = Package.open(io.BytesIO(data)).main_document_part
        if part.content_type != CT.WML_DOCUMENT_MAIN:
            raise UnsupportedFileTypeError(
                f"{name} is a Word template or macro-enabled document. Save it as a regular "
                "Word document (.docx) or export it as PDF."
            )
        return _Reader(part.document, name, settings).read()
    except _BROKEN as error:
        raise CorruptDocumentError(
            f"{name} is damaged: its Word content cannot be read. Open it in Word or "
            "LibreOffice and save it again, or export it as PDF."
        ) from error


class _Font(NamedTuple):
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    size: float | None = None


class _Facts(NamedTuple):
    heading: int | None = None
    numbered: bool | None = None
    rule_above: bool | None = None
    rule_below: bool | None = None


_T = TypeVar("_T", _Font, _Facts)


@dataclass
class _Segment:
    """The text of a paragraph up to a line break, with its runs and non-space character counts."""

    parts: list[str] = field(default_factory=list)
    runs: list[tuple[Element, int]] = field(default_factory=list)
    page: int = 0


class _Reader:
    def __init__(self, document: Any, name: str, settings: ParseSettings) -> None:
        self.document, self.name, self.settings = document, name, settings
        self.part: Any = document.part
        self.lines: list[Line] = []
        self.links: list[str] = []
        self.page, self.blocks, self.chars = 1, 0, 0
        self.in_header, self.seen_text = False, False
        self.header_texts: set[str] = set()
        self.fonts: dict[tuple[str | None, str | None], _Font] = {}
        self.facts: dict[str | None, _Facts] = {}
        # Word records where it broke pages when it last laid the file out, hard breaks
        # included; count those when present, else the hard breaks only, never both.
        body = document.element.body
        rendered = body.find(".//w:lastRenderedPageBreak", _NS) is not None
        self.break_tag = _W + "lastRenderedPageBreak" if rendered else _BR
        size = document.styles.element.find("w:docDefaults/w:rPrDefault/w:rPr/w:sz", _NS)
        self.default_size = _number(size) / 2

    def read(self) -> RawDocument:
        self._headers_and_footers()
        self._container(self.document.element.body)
        self._part_links(self.document.part)
        pages = max((line.page for line in self.lines), default=1)
        return RawDocument(self.lines, pages, "docx", link_urls=self.links)

    def _headers_and_footers(self) -> None:
        """Contact details often live in the header: read them first, once each."""
        self.in_header = True
        for kind in ("header", "footer"):
            for section in self.document.sections:
                for variant in (f"first_page_{kind}", kind, f"even_page_{kind}"):
                    story = getattr(section, variant)
                    if not story.is_linked_to_previous:
                        self.part = story.part
                        self._container(story.part.element)
                        self._part_links(story.part)
        self.in_header, self.part, self.page = False, self.document.part, 1

    def _container(self, element: Element) -> None:
        """A body, cell, text box or header: paragraphs flow in one block until a gap."""
        block: int | None = None
        last: Line | None = None
        for item in _items(element, (_W + "p", _W + "tbl")):
            if item.tag == _W + "tbl":
                self._table(item)
                block = last = None
                continue
            facts, ppr = self._paragraph_facts(item), item.find("w:pPr", _NS)
            if self.break_tag == _BR and _on(ppr, "w:pageBreakBefore"):
                self._page_break()
            segments, boxes = self._inline(item)
            lines = self._lines(segments, facts, _val(ppr, "w:pStyle"), _indent(ppr))
            if lines:
                block = self._new_block() if block is None else block
                for line in lines:
                    line.block = block
                    self._emit(line)
                last = lines[-1]
            else:  # an empty paragraph ends the block; its border underlines the line above
                if last is not None and (facts.rule_above or facts.rule_below):
                    last.rule_below = True
                block = None
            if self.break_tag == _BR and _section_break(ppr):
                self._page_break()
            for box in boxes:  # each text box flows on its own, on its anchor's page
                page = self.page
                self._container(box)
                self.page, block, last = page, None, None

    def _table(self, table: Element) -> None:
        """Row by row, cell by cell: a layout table's columns come out one after the other."""
        for row in _items(table, (_W + "tr",)):
            start = end = self.page
            for cell in _items(row, (_W + "tc",)):
                merge = cell.find("w:tcPr/w:vMerge", _NS)
                if merge is not None and merge.get(_VAL, "continue") == "continue":
                    continue  # the lower part of a vertically merged cell: already read
                self.page = start  # every cell of a row starts on the same page
                self._container(cell)
                end = max(end, self.page)
            self.page = end

    def _inline(self, paragraph: Element) -> tuple[list[_Segment], list[Element]]:
        segments, boxes, fields = [_Segment()], [], []
        for element in _descendants(paragraph):
            tag = element.tag
            if tag == _TXBX:
                boxes.append(element)
            elif tag == _W + "hyperlink":
                self._relationship_link(element.get(_R_ID))
            elif tag == _W + "instrText":
                fields.append(element.text or "")
            elif tag == _W + "fldSimple":
                fields.append(element.get(_W + "instr", ""))
            elif tag == self.break_tag and (tag != _BR or element.get(_TYPE) == "page"):
                self._page_break()
            text = _token(element)
            if text == "\n":  # a soft line break: a new visual line in the same block
                segments.append(_Segment())
            elif text:
                self._add_text(segments[-1], text, element.getparent())
        for url in _FIELD_LINK.findall(" ".join(fields)):
            self._add_link(url)
        return segments, boxes

    def _add_text(self, segment: _Segment, text: str, run: Element) -> None:
        segment.parts.append(text)
        count = sum(not ch.isspace() for ch in text)
        if count:
            segment.page = segment.page or self.page
            segment.runs.append((run, count))
            self.seen_text = self.seen_text or not self.in_header

    def _lines(
        self, segments: list[_Segment], facts: _Facts, style: str | None, indent: float | None
    ) -> list[Line]:
        lines: list[Line] = []
        for segment in segments:
            marker, text = split_marker(clean_text("".join(segment.parts)))
            if not text:
                continue
            if marker is None and not lines and facts.numbered:
                marker = "•"  # Word draws the bullet from the numbering definition
            bold, italic, caps, size = self._looks(segment.runs, style)
            lines.append(
                Line(
                    text,
                    page=segment.page or self.page,
                    size=size,
                    bold=bold,
                    italic=italic,
                    caps=caps,
                    marker=marker,
                    indent=indent,
                    rule_above=bool(facts.rule_above) and not lines,
                    heading_level=facts.heading,
                    in_header=self.in_header,
                )
            )
        if lines:
            lines[-1].rule_below = bool(facts.rule_below)
        return lines

    def _looks(
        self, runs: list[tuple[Element, int]], style: str | None
    ) -> tuple[bool, bool, bool, float]:
        """Bold, italic, caps when every run with text has them; the size with most characters."""
        flags = [True, True, True]
        sizes: dict[float, int] = {}
        for run, count in runs:
            font = _merge(_font(Run(run, self.document).font), self._style_font(run, style))
            flags = [have and bool(value) for have, value in zip(flags, font[:3], strict=True)]
            size = font.size or 0.0
            sizes[size] = sizes.get(size, 0) + count
        size = max(sizes, key=sizes.__getitem__, default=self.default_size)
        return flags[0] and bool(runs), flags[1] and bool(runs), flags[2] and bool(runs), size

    def _style_font(self, run: Element, paragraph_style: str | None) -> _Font:
        """What character style, paragraph style and document defaults say, cached."""
        key = (_val(run.find("w:rPr", _NS), "w:rStyle"), paragraph_style)
        if key not in self.fonts:
            chain = self._chain(key[0], WD_STYLE_TYPE.CHARACTER) if key[0] else []
            chain += self._chain(key[1], WD_STYLE_TYPE.PARAGRAPH)
            chain += self._chain(None, WD_STYLE_TYPE.PARAGRAPH)  # "Normal", if not based on it
            merged = _Font()
            for style in chain:
                merged = _merge(merged, _font(style.font))
            self.fonts[key] = _merge(merged, _Font(size=self.default_size))
        return self.fonts[key]

    def _paragraph_facts(self, paragraph: Element) -> _Facts:
        ppr = paragraph.find("w:pPr", _NS)
        style_id = _val(ppr, "w:pStyle")
        if style_id not in self.facts:
            facts = _Facts()
            for style in self._chain(style_id, WD_STYLE_TYPE.PARAGRAPH):
                facts = _merge(facts, _style_name_facts(style.name or ""))
                facts = _merge(facts, _ppr_facts(style.element.find("w:pPr", _NS)))
            self.facts[style_id] = facts
        return _merge(_ppr_facts(ppr), self.facts[style_id])

    def _chain(self, style_id: str | None, kind: WD_STYLE_TYPE) -> list[Any]:
        """The style and the styles it is based on; a cycle in a damaged file stops the walk."""
        chain: list[Any] = []
        style = self.document.part.get_style(style_id, kind)
        while style is not None and style not in chain and len(chain) < 20:
            chain.append(style)
            style = getattr(style, "base_style", None)
        return [style for style in chain if hasattr(style, "font")]

    def _emit(self, line: Line) -> None:
        if self.in_header:
            if _PAGE_NUMBER.fullmatch(line.text) or line.text in self.header_texts:
                return
            self.header_texts.add(line.text)
        self.chars += len(line.text)
        if self.chars > self.settings.max_text_chars:
            raise DocumentTooLargeError(
                f"{self.name} has more than {self.settings.max_text_chars:,} characters of "
                "text; a resume rarely has 10,000. Shorten it or raise max_text_chars."
            )
        self.lines.append(line)

    def _new_block(self) -> int:
        self.blocks += 1
        return self.blocks

    def _page_break(self) -> None:
        # Breaks in headers, or before any text (a stray break at the top), start no page.
        if self.seen_text and not self.in_header:
            self.page += 1

    def _relationship_link(self, rel_id: str | None) -> None:
        rel = self.part.rels.get(rel_id) if rel_id else None
        if rel is not None and rel.is_external and rel.reltype == RT.HYPERLINK:
            self._add_link(rel.target_ref)

    def _part_links(self, part: Any) -> None:
        """Links on pictures and shapes are relationships too, with no hyperlink element."""
        for rel in part.rels.values():
            if rel.is_external and rel.reltype == RT.HYPERLINK:
                self._add_link(rel.target_ref)

    def _add_link(self, url: str) -> None:
        url = url.strip()
        if url and url not in self.links:
            self.links.append(url)


def _children(element: Element) -> list[Element]:
    if element.tag == _MC + "AlternateContent":  # read the first choice, never the fallback
        choice = element.find(_MC + "Choice")
        return [] if choice is None else list(choice)
    return [child for child in element if child.tag not in _SKIP]


def _items(parent: Element, tags: tuple[str, ...]) -> Iterator[Element]:
    """Children with one of `tags`, looking through wrappers such as content controls."""
    for child in _children(parent):
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _items(child, tags)


def _descendants(paragraph: Element) -> Iterator[Element]:
    """Everything inside a paragraph in order, except text boxes' contents."""
    for child in _children(paragraph):
        yield child
        if child.tag != _TXBX:
            yield from _descendants(child)


def _token(element: Element) -> str | None:
    tag = element.tag
    if tag == _W + "t":
        return str(element.text or "")
    if tag == _BR:
        return "" if element.get(_TYPE) in ("page", "column") else "\n"
    if tag == _W + "sym":  # a symbol-font glyph, often the bullet: split_marker knows them
        try:
            return chr(int(element.get(_W + "char", ""), 16))
        except (ValueError, OverflowError):
            return ""
    return _TOKENS.get(tag)


def _font(font: Any) -> _Font:
    caps = {font.all_caps, font.small_caps} - {None}
    size = font.size
    return _Font(
        font.bold, font.italic, (True in caps) if caps else None, None if size is None else size.pt
    )


def _merge(first: _T, fallback: _T) -> _T:
    """Field by field, what `first` says, else what `fallback` says."""
    return first._make(a if a is not None else b for a, b in zip(first, fallback, strict=True))


def _style_name_facts(name: str) -> _Facts:
    heading = _HEADING.fullmatch(name)
    level = 0 if name == "Title" else int(heading.group(1)) if heading else None
    return _Facts(
        heading=level, numbered=True if name.startswith(("List Bullet", "List Number")) else None
    )


def _ppr_facts(ppr: Element) -> _Facts:
    if ppr is None:
        return _Facts()
    outline = _val(ppr, "w:outlineLvl")
    level = int(outline) + 1 if outline and outline.isdigit() and int(outline) < 9 else None
    number = _val(ppr, "w:numPr/w:numId")
    borders = [ppr.find(f"w:pBdr/w:{side}", _NS) for side in ("top", "bottom")]
    above, below = (None if b is None else b.get(_VAL) not in _OFF for b in borders)
    return _Facts(level, None if number is None else number != "0", above, below)


def _val(parent: Element, path: str) -> str | None:
    found = None if parent is None else parent.find(path, _NS)
    return None if found is None else found.get(_VAL)


def _on(parent: Element, path: str) -> bool:
    found = None if parent is None else parent.find(path, _NS)
    return found is not None and found.get(_VAL, "1") not in _OFF


def _section_break(ppr: Element) -> bool:
    """A section that ends at this paragraph starts the next one on a new page by default."""
    section = None if ppr is None else ppr.find("w:sectPr", _NS)
    return section is not None and _val(section, "w:type") not in ("continuous", "nextColumn")


def _indent(ppr: Element) -> float | None:
    ind = None if ppr is None else ppr.find("w:ind", _NS)
    value = None if ind is None else ind.get(_W + "left", ind.get(_W + "start"))
    try:
        return None if value is None else float(value) / 20  # twentieths of a point
    except ValueError:
        return None


def _number(element: Element) -> float:
    try:
        return 0.0 if element is None else float(element.get(_VAL, "0"))
    except ValueError:
        return 0.0
