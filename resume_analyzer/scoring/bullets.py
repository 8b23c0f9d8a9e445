"""One bullet's quality (0–100), its strength, and a rewrite that shows the shape of a
stronger line.

Quality adds what the line shows (an action verb by its strength, a metric, an outcome,
scope, a readable length, a clean line) and takes off for what weakens it. The weights are
in `POINTS` and, per finding code, in `resume_analyzer.codes`; docs/scoring.md explains them.

A suggestion is built from the bullet's own words: it removes what weakens the line, turns
"Responsible for managing X" into "Managed X", and marks what is missing with [placeholders].
It never invents a number or a fact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial

from resume_analyzer.codes import BULLET, Codes
from resume_analyzer.nlp.impact import Impact
from resume_analyzer.nlp.verbs import past_tense, verb_forms
from resume_analyzer.scoring.result import Strength
from resume_analyzer.taxonomy import Lexicons

POINTS = {
    "strong_verb": 20,
    "moderate_verb": 12,
    "other_verb": 10,
    "weak_verb": 4,
    "metric": 30,
    "outcome": 20,
    "scope": 5,
    "length": 10,
    "clean": 15,
}
# A line with either of these does not earn POINTS["length"].
LENGTH_CODES = frozenset({Codes.TOO_SHORT.code, Codes.TOO_LONG.code})
# Chosen against 390 hand-labeled lines of 43 resumes (evaluation/strength.py): thresholds
# picked on four fifths of the resumes agree with the labels on 80.5% of the fifth left out
# (70 and 45, the first guess, agreed on 73.6%).
STRONG = 85
SOLID = 75


def bullet_quality(impact: Impact) -> float:
    """0–100: what the line shows minus what weakens it."""
    codes = [finding.code for finding in impact.findings]
    points = 0.0
    if impact.verb is not None:
        points += POINTS[f"{impact.verb_tier}_verb" if impact.verb_tier else "other_verb"]
    points += POINTS["metric"] if impact.metrics else 0
    points += POINTS["outcome"] if impact.outcome else 0
    points += POINTS["scope"] if impact.scope else 0
    points += 0 if LENGTH_CODES & set(codes) else POINTS["length"]
    points += POINTS["clean"]
    return max(0.0, min(100.0, points - penalty(codes)))


def penalty(codes: Sequence[str]) -> int:
    """Points a line's findings take off, each code up to its cap; unknown codes take none."""
    return sum(
        min(code.penalty.cap, code.penalty.each * codes.count(code.code))
        for code in BULLET
        if code.penalty
    )


def strength(quality: float) -> Strength:
    if quality >= STRONG:
        return "strong"
    if quality >= SOLID:
        return "solid"
    return "weak"


def suggest(text: str, impact: Impact, lexicons: Lexicons, *, past_role: bool | None) -> str | None:
    """A rewrite of the line that fixes what can be fixed without facts only the applicant
    knows, or None.

    Precision before reach: a rewrite is offered only where it cannot make the line worse.
    A weak opener goes (its gerund becomes the past tense, "Responsible for creating" →
    "Created"); a present-tense verb in an ended role becomes past; fillers, buzzwords and
    pronouns are cut. No slot is put before a line's own verb, and no result placeholder is
    appended: what the line lacks is the finding's to say ("Add the result: …"), and a
    placeholder tacked onto a line that already states its result made it worse.
    """
    codes = impact.codes()
    body = text.strip()
    lead = ""
    if Codes.WEAK_OPENER.code in codes:
        opener = _opener(body, lexicons)
        if opener is None or opener.lower() not in _OWNED_OPENERS:
            # "Assisted in developing" → "Developed" claims what the applicant may not have
            # done, and only they know their part: the finding asks, the rewrite does not.
            return None
        body = body[len(opener) :].lstrip(" :,-")
        gerund = re.match(r"([a-z]+ing)\b(?!\s*,)\s*(.*)", body)
        first = (body.split(maxsplit=1) or [""])[0].lower()
        if gerund and _another_verb(gerund.group(2), {"VBG"}):
            return None  # "activating ports and troubleshooting links": one would change
        if gerund and _another_present_verb(gerund.group(2)):
            # "Responsible for managing the fund: organize and oversee…" → "Managed the fund:
            # organize…" mixes tenses; on audit round 13 both such rewrites were harmful.
            return None
        if gerund and gerund.group(1).lower() in _ING_ADJECTIVES:
            return None  # "Responsible for recurring journal entries" → "Recurred…" is wrong
        if gerund and (past := _past_tense(gerund.group(1))):
            lead, body = past, gerund.group(2)
        elif _is_past_form(first):
            pass  # "Responsible for Designed and printed…": the verb is already there
        elif first in _DETERMINERS:
            lead = "[Action verb, e.g. Led/Built/Launched]"  # "… the budget", "… all hiring"
        else:
            return None  # "setup and install of switches": no verb fits before a noun list
    elif Codes.TENSE_MISMATCH.code in codes and impact.verb and impact.verb_span:
        rest = body[impact.verb_span[1] :]
        # "Managing and mentoring…", "Develop universal apps and provide…": turning one verb
        # of several leaves the line in two tenses.
        coordinated = re.match(r"\s*(?:and|&|,)\s", rest) or _another_present_verb(rest)
        past = _past_tense(impact.verb) if past_role and not coordinated else None
        if past:
            # A label before the verb stays: "Closure: Display…" → "Closure: Displayed…".
            label = text[: impact.verb_span[0]].strip()
            lead, body = " ".join(p for p in (label, past) if p), rest.lstrip()
    body = _drop_words(body, codes, _flagged_words(text, impact))
    if not lead and body == _tidy(text.strip()):
        return None  # nothing changed but spacing: not worth a rewrite
    sentence = " ".join(part for part in (lead, body) if part).rstrip(" ;,")
    return sentence[:1].upper() + sentence[1:]


