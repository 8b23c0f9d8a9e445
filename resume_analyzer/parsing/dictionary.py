"""The English dictionary the reader and the spelling check share: pyspellchecker's word list.

The reader needs it at a line-end hyphen, to tell a word the line broke ("manage-" + "ment"
is "management") from a compound ("problem-" + "solving" stays "problem-solving"). Loaded on
first use (about 0.15 s) and once per process; safe to share between threads.
"""

from __future__ import annotations

import threading
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spellchecker import SpellChecker

_lock = threading.Lock()


def english() -> SpellChecker:
    """pyspellchecker's English checker, edits of distance 1 (what the spelling check asks)."""
    with _lock:  # one load, even when the first calls come from several threads at once
        return _load()


@cache
def _load() -> SpellChecker:
    from spellchecker import SpellChecker

    return SpellChecker(distance=1)


# Words of product and software work the dictionary lacks, as stems: without them a line
# broken inside "road-map" or "on-boarding" would keep its hyphen (both halves are words).
_PRODUCT_STEMS = (
    "roadmap workflow onboard offboard dataset codebase walkthrough frontend backend fullstack "
    "upsell userbase storyboard wirefram livestream teardown signup lifecycle touchpoint "
    "dropdown toolchain timebox rollout runbook microservice crowdsourc checkin standup "
    "handoff"
).split()
_ENDINGS = ("", "s", "e", "es", "ed", "ing", "er", "ers")


def is_word(word: str) -> bool:
    """Whether `word` (lower case) is a word: the dictionary's, or product work's."""
    if any(word == stem + end for stem in _PRODUCT_STEMS for end in _ENDINGS):
        return True
    return bool(english().known([word]))
