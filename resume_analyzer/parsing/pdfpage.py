"""Reading one PDF page with pdfminer while counting what it draws, to stop a hostile page early.

pdfplumber reads a page with pdfminer on first access to its objects, and only then could the
objects be counted: a 4 KB file whose one text operator holds a million characters, or a page
of half a million rectangles, would already have cost seconds and hundreds of MiB. Here the
page is read by pdfplumber's own device with a count added to each drawing call, and stops at
the first character or graphic past the limit. The layout is then handed to pdfplumber where
its `Page.layout` keeps it (pdfplumber is pinned; `test_pdf` checks that the hand-over holds).
"""

from __future__ import annotations

from typing import Any

from pdfminer.pdfinterp import PDFPageInterpreter
from pdfplumber.page import PDFPageAggregatorWithMarkedContent


class PageTooBusy(Exception):
    """A page draws more characters or graphics than the limit; `what` says which."""

    def __init__(self, what: str, limit: int) -> None:
        super().__init__(what)
        self.what, self.limit = what, limit


class _CountingAggregator(PDFPageAggregatorWithMarkedContent):
    def __init__(self, page: Any, max_chars: int, max_graphics: int) -> None:
        super().__init__(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
        self.chars = self.graphics = 0
        self.max_chars, self.max_graphics = max_chars, max_graphics

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        self.chars += 1
        if self.chars > self.max_chars:
            raise PageTooBusy("characters", self.max_chars)
        advance: float = super().render_char(*args, **kwargs)
        return advance

    def paint_path(self, *args: Any, **kwargs: Any) -> None:
        self._graphic()
        super().paint_path(*args, **kwargs)

    def render_image(self, *args: Any, **kwargs: Any) -> None:
        self._graphic()
        super().render_image(*args, **kwargs)

    def _graphic(self) -> None:
        self.graphics += 1
        if self.graphics > self.max_graphics:
            raise PageTooBusy("lines, shapes and images", self.max_graphics)


def read_layout(page: Any, max_chars: int, max_graphics: int) -> None:
    """Read `page` (a pdfplumber Page) now, raising PageTooBusy past a limit."""
    device = _CountingAggregator(page, max_chars, max_graphics)
    PDFPageInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    page._layout = device.get_result()
