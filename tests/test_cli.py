"""`resume-analyzer parse`: output formats and the exit-code contract (0 ok, 1 document error
with one `Error: …` line, 2 usage)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import builders as b
import pytest
from click.testing import CliRunner, Result

from resume_analyzer.cli import main


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args])


@pytest.fixture
def resume_pdf(write_file: b.WriteFile) -> Path:
    return write_file("jane-doe.pdf", b.one_column_pdf())


def test_parse_json_has_the_contract_keys(resume_pdf: Path) -> None:
    result = run("parse", resume_pdf)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"contact", "sections", "pages", "source_format", "warnings"} <= data.keys()
    contact = data["contact"]
    assert {"name", "email", "phone", "location", "links"} <= contact.keys()
    assert (contact["name"], contact["email"], contact["phone"], contact["location"]) == (
        b.NAME,
        b.EMAIL,
        b.PHONE,
        b.CITY,
    )
    assert contact["links"] == [{"kind": "linkedin", "url": f"https://{b.LINKEDIN}"}]
    assert (data["pages"], data["source_format"], data["warnings"]) == (1, "pdf", [])
    assert [s["kind"] for s in data["sections"]] == [
        "summary",
        "experience",
        "projects",
        "education",
        "skills",
    ]
    for section in data["sections"]:
        assert {"kind", "heading", "entries", "bullets"} <= section.keys()
        for entry in section["entries"]:
            assert {"title", "organization", "location", "start", "end", "current"} <= entry.keys()
        for bullet in section["bullets"]:
            assert {"text", "page"} <= bullet.keys()
            assert bullet["page"] == 1
    experience = data["sections"][1]
    assert [bl["text"] for bl in experience["bullets"]] == b.experience_bullets()
    assert experience["entries"][0]["current"] is True


def test_parse_reads_markdown(write_file: b.WriteFile) -> None:
    result = run("parse", write_file("resume.md", b.MARKDOWN_RESUME))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source_format"] == "text"
    assert data["contact"]["email"] == b.EMAIL


def test_parse_text_is_a_readable_outline(resume_pdf: Path) -> None:
    result = run("parse", resume_pdf, "--format", "text")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.splitlines()[0] == b.NAME
    assert b.EMAIL in out
    assert "== EXPERIENCE [experience]" in out
    assert "Associate Product Manager | Globex Inc" in out
    assert b.experience_bullets()[0] in out
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)


def test_parse_jsonresume(resume_pdf: Path) -> None:
    result = run("parse", resume_pdf, "--format", "jsonresume")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["basics"]["name"] == b.NAME
    assert data["basics"]["email"] == b.EMAIL
    assert [job["position"] for job in data["work"]] == [title for title, *_ in b.EXPERIENCE]
    assert [job["name"] for job in data["work"]] == [company for _, company, *_ in b.EXPERIENCE]
    assert data["work"][0]["highlights"] == list(b.EXPERIENCE[0][3])
    assert data["basics"]["profiles"] == [{"network": "LinkedIn", "url": f"https://{b.LINKEDIN}"}]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        pytest.param("resume.pdf", b.png_bytes, id="image-named-pdf"),
        pytest.param("resume.pdf", b.encrypted_pdf, id="encrypted"),
        pytest.param(
            "resume.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048), id="doc"
        ),
        pytest.param("resume.pdf", lambda: b"", id="empty"),
    ],
)
def test_bad_file_exits_1_with_one_error_line(
    write_file: b.WriteFile, name: str, data: Callable[[], bytes]
) -> None:
    result = run("parse", write_file(name, data()))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert name in lines[0]
    assert "Traceback" not in result.output


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = run("parse", tmp_path / "nowhere.pdf")
    assert result.exit_code == 2
    assert "nowhere.pdf" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_format_is_a_usage_error(resume_pdf: Path) -> None:
    result = run("parse", resume_pdf, "--format", "yaml")
    assert result.exit_code == 2
    assert "yaml" in result.stderr
    assert result.stdout == ""
