"""DOCX resumes: headers, footers, body paragraphs, tables and text boxes as `Line`s in order.

python-docx opens the package and hands over its parts, sections and relationships. Content and
styles are read at the XML level because python-docx's iterators skip content controls (`w:sdt`,
which Word's resume templates wrap everything in) and text boxes, and `row.cells` repeats merged
cells. A soft line break (Shift+Enter) starts a new `Line` in the same block, as a PDF line
would, except where it only wraps a bullet or a sentence. `check_zip` vets the archive
before python-docx inflates anything.
"""

from __future__ import annotations

import io
import itertools
import math
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from docx.exceptions import PythonDocxError
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import OpcError
from docx.oxml.exceptions import XmlchemyError
from docx.package import Package

from resume_analyzer.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    UnsupportedFileTypeError,
)
from resume_analyzer.parsing.dates import find_date_range
from resume_analyzer.parsing.lines import Line, RawDocument, clean_text, split_marker
from resume_analyzer.parsing.paragraphs import join_text
from resume_analyzer.parsing.pasted import continues
from resume_analyzer.parsing.zipsafety import check_zip
from resume_analyzer.settings import ParseSettings

Element = Any  # an lxml element; lxml ships no type information
_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
_W = f"{{{_NS['w']}}}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_VAL, _TYPE, _TXBX, _BR = _W + "val", _W + "type", _W + "txbxContent", _W + "br"
# Never read: deleted text, and the VML fallback that repeats a text box's DrawingML.
_SKIP = {_W + "del", _W + "moveFrom", _MC + "Fallback"}
# Read as if their children stood in their place (content controls, custom XML).
_WRAPPERS = {_MC + "AlternateContent", *(_W + t for t in ("sdt", "sdtContent", "customXml"))}
_TOKENS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
# Bounded: an unclosed quote would otherwise be scanned to the end once per "HYPERLINK".
_FIELD_LINK = re.compile(r'HYPERLINK\s+"([^"]{1,2048})"')
_PAGE_NUMBER = re.compile(r"(?i)[-–—\s]*(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?[-–—\s]*")
_HEADING = re.compile(r"heading ([1-9])")
_OFF = ("0", "false", "off", "none", "nil")
# python-docx, zip and lxml failures on a damaged file (lxml's XMLSyntaxError is a SyntaxError,
# zipfile raises NotImplementedError for "zip file version 6.7").
_BROKEN: tuple[type[Exception], ...] = (zipfile.BadZipFile, zlib.error, EOFError, SyntaxError)
_BROKEN += (OpcError, PythonDocxError, XmlchemyError, NotImplementedError, RecursionError)
_BROKEN += (KeyError, IndexError, ValueError, TypeError, AttributeError)


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


class _Para(NamedTuple):
    style: str | None
    heading: int | None
    numbered: bool
    rule_above: bool
    rule_below: bool
    indent: float | None


@dataclass
class _Segment:
    """The text of a paragraph up to a line break, with its runs and non-space character counts."""

    parts: list[str] = field(default_factory=list)
    runs: list[tuple[Element, int]] = field(default_factory=list)
    page: int = 0


class _Styles:
    """styles.xml as chains of inherited properties: the style, its base, the base's base…"""

    def __init__(self, root: Element) -> None:
        styles = [] if root is None else root.findall("w:style", _NS)
        self.by_id = {style.get(_W + "styleId"): style for style in styles}
        defaults = [s for s in styles if s.get(_TYPE) == "paragraph" and s.get(_W + "default")]
        self.default = next((s for s in defaults if s.get(_W + "default") in ("1", "true")), None)
        self.doc_rpr = _first([root], "w:docDefaults/w:rPrDefault/w:rPr")
        self.rprs: dict[tuple[str | None, str | None], list[Element]] = {}

    def chain(self, style_id: str | None, fallback: Element = None) -> list[Element]:
        chain: list[Element] = []
        style = self.by_id.get(style_id, fallback)
        while style is not None and style not in chain and len(chain) < 20:  # cycles happen
            chain.append(style)
            style = self.by_id.get(_val(style, "w:basedOn"))
        return chain

    def run_properties(self, run_style: str | None, paragraph_style: str | None) -> list[Element]:
        """What a run inherits: character style, paragraph style, "Normal", document defaults."""
        key = (run_style, paragraph_style)
        if key not in self.rprs:
            styles = self.chain(run_style) + self.chain(paragraph_style, self.default)
            styles += self.chain(None, self.default)  # "Normal", when the style is not based on it
            self.rprs[key] = [*(style.find("w:rPr", _NS) for style in styles), self.doc_rpr]
        return self.rprs[key]


