"""Which language the resume is written in (py3langid: a small, deterministic classifier)."""

from __future__ import annotations

from collections.abc import Sequence

from resume_analyzer.document import DocumentWarning

_MIN_LETTERS = 200  # below this a verdict is a guess; stay silent


def detect_language(texts: Sequence[str]) -> str | None:
    text = " ".join(texts)
    if sum(ch.isalpha() for ch in text) < _MIN_LETTERS:
        return None
    import py3langid  # deferred: its model loads at import, and short texts never need it

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
