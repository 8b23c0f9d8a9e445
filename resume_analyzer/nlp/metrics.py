"""Numbers that measure something: percentages, money, multipliers, counts, durations, ranks.

Not metrics: years ("2021"), dates ("05/2021", "Q3 2022"), phone numbers, version numbers
("Python 3", "Web 2.0"), course codes ("CS 101") and grades ("GPA 3.8"). A bare number counts
only when a unit of measure follows it ("15 churned customers", "3 engineers", "10 hours"),
and so does a number in words ("two teams", "three attorneys", "millions of observations") or
in a compound ("an 18-member team", "a 6-figure pipeline"). "one" never does: "one of the",
"one-stop" are not counts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from resume_analyzer.nlp.verbs import verb_forms

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MetricKind = Literal["percent", "money", "multiplier", "count", "time", "rank"]

_NUM = r"\d+(?:[.,]\d+)*"
# A number starts where its run of digits and separators starts: never after "." (as before)
# or after "1," ("1,1,1,…" would otherwise be rescanned from every digit).
_START = r"(?<![\w.])(?<!\d,)"
# Indian resumes count money in lakhs (100,000) and crores (10 million): "Rs. 40,000 Cr".
_SCALE = r"(?:\s?(?:k|m|mm|b|bn|million|billion|thousand|trillion|crores?|cr|lakhs?|lacs?)\b)?"
# Currencies named in words: "2 Million rupees", "40,000 dirhams".
_CURRENCY_WORDS = (
    r"dollars?|euros?|pounds?|rupees?|yen|yuan|renminbi|pesos?|reais|dirhams?|riyals?|rand|"
    r"naira|ringgit|francs?|kronor|kroner|won"
)
_PATTERNS: tuple[tuple[MetricKind, re.Pattern[str]], ...] = (
    ("percent", re.compile(rf"{_START}{_NUM}\s?(?:%|percent\b|pct\b|percentage points?\b)")),
    (
        "money",
        re.compile(
            rf"(?:[$€£¥₹]\s?{_NUM}{_SCALE}\+?)"
            rf"|(?:{_START}{_NUM}{_SCALE}\s?(?:usd|eur|gbp|inr|{_CURRENCY_WORDS})\b)"
            rf"|(?:\b(?:usd|eur|gbp|inr|rs\.?)\s?{_NUM}{_SCALE})",
            re.IGNORECASE,
        ),
    ),
    (
        "multiplier",
        re.compile(
            rf"{_START}{_NUM}\s?[x×](?!\w)"
            r"|\b(?:doubled|tripled|quadrupled|halved|twofold|threefold|tenfold)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "count",
        re.compile(rf"(?<![$€£]){_START}{_NUM}\s?[kmb]\+?(?!\w)|{_START}{_NUM}\+", re.I),
    ),
    (
        "count",
        re.compile(
            r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred)"
            r"-(?:member|person|people|strong|figure|digit)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "rank",
        re.compile(r"(?<!\w)#\d+\b|\btop\s\d+%?|\b\d+(?:st|nd|rd|th)\s(?:place|prize)\b", re.I),
    ),
)
_TIME_UNITS = frozenset(
    "second seconds sec secs minute minutes min mins hour hours hr hrs day days week weeks "
    "month months quarter quarters year years ms millisecond milliseconds".split()
)
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_PHONE = re.compile(r"\+?\(?\d[\d\s().-]{7,}\d")
_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}/\d{4}\b|\b\d{4}-\d{2}\b")
_SCALES = frozenset({"thousand", "million", "billion", "trillion", "k", "m", "mm", "bn"})
_NOT_UNITS = frozenset({"gpa", "cgpa", "percentile"})
# Numbers in words that count things; "one" is left out ("one of the", "one-stop shop").
NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty".split()
)
_SPELLED = NUMBER_WORDS | frozenset(
    "thirty forty fifty hundred thousand dozen dozens hundreds thousands millions billions".split()
)
# "dozens of teams", "millions of observations": the unit comes after "of".
_PLURAL_NUMBERS = frozenset({"dozens", "hundreds", "thousands", "millions", "billions"})
# Nouns of people or things a number after "of" counts: "a team of 15", "a staff of 40".
_GROUPS = frozenset(
    "team teams staff group groups crew squad department class cohort unit workforce "
    "portfolio network fleet caseload".split()
)


@dataclass(frozen=True)
class Metric:
    kind: MetricKind
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "text": self.text, "span": [self.start, self.end]}


def find_metrics(doc: Doc, units: Iterable[str]) -> list[Metric]:
    """The metrics in one line, in order, without overlaps."""
    text = doc.text
    blocked = _blocked(text)
    found = [
        Metric(kind, match.group(), match.start(), match.end())
        for kind, pattern in _PATTERNS
        for match in pattern.finditer(text)
        if not blocked.overlaps(match.start(), match.end())
    ]
    found += _counted(doc, frozenset(u.lower() for u in units), blocked)
    return _without_overlaps(found)


def _counted(doc: Doc, units: frozenset[str], blocked: _Spans) -> list[Metric]:
    """Bare numbers followed, within three words, by a unit: "15 churned customers", "two
    teams". A hyphen inside a word does not count as one ("3 mobile-first concepts")."""
    found: list[Metric] = []
    for token in doc:
        spelled = token.lower_ in _SPELLED
        if not spelled and (not token.like_num or not any(ch.isdigit() for ch in token.text)):
            continue
        if blocked.overlaps(token.idx, token.idx + len(token.text)):
            continue
        if _YEAR.match(token.text) and not _unit_follows(doc, token.i, units, 1):
            continue
        if not spelled and _counts_a_group(doc, token):
            start = doc[token.i - 2].idx
            end = token.idx + len(token.text)
            found.append(Metric("count", doc.text[start:end], start, end))
            continue
        words = _words_after(doc, token.i)
        if len(words) >= 3 and words[0].text == "(" and words[1].like_num and words[2].text == ")":
            words = words[3:]  # "nine (9) sites": the digits repeat the number
        words = words[:3]
        if token.lower_ in _PLURAL_NUMBERS and words and words[0].lower_ == "of":
            words = words[1:]
        if _counts_its_noun(token):
            noun = token.head
            end = noun.idx + len(noun.text)
            counted: MetricKind = "time" if noun.lower_ in _TIME_UNITS else "count"
            found.append(Metric(counted, doc.text[token.idx : end], token.idx, end))
            continue
        for ahead in words:
            word = ahead.lower_
            if word in _SCALES:
                continue  # "2.5 million transactions"
            if word in _NOT_UNITS or ahead.is_punct or ahead.like_num:
                break  # "4,500 in 2 quarters": the unit belongs to the next number
            kind: MetricKind | None = None
            if word in _TIME_UNITS:
                kind = "time"
            elif word in units or ahead.lemma_.lower() in units or _plural_noun(ahead):
                kind = "count"
            if kind:
                end = ahead.idx + len(ahead.text)
                found.append(Metric(kind, doc.text[token.idx : end], token.idx, end))
                break
    return found


