"""Find the taxonomy's skills and evidence phrases in lines of a resume.

Three matchers, built once per taxonomy:
- names and synonyms, case-insensitively on the words as written and again on their lemmas,
  so "user interviews" also finds "interviewed users" written as "user interview";
- abbreviations with their case exactly ("PRD", "SQL": "sql" in running text is rare, and a
  lower-case "prd" is more often something else);
- the taxonomy's own spaCy token patterns.

Ambiguous names ("R", "Go", "Excel", "Swift") match with their case exactly and count only
in a skills list, in a line that reads as a list, or beside one of their context words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

from resume_analyzer.taxonomy import Skill, Taxonomy
from resume_analyzer.taxonomy.compiled import lemmatize

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

MentionKind = Literal["skill", "evidence"]
LIST_SEPARATORS = frozenset({",", ";", "|", "/", "•", "·"})
# Words after which a capitalised "Excel"/"Go" at the start of a line is the verb.
VERB_FOLLOWERS = frozenset({"at", "in", "with", "to", "through", "beyond", "live", "ahead"})


@dataclass(frozen=True)
class Mention:
    """One skill or evidence phrase found in a line; `start`/`end` are offsets in that line."""

    kind: MentionKind
    skill: str | None
    name: str
    area: str
    text: str
    start: int
    end: int
    skill_kind: str | None = None


@dataclass(frozen=True)
class _Target:
    kind: MentionKind
    skill: Skill | None
    name: str
    area: str


class SkillMatcher:
    """The taxonomy's matchers over one spaCy vocabulary. Build with `skill_matcher()`."""

    def __init__(self, taxonomy: Taxonomy, nlp: Language) -> None:
        from spacy.matcher import Matcher, PhraseMatcher

        self.taxonomy = taxonomy
        self._targets: dict[str, _Target] = {}
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._lemma = PhraseMatcher(nlp.vocab, attr="NORM")
        self._exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        # Ambiguous names in any case ("excel", "go"), trusted only in a list of skills.
        self._listed = PhraseMatcher(nlp.vocab, attr="LOWER")
        # No validation here: load_taxonomy has checked every pattern with spaCy's own
        # validator (or the built-in file was checked at build time), and it costs a second.
        self._tokens = Matcher(nlp.vocab)
        for skill in taxonomy.skills:
            key = self._add(f"skill:{skill.id}", _Target("skill", skill, skill.name, skill.area))
            exact = list(skill.abbreviations)
            if skill.ambiguous:
                exact += skill.phrases
            if exact:
                self._exact.add(key, [nlp.make_doc(phrase) for phrase in exact])
            if skill.ambiguous:
                self._listed.add(key, [nlp.make_doc(phrase) for phrase in skill.phrases])
            if skill.patterns:
                self._tokens.add(key, [list(pattern) for pattern in skill.patterns])
        for area in taxonomy.areas:
            for index, phrase in enumerate(area.evidence):
                self._add(f"evidence:{area.id}:{index}", _Target("evidence", None, phrase, area.id))
        phrases = _folded_phrases(taxonomy)
        lemmas = lemmatize((phrase for _, phrase in phrases), nlp)
        for key, phrase in phrases:
            doc = nlp.make_doc(phrase)
            self._lower.add(key, [doc])
            self._lemma.add(key, [_with_norms(nlp.make_doc(phrase), lemmas[phrase], nlp)])

    def _add(self, key: str, target: _Target) -> str:
        self._targets[key] = target
        return key

    def find(self, doc: Doc, *, listed: bool = False) -> list[Mention]:
        """Mentions in one line. `listed`: the line sits in a skills section.

        `doc` must have been through `lemma_norms` (its NORM holds lower-cased lemmas).
        """
        from spacy.util import filter_spans

        vocab = doc.vocab
        spans: list[Span] = []
        for matcher in (self._lower, self._lemma, self._exact):
            if len(matcher):
                spans += matcher(doc, as_spans=True)
        if len(self._tokens):
            spans += self._tokens(doc, as_spans=True)
        as_list = listed or reads_as_list(doc)
        if as_list and len(self._listed):
            spans += self._listed(doc, as_spans=True)
        mentions: list[Mention] = []
        for span in filter_spans(spans):
            target = self._targets[vocab.strings[span.label]]
            skill = target.skill
            if skill and skill.ambiguous and not _confirmed(skill, span, doc, as_list):
                continue
            mentions.append(
                Mention(
                    kind=target.kind,
                    skill=target.skill.id if target.skill else None,
                    name=target.name,
                    area=target.area,
                    text=span.text,
                    start=span.start_char,
                    end=span.end_char,
                    skill_kind=skill.kind if skill else None,
                )
            )
        return mentions


