"""The shape limits: counted while pdfminer reads a page, checked once the lines are read,
and applied to what spaCy is given. Each refusal says what the limit is and what to do."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import builders as b
import pdfplumber
import pytest
from hostile import many_rectangles_pdf, page_pdf

from resume_analyzer.errors import DocumentTooLargeError
from resume_analyzer.nlp.limits import bounded, make_docs
from resume_analyzer.parsing import parse_resume
from resume_analyzer.parsing.pdfpage import PageTooBusy, read_layout
from resume_analyzer.settings import ParseSettings

if TYPE_CHECKING:
    from spacy.language import Language


def test_counted_reading_hands_pdfplumber_the_same_page() -> None:
    # pdfplumber keeps a page's layout in `Page._layout`; if that ever changes, this fails.
    data = b.two_column_pdf()
    with pdfplumber.open(io.BytesIO(data)) as ours, pdfplumber.open(io.BytesIO(data)) as plain:
        page = ours.pages[0]
        read_layout(page, 30_000, 20_000)
        assert page.layout is page._layout
        assert page.chars == plain.pages[0].chars
        assert page.lines == plain.pages[0].lines
        assert page.extract_words() == plain.pages[0].extract_words()


def test_counting_stops_at_the_first_object_past_the_limit() -> None:
    with (
        pdfplumber.open(io.BytesIO(many_rectangles_pdf())) as pdf,
        pytest.raises(PageTooBusy) as info,
    ):
        read_layout(pdf.pages[0], 30_000, 500)
    assert (info.value.what, info.value.limit) == ("lines, shapes and images", 500)


def test_too_many_characters_on_a_page() -> None:
    content = b"BT /F1 10 Tf 54 700 Td (" + b"A" * 2_000 + b") Tj ET"
    with pytest.raises(DocumentTooLargeError) as info:
        parse_resume(
            page_pdf(content), filename="cv.pdf", settings=ParseSettings(max_chars_per_page=1_000)
        )
    assert "Page 1 of cv.pdf holds more than 1,000 characters" in info.value.message


@pytest.mark.parametrize(
    ("text", "limits", "words"),
    [
        ("a\n" * 51, ParseSettings(max_lines=50), "51 lines; the limit is 50"),
        ("x" * 101, ParseSettings(max_line_chars=100), "a line of 101 characters"),
    ],
)
def test_lines_past_the_shape_limits_are_refused(
    text: str, limits: ParseSettings, words: str
) -> None:
    with pytest.raises(DocumentTooLargeError) as info:
        parse_resume(text.encode(), filename="cv.txt", settings=limits)
    assert words in info.value.message
    assert "cv.txt" in info.value.message


def test_a_docx_past_the_line_limit_is_refused() -> None:
    with pytest.raises(DocumentTooLargeError, match="line of"):
        parse_resume(b.docx_bytes(), filename="cv.docx", settings=ParseSettings(max_line_chars=40))


def test_long_runs_are_cut_for_spacy_and_offsets_stay_true() -> None:
    line = "Led " + "[" * 500 + " growth of 20% in " + "x" * 99
    cut = bounded(line, 100)
    assert len(cut) == len(line)
    assert cut[:104] == line[:104]
    assert cut[104:504].strip() == ""
    assert cut[504:] == line[504:]  # runs within the limit are untouched
    assert bounded("no long runs here", 100) == "no long runs here"


def test_too_many_tokens_are_refused_before_the_pipeline(nlp: Language) -> None:
    lines = ["Built dashboards for 12 teams"] * 10
    assert len(make_docs(nlp, lines, ParseSettings(max_tokens=50))) == 10
    with pytest.raises(DocumentTooLargeError, match="max_tokens"):
        make_docs(nlp, lines, ParseSettings(max_tokens=49))


def test_new_limits_are_validated() -> None:
    for name in ("max_graphics_per_page", "max_lines", "max_line_chars", "max_token_chars"):
        with pytest.raises(ValueError, match=name):
            ParseSettings(**{name: 0})
