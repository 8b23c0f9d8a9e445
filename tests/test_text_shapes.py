"""Pasted plain text and Markdown: the shapes people send, read like the same resume in a PDF.

No bullet glyphs, wrapped lines, upper-case job titles under EXPERIENCE, "Title | Company |
Dates" in its many orders, "Company — Title" on two lines. All people and companies invented.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from pathlib import Path

import builders
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from resumes import APM, Role, Spec, to_pdf

from evaluation import shapes
from resume_analyzer.document import Resume, Section
from resume_analyzer.parsing import parse_resume
from resume_analyzer.parsing.entries import parse_entry
from resume_analyzer.parsing.sections import looks_like_entry_line
from resume_analyzer.parsing.text import read_text, undouble
from resume_analyzer.settings import ParseSettings


def parse_text(text: str, filename: str = "resume.txt") -> Resume:
    return parse_resume(text.encode("utf-8"), filename=filename)


def section(resume: Resume, kind: str) -> Section:
    return next(s for s in resume.sections if s.kind == kind)


# (header lines, title, organization, location, start, end): every order of the parts.
ENTRY_SHAPES = [
    (["Product Manager | Globex Inc | Jan 2021 – Present"], "Product Manager", "Globex Inc",
     None, "2021-01", None),
    (["Globex Inc | Product Manager | Jan 2021 – Present"], "Product Manager", "Globex Inc",
     None, "2021-01", None),
    (["Hooli | Product Manager | 2021 – 2023"], "Product Manager", "Hooli", None, "2021",
     "2023"),
    (["Product Manager, Hooli — 2021 – 2023"], "Product Manager", "Hooli", None, "2021", "2023"),
    (["Product Manager, Globex Inc — Austin, TX — Jan 2021 – Mar 2023"], "Product Manager",
     "Globex Inc", "Austin, TX", "2021-01", "2023-03"),
    (["Product Manager at Hooli (2021–2023)"], "Product Manager", "Hooli", None, "2021",
     "2023"),
    (["Growth PM @ Hooli (2018 – 2019)"], "Growth PM", "Hooli", None, "2018", "2019"),
    (["Jan 2021 – Mar 2023\tProduct Manager\tHooli"], "Product Manager", "Hooli", None,
     "2021-01", "2023-03"),
    (["2021 – 2023\tProduct Manager\tGlobex Inc"], "Product Manager", "Globex Inc", None, "2021",
     "2023"),
    (["Hooli — Product Manager"], "Product Manager", "Hooli", None, None, None),
    (["Hooli", "Product Manager\tJan 2021 – Present"], "Product Manager", "Hooli", None,
     "2021-01", None),
    (["Globex Inc", "Product Manager", "Jan 2021 – Present"], "Product Manager", "Globex Inc",
     None, "2021-01", None),
    (["PRODUCT MANAGER", "Globex Inc, Austin, TX", "Jan 2023 – Present"], "PRODUCT MANAGER",
     "Globex Inc", "Austin, TX", "2023-01", None),
    (["SENIOR ANALYST | ACME", "May 2020 – Dec 2022"], "SENIOR ANALYST", "ACME", None,
     "2020-05", "2022-12"),
    (["Initech — Product Intern", "Jun 2019 – Aug 2019"], "Product Intern", "Initech", None,
     "2019-06", "2019-08"),
    (["Head of Product — Umbrella Health — Remote — 2020 – 2022"], "Head of Product",
     "Umbrella Health", "Remote", "2020", "2022"),
    (["Product Owner | Stark Industries | New York, NY | 03/2019 - 06/2020"], "Product Owner",
     "Stark Industries", "New York, NY", "2019-03", "2020-06"),
    (["Software Engineer II, Payments Team at Initech, Seattle, WA, 2016–2018"],
     "Software Engineer II", "Initech", "Seattle, WA", "2016", "2018"),
    # Copied out of a PDF: one space where the page had a gap.
    (["Associate Product Manager Jan 2023 – Present", "Globex Inc San Francisco, CA"],
     "Associate Product Manager", "Globex Inc", "San Francisco, CA", "2023-01", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("lines", "title", "organization", "location", "start", "end"), ENTRY_SHAPES
)
def test_parse_entry_puts_each_part_in_its_field(
    lines: list[str],
    title: str,
    organization: str,
    location: str | None,
    start: str | None,
    end: str | None,
) -> None:
    entry = parse_entry(lines, "experience", 1, 1)
    got = (entry.title, entry.organization, entry.location, entry.start, entry.end)
    assert got == (title, organization, location, start, end)


@pytest.mark.parametrize(
    ("line", "entry_line"),
    [
        ("PRODUCT MANAGER", True),
        ("SENIOR ANALYST | ACME", True),
        ("GLOBEX INC", True),
        ("2021 – 2023", True),
        ("HOOLI — PRODUCT", True),
        ("GPA: 3.8/4.0", True),
        ("WHAT I'VE BUILT", False),
        ("EXPERIENCE", False),
        ("PRODUCT EXPERIENCE", False),
        ("TEACHING", False),
    ],
)
def test_looks_like_entry_line(line: str, entry_line: bool) -> None:
    assert looks_like_entry_line(line) is entry_line


PASTED = """\
Jordan Example
jordan@example.com | (415) 555-0199 | Austin, TX

