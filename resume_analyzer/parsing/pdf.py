"""PDF resumes with pdfplumber: words with fonts and positions, laid out in reading order.

pdfplumber (on pdfminer.six) gives every word's box, font and size, which the layout step
needs for columns, headings and bullets; link annotations give the URLs behind icons.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from resume_analyzer.document import DocumentWarning
from resume_analyzer.errors import (
    CorruptDocumentError,
    DocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    ScannedDocumentError,
)
from resume_analyzer.parsing.glyphs import build_words, glyphs_of, unreadable_warning
from resume_analyzer.parsing.layout import lay_out_page
from resume_analyzer.parsing.lines import Line, RawDocument, mark_repeated_glyphs
from resume_analyzer.parsing.linkedin import (
    EXPORT_NOTE,
    EXPORT_WARNING,
    ExportReader,
    profile_links,
    rebuild,
)
from resume_analyzer.settings import ParseSettings

# pdfminer logs every font quirk of real-world PDFs at WARNING; they are not ours to show.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–(]?\s*\d{1,3}\s*[-–)]?(?:\s*(?:of|/)\s*\d{1,3})?$", re.IGNORECASE
)
_MARGIN = 0.07  # top and bottom share of the page where running headers and footers live


@contextmanager
def _pdf_errors(name: str) -> Iterator[None]:
    """Turn pdfminer's many exception types into one error a person can act on."""
    try:
        yield
    except (DocumentError, MemoryError):
        raise  # MemoryError: the parse process's budget, reported as such
    except Exception as error:  # pdfminer raises anything from KeyError to struct.error
        if _out_of_memory(error):
            raise MemoryError from None  # pdfplumber wraps it; it is the budget, not damage
        if _is_password_error(error):
            raise EncryptedDocumentError(
                f"{name} is password-protected. Remove the password (in your PDF viewer, "
                "print or export it to a new PDF) and upload it again."
            ) from None
        raise CorruptDocumentError(
            f"{name} is a damaged or unusual PDF that could not be read "
            f"({type(error).__name__}). Export it again from your editor, or upload a DOCX."
        ) from None


def _out_of_memory(error: BaseException) -> bool:
    seen: BaseException | None = error
    for _ in range(8):  # a short chain; never loop on a cycle
        if seen is None:
            return False
        if isinstance(seen, MemoryError) or any(isinstance(a, MemoryError) for a in seen.args):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _is_password_error(error: BaseException) -> bool:
    """pdfplumber wraps pdfminer's password error: look through the chain and the args."""
    seen: list[BaseException] = []
    todo: list[object] = [error]
    while todo:
        item = todo.pop()
        if not isinstance(item, BaseException) or item in seen:
            continue
        seen.append(item)
        if type(item).__name__ in {"PDFPasswordIncorrect", "PDFEncryptionError"}:
            return True
        todo.extend([item.__cause__, item.__context__, *item.args])
    return False


