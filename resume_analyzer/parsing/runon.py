"""Achievements run together into one paragraph, told apart again.

Some exporters (LiveCareer's among them) drop the bullets of a list and pour its lines into
one justified paragraph: "…by managing staff performance Discussed audit issues with the
engagement team Presented audit findings to senior management…". Judged as one line it is
"too long" and its verbs are lost. Each achievement still opens with a capitalised verb in
the middle of the flow, which English prose does not do, so the paragraph is cut there.

A cut is made only where all of these hold, since a wrong cut breaks a good line:
- the paragraph carries no bullet marker and has at least `MIN_WORDS` words;
- the word is capitalised (not all capitals) and is a past-tense verb ("Managed") or, before
  a lower-case word, a present-tense one ("Creates auditing processes"), a base form, as
  duty lists write them ("…in the east region Initiate and provide leadership…"; not
  "State", which leads into a name: "company State and Federal posters"), a gerund before a
  word that cannot be its object's noun ("Handling a recruitment team", "Planning and
  managing": not "Listening tools"), an adverb of manner before a verb ("Effectively track",
  "Independently handled"; not "Monthly close"), or "Responsible for";
- the word before it is lower case, a number or closes a bracket (and ends so: not
  "drinks.Mastered"), and is not a word that leads into a name ("with United Airlines", "at
  Applied Materials", "and Connected Sheets");
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
_BASE = frozenset({"VB", "VBP"})
# Base forms that open a name more often than a duty ("State and Federal requirements").
_NAME_WORDS = frozenset({"state"})
_GERUND = frozenset({"VBG"})
# Words after which a capitalised word is a name, not a new sentence.
_LEADS_INTO_NAME = frozenset(
    (
        "a an the and or nor of for with without in into on onto at by from to via as per "
        "including include includes like such than versus vs over under about across among "
        "between through during within our my their his her its new former senior junior "
        "chief called named titled entitled using use used"
    ).split()
)
# After a gerund, words that show it opens a clause ("Handling a team", "Assisting in"), where
# a noun would make it a compound's first word ("Listening tools", "Splicing technician").
_CLAUSE_FOLLOWS = frozenset(
    "a an the and or of in on to with for from all new our their his her its any every each "
    "various multiple several".split()
)
# -ly words that are adjectives of time or otherwise not adverbs of manner ("Monthly close").
_NOT_MANNER = frozenset(
    "daily weekly biweekly monthly bimonthly quarterly yearly hourly early only family "
    "supply assembly friendly likely".split()
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
    ends_lower = bare[-1:].islower() or bare[-1:].isdigit() or previous.endswith(")")
    if not (after_lower and ends_lower) or bare.casefold() in _LEADS_INTO_NAME:
        return False
    following = words[i + 1][1] if i + 1 < len(words) else ""
    low = head.casefold()
    forms = verb_forms(low)
    if forms is not None and forms[1] & _PAST:
        return True
    if not following[:1].islower():
        return False
    if low == "responsible":
        return following == "for"
    if low.endswith("ly") and low not in _NOT_MANNER and len(low) >= 6 and forms is None:
        return verb_forms(following.rstrip(",.;:").casefold()) is not None
    if forms is None:
        return False
    if forms[1] & _GERUND:
        return following.rstrip(",") in _CLAUSE_FOLLOWS
    return bool(forms[1] & _PRESENT) or (bool(forms[1] & _BASE) and low not in _NAME_WORDS)


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
