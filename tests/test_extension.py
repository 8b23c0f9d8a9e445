"""A file is read by its bytes, whatever its name; a name that lies gets a warning. Plain text
copied out of a PDF (form feeds, ligatures, bullet glyphs, stray control characters) is text."""

from __future__ import annotations

import pytest
from resumes import APM, to_docx, to_pdf, to_text

from resume_analyzer.parsing import parse_resume
from resume_analyzer.parsing.source import extension_mismatch, sniff


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return {"pdf": to_pdf(APM), "docx": to_docx(APM), "text": to_text(APM).encode()}


@pytest.mark.parametrize(
    ("kind", "name", "message"),
    [
        (
            "docx",
            "x.pdf",
            "This file is named .pdf but is a Word document; it was read as one. "
            "Rename it to .docx",
        ),
        (
            "pdf",
            "resume.docx",
            "This file is named .docx but is a PDF; it was read as one. Rename it to .pdf",
        ),
        (
            "text",
            "cv.PDF",
            "This file is named .pdf but is a plain-text file; it was read as "
            "one. Rename it to .txt",
        ),
        ("pdf", "notes.txt", "This file is named .txt but is a PDF"),
        ("docx", "resume.md", "This file is named .md but is a Word document"),
    ],
)
def test_a_misnamed_file_is_read_by_its_bytes_with_a_warning(
    files: dict[str, bytes], kind: str, name: str, message: str
) -> None:
    resume = parse_resume(files[kind], filename=name)
    assert resume.source_format == kind
    warnings = [w for w in resume.warnings if w.code == "extension_mismatch"]
    assert len(warnings) == 1
    assert warnings[0].message.startswith(message)


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        ("pdf", "resume.pdf"),
        ("docx", "resume.DOCX"),
        ("text", "resume.txt"),
        ("text", "resume.md"),
        ("text", "resume.markdown"),
        ("pdf", "upload"),  # no extension: nothing to contradict
        ("docx", "resume.final"),  # an extension that names no format
    ],
)
def test_a_rightly_named_or_unnamed_file_has_no_warning(kind: str, name: str) -> None:
    assert extension_mismatch(name, kind) is None  # type: ignore[arg-type]


def test_the_warning_reaches_the_analysis_json(files: dict[str, bytes]) -> None:
    from resume_analyzer import analyze
    from resume_analyzer.settings import AnalysisSettings

    settings = AnalysisSettings(use_model=False)
    misnamed = analyze(files["docx"], filename="x.pdf", settings=settings)
    codes = [w["code"] for w in misnamed.to_dict()["warnings"]]
    assert codes.count("extension_mismatch") == 1
    # The file was read right, so its name costs no points.
    assert misnamed.score == analyze(files["docx"], filename="x.docx", settings=settings).score


# Text as pdftotext or a PDF viewer's "copy all" gives it: pages split by form feeds, ligature
# glyphs, bullet glyphs from symbol fonts, replacement characters and a NUL for glyphs without
# a mapping, a vertical tab, and runs of spaces from the layout.
PDF_TEXT = (
    "Jordan Lee\n"
    "jordan@example.com  |  +1 415 555 0134\n\n"
    "EXPERIENCE\n"
    "Product Analyst, Acme                                  2021 – Present\n"
    "\uf0b7 De\ufb01ned the of\ufb02ine work\ufb02ow for 3 teams, cutting handoffs by 20%\n"
    "• Led 12 customer interviews that shaped the \ufffd roadmap\n"
    "\x0c"
    "EDUCATION\n"
    "B.S. Economics, State University    2017 – 2021\x00\n"
    "SKILLS\x0b SQL, Figma, A/B testing\n"
)


@pytest.mark.parametrize(
    "data",
    [
        PDF_TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + PDF_TEXT.encode("utf-8"),
        PDF_TEXT.replace("\uf0b7", "-")
        .replace("\ufb01", "fi")
        .replace("\ufb02", "fl")
        .replace("\ufffd", "?")
        .encode("latin-1", errors="replace"),
        PDF_TEXT.replace("\uf0b7", "-")
        .replace("\ufb01", "fi")
        .replace("\ufb02", "fl")
        .replace("\ufffd", "?")
        .replace("•", "\x95")
        .encode("cp1252", errors="replace"),
    ],
    ids=["utf8", "utf8-bom", "latin1", "cp1252"],
)
def test_text_copied_out_of_a_pdf_is_accepted_as_text(data: bytes) -> None:
    assert sniff(data, "resume.txt") == "text"
    resume = parse_resume(data, filename="resume.txt")
    kinds = [s.kind for s in resume.sections]
    assert "experience" in kinds and "education" in kinds
    assert resume.contact.email == "jordan@example.com"
    assert "\x00" not in str(resume.to_dict())


def test_text_with_a_nul_every_few_characters_is_still_binary() -> None:
    data = b"".join(b"ab\x00cd\x01" for _ in range(200))
    with pytest.raises(Exception, match="not a PDF, DOCX or plain-text file"):
        sniff(data, "thing.txt")