def read_pdf(data: bytes, name: str, settings: ParseSettings) -> RawDocument:
    import pdfplumber

    # The error guard is outermost: closing a broken PDF can raise again.
    with _pdf_errors(name), pdfplumber.open(io.BytesIO(data)) as pdf:
        count = len(pdf.pages)
        if count > settings.max_pages:
            raise DocumentTooLargeError(
                f"{name} has {count} pages; the limit is {settings.max_pages}. A resume is one "
                "or two pages: upload the resume alone, not a portfolio or thesis."
            )
        if count == 0:
            raise EmptyDocumentError(f"{name} has no pages.")
        export = ExportReader.from_metadata(pdf.metadata or {})  # a LinkedIn profile export
        pages = [
            _read_page(page, number, name, settings, export)
            for number, page in enumerate(pdf.pages, start=1)
        ]
    lines = [line for page_lines, *_ in pages for line in page_lines]
    links = [url for _, page_links, *_ in pages for url in page_links]
    image_only = [
        n for n, (page_lines, _, images, *_) in enumerate(pages, 1) if not page_lines and images
    ]
    if not lines:
        if image_only:
            raise ScannedDocumentError(
                f"{name} is a scanned image with no text layer, so there is nothing to read "
                "(we never guess at text). Export the resume from your editor as a text PDF, "
                "or run OCR on it first (for example with OCRmyPDF)."
            )
        raise EmptyDocumentError(f"{name} has no text on any page.")
    warnings = []
    if image_only:
        warnings.append(
            DocumentWarning(
                "image_pages",
                f"Page(s) {', '.join(map(str, image_only))} are images without text; "
                "their content was not read.",
            )
        )
    unreadable = sum(page[4] for page in pages)
    if unreadable:
        warnings.append(unreadable_warning(unreadable))
    if export.found:
        warnings.append(DocumentWarning(EXPORT_WARNING, EXPORT_NOTE))
    heights = {n: page[3] for n, page in enumerate(pages, 1)}
    lines = _drop_running_lines(lines, heights, count)
    mark_repeated_glyphs(lines)
    return RawDocument(
        lines=rebuild(lines) if export.found else lines,
        pages=count,
        source_format="pdf",
        link_urls=profile_links(links) if export.found else links,
        warnings=warnings,
    )


def _read_page(
    page: Any, number: int, name: str, settings: ParseSettings, export: ExportReader
) -> tuple[list[Line], list[str], bool, float, int]:
    from resume_analyzer.parsing.pdfpage import PageTooBusy, read_layout

    try:
        read_layout(page, settings.max_chars_per_page, settings.max_graphics_per_page)
    except PageTooBusy as busy:
        raise DocumentTooLargeError(
            f"Page {number} of {name} holds more than {busy.limit:,} {busy.what}; a resume "
            "page has a few thousand at most. Export the resume again as a plain PDF, or "
            "upload a DOCX."
        ) from None
    built = build_words(glyphs_of(page.chars))
    words = [w for w in built.words if w.text.strip()]
    lines = export.lay_out(words, float(page.width), number)
    if lines is None:
        lines = lay_out_page(words, float(page.width), number)
    _mark_rules(lines, page)
    links = [str(link["uri"]) for link in page.hyperlinks if link.get("uri")]
    has_images = bool(page.images)
    height = float(page.height)
    page.close()  # free the parsed page: memory stays bounded on long documents
    return lines, links, has_images, height, built.unreadable


def _mark_rules(lines: list[Line], page: Any) -> None:
    """Horizontal rules (lines or thin rectangles) just above or below a line of text."""
    rules = [
        (float(obj["x0"]), float(obj["x1"]), float(obj["top"]))
        for obj in [*page.lines, *page.rects]
        if float(obj["bottom"]) - float(obj["top"]) < 2.5
        and float(obj["x1"]) - float(obj["x0"]) > 40
    ]
    for line in lines:
        box = line.box
        if box is None:
            continue
        for x0, x1, y in rules:
            if x0 > box.x1 or x1 < box.x0:
                continue
            if 0 <= y - box.bottom <= 8:
                line.rule_below = True
            if 0 <= box.top - y <= 8:
                line.rule_above = True


def _drop_running_lines(lines: list[Line], heights: dict[int, float], pages: int) -> list[Line]:
    """Drop page numbers and headers/footers repeated on several pages."""

    def in_margin(line: Line) -> bool:
        assert line.box is not None
        height = heights[line.page]
        return line.box.bottom < height * _MARGIN or line.box.top > height * (1 - _MARGIN)

    def key(line: Line) -> str:
        return re.sub(r"\d+", "#", line.text.casefold())

    # A line counts as running when the same text (digits aside) sits in a margin of two or
    # more pages: "Jane Doe – Resume – Page 2" and the like.
    margin_keys = {(key(ln), ln.page) for ln in lines if in_margin(ln)} if pages > 1 else set()
    repeated = Counter(text for text, _page in margin_keys)
    kept = []
    for line in lines:
        if in_margin(line) and (_PAGE_NUMBER.match(line.text) or repeated[key(line)] > 1):
            continue
        kept.append(line)
    return kept
