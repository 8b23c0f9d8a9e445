"""The facts the feedback relies on: is it a resume at all, how many years of experience,
and whether a current role may speak in the present tense."""

from __future__ import annotations

import pytest
from resumes import APM, to_docx, to_pdf, to_text

from resume_analyzer.analyzer import check_is_resume
from resume_analyzer.errors import NotAResumeError
from resume_analyzer.parsing import parse_resume

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
