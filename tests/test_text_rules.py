"""The small text rules the parser is built from, one table each.

Bullet markers, wrapped-line joins, dates, email and phone, heading kinds, and two properties
(hypothesis) that must hold for any text.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from resume_analyzer.parsing.contact import find_email, find_phone
from resume_analyzer.parsing.dates import find_date_range
from resume_analyzer.parsing.lines import clean_text, split_marker
from resume_analyzer.parsing.paragraphs import join_text
from resume_analyzer.parsing.sections import kind_of

PROPERTY = settings(
    max_examples=300, database=None, suppress_health_check=[HealthCheck.too_slow], deadline=None
)


@pytest.mark.parametrize(
    ("line", "marker", "rest"),
    [
        ("• Led the launch of a pricing page", "•", "Led the launch of a pricing page"),
        ("▪ Built a churn dashboard", "▪", "Built a churn dashboard"),
        ("➢ Wrote 30 user stories", "➢", "Wrote 30 user stories"),
        ("● Owned the roadmap", "●", "Owned the roadmap"),
        ("– Presented to leadership", "–", "Presented to leadership"),
        ("— Mentored two interns", "—", "Mentored two interns"),
        ("- Reduced tickets by 22%", "-", "Reduced tickets by 22%"),
        ("* Coordinated a beta", "*", "Coordinated a beta"),
        ("+ Grew signups", "+", "Grew signups"),
        ("✓ Cut costs", "✓", "Cut costs"),
        ("•Led without a space", "•", "Led without a space"),
        ("1. Led a team of five", "1.", "Led a team of five"),
        ("2) Ran interviews", "2)", "Ran interviews"),
        ("10. Shipped the beta", "10.", "Shipped the beta"),
        ("(3) Ran a survey", "(3)", "Ran a survey"),
        ("a. Drafted the spec", "a.", "Drafted the spec"),
        # Symbol-font bullets come through as private-use code points or "(cid:NN)".
        ("\uf0b7 Led the launch", "•", "Led the launch"),
        ("(cid:127) Led the launch", "•", "Led the launch"),
        # Not markers: the text starts with a number or a sign that belongs to it.
        ("-5% churn after the redesign", None, "-5% churn after the redesign"),
        ("+1 (415) 555-0134", None, "+1 (415) 555-0134"),
        ("*Led without a space", None, "*Led without a space"),
        ("3.5 GPA", None, "3.5 GPA"),
        ("1.5x growth in weekly users", None, "1.5x growth in weekly users"),
        ("2019 – 2021", None, "2019 – 2021"),
        ("2019. Led", None, "2019. Led"),
        ("e.g. pricing", None, "e.g. pricing"),
        ("Product Manager", None, "Product Manager"),
    ],
)
def test_split_marker(line: str, marker: str | None, rest: str) -> None:
    assert split_marker(line) == (marker, rest)


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("Led the", "launch of a new app", "Led the launch of a new app"),
        # A hyphen the line break introduced is removed...
        ("Partnered on the manage-", "ment of releases", "Partnered on the management of releases"),
        ("Ran custom-", "er interviews", "Ran customer interviews"),
        # ...but a real compound keeps its hyphen.
        ("Led a cross-", "functional team", "Led a cross-functional team"),
        ("Drove data-", "driven decisions", "Drove data-driven decisions"),
        ("Built a user-", "facing dashboard", "Built a user-facing dashboard"),
        ("Launched a self-", "serve flow", "Launched a self-serve flow"),
        ("Sold to B2B-", "focused teams", "Sold to B2B-focused teams"),
        # After an acronym: no word is broken in the middle of its capitals.
        ("Tuned AI-", "generated flashcards", "Tuned AI-generated flashcards"),
        ("Shipped an API-", "first platform", "Shipped an API-first platform"),
        ("Led the ac-", "count team", "Led the account team"),
        # Two words the dictionary knows, whose join it does not: a compound.
        ("Led problem-", "solving sessions", "Led problem-solving sessions"),
        ("Built the in-", "house tool", "Built the in-house tool"),
        ("Ran two company-", "level campaigns", "Ran two company-level campaigns"),
        # A join that is a word, in the dictionary or in product work's: a broken word.
        ("Led the frame-", "work review", "Led the framework review"),
        ("Owned the road-", "map for search", "Owned the roadmap for search"),
        ("Rebuilt on-", "boarding for admins", "Rebuilt onboarding for admins"),
        ("Mapped work-", "flows for ops", "Mapped workflows for ops"),
        ("Owned the end-to-", "end launch", "Owned the end-to-end launch"),
        ("Worked with", "Design and Sales", "Worked with Design and Sales"),
        # Before a capital or a digit a line-end hyphen belongs to a compound: no space.
        ("Took an idea-to-", "MVP flow live", "Took an idea-to-MVP flow live"),
        ("Ran a Series-", "B raise", "Ran a Series-B raise"),
        ("Planned the post-", "2020 roadmap", "Planned the post-2020 roadmap"),
        # A dash with a space before it is a separator, not a hyphen.
        ("Acme Corp -", "Product Manager", "Acme Corp - Product Manager"),
    ],
)
def test_join_text(left: str, right: str, joined: str) -> None:
    assert join_text(left, right) == joined


@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("May 2022 – Aug 2022", "2022-05", "2022-08", False),
        ("January 2021 - June 2021", "2021-01", "2021-06", False),
        ("Sept. 2019 to Current", "2019-09", None, True),
        ("Jan 2023 – Present", "2023-01", None, True),
        ("Dec 2020 - now", "2020-12", None, True),
        ("06/2019 - 08/2020", "2019-06", "2020-08", False),
        ("05/21 - 08/21", "2021-05", "2021-08", False),
        ("May 2020 - 08/2021", "2020-05", "2021-08", False),
        ("Jan '22 – Mar '23", "2022-01", "2023-03", False),
        ("March 2019 through May 2020", "2019-03", "2020-05", False),
        ("Fall 2020 – Spring 2021", "2020-09", "2021-03", False),
        ("2018–19", "2018", "2019", False),
        ("2019 - 2021", "2019", "2021", False),
        ("Acme Corp, San Francisco, CA\tOct 2019 – Jan 2020", "2019-10", "2020-01", False),
        # A single date is when it ended (a graduation, a summer).
        ("Summer 2021", None, "2021-06", False),
        ("Expected May 2026", None, "2026-05", False),
        # A month and two digits, on both sides of a range or before "Present", is a year.
        ("Sep 22 – July 25", "2022-09", "2025-07", False),
        ("Product Manager\tSep’22 – July’25", "2022-09", "2025-07", False),
        ("Jun‘18 – Present", "2018-06", None, True),
        ("Product Manager | Jan 21 - Present", "2021-01", None, True),
        ("Sept. 98 to Dec. 03", "1998-09", "2003-12", False),
        # Before a year, the same shape is days of that year.
        ("Jan 21 - Mar 23, 2024", None, "2024", False),
    ],
)
def test_find_date_range(text: str, start: str | None, end: str | None, current: bool) -> None:
    found = find_date_range(text)
    assert found is not None
    assert (found.start, found.end, found.current) == (start, end, current)


@pytest.mark.parametrize(
    "text",
    [
        "GPA 3.59",
        "GPA: 3.8/4.0",
        "Grew revenue 45%",
        "Cut churn by 12.5%",
        "Grew monthly active users 2000%",
        "Raised NPS from 31 to 52",
        "Served 1,800 students",
        "Order 120193",
        "Present",
        # Alone or running backwards, a month and two digits is a day.
        "Launched on May 12 with 40 customers",
        "Oct 20 – Mar 15",
    ],
)
def test_find_date_range_ignores_numbers_that_are_not_dates(text: str) -> None:
    assert find_date_range(text) is None


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("Email: jane.doe@example.com | (415) 555-0134", "jane.doe@example.com"),
        ("jane.doe+apm@example.co.uk.", "jane.doe+apm@example.co.uk"),
        ("mailto:jane@example.com", "jane@example.com"),
        ("no email here @ all", None),
        ("@janedoe on Twitter", None),
        ("jane@localhost", None),
    ],
)
def test_find_email(text: str, email: str | None) -> None:
    assert find_email(text) == email


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("+1 (415) 555-0134", "+1 (415) 555-0134"),
        ("Phone: (415) 555-0134 | jane@example.com", "(415) 555-0134"),
        ("415.555.0134", "415.555.0134"),
        ("415-555-0134", "415-555-0134"),
        ("Phone: +1 415 555 0134", "+1 415 555 0134"),
        ("+91 98765 43210", "+91 98765 43210"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),
        # Year ranges, dates and counts are not phone numbers.
        ("2019 - 2021", None),
        ("2019-2021", None),
        ("Jan 2019 - Dec 2021", None),
        ("06/2019 - 08/2020", None),
        ("2018 - 2019 | 2019 - 2021", None),
        ("Grew to 12,000 accounts", None),
        ("555 0134", None),
    ],
)
def test_find_phone(text: str, phone: str | None) -> None:
    assert find_phone(text) == phone


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Work Experience", "experience"),
        ("PROFESSIONAL EXPERIENCE", "experience"),
        ("E X P E R I E N C E", "experience"),
        ("Experience & Internships", "experience"),
        ("Product Management Experience", "experience"),
        ("Teaching Experience", "experience"),
        ("Leadership Experience", "leadership"),
        ("Volunteer Experience", "leadership"),
        ("Extracurricular Activities", "leadership"),
        ("Relevant Coursework", "education"),
        ("Education:", "education"),
        ("S K I L L S", "skills"),
        ("Technical Skills", "skills"),
        ("Skills & Interests", "skills"),
        ("Selected Projects", "projects"),
        ("Honors and Awards", "awards"),
        ("Certifications", "certifications"),
        ("Profile", "summary"),
        ("Languages", "languages"),
        ("Hobbies", "interests"),
        ("Led a team of five engineers to launch", None),
        ("Jane Doe", None),
    ],
)
def test_kind_of(heading: str, kind: str | None) -> None:
    assert kind_of(heading)[0] == kind


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Deﬁned the ﬁrst ﬂow", "Defined the first flow"),
        ("Jane Doeâ€™s team", "Jane Doe’s team"),  # UTF-8 read as cp1252
        ("cafÃ©", "café"),
        ("Python\u00a0 SQL", "Python SQL"),
        ("zero\u200bwidth", "zerowidth"),
        ("soft\u00adhyphen", "softhyphen"),
        # A soft hyphen ending the line broke a word there: a hyphen, for the join to undo.
        ("Led the manage\u00ad", "Led the manage-"),
        ("Led the manage\u00ad\u00ad \u200b", "Led the manage-"),
        ("\u00ad", ""),
        ("  many    spaces ", "many spaces"),
        ("Â Led", "Led"),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@PROPERTY
@given(st.text())
# Removing a control character can bring two halves of a mojibake sequence together.
@example("Ã\r\x80")
# A character beside or inside mojibake can hide it from the first pass.
@example("\xadÀ®0")
@example("\xa0Â¡")
@example("ÂÂ")
def test_clean_text_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


def _letters(text: str) -> Counter[str]:
    return Counter(ch for ch in text if ch.isalpha())


@PROPERTY
@given(st.text(), st.text())
@example("manage-", "ment")
@example("cross-", "functional")
def test_join_text_keeps_every_letter(left: str, right: str) -> None:
    joined = join_text(left, right)
    assert not (_letters(left) + _letters(right)) - _letters(joined)
