"""`analyze()`: the whole pipeline's promises. Same input, same output; the file format does
not change the score; improving a line never lowers it; suggestions never invent facts."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
import resumes as r
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resume_analyzer import Analysis, analyze
from resume_analyzer.errors import DocumentError, TaxonomyError
from resume_analyzer.settings import AnalysisSettings

RULES_ONLY = AnalysisSettings(use_model=False)


def run(spec: r.Spec, fmt: str = "md", **kwargs: object) -> Analysis:
    data = {"pdf": r.to_pdf, "docx": r.to_docx, "md": lambda s: r.to_text(s).encode()}[fmt](spec)
    return analyze(data, filename=f"resume.{fmt}", settings=RULES_ONLY, **kwargs)  # type: ignore[arg-type]


def test_json_has_the_contract_keys() -> None:
    data = run(r.APM).to_dict()
    assert {
        "score",
        "components",
        "competencies",
        "bullets",
        "feedback",
        "warnings",
        "version",
        "job_match",
    } <= data.keys()
    assert 0 <= data["score"] <= 100
    assert {c["id"] for c in data["components"]} == {"competencies", "impact", "presentation"}
    assert all({"score", "weight"} <= c.keys() for c in data["components"])
    assert abs(sum(c["weight"] for c in data["components"]) - 1) < 1e-3
    assert len(data["competencies"]) == 8
    for area in data["competencies"]:
        assert {"id", "name", "score", "level", "evidence", "advice"} <= area.keys()
        assert area["level"] in {"missing", "weak", "solid", "strong"}
    for bullet in data["bullets"]:
        assert {"text", "section", "strength", "findings", "suggestion"} <= bullet.keys()
        for finding in bullet["findings"]:
            assert {"code", "message", "span"} <= finding.keys()
    for item in data["feedback"]:
        assert {"severity", "code", "message", "location", "suggestion"} <= item.keys()
    assert data["job_match"] is None
    assert len(data["top_fixes"]) <= 5
    assert all(fix in data["feedback"] for fix in data["top_fixes"])
    assert len({fix["code"] for fix in data["top_fixes"]}) == len(data["top_fixes"])


def test_same_input_same_bytes() -> None:
    first = json.dumps(run(r.APM, "pdf").to_dict(), sort_keys=False)
    second = json.dumps(run(r.APM, "pdf").to_dict(), sort_keys=False)
    assert first == second


def test_format_does_not_change_the_score() -> None:
    scores = {fmt: run(r.APM, fmt).score for fmt in ("pdf", "docx", "md")}
    assert max(scores.values()) - min(scores.values()) <= 2, scores


def test_feedback_is_ranked_by_gain() -> None:
    gains = [item.gain for item in run(r.APM).feedback]
    assert gains == sorted(gains, reverse=True)


def test_a_weak_resume_scores_below_a_strong_one() -> None:
    weak = replace(
        r.APM,
        experience=tuple(
            replace(
                role, bullets=tuple(f"Responsible for {b.split(' ', 1)[1]}" for b in role.bullets)
            )
            for role in r.APM.experience
        ),
    )
    assert run(weak).score < run(r.APM).score


def test_job_match_lists_matched_and_missing_skills() -> None:
    posting = (
        "Associate Product Manager\n\nRequirements:\n- Experience with SQL and A/B testing\n"
        "- Comfortable writing PRDs\n\nNice to have:\n- Tableau\n"
    )
    result = run(r.APM, job_description=posting)
    job = result.to_dict()["job_match"]
    assert job is not None
    assert "SQL" in job["required"]["matched"]
    assert "Tableau" in job["preferred"]["missing"]
    assert job["title_match"] is True  # "Product Management Intern" names the role
    assert {c.id for c in result.components} == {
        "competencies",
        "impact",
        "presentation",
        "job_match",
    }


def test_empty_job_description_is_an_error() -> None:
    with pytest.raises(DocumentError, match="empty"):
        run(r.APM, job_description="   ")


def test_bad_taxonomy_is_an_error(tmp_path: object) -> None:
    with pytest.raises(TaxonomyError):
        run(r.APM, taxonomy="/nonexistent/taxonomy.yaml")


# --------------------------------------------------------------------------- properties

OBJECTS = (
    "the onboarding flow for new accounts",
    "weekly reporting for the sales team",
    "the pricing page experiments",
    "a survey of churned customers",
)
WEAK = ("Responsible for managing", "Helped with", "Worked on", "Assisted with")
STRONG = ("Redesigned", "Led", "Launched", "Rebuilt")
RESULTS = (
    ", cutting time to value by 30%",
    ", lifting conversion by 12%",
    ", which saved 10 hours a week",
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    role=st.integers(0, 1),
    bullet=st.integers(0, 1),
    weak=st.sampled_from(WEAK),
    strong=st.sampled_from(STRONG),
    obj=st.sampled_from(OBJECTS),
    result=st.sampled_from(RESULTS),
)
def test_improving_a_bullet_never_lowers_the_score(
    role: int, bullet: int, weak: str, strong: str, obj: str, result: str
) -> None:
    base = r.APM.with_bullet(role, bullet, f"{weak} {obj}")
    stronger_verb = r.APM.with_bullet(role, bullet, f"{strong} {obj}")
    with_result = r.APM.with_bullet(role, bullet, f"{strong} {obj}{result}")
    scores = [run(spec).score for spec in (base, stronger_verb, with_result)]
    assert scores[0] <= scores[1] + 1e-9 <= scores[2] + 2e-9, scores


@settings(max_examples=40, deadline=None)
@given(
    opener=st.sampled_from(("", *WEAK, "I", "We")),
    obj=st.sampled_from(OBJECTS),
    number=st.sampled_from(("", " for 12 teams", " across 3 markets", " in 2021")),
)
def test_suggestions_never_invent_numbers(opener: str, obj: str, number: str) -> None:
    text = f"{opener} {obj}{number}".strip()
    result = run(r.APM.with_bullet(0, 0, text))
    bullet = next(b for b in result.bullets if b.text == text)
    if bullet.suggestion:
        assert set(re.findall(r"\d+", bullet.suggestion)) <= set(re.findall(r"\d+", text))


def test_accepts_a_path_bytes_or_a_file_object(tmp_path: object) -> None:
    import io
    from pathlib import Path

    data = r.to_pdf(r.APM)
    path = Path(str(tmp_path)) / "resume.pdf"
    path.write_bytes(data)
    by_path = analyze(path, settings=RULES_ONLY).to_dict()
    by_bytes = analyze(data, filename="resume.pdf", settings=RULES_ONLY).to_dict()
    by_file = analyze(io.BytesIO(data), settings=RULES_ONLY).to_dict()
    assert by_path == by_bytes == by_file


def test_too_little_text_is_not_a_resume() -> None:
    from resume_analyzer.errors import NotAResumeError

    with pytest.raises(NotAResumeError, match="too few to score"):
        analyze(b"Jane Doe\njane@example.com\n", filename="cv.txt", settings=RULES_ONLY)
