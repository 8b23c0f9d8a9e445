"""Achievements run together into one paragraph, told apart again.

Some exporters (LiveCareer's among them) drop the bullets of a list and pour its lines into
one justified paragraph: "…by managing staff performance Discussed audit issues with the
engagement team Presented audit findings to senior management…". Judged as one line it is
"too long" and its verbs are lost. Each achievement still opens with a capitalised verb in
the middle of the flow, which English prose does not do, so the paragraph is cut there.

A cut is made only where all of these hold, since a wrong cut breaks a good line:
- the paragraph carries no bullet marker and has at least `MIN_WORDS` words;
- the word is capitalised (not all capitals) and is a past-tense verb ("Managed") or, after
  a lower-case word and before one, a present-tense one ("Creates auditing processes");
- the word before it is lower case, a number or closes a bracket, and is not a word that
  leads into a name ("with United Airlines", "at Applied Materials", "and Connected Sheets");
- both sides keep at least `MIN_PIECE` words.
Dotted separators (" · ") between sentences are cut too.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from resume_analyzer.nlp.verbs import verb_forms

MIN_WORDS = 30
MIN_PIECE = 5
_PAST = frozenset({"VBD", "VBN"})
_PRESENT = frozenset({"VBZ"})
# Words after which a capitalised word is a name, not a new sentence.
_LEADS_INTO_NAME = frozenset(
    (
        "a an the and or nor of for with without in into on onto at by from to via as per "
        "including include includes like such than versus vs over under about across among "
        "between through during within our my their his her its new former senior junior "
        "chief called named titled entitled using use used"
    ).split()
)
_WORD = re.compile(r"\S+")
_DOT_SEPARATOR = re.compile(r"\s+[·•]\s+(?=[A-Z])")


def cut_points(text: str, marked: bool = False) -> list[int]:
    """Offsets in `text` where a new achievement starts (none for most paragraphs)."""
    words = [(m.start(), m.group()) for m in _WORD.finditer(text)]
    if marked or len(words) < MIN_WORDS:
        return []
    found = {m.end() for m in _DOT_SEPARATOR.finditer(text)}
    found.update(s for i, (s, _w) in enumerate(words) if i and _opens_sentence(words, i))
    # Keep the cuts that leave every piece at least MIN_PIECE words long. Every cut is a
    # word's start, so its index among the starts is the count of words before it.
    starts = [start for start, _w in words]
    cuts: list[int] = []
    last = 0  # index of the first word of the current piece
    for cut in sorted(found):
        at = bisect_left(starts, cut)
        if at - last >= MIN_PIECE and len(starts) - at >= MIN_PIECE:
            cuts.append(cut)
            last = at
    return cuts


def _opens_sentence(words: list[tuple[int, str]], i: int) -> bool:
    word = words[i][1]
    head = re.split(r"[/,;:]", word, maxsplit=1)[0]  # "Met/Exceeded" → "Met"
    if not head[:1].isupper() or head.isupper() or not head[1:].islower() or len(head) < 3:
        return False
    previous = words[i - 1][1]
    bare = previous.rstrip(".,;:)'\"’")
    if previous.endswith((",", ";", ":", "&", "-", "–", "—", "/")):
        return False
    after_lower = bare[:1].islower() or bare[:1].isdigit() or previous.endswith(")")
    if not after_lower or bare.casefold() in _LEADS_INTO_NAME:
        return False
    forms = verb_forms(head.casefold())
    if forms is None or not forms[1]:
        return False
    if forms[1] & _PAST:
        return True
    following = words[i + 1][1] if i + 1 < len(words) else ""
    return bool(forms[1] & _PRESENT) and following[:1].islower()


def pieces(text: str, marked: bool = False) -> Iterator[tuple[int, str]]:
    """(offset, text) of each achievement in a paragraph; the whole text when it is one."""
    cuts = cut_points(text, marked)
    if not cuts:
        yield 0, text
        return
    starts = [0, *cuts]
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        piece = _DOT_SEPARATOR.sub(" ", text[start:end]).strip()
        piece = re.sub(r"\s*[·•]\s*$", "", piece)
        if piece:
            yield start, piece
