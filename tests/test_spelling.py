"""Spelling: a typo is flagged only where the evidence is solid (precision before recall)."""

from __future__ import annotations

import pytest

from resume_analyzer import AnalysisSettings, analyze
from resume_analyzer.nlp.spelling import Speller

SPELLER = Speller(known=["roadmap", "kubernetes"])


@pytest.mark.parametrize(
    ("line", "typos"),
    [
        ("Led the managment of a checkout redesign", [("managment", "management")]),
        ("Cut onboarding time in a new enviroment for sellers", [("enviroment", "environment")]),
        ("Reduced the occurence of failed payments", [("occurence", "occurrence")]),
        # Words no dictionary has, but a resume does: none is a typo.
        ("Ran kubernetes clusters for the roadmap service", []),  # the taxonomy's words
        ("Built frontend and backend microservices", []),  # two known words run together
        ("Analysed churn and prioritised the backlog", []),  # British spellings
        ("Aligned organisational goals with the modelling team", []),
        ("Trained approvers and reconciled actuals each month", []),  # known words + ending
        ("Set up admin tools for support", []),  # a changed last letter: often jargon
        ("Cut aintained costs across the syste", []),  # clipped words: a reading problem
        ("Wrote a PRD in Figjam", []),  # capitalised: names and products
        ("Mentored 12 interns", []),  # short words are left alone
    ],
)
def test_typos(line: str, typos: list[tuple[str, str]]) -> None:
    (found,) = SPELLER.typos([line])
    assert [(t.word, t.suggestion) for t in found] == typos
    for typo in found:
        assert line[typo.start : typo.end] == typo.word


def test_a_word_used_twice_or_written_in_capitals_elsewhere_is_known() -> None:
    lines = ["Launched the pricng page", "Grew pricng revenue by 9%"]
    assert SPELLER.typos(lines) == [[], []]
    assert SPELLER.typos(["Shipped the Hubbl app to clinics"], ["Hubbl"]) == [[]]
    assert SPELLER.typos(["Shipped the hubbl app to clinics"], ["Hubbl Health"]) == [[]]


TEXT = """Jordan Example
jordan@example.com | (415) 555-0199

EXPERIENCE
Product Manager | Hooli | 2021 – 2023
- Led the managment of a checkout redesign with the design team, cutting drop-off by 12%
- Built frontend dashboards for 40 analysts, which reduced reporting time by 30%
"""


def test_analyze_reports_the_typo_on_its_line() -> None:
    analysis = analyze(TEXT.encode(), filename="cv.txt", settings=AnalysisSettings(use_model=False))
    findings = {b.text[:20]: [(f.code, f.message) for f in b.findings] for b in analysis.bullets}
    assert findings["Led the managment of"] == [
        ("spelling", '"managment" looks misspelled: did you mean "management"?')
    ]
    assert findings["Built frontend dashb"] == []


def test_a_line_in_another_language_is_not_spell_checked() -> None:
    from resume_analyzer.parsing.language import has_no_english

    assert has_no_english("Jeg designer nettsteder fra bunn og jobber med alt")
    assert not has_no_english("Led the managment of a checkout redesign with the design team")
    assert not has_no_english("Processed invoices")  # too short to tell
