"""The length check's page count: a PDF's real pages; for text (and DOCX without Word's page
breaks) at least an estimate from the content, so pasting a long resume as text does not
escape the length check its PDF fails."""

from __future__ import annotations

from dataclasses import replace

import resumes as r
from builders import multi_page_pdf
from hypothesis import given
from hypothesis import strategies as st

from resume_analyzer import analyze
from resume_analyzer.document import Bullet, Contact, Entry, Resume, Section
from resume_analyzer.parsing import parse_resume
from resume_analyzer.scoring.pages import PAGE_LINES, page_count, printed_lines
from resume_analyzer.settings import AnalysisSettings

RULES_ONLY = AnalysisSettings(use_model=False)
BULLET = (
    "Led the launch of a self-serve onboarding flow with design and two engineering squads, "
    "cutting time to first value by 35% for new accounts"  # 24 words: two printed lines
)


def _resume(bullets: list[int], source_format: str = "text", pages: int = 1) -> Resume:
    """One experience section with one entry and bullets of the given word counts."""
    entry = Entry("Product Manager", "Example Co", None, "2020", "2024", False, "2020 – 2024", 1, 2)
    section = Section(
        "experience",
        "Experience",
        1,
        1,
        (entry,),
        tuple(Bullet(" ".join(["word"] * n), 1, 3 + i) for i, n in enumerate(bullets)),
    )
    return Resume(Contact(), (section,), pages, source_format)  # type: ignore[arg-type]


def _long_spec(roles: int) -> r.Spec:
    # Each bullet its own (a line repeated in half the document is no resume at all).
    experience = tuple(
        r.Role(
            "Product Manager",
            f"Example Co {n}",
            "Jan 2023 – Jun 2023",  # under a year in all: two pages is too long
            tuple(f"{BULLET} (release {n}.{i})" for i in range(12)),
        )
        for n in range(roles)
    )
    return replace(r.APM, experience=experience, projects=())


def _length_earned(data: bytes, filename: str) -> float:
    analysis = analyze(data, filename=filename, settings=RULES_ONLY)
    presentation = next(c for c in analysis.components if c.id == "presentation")
    earned: float = presentation.details["checks"]["length"]["earned"]
    return earned


def test_a_short_text_is_one_page() -> None:
    resume = parse_resume(r.to_text(r.APM).encode(), filename="a.md")
    assert resume.pages == 1 and page_count(resume) == 1


def test_a_long_pasted_resume_counts_its_pages() -> None:
    text = r.to_text(_long_spec(roles=5))  # 60 bullets of two lines each
    resume = parse_resume(text.encode(), filename="a.md")
    assert resume.pages == 1
    assert page_count(resume) == 2
    full = _length_earned(r.to_text(r.APM).encode(), "a.md")
    assert _length_earned(text.encode(), "a.md") < full


def test_a_pdf_keeps_its_real_page_count() -> None:
    resume = parse_resume(multi_page_pdf(2), filename="a.pdf")
    assert resume.pages == 2 and page_count(resume) == 2
    sparse = _resume([5], source_format="pdf", pages=3)
    assert page_count(sparse) == 3
    dense = _resume([24] * 100, source_format="pdf", pages=1)
    assert page_count(dense) == 1


def test_known_pages_are_never_lowered() -> None:
    assert page_count(_resume([5], source_format="docx", pages=4)) == 4
    assert page_count(_resume([5], source_format="text", pages=1)) == 1


@given(st.lists(st.integers(min_value=1, max_value=80), max_size=150), st.integers(1, 80))
def test_more_content_never_fewer_pages(bullets: list[int], extra: int) -> None:
    before = _resume(bullets)
    after = _resume([*bullets, extra])
    assert 1 <= page_count(before) <= page_count(after)
    assert printed_lines(after) > printed_lines(before)
    # A page holds PAGE_LINES lines: one more page only after that many more lines.
    assert page_count(before) == max(1, -(-printed_lines(before) // PAGE_LINES))
