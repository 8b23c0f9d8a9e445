"""The weakening test: achievement lines with their results taken out must lower the score.

Issue 12: remove every number from an achievement line and put "Responsible for" in front of
it. A score that reads achievements must drop; one that counts keywords will not notice.
Numbers go with what makes them a figure ($, %, +, x, k/M/B, ordinal endings), so "cut costs
by $1.2M (30%)" becomes "cut costs by" rather than "cut costs by $. M (%)". Spelled-out
numbers ("doubled", "three teams") stay: the test is about figures.

`weakening_test` runs it on resumes through the plain-text route on both sides, so that the
format is the same and only the lines differ.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evaluation.cohorts import TEXT_NAME, content_score
from resume_analyzer import Analyzer
from resume_analyzer.errors import ResumeAnalyzerError
from resume_analyzer.parsing import text_of
from resume_analyzer.parsing.source import load

PREFIX = "Responsible for "
_NUMBER = re.compile(
    r"[$€£¥₹]?\s?\d(?:[\d,.:/]*\d)?"  # 1,200  3.5  24/7  $40
    r"(?:\s?(?:%|percent\b)|\+|[xX×](?![a-zA-Z])|[kKmMbB](?![a-zA-Z])|(?:st|nd|rd|th)\b)*"
)
_DIGIT = re.compile(r"\d")
_EMPTY_BRACKETS = re.compile(r"[(\[]\s*[,;:]?\s*[)\]]")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:)\]])")
_SPACES = re.compile(r"\s{2,}")


def strip_numbers(text: str) -> str:
    """The line without figures, its spacing and brackets tidied where a figure stood."""
    text = _NUMBER.sub(" ", text)
    text = _DIGIT.sub("", text)  # any digit the figure pattern left (Q3, B2B)
    text = _EMPTY_BRACKETS.sub(" ", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return _SPACES.sub(" ", text).strip(" ,;:-–—")


def weaken(line: str) -> str:
    """ "Responsible for " + the line without numbers, its first letter lower-cased (an
    acronym such as "SQL" keeps its capitals)."""
    rest = strip_numbers(line)
    first = rest.split(" ", 1)[0]
    acronym = len(first) > 1 and first.isupper()
    if rest and not acronym:
        rest = rest[0].lower() + rest[1:]
    return PREFIX + rest


def _line_pattern(line: str) -> re.Pattern[str]:
    """The line as it may appear in the text it came from: wrapped anywhere between words."""
    return re.compile(r"\s+".join(re.escape(word) for word in line.split()))


def weaken_text(text: str, lines: Sequence[str]) -> tuple[str, int]:
    """The text with each of `lines` replaced by its weakened form, and how many were found.

    Lines are looked for in order (a line printed twice is replaced where it was read), then
    anywhere; a line the reader changed (joined a hyphenated word, say) is not found and
    stays as it was.
    """
    found, cursor = 0, 0
    for line in lines:
        if not line.split():
            continue
        pattern = _line_pattern(line)
        match = pattern.search(text, cursor) or pattern.search(text)
        if match is None:
            continue
        replacement = weaken(line)
        text = text[: match.start()] + replacement + text[match.end() :]
        cursor = match.start() + len(replacement)
        found += 1
    return text, found


def weakening_test(analyzer: Analyzer, paths: Sequence[Path]) -> dict[str, Any]:
    """Each resume's text (as the reader reads it, one line per line) against the same text
    with every achievement line weakened, both analysed as pasted text."""
    limits = analyzer.settings.parse
    deltas: list[float] = []
    content: list[float] = []
    lines = found = errors = unread = 0
    for path in paths:
        try:
            text = text_of(load(path, None, limits), limits)
            before = analyzer.analyze(text.encode("utf-8"), filename=TEXT_NAME)
            bullets = [b.text for b in before.bullets]
            weakened, hits = weaken_text(text, bullets)
            after = analyzer.analyze(weakened.encode("utf-8"), filename=TEXT_NAME)
        except ResumeAnalyzerError:
            errors += 1
            continue
        deltas.append(round(after.score - before.score, 1))
        content.append(content_score(after) - content_score(before))
        lines, found = lines + len(bullets), found + hits
        unread += not bullets
    mean = round(statistics.mean(deltas), 1) if deltas else None
    return {
        "n": len(deltas),
        "errors": errors,
        "lowered": sum(d < 0 for d in deltas),
        "unchanged": sum(d == 0 for d in deltas),
        "raised": sum(d > 0 for d in deltas),
        "mean_delta": mean,
        "median_delta": round(statistics.median(deltas), 1) if deltas else None,
        "largest_drop": min(deltas, default=None),
        "smallest_drop": max(deltas, default=None),
        "mean_content_delta": round(statistics.mean(content), 1) if content else None,
        "achievement_lines": lines,
        "lines_weakened": found,
        "no_achievement_lines_as_text": unread,
        "every_resume_lowered": bool(deltas) and all(d < 0 for d in deltas),
        "mean_drop_at_least_8": mean is not None and mean <= -8,
    }
