"""What spaCy is given: every line bounded before its tokenizer and pipeline see it.

spaCy's tokenizer takes time that grows with the square (or worse) of a run of characters
without a space when the run is all prefixes or suffixes ("''''…", "((((…"): three thousand
quotes take seconds. Its pipeline then takes time and memory in proportion to tokens. So in
each line a run longer than `max_token_chars` keeps its first `max_token_chars` characters and
the rest become spaces (every offset into the line stays true, and so do the spans of
findings), and a document of more than `max_tokens` tokens is refused before the pipeline
runs. A real resume is never changed: its longest runs are URLs, well under the limit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from resume_analyzer.errors import DocumentTooLargeError
from resume_analyzer.settings import ParseSettings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@cache
def _long_run(length: int) -> re.Pattern[str]:
    # Anchored at the start of a run, so each run is scanned once.
    return re.compile(rf"(?<!\S)\S{{{length},}}")


def bounded(text: str, max_token_chars: int) -> str:
    """`text` with every run of non-space characters cut to `max_token_chars` (padded with
    spaces to its old length)."""
    if len(text) <= max_token_chars:
        return text

    def cut(match: re.Match[str]) -> str:
        run = match.group()
        return run[:max_token_chars] + " " * (len(run) - max_token_chars)

    return _long_run(max_token_chars + 1).sub(cut, text)


def make_docs(
    nlp: Language, texts: Iterable[str], limits: ParseSettings, what: str = "resume"
) -> list[Doc]:
    """Tokenized (not yet tagged or parsed) lines, refused past `limits.max_tokens` in all."""
    docs: list[Doc] = []
    tokens = 0
    for text in texts:
        doc = nlp.make_doc(bounded(text, limits.max_token_chars))
        tokens += len(doc)
        if tokens > limits.max_tokens:
            raise DocumentTooLargeError(
                f"This {what} has more than {limits.max_tokens:,} words and symbols to "
                f"analyze (max_tokens); a {what} has a few thousand. Upload the {what} alone, "
                "not a longer document or a file of repeated text."
            )
        docs.append(doc)
    return docs