def _folded_phrases(taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """(matcher key, phrase) for every phrase matched case-insensitively and by lemma."""
    found = [
        (f"skill:{skill.id}", phrase)
        for skill in taxonomy.skills
        if not skill.ambiguous
        for phrase in skill.phrases
    ]
    for area in taxonomy.areas:
        found += [(f"evidence:{area.id}:{i}", phrase) for i, phrase in enumerate(area.evidence)]
    return found


def lemma_phrases(taxonomy: Taxonomy) -> list[str]:
    """The phrases the lemma matcher needs lemmatised (what `compiled.json` stores)."""
    return list(dict.fromkeys(phrase for _, phrase in _folded_phrases(taxonomy)))


def _with_norms(doc: Doc, lemmas: list[str], nlp: Language) -> Doc:
    if len(lemmas) != len(doc):  # a table made by another tokenizer: lemmatise afresh
        return lemma_norms(nlp(doc.text, disable=["parser"]))
    for token, lemma in zip(doc, lemmas, strict=True):
        token.norm_ = lemma
    return doc


def lemma_norms(doc: Doc) -> Doc:
    """Put each token's lower-cased lemma in its NORM, for the lemma-aware matcher.

    NORM is free to reuse: the pipeline has already read it by the time matching runs.
    """
    for token in doc:
        token.norm_ = (token.lemma_ or token.text).lower()
    return doc


def reads_as_list(doc: Doc) -> bool:
    """A line like "Python, Go, SQL, Tableau": separators between short items, few verbs.

    "Raised a Series C, cut burn by 20%, and hired 12 engineers" has the commas of a list but
    the verbs of a sentence.
    """
    separators = sum(1 for token in doc if token.text in LIST_SEPARATORS)
    words = sum(1 for token in doc if token.is_alpha)
    verbs = sum(1 for token in doc if token.pos_ in {"VERB", "AUX"})
    return separators >= 2 and words <= 4 * (separators + 1) and verbs <= 1


def _confirmed(skill: Skill, span: Span, doc: Doc, as_list: bool) -> bool:
    nxt = doc[span.end] if span.end < len(doc) else None
    if span.start == 0 and nxt is not None and nxt.lower_ in VERB_FOLLOWERS:
        return False  # "Excel at …", "Go to market" read as verbs even in a list
    if as_list:
        return True
    return _has_context(doc, skill.context)


def _has_context(doc: Doc, words: Iterable[str]) -> bool:
    """A context word on the line, as written or by lemma ("models" confirms "model")."""
    lemmas = {token.lemma_.lower() for token in doc} | {token.lower_ for token in doc}
    return any(word.lower() in lemmas or _context_pattern(word).search(doc.text) for word in words)


@cache
def _context_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w+#]){re.escape(word)}(?![\w+#])", re.IGNORECASE)


@cache
def _matcher_for(taxonomy: Taxonomy, nlp: Language) -> SkillMatcher:
    return SkillMatcher(taxonomy, nlp)


def skill_matcher(taxonomy: Taxonomy, nlp: Language) -> SkillMatcher:
    """The matcher for a taxonomy, built once per process and taxonomy."""
    return _matcher_for(taxonomy, nlp)
