"""LinkedIn profile exports ("Save to PDF"): the sidebar apart from the main column.

The fixture is drawn like an export: a grey sidebar (Contact with a wrapped profile URL, Top
Skills, Languages, Certifications, Honors-Awards) beside the main column (name, headline,
location, Summary, Experience with a company holding two positions, Education), the sizes an
export uses, "Page N of M" footers, and the export's metadata (Author, Subject). All people,
companies and schools are invented.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import pytest
from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from resume_analyzer.document import Resume
from resume_analyzer.parsing import parse_resume, read_raw
from resume_analyzer.parsing.linkedin import (
    ExportReader,
    _join_wrapped,
    is_export_metadata,
)

PAGE_H = letter[1]
SIDE_X, MAIN_X, MAIN_RIGHT = 22.0, 224.0, 590.0
FONT = "Helvetica"
# A bullet whose wrapped tail starts with a metric, and one whose tail is a heading word.
METRIC_HEAD = (
    "Grew weekly active teams from 1,200 to 4,000 after the onboarding redesign, a lift of"
)
METRIC_TAIL = "3.2× in two quarters"
WORD_HEAD = "Mentored four associate product managers on discovery, prioritisation and"
WORD_TAIL = "Leadership"


class _Page:
    def __init__(self, c: canvas.Canvas) -> None:
        self.c = c

    def text(self, x: float, y: float, s: str, size: float) -> None:
        self.c.setFont(FONT, size)
        self.c.drawString(x, PAGE_H - y, s)

    def footer(self, number: int, pages: int) -> None:
        self.text(384, 781, f"Page {number} of {pages}", 9)


def _fill(words: str, width: float, size: float) -> str:
    """Pad a line with filler words until it runs to the column's edge, as a wrap does."""
    line = words
    filler = iter("and kept the weekly review going with the team".split() * 4)
    while stringWidth(line, FONT, size) < width - 40:
        line = f"{next(filler)} {line}"
    return line


def _sidebar(p: _Page) -> None:
    p.c.setFillGray(0.85)
    p.c.rect(0, 0, 202, PAGE_H, stroke=0, fill=1)
    p.c.setFillGray(0)
    y = 59.0
    for heading, items in (
        (
            "Contact",
            [
                ["jane.doe@example.com"],
                ["(415) 555-0134 (Mobile)"],
                ["www.linkedin.com/in/jane-", "doe-example-123 (LinkedIn)"],
            ],
        ),
        ("Top Skills", [["Product Management"], ["SQL"], ["Leadership"]]),
        ("Languages", [["English (Native or Bilingual)"], ["Spanish (Professional Working)"]]),
        ("Certifications", [["Google Project Management", "Professional Certificate"]]),
        ("Honors-Awards", [["Dean's List"]]),
    ):
        p.text(SIDE_X, y, heading, 13)
        y += 18
        for item in items:
            for n, line in enumerate(item):
                p.text(SIDE_X, y, line, 10.5)
                y += 12.5 if n + 1 < len(item) else 18
        y += 17