class _Reader:
    def __init__(self, document: Any, name: str, settings: ParseSettings) -> None:
        self.document, self.name, self.settings = document, name, settings
        self.styles = _Styles(document.styles.element)
        self.part: Any = document.part
        self.lines: list[Line] = []
        self.links: list[str] = []
        self.page, self.blocks, self.chars = 1, 0, 0
        self.in_header, self.seen_text = False, False
        self.header_texts: set[str] = set()
        # Word records where it broke pages when it last laid the file out, hard breaks
        # included; count those when present, else the hard breaks only, never both.
        rendered = document.element.body.find(".//w:lastRenderedPageBreak", _NS) is not None
        self.break_tag = _W + "lastRenderedPageBreak" if rendered else _BR

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
            lines, boxes = self._paragraph(item, last)
            if lines:
                if block is None:
                    self.blocks += 1
                    block = self.blocks
                for line in lines:
                    line.block = block
                    self._emit(line)
                last = lines[-1]
            else:  # an empty paragraph ends the block
                block = None
            for box in boxes:  # each text box flows on its own, on its anchor's page
                page = self.page
                self._container(box)
                self.page, block, last = page, None, None

    def _paragraph(self, paragraph: Element, last: Line | None) -> tuple[list[Line], list[Any]]:
        """The lines of one paragraph and the text boxes anchored in it."""
        ppr = paragraph.find("w:pPr", _NS)
        if self.break_tag == _BR and _on(ppr, "w:pageBreakBefore"):
            self._page_break()
        segments, boxes = self._inline(paragraph)
        para = self._para(ppr)
        lines = self._lines(segments, para)
        if not lines and last is not None and (para.rule_above or para.rule_below):
            last.rule_below = True  # a bordered empty paragraph underlines the line above
        section = _first([ppr], "w:sectPr")  # a section ending here starts a page by default
        new_page = section is not None and _val(section, "w:type") != "continuous"
        if self.break_tag == _BR and new_page:
            self._page_break()
        return lines, boxes

    def _table(self, table: Element) -> None:
        """Row by row, cell by cell: a layout table's columns come out one after the other."""
        for row in _items(table, (_W + "tr",)):
            start = end = self.page
            for cell in _items(row, (_W + "tc",)):
                merge = _first([cell], "w:tcPr/w:vMerge")
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
                self._part_links(self.part, element.get(_R_ID) or "")
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

    def _lines(self, segments: list[_Segment], para: _Para) -> list[Line]:
        lines: list[Line] = []
        for segment in segments:
            marker, text = split_marker(clean_text("".join(segment.parts)))
            if not text:
                continue
            if marker is None and not lines and para.numbered:
                marker = "•"  # Word draws the bullet from the numbering definition
            looks = self._looks(segment.runs, para.style)
            page = segment.page or self.page
            lines.append(Line(text, page, marker=marker, indent=para.indent, **looks))
            lines[-1].heading_level, lines[-1].in_header = para.heading, self.in_header
        lines = _join_soft_breaks(lines, para.numbered or bool(lines and lines[0].marker))
        if lines:
            lines[0].rule_above, lines[-1].rule_below = para.rule_above, para.rule_below
        return lines

    def _looks(self, runs: list[tuple[Element, int]], style: str | None) -> dict[str, Any]:
        """Bold, italic, caps when every run with text has them; the size with most characters."""
        bold = italic = caps = bool(runs)
        sizes: dict[float, int] = {}
        for run, count in runs:
            rpr = run.find("w:rPr", _NS)
            chain = [rpr, *self.styles.run_properties(_val(rpr, "w:rStyle"), style)]
            fonts = _first(chain, "w:rFonts")  # Mac and Pages exports name faces "Cambria Bold"
            face = "" if fonts is None else fonts.get(_W + "ascii") or fonts.get(_W + "hAnsi") or ""
            bold = bold and (_on(_first(chain, "w:b")) or "bold" in face.lower())
            italic = italic and (_on(_first(chain, "w:i")) or "italic" in face.lower())
            caps = caps and (_on(_first(chain, "w:caps")) or _on(_first(chain, "w:smallCaps")))
            size = (_number(_first(chain, "w:sz"), "val") or 0.0) / 2  # half-points
            sizes[size] = sizes.get(size, 0) + count
        size = max(sizes, key=sizes.__getitem__, default=0.0)
        return {"bold": bold, "italic": italic, "caps": caps, "size": size}

    def _para(self, ppr: Element) -> _Para:
        """Heading level, numbering and borders: the paragraph's own, else its styles'."""
        style_id = _val(ppr, "w:pStyle")
        styles = self.styles.chain(style_id, self.styles.default)
        pprs = [ppr, *(style.find("w:pPr", _NS) for style in styles)]
        names = [(_val(style, "w:name") or "").lower() for style in styles]
        outline = _number(_first(pprs, "w:outlineLvl"), "val")
        levels = [0 if name == "title" else _heading_number(name) for name in names]
        levels.append(int(outline) + 1 if outline is not None and 0 <= outline < 9 else None)
        number = _val(_first(pprs, "w:numPr/w:numId"), "")
        listed = any(name.startswith(("list bullet", "list number")) for name in names)
        indent = _number(_first([ppr], "w:ind"), "left", "start")
        return _Para(
            style=style_id,
            heading=next((level for level in levels if level is not None), None),
            numbered=listed if number is None else number != "0",
            rule_above=_on(_first(pprs, "w:pBdr/w:top")),
            rule_below=_on(_first(pprs, "w:pBdr/w:bottom")),
            indent=None if indent is None else indent / 20,  # twentieths of a point
        )

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

    def _page_break(self) -> None:
        # Breaks in headers, or before any text (a stray break at the top), start no page.
        if self.seen_text and not self.in_header:
            self.page += 1

    def _part_links(self, part: Any, rel_id: str | None = None) -> None:
        """One hyperlink's target, or all of a part's: pictures and shapes link that way too."""
        rels = part.rels.values() if rel_id is None else [part.rels.get(rel_id)]
        for rel in rels:
            if rel is not None and rel.is_external and rel.reltype == RT.HYPERLINK:
                self._add_link(rel.target_ref)

    def _add_link(self, url: str) -> None:
        if url.strip() and url.strip() not in self.links:
            self.links.append(url.strip())


