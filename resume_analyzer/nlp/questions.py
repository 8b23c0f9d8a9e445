"""The question to ask the applicant when a line lacks a result only they can supply.

A rewrite cannot invent "lifting activation 18%": the applicant knows it, the analyzer does
not. So for a line that says what was done but not what came of it, or states a result with no
size, the feedback asks the specific question whose answer makes the line strong, built from
the line's own parse: its verb says what kind of work it was, its object names the thing
("How many people used the onboarding hub, …?").

Precision first: a question is asked only when the verb is of a known kind and its object is a
short noun phrase read from the dependency parse; otherwise None, and the finding's message
stands alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from resume_analyzer.codes import Codes
from resume_analyzer.nlp.impact import Impact

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

# Longer objects read badly inside a question ("…the dashboard for the sales team in three
# regions…"); the head noun with its modifiers is enough to know which thing is meant.
MAX_OBJECT_WORDS = 6

_BUILT = frozenset(
    """build create develop design launch ship implement introduce redesign prototype deploy
    release establish automate integrate engineer code program rebuild revamp""".split()
)
_LED = frozenset(
    """lead manage coordinate run organize organise oversee direct spearhead own execute
    head""".split()
)
_STUDIED = frozenset(
    """analyze analyse research conduct interview survey evaluate assess study audit
    investigate benchmark""".split()
)
_WROTE = frozenset("""write document draft author prepare""".split())

# Direction of a change verb, for "By how much did churn fall?".
_DOWN = frozenset("reduce cut lower decrease shorten minimize minimise shrink slash".split())
_UP = frozenset("increase grow boost lift raise expand accelerate speed maximize maximise".split())


def ask_all(nlp: Language, lines: Sequence[tuple[str, Impact]]) -> list[str | None]:
    """The question for each (line, impact), or None.

    A line is parsed again with "I" before its verb: the small English model mistakes a
    subjectless "Built an internal hub…" for a noun phrase, and with a subject it reads the
    verb and its object reliably.
    """
    wanted = [i for i, (_, impact) in enumerate(lines) if _needs_question(impact)]
    texts = []
    for i in wanted:
        text, impact = lines[i]
        start = impact.verb_span[0] if impact.verb_span else 0
        rest = text[start:].strip()
        texts.append(f"I {rest[:1].lower()}{rest[1:]}")
    out: list[str | None] = [None] * len(lines)
    for i, doc in zip(wanted, nlp.pipe(texts), strict=True):
        out[i] = _ask(doc, lines[i][1])
    return out


def _needs_question(impact: Impact) -> bool:
    codes = impact.codes()
    return impact.verb_span is not None and bool(
        {Codes.NO_OUTCOME.code, Codes.NO_METRIC.code} & codes
    )


def _ask(doc: Doc, impact: Impact) -> str | None:
    """`doc` is "I <the line from its verb>"; its verb is the token after "I"."""
    if impact.metrics:
        return None
    if impact.outcome:
        return _size_the_change(doc)
    verb = doc[1] if len(doc) > 1 and doc[1].pos_ == "VERB" else None
    if verb is None:
        return None
    obj = _object(verb)
    if obj is None:
        return None
    lemma = verb.lemma_.lower()
    if lemma in _BUILT:
        return (
            f"How many people used {obj}, and what changed for them: time saved, a rate that "
            "moved, revenue?"
        )
    if lemma in _LED:
        return f"What did {obj} deliver, and how big was it: people, budget, deadline?"
    if lemma in _STUDIED:
        return f"What decision came from {obj}, and what did it change?"
    if lemma in _WROTE:
        return f"Who used {obj}, and what did it make possible?"
    return None


def _size_the_change(doc: Doc) -> str | None:
    """A stated change without a number ("Reduced churn"): ask how much, and over what time."""
    for token in doc:
        if token.pos_ != "VERB":
            continue
        lemma = token.lemma_.lower()
        if lemma not in _DOWN and lemma not in _UP and lemma != "improve":
            continue
        obj = _object(token, article=False)  # "did churn fall", not "did the churn fall"
        if obj is None:
            continue
        if lemma == "improve":
            return f"How much did {obj} improve, measured how, and over what period?"
        direction = "fall" if lemma in _DOWN else "rise"
        return f"By how much did {obj} {direction}, from what to what, and over what period?"
    return None


def _object(verb: Token, *, article: bool = True) -> str | None:
    """The verb's direct object as a short noun phrase with "the" in front ("an internal
    hub" → "the internal hub"), or None when there is none or it is too long to quote.
    "Designed and launched a program": the object of the second verb serves the first."""
    verbs = [verb, *(child for child in verb.children if child.dep_ == "conj")]
    dobj = next((c for v in verbs for c in v.children if c.dep_ == "dobj"), None)
    if dobj is None or dobj.pos_ not in {"NOUN", "PROPN"}:
        return None
    if any(child.dep_ == "conj" for child in dobj.children):
        return None  # "calls and emails": one of several things; which one to ask about?
    # The noun phrase up to its head: modifiers before it, not the clauses after it.
    span: Span = dobj.doc[dobj.left_edge.i : dobj.i + 1]
    words = [t for t in span if not t.is_punct]
    if not words or len(words) > MAX_OBJECT_WORDS or any(t.like_num for t in words):
        return None
    if words[0].lower_ in {"a", "an", "the", "my", "our", "their", "his", "her"}:
        words = words[1:]
    if not words or any(t.pos_ in {"AUX", "PRON", "CCONJ"} for t in words):
        return None
    phrase = " ".join(t.text for t in words)
    # A name needs no article: "Slack Connect", not "the Slack Connect".
    if not article or all(t.pos_ == "PROPN" for t in words):
        return phrase
    return f"the {phrase}"
