"""Conservation as a property: every word written into a generated resume is in its parse.

The same generated content is written as PDF, DOCX and Markdown text; the words are compared
as `evaluation.conservation` compares them (case-folded, punctuation as a space).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import resumes as r
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluation.conservation import Held, PlainLine, document_texts, kept_flags, tokens
from resume_analyzer.parsing import parse_resume

PROPERTY = settings(
    max_examples=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)
SENTENCE = st.lists(WORD, min_size=3, max_size=30).map(lambda ws: " ".join(ws).capitalize())
ROLE = st.builds(
    r.Role,
    title=st.sampled_from(["Product Manager", "Data Analyst", "Associate Product Manager"]),
    organization=st.sampled_from(["Globex Inc", "Initech", "Example Labs"]),
    dates=st.sampled_from(["Jan 2021 – Present", "May 2019 – Dec 2020"]),
    bullets=st.lists(SENTENCE, min_size=1, max_size=4).map(tuple),
)
SPEC = st.builds(
    r.Spec,
    summary=st.none() | SENTENCE,
    experience=st.lists(ROLE, min_size=1, max_size=2).map(tuple),
    skills=st.lists(SENTENCE, min_size=1, max_size=2).map(tuple),
)


def written_words(spec: r.Spec) -> list[str]:
    texts = [spec.summary or "", *spec.skills, *spec.education]
    for role in spec.experience:
        texts += [role.title, role.organization, *role.bullets]
    return [w for text in texts for w in tokens(text)]


def lost_words(spec: r.Spec, data: bytes | str, filename: str) -> list[str]:
    source = data.encode() if isinstance(data, str) else data
    resume = parse_resume(source, filename=filename)
    words = written_words(spec)
    (flags,) = kept_flags([PlainLine(tuple(words), "others")], Held.of(document_texts(resume)))
    return [w for w, kept in zip(words, flags, strict=True) if not kept]


RENDERERS: dict[str, Callable[[r.Spec], bytes | str]] = {
    "resume.pdf": r.to_pdf,
    "resume.docx": r.to_docx,
    "resume.md": r.to_text,
}


@pytest.mark.parametrize("filename", list(RENDERERS))
@PROPERTY
@given(spec=SPEC)
def test_every_written_word_is_in_the_parsed_document(filename: str, spec: r.Spec) -> None:
    assert lost_words(spec, RENDERERS[filename](spec), filename) == []


def test_a_lost_word_is_reported() -> None:
    """The comparison itself can fail: a word the parse does not hold is listed."""
    spec = r.Spec(experience=(r.Role("Product Manager", "Initech", "2021 – 2022", ("Led it",)),))
    held = Held.of(["Product Manager Initech"])
    words = written_words(spec)
    (flags,) = kept_flags([PlainLine(tuple(words), "others")], held)
    assert "led" in [w for w, kept in zip(words, flags, strict=True) if not kept]


@pytest.mark.parametrize(
    ("line", "explained"),
    [
        ("Contact Jane Doe", {0: "contact labels"}),
        ("(415) 555-0134 (Mobile) Associate Product Manager", {3: "contact labels"}),
        # The sidebar's "Vue.js" beside a company's total tenure.
        (
            "Vue.js 3 years 6 months",
            {2: "company totals", 3: "company totals", 4: "company totals", 5: "company totals"},
        ),
        # A position's own duration is held by its entry: nothing to explain.
        ("January 2023 - Present (2 years 3 months)", {}),
        ("Contacted 40 customers", {}),
    ],
)
def test_linkedin_labels_and_totals_are_explained(line: str, explained: dict[int, str]) -> None:
    from evaluation.conservation import _linkedin_explained

    assert _linkedin_explained(line) == explained


@pytest.mark.parametrize(
    ("text", "contact_area", "explained"),
    [
        ("1. Life Blood Bank Web application", False, {0: "list numbers"}),
        ("(2) Video Game Discovery Platform", False, {0: "list numbers"}),
        ("Portfolio | LinkedIn", True, {0: "contact labels", 1: "contact labels"}),
        # A label word below the contact lines is text; a year or a count is no list number.
        ("Built a portfolio site", False, {}),
        ("2021 Hackathon winner", False, {}),
        ("3 interns mentored", False, {}),
    ],
)
def test_list_numbers_and_contact_labels_are_explained(
    text: str, contact_area: bool, explained: dict[int, str]
) -> None:
    from evaluation.conservation import _labels_and_numbers

    line = PlainLine(tuple(tokens(text)), "others", text)
    assert _labels_and_numbers(line, contact_area) == explained


def test_a_line_cut_inside_a_word_is_kept_when_its_pieces_join() -> None:
    """A plain text without spaces, cut inside a word at the line's end ("…thriveonap" /
    "plyingmy…"): the two pieces make the document's words; unrelated pieces do not."""
    held = Held.of(["We thrive on applying my analytical mindset"])
    lines = [
        PlainLine(("wethriveonap",), "others"),
        PlainLine(("plyingmyanalyticalmindset",), "others"),
        PlainLine(("zqxwv",), "others"),
    ]
    assert kept_flags(lines, held) == [[True], [True], [False]]


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("lleeaaddeerrsshhiipp", "doubled glyphs"),
        ("mmaarryylllaaannndd", "doubled glyphs"),  # some letters drawn three times
        ("committee", "others"),
        ("llama", "others"),
    ],
)
def test_a_bold_face_drawn_twice_is_explained(word: str, kind: str) -> None:
    from evaluation.conservation import _artifact

    assert _artifact(word, "others") == kind
