"""Entry headers keep every part: what is neither title, organization, place nor dates is a
detail (a grade, "Expected", a tech stack, a link's label), never dropped."""

from __future__ import annotations

import pytest

from resume_analyzer.parsing import parse_resume
from resume_analyzer.parsing.entries import parse_entry
from resume_analyzer.render import outline


@pytest.mark.parametrize(
    ("texts", "kind", "title", "organization", "details"),
    [
        (
            ["University of Michigan, Expected May 2027", "B.S. Computer Science | GPA 3.8/4.0"],
            "education",
            "B.S. Computer Science",
            "University of Michigan",
            ("Expected", "GPA 3.8/4.0"),
        ),
        (
            ["Habit Tracker | React, Node.js, Postgres | Jan 2024 – Mar 2024"],
            "projects",
            "Habit Tracker",
            None,  # the first tool is read as the organization: not what this test is about
            ("Node.js", "Postgres"),
        ),
        (
            ["Engineer, Payments Team at Initech, 2019 – 2021"],
            "experience",
            "Engineer",
            "Initech",
            ("Payments Team",),
        ),
        # Nothing left over: no details, and the JSON keeps its old shape.
        (["Product Manager | Hooli | 2021 – 2023"], "experience", "Product Manager", "Hooli", ()),
    ],
)
def test_header_parts_beyond_the_fields_are_details(
    texts: list[str], kind: str, title: str, organization: str | None, details: tuple[str, ...]
) -> None:
    entry = parse_entry(texts, kind, 1, 1)  # type: ignore[arg-type]
    assert (entry.title, entry.details) == (title, details)
    if organization is not None:
        assert entry.organization == organization
    assert ("details" in entry.to_dict()) == bool(details)


def test_details_reach_the_outline_and_the_json() -> None:
    text = (
        "Jordan Example\njordan@example.com | (415) 555-0199\n\n"
        "EDUCATION\n"
        "University of Michigan | B.S. Computer Science | GPA 3.8/4.0 | Expected May 2027\n\n"
        "EXPERIENCE\n"
        "Product Manager | Hooli | 2021 – 2023\n"
        "- Shipped a billing page that cut support tickets by 22% in one quarter\n"
    )
    resume = parse_resume(text.encode(), filename="cv.txt")
    school = resume.sections[0].entries[0]
    assert "GPA 3.8/4.0" in school.details and "Expected" in school.details
    assert "GPA 3.8/4.0" in resume.to_dict()["sections"][0]["entries"][0]["details"]
    assert "GPA 3.8/4.0" in outline(resume)


def test_a_grade_in_the_header_is_the_json_resume_score() -> None:
    from resume_analyzer.jsonresume import to_json_resume

    text = (
        "Jordan Example\njordan@example.com | (415) 555-0199\n\n"
        "EDUCATION\n"
        "University of Michigan | B.S. Computer Science | GPA 3.8/4.0 | May 2024\n\n"
        "EXPERIENCE\n"
        "Product Manager | Hooli | 2021 – 2023\n"
        "- Shipped a billing page that cut support tickets by 22% in one quarter\n"
    )
    education = to_json_resume(parse_resume(text.encode(), filename="cv.txt"))["education"]
    assert education[0]["score"] == "GPA 3.8/4.0"
    assert education[0]["institution"] == "University of Michigan"


@pytest.mark.parametrize(
    ("texts", "title", "organization"),
    [
        # The role held, in brackets after the company's name or tagline, is the title.
        (["Lumen Labs | AI Automation Agency (Founder & Product Lead)\tJan 2024 – Present"],
         "Founder & Product Lead", "Lumen Labs"),
        (["Globex (Product Manager)\t2021 – 2023"], "Product Manager", "Globex"),
        # A bracket that is part of the title, or says something of the company, stays.
        (["Project Lead & Data Analyst (Health AI)\tApr 2025 – Present", "Initech Research"],
         "Project Lead & Data Analyst (Health AI)", "Initech Research"),
        (["Acme Corp (Series B)", "Product Manager\t2021 – 2023"], "Product Manager",
         "Acme Corp (Series B)"),
    ],
)  # fmt: skip
def test_a_role_in_brackets_is_the_title(texts: list[str], title: str, organization: str) -> None:
    entry = parse_entry(texts, "experience", 1, 1)
    assert (entry.title, entry.organization) == (title, organization)


@pytest.mark.parametrize(
    ("texts", "kind", "title", "organization"),
    [
        # A school whose name has "at" in it keeps it whole, wherever the line is.
        (["University of Texas at Austin   Austin, TX   2011 – 2015", "BSc Computer Science"],
         "education", "BSc Computer Science", "University of Texas at Austin"),
        (["SUNY College at Brockport, 2010 - 2014"], "education",
         None, "SUNY College at Brockport"),
        (["Research Assistant at University of Texas at Austin\t2019 – 2020"], "experience",
         "Research Assistant", "University of Texas at Austin"),
        (["University of North Carolina at Chapel Hill\t2019 – 2020", "Research Assistant"],
         "experience", "Research Assistant", "University of North Carolina at Chapel Hill"),
        # "at" after a title still names the employer, even when the title starts "University".
        (["University Relations Manager at Google\t2019 – 2020"], "experience",
         "University Relations Manager", "Google"),
    ],
)  # fmt: skip
def test_a_schools_own_at_is_not_a_separator(
    texts: list[str], kind: str, title: str | None, organization: str
) -> None:
    entry = parse_entry(texts, kind, 1, 1)  # type: ignore[arg-type]
    assert (entry.title, entry.organization) == (title, organization)
    assert "Austin" not in entry.details
