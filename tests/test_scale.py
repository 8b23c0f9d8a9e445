"""What a score means: the sentence beside it places it among the measured groups."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from resume_analyzer import scale_note
from resume_analyzer.scoring import scale

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("score", "says"),
    [
        (95, "In the range of PM and APM resumes"),
        (71.2, "In the range of PM and APM resumes"),
        (65, "Below most PM and APM resumes"),
        (53.2, "in the range of engineers'"),
        (40, "Well below PM and APM resumes"),
        (0, "Well below PM and APM resumes"),
    ],
)
def test_each_band_reads_its_place(score: float, says: str) -> None:
    assert says in scale_note(score)


def test_the_bands_are_ordered_and_named_with_their_figures() -> None:
    assert scale.OTHER.low < scale.NEAR.low < scale.PM.low
    assert all(band.low < band.high for band in scale.BANDS)
    assert "70–90" in scale_note(80)


def test_the_docs_print_the_same_figures() -> None:
    """docs/scoring.md's scale table and scoring/scale.py come from one evaluation run."""
    doc = (ROOT / "docs" / "scoring.md").read_text(encoding="utf-8")
    section = doc.split("## What the score means", 1)[1].split("\n## ", 1)[0]
    for band in scale.BANDS:
        row = re.search(
            rf"\| {re.escape(band.group)} \| (\d+) \| ([\d.]+) \| [\d.]+ \| ([\d.]+) \|", section
        )
        assert row, band.group
        assert (int(row.group(1)), float(row.group(2)), float(row.group(3))) == (
            band.n,
            band.low,
            band.high,
        )


def test_the_reports_say_it_under_the_score(tmp_path: Path) -> None:
    import resumes as r

    from resume_analyzer import analyze
    from resume_analyzer.report import to_markdown, to_text

    analysis = analyze(r.to_pdf(r.APM), filename="apm.pdf")
    assert to_text(analysis).splitlines()[1] == scale_note(round(analysis.score))
    assert scale_note(round(analysis.score)) in to_markdown(analysis)
