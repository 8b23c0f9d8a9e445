"""Every hostile input the fuzzer found ends in a score or a clean, typed error: never a
traceback, a hang or exhausted memory. Tests assert the outcome, never the time; a step that
turned quadratic again would show as `over_budget` (the analyzer's budget stops it) rather
than as a hung test."""

from __future__ import annotations

import pytest
from hostile import (
    INSIDE_TEXT,
    WHOLE_TEXT,
    Make,
    docx_paragraph,
    long_string_pdf,
    many_lines_pdf,
    many_rectangles_pdf,
    nested_tables_docx,
    path_bomb_pdf,
    resume_with,
    wrong_length_pdf,
)

from resume_analyzer import AnalysisSettings, Analyzer
from resume_analyzer.errors import DocumentError


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    # Rules only: the area model adds nothing to what is tested here.
    return Analyzer(settings=AnalysisSettings(use_model=False))


def outcome(analyzer: Analyzer, name: str, data: bytes) -> str:
    """ "scored", or the code of the clean error (whose message names the file)."""
    try:
        analyzer.analyze(data, filename=name)
    except DocumentError as error:
        assert "Traceback" not in error.message
        return error.code
    return "scored"


@pytest.mark.parametrize("shape", sorted(WHOLE_TEXT))
def test_small_text_file_of_one_shape_is_refused_by_its_shape(
    analyzer: Analyzer, shape: str
) -> None:
    data = WHOLE_TEXT[shape].encode()
    assert len(data) < 300 * 1024  # the files: far inside the upload limit
    assert outcome(analyzer, f"{shape}.txt", data) == "document_too_large"


@pytest.mark.parametrize("shape", sorted(INSIDE_TEXT))
def test_a_long_run_inside_a_resume_is_read_in_linear_time(analyzer: Analyzer, shape: str) -> None:
    assert outcome(analyzer, f"{shape}.md", resume_with(INSIDE_TEXT[shape])) == "scored"


@pytest.mark.parametrize("shape", ["brackets", "emoji", "parentheses", "digit-groups", "quotes"])
def test_a_long_run_in_a_docx_paragraph_is_read(analyzer: Analyzer, shape: str) -> None:
    assert outcome(analyzer, f"{shape}.docx", docx_paragraph(INSIDE_TEXT[shape])) == "scored"


def test_a_docx_paragraph_past_the_line_limit_is_refused(analyzer: Analyzer) -> None:
    data = docx_paragraph(WHOLE_TEXT["brackets"])
    assert outcome(analyzer, "brackets.docx", data) == "document_too_large"


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        pytest.param(long_string_pdf, "document_too_large", id="long-string"),
        pytest.param(many_rectangles_pdf, "document_too_large", id="many-rectangles"),
        pytest.param(many_lines_pdf, "document_too_large", id="many-lines"),
        pytest.param(path_bomb_pdf, "document_too_large", id="path-bomb"),
        # pdfminer cannot find the stream's end, so the page reads as empty.
        pytest.param(wrong_length_pdf, "empty_document", id="wrong-length"),
        pytest.param(nested_tables_docx, "corrupt_document", id="nested-tables-docx"),
    ],
)
def test_hostile_document_gets_a_clean_outcome(
    analyzer: Analyzer, make: Make, expected: str
) -> None:
    assert outcome(analyzer, "hostile", make()) == expected


def test_pdf_refusal_says_which_page_and_what_to_do(analyzer: Analyzer) -> None:
    with pytest.raises(DocumentError) as info:
        analyzer.analyze(long_string_pdf(), filename="cv.pdf")
    message = info.value.message
    assert "Page 1 of cv.pdf" in message
    assert "30,000 characters" in message
    assert "Export" in message