def export_pdf(*, metadata: bool = True) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=letter, invariant=True)
    if metadata:
        c.setAuthor("LinkedIn")
        c.setSubject("Resume generated from profile")
    c.setTitle("Resume")
    p = _Page(c)
    _sidebar(p)
    # The export links the profile URL with LinkedIn's tracking query behind it.
    tracked = "https://www.linkedin.com/in/jane-doe-example-123?jobid=1234&lipi=urn%3Ali%3Apage"
    c.linkURL(tracked, (SIDE_X, PAGE_H - 125, 190, PAGE_H - 92), relative=0, thickness=0)
    p.text(MAIN_X, 74, "Jane Doe", 26)
    p.text(MAIN_X, 91, "Associate Product Manager at Globex Inc | Growth and", 12)
    p.text(MAIN_X, 105, "Onboarding", 12)
    p.text(MAIN_X, 120, "San Francisco Bay Area", 12)
    p.text(MAIN_X, 159, "Summary", 15.75)
    p.text(MAIN_X, 184, "Product manager who ships onboarding and growth work with small", 12)
    p.text(MAIN_X, 202, "teams, measured by activation and retention.", 12)
    p.text(MAIN_X, 240, "Experience", 15.75)
    p.text(MAIN_X, 269, "Globex Inc", 12)
    p.text(MAIN_X, 284, "Associate Product Manager", 11.5)
    p.text(MAIN_X, 298, "January 2023 - Present (2 years 3 months)", 10.5)
    p.text(MAIN_X, 313, "San Francisco, California, United States", 10.5)
    width = MAIN_RIGHT - MAIN_X
    y = 334.0
    for head, tail in ((METRIC_HEAD, METRIC_TAIL), (WORD_HEAD, WORD_TAIL)):
        p.text(MAIN_X, y, "• " + _fill(head, width, 10.5), 10.5)
        p.text(MAIN_X, y + 18, tail, 10.5)
        y += 36
    p.text(MAIN_X, y, "• Ran 14 pricing experiments and lifted paid conversion by 8%.", 10.5)
    p.text(MAIN_X, 430, "Acme Corp", 12)
    p.text(MAIN_X, 446, "3 years 1 month", 10.5)
    p.text(MAIN_X, 468, "Product Analyst", 11.5)
    p.text(MAIN_X, 482, "March 2021 - December 2022 (1 year 10 months)", 10.5)
    p.text(MAIN_X, 497, "Austin, Texas, United States", 10.5)
    p.text(MAIN_X, 518, "Built the weekly revenue dashboard used by 40 account managers.", 10.5)
    p.text(MAIN_X, 560, "Business Analyst Intern", 11.5)
    p.text(MAIN_X, 574, "June 2020 - February 2021 (9 months)", 10.5)
    p.text(MAIN_X, 589, "Austin, Texas, United States", 10.5)
    p.text(MAIN_X, 610, "Cleaned three years of sales data for the pricing review.", 10.5)
    p.footer(1, 2)
    c.showPage()
    p.text(MAIN_X, 64, "Education", 15.75)
    p.text(MAIN_X, 89, "University of Example", 12)
    p.text(MAIN_X, 106, "Bachelor of Science - BS, Computer Science · (2016 - 2020)", 10.5)
    p.footer(2, 2)
    c.showPage()
    c.save()
    return buffer.getvalue()


@pytest.fixture(scope="module")
def resume() -> Resume:
    return parse_resume(export_pdf(), filename="Profile.pdf")


def _texts(resume: Resume, kind: str) -> list[str]:
    section = resume.section(kind)  # type: ignore[arg-type]
    assert section is not None, kind
    return [b.text for b in section.bullets]


def test_sections_are_the_sidebar_then_the_main_column(resume: Resume) -> None:
    kinds = [s.kind for s in resume.sections]
    assert kinds == [
        "skills",
        "languages",
        "certifications",
        "awards",
        "summary",
        "experience",
        "education",
    ]


def test_sidebar_items_are_whole_and_a_skill_word_is_no_heading(resume: Resume) -> None:
    assert _texts(resume, "skills") == ["Product Management", "SQL", "Leadership"]
    assert _texts(resume, "languages") == [
        "English (Native or Bilingual)",
        "Spanish (Professional Working)",
    ]
    assert _texts(resume, "certifications") == [
        "Google Project Management Professional Certificate"
    ]
    assert _texts(resume, "awards") == ["Dean's List"]


def test_contact_from_the_sidebar_and_the_top_of_the_main_column(resume: Resume) -> None:
    contact = resume.contact
    assert contact.name == "Jane Doe"
    assert contact.email == "jane.doe@example.com"
    assert contact.phone == "(415) 555-0134"
    assert contact.link("linkedin") == "https://www.linkedin.com/in/jane-doe-example-123"
    # The line under the headline is the place, whole, though no list of regions knows it.
    assert contact.location == "San Francisco Bay Area"


def test_the_headline_is_kept_in_the_preamble(resume: Resume) -> None:
    assert resume.preamble == ("Associate Product Manager at Globex Inc | Growth and Onboarding",)


