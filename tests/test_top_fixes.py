"""Top fixes a coach would pick: one per kind of problem, an overused verb named once."""

from __future__ import annotations

from dataclasses import replace

import pytest

from resume_analyzer import Analysis, Analyzer

RESUME = """Jordan Example
jordan@example.com | +1 415 555 0100 | linkedin.com/in/jordan-example

EXPERIENCE
Product Analyst, Example Corp, Jan 2021 - Dec 2023
- Managed the weekly roadmap review with engineering and design leads
- Managed the backlog of customer requests for the billing team
- Managed the release calendar for four mobile app teams across two regions
- Managed the onboarding checklist used by every new support agent
- Managed the vendor contracts for the support tooling budget
- Responsible for writing the quarterly report on churn for the leadership team
- Responsible for answering questions from the sales team about pricing changes

EDUCATION
B.S. Economics, Example University, 2020

SKILLS
SQL, Jira, Figma, A/B testing
"""


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return Analyzer().analyze(RESUME.encode(), filename="resume.txt")


def test_top_fixes_hold_one_item_per_code(analysis: Analysis) -> None:
    codes = [item.code for item in analysis.top_fixes]
    assert len(codes) == len(set(codes))
    # Each is the best of its kind: no item of the same code ranks above it in the feedback.
    for fix in analysis.top_fixes:
        first = next(item for item in analysis.feedback if item.code == fix.code)
        assert first is fix
    # Two weak openers rank high; only one is shown among the top fixes.
    assert sum(item.code == "weak_opener" for item in analysis.feedback) == 2
    assert codes.count("weak_opener") == 1


def test_an_overused_verb_is_one_item_naming_its_lines(analysis: Analysis) -> None:
    flagged = [b for b in analysis.bullets if any(f.code == "verb_overused" for f in b.findings)]
    assert len(flagged) == 2  # the fourth and fifth "Managed"
    items = [item for item in analysis.feedback if item.code == "verb_overused"]
    assert len(items) == 1
    for bullet in flagged:
        assert f"line {bullet.line}" in items[0].message
    # The per-line items of those bullets are about their other problems, if any.
    per_line = [i for i in analysis.feedback if i.location.text in {b.text for b in flagged}]
    assert all(item.code != "verb_overused" or item is items[0] for item in per_line)


def test_each_item_carries_its_codes_confidence(analysis: Analysis) -> None:
    confidence = Analyzer().confidence
    assert analysis.feedback
    for item in analysis.feedback:
        assert item.confidence == confidence.of(item.code)
        assert item.to_dict()["confidence"] == round(item.confidence, 2)


def test_top_fixes_rank_by_gain_times_confidence(analysis: Analysis) -> None:
    """A fix that would add the most points, but whose kind of finding is seldom right, gives
    way to one nearly as large that is nearly always right."""
    fixes = analysis.top_fixes
    expected = [item.gain * item.confidence for item in fixes]
    assert expected == sorted(expected, reverse=True)
    first = fixes[0].code
    doubtful = replace(
        analysis,
        feedback=tuple(
            replace(item, confidence=0.01 if item.code == first else 1.0)
            for item in analysis.feedback
        ),
    )
    assert doubtful.top_fixes[0].code != first
    # The feedback list itself stays in order of gain.
    gains = [item.gain for item in analysis.feedback]
    assert gains == sorted(gains, reverse=True)
