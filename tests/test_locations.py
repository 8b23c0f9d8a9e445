"""Places: "City, ST", "City, State", "City, Country", with the abbreviations people write."""

from __future__ import annotations

import pytest

from resume_analyzer.parsing.contact import find_location
from resume_analyzer.parsing.entries import parse_entry


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Austin, TX", "Austin, TX"),
        ("Menlo Park, USA", "Menlo Park, USA"),  # a three-letter country
        ("Dubai, UAE", "Dubai, UAE"),
        ("Berlin, Germany", "Berlin, Germany"),
        ("Hooli, Palo Alto, CA", "Palo Alto, CA"),
        # A state or province between the city and the country keeps all three parts.
        ("Melbourne, Victoria, Australia", "Melbourne, Victoria, Australia"),
        ("Halifax, Nova Scotia, Canada", "Halifax, Nova Scotia, Canada"),
        ("Sydney, NSW", "Sydney, NSW"),
        ("Globex, IBM", None),  # three capitals that are no region
        ("Product Manager, Hooli", None),
    ],
)
def test_find_location(text: str, place: str | None) -> None:
    assert find_location([text]) == place


def test_an_entry_keeps_a_city_in_a_country_written_short() -> None:
    entry = parse_entry(
        ["2018 – 2021 Data Scientist, Uber, San Francisco, USA"], "experience", 1, 1
    )
    assert (entry.title, entry.organization, entry.location) == (
        "Data Scientist",
        "Uber",
        "San Francisco, USA",
    )


@pytest.mark.parametrize(
    ("header", "preamble"),
    [
        # The tagline and the profile fact; not the name, not the contact line.
        (
            "Product Manager | B2B SaaS\njordan@example.com | (415) 555-0199 | Austin, TX\n"
            "Notice period: 1 month",
            ("Product Manager | B2B SaaS", "Notice period: 1 month"),
        ),
        # What a contact line says beyond the contact fields; not labels of links alone.
        (
            "US Citizen | jordan@example.com | (415) 555-0199 | Austin, TX\nLinkedIn | GitHub",
            ("US Citizen",),
        ),
    ],
)
def test_lines_above_the_first_heading_are_kept(header: str, preamble: tuple[str, ...]) -> None:
    from resume_analyzer.parsing import parse_resume

    text = (
        f"Jordan Example\n{header}\n\n"
        "EXPERIENCE\n"
        "Product Manager | Hooli | 2021 – 2023\n"
        "- Shipped a billing page that cut support tickets by 22% in one quarter\n"
    )
    resume = parse_resume(text.encode(), filename="cv.txt")
    assert resume.contact.name == "Jordan Example"
    assert resume.contact.email == "jordan@example.com"
    assert resume.preamble == preamble
    assert resume.to_dict()["preamble"] == list(resume.preamble)


def test_a_templates_placeholders_are_title_company_and_place() -> None:
    """Job sites' anonymised resumes print "Title Company Name ｜ City , State": the title
    is the title, the placeholders are the company and the place (no word dropped)."""
    from resume_analyzer.parsing.entries import parse_entry

    entry = parse_entry(
        ["Network Analyst Company Name ｜ City , State", "08/2017 to 06/2021"], "experience", 1, 1
    )
    assert (entry.title, entry.organization, entry.location) == (
        "Network Analyst",
        "Company Name",
        "City , State",
    )
    assert entry.start == "2017-08"


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # A LinkedIn position: the line under the company is its place, known or not.
        (
            [
                "Jan 2020 - Present\tBusiness Analyst",
                "Nordtravel Group|(2 years 3 months)",
                "Stockholms län, Sverige",
            ],
            ("Business Analyst", "Nordtravel Group", "Stockholms län, Sverige"),
        ),
        # Without a LinkedIn duration, a "Word, Word" line is not taken for a place.
        (
            ["Jan 2020 - Present\tProduct Manager", "Acme", "Sales, Marketing"],
            ("Product Manager", "Acme", None),
        ),
        # A company's legal suffix after a comma stays with its name.
        (
            ["Product Manager, Acme, Inc., Austin, TX", "Jan 2020 - Present"],
            ("Product Manager", "Acme Inc.", "Austin, TX"),
        ),
    ],
)
def test_header_lines_to_title_company_and_place(
    texts: list[str], expected: tuple[str | None, ...]
) -> None:
    from resume_analyzer.parsing.entries import parse_entry

    entry = parse_entry(texts, "experience", 1, 1)
    assert (entry.title, entry.organization, entry.location) == expected


@pytest.mark.parametrize(
    ("first_lines", "name"),
    [
        # (text, type size): the largest line is the name, up to five words there.
        ([("Muhammad Daniel Fahmi Md Nasrein", 26.0), ("Failure Analysis Engineer", 12.0)],
         "Muhammad Daniel Fahmi Md Nasrein"),
        ([("Ana María García López", 20.0), ("ana@example.com", 10.0)], "Ana María García López"),
        # Five capitalised words in body type are a headline, not a name.
        ([("Jordan Example", 20.0), ("Senior Product Manager Payments Platform", 11.0)],
         "Jordan Example"),
        ([("Senior Product Manager Payments Platform", 11.0), ("jordan@example.com", 11.0)], None),
    ],
)  # fmt: skip
def test_find_name(first_lines: list[tuple[str, float]], name: str | None) -> None:
    from resume_analyzer.parsing.contact import find_name
    from resume_analyzer.parsing.lines import Line

    lines = [Line(text=text, page=1, size=size) for text, size in first_lines]
    assert find_name(lines) == name


@pytest.mark.parametrize(
    ("header", "title", "organization", "location"),
    [
        ("Product Manager, HRS Group, Germany (Remote)\tSep 2022 – Jul 2025",
         "Product Manager", "HRS Group", "Germany (Remote)"),
        ("Product Manager | Acme | Berlin, Germany (Hybrid) | 2021 – 2023",
         "Product Manager", "Acme", "Berlin, Germany (Hybrid)"),
        # A work mode alone is the place, never the title.
        ("Acme Corp, Remote\t2020 – 2021", None, "Acme Corp", "Remote"),
        ("Remote Sensing Analyst | NASA | 2019 – 2020", "Remote Sensing Analyst", "NASA", None),
    ],
)  # fmt: skip
def test_an_entry_keeps_how_the_place_was_worked(
    header: str, title: str | None, organization: str, location: str | None
) -> None:
    entry = parse_entry([header], "experience", 1, 1)
    assert (entry.title, entry.organization, entry.location) == (title, organization, location)
