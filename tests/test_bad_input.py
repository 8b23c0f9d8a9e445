"""Inputs that are not a readable resume: each gets its own error, with a message that says what
happened and what to do. Nothing is invented, and nothing else ever escapes."""

from __future__ import annotations

import contextlib
import io
import random
import re
import time
import zipfile
from collections.abc import Callable

import builders as b
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resume_analyzer.errors import (
    CorruptDocumentError,
    DocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    LegacyWordDocumentError,
    ScannedDocumentError,
    UnsupportedFileTypeError,
)
from resume_analyzer.parsing import parse_resume
from resume_analyzer.settings import ParseSettings

# A message must tell the person what to do next, not only what went wrong.
ACTION = re.compile(r"\b(upload|export|save|open|remove|run|raise|try|choose|check)\b", re.I)
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def xlsx_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


def truncated_pdf() -> bytes:
    data = b.one_column_pdf()
    return data[: int(len(data) * 0.4)]


def garbage_pdf() -> bytes:
    return b"%PDF-1.4\n" + random.Random(3).randbytes(4000)


Make = Callable[[], bytes]

BAD_INPUTS = [
    # (make the bytes, file name, error class, a word the message must contain)
    pytest.param(lambda: b"", "resume.pdf", EmptyDocumentError, "empty", id="empty-bytes"),
    pytest.param(
        lambda: b" \n\t\r\n  ", "resume.txt", EmptyDocumentError, "empty", id="whitespace-only"
    ),
    pytest.param(
        lambda: OLE2 + b"\x00" * 4096, "resume.doc", LegacyWordDocumentError, ".docx", id="doc"
    ),
    pytest.param(b.png_bytes, "resume.pdf", UnsupportedFileTypeError, "PNG", id="png-as-pdf"),
    pytest.param(b.jpeg_bytes, "resume.pdf", UnsupportedFileTypeError, "JPEG", id="jpeg-as-pdf"),
    pytest.param(
        lambda: rb"{\rtf1\ansi{\fonttbl\f0\fswiss Helvetica;}\f0 Jane Doe\par}",
        "resume.rtf",
        UnsupportedFileTypeError,
        "RTF",
        id="rtf",
    ),
    pytest.param(xlsx_bytes, "resume.xlsx", UnsupportedFileTypeError, "Excel", id="xlsx"),
    pytest.param(
        lambda: random.Random(7).randbytes(4096),
        "resume.pdf",
        UnsupportedFileTypeError,
        "PDF",
        id="random-bytes",
    ),
    pytest.param(truncated_pdf, "resume.pdf", CorruptDocumentError, "damaged", id="truncated-pdf"),
    pytest.param(garbage_pdf, "resume.pdf", CorruptDocumentError, "damaged", id="garbage-pdf"),
    pytest.param(
        b.broken_page_box_pdf, "resume.pdf", CorruptDocumentError, "damaged", id="bad-page-box"
    ),
    pytest.param(
        b.encrypted_pdf, "resume.pdf", EncryptedDocumentError, "password", id="encrypted-pdf"
    ),
    pytest.param(b.scanned_pdf, "resume.pdf", ScannedDocumentError, "OCR", id="scanned-pdf"),
]


@pytest.mark.parametrize(("make", "name", "error", "word"), BAD_INPUTS)
def test_bad_input_gets_its_own_error(
    make: Make, name: str, error: type[DocumentError], word: str
) -> None:
    with pytest.raises(DocumentError) as info:
        parse_resume(make(), filename=name)
    assert type(info.value) is error, info.value.message
    message = info.value.message
    assert word in message
    assert name in message, "the message names the file"
    assert ACTION.search(message), f"the message does not say what to do: {message!r}"
    assert "Traceback" not in message


@pytest.mark.parametrize(
    ("make", "name", "error"),
    [
        pytest.param(lambda: OLE2 + b"\x00" * 4096, "old.doc", LegacyWordDocumentError, id="doc"),
        pytest.param(b.encrypted_pdf, "locked.pdf", EncryptedDocumentError, id="encrypted"),
        pytest.param(b.png_bytes, "photo.pdf", UnsupportedFileTypeError, id="png"),
    ],
)
def test_bad_file_on_disk_gets_the_same_error(
    write_file: b.WriteFile, make: Make, name: str, error: type[DocumentError]
) -> None:
    with pytest.raises(DocumentError) as info:
        parse_resume(write_file(name, make()))
    assert type(info.value) is error
    assert name in info.value.message


