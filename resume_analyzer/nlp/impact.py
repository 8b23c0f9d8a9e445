"""How strongly a bullet states its impact: the checks a hiring manager's eye runs on a line.

Each check either records something the line does well (its leading verb and that verb's
strength, metrics, an outcome, scope) or a `Finding` with a stable code, a message that says
how to fix it, and the character span it is about. Codes, with their messages, are defined in
`resume_analyzer.codes` and explained to applicants in docs/scoring.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Literal

from resume_analyzer.codes import Codes, FindingCode
from resume_analyzer.nlp.metrics import Metric, find_metrics
from resume_analyzer.nlp.verbs import verb_forms
from resume_analyzer.parsing.dates import find_date_range
from resume_analyzer.taxonomy import Lexicons
from resume_analyzer.taxonomy.model import VerbTier

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from resume_analyzer.taxonomy import Taxonomy

Tense = Literal["past", "present"]
MIN_WORDS = 6
MAX_WORDS = 40
_PAST_TAGS = frozenset({"VBD", "VBN"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP", "VBG"})


@dataclass(frozen=True)
class Finding:
    """Something that weakens a line. `span` is (start, end) in the line, or None for all of it."""

    code: str
    message: str
    span: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "message": self.message,
            "span": list(self.span) if self.span else None,
        }

    @classmethod
    def of(
        cls, code: FindingCode, span: tuple[int, int] | None = None, **fields: object
    ) -> Finding:
        """A finding of `code`, its message filled in with `fields`."""
        return cls(code.code, code.format(**fields), span)


@dataclass(frozen=True)
class Impact:
    """What one bullet does and does not show."""

    verb: str | None
    verb_lemma: str | None
    verb_tier: VerbTier | None
    verb_span: tuple[int, int] | None
    tense: Tense | None
    metrics: tuple[Metric, ...]
    outcome: bool
    scope: bool
    words: int
    findings: tuple[Finding, ...] = field(default=())
    # What to ask the applicant when the line lacks a result only they know (nlp/questions.py).
    question: str | None = None

    def codes(self) -> set[str]:
        return {finding.code for finding in self.findings}


def analyze_impact(
    doc: Doc, lexicons: Lexicons, *, past_role: bool | None, nlp: Language | None = None
) -> Impact:
    """Run every per-line check on one achievement bullet.

    `past_role`: True when the bullet's entry has ended, False when it is current, None when
    the dates are unknown (then tense is not checked). `nlp`: the pipeline, to read a line's
    first word again with a subject before it when the tagger did not take it for a verb
    ("Greets guests…", "Installing servers…"); without it such a line has no verb.
    """
    text = doc.text
    words = sum(1 for token in doc if not token.is_punct and not token.is_space)
    findings: list[Finding] = []
    opener = _weak_opener(text, lexicons)
    verb = _leading_verb(doc, lexicons)
    if verb is None and nlp is not None:
        verb = _verb_with_a_subject(doc, lexicons, nlp)
    if opener:
        findings.append(Finding.of(Codes.WEAK_OPENER, opener, opener=text[opener[0] : opener[1]]))
    elif verb is None:
        if _NOMINAL_OPENER.match(text.strip()):
            findings.append(Finding.of(Codes.NO_ACTION_VERB, _first_word_span(doc)))
    elif (
        verb.tier == "weak" and not _weak_verb_excused(doc, verb) and not _in_noun_phrase(doc, verb)
    ):
        findings.append(Finding.of(Codes.WEAK_VERB, verb.span, verb=verb.text))
    findings += _passive(doc, opens_with_verb=verb is not None)
    findings += _pronouns(doc, lexicons)
    if verb and past_role and verb.tense == "present" and not _in_noun_phrase(doc, verb):
        findings.append(Finding.of(Codes.TENSE_MISMATCH, verb.span, verb=verb.text))
    metrics = tuple(find_metrics(doc, lexicons.metric_units))
    outcome = _has_outcome(doc, lexicons, metrics)
    # A number, or a before→after in words ("from days to minutes"), measures the line.
    measured = bool(metrics) or bool(_BEFORE_AFTER.search(text))
    # One finding per problem: a line with no result at all is told to add the result (with
    # its number); "no number" is said only of a result stated without one ("cut churn").
    # A line that sizes its work ("Triaged 20+ tickets", "for 400+ users") is left alone: its
    # result is often there in words no rule reads, and on the feedback audit only 8 of 28
    # such findings were right. Precision before recall.
    if _describes_a_thing(doc) or (verb is not None and _names_a_role(doc, verb)):
        pass  # "The program will go live in July…", "Worked as …": context, not work to size
    elif verb is not None and _keeps_records(doc, verb):
        pass  # "Organized files.": upkeep, whose result no coach would ask for
    elif not outcome and not metrics:
        findings.append(Finding.of(Codes.NO_OUTCOME))
    elif cut := _CUT_OFF.search(text):
        # "…, resulting in a 30": the unit and the rest were lost (LaTeX reads "%" as the
        # start of a comment), so the number is not missing. On audit round 13 the three
        # no_metric findings on lines cut like this were all false.
        findings.append(Finding.of(Codes.CUT_OFF, cut.span(1), word=cut.group(0).strip()))
    elif not measured and not _CHANGED_BY.search(text):
        findings.append(Finding.of(Codes.NO_METRIC))
    findings += _vague_metrics(doc, metrics)
    if words < MIN_WORDS and verb is not None and _short_action(doc, verb):
        # Only a line that reports an action is a short achievement ("Processed invoices"); a
        # short line without a verb, or led by a gerund, is a trait, a skill or a name set
        # among the bullets ("Meeting planning", "Training and instruction"): 7 of the 28
        # too_short findings on held-out audit round 6 were such lines, all false.
        findings.append(Finding.of(Codes.TOO_SHORT, words=words))
    elif words > MAX_WORDS and _reports_work(verb, findings) and not _runs_together(doc):
        findings.append(_too_long(doc, words))
    findings += [
        Finding.of(Codes.PLACEHOLDER, m.span(), word=m.group()) for m in _PLACEHOLDER.finditer(text)
    ]
    findings += [
        Finding.of(Codes.REPEATED_WORD, m.span(), word=m.group(1))
        for m in _REPEATED.finditer(text)
        if not _name_boundary(m)
    ]
    findings += [
        f for f in _phrases(text, lexicons.buzzwords, Codes.BUZZWORD) if _claims(doc, f, measured)
    ]
    findings += [
        f for f in _phrases(text, lexicons.fillers, Codes.FILLER) if _fills(doc, f, measured)
    ]
    return Impact(
        verb=verb.text if verb else None,
        verb_lemma=verb.lemma if verb else None,
        verb_tier=verb.tier if verb else None,
        verb_span=verb.span if verb else None,
        tense=verb.tense if verb else None,
        metrics=metrics,
        outcome=outcome,
        scope=_has_scope(text, lexicons),
        words=words,
        findings=tuple(findings),
    )


# What a percentage may not measure on its own: qualities no one counts. "Improved
# efficiency by 30%" leaves the reader to guess what was timed; "cut handling time 30%" does
# not. Satisfaction and engagement are left out: a survey or an analytics tool counts them.
_UNCOUNTED = frozenset(
    """efficiency productivity performance optimization optimisation effectiveness quality
    collaboration communication morale awareness accessibility visibility alignment
    transparency teamwork synergy capability innovation""".split()
)
# Words that say how it was counted after all ("performance score", "quality audit pass rate").
_COUNTED_BY = frozenset(
    """score scores rate rates index survey surveys rating ratings csat nps kpi time hours
    minutes days seconds latency uptime throughput accuracy errors defects audit""".split()
)


def _vague_metrics(doc: Doc, metrics: tuple[Metric, ...]) -> list[Finding]:
    """A percentage whose quantity is a quality no one counts: "improved efficiency by 30%",
    "a 25% increase in productivity", "96.7% optimization". Read from the parse: the object
    of the verb the figure changes, the noun after "increase in", or the noun it modifies."""
    percents = [m for m in metrics if m.kind == "percent"]
    if not percents or any(t.lower_ in _COUNTED_BY for t in doc):
        return []  # most lines have no percentage: they cost one list, not a scan of the line
    found = []
    for metric in percents:
        span = doc.char_span(metric.start, metric.end, alignment_mode="expand")
        measured = _measured(span.root) if span is not None else None
        if span is None or measured is None or measured.lemma_.lower() not in _UNCOUNTED:
            continue
        # Only a noun near the figure: a long line's first object ("Analyzed platform
        # performance…, identifying fixes that cut costs by 30%") is another clause's.
        if abs(span.root.i - measured.i) <= 6:
            found.append(
                Finding.of(
                    Codes.VAGUE_METRIC,
                    (metric.start, metric.end),
                    metric=metric.text,
                    measure=measured.text,
                )
            )
            break  # one note per line is enough
    return found


def _measured(figure: Token) -> Token | None:
    """The noun a percentage sizes, if the parse says."""
    head = figure.head
    if head.pos_ == "NOUN" and head.i > figure.i:
        # "25% increase in productivity" → productivity; "96.7% optimization" → optimization
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "of"):
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        return head
    verb = head.head if head.dep_ == "prep" else head  # "by 30%" hangs off the verb
    if head.lower_ == "by" and verb.pos_ == "NOUN":
        return verb  # "efficiency by 30%": the tagger took the verb before it for an adjective
    if verb.pos_ != "VERB":
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubj", "nsubjpass"):
            return child
    return None


# Words a whole line does not end on: one that does was cut ("Certified as a.").
_DANGLING = frozenset("a an the of to as for with and or in on at by from".split())


def _short_action(doc: Doc, verb: _Verb) -> bool:
    """A short line that reports one action ("Processed invoices"), not a gerund's skill
    ("Meeting planning"), a trait ("Skilled negotiator", "Certified trainer": a participle
    before a person's noun) or a line cut off mid-phrase ("Certified as a.")."""
    if verb.text.lower().endswith("ing"):
        return False
    words = [t for t in doc if t.is_alpha]
    if words and words[-1].lower_ in _DANGLING:
        return False
    token = _verb_token(doc, verb)
    after = sum(t.is_alpha for t in doc[token.i + 1 :]) if token is not None else 0
    trait = token is not None and token.is_alpha and after == 1  # participle + one word
    last = words[-1]
    return not (trait and last.tag_ == "NN" and _PERSON_NOUN.search(last.lower_))


_PERSON_NOUN = re.compile(r"(?:er|or|ist|ian)$")


_DETERMINERS = frozenset("the a an this these those our their its his her my".split())


def _describes_a_thing(doc: Doc) -> bool:
    """A line about a thing, not the person's work: it opens with a determiner and its
    sentence's subject is not "I" or "we" ("The program will go live in July", "A tutee
    requests tutoring through the grid", "My philosophy may grow…"). On the feedback audit,
    no_metric on lines without an opening verb was right 12 times in 28; these were the
    false ones."""
    first = next((t for t in doc if t.is_alpha), None)
    if first is None or first.lower_ not in _DETERMINERS:
        return False
    root = first.sent.root
    subjects = [c.lower_ for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not any(s in ("i", "we") for s in subjects)


# The work named as a noun where a verb would say who did it: "Implementation of…",
# "Coordination with…", "Installation and configuration of…", "Responsibility for…". Only
# then is a missing verb said: a line without a verb is more often not an achievement at all
# (a project's name and tagline, a profile sentence, a fragment, another language), and on the
# feedback audit no_action_verb was right on 53% of such lines against 96% of these (23).
_NOMINAL_OPENER = re.compile(
    r"^(?:[A-Z][a-z]+(?:tion|sion|ment|ance|ence|ship|ity|ure|al|ism)s?|Responsib\w+|"
    r"Accountab\w+|Liaison|Member|Exposure)\b(?:\s*(?:and|&|/|,)\s*[A-Za-z]+)?\s+"
    r"(?:of|with|for|to|in|on|between|across)\b"
)


# Template text: bracketed slots a template names ("[Job Title]", "[Company Name]",
# "[X%]"), runs of X standing for a number, and lorem ipsum.
_PLACEHOLDER = re.compile(
    r"\[(?:your |insert |add )?(?:job title|title|role|position|company(?: name)?|employer|"
    r"city|state|location|date|dates|month|year|name|metric|number|result|x+%?|n|\$?y|"
    r"action verb[^\]]*|[^\]]*\bhere)\]"
    r"|(?<![\w-])X{3,}(?![\w-])|\blorem ipsum\b",
    re.IGNORECASE,
)


def _name_boundary(match: re.Match[str]) -> bool:
    """A repeat that is no typo: an acronym or a capitalised name that ends one name and
    starts the next ("EOS/NOC NOC is…", "…University of Nebraska Nebraska Medicine…"), or
    the letters of ordinals split from their numbers ("5 th th"). The typos the audit found
    are lower-case ("the the", "in in", "system system")."""
    first, second = match.group(0).split()
    if first.isupper() or (first[:1].isupper() and second[:1].isupper()):
        return True
    return first.lower() in {"st", "nd", "rd", "th"}


# A word typed twice in a row; "had had" and "that that" can be meant, so they are left.
# Not a word that starts a hyphenated one ("in in-house", "on on-call"): that is English.
_REPEATED = re.compile(r"\b(?!(?:had|that)\b)([a-z]+)\s+\1\b(?!-)", re.IGNORECASE)


@dataclass(frozen=True)
class _Verb:
    text: str
    lemma: str
    tier: VerbTier | None
    tense: Tense | None
    span: tuple[int, int]


def _leading_verb(doc: Doc, lexicons: Lexicons) -> _Verb | None:
    """The verb the line opens with, when the tagger or the lexicon recognises one.

    Also past what hides it: adverbs ("Quickly and courteously resolved…"), a hyphenated
    verb ("Fine-tuned", "Co-founded"), and a name or label set before the statement
    ("Product Lead, Acme – Led a team…", "Checkout Project: Managed scope…").
    """
    start = next((t.i for t in doc if t.is_alpha), None)
    if start is None or _names_a_thing(doc, start):
        return None
    start = _after_date_word(doc, start)
    titled = _after_title_case_label(doc, start)
    if titled is not None:
        return _verb_at(doc, titled, lexicons)
    verb = _verb_at(doc, _past_adverbs(doc, start), lexicons)
    if verb is not None:
        return verb
    for token in doc[start : start + 12]:
        spaced_hyphen = token.text == "-" and bool(token.whitespace_) and token.i > 0
        spaced_hyphen = spaced_hyphen and bool(doc[token.i - 1].whitespace_)
        if (token.text in _LABEL_ENDS or spaced_hyphen) and token.i + 1 < len(doc):
            after = next((t.i for t in doc[token.i + 1 :] if t.is_alpha), None)
            return _verb_at(doc, after, lexicons) if after is not None else None
    return None


def _verb_token(doc: Doc, verb: _Verb) -> Token | None:
    """The token the line's verb starts at: what the parse says of it."""
    return next((t for t in doc if t.idx == verb.span[0]), None)


def _in_noun_phrase(doc: Doc, verb: _Verb) -> bool:
    """The parse makes the "verb" the first word of a noun phrase: "Code review and
    troubleshooting support", "Benchmark analysis of GL accounts"."""
    token = _verb_token(doc, verb)
    if token is None or token.dep_ != "compound":
        return False
    if token.text[:1].islower() and token.head.tag_ in ("NN", "NNS"):
        # "work product for Clientele…": a line that starts in lower case continues another,
        # and its first word is a noun's modifier, never a verb to put in the past.
        return True
    if token.i + 2 >= len(doc):
        return False
    # The small model calls real verbs compounds too ("Train personnel in…", "Lead Android
    # development…"): only a lower-case noun joined to more by "and" or "of" makes a phrase.
    noun, joint = doc[token.i + 1], doc[token.i + 2]
    return noun.tag_ == "NN" and noun.text.islower() and joint.lower_ in ("and", "of")


def _after_title_case_label(doc: Doc, start: int) -> int | None:
    """Where a capitalised past verb follows a Title Case label with no mark between them
    ("Pitches and Client Presentations Built 50 target profiles…"): the verb's index. Not
    when the line opens with a past verb itself ("Managed Product Launches…")."""
    opener = verb_forms(doc[start].lower_)
    if opener is not None and opener[1] & _PAST_TAGS:
        return None
    for token in doc[start + 1 : start + 7]:
        if not token.is_alpha:
            return None
        forms = verb_forms(token.lower_)
        if token.text[:1].isupper() and forms is not None and forms[1] & _PAST_TAGS:
            label = [t for t in doc[start : token.i] if t.lower_ not in ("and", "of")]
            return token.i if len(label) >= 2 and all(t.is_title for t in label) else None
        if not (token.is_title or token.lower_ in ("and", "of")):
            return None
    return None


def _after_date_word(doc: Doc, start: int) -> int:
    """Past the end of a date range left at the line's start ("Present Led the team…", from
    "2021 – Present"): the verb is the next word when that is a past form or a gerund."""
    if doc[start].text not in ("Present", "Current", "Now") or start + 1 >= len(doc):
        return start
    forms = verb_forms(doc[start + 1].lower_)
    return start + 1 if forms is not None and forms[1] & (_PAST_TAGS | {"VBG"}) else start


def _verb_with_a_subject(doc: Doc, lexicons: Lexicons, nlp: Language) -> _Verb | None:
    """The first word as a verb when, with "I" or "He" put before the line, the tagger reads it
    as the verb of the sentence both times, and the dictionary knows it as a verb form.

    A bullet has no subject, and the small model takes "Greets", "Cook" or "Installing" at its
    start for a noun; a subject puts the word where only a verb fits. Both subjects must
    agree, and the dictionary must know the word: "I product roadmap…" alone would pass.
    """
    first = next((t for t in doc if t.is_alpha), None)
    if first is None or first.i > 2 or verb_forms(first.lower_) is None:
        return None
    if _names_a_thing(doc, first.i):
        return None
    rest = doc.text[first.idx :]
    rest = rest[:1].lower() + rest[1:]
    for subject in ("I", "He"):
        token = nlp(f"{subject} {rest}")[1]
        if token.pos_ != "VERB" or token.dep_ != "ROOT":
            return None
    lemma = _verb_lemma(first)
    span = (first.idx, first.idx + len(first))
    # No tense: "Greets guests" in an ended role is a job description's idiom more than a
    # slip, and a tense finding on a line the tagger first misread is too unsure to show.
    return _Verb(first.text, lemma, lexicons.verb_tier(lemma), None, span)


def _weak_verb_excused(doc: Doc, verb: _Verb) -> bool:
    """A weak verb that is not what the line says the person did, or an idiom coaches accept.

    On the held-out feedback audit the false and pedantic weak-verb findings were these: a
    gerund describing a noun ("Joining and exit formalities: induction, …"), a gerund
    clause before the line's real verb ("Utilizing the decision support system, performed
    financial analysis…") and "served as" a named role ("Served as the lead buyer for 16
    plants"), which says what the person was, and is how resumes name a role held; and
    "made" a decision, which is deciding (round 7).
    """
    token = _verb_token(doc, verb)
    if token is None:
        return False
    gerund = token.lower_.endswith("ing")
    if gerund and token.dep_ in {"amod", "compound", "nmod"} and token.head.i > token.i:
        return True
    if token.tag_ == "VBG" and token.dep_ == "advcl" and token.head.i > token.i:
        return token.head.pos_ == "VERB"
    if verb.lemma == "make" and any(
        child.dep_ == "dobj" and child.lemma_.lower() in _DECISIONS for child in token.children
    ):
        return True  # "Made the call to sunset the free tier": the person decided
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is None:
        return False
    if verb.lemma == "be" and following.lemma_.lower() in _HONOURS:
        return True  # "Was awarded…", "Was promoted…": an honour is said in the passive
    if verb.lemma == "work":
        return _names_a_role(doc, verb)
    return verb.lemma == "serve" and following.lower_ == "as"


_RECORD_KEEPING = frozenset("maintain organize organise file update enter record direct".split())
_RECORDS = frozenset(
    "file record chart call log folder paperwork document database roster binder".split()
)


def _keeps_records(doc: Doc, verb: _Verb) -> bool:
    """Upkeep of records ("Organized files", "Established and maintained personnel files",
    "Directed calls to the right department"): asking what came of it is pedantic."""
    token = _verb_token(doc, verb)
    if token is None:
        return False
    verbs = [token, *(t for t in token.conjuncts if t.pos_ == "VERB")]
    if not any(v.lemma_.lower() in _RECORD_KEEPING for v in verbs):
        return False
    objects = [c for v in verbs for c in v.children if c.dep_ == "dobj"]
    if token.dep_ == "amod" and token.head.i > token.i:
        objects.append(token.head)  # the small model reads "Directed calls" as adjective + noun
    objects += [c for o in objects for c in o.conjuncts]
    return bool(objects) and all(o.lemma_.lower() in _RECORDS for o in objects)


def _names_a_role(doc: Doc, verb: _Verb) -> bool:
    """ "Worked as Graduate Research Assistant at…", "Worked for the AI Team INCITE": the role
    held and where, like "served as", which the lines after it fill with what was done."""
    token = _verb_token(doc, verb)
    if token is None or verb.lemma != "work" or token.i + 1 >= len(doc):
        return False
    if doc[token.i + 1].lower_ not in ("as", "for"):
        return False
    return any(t.text[:1].isupper() for t in doc[token.i + 2 : token.i + 5])


# What "made" a person's own act: a decision is decided, a case argued.
_DECISIONS = frozenset("decision call recommendation case pitch choice".split())


def _names_a_thing(doc: Doc, start: int) -> bool:
    """A first word that is a noun however the tagger reads it: "Head of Sales", "Roll out
    of the new CRM", "Work Location: Pune", "Work experience in retail"."""
    first = doc[start]
    rest = [t.lower_ for t in doc[start + 1 : start + 3]]
    if first.lower_.endswith("ed"):
        return False  # "Consisted of", "Took care of" aside, a past form is a verb
    if rest[:1] == ["of"] or rest[:2] in (["out", "of"], ["up", "of"]):
        return True
    if first.lower_ in {"lead", "head"} and _title_follows(doc, start + 1):
        return True  # "Lead Mentor, Code Academy", "Head Talent Acquisition Group": a title
    return (
        first.lower_ == "work"
        and bool(rest)
        and (
            rest[0] in {"experience", "location", "history", "profile", "permit", "authorization"}
            or doc[start + 1].text[:1].isupper()
        )
    )


# Narrower than parsing.entries.ROLE on purpose: after "Lead", "Partner", "Owner" or
# "Builder" is more often the verb's object ("Lead Partner onboarding…") than a title.
_TITLE_NOUNS = frozenset(
    """engineer mentor manager developer designer analyst consultant specialist architect
    coordinator officer director scientist teacher instructor trainer recruiter counsel
    group team department""".split()
)


def _title_follows(doc: Doc, start: int) -> bool:
    """A run of capitalised words after the first that ends a job title ("Lead Lync
    Application Engineer"); "Lead Android development" is a verb and its object."""
    for token in doc[start : start + 5]:
        if not token.text[:1].isupper():
            return False
        if token.lower_ in _TITLE_NOUNS:
            return True
    return False


# What ends a name or label set before a line's statement.
_LABEL_ENDS = frozenset({":", "–", "—", "|"})


def _perfect_participle(doc: Doc, i: int) -> Token | None:
    """The participle after a leading "Have"/"Has" ("Have created", "Has led"), if any."""
    if doc[i].lower_ not in {"have", "has"} or i + 1 >= len(doc):
        return None
    after = doc[_past_adverbs(doc, i + 1)] if doc[i + 1].pos_ == "ADV" else doc[i + 1]
    forms = verb_forms(after.lower_)
    # The dictionary lists some participles only as past forms ("created"): either will do.
    return after if forms is not None and forms[1] & _PAST_TAGS else None


def _past_adverbs(doc: Doc, i: int) -> int:
    """The first word after leading "-ly" adverbs and the "and" or comma between them."""
    j = i
    while j < len(doc) and (
        (doc[j].pos_ == "ADV" and doc[j].lower_.endswith("ly")) or doc[j].lower_ in {"and", ","}
    ):
        j += 1
    return j if j < len(doc) and j > i and doc[j].is_alpha else i


def _verb_at(doc: Doc, i: int, lexicons: Lexicons) -> _Verb | None:
    token = doc[i]
    perfect = _perfect_participle(doc, i)
    if perfect is not None:
        # "Have created and formed…": the participle is what was done; the tense is the
        # writer's choice of aspect, not a slip, so it is not checked.
        lemma = _verb_lemma(perfect)
        span = (token.idx, perfect.idx + len(perfect))
        return _Verb(doc.text[span[0] : span[1]], lemma, lexicons.verb_tier(lemma), None, span)
    # "Fine-tuned", "Co-founded": the verb is the part after the hyphen.
    end = token
    joined = i + 2 < len(doc) and not token.whitespace_ and not doc[i + 1].whitespace_
    if joined and doc[i + 1].text == "-" and doc[i + 2].is_alpha:
        token = end = doc[i + 2]
    span = (doc[i].idx, end.idx + len(end))
    text = doc.text[span[0] : span[1]]
    lemma = _verb_lemma(token)
    tier = lexicons.verb_tier(lemma)
    if tier is None and token.pos_ != "VERB" and _looks_past_tense(token.lower_, lemma):
        # "Mentored 3 engineers", "Sat with…": a past-tense word the tagger took for a noun and
        # the lexicon does not list is still the line's verb.
        return _Verb(text, lemma, None, "past", span)
    # An unknown "-ing" word is more often a noun the tagger mislabels ("Marketing campaigns
    # for…") than a verb; a known one ("Leading a team…") is a verb.
    if tier is None and (token.pos_ != "VERB" or token.tag_ == "VBG"):
        return None
    return _Verb(text, lemma, tier, _tense(token, lemma), span)


def _looks_past_tense(word: str, lemma: str) -> bool:
    forms = verb_forms(word)
    if forms and forms[1]:
        return forms[1] <= _PAST_TAGS  # "sat", "led", "ran": only ever past forms
    return word.endswith("ed") and lemma != word and len(lemma) >= 3


def _verb_lemma(token: Token) -> str:
    """The verb lemma of a line's first word, even when the tagger got it wrong.

    Resume bullets are fragments ("Sat with…", "Ran 12 tests…"), and the small model often
    tags their first word as a proper noun or a base-form verb; the verb-forms table
    (lemminflect's, see verbs.py) is asked what the word is as a verb.
    """
    forms = verb_forms(token.lower_)
    if forms:
        return forms[0]
    if token.pos_ in {"VERB", "AUX"}:
        return token.lemma_.lower()
    return token.lower_


def _tense(token: Token, lemma: str) -> Tense | None:
    """Past or present from the word itself; None when it can be either ("cut", "put")."""
    if token.lower_.endswith("ing"):
        # "Leading a team of 5…" is a style, not a tense: it fits an ended role as well as a
        # current one, so it is never called a mismatch.
        return None
    forms = verb_forms(token.lower_)
    if forms and forms[1]:
        tags = forms[1]
        if tags <= _PAST_TAGS:
            return "past"
        if tags <= _PRESENT_TAGS | {"VB"}:
            return "present"
        return None
    if token.tag_ in _PAST_TAGS:
        return "past"
    if token.tag_ in _PRESENT_TAGS or token.tag_ == "VB":
        return "present"
    return None


def _weak_opener(text: str, lexicons: Lexicons) -> tuple[int, int] | None:
    stripped = len(text) - len(text.lstrip(" -–—•*·"))
    for opener in sorted(lexicons.weak_openers, key=len, reverse=True):
        if _starts_with_phrase(text[stripped:], opener):
            return stripped, stripped + len(opener)
    return None


def _starts_with_phrase(text: str, phrase: str) -> bool:
    return bool(phrase_pattern(phrase).match(text))


# Verbs of being chosen or honoured: "was promoted", "was awarded", "was selected" are how
# such news is said, and a coach would not ask for them in the active voice.
# Also what became of the work: "This work was published in Nature", "was highlighted in
# the Wall Street Journal", "was ranked first in the region", "were adopted company-wide".
# Recognition is said in the passive, and rightly.
_HONOURS = frozenset(
    """promote award recognize recognise select nominate elect invite name honor honour
    grant admit accept choose offer appoint hire shortlist feature cite commend publish
    highlight showcase spotlight rank adopt""".split()
)


def _a_prize(participle: Token) -> bool:
    """ "This award was presented for…", "the scholarship was given to…": a prize's passive
    names the honour; whoever handed it over is no part of the applicant's work."""
    subject = _passive_subject(participle)
    return subject is not None and subject.lemma_.lower() in _PRIZES


_PRIZES = frozenset("award prize honor honour scholarship fellowship medal trophy".split())


def _passive(doc: Doc, *, opens_with_verb: bool) -> list[Finding]:
    found = []
    for token in doc:
        # The small model labels odd tokens auxpass in long fragments; a passive needs a form
        # of "be"/"get" right before its participle.
        if token.dep_ == "auxpass" and token.lemma_.lower() in {"be", "get"}:
            head = token.head
            if head.tag_ != "VBN" or not 0 < head.i - token.i <= 3:
                continue
            if not _main_clause(head) or (opens_with_verb and token.i > 0):
                continue  # "Trained staff to ensure standards are met": the person's verb is active
            if head.lemma_.lower() in _HONOURS or _a_prize(head):
                continue  # "Was promoted to team lead": an honour is said in the passive
            if _done_to_people(head) or _ensured(doc, token) or _set_phrase(head):
                continue
            if _verdict(head) or _history(head) or _put_to_use(head):
                continue
            if head.lemma_.lower() in _STATES:
                continue  # "Operations were located in…", "pay was based on…": a state
            if token.i == 0 or _after_active_label(doc, token):
                continue  # "Was OCN certified…"; "Fraud model (Mint): Built…, which was cited"
            if token.tag_ != "VBD":
                # "This application is used to…", "The firm is headquartered in…", "has been
                # developed for…": a present or perfect passive describes a thing, not work
                # the person hid behind it; on the feedback audit 8 of 11 such findings were
                # false or pedantic, against the past "The pricing page was redesigned…".
                continue
            start, end = sorted((token.idx, head.idx))
            end = max(token.idx + len(token), head.idx + len(head))
            found.append(Finding.of(Codes.PASSIVE_VOICE, (start, end), phrase=doc.text[start:end]))
    return found


def _done_to_people(participle: Token) -> bool:
    """A passive whose subject is a person, or that names who acted: "I was asked to join the
    loan committee", "Was trained in de-escalation", "my team was asked to build…", "They
    weren't allowed…", "were motivated by personal goals". Nothing of the applicant's work is
    hidden: on audit round 14, 15 of 21 such passive_voice findings were pedantic or false,
    against the thing-subject "A new set of applications was designed…" coaches called true."""
    if any(child.dep_ == "agent" for child in participle.children):
        return True
    verb = participle
    subject = _passive_subject(verb)
    while subject is None and verb.dep_ == "conj":  # "I served two years and was transferred"
        verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        # No subject at all: the line's own ("Was asked to join…"), so the person's.
        return verb.i <= 1 or verb.dep_ == "ROOT"
    if any(c.dep_ == subject.dep_ and c.lower_ in _PERSONAL for c in verb.children):
        return True  # any of its subjects: "A provider…, a firm bought in 2012, I was brought in"
    return any(child.lower_ in {"my", "our"} for child in subject.children) and (
        subject.lower_ in _PEOPLE
    )


def _verdict(participle: Token) -> bool:
    """ "…all of the defendants were found guilty": a verdict, what the person's work led to,
    said in the passive as it always is."""
    return participle.lemma_.lower() == "find" and any(
        c.dep_ in {"oprd", "acomp"} and c.pos_ == "ADJ" for c in participle.children
    )


def _history(participle: Token) -> bool:
    """ "The bank was started in 1993", "a firm acquired in 2012": a dated fact of a
    company's history, not the applicant's work hidden behind a passive."""
    return participle.lemma_.lower() in _ORIGINS and any(
        _YEAR.fullmatch(t.text) for t in participle.subtree
    )


def _put_to_use(participle: Token) -> bool:
    """ "This information was later used for a research paper": the person's earlier work (named
    by "this"/"these") put to use by others, what became of it, as against "Spreadsheets were
    used to track payments", where the person's own use is hidden."""
    subject = _passive_subject(participle)
    return (
        participle.lemma_.lower() == "use"
        and subject is not None
        and any(c.lower_ in {"this", "these", "that", "those"} for c in subject.children)
    )


# Participles that say how a thing stands, not what someone did to it.
_STATES = frozenset("base locate situate headquarter comprise compose".split())
_ORIGINS = frozenset("found establish start incorporate form acquire buy merge".split())
_YEAR = re.compile(r"(?:19|20)\d\d")


def _passive_subject(participle: Token) -> Token | None:
    return next((c for c in participle.children if c.dep_ == "nsubjpass"), None)


_PERSONAL = frozenset("i we they he she you".split())
_PEOPLE = frozenset("team group staff unit department class crew".split())


def _after_active_label(doc: Doc, auxiliary: Token) -> bool:
    """Whether the passive follows a label whose text opens with the person's verb ("Early
    warning system (Mint): Built and deployed a model… that was highlighted…"): the line's
    action is active; the passive only adds what became of the work."""
    colons = [t.i for t in doc[: auxiliary.i] if t.text == ":"]
    if not colons or colons[-1] + 1 >= auxiliary.i:
        return False
    after = doc[colons[-1] + 1]
    return after.tag_ in _PAST_TAGS or bool(verb_forms(after.lower_))


def _ensured(doc: Doc, auxiliary: Token) -> bool:
    """ "…to ensure shipments were executed on time": the passive is what the person made
    sure of, in a clause the small model often parses as the main one."""
    return any(t.lemma_.lower() in {"ensure", "assure", "insure"} for t in doc[: auxiliary.i])


def _set_phrase(participle: Token) -> bool:
    """ "duties included but were not limited to…": a formula, not a hidden actor."""
    return participle.lower_ == "limited" and any(c.dep_ == "neg" for c in participle.children)


def _main_clause(verb: Token) -> bool:
    """Whether a verb is the line's main verb, or one coordinated with it ("Led X and was
    promoted"), rather than the verb of a clause inside it (purpose, relative, complement)."""
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def _pronouns(doc: Doc, lexicons: Lexicons) -> list[Finding]:
    found = []
    first = next((t.i for t in doc if t.is_alpha), None)
    for token in doc:
        word = token.lower_
        if word not in lexicons.pronouns:
            continue
        if word not in {"i", "we"} and token.i != first:
            # "our network", "at my school", "for myself" inside a line: on the feedback
            # audit coaches called 9 of 10 such notes pedantic or wrong. A subject ("I
            # maintained…") or a line that opens with one ("My key contribution…") stays.
            continue
        if word != "i" and token.text.isupper() and len(token.text) > 1:
            continue  # "US market", "OUR" in a heading
        if word == "i" and (token.text != "I" or token.pos_ != "PRON" or _numeral_i(token)):
            continue  # "Phase I", "World War I", "i.e."
        if word == "i" and _names_before_noun(token):
            continue  # "LAN, I series and noble ids": a product's name, not the person
        span = (token.idx, token.idx + len(token))
        found.append(Finding.of(Codes.FIRST_PERSON, span, word=token.text))
    return found


def _names_before_noun(token: Token) -> bool:
    """ "I" followed by a word that can be no verb, adverb or conjunction ("I series"): part
    of a name. The pronoun is followed by what the person did ("I led", "I also ran")."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if after is None or not after.is_alpha or after.pos_ in ("VERB", "AUX", "ADV", "CCONJ"):
        return False
    return verb_forms(after.lower_) is None and not after.lower_.endswith("ly")


def _numeral_i(token: Token) -> bool:
    """ "I" after a capitalised word ("Phase I", "Tier I"), or after a word that numbers
    things ("level I agents"), is a Roman numeral."""
    if token.i == 0:
        return False
    before = token.doc[token.i - 1]
    if before.lower_ in _NUMBERED:
        return True
    return before.is_alpha and before.is_title and before.i > 0


# Words a Roman numeral follows: "level I support", "tier I", "grade I".
_NUMBERED = frozenset("level tier phase grade class type stage part step round year".split())


def _has_outcome(doc: Doc, lexicons: Lexicons, metrics: tuple[Metric, ...]) -> bool:
    """Whether the line states what came of the work.

    An outcome word; a verb of change in any of its forms, not as an aim ("…, improving
    retention", "cutting costs"; not "to improve performance"); a multiple or a rank ("3.2×",
    "Top 5 of 60"); or a change from one state to another ("from two weeks to three days").
    """
    text = doc.text
    if any(phrase_pattern(word).search(text) for word in lexicons.outcome_words):
        return True
    if any(_states_a_change(token) for token in doc):
        return True
    if any(_reports_a_result(token) for token in doc):
        return True
    if any(metric.kind in {"multiplier", "rank"} for metric in metrics):
        return True
    if _BEFORE_AFTER.search(text):
        return True
    # "by 30%", "from 2 to 5 days" state a change even without an outcome word.
    return bool(metrics) and bool(re.search(r"\b(?:by|from|to)\s+[$€£]?\d", text, re.I))


# A line that stops on a bare number after "a" or "an" ("…, leading to a 25"): what the number
# counted was lost. After "by" the line may be whole ("Grew the team by 15"), so that is no
# cut-off, but the number does measure the change ("improving team velocity by 15").
_CUT_OFF = re.compile(r"\b(?:a|an)\s+(\d[\d.,]*)\s*$", re.IGNORECASE)
_CHANGED_BY = re.compile(r"\bby\s+\d[\d.,]*\s*$", re.IGNORECASE)
# "from 2 weeks to 3 days", "from days to minutes", "from a few terabytes to hundreds".
_BEFORE_AFTER = re.compile(
    r"\bfrom\s+(?:[$€£~]?\d[\d.,]*\S*|a few|several|\w+s)\b[^,;.]{0,30}?\bto\s+"
    r"(?:[$€£~<]?\d|a few|several|under|less than|hundreds|thousands|millions|"
    r"(?:seconds|minutes|hours|days|weeks|months)\b)",
    re.IGNORECASE,
)


# Verbs that say a quantity moved, in any form: "…, improving retention", "cutting costs".
# Not "drive", "deliver" or "generate": those name the work as often as its result.
_CHANGE_VERBS = frozenset(
    """improve increase reduce cut grow boost lift lower raise decrease double triple
    quadruple halve eliminate accelerate shorten save expand exceed surpass outperform
    minimize maximize minimise maximise shrink slash speed enhance strengthen prevent""".split()
)
# Verbs that report a result when they follow the line's own verb ("Led launch readiness,
# shipping both to customers"; "drove a pivot, reshaping the core UX"; "turning model outputs
# into decisions"; "an interface that allowed staff faster access"), but name the work itself
# when they open it ("Launched a program").
_RESULT_AFTER = frozenset("ship launch reshape turn translate unblock enable allow".split())


def _states_a_change(token: Token) -> bool:
    """A change verb used as a verb, and not as an aim ("to improve performance")."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in _CHANGE_VERBS:
        return False
    before = token.doc[token.i - 1] if token.i > 0 else None
    return not (token.tag_ == "VB" and before is not None and before.lower_ == "to")


def _reports_a_result(token: Token) -> bool:
    """A result verb in a clause after the line's own verb: "…, shipping both to customers",
    "…, turning outputs into decisions"; not an aim ("to ship faster")."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in _RESULT_AFTER:
        return False
    if token.lemma_.lower() in {"turn", "translate"}:
        if not any(t.lower_ == "into" for t in token.subtree):
            return False  # "turned to", "translated documents": no change of state
    elif token.dep_ in {"conj", "ROOT"}:
        return False  # "Designed and launched a program": the work itself, not its result
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.lower_ == "to":
        return False  # an aim: "to ship faster"
    # "Turned the backlog into a ritual" opens with its result; "Launched a program" opens
    # with the work.
    opens = not any(t.is_alpha for t in token.doc[: token.i])
    return not opens or token.lemma_.lower() in {"turn", "translate"}


def _has_scope(text: str, lexicons: Lexicons) -> bool:
    return any(phrase_pattern(word).search(text) for word in lexicons.scope_words)


def _phrases(text: str, phrases: tuple[str, ...], code: FindingCode) -> list[Finding]:
    found = [
        Finding.of(code, (match.start(), match.end()), word=match.group())
        for phrase in phrases
        for match in phrase_pattern(phrase).finditer(text)
    ]
    return sorted(found, key=lambda f: f.span or (0, 0))


# Buzzwords that call a person something ("an Excel wizard", "a growth ninja"); the same word
# naming a thing is a name ("the wizard membership program", "setup wizard and orders").
_SELF_TITLES = frozenset("wizard guru ninja rockstar unicorn".split())


def _claims(doc: Doc, finding: Finding, measured: bool = False) -> bool:
    """False for a self-title buzzword the parse shows modifying a noun or listed among
    things (on the feedback audit both "wizard" findings were a product's name), for
    "proactive" describing an activity rather than the person ("proactive management of
    inventory": 4 of 4 pedantic on audit round 14), and for "team player" counted as one
    ("one All-Rookie team player" is a sports roster).

    In a line that measures its result, praise of the work ("an innovative 8-week program
    which increased placement by 20%", "a highly motivated staff with turnover under 10%")
    is a style point: the number carries the claim, and on the audit 3 of 4 such notes were
    pedantic. Praise of the person ("a results-driven self-starter") is said wherever it is."""
    span = doc.char_span(*finding.span) if finding.span else None
    if span is None:
        return True
    if _in_a_name(doc, span):
        return False
    word = span.text.lower()
    if measured and span.root.dep_ in {"amod", "compound", "advmod"}:
        noun = span.root.head
        if noun.lower_ not in _PERSON_NOUNS and noun.lower_ not in _SELF_TITLES:
            return False
    if word == "proactive" and len(span) == 1:
        head = span[0].head
        return not (span[0].dep_ == "amod" and head.lower_ not in _PERSON_NOUNS)
    if word == "team player" and span.start > 0:
        return not any(
            t.like_num or t.pos_ == "NUM" for t in doc[max(0, span.start - 3) : span.start]
        )
    if len(span) != 1 or word not in _SELF_TITLES:
        return True
    return span[0].dep_ not in {"compound", "amod", "conj", "nmod"}


_QUOTES = frozenset("\"'“”‘’«»")


def _in_a_name(doc: Doc, span: Span) -> bool:
    """A buzzword that is part of a name claims nothing of the person: capitalised among
    capitalised words ("Small Business Innovative Research grants") or quoted ("the
    “SYNERGY” award"). Held-out audit round 17: both such findings were false. Not in a line
    set in capitals, where every word is."""
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and after is not None and {before.text, after.text} <= _QUOTES:
        return True
    if not span[0].text[:1].isupper() or span.start == 0:
        return False
    words = [t for t in doc if t.is_alpha]
    if sum(t.text.isupper() for t in words) > len(words) / 2:
        return False
    people = _PERSON_NOUNS | _SELF_TITLES  # "a Results-Driven Professional" is praise
    return any(
        t is not None
        and t.is_alpha
        and t.text[:1].isupper()
        and not t.is_sent_start
        and t.lower_ not in people
        for t in (before, after)
    )


# Nouns "proactive" may praise: the applicant described as a kind of person.
_PERSON_NOUNS = frozenset(
    """professional person individual leader manager self-starter starter worker employee
    candidate player""".split()
)


def _fills(doc: Doc, finding: Finding, measured: bool = False) -> bool:
    """False for a filler word that carries meaning here: "just" between "have" and a
    participle means "recently" ("they have just renewed the contract"), and an adverb in
    "-ly" that does not lead into a verb says how, which is the point ("resources are used
    effectively", "efficiently staffed" aside, "Successfully launched" is the filler).

    An adverb of size ("significantly", "greatly") is never the note: where the line
    measures its result the number carries the claim, and where it does not, the adverb is
    the line asking for its number, which no_metric says (on audit round 14, 4 of 6 such
    notes were pedantic, for that reason). In a measured line an adverb of manner past the
    opening word ("…and successfully launched it, a 25% lift") is left alone too; the
    opening "Successfully …" (of the line or of a sentence in it) is still the filler: it
    spends the first word. "just" before a number ("in just 2 years") or after "not" says
    how little or how much, and "actively listening", "just in time" and "highly classified"
    are names of a skill, a method and a grade."""
    span = doc.char_span(*finding.span) if finding.span else None
    if span is None:
        return True
    word = span.text.lower()
    opens = span.start == 0 or doc[span.start - 1].text in {".", ";", "!", "?"}
    if word in _SIZE_ADVERBS or (measured and word in _MANNER_ADVERBS and not opens):
        return False
    following = doc[span.end] if span.end < len(doc) else None
    if word == "actively" and following is not None and following.lemma_ == "listen":
        return False
    if word == "highly" and following is not None and following.lower_ in _CLASSIFIED:
        return False  # "highly classified materials": a security grade, not an intensifier
    if word in _MANNER_ADVERBS and _in_purpose(span[0]):
        return False
    if word == "just":
        return _just_fills(doc, span)
    if word.endswith("ly") and len(span) == 1:
        return following is not None and following.pos_ in {"VERB", "AUX"}
    return True


def _just_fills(doc: Doc, span: Span) -> bool:
    """ "Just shipped…" is filler; "just in time" (a method), "just like" (a comparison),
    "just 2 years", "not just" and "have just renewed" (recently) are not."""
    following = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start > 0 else None
    if doc[span.end : span.end + 2].text.lower() == "in time":
        return False
    if following is not None and (
        following.lower_ in {"like", "as"} or following.like_num or following.is_digit
    ):
        return False
    if before is not None and before.lower_ == "not":
        return False
    if before is None or following is None:
        return True
    return not (before.lemma_ == "have" and following.tag_ in {"VBN", "VBD"})


def _in_purpose(adverb: Token) -> bool:
    """ "…to effectively move quality data closer to the source": the adverb says how the aim
    was meant, not what was claimed done. On the audit, manner adverbs in a "to" clause were
    true notes in 8 of 16 findings, too few to show one."""
    verb = adverb.head
    return verb.pos_ in {"VERB", "AUX"} and any(c.tag_ == "TO" for c in verb.children)


_CLASSIFIED = frozenset("classified confidential sensitive".split())
_SIZE_ADVERBS = frozenset("significantly substantially considerably greatly dramatically".split())
# Not "really", "highly", "truly": those intensify, wherever they stand.
_MANNER_ADVERBS = frozenset("successfully effectively efficiently".split())
# Verb tags of a capitalised word set inside a line ("…for blog posts Serve as the main point").
_VERB_TAGS = _PAST_TAGS | _PRESENT_TAGS | {"VB"}


def _runs_together(doc: Doc) -> bool:
    """Whether the line looks like several duties run together without punctuation: a
    capitalised verb straight after a word, not after "and", "or" or "to" ("…global campaign
    initiatives Serve as the main point of contact…", "…the President of Sales and CEO
    Represented the company…"). Such a line is long because the reader could not split it,
    and telling the applicant to shorten it is wrong: on the feedback audit 10 of the 18 false
    too_long findings were lines like this, against 5 of 70 true ones. So is a line whose
    sentences are glued with no space after the stop ("…at station remotes.Wrote and
    produced…") or split by asterisks: 5 of audit round 15's 11 false too_long findings, and 1
    true one in all rounds. And so is a line that opens with an entry's dates."""
    if _GLUED.search(doc.text) or _header_glued(doc.text) or _QUOTE_OR_TEMPLATE.match(doc.text):
        return True
    for token in doc[1:]:
        text = token.text
        if len(text) < 2 or not (text[0].isupper() and text[1:].islower()):
            continue
        before = doc[token.i - 1]
        if not (before.is_alpha or before.text in ")]") or before.lower_ in _JOINING:
            continue
        # "…and 170 FTE Served as the finance lead…": the line's own opening word again.
        if token.tag_ in _VERB_TAGS or token.pos_ == "VERB" or _opens_again(doc, token):
            return True
    return _verbless_pieces(doc)


def _reports_work(verb: _Verb | None, findings: list[Finding]) -> bool:
    """Whether a line reads as the person's own work: it opens with a verb, "Responsible for"
    or "I". Only such a line is told to be shorter. A long line that opens with a noun
    ("Talent Management: …", "The Client Portal is designed…", "Clean-room Technique
    Training …") is a description, a list or labels run together, and shortening is not what
    it needs: on the feedback audit 14 of 41 too_long findings on such lines were false,
    against 16 of 130 on lines that report work."""
    if verb is not None:
        return True
    return any(f.code in (Codes.WEAK_OPENER.code, Codes.FIRST_PERSON.code) for f in findings)


def _too_long(doc: Doc, words: int) -> Finding:
    """too_long, told as what to do: a paragraph of several sentences is split into bullets,
    not cut down to one."""
    # Counted at full stops before a capital, not by the parser's sentences: it also splits
    # at a colon or a long list ("Achievements: Within 2 weeks…").
    pieces = _SENTENCE_END.split(doc.text)
    sentences = sum(len(piece.split()) >= 5 for piece in pieces)
    if sentences < 2:
        return Finding.of(Codes.TOO_LONG, words=words)
    message = Codes.TOO_LONG.format("sentences", words=words, sentences=sentences)
    return Finding(Codes.TOO_LONG.code, message, None)


_SENTENCE_END = re.compile(r"(?<=[a-z0-9%)][.!?])\s+(?=[A-Z])")


def _opens_again(doc: Doc, token: Token) -> bool:
    """The line's opening verb again, where the tagger took the second one for a name."""
    first = doc[0]
    return token.text == first.text and (first.tag_ in _VERB_TAGS or first.pos_ == "VERB")


def _verbless_pieces(doc: Doc) -> bool:
    """Sentences most of which have no verb ("Pole Line and Bridge Design. Quality Control.
    Site Acquisition."): a list of duties or topics set as sentences, not one statement."""
    pieces = [sent for sent in doc.sents if sum(not t.is_punct for t in sent) >= 2]
    if len(pieces) < 3:
        return False
    verbless = sum(not any(t.pos_ in {"VERB", "AUX"} for t in sent) for sent in pieces)
    return verbless * 2 > len(pieces)


def _header_glued(text: str) -> bool:
    """An entry's dates at the head of the line ("ACCOUNT EXECUTIVE 09/2005 to 08/2008 Company
    Name … Yellowbook is…", "Sep 2010 - Feb 2011 Description: This software…"): the reader
    ran the entry's header and description into one line, which no applicant wrote. On the
    audit these were 3 of too_long's 26 false findings, and no true one."""
    found = find_date_range(text)
    if found is None or found.start is None or found.span[0] >= _HEAD_CHARS:
        return False
    # What comes before the dates is a title, capitalised word by word, not a sentence
    # ("Grew revenue in 4 territories from 2005 to 2008" is the applicant's own).
    before = re.findall(r"[^\W\d_][\w'’-]*", text[: found.span[0]])
    return all(w[0].isupper() or w.lower() in _TITLE_JOINS for w in before)


_TITLE_JOINS = frozenset("of and for the in at to".split())


# How far into a line an entry's header can reach before its dates ("Associate Director
# Business Development 12/2012 to Current").
_HEAD_CHARS = 60
_JOINING = frozenset({"and", "or", "to", "&", "then"})
# Run-together signs: a stop with no space after it, asterisks, a bullet glyph inside the line
# ("…basics ·Build lasting…"), and a bullet glyph read in the wrong encoding ("â—¦", "â€¢").
_GLUED = re.compile(r"[a-z)]\.[A-Z][a-z]|\s\*\s|\*[A-Z]|\s[•·◦▪●]\s?[A-Z]|\s•\s|â€¢|â—¦")
# A testimonial quoted in the line ("“Everything she touches…”"), or a template's placeholder
# header run into it ("Company Name City , State Finance Director…").
_QUOTE_OR_TEMPLATE = re.compile(r"[\"“]|Company Name\b")


def _first_word_span(doc: Doc) -> tuple[int, int] | None:
    token = next((t for t in doc if not t.is_punct and not t.is_space), None)
    return (token.idx, token.idx + len(token)) if token else None


@cache
def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A phrase as a whole word or words, case-insensitively ("led" never matches "misled")."""
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", re.IGNORECASE)


def warm_up(nlp: Language, taxonomy: Taxonomy) -> None:
    """Run the checks once on an invented line: the verb table loads on first use."""
    analyze_impact(
        nlp("Led 12 customer interviews that cut churn by 5%"), taxonomy.lexicons, past_role=True
    )
