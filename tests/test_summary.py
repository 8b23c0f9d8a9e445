"""The summary's critique: said of a paragraph of unverifiable claims, never of one that
names its domain, tools or a result."""

from __future__ import annotations

import pytest

from resume_analyzer import Analyzer

BODY = """
EXPERIENCE
Product Analyst, Example Corp, Jan 2021 - Dec 2023
- Rebuilt onboarding with design and two engineers, lifting activation from 41% to 55%
- Ran 20 customer interviews that reshaped the Q3 roadmap for the billing team
- Wrote the pricing page requirements used by 3 squads, cutting review rounds by half

EDUCATION
B.S. Economics, Example University, 2020

SKILLS
SQL, Jira, Figma, A/B testing
"""

SUMMARIES = [
    (
        "Results-driven, passionate team player and self-starter who thrives in fast-paced "
        "environments and brings a proven track record of success.",
        True,
    ),
    # Names its domain and tools: left alone, buzzwords or not.
    (
        "Passionate, results-driven analyst who runs A/B testing in SQL and user interviews "
        "for B2B payments products.",
        False,
    ),
    # A number is evidence.
    (
        "Results-driven, passionate product analyst who grew activation 14 points at a "
        "fintech startup.",
        False,
    ),
    # One buzzword is not a pattern.
    ("Passionate about helping small businesses get paid on time.", False),
    # Traits set side by side with no punctuation are a list under a summary heading, not a
    # paragraph to critique (the bullets' own findings say the rest).
    (
        "Team-oriented Detail-oriented Results-driven Excellent communication skills Quick "
        "learner Self-starter Strong work ethic",
        False,
    ),
    ("Results-driven, detail-oriented self-starter and team player", True),
]


@pytest.mark.parametrize(("summary", "noted"), SUMMARIES)
def test_generic_summary(summary: str, noted: bool) -> None:
    text = f"Jordan Example\njordan@example.com\n\nSUMMARY\n{summary}\n{BODY}"
    analysis = Analyzer().analyze(text.encode(), filename="resume.txt")
    items = [item for item in analysis.feedback if item.code == "summary_generic"]
    assert bool(items) is noted
    for item in items:
        assert item.location.section == "summary" and item.location.text
        assert '"' in item.message  # names the words it means


def test_the_audit_judges_the_whole_summary_it_notes() -> None:
    """The feedback audit shows a labeler the paragraph the note is about, not its first line."""
    from evaluation.audit import passage_notes

    summary = SUMMARIES[0][0]
    first, rest = summary[:60].rsplit(" ", 1)[0], summary[len(summary[:60].rsplit(" ", 1)[0]) :]
    text = f"Jordan Example\njordan@example.com\n\nSUMMARY\n{first}\n{rest.strip()}\n{BODY}"
    analysis = Analyzer().analyze(text.encode(), filename="resume.txt")
    notes = passage_notes(analysis)
    assert [(n.section, n.code) for n in notes] == [("summary", "summary_generic")]
    assert notes[0].text == summary