SUMMARY
Product-minded engineer who ships data-informed features with design and sales teams
across three time zones.

EXPERIENCE
PRODUCT MANAGER
Globex Inc, Austin, TX
Jan 2023 – Present
Launched a self-serve onboarding flow that cut time to first value by 35% for
12,000 new accounts in two quarters.
Ran 14 A/B tests on pricing pages and lifted paid conversion by 8%.

SENIOR ANALYST | ACME CORP
May 2020 – Dec 2022
Interviewed 25 customers and turned the findings into a roadmap adopted by
three engineering teams
Wrote SQL dashboards that cut weekly reporting time from 6 hours to 1 hour

Initech — Product Intern
Jun 2019 – Aug 2019
Built a prototype used by 300 beta users in the first month.

WHAT I'VE BUILT
Campus Marketplace
Built a student marketplace used by 1,800 students and grew weekly listings by 40%.

SKILLS
SQL, Python, Figma, Jira
"""


def test_pasted_text_finds_every_role_under_experience() -> None:
    resume = parse_text(PASTED)
    assert [s.kind for s in resume.sections] == ["summary", "experience", "other", "skills"]
    experience = section(resume, "experience")
    assert [(e.title, e.organization, e.location, e.start, e.end) for e in experience.entries] == [
        ("PRODUCT MANAGER", "Globex Inc", "Austin, TX", "2023-01", None),
        ("SENIOR ANALYST", "ACME CORP", None, "2020-05", "2022-12"),
        ("Product Intern", "Initech", None, "2019-06", "2019-08"),
    ]
    assert experience.entries[0].current
    assert [(b.entry, b.text) for b in experience.bullets] == [
        (0, "Launched a self-serve onboarding flow that cut time to first value by 35% for "
            "12,000 new accounts in two quarters."),
        (0, "Ran 14 A/B tests on pricing pages and lifted paid conversion by 8%."),
        (1, "Interviewed 25 customers and turned the findings into a roadmap adopted by three "
            "engineering teams"),
        (1, "Wrote SQL dashboards that cut weekly reporting time from 6 hours to 1 hour"),
        (2, "Built a prototype used by 300 beta users in the first month."),
    ]  # fmt: skip


def test_a_summary_paragraph_is_not_a_list_item() -> None:
    summary = section(parse_text(PASTED), "summary")
    assert [(b.text[:14], b.marker) for b in summary.bullets] == [("Product-minded", None)]


@pytest.mark.parametrize(
    ("lines", "kinds"),
    [
        (["PRODUCT MANAGER"], ["experience", "education"]),
        (["SENIOR ANALYST | ACME"], ["experience", "education"]),
        (["GLOBEX INC"], ["experience", "education"]),
        (["HOOLI — PRODUCT"], ["experience", "education"]),
        (["ASSOCIATE PRODUCT MANAGER, HOOLI"], ["experience", "education"]),
        # A name in capitals over a date line opens an entry.
        (["CAMPUS MARKETPLACE", "2019 – 2020"], ["experience", "education"]),
        # An unknown heading in the same capitals is still a section...
        (["SELECTED WORK"], ["experience", "other", "education"]),
    ],
)
def test_upper_case_entry_lines_are_no_sections(lines: list[str], kinds: list[str]) -> None:
    text = "\n".join(
        [
            "EXPERIENCE",
            "Product Manager | Hooli | 2021 – 2023",
            "Shipped a billing page that cut support tickets by 22% in one quarter.",
            *lines,
            "Ran 6 pricing experiments that lifted paid conversion by 9% across regions.",
            "",
            "EDUCATION",
            "University of Example, B.S. Economics, 2021",
        ]
    )
    assert [s.kind for s in parse_text(text).sections] == kinds


def test_a_line_right_under_a_heading_opens_no_section() -> None:
    text = (
        "PROJECTS\n"
        "CAMPUS MARKETPLACE\n"
        "Built a student marketplace used by 1,800 students in its first year.\n"
        "Grew weekly listings by 40% with a referral program for student clubs.\n\n"
        "SKILLS\n"
        "SQL, Python, Figma\n"
    )
    resume = parse_text(text)
    assert [s.kind for s in resume.sections] == ["projects", "skills"]
    assert [e.title for e in section(resume, "projects").entries] == ["CAMPUS MARKETPLACE"]


@pytest.mark.parametrize(
    ("lines", "first_bullet"),
    [
        # A lower-case continuation after a line without a full stop.
        (["Led the redesign of the checkout flow with", "design and engineering"], 2),
        # A line ending in "and" or a comma goes on.
        (["Partnered with sales and", "Marketing on launch plans"], 2),
        # A number that is no date goes on a sentence.
        (["Ran pricing experiments with the growth team across", "1,200 accounts"], 2),
        (["Cut onboarding time for new sellers by", "35% in two quarters"], 2),
        # A full stop ends the bullet, whatever follows.
        (["Cut churn by 4% with a new onboarding email.", "reduced costs by 10% across regions"],
         1),
        # A new capitalised sentence is a new bullet.
        (["Cut churn by 4% across the EMEA region", "Reduced costs by 10% across regions"], 1),
        # A dated line opens an entry.
        (["Led the redesign of the checkout flow with", "2021 – 2023"], 1),
        # A blank line separates a finished line from the next.
        (["Cut churn by 4% across the EMEA region.", "", "design and engineering"], 1),
    ],
)  # fmt: skip
def test_wrapped_lines_of_one_bullet_join(lines: list[str], first_bullet: int) -> None:
    text = "EXPERIENCE\nProduct Manager | Hooli | 2021 – 2023\n" + "\n".join(lines) + "\n"
    experience = section(parse_text(text), "experience")
    assert experience.bullets[0].text == " ".join(lines[:first_bullet])


# Bullets as people write them: a capitalised verb, then lower-case words, numbers and
# percentages; wrapped at any width, each must come back whole.
WORD = st.sampled_from(
    "the a of to with for and users team launch growth revenue churn roadmap pricing "
    "onboarding experiments dashboards customers 12 35% 1,800 $2M q3 weekly".split()
)
VERB = st.sampled_from(["Launched", "Led", "Cut", "Grew", "Built", "Ran", "Shipped"])
BULLET = st.builds(lambda v, ws: " ".join([v, *ws]) + ".", VERB, st.lists(WORD, min_size=6))


@settings(max_examples=60, deadline=None, database=None)
@given(st.lists(BULLET, min_size=1, max_size=4), st.integers(min_value=50, max_value=90))
def test_wrapped_bullets_come_back_whole(bullets: list[str], width: int) -> None:
    wrapped = "\n".join(line for bullet in bullets for line in textwrap.wrap(bullet, width))
    text = f"EXPERIENCE\nProduct Manager | Hooli | 2021 – 2023\n{wrapped}\n"
    experience = section(parse_text(text), "experience")
    assert [b.text for b in experience.bullets] == bullets
    assert len(experience.entries) == 1


MARKDOWN = """\
# Jordan Example

