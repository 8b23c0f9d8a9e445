"""PDF resumes: reading order, headings, bullets, running headers, links and entry headers.

Every PDF here is drawn by `builders` at known coordinates, so each expectation is exact.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial

import builders as b
import pytest

from resume_analyzer.document import Resume
from resume_analyzer.parsing import parse_resume, read_raw


def parse_pdf(data: bytes) -> Resume:
    return parse_resume(data, filename="resume.pdf")


def texts(resume: Resume, kind: str) -> list[str]:
    section = next((s for s in resume.sections if s.kind == kind), None)
    assert section is not None, f"no {kind} section in {[s.kind for s in resume.sections]}"
    return [bullet.text for bullet in section.bullets]


# (builder, section kinds in reading order, the x that splits the two columns)
LEFT_SPLIT = b.LEFT + b.SIDEBAR_W + b.GUTTER / 2
RIGHT_SPLIT = b.RIGHT - b.SIDEBAR_W - b.GUTTER / 2
SIDEBAR_LAYOUTS = [
    pytest.param(
        b.two_column_pdf,
        ["skills", "education", "experience", "projects"],
        LEFT_SPLIT,
        id="sidebar-left",
    ),
    pytest.param(
        partial(b.two_column_pdf, longer_left=True),
        ["skills", "education", "languages", "interests", "experience", "projects"],
        LEFT_SPLIT,
        id="sidebar-left-longer",
    ),
    pytest.param(
        b.sidebar_right_pdf,
        ["experience", "projects", "skills", "education"],
        RIGHT_SPLIT,
        id="sidebar-right",
    ),
]
Build = Callable[[], bytes]


@pytest.mark.parametrize(("build", "kinds", "split"), SIDEBAR_LAYOUTS)
def test_columns_are_read_one_after_the_other(build: Build, kinds: list[str], split: float) -> None:
    resume = parse_pdf(build())
    assert [s.kind for s in resume.sections] == kinds


@pytest.mark.parametrize(("build", "kinds", "split"), SIDEBAR_LAYOUTS)
def test_full_width_header_is_read_first(build: Build, kinds: list[str], split: float) -> None:
    raw = read_raw(build(), filename="resume.pdf")
    assert raw.lines[0].text == b.NAME
    assert b.EMAIL in raw.lines[1].text
    contact = parse_pdf(build()).contact
    assert (contact.name, contact.email, contact.phone, contact.location) == (
        b.NAME,
        b.EMAIL,
        b.PHONE,
        b.CITY,
    )
    assert contact.link("linkedin") == f"https://{b.LINKEDIN}"


@pytest.mark.parametrize(("build", "kinds", "split"), SIDEBAR_LAYOUTS)
def test_left_column_comes_before_right_column(
    build: Build, kinds: list[str], split: float
) -> None:
    raw = read_raw(build(), filename="resume.pdf")
    body = raw.lines[2:]  # below the full-width header
    sides = ["left" if line.box is not None and line.box.x0 < split else "right" for line in body]
    first_right = sides.index("right")
    assert "left" not in sides[first_right:], [ln.text for ln in body]

    resume = parse_pdf(build())
    bullet_sides = [bl.box is not None and bl.box.x0 < split for bl in resume.bullets]
    assert True in bullet_sides
    assert False in bullet_sides
    assert bullet_sides == sorted(bullet_sides, reverse=True)  # every left one, then the right


@pytest.mark.parametrize(("build", "kinds", "split"), SIDEBAR_LAYOUTS)
def test_main_column_bullets_are_joined_exactly(
    build: Build, kinds: list[str], split: float
) -> None:
    resume = parse_pdf(build())
    assert texts(resume, "experience") == b.experience_bullets()
    assert texts(resume, "projects") == b.project_bullets()
    experience = resume.section("experience")
    assert experience is not None
    assert [bl.marker for bl in experience.bullets] == ["•"] * 4
    assert [bl.entry for bl in experience.bullets] == [0, 0, 1, 1]
    assert [(e.title, e.organization) for e in experience.entries] == [
        (title, company) for title, company, _dates, _bullets in b.EXPERIENCE
    ]


def test_longer_left_column_keeps_its_tail() -> None:
    data = b.two_column_pdf(longer_left=True)
    lines = [line.text for line in read_raw(data, filename="resume.pdf").lines]
    experience_at = lines.index("EXPERIENCE")
    for item in (*b.LANGUAGES, *b.INTERESTS):
        assert lines.index(item) < experience_at, item

    resume = parse_pdf(data)
    interests = " | ".join(texts(resume, "interests"))
    for item in b.INTERESTS:
        assert item in interests
    for kind in ("experience", "projects"):
        assert not any(item in text for item in b.INTERESTS for text in texts(resume, kind))


@pytest.mark.parametrize(("build", "kinds", "split"), SIDEBAR_LAYOUTS)
def test_short_sidebar_lines_stay_separate(build: Build, kinds: list[str], split: float) -> None:
    resume = parse_pdf(build())
    assert texts(resume, "skills") == list(b.SKILLS)
    education = resume.section("education")
    assert education is not None
    school, degree, _date, gpa = b.EDUCATION
    assert [(e.title, e.organization, e.end) for e in education.entries] == [
        (degree, school, "2024-05")
    ]
    assert texts(resume, "education") == [gpa]
    if "languages" in kinds:
        assert texts(resume, "languages") == list(b.LANGUAGES)
        assert texts(resume, "interests") == list(b.INTERESTS)


def test_dates_in_a_left_margin_are_read_row_by_row() -> None:
    resume = parse_pdf(b.date_margin_pdf())
    assert [s.kind for s in resume.sections] == ["experience", "skills"]
    experience = resume.section("experience")
    assert experience is not None
    assert [(e.title, e.organization, e.start, e.end, e.current) for e in experience.entries] == [
        ("Associate Product Manager", "Globex Inc", "2023", None, True),
        ("Product Analyst", "Acme Corp", "2022", "2023", False),
        ("Product Intern", "Initech", "2021", "2022", False),
    ]
    expected = [
        (text, index)
        for index, (_label, _header, bullets) in enumerate(b.DATE_MARGIN_ENTRIES)
        for text in bullets
    ]
    assert [(bl.text, bl.entry) for bl in experience.bullets] == expected


def test_headings_are_found_with_their_kinds() -> None:
    resume = parse_pdf(b.one_column_pdf())
    assert [(s.kind, s.heading) for s in resume.sections] == [
        ("summary", "SUMMARY"),
        ("experience", "EXPERIENCE"),
        ("projects", "PROJECTS"),
        ("education", "EDUCATION"),
        ("skills", "SKILLS"),
    ]


def test_rules_under_headings_are_seen() -> None:
    raw = read_raw(b.one_column_pdf(), filename="resume.pdf")
    ruled = [line.text for line in raw.lines if line.rule_below]
    assert ruled == ["SUMMARY", "EXPERIENCE", "PROJECTS", "EDUCATION", "SKILLS"]


def _typography_bullets() -> dict[str, tuple[str | None, int | None]]:
    resume = parse_pdf(b.typography_pdf())
    experience = resume.section("experience")
    assert experience is not None
    return {bl.text: (bl.marker, bl.entry) for bl in experience.bullets}


@pytest.mark.parametrize(("marker", "lines"), b.GLYPH_BULLETS, ids=[m for m, _ in b.GLYPH_BULLETS])
def test_bullet_marker_is_stripped_and_wrapped_lines_joined(
    marker: str, lines: tuple[str, ...]
) -> None:
    if marker in b.UNICODE_MARKERS and b.unicode_font() is None:
        pytest.skip("DejaVu Sans is not installed: cannot draw this glyph")
    bullets = _typography_bullets()
    assert bullets.get(" ".join(lines)) == (marker, 0), sorted(bullets)


def test_typography_bullets_in_order_and_nothing_else() -> None:
    resume = parse_pdf(b.typography_pdf())
    experience = resume.section("experience")
    assert experience is not None
    expected = [
        " ".join(lines)
        for marker, lines in b.GLYPH_BULLETS
        if marker not in b.UNICODE_MARKERS or b.unicode_font()
    ]
    if b.unicode_font():
        expected.append(b.LIGATURE_BULLET[1])
    expected.append(b.HYPHEN_BULLET[1])
    assert [bl.text for bl in experience.bullets] == expected
    assert [(e.title, e.organization, e.location) for e in experience.entries] == [
        ("Product Manager Intern", "Vandelay Industries", "Chicago, IL")
    ]


def test_ligature_is_repaired() -> None:
    if b.unicode_font() is None:
        pytest.skip("DejaVu Sans is not installed: cannot draw the ﬁ ligature")
    bullets = _typography_bullets()
    assert b.LIGATURE_BULLET[1] in bullets
    assert not any("ﬁ" in text for text in bullets)


def test_word_hyphenated_across_lines_is_repaired() -> None:
    bullets = _typography_bullets()
    assert bullets.get(b.HYPHEN_BULLET[1]) == ("•", 0)


@pytest.mark.parametrize("pages", [2, 3])
def test_running_header_footer_and_page_numbers_are_dropped(pages: int) -> None:
    resume = parse_pdf(b.multi_page_pdf(pages))
    assert resume.pages == pages
    parsed = resume.to_dict()
    dumped = json.dumps([parsed["contact"], parsed["sections"]], ensure_ascii=False)
    assert b.RUNNING_HEADER not in dumped
    assert "Resume" not in dumped
    for number in range(1, pages + 1):
        assert f"Page {number} of" not in dumped
    for bullet in resume.bullets:
        assert "Page" not in bullet.text
        assert "Resume" not in bullet.text
    assert resume.contact.name == b.NAME


@pytest.mark.parametrize("pages", [2, 3])
def test_content_of_later_pages_remains(pages: int) -> None:
    resume = parse_pdf(b.multi_page_pdf(pages))
    assert texts(resume, "experience") == b.experience_bullets()
    later = [s for s in resume.sections if s.page > 1]
    assert [s.kind for s in later] == ["projects", "leadership"][: pages - 1]
    for number, section in enumerate(later, start=2):
        assert section.page == number
        assert [(bl.text, bl.page) for bl in section.bullets] == [
            (
                f"Shipped a usage dashboard read by 300 students, written up on page {number}",
                number,
            ),
            ("Grew weekly active users from 120 to 450 in eight weeks", number),
        ]
        assert [e.title for e in section.entries] == [f"Analytics Side Project {number}"]


def test_link_annotations_give_linkedin_and_email() -> None:
    data = b.linked_pdf()
    printed = " ".join(line.text for line in read_raw(data, filename="resume.pdf").lines)
    assert b.EMAIL not in printed  # only behind the word "Email"
    assert "linkedin" not in printed.casefold()  # only behind the icon
    contact = parse_pdf(data).contact
    assert contact.email == b.EMAIL
    assert contact.phone == b.PHONE
    assert contact.link("linkedin") == b.LINKEDIN_URL
    assert [link.kind for link in contact.links] == ["linkedin"]
    assert not any(link.url.startswith("mailto:") for link in contact.links)


ENTRY = ("title", "organization", "location", "start", "end", "current")


@pytest.mark.parametrize(
    ("kind", "rows", "expected"),
    [
        pytest.param(
            "experience",
            [("Product Intern | Acme Corp | San Francisco, CA | May 2022 – Aug 2022", True, None)],
            ("Product Intern", "Acme Corp", "San Francisco, CA", "2022-05", "2022-08", False),
            id="one-line-with-pipes",
        ),
        pytest.param(
            "experience",
            [
                ("Associate Product Manager", True, "Jan 2023 – Present"),
                ("Globex Inc", False, "Austin, TX"),
            ],
            ("Associate Product Manager", "Globex Inc", "Austin, TX", "2023-01", None, True),
            id="title-line-then-company-line-dates-right",
        ),
        pytest.param(
            "experience",
            [("Initech", True, "New York, NY"), ("Product Analyst", False, "Jun 2021 – Dec 2022")],
            ("Product Analyst", "Initech", "New York, NY", "2021-06", "2022-12", False),
            id="company-line-then-title-line",
        ),
        pytest.param(
            "experience",
            [("Product Manager Intern", True, None), ("Hooli", False, "Summer 2021")],
            ("Product Manager Intern", "Hooli", None, None, "2021-06", False),
            id="season-on-the-company-line",
        ),
        pytest.param(
            "experience",
            [
                ("Product Analyst", True, "Jun 2021 – Dec 2022"),
                ("Hooli, Palo Alto, CA", False, None),
            ],
            ("Product Analyst", "Hooli", "Palo Alto, CA", "2021-06", "2022-12", False),
            id="company-city-state",
        ),
        pytest.param(
            "education",
            [("University of Example — B.S. Computer Science, May 2024", True, None)],
            ("B.S. Computer Science", "University of Example", None, None, "2024-05", False),
            id="education-one-line",
        ),
        pytest.param(
            "education",
            [
                ("University of Example", True, "Expected May 2025"),
                ("Bachelor of Arts in Economics", False, None),
            ],
            (
                "Bachelor of Arts in Economics",
                "University of Example",
                None,
                None,
                "2025-05",
                False,
            ),
            id="education-school-then-degree",
        ),
    ],
)
def test_entry_header_layouts(
    kind: str, rows: list[b.Row], expected: tuple[str | None, ...]
) -> None:
    resume = parse_pdf(b.entry_pdf(kind, rows))
    assert [s.kind for s in resume.sections] == [kind]
    section = resume.sections[0]
    assert len(section.entries) == 1
    entry = section.entries[0].to_dict()
    assert tuple(entry[key] for key in ENTRY) == expected
    assert [(bl.text, bl.entry) for bl in section.bullets] == [(b.ENTRY_BULLET, 0)]


def test_degree_line_under_the_school_belongs_to_the_entry() -> None:
    """No bullet glyphs in the section: the plain degree line is still part of the header."""
    rows: list[b.Row] = [
        ("University of Example", True, "May 2024"),
        ("B.S. Computer Science", False, None),
        ("GPA: 3.8/4.0", False, None),
    ]
    resume = parse_pdf(b.entry_pdf("education", rows, bullet=None))
    education = resume.section("education")
    assert education is not None
    assert [(e.title, e.organization, e.end) for e in education.entries] == [
        ("B.S. Computer Science", "University of Example", "2024-05")
    ]
    assert [(bl.text, bl.entry) for bl in education.bullets] == [("GPA: 3.8/4.0", 0)]