def test_scanned_page_is_not_read_and_nothing_is_invented() -> None:
    resume = parse_resume(b.scanned_pdf(text_page_first=True), filename="resume.pdf")
    assert resume.pages == 2
    assert [w.code for w in resume.warnings] == ["image_pages"]
    assert [s.kind for s in resume.sections] == ["experience"]
    assert [bl.text for bl in resume.bullets] == b.experience_bullets()
    assert {bl.page for bl in resume.bullets} == {1}


def test_too_many_pages() -> None:
    with pytest.raises(DocumentTooLargeError) as info:
        parse_resume(b.multi_page_pdf(5), filename="cv.pdf", settings=ParseSettings(max_pages=3))
    message = info.value.message
    assert "5 pages" in message
    assert "3" in message
    assert ACTION.search(message)


def test_too_many_bytes() -> None:
    data = b.one_column_pdf()
    assert len(data) > 1000
    with pytest.raises(DocumentTooLargeError) as info:
        parse_resume(data, filename="cv.pdf", settings=ParseSettings(max_bytes=1000))
    message = info.value.message
    assert "cv.pdf" in message
    assert ACTION.search(message)
    # The limit shown must be the real one: 1000 bytes is not "0 MiB".
    assert " 0 MiB" not in message, message


def test_four_hundred_pages_are_refused_fast() -> None:
    data = b.many_pages_pdf(400)
    started = time.perf_counter()
    with pytest.raises(DocumentTooLargeError) as info:
        parse_resume(data, filename="thesis.pdf")
    assert time.perf_counter() - started < 3.0
    assert "400 pages" in info.value.message


def test_docx_named_pdf_is_read_as_docx() -> None:
    pytest.importorskip("resume_analyzer.parsing.docx")
    resume = parse_resume(b.docx_bytes(), filename="resume.pdf")
    assert resume.source_format == "docx"
    assert resume.contact.email == b.EMAIL
    assert [s.kind for s in resume.sections] == ["experience", "education"]
    experience = resume.sections[0]
    assert [(e.title, e.organization) for e in experience.entries] == [
        ("Product Intern", "Acme Corp")
    ]


@pytest.mark.parametrize(
    ("make", "name"),
    [
        pytest.param(b.non_english_pdf, "cv.pdf", id="pdf"),
        pytest.param(lambda: b.spanish_text().encode(), "cv.txt", id="text"),
    ],
)
def test_spanish_resume_is_parsed_with_a_warning(make: Make, name: str) -> None:
    resume = parse_resume(make(), filename=name)
    assert resume.language == "es"
    assert "not_english" in [w.code for w in resume.warnings]
    assert resume.contact.email == "maria.perez@example.com"
    assert "Lancé una nueva función de pagos que aumentó las ventas un 15% en seis meses." in [
        bl.text for bl in resume.bullets
    ]


@pytest.mark.parametrize(
    ("make", "name"),
    [
        pytest.param(b.non_english_pdf, "cv.pdf", id="pdf"),
        pytest.param(lambda: b.spanish_text().encode(), "cv.txt", id="text"),
    ],
)
def test_accented_name_is_found(make: Make, name: str) -> None:
    assert parse_resume(make(), filename=name).contact.name == "María Pérez"


FUZZ = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_raise_only_document_errors(data: bytes) -> None:
    with contextlib.suppress(DocumentError):
        parse_resume(data, filename="x")


@FUZZ
@given(
    st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"{\\rtf1", OLE2]),
    st.binary(max_size=2000),
)
def test_bytes_behind_a_known_header_raise_only_document_errors(head: bytes, rest: bytes) -> None:
    with contextlib.suppress(DocumentError):
        parse_resume(head + rest, filename="x")


def test_password_protected_docx_is_called_encrypted_not_legacy() -> None:
    # Word wraps an encrypted .docx in an OLE2 container with an "EncryptedPackage" stream.
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    data = ole2 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512
    with pytest.raises(EncryptedDocumentError, match="password"):
        parse_resume(data, filename="resume.docx")
