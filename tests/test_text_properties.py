"""Property tests for the text reader on arbitrary Unicode (hypothesis): it never raises
anything but a DocumentError, its Markdown handling gives exactly what the regular
expressions it replaced gave (without their backtracking), and decoding never raises."""

from __future__ import annotations

import contextlib
import re

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from resume_analyzer.errors import DocumentError
from resume_analyzer.parsing.lines import clean_text
from resume_analyzer.parsing.markdown import atx_heading, bold_line, strip_emphasis
from resume_analyzer.parsing.paragraphs import join_text
from resume_analyzer.parsing.source import decode_text
from resume_analyzer.parsing.structure import build_resume
from resume_analyzer.parsing.text import read_text
from resume_analyzer.settings import ParseSettings

# The expressions the linear functions replaced, kept here as their specification.
ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
BOLD = re.compile(r"^\s*(\*\*|__)(.+?)\1\s*:?\s*$")
EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
HYPHEN = re.compile(r"(\S+)-$")

PROPERTY = settings(
    max_examples=400,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Markdown's characters often, so that the interesting cases come up.
MARKUP = st.text(alphabet=st.sampled_from("*_`#:- \ta\u00a0é\n"), max_size=30)
ANY_TEXT = st.text(max_size=400)


@PROPERTY
@given(MARKUP | ANY_TEXT)
def test_atx_heading_is_the_regular_expression(line: str) -> None:
    line = line.replace("\n", " ")
    match = ATX.match(line.strip())
    expected = (len(match.group(1)), match.group(2)) if match else None
    assert atx_heading(line.strip()) == expected


@PROPERTY
@given(MARKUP | ANY_TEXT)
def test_bold_line_is_the_regular_expression(line: str) -> None:
    line = line.replace("\n", " ")
    match = BOLD.match(line)
    assert bold_line(line) == (match.group(2) if match else None)


@PROPERTY
@given(MARKUP | ANY_TEXT)
def test_strip_emphasis_is_the_regular_expression(line: str) -> None:
    assert strip_emphasis(line) == EMPHASIS.sub(r"\2", line)


@PROPERTY
@given(MARKUP | ANY_TEXT, st.sampled_from(["functional", "Led", "end", ""]))
def test_join_text_is_the_regular_expression(left: str, right: str) -> None:
    def reference(left: str, right: str) -> str:
        match = HYPHEN.search(left)
        if match and right[:1].isalnum():
            word = match.group(1)
            # Before a capital or digit the hyphen is a compound's ("idea-to-" + "MVP").
            if not right[:1].islower() or word.casefold() in {"cross", "end"} or not word.isalpha():
                return left + right
            return left[:-1] + right
        return f"{left} {right}"

    if left.rstrip("-").rsplit(maxsplit=1)[-1:] in (["cross"], ["end"]):
        left = left + "x"  # the reference knows only two of the kept prefixes
    assert join_text(left, right) == reference(left, right)


@PROPERTY
@given(ANY_TEXT)
def test_clean_text_leaves_one_line_without_control_characters(text: str) -> None:
    cleaned = clean_text(text)
    assert cleaned == cleaned.strip()
    assert not any(ch in cleaned for ch in "\n\r\t\x00\x0b\x0c")


@PROPERTY
@given(st.lists(MARKUP | ANY_TEXT, max_size=40))
def test_any_unicode_text_parses_or_raises_a_document_error(lines: list[str]) -> None:
    text = "\n".join(lines)
    with contextlib.suppress(DocumentError):
        resume = build_resume(read_text(text, ParseSettings()))
        for bullet in resume.bullets:
            assert bullet.text.strip() == bullet.text and bullet.text
            assert "\n" not in bullet.text


@PROPERTY
@given(st.binary(max_size=600))
def test_decoding_never_raises(data: bytes) -> None:
    assert isinstance(decode_text(data), str)


@PROPERTY
@given(
    ANY_TEXT,
    st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]),
    st.booleans(),
    st.integers(0, 3),
)
def test_unicode_with_a_byte_order_mark_decodes_as_written(
    text: str, encoding: str, odd: bool, cut: int
) -> None:
    text = text.encode("utf-8", "replace").decode("utf-8")  # no lone surrogates to encode
    # A NUL first would make a UTF-16 mark read as UTF-32's, in every reader of marks.
    assume(not text.startswith("\x00"))
    data = ("\ufeff" + text).encode(encoding)
    assert decode_text(data) == text
    if odd and cut:
        # An odd byte count: the whole characters before the cut are kept.
        assert decode_text(data[:-cut]).startswith(text[: max(0, len(text) - cut)])
