"""Two-column PDFs find the sections of their one-column original.

The case that lost a section: a sidebar holding a word longer than the sidebar is wide (a
run of skills without spaces, a long URL), which HTML and CSS draw running on into the gutter.
Each such line crossed the gutter, and a few of them hid it: the page was read row by row,
sidebar and main column interleaved, and a section vanished into its neighbour.
"""

from __future__ import annotations

import io

import pytest
from builders import (
    BODY,
    EXPERIENCE,
    LEFT,
    PAGE_H,
    PITCH,
    RIGHT,
    SIZE,
    Column,
    Sheet,
    experience_bullets,
)
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from resume_analyzer.document import Resume
from resume_analyzer.parsing import parse_resume
from resume_analyzer.parsing.layout import Segment, Word, _overflows

SIDEBAR_W, GUTTER = 150.0, 24.0
# Words longer than the sidebar: drawn whole, they run on past its edge.
LONG_WORDS = ("SQL,Python,Tableau,Excel,PowerBI,Looker", "Roadmapping,Prioritisation,Discovery")
SIDEBAR_LINES = (
    ("Skills", (LONG_WORDS[0], "Figma, Jira", LONG_WORDS[1], "A/B testing")),
    ("Education", ("University of Example", "B.S. Computer Science, 2022", "GPA: 3.8/4.0")),
    ("Languages", ("Spanish (fluent)", "French (basic)")),
)


def _resume_pdf(*, columns: bool, sidebar_right: bool = False) -> bytes:
    """The same content in one column, or with a sidebar beside the main column."""
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=letter, invariant=True)
    sheet = Sheet(c)
    sheet.text(LEFT, 66, "Jane Doe", font="Helvetica-Bold", size=22)
    sheet.text(LEFT, 86, "jane.doe@example.com  |  (415) 555-0134", size=9.5)
    if not columns:
        side = main = Column(sheet, LEFT, RIGHT, 100.0)
    elif sidebar_right:
        main = Column(sheet, LEFT, RIGHT - SIDEBAR_W - GUTTER, 100.0)
        side = Column(sheet, RIGHT - SIDEBAR_W, RIGHT, 100.0)
    else:
        side = Column(sheet, LEFT, LEFT + SIDEBAR_W, 100.0)
        main = Column(sheet, LEFT + SIDEBAR_W + GUTTER, RIGHT, 100.0)
    for heading, lines in SIDEBAR_LINES:
        side.heading(heading, rule=False)
        for text in lines:
            sheet.text(side.x0, side.y, text, font=BODY, size=SIZE)  # never wrapped
            side.y += PITCH
        side.gap()
    main.heading("Experience", rule=False)
    for title, company, dates, bullets in EXPERIENCE:
        main.line(f"{title}, {company}", bold=True)
        main.line(dates)
        for text in bullets:
            main.bullet(text)
        main.gap()
    assert side.y < PAGE_H - 50 and main.y < PAGE_H - 50
    c.save()
    return buffer.getvalue()


def _kinds(resume: Resume) -> list[str]:
    return sorted(s.kind for s in resume.sections)


@pytest.fixture(scope="module")
def one_column() -> Resume:
    return parse_resume(_resume_pdf(columns=False), filename="one.pdf")


@pytest.mark.parametrize("sidebar_right", [False, True], ids=["sidebar-left", "sidebar-right"])
def test_two_columns_find_the_sections_of_one(one_column: Resume, sidebar_right: bool) -> None:
    two = parse_resume(_resume_pdf(columns=True, sidebar_right=sidebar_right), filename="t.pdf")
    assert _kinds(one_column) == ["education", "experience", "languages", "skills"]
    assert _kinds(two) == _kinds(one_column)


def test_overflowing_words_stay_in_the_sidebar_section() -> None:
    two = parse_resume(_resume_pdf(columns=True), filename="two.pdf")
    skills = two.section("skills")
    assert skills is not None
    assert set(LONG_WORDS) <= {b.text for b in skills.bullets}
    experience = two.section("experience")
    assert experience is not None
    # The main column's bullets are whole: no sidebar word woven into them.
    assert [b.text for b in experience.bullets] == experience_bullets()
    assert len(experience.entries) == len(EXPERIENCE)


def _word(text: str, x0: float, x1: float) -> Word:
    return Word(text, x0, x1, 100.0, 110.0, 10.0, "Helvetica")


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        # A sidebar word from x=54 running past the main column's edge at 226, alone ...
        ([("SQL,Python,Excel,Looker,dbt", 54, 262)], True),
        # ... or touching the main column's line, which starts at the edge.
        ([("SQL,Python,Excel,Looker,dbt", 54, 262), ("Led", 227, 245)], True),
        # A one-column sentence crossing the edge: its words after the first start left of it.
        ([("Led", 54, 70), ("a", 73, 78), ("team", 81, 240)], False),
        # A title beside a dates margin starts just before the edge: not an overflow.
        ([("Product", 214, 250), ("Analyst", 253, 290)], False),
        # Entirely left of the edge.
        ([("Figma", 54, 90)], False),
    ],
)
def test_overflow_is_a_long_first_word_across_the_edge(
    words: list[tuple[str, float, float]], expected: bool
) -> None:
    segment = Segment([_word(*w) for w in words])
    assert _overflows(segment, 226.0) is expected
