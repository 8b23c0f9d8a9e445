"""Which language the resume is written in (py3langid: a small, deterministic classifier)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from resume_analyzer.document import DocumentWarning

_MIN_LETTERS = 200  # below this a verdict is a guess; stay silent
# English function words that are not also common words of other Latin-script languages
# ("a", "in", "is", "on", "was", "over" are). Prose with this many of them is English: the
# classifier (whose model takes half a second to load) is then not needed. On the dev corpus
# the median English resume has 14% of its words here; other languages' have almost none.
_ENGLISH = frozenset(
    "the and of to for with from by that this which our their were been into at".split()
)
_CLEARLY_ENGLISH = 0.06
_WORD = re.compile(r"[A-Za-z]+")


_SHORT = frozenset("a an in on is was as or".split())  # English, though other languages' too


def has_no_english(line: str, min_words: int = 6) -> bool:
    """A line of several words without one English function word: another language's
    sentence inside an English resume ("Jeg designer nettsteder fra bunn…"), which no English
    check (spelling) should judge."""
    words = _WORD.findall(line.lower())
    return len(words) >= min_words and not any(w in _ENGLISH or w in _SHORT for w in words)


def detect_language(texts: Sequence[str]) -> str | None:
    text = " ".join(texts)
    if sum(ch.isalpha() for ch in text) < _MIN_LETTERS:
        return None
    words = _WORD.findall(text[:20_000].lower())
    if words and sum(word in _ENGLISH for word in words) / len(words) >= _CLEARLY_ENGLISH:
        return "en"
    import py3langid  # deferred: its model loads at import, and most resumes never need it

    language, _score = py3langid.classify(text[:20_000])
    return str(language)


def language_warning(language: str | None) -> DocumentWarning | None:
    if language is None or language == "en":
        return None
    return DocumentWarning(
        code="not_english",
        message=(
            f"This resume looks written in '{language}', not English. It was parsed, but the "
            "analysis (skills, verbs, feedback) is tuned for English resumes."
        ),
    )
