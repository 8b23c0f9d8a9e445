"""Typos in achievement lines, said only where the evidence is solid.

A resume is full of words no dictionary has: tools, products, companies, acronyms, people's
names, British and American spellings. A spelling finding that calls "Kubernetes" or
"analysed" a typo costs more trust than a missed typo, so a word is flagged only when all of
these hold:

- it is written in lower case, letters only, five letters or more (capitalised words are
  names, products and acronyms);
- pyspellchecker's English dictionary does not know it, nor the taxonomy (skill names,
  synonyms, abbreviations, evidence words), nor the resume itself in capitals (a product
  named elsewhere as "Figjam");
- the resume does not use it twice or more (a word used consistently is jargon, not a slip);
- it is not a British or American spelling of a known word ("analysed", "modelling");
- it is not two known words run together ("frontend", "workflows"), nor a known word with
  an ending added ("approvers");
- the likely correction keeps its first and last letters (a word clipped at either end,
  "aintained", is a reading problem; a changed last letter is often jargon, "admin");
- one known word one edit away is far more common than any other (a single likely
  correction), and it is a common word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from resume_analyzer.parsing.dictionary import english

if TYPE_CHECKING:
    from spellchecker import SpellChecker

MIN_LENGTH = 5
# How often the correction must occur in pyspellchecker's word-frequency list: rare words one
# edit away from jargon ("stake" for "stak") make bad suggestions.
MIN_FREQUENCY = 500
DOMINANCE = 20  # the first correction this many times as common as the second, or no advice
_WORD = re.compile(r"(?<![\w'’@./-])[a-z]+(?![\w'’@/]|\.[a-z])")
# British ↔ American endings: one of them known means the word is spelled right.
_VARIANTS = (
    ("ise", "ize"),
    ("ised", "ized"),
    ("ising", "izing"),
    ("isation", "ization"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("ysing", "yzing"),
    ("our", "or"),
    ("ours", "ors"),
    ("tre", "ter"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ogue", "og"),
    ("ence", "ense"),
)


@dataclass(frozen=True)
class Typo:
    word: str
    start: int
    end: int
    suggestion: str


class Speller:
    """pyspellchecker's English dictionary (`parsing.dictionary`, loaded on first use) and
    the words a resume may use beside it; safe to share between threads."""

    def __init__(self, known: Iterable[str] = ()) -> None:
        self._known = frozenset(w.casefold() for w in known)

    @property
    def checker(self) -> SpellChecker:
        return english()

    def typos(self, texts: Sequence[str], context: Iterable[str] = ()) -> list[list[Typo]]:
        """For each text, its likely typos. `context`: every other text of the resume (entry
        headers, skills, contact), whose words count as known and as uses."""
        every = [*texts, *context]
        uses = Counter(w for text in every for w in re.findall(r"[a-z]+", text.casefold()))
        capitalised = {
            w.casefold() for text in every for w in re.findall(r"\b[A-Z][A-Za-z]+", text)
        }
        candidates = {
            m.group()
            for text in texts
            for m in _WORD.finditer(text)
            if len(m.group()) >= MIN_LENGTH
            and uses[m.group()] == 1
            and m.group() not in self._known
            and m.group() not in capitalised
        }
        corrections = {w: self._correction(w) for w in sorted(candidates)}
        return [
            [
                Typo(m.group(), m.start(), m.end(), fix)
                for m in _WORD.finditer(text)
                if (fix := corrections.get(m.group()))
            ]
            for text in texts
        ]

    def _correction(self, word: str) -> str | None:
        checker = self.checker
        if checker.known([word]) or self._variant_known(word) or self._derived(word):
            return None
        if self._compound(word):
            return None
        options = [w for w in checker.candidates(word) or () if w != word]
        ranked = sorted(
            ((checker.word_usage_frequency(w) * _total(checker), w) for w in options),
            reverse=True,
        )
        if not ranked or ranked[0][0] < MIN_FREQUENCY:
            return None
        # One likely correction: the only one, or far more common than the next.
        if len(ranked) > 1 and ranked[0][0] < DOMINANCE * ranked[1][0]:
            return None
        fix = ranked[0][1]
        # A word clipped or glued at either end ("aintained", "syste") is a reading problem
        # more often than a typo, and a changed last letter is often jargon ("admin").
        if fix[0] != word[0] or fix[-1] != word[-1]:
            return None
        return fix

    def _derived(self, word: str) -> bool:
        """A known word with an ending added: "approvers", "actuals", "mechanicals"."""
        checker = self.checker
        return any(
            word.endswith(end) and checker.known([word[: -len(end)]])
            for end in ("s", "es", "rs", "r", "ers", "ed", "d", "ing", "ly")
            if len(word) - len(end) >= 4
        )

    def _compound(self, word: str) -> bool:
        """Two known words run together ("frontend", "dataset", "workflows") are jargon."""
        checker = self.checker
        return any(
            checker.known([word[:i]]) and checker.known([word[i:]]) for i in range(3, len(word) - 2)
        )

    def _variant_known(self, word: str) -> bool:
        checker = self.checker
        for a, b in _VARIANTS:
            for old, new in ((a, b), (b, a)):  # at the end or inside ("organisational")
                if old in word and checker.known([word.replace(old, new)]):
                    return True
        # "modelling" / "modeling", "travelled" / "traveled" inside a word too.
        return "ll" in word and bool(checker.known([word.replace("ll", "l", 1)]))


def _total(checker: SpellChecker) -> int:
    return int(checker.word_frequency.total_words)