def _join_soft_breaks(lines: list[Line], listed: bool) -> list[Line]:
    """The lines of one paragraph, with Shift+Enter wraps undone.

    Inside a bullet (a list paragraph, or one starting with a glyph) a soft line break only
    wraps the text, unless what follows has its own glyph or is a date line. Elsewhere it
    separates parts ("Acme Corp" / "Product Manager"), unless the next part only continues
    the sentence above (lower case after no full stop, or after "and" or a comma).
    """
    out = lines[:1]
    for above, line in itertools.pairwise(lines):
        dated = find_date_range(line.text) is not None and len(line.text.split()) <= 12
        wraps = listed and line.marker is None and not dated
        if wraps or continues(out[-1], line, above.text):
            out[-1].text = join_text(out[-1].text, line.text)
        else:
            out.append(line)
    return out


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


def _heading_number(style_name: str) -> int | None:
    heading = _HEADING.fullmatch(style_name)
    return int(heading.group(1)) if heading else None


def _first(chain: list[Element], path: str) -> Element:
    """The first element found at `path` under the elements of `chain`, skipping missing ones."""
    for element in chain:
        found = None if element is None else element.find(path, _NS)
        if found is not None:
            return found
    return None


def _val(parent: Element, path: str) -> str | None:
    """The w:val of `parent`'s child at `path`, or of `parent` itself when `path` is empty."""
    found = _first([parent], path) if path else parent
    return None if found is None else found.get(_VAL)


def _on(element: Element, path: str = "") -> bool:
    """A true/false property: present and not switched off (absent w:val means on)."""
    found = _first([element], path) if path else element
    return found is not None and found.get(_VAL, "1") not in _OFF


def _number(element: Element, *attributes: str) -> float | None:
    """The first of `attributes` that `element` has, as a number (None if absent or garbled)."""
    values = [] if element is None else [element.get(_W + name) for name in attributes]
    try:
        number = next((float(value) for value in values if value is not None), None)
    except ValueError:
        return None
    return number if number is not None and math.isfinite(number) else None
