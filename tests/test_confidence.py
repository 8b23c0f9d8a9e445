"""Finding confidence: the shipped table, its loader, and how it is written from the audit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from resume_analyzer.models import artifact_path

from resume_analyzer.codes import ALL
from resume_analyzer.errors import ConfidenceError
from resume_analyzer.scoring.confidence import FILENAME, FORMAT, Confidence
from training.finding_confidence import smoothed, table


def test_the_shipped_table_names_only_registered_codes() -> None:
    data = json.loads(artifact_path(FILENAME).read_text(encoding="utf-8"))
    registered = {code.code for code in ALL}
    assert set(data["codes"]) <= registered
    assert len(data["codes"]) >= 15  # every kind of line finding the audit judges
    loaded = Confidence.load(artifact_path(FILENAME))
    assert all(0.5 < loaded.of(code) <= 1.0 for code in data["codes"])
    # A code no label covers takes the audit's overall share.
    assert loaded.of("no_such_code") == data["default"]


def test_a_code_judged_a_few_times_is_not_taken_as_certain() -> None:
    assert smoothed(3, 3) == pytest.approx(0.8)
    assert smoothed(300, 300) > 0.99
    assert smoothed(0, 0) == 0.5


def test_the_table_is_written_from_the_audit_report() -> None:
    report = {
        "files_found": 12,
        "findings": {
            "n": 120,
            "counts": {"true": 108, "false": 10, "pedantic": 2},
            "per_code": {
                "weak_opener": {"n": 100, "counts": {"true": 98, "false": 2, "pedantic": 0}},
                "too_long": {"n": 20, "counts": {"true": 10, "false": 8, "pedantic": 2}},
            },
        },
    }
    data = table(report)
    assert data["format"] == FORMAT
    assert data["codes"]["weak_opener"] == {"n": 100, "true": 98, "confidence": 0.971}
    assert data["codes"]["too_long"] == {"n": 20, "true": 10, "confidence": 0.5}
    assert data["default"] == round(smoothed(108, 120), 3)


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        json.dumps({"format": "something else", "codes": {}, "default": 0.9}),
        json.dumps({"format": FORMAT, "codes": {"too_long": {"confidence": 1.5}}, "default": 0.9}),
        json.dumps({"format": FORMAT, "codes": {}, "default": 0}),
        json.dumps({"format": FORMAT, "codes": {"too_long": 0.9}, "default": 0.9}),
    ],
)
def test_a_broken_table_is_a_clear_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / FILENAME
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfidenceError, match="make confidence"):
        Confidence.load(path)


def test_ranking_by_gain_alone_never_reads_the_table() -> None:
    """What `make confidence` runs the audit with: the table it rebuilds may be missing."""
    from resume_analyzer import Analyzer
    from resume_analyzer.scoring.confidence import NEUTRAL
    from resume_analyzer.settings import AnalysisSettings

    analyzer = Analyzer(settings=AnalysisSettings(budget=None, rank_by_confidence=False))
    assert analyzer.confidence is NEUTRAL
    assert analyzer.confidence.of("too_long") == 1.0