def test_each_position_is_an_entry_with_title_company_dates_and_duration(resume: Resume) -> None:
    section = resume.section("experience")
    assert section is not None
    got = [
        (e.title, e.organization, e.start, e.end, e.current, e.duration, e.location)
        for e in section.entries
    ]
    assert got == [
        (
            "Associate Product Manager",
            "Globex Inc",
            "2023-01",
            None,
            True,
            "2 years 3 months",
            "San Francisco, California, United States",
        ),
        (
            "Product Analyst",
            "Acme Corp",
            "2021-03",
            "2022-12",
            False,
            "1 year 10 months",
            "Austin, Texas, United States",
        ),
        (
            "Business Analyst Intern",
            "Acme Corp",
            "2020-06",
            "2021-02",
            False,
            "9 months",
            "Austin, Texas, United States",
        ),
    ]


def test_descriptions_become_the_bullets_of_their_position(resume: Resume) -> None:
    section = resume.section("experience")
    assert section is not None
    by_entry = [(b.entry, b.text) for b in section.bullets]
    assert [entry for entry, _ in by_entry] == [0, 0, 0, 1, 2]
    first, second = by_entry[0][1], by_entry[1][1]
    # The wrapped tails stay in their bullets: neither "3.2×" nor "Leadership" is a heading.
    assert first.startswith("Grew weekly active teams") or "Grew weekly" in first
    assert first.endswith("a lift of 3.2× in two quarters")
    assert second.endswith("prioritisation and Leadership")
    assert by_entry[2][1].startswith("Ran 14 pricing experiments")
    assert by_entry[3][1].startswith("Built the weekly revenue dashboard")
    assert all(s.heading in {"", s.heading.strip()} for s in resume.sections)
    headings = {s.heading for s in resume.sections}
    assert not headings & {METRIC_TAIL, WORD_TAIL, "3.2×"}


def test_education_entry_and_no_page_footers(resume: Resume) -> None:
    section = resume.section("education")
    assert section is not None
    [entry] = section.entries
    assert entry.organization == "University of Example"
    assert entry.title is not None and "Bachelor of Science" in entry.title
    assert (entry.start, entry.end) == ("2016", "2020")
    words = " ".join(b.text for s in resume.sections for b in s.bullets)
    assert "Page 1 of 2" not in words and "Page 2" not in words


def test_headline_is_not_an_unlabelled_summary(resume: Resume) -> None:
    summary = resume.section("summary")
    assert summary is not None and summary.heading == "Summary"
    assert [s.kind for s in resume.sections].count("summary") == 1


def test_layout_alone_recognises_an_export_without_its_metadata(resume: Resume) -> None:
    bare = parse_resume(export_pdf(metadata=False), filename="Profile.pdf")
    assert bare.to_dict()["sections"] == resume.to_dict()["sections"]
    assert bare.contact == resume.contact


def test_an_ordinary_resume_is_not_an_export() -> None:
    from builders import two_column_pdf

    raw = read_raw(two_column_pdf(), filename="resume.pdf")
    assert all(line.block < 100_000 for line in raw.lines)


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        ({"Author": "LinkedIn", "Subject": "Resume generated from profile"}, True),
        ({"Author": "LinkedIn ", "Subject": "Resume generated from profile (v2)"}, True),
        ({"Author": "Jane Doe", "Subject": "Resume generated from profile"}, False),
        ({"Author": "LinkedIn"}, False),
        ({}, False),
        ({"Author": None, "Subject": None}, False),
    ],
)
def test_metadata_says_export(metadata: dict[str, object], expected: bool) -> None:
    assert is_export_metadata(metadata) is expected
    assert ExportReader.from_metadata(metadata).found is expected


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (
            ["www.linkedin.com/in/jane-", "doe-123 (LinkedIn)"],
            "www.linkedin.com/in/jane-doe-123 (LinkedIn)",
        ),
        (["janedoe.dev/", "(Portfolio)"], "janedoe.dev/ (Portfolio)"),
        (["jane.doe@example", ".com"], "jane.doe@example.com"),
        (
            ["Continuous Integration and", "Continuous Delivery"],
            "Continuous Integration and Continuous Delivery",
        ),
    ],
)
def test_wrapped_sidebar_lines_rejoin(lines: Sequence[str], joined: str) -> None:
    assert _join_wrapped(lines) == joined


