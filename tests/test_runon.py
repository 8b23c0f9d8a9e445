"""Achievements an exporter ran together into one paragraph are cut apart again, and a
bullet glyph a font maps to a letter is still a bullet."""

from __future__ import annotations

from dataclasses import replace

import pytest
import resumes as r

from resume_analyzer.parsing import parse_resume
from resume_analyzer.parsing.lines import Line, mark_repeated_glyphs
from resume_analyzer.parsing.runon import pieces

# (paragraph, the achievements it holds); every text is invented.
RUN_TOGETHER = [
    (
        "Supervised the daily progress of audits by managing staff performance Discussed "
        "audit issues and findings with the engagement team and hospital management "
        "Presented audit findings and recommendations to senior management",
        [
            "Supervised the daily progress of audits by managing staff performance",
            "Discussed audit issues and findings with the engagement team and hospital management",
            "Presented audit findings and recommendations to senior management",
        ],
    ),
    (  # present tense: a verb in -s between two lower-case words
        "Sources items through the compilation of vendor information and bidding processes "
        "Creates auditing processes for inventory management across the three stores "
        "Ensures three way matches of requisitions and purchase orders",
        [
            "Sources items through the compilation of vendor information and bidding processes",
            "Creates auditing processes for inventory management across the three stores",
            "Ensures three way matches of requisitions and purchase orders",
        ],
    ),
    (  # an adverb of manner before a verb, a gerund opening a clause, "Responsible for"
        "Documented test cases and automation scripts for each system release Effectively "
        "tracked testing progress in the defect tracker for the whole team Handling a "
        "recruitment team of four across two offices Responsible for database loads and the "
        "test environment",
        [
            "Documented test cases and automation scripts for each system release",
            "Effectively tracked testing progress in the defect tracker for the whole team",
            "Handling a recruitment team of four across two offices",
            "Responsible for database loads and the test environment",
        ],
    ),
    (  # base forms, as duty lists write them
        "Collaborate with sales to grow new chamber members in the east region Develop "
        "relationships with the top business stakeholders of the region Initiate and provide "
        "leadership in the development of programming for the chapter",
        [
            "Collaborate with sales to grow new chamber members in the east region",
            "Develop relationships with the top business stakeholders of the region",
            "Initiate and provide leadership in the development of programming for the chapter",
        ],
    ),
    (  # dotted separators between sentences
        "Taught 30 undergraduates the fundamentals of investing to raise financial literacy "
        "· Evaluated public companies by analyzing strategy and operations · Invested $1,000 "
        "of raised money in selected microfinance businesses",
        [
            "Taught 30 undergraduates the fundamentals of investing to raise financial literacy",
            "Evaluated public companies by analyzing strategy and operations",
            "Invested $1,000 of raised money in selected microfinance businesses",
        ],
    ),
]

# Paragraphs that must stay whole: capitalised verbs that are names, or too little on a side.
WHOLE = [
    # A name after a word that leads into one.
    "Negotiated a three-year contract with United Airlines and Delta for the corporate travel "
    "program, saving the firm $400K a year across twelve regional offices and two hubs",
    "Rebuilt the quarterly close in Excel and Connected Sheets so the finance team could "
    "report two days earlier, and trained eleven analysts across three offices on it",
    # A capitalised participle inside a title, after another capitalised word.
    "Partnered with the Head of Advanced Analytics to define the churn model's features, then "
    "shipped it to the retention squad, which used it for every renewal call that quarter",
    # An adjective of time, and a gerund that is a compound's first word, start no sentence.
    "Designed and implemented an accelerated Monthly close process by automating the journal "
    "entries and reconciliations for all twelve subsidiaries, cutting the close to four days",
    "Grew the brand's following through targeted posts on Instagram and other social media "
    "Listening tools helped the team answer questions within the hour for all regions",
    # "State" leads into a name; a word glued to the one before it ("drinks.Mastered") is no
    # lower-case word before a new sentence.
    "Placed in charge of all company State and Federal poster requirements for the twelve "
    "stores, audited each store twice a year and closed every finding within the month",
    "Served coffee, tea and fountain drinks.Mastered Point of Sale (POS) computer system and "
    "trained four new hires on it during the busiest season of the year at the store",
    # Too short to be several achievements.
    "Managed the team Presented results to leadership",
    # A marked bullet is one achievement by its author's own marking.
]


@pytest.mark.parametrize(("text", "expected"), RUN_TOGETHER)
def test_run_together_achievements_are_cut(text: str, expected: list[str]) -> None:
    assert [piece for _start, piece in pieces(text)] == expected


@pytest.mark.parametrize("text", WHOLE)
def test_one_achievement_stays_whole(text: str) -> None:
    assert [piece for _start, piece in pieces(text)] == [text]


def test_a_marked_bullet_is_never_cut() -> None:
    text = RUN_TOGETHER[0][0]
    assert [piece for _start, piece in pieces(text, marked=True)] == [text]


def test_offsets_point_at_each_piece() -> None:
    text = RUN_TOGETHER[0][0]
    for start, piece in pieces(text):
        assert text[start:].startswith(piece.split()[0])


def test_a_pdf_paragraph_of_run_together_achievements_becomes_bullets() -> None:
    """The exporter's shape end to end: an unmarked paragraph under a role in a PDF."""
    paragraph = " ".join(RUN_TOGETHER[0][1])
    role = r.Role("Audit Manager", "Initech Health", "Jan 2015 – Dec 2019", (paragraph,))
    spec = replace(r.APM, experience=(role,), marker="")
    resume = parse_resume(r.to_pdf(spec), filename="resume.pdf")
    experience = next(s for s in resume.sections if s.kind == "experience")
    assert [b.text for b in experience.bullets] == RUN_TOGETHER[0][1]
    # Each points at the line where it starts: two may start on one wrapped line.
    lines = [b.line for b in experience.bullets]
    assert lines == sorted(lines) and lines[-1] > lines[0]


def _line(text: str) -> Line:
    return Line(text=text, page=1)


def test_a_lone_glyph_opening_several_lines_is_a_bullet() -> None:
    lines = [
        _line("ž Designed the onboarding flow"),
        _line("ž Led the billing squad of 5"),
        _line("continued text of the line above"),
        _line("ž Cut churn 4% with renewal emails"),
    ]
    mark_repeated_glyphs(lines)
    assert [(line.marker, line.text) for line in lines] == [
        ("•", "Designed the onboarding flow"),
        ("•", "Led the billing squad of 5"),
        (None, "continued text of the line above"),
        ("•", "Cut churn 4% with renewal emails"),
    ]


@pytest.mark.parametrize(
    "texts",
    [
        ["ž Designed the flow", "ž Led the squad"],  # twice is not a pattern
        ["à la carte pricing", "à la carte menus", "à la carte add-ons"],  # a word
        ["A Led the squad", "A Built the API", "A Ran the tests"],  # ASCII letters are words
    ],
)
def test_other_lone_characters_stay_text(texts: list[str]) -> None:
    lines = [_line(text) for text in texts]
    mark_repeated_glyphs(lines)
    assert [(line.marker, line.text) for line in lines] == [(None, t) for t in texts]


@pytest.mark.parametrize("text", ["•", "·", "Led the squad ·", ""])
def test_text_without_cuts_comes_back_as_it_is(text: str) -> None:
    assert list(pieces(text)) == [(0, text)]
