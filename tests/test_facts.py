"""The facts the feedback relies on: is it a resume at all, how many years of experience,
and whether a current role may speak in the present tense."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from resumes import APM, Role, Spec, to_docx, to_pdf, to_text

from resume_analyzer.analyzer import check_is_resume
from resume_analyzer.document import Resume
from resume_analyzer.errors import NotAResumeError
from resume_analyzer.nlp.evidence import Evidence
from resume_analyzer.parsing import parse_resume
from resume_analyzer.scoring.presentation import experience_years, presentation_checks

# --- Not a resume ---------------------------------------------------------------------------

PROSE = (
    "The river ran low that summer and the town waited for rain that did not come. "
    "Farmers met at the hall each week to talk about the wells and the price of feed. "
    "Children played in the dry bed of the creek and found stones shaped like birds. "
    "By autumn the first clouds rolled in from the west and everyone stood outside to watch. "
)


@pytest.mark.parametrize(
    ("text", "name", "said"),
    [
        ("Just some text pretending to be a PDF.\n" * 20, "x.pdf", "repeats one line in 20"),
        (
            "Lorem ipsum dolor sit amet, consectetur adipiscing elit sed do.\n" * 8
            + "Header\nSomething else entirely here\n",
            "notes.txt",
            "repeats one line in 8 of its",
        ),
        (PROSE * 2, "story.txt", "no resume sections"),
        (PROSE.replace(". ", ".\n") * 2, "story.md", "no resume sections"),
    ],
)
def test_documents_that_are_not_resumes_are_refused(text: str, name: str, said: str) -> None:
    resume = parse_resume(text.encode(), filename=name)
    with pytest.raises(NotAResumeError, match=said) as raised:
        check_is_resume(resume, name)
    assert raised.value.code == "not_a_resume"
    assert name in str(raised.value)
    assert "Upload" in str(raised.value)  # says what to do


@pytest.mark.parametrize(
    "text",
    [
        # One sign of a resume is enough: a heading, a date, or a way to reach the person.
        "Experience\n" + PROSE,
        PROSE + "\nAcme Corp, 2019 – 2021\n",
        "jordan@example.com\n" + PROSE,
        "+44 20 7946 0958\n" + PROSE,
        # Repeated bullets, but fewer than half of the lines.
        to_text(APM) + "\n".join(["- Led weekly stand-ups for the team"] * 5),
    ],
)
def test_short_or_odd_resumes_are_not_refused(text: str) -> None:
    check_is_resume(parse_resume(text.encode(), filename="r.txt"), "r.txt")


@pytest.mark.parametrize("render", [to_pdf, to_docx, lambda s: to_text(s).encode()])
def test_a_resume_in_every_format_is_a_resume(render: object) -> None:
    data = render(APM)  # type: ignore[operator]
    check_is_resume(parse_resume(data, filename="resume"), "resume")


def test_analyze_refuses_a_text_pretending_to_be_a_pdf() -> None:
    from resume_analyzer import analyze
    from resume_analyzer.settings import AnalysisSettings

    data = b"Just some text pretending to be a PDF.\n" * 20
    with pytest.raises(NotAResumeError) as raised:
        analyze(data, filename="fake.pdf", settings=AnalysisSettings(use_model=False))
    assert raised.value.code == "not_a_resume"


# --- Years of experience --------------------------------------------------------------------

TODAY = date(2024, 1, 15)
BULLET = "Led a team of 5 analysts to ship a pricing dashboard used by 300 sellers"


def resume_with_roles(*dates: str, section: str = "EXPERIENCE") -> Resume:
    roles = tuple(Role(f"Analyst {i}", f"Company {i}", d, (BULLET,)) for i, d in enumerate(dates))
    text = to_text(Spec(experience=roles)).replace("## Experience", f"## {section}")
    return parse_resume(text.encode(), filename="r.md")


@pytest.mark.parametrize(
    ("dates", "years"),
    [
        (("May 2023 – Aug 2023",), 4 / 12),
        (("Jan 2020 – Dec 2020",), 1.0),
        (("06/2019 - 08/2020",), 15 / 12),
        (("2019 – 2021",), 2.0),  # years only: whole years
        (("Jan 2020 – Present",), 4.0),  # to the analysis date
        (("Mar 2021 – Current",), 34 / 12),
        (("Jan 2020 – Dec 2021", "Jun 2021 – Dec 2022"), 3.0),  # the overlap counted once
        (("Jan 2018 – Dec 2018", "Jan 2020 – Dec 2020"), 2.0),  # the gap not counted
        (("Jan 2020 – Present", "2017 – 2019"), 6.0),
        (("Jan 2020 – Present", "Jun 2021 – Present"), 4.0),  # two current roles at once
    ],
)
def test_years_of_experience_from_dated_roles(dates: tuple[str, ...], years: float) -> None:
    assert experience_years(resume_with_roles(*dates), TODAY) == pytest.approx(years)


def test_years_are_unknown_without_dated_roles() -> None:
    assert experience_years(resume_with_roles("", ""), TODAY) is None
    assert experience_years(resume_with_roles("2021"), TODAY) is None  # one date: no period


def test_leadership_and_projects_are_not_years_of_work() -> None:
    resume = resume_with_roles("Jan 2015 – Present", section="LEADERSHIP")
    assert experience_years(resume, TODAY) is None


def _length_message(resume: Resume) -> str | None:
    checks = presentation_checks(replace(resume, pages=2), Evidence(()))
    return next(c.message for c in checks if c.id == "length")


def test_two_pages_with_a_long_current_role_is_fine() -> None:
    assert _length_message(resume_with_roles("Jan 2015 – Present")) is None


@pytest.mark.parametrize(
    ("dates", "said", "unsaid"),
    [
        (("May 2023 – Aug 2023",), "less than a year", "about 0"),
        (("", ""), "Two pages: one page is the norm", "years of experience:"),
        (("2019 – 2021",), "about 2 years", "about 0"),
    ],
)
def test_two_pages_message_never_says_about_0_years(
    dates: tuple[str, ...], said: str, unsaid: str
) -> None:
    message = _length_message(resume_with_roles(*dates))
    assert message is not None
    assert said in message
    assert unsaid not in message
