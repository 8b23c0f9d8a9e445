"""Text resumes in odd encodings (issue 15): UTF-16 and UTF-32 with and without a byte-order
mark, odd byte counts, lone surrogates, NUL bytes. Each is read (undecodable bytes become
U+FFFD, never an exception), and every upload gets a 200 or a 4xx with a specific code,
never a 500."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from hostile import encoded
from resume_analyzer.web import create_app, store

from resume_analyzer import AnalysisSettings, Analyzer
from resume_analyzer.parsing import parse_resume

ENCODINGS = ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]
CASES = [
    pytest.param(
        encoding, bom, damage, id=f"{encoding}-{'bom' if bom else 'bare'}-{damage or 'ok'}"
    )
    for encoding in ENCODINGS
    for bom in (True, False)
    for damage in ("", "odd", "surrogate", "nul")
]


@pytest.mark.parametrize(("encoding", "bom", "damage"), CASES)
def test_the_resume_is_read_whatever_the_encoding(encoding: str, bom: bool, damage: str) -> None:
    resume = parse_resume(encoded(encoding, bom=bom, damage=damage), filename="cv.txt")
    assert resume.contact.email == "jordan@example.com"
    assert [s.kind for s in resume.sections][:2] == ["summary", "experience"]


def test_a_utf16_file_with_a_mark_and_an_odd_byte_count_scores() -> None:
    # The traceback: UnicodeDecodeError ("truncated data") out of analyze().
    analyzer = Analyzer(settings=AnalysisSettings(use_model=False))
    data = encoded("utf-16-le", bom=True, damage="odd")
    assert len(data) % 2 == 1
    assert analyzer.analyze(data, filename="cv.txt").score > 50


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    folder: Path = tmp_path_factory.mktemp("encodings")
    made = create_app(
        {
            "TESTING": True,
            "USE_MODEL": False,
            "SECRET_KEY": "encodings-test",
            "DATABASE_URL": f"sqlite:///{folder / 'web.sqlite3'}",
        }
    )
    yield made
    store.engine(made).dispose()


UPLOADS = [
    *(
        pytest.param(encoded(e, bom=b, damage=d), id=f"{e}-{b}-{d}")
        for e in ENCODINGS
        for b in (True, False)
        for d in ("odd", "surrogate", "nul")
    ),
    pytest.param(b"\xff\xfe", id="mark-only"),
    pytest.param(b"\xff\xfe\x00", id="mark-and-a-byte"),
    pytest.param(b"\x00" * 64, id="nul-bytes"),
    pytest.param(b"\xff\xfe" + b"\x00\xd8" * 200, id="lone-surrogates"),
    pytest.param("Résumé café".encode("cp1252") * 40, id="cp1252"),
]


@pytest.mark.parametrize("data", UPLOADS)
def test_every_odd_encoding_upload_is_a_200_or_a_specific_4xx(app: Flask, data: bytes) -> None:
    response = app.test_client().post(
        "/api/v1/analyze", data={"file": (io.BytesIO(data), "resume.txt")}
    )
    assert response.status_code == 200 or 400 <= response.status_code < 500, response.data
    if response.status_code != 200:
        code = response.get_json()["error"]["code"]
        assert code in {"empty_document", "not_a_resume", "unsupported_file_type"}, code


def test_a_job_posting_in_utf16_with_an_odd_byte_count_is_read(app: Flask) -> None:
    from resumes import APM, to_pdf

    posting = "\ufeffAssociate Product Manager\nRequirements: SQL, A/B testing\n"
    data = posting.encode("utf-16-le")[:-1]
    response = app.test_client().post(
        "/api/v1/analyze",
        data={
            "file": (io.BytesIO(to_pdf(APM)), "apm.pdf"),
            "job_file": (io.BytesIO(data), "posting.txt"),
        },
    )
    assert response.status_code == 200
    assert response.get_json()["job_match"]["title"] == "Associate Product Manager"
