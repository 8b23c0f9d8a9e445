"""A whole analysis against stored golden JSON (`tests/golden/analysis_*.json`).

The files are written by `UPDATE_GOLDEN=1 pytest tests/test_golden_analysis.py`; read every
changed line before committing: the score, each competency's evidence, each bullet's
findings and suggestion should be what a careful reviewer would say of that resume. Rules
only (`use_model=False`), so retraining the area model does not move them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import resumes as r

from resume_analyzer import analyze
from resume_analyzer.settings import AnalysisSettings

GOLDEN = Path(__file__).parent / "golden"
POSTING = (
    "Associate Product Manager\n\nRequirements:\n- SQL and A/B testing\n- Writing PRDs and "
    "user stories\n- Usability testing\n\nNice to have:\n- Tableau\n- Figma\n"
)


@pytest.mark.parametrize(
    ("name", "make", "job"),
    [
        pytest.param("analysis_apm_pdf", lambda: r.to_pdf(r.APM), None, id="apm-pdf"),
        pytest.param("analysis_apm_job", lambda: r.to_pdf(r.APM), POSTING, id="apm-with-job"),
    ],
)
def test_analysis_matches_golden(name: str, make: Any, job: str | None) -> None:
    actual = analyze(
        make(),
        filename="resume.pdf",
        job_description=job,
        settings=AnalysisSettings(use_model=False),
    ).to_dict()
    actual = json.loads(json.dumps(actual))
    path = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", "utf-8")
    expected = json.loads(path.read_text("utf-8"))
    assert actual["score"] == expected["score"]
    assert actual["competencies"] == expected["competencies"]
    for got, want in zip(actual["bullets"], expected["bullets"], strict=True):
        assert got == want, want["text"]
    assert actual["feedback"] == expected["feedback"]
    assert actual == expected