# Openers that name a duty the applicant owned: turning them into a verb says the same thing.
# The others ("helped", "assisted in", "contributed to", "supported") say the part was partial.
_OWNED_OPENERS = frozenset(
    """responsible for|was responsible for|primarily responsible for|duties included|duties
    include|responsibilities included|responsibilities include|tasked with|in charge of|was in
    charge of""".replace("\n    ", " ").split("|")
)
_DETERMINERS = frozenset("the a an all our their its every each".split())
# Words in -ing that, after "Responsible for", describe a noun rather than name an action.
_ING_ADJECTIVES = frozenset(
    """recurring existing ongoing outstanding upcoming incoming outgoing remaining pending
    missing emerging operating accounting banking billing purchasing housekeeping catering
    manufacturing""".split()
)


def _is_past_form(word: str) -> bool:
    forms = verb_forms(word)
    return bool(forms and forms[1] and forms[1] <= {"VBD", "VBN"})


def _another_present_verb(rest: str) -> bool:
    """A present-tense verb later in the line after "and", "or", a comma, colon or stop, or
    capitalised where a stop is missing: "…, and ensure updates", ". Order supplies",
    "…are followed Educate customers", "Works on reports and ensures accuracy". A plural noun
    that is also a verb form ("and reports") blocks the rewrite too: precision first."""
    return _another_verb(rest, {"VB", "VBP", "VBZ"})


def _another_verb(rest: str, tags: set[str]) -> bool:
    words = re.findall(r"[A-Za-z]+|[,.;:&]", rest)
    for before, word in zip(["", *words], words, strict=False):
        if not word.isalpha():
            continue
        joined = before.lower() in {"and", "or", ",", ".", ";", ":", "&"}
        if not joined and not (word[0].isupper() and before.isalpha() and before.islower()):
            continue
        forms = verb_forms(word.lower())
        if forms and forms[1] and forms[1] <= tags:
            return True
    return False


def _opener(body: str, lexicons: Lexicons) -> str | None:
    for opener in sorted(lexicons.weak_openers, key=len, reverse=True):
        if body.lower().startswith(opener.lower()):
            return body[: len(opener)]
    return None


def _flagged_words(text: str, impact: Impact) -> set[str]:
    """The filler and buzzword phrases the line's findings name: only those are cut ("used
    effectively", where the adverb is the point, is no finding and stays)."""
    codes = {Codes.FILLER.code, Codes.BUZZWORD.code}
    return {
        text[f.span[0] : f.span[1]].casefold()
        for f in impact.findings
        if f.code in codes and f.span is not None
    }


def _drop_words(body: str, codes: set[str], words: set[str]) -> str:
    if "in order to" in words:
        # "in order to relay" keeps its "to"; dropped whole, the line loses its grammar.
        body = re.sub(r"(?<![\w-])in order to(?![\w-])", "to", body, flags=re.IGNORECASE)
    for word in sorted(words - {"in order to"}, key=len, reverse=True):
        # A word coordinated with another ("innovative & instructional methods", "creative
        # and innovative ideas") stays: cut, it leaves "multiple & instructional".
        # A word cut from the start of a sentence hands its capital to the next one.
        body = re.sub(
            rf"(?<!and )(?<!& )(?<!or )(?<![\w-]){re.escape(word)}(?![\w-])(?! (?:and|&|or) )"
            rf"\s*(\w?)",
            partial(_after_cut, body),
            body,
            flags=re.IGNORECASE,
        )
    if Codes.FIRST_PERSON.code in codes:
        # Only a pronoun that opens the line goes ("I led…" → "Led…"): one inside a sentence
        # is its subject or owner ("we integrated it"), and dropping it breaks the sentence.
        # Only before a past-tense verb: "I have worked…" would become "Have worked…".
        # Nor before "was"/"were": "Was asked to…" is no better than "I was asked to…"; nor
        # before a feeling or a thought: "Enjoyed demonstrating Kodak…" reads worse than the
        # sentence it came from, and is no achievement either way.
        pronoun = re.match(r"^(?:I|We)\s+([a-z]+)\b", body)
        if pronoun and _is_past_form(pronoun.group(1)) and pronoun.group(1) not in _NO_ACTION:
            body = body[pronoun.end(1) - len(pronoun.group(1)) :]
    return _tidy(body)


_NO_ACTION = frozenset(
    "was were had enjoyed loved liked felt believed thought hoped wanted wished preferred knew "
    "got".split()
)


def _after_cut(body: str, match: re.Match[str]) -> str:
    following = match.group(1)
    opens = not body[: match.start()].strip() or body[: match.start()].rstrip()[-1:] in ".;!?"
    return following.upper() if opens and match.group(0)[:1].isupper() else following


def _tidy(text: str) -> str:
    """No space before a stop or a comma, one space between words."""
    return re.sub(r"\s{2,}", " ", re.sub(r"\s+([.,;:])", r"\1", text)).strip()


def _past_tense(word: str) -> str | None:
    past = past_tense(word)
    return past.capitalize() if past else None
