"""Phone numbers as people write them, read with the phonenumbers library, and the runs of
digits on a resume that are not phone numbers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_analyzer.parsing.contact import extract_contact, find_phone
from resume_analyzer.parsing.lines import Line


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("+91 98765 43210", "+91 98765 43210"),
        ("+971 56 997 0806", "+971 56 997 0806"),
        ("+49 (0)30 12345678", "+49 (0)30 12345678"),
        ("555.123.4567", "555.123.4567"),
        ("(555) 123-4567", "(555) 123-4567"),
        ("555-123-4567", "555-123-4567"),
        ("+1 555 123 4567", "+1 555 123 4567"),
        ("1-555-123-4567", "1-555-123-4567"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),
        ("+33 6 12 34 56 78", "+33 6 12 34 56 78"),
        ("0044 20 7946 0958", "0044 20 7946 0958"),
        ("Tel: 0044 20 7946 0958", "0044 20 7946 0958"),
        ("+91-9876543210", "+91-9876543210"),
        ("Mobile: 98765 43210", "98765 43210"),
        ("Phone No: 555-123-4567", "555-123-4567"),
        ("a@b.io • +91 98700 43210 • Pune", "+91 98700 43210"),
        ("site.dev / 555-123-4567 / a@b.io", "555-123-4567"),
        ("Cell:  555  123  4567", "555 123 4567"),
        # The shortest numbers anywhere, and a country code in brackets.
        ("+683 1234", "+683 1234"),
        ("(+91) 98765 43210", "(+91) 98765 43210"),
        ("415‑555‑0134", "415‑555‑0134"),  # non-breaking hyphens
    ],
)
def test_phone_formats_are_found_as_written(text: str, phone: str) -> None:
    assert find_phone(text) == phone


@pytest.mark.parametrize(
    "text",
    [
        "2019 - 2023",
        "2019-2023",
        "2019 – 2023 | 2023 – 2024",
        "Jan 2019 - Dec 2023",
        "01/2019 - 12/2023",
        "2010 - 2014 3.8",
        "GPA 3.8/4.0",
        "Boston, MA 02115",
        "Boston, MA 02115-1234",
        "1234567890123456",
        "4111 1111 1111 1111",
        "ISBN 0-306-40615-2",
        "ISBN 978-3-16-148410-0",
        "Student ID 2019123456",
        "Roll No 2019123456",
        "2015, 2016, 2017, 2018, 2019",
        "Grew to 12,000 accounts in 2021",
        "555 0134",
    ],
)
def test_numbers_that_are_not_phones(text: str) -> None:
    assert find_phone(text) is None


@settings(max_examples=200, deadline=None, database=None)
@given(
    st.lists(st.integers(min_value=1950, max_value=2035), min_size=1, max_size=6),
    st.sampled_from([" - ", "-", " – ", ", ", " | ", " to ", "/"]),
)
def test_years_joined_any_way_are_not_a_phone(years: list[int], joiner: str) -> None:
    assert find_phone(joiner.join(map(str, years))) is None


def test_a_phone_in_a_closing_line_is_found() -> None:
    top = [Line(text="Jordan Lee")]
    body = [f"Led project {n} to launch" for n in range(60)] + ["Contact: +44 20 7946 0958"]
    assert extract_contact(top, body, []).phone == "+44 20 7946 0958"