def _counts_a_group(doc: Doc, token: Token) -> bool:
    """ "a team of 15", "a staff of 40": the number is how many the group holds."""
    return (
        token.i >= 2
        and doc[token.i - 1].lower_ == "of"
        and doc[token.i - 2].lower_ in _GROUPS
        and not _YEAR.match(token.text)
    )


def _plural_noun(token: Token) -> bool:
    """A plural noun, or a word the tagger took for a verb in -s that no dictionary knows as
    one ("Taught 30 undergraduates": the small model tags it VBZ)."""
    if token.tag_ == "NNS":
        return True
    word = token.lower_
    return token.tag_ == "VBZ" and word.endswith("s") and verb_forms(word) is None


def _counts_its_noun(token: Token) -> bool:
    """The parse says the number counts a plural noun a few words on: "3 mobile-first MVP
    product concepts", "12 cross-functional pilot programs". Only a plain count (not a year,
    not a range's end) of a noun in the plural, at most seven tokens away."""
    noun = token.head
    return (
        token.dep_ == "nummod"
        and noun.tag_ == "NNS"
        and 0 < noun.i - token.i <= 7
        and token.lower_ != "one"
        and not _YEAR.match(token.text)
    )


def _words_after(doc: Doc, index: int) -> list[Token]:
    """The next few words after a token, a hyphenated word ("mobile-first") as one: its
    first part."""
    words: list[Token] = []
    for t in doc[index + 1 : index + 10]:
        joined = not doc[t.i - 1].whitespace_ and doc[t.i - 1].text == "-"
        if t.text == "-" and not t.whitespace_ and not doc[t.i - 1].whitespace_:
            continue
        if not (joined and words):
            words.append(t)
    return words


def _unit_follows(doc: Doc, index: int, units: frozenset[str], window: int) -> bool:
    return any(t.lower_ in units for t in doc[index + 1 : index + 1 + window])


class _Spans:
    """Character spans, merged and sorted, so that an overlap test is a binary search: a line
    of thousands of dates and numbers is not checked all against all."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_right(self.ends, start)  # the first span ending after `start`
        return index < len(self.starts) and self.starts[index] < end


def _blocked(text: str) -> _Spans:
    """Spans that look numeric but are dates, phone numbers or years."""
    spans = [(m.start(), m.end()) for m in _DATE.finditer(text)]
    spans += [
        (m.start(), m.end())
        for m in _PHONE.finditer(text)
        if sum(ch.isdigit() for ch in m.group()) >= 9
    ]
    return _Spans(spans)


def _without_overlaps(metrics: list[Metric]) -> list[Metric]:
    kept: list[Metric] = []
    for metric in sorted(metrics, key=lambda m: (m.start, -(m.end - m.start))):
        # Kept metrics do not overlap and come in order: only the last can reach this one.
        if not kept or metric.start >= kept[-1].end:
            kept.append(metric)
    return kept
