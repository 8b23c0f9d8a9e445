"""The same achievement pasted under two roles is found, on its second copy only."""

from __future__ import annotations

from dataclasses import replace

import resumes as r

from resume_analyzer import analyze
from resume_analyzer.settings import AnalysisSettings

RULES_ONLY = AnalysisSettings(use_model=False)
COPIED = (
    "Interviewed 18 customers about onboarding and turned the findings into a prioritized backlog"
)


def codes_by_line(spec: r.Spec) -> dict[str, list[set[str]]]:
    result = analyze(r.to_text(spec).encode(), filename="cv.md", settings=RULES_ONLY)
    found: dict[str, list[set[str]]] = {}
    for bullet in result.bullets:
        found.setdefault(bullet.text, []).append({f.code for f in bullet.findings})
    return found


def test_a_line_pasted_under_two_roles_is_flagged_once() -> None:
    roles = list(r.APM.experience)
    # The same line, once more under the second role, with a changed case and full stop.
    roles[1] = replace(roles[1], bullets=(*roles[1].bullets, COPIED.lower().capitalize() + "."))
    roles[0] = replace(roles[0], bullets=(COPIED, *roles[0].bullets[1:]))
    found = codes_by_line(replace(r.APM, experience=tuple(roles)))
    first, second = found[COPIED][0], found[COPIED.lower().capitalize() + "."][0]
    assert "duplicate_line" not in first
    assert "duplicate_line" in second


def test_short_duties_alike_by_chance_are_not_copies() -> None:
    roles = list(r.APM.experience)
    roles[0] = replace(roles[0], bullets=(*roles[0].bullets, "Answered phone calls daily"))
    roles[1] = replace(roles[1], bullets=(*roles[1].bullets, "Answered phone calls daily"))
    found = codes_by_line(replace(r.APM, experience=tuple(roles)))
    assert all("duplicate_line" not in codes for codes in found["Answered phone calls daily"])


def test_the_same_resume_has_no_duplicates() -> None:
    found = codes_by_line(r.APM)
    assert not any("duplicate_line" in codes for many in found.values() for codes in many)
