"""evaluation.invariance: the score split into parts and pair comparison (evaluation.pairs),
the DOCX→PDF stand-in for LibreOffice, and the command on a tiny corpus of fixture resumes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pdfplumber
import pytest
import resumes as r
from click.testing import CliRunner

from evaluation import invariance
from evaluation import pairs as inv
from evaluation.docx_pdf import docx_to_pdf
from resume_analyzer import analyze
from resume_analyzer.resume_shape import words_run_together
from resume_analyzer.settings import AnalysisSettings

RULES_ONLY = AnalysisSettings(use_model=False)


def _text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return "\n".join(page.extract_text() or "" for page in document.pages)


def test_the_parts_add_up_to_the_score() -> None:
    analysis = analyze(r.to_pdf(r.APM), filename="a.pdf", settings=RULES_ONLY)
    parts = inv.score_parts(analysis)
    assert "impact" in parts and "presentation:phone" in parts
    assert any(k.startswith("competencies:") for k in parts)
    # The checks' points are rounded to 0.1 in the analysis's details.
    assert sum(parts.values()) == pytest.approx(analysis.score, abs=0.5)


def _profile(score: float, **parts: float) -> inv.Profile:
    return inv.Profile("ok", score, {k.replace("__", ":"): v for k, v in parts.items()})


def test_compare_names_the_largest_part_and_what_the_parses_disagree_on() -> None:
    a = inv.Profile("ok", 80.0, {"impact": 30.0, "presentation:phone": 5.0}, ("experience",), 6)
    b = inv.Profile(
        "ok", 71.0, {"impact": 26.0, "presentation:phone": 0.0}, ("other",), 9, contact=("email",)
    )
    row = inv.compare("pdf/text", "resumes/pdf/x.pdf", a, b)
    assert row["diff"] == -9.0
    assert row["largest_part"] == "presentation:phone" and row["largest_part_diff"] == -5.0
    assert row["differences"] == [
        "section experience only in pdf",
        "section other only in text",
        "more judged bullets in text",
        "contact email only in text",
    ]


def test_a_parse_that_lost_words_is_named() -> None:
    a = inv.Profile("ok", 70.0, {"impact": 30.0}, words=400)
    b = inv.Profile("ok", 64.0, {"impact": 24.0}, words=350)
    assert inv.compare("docx/pdf", "x.docx", a, b)["differences"] == ["fewer words parsed from pdf"]
    close = inv.Profile("ok", 64.0, {"impact": 24.0}, words=380)
    assert inv.compare("docx/pdf", "x.docx", a, close)["differences"] == []


def test_lost_word_spaces_are_counted_and_named() -> None:
    a = inv.Profile("ok", 70.0, {"impact": 30.0}, glued=0)
    b = inv.Profile("ok", 60.0, {"impact": 20.0}, glued=3)
    assert inv.compare("pdf/text", "x.pdf", a, b)["differences"] == ["words run together in text"]
    assert words_run_together("Savedtheteamfortyhoursaweekbyautomating reports")
    assert not words_run_together("https://example.com/a-very-long-path-to-a-portfolio-page")
    assert not words_run_together("Internationalization and telecommunications")


def test_a_pair_that_did_not_score_has_no_difference() -> None:
    row = inv.compare("docx/pdf", "d.docx", _profile(50.0), inv.Profile("not_a_resume"))
    assert row["diff"] is None
    assert inv.summarize([row])["docx/pdf"]["not_scored"] == {"second not_a_resume": 1}


@pytest.mark.parametrize(
    ("scores", "within_5", "within_2", "worst"),
    [
        ([(70, 71), (60, 64), (50, 40)], 2, 1, ("c", 10.0)),
        ([(70, 70)], 1, 1, ("a", 0.0)),
        ([(80, 74.9), (80, 75)], 1, 0, ("a", 5.1)),
    ],
)
def test_summary_counts_pairs_within_the_margins(
    scores: list[tuple[float, float]], within_5: int, within_2: int, worst: tuple[str, float]
) -> None:
    rows = [
        inv.compare("pdf/text", name, _profile(a, impact=a), _profile(b, impact=b))
        for name, (a, b) in zip("abc", scores, strict=False)
    ]
    summary = inv.summarize(rows)["pdf/text"]
    assert (summary["within_5"], summary["within_2"]) == (within_5, within_2)
    assert (summary["worst"]["file"], summary["worst"]["abs_diff"]) == pytest.approx(worst)
    assert summary["over_5"]["pairs"] == len(rows) - within_5
    assert summary["over_2"]["pairs"] == len(rows) - within_2
    assert sum(summary["over_2"]["largest_part"].values()) == len(rows) - within_2


# --- The DOCX → PDF rendering ---------------------------------------------------------------


def test_a_docx_rendered_to_pdf_keeps_its_words_and_sections() -> None:
    data = r.to_docx(r.APM)
    text = _text(docx_to_pdf(data))
    flat = " ".join(text.split())
    for role in r.APM.experience:
        assert all(b in flat for b in role.bullets)
    assert "Experience" in text and "Education" in text
    kinds = lambda a: [s.kind for s in a.resume.sections]  # noqa: E731
    original = analyze(data, filename="a.docx", settings=RULES_ONLY)
    rendered = analyze(docx_to_pdf(data), filename="a.pdf", settings=RULES_ONLY)
    assert kinds(rendered) == kinds(original)
    assert len(rendered.bullets) == len(original.bullets)


def test_a_table_row_is_drawn_with_its_cells_side_by_side() -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Acme Corp"
    table.rows[0].cells[1].text = "2019 – 2021"
    document.add_paragraph("After the table")
    out = io.BytesIO()
    document.save(out)
    lines = _text(docx_to_pdf(out.getvalue())).splitlines()
    assert lines[0].startswith("Acme Corp") and lines[0].endswith("2019 – 2021")
    assert lines[1] == "After the table"


def test_list_paragraphs_get_a_bullet_and_soft_breaks_a_new_line() -> None:
    document = docx.Document()
    document.add_paragraph("Shipped the beta to 40 teams", style="List Bullet")
    paragraph = document.add_paragraph("First line")
    paragraph.add_run().add_break()
    paragraph.add_run("second line")
    out = io.BytesIO()
    document.save(out)
    lines = _text(docx_to_pdf(out.getvalue())).splitlines()
    assert lines[0].endswith("Shipped the beta to 40 teams") and lines[0][0] == "•"
    assert lines[1:] == ["First line", "second line"]


# --- The command --------------------------------------------------------------------------------


def test_the_command_reports_counts_and_never_resume_text(tmp_path: Path) -> None:
    for folder, name, data in (
        ("pdf", "one.pdf", r.to_pdf(r.APM)),
        ("docx", "two.docx", r.to_docx(r.APM)),
    ):
        (tmp_path / "resumes" / folder).mkdir(parents=True)
        (tmp_path / "resumes" / folder / name).write_bytes(data)
    out = tmp_path / "table.json"
    result = CliRunner().invoke(
        invariance.main, ["--corpus", str(tmp_path), "--no-model", "--json", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "== pdf/text: 1 pairs scored" in result.output
    assert "== docx/pdf: 1 pairs scored" in result.output
    assert "reportlab rendering" in result.output
    # No three words in a row from any line of the resume.
    lines = [b for role in r.APM.experience for b in role.bullets] + [r.APM.contact]
    words = [line.split() for line in lines]
    runs = {" ".join(ws[i : i + 3]) for ws in words for i in range(len(ws) - 2)}
    assert not any(run in result.output for run in runs)
    assert r.APM.name not in result.output and "example.com" not in result.output
    table = json.loads(out.read_text())
    assert [p["kind"] for p in table["pairs"]] == ["pdf/text", "docx/pdf"]
    assert r.APM.name not in out.read_text()


def test_without_a_corpus_the_command_says_so(tmp_path: Path) -> None:
    result = CliRunner().invoke(invariance.main, ["--corpus", str(tmp_path / "missing")])
    assert result.exit_code == 0 and "corpus not found" in result.output