jordan@example.com · [Portfolio](https://jordan.example.com)

## Experience

### Product Manager — Globex Inc
*Jan 2023 – Present*

- Launched a self-serve onboarding flow that cut time to first value by 35%
- Ran 14 A/B tests on pricing pages and lifted paid conversion by 8%

**Hooli**
Senior Analyst | *May 2020 – Dec 2022*

- Built [a churn model](https://example.com/churn) that flagged 80% of at-risk accounts

## Projects

### Campus Marketplace (2021–2022)

- Built a student marketplace used by 1,800 students

## Education

**University of Example** — B.S. Economics, 2020
"""


def test_markdown_entries_and_bullets() -> None:
    resume = parse_text(MARKDOWN, "resume.md")
    assert [s.kind for s in resume.sections] == ["experience", "projects", "education"]
    experience = section(resume, "experience")
    assert [(e.title, e.organization, e.start, e.end) for e in experience.entries] == [
        ("Product Manager", "Globex Inc", "2023-01", None),
        ("Senior Analyst", "Hooli", "2020-05", "2022-12"),
    ]
    assert [b.entry for b in experience.bullets] == [0, 0, 1]
    assert experience.bullets[2].text.startswith("Built a churn model (https://example.com/churn)")
    projects = section(resume, "projects")
    assert [(e.title, e.start, e.end) for e in projects.entries] == [
        ("Campus Marketplace", "2021", "2022")
    ]
    assert [link.url for link in resume.contact.links][:1] == ["https://jordan.example.com"]


# The same resume as the PDF fixture draws it, pasted as plain text: capitals for headings,
# no glyphs, bullets wrapped at a typewriter's width, each role's header in another shape.
HEADER_SHAPES = {
    "stacked": lambda r: [r.title.upper(), r.organization, r.dates],
    "piped": lambda r: [f"{r.title} | {r.organization} | {r.dates}"],
    "company first": lambda r: [f"{r.organization} — {r.title}", r.dates],
    "aligned": lambda r: [r.organization, f"{r.title}      {r.dates}"],
}


def to_plain(spec: Spec, header: Callable[[Role], list[str]], width: int) -> str:
    out = [spec.name, spec.contact, ""]
    if spec.summary:
        out += ["SUMMARY", *textwrap.wrap(spec.summary, width), ""]
    for heading, roles in (("EXPERIENCE", spec.experience), ("PROJECTS", spec.projects)):
        out.append(heading)
        for role in roles:
            out += header(role)
            out += [line for bullet in role.bullets for line in textwrap.wrap(bullet, width)]
        out.append("")
    out += ["EDUCATION", *spec.education, "", "SKILLS", *spec.skills]
    return "\n".join(out) + "\n"


def outline(resume: Resume) -> list[tuple[str, list[tuple[str | None, ...]], list[str]]]:
    return [
        (
            s.kind,
            [
                ((e.title or "").casefold(), e.organization, e.start, e.end)
                for e in s.entries
                if s.kind == "experience"
            ],
            [b.text for b in s.bullets if s.kind in ("experience", "projects")],
        )
        for s in resume.sections
    ]


@pytest.mark.parametrize("width", [60, 78, 100])
@pytest.mark.parametrize("shape", HEADER_SHAPES)
def test_pasted_text_reads_like_the_pdf(shape: str, width: int) -> None:
    from_pdf = parse_resume(to_pdf(APM), filename="resume.pdf")
    pasted = parse_text(to_plain(APM, HEADER_SHAPES[shape], width))
    assert outline(pasted) == outline(from_pdf)


def test_evaluation_compares_each_pdf_with_its_plain_text(tmp_path: Path) -> None:
    folder = tmp_path / "resumes" / "pdf"
    folder.mkdir(parents=True)
    (folder / "one.pdf").write_bytes(builders.one_column_pdf())
    (folder / "apm.pdf").write_bytes(to_pdf(APM))
    report = tmp_path / "shapes.json"
    result = CliRunner().invoke(shapes.main, ["--corpus", str(tmp_path), "--json", str(report)])
    assert result.exit_code == 0, result.output
    assert "same section kinds:        2/2" in result.output
    assert "same experience entries:   2/2" in result.output
    rows = json.loads(report.read_text("utf-8"))
    assert [(row["file"], row["pdf_entries"], row["text_entries"]) for row in rows] == [
        ("apm.pdf", 2, 2),
        ("one.pdf", 2, 2),
    ]
    # Counts and file names only: no name, email or bullet of the resumes.
    assert builders.NAME not in result.output and APM.name not in report.read_text("utf-8")


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # A name or a company in Title Case is not the start of a sentence.
        ("Jordan Example\nproduct manager in Austin",
         ["Jordan Example", "product manager in Austin"]),
        ("Globex Inc\nfintech, 200 people", ["Globex Inc", "fintech, 200 people"]),
        # A heading word stays a heading over a lower-case list.
        ("Skills\npython, sql, figma", ["Skills", "python, sql, figma"]),
        # Contact details under a summary start in lower case too.
        ("I build products people love to use\njordan@example.com",
         ["I build products people love to use", "jordan@example.com"]),
        # A wrapped sentence joins.
        ("Led the redesign of\nthe checkout flow", ["Led the redesign of the checkout flow"]),
    ],
)  # fmt: skip
def test_what_a_lower_case_line_continues(text: str, lines: list[str]) -> None:
    raw = read_text(text, ParseSettings())
    assert [line.text for line in raw.lines] == lines


def test_title_case_headings_of_plain_text() -> None:
    text = (
        "Jordan Example\njordan@example.com\n\n"
        "Summary\nProduct manager who ships data-informed features with design and sales.\n\n"
        "Professional Experiences\n"
        "Product Manager | Hooli | 2021 – Present\n"
        "Shipped a billing page that cut support tickets by 22% in one quarter.\n\n"
        "Academic Projects\n"
        "Campus Marketplace\n"
        "Built a student marketplace used by 1,800 students in its first year.\n\n"
        "Technical Skills\nSQL, Python, Figma\n"
    )
    resume = parse_text(text)
    assert [s.kind for s in resume.sections] == ["summary", "experience", "projects", "skills"]
    assert [e.organization for e in section(resume, "experience").entries] == ["Hooli"]
    # A role in Title Case is no heading, even where its words name one ("Research").
    text = text.replace("Campus Marketplace", "Research Assistant, Campus Lab")
    assert [s.kind for s in parse_text(text).sections] == [
        "summary",
        "experience",
        "projects",
        "skills",
    ]


@pytest.mark.parametrize(
    ("lines", "kinds"),
    [
        # Under Skills, a Title Case line labels a group of skills.
        (["Skills", "Programming Languages", "Python, SQL, Go"], ["experience", "skills"]),
        # Naming the section already open, it opens no other.
        (["Growth Experience Highlights", "Ran 30 interviews with buyers across four markets."],
         ["experience"]),
        # Over an entry, it opens a section.
        (["Selected Publications", "Pricing Signals, Example Journal of Products"],
         ["experience", "publications"]),
    ],
)  # fmt: skip
def test_title_case_lines_that_open_no_section(lines: list[str], kinds: list[str]) -> None:
    text = "\n".join(
        [
            "Experience",
            "Product Manager | Hooli | 2021 – Present",
            "Shipped a billing page that cut support tickets by 22% in one quarter.",
            *lines,
        ]
    )
    assert [s.kind for s in parse_text(text).sections] == kinds


@pytest.mark.parametrize("heading", ["EXPERIENCE (3 YEARS 2 MONTHS)", "Projects (selected)"])
def test_a_heading_with_a_note_in_brackets_is_still_a_heading(heading: str) -> None:
    text = (
        "Jordan Lee\njordan@example.com\n\n"
        f"{heading}\n"
        "Product Manager, Globex, Austin, TX\tJan 2022 – Present\n"
        "Launched a self-serve onboarding flow that cut time to first value by 35%\n"
        "Ran 14 A/B tests on pricing pages and lifted paid conversion by 8%\n\n"
        "SKILLS\nSQL, Python, Figma\n"
    )
    resume = parse_text(text)
    kinds = [s.kind for s in resume.sections]
    assert kinds[0] in ("experience", "projects") and kinds[-1] == "skills"
    assert len(resume.sections[0].bullets) == 2


# --- Text copied out of PDFs: glyphs on their own lines, doubled letters ---------------------

_GLYPH_LINES = """Jane Doe
jane@example.com
Experience
Product Manager, Acme Corp Jan 2021 – Present
Led the redesign of onboarding, lifting activation 18% in two quarters.
Built a pricing experiment framework used by 4 teams across the company.
Associate, Globex Jun 2018 – Dec 2020
Ran 30 customer interviews that shaped the 2020 roadmap for the mobile app.
Wrote 12 specs for the payments team, cutting rework by a third.
Education
BA Economics, State University 2018
"""
_ACHIEVEMENTS = [line for line in _GLYPH_LINES.splitlines() if line.endswith(".")]


def _with_lone_glyphs(glyph_first: bool) -> str:
    out: list[str] = []
    for line in _GLYPH_LINES.splitlines():
        if line in _ACHIEVEMENTS:
            out += ["•", line] if glyph_first else [line, "•"]
        else:
            out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("glyph_first", [True, False], ids=["glyph above", "glyph below"])
def test_a_bullet_glyph_on_its_own_line_marks_its_text(glyph_first: bool) -> None:
    """A viewer's copy puts the glyph on the line above its text; pdfplumber's, ordering by
    baseline, below it when the glyph is drawn lower. Either way two jobs of two bullets, and
    no empty entry or "•" item between them."""
    experience = section(parse_text(_with_lone_glyphs(glyph_first)), "experience")
    assert [(e.title, e.organization) for e in experience.entries] == [
        ("Product Manager", "Acme Corp"),
        ("Associate", "Globex"),
    ]
    assert [b.text for b in experience.bullets] == _ACHIEVEMENTS
    assert [b.entry for b in experience.bullets] == [0, 0, 1, 1]


def test_letters_doubled_by_a_fake_bold_copy_are_read_once() -> None:
    doubled = "BBAA EEccoonnoommiiccss,, SSttaattee UUnniivveerrssiittyy"
    text = _GLYPH_LINES.replace("Education\n", "EEdduuccaattiioonn\n")
    text = text.replace("BA Economics, State University", doubled)
    education = section(parse_text(text), "education")
    assert education.heading == "Education"
    assert (education.entries[0].title, education.entries[0].organization) == (
        "BA Economics",
        "State University",
    )


@pytest.mark.parametrize(
    "line", ["Add 22 books to a Mississippi llama", "Led ee 2 teams", "Booked 400 rooms", "Aa"]
)
def test_words_with_double_letters_keep_them(line: str) -> None:
    assert undouble(line) == line


def test_a_heading_under_skills_opens_its_section_but_a_group_label_does_not() -> None:
    text = _GLYPH_LINES.replace(
        "Experience\n",
        "Skills\nProgramming Languages\nPython, SQL, TypeScript\nCloud Platforms\nAWS, GCP\n"
        "Professional Experiences\n",
    )
    resume = parse_text(text)
    assert [s.kind for s in resume.sections] == ["skills", "experience", "education"]