def test_an_export_says_so_and_an_ordinary_resume_does_not(resume: Resume) -> None:
    from builders import two_column_pdf

    assert [w.code for w in resume.warnings] == ["linkedin_export"]
    ordinary = parse_resume(two_column_pdf(), filename="resume.pdf")
    assert "linkedin_export" not in {w.code for w in ordinary.warnings}


def test_an_export_without_descriptions_is_refused_in_words_about_linkedin(
    resume: Resume,
) -> None:
    from dataclasses import replace

    from resume_analyzer.analyzer import check_is_resume
    from resume_analyzer.errors import NotAResumeError

    empty = replace(resume, sections=resume.sections[:1])  # the sidebar's contact alone
    with pytest.raises(NotAResumeError, match="LinkedIn profile export") as refused:
        check_is_resume(empty, "Profile.pdf")
    assert "export it again, or upload your resume" in str(refused.value)


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (
            "Bachelor of Science - BS, Economics and Cellular Biosciences",
            "Bachelor of Science (BS), Economics and Cellular Biosciences",
        ),
        (
            "Master of Technology (M.Tech.), Computer Science and Engineering",
            "Master of Technology (M.Tech.), Computer Science and Engineering",
        ),
        ("B.Sc, Information Systems Engineering", "B.Sc, Information Systems Engineering"),
        ("Bachelor of Arts, History, GPA 3.8", "Bachelor of Arts, History"),
    ],
)
def test_a_degree_keeps_its_abbreviation_and_field(line: str, title: str) -> None:
    from resume_analyzer.parsing.entries import parse_entry

    entry = parse_entry(["Example State University", line], "education", 1, 1)
    assert entry.organization == "Example State University"
    assert entry.title == title


@pytest.mark.parametrize(
    ("texts", "title", "company", "place"),
    [
        # "Team" names organizations elsewhere; here the title line is the title, whole.
        (
            [
                "January 2013 - May 2016\tDevelopment Team Lead",
                "FC Capital|(3 years 5 months)",
                "Sydney, New South Wales, Australia",
            ],
            "Development Team Lead",
            "FC Capital",
            "Sydney, New South Wales, Australia",
        ),
        # A place no list of regions knows in full, and one alone on its line.
        (
            [
                "November 2013 - June 2018\tTutor",
                "Amilla|(4 years 8 months)",
                "Athens, Attiki, Greece",
            ],
            "Tutor",
            "Amilla",
            "Athens, Attiki, Greece",
        ),
        (
            ["April 2026 - Present\tSoftware Engineer", "Philtech Inc.|(3 months)", "Taguig"],
            "Software Engineer",
            "Philtech Inc.",
            "Taguig",
        ),
        (
            [
                "October 2015 - January 2016\tWeb Developer, designer, Sales",
                "Telesalg AS|(4 months)",
                "Skien, Vestfold og Telemark, Norway",
            ],
            "Web Developer, designer, Sales",
            "Telesalg AS",
            "Skien, Vestfold og Telemark, Norway",
        ),
        (
            ["July 2019 - March 2021\tSoftware Engineer", "Refinitiv, an LSEG business|(1 year)"],
            "Software Engineer",
            "Refinitiv, an LSEG business",
            None,
        ),
    ],
)
def test_a_position_keeps_its_title_company_and_place_whole(
    texts: list[str], title: str, company: str, place: str | None
) -> None:
    from resume_analyzer.parsing.entries import parse_entry

    entry = parse_entry(texts, "experience", 1, 1)
    assert (entry.title, entry.organization, entry.location) == (title, company, place)
    assert entry.details == ()


def test_a_third_line_that_is_no_place_is_a_detail() -> None:
    from resume_analyzer.parsing.entries import parse_entry

    texts = [
        "May 2017 - July 2017\tStudent Painter",
        "Example University|(3 months)",
        "Dormitories in the campus",
    ]
    entry = parse_entry(texts, "experience", 1, 1)
    assert (entry.location, entry.details) == (None, ("Dormitories in the campus",))
