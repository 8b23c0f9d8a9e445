"""The APM competency model as typed data: areas, their skills, and the impact lexicons."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

SkillKind = Literal["tool", "method", "concept", "language", "domain", "soft"]
VerbTier = Literal["strong", "moderate", "weak"]


@dataclass(frozen=True)
class Skill:
    """One skill and every way a resume may write it.

    `synonyms` match case-insensitively and by lemma; `abbreviations` match with their case
    exactly ("PRD", "SQL"); `patterns` are spaCy Matcher token patterns for forms a word list
    cannot express. An `ambiguous` skill ("R", "Go", "Excel") only counts when the line is a
    skills list or one of its `context` words is in the same line.
    """

    id: str
    name: str
    area: str
    kind: SkillKind
    synonyms: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    patterns: tuple[tuple[dict[str, Any], ...], ...] = ()
    ambiguous: bool = False
    context: tuple[str, ...] = ()

    @property
    def phrases(self) -> tuple[str, ...]:
        """The name and synonyms: every case-insensitive surface form."""
        return (self.name, *self.synonyms)


@dataclass(frozen=True)
class Area:
    """One of the competency areas hiring teams read an APM resume for."""

    id: str
    name: str
    description: str
    weight: float
    advice: str
    evidence: tuple[str, ...]
    skills: tuple[Skill, ...]
    example: str = ""  # the shape of a line that shows the area, with [placeholders]


@dataclass(frozen=True)
class Lexicons:
    """Word lists the impact analysis reads: verbs by strength and the words that weaken a line."""

    strong_verbs: frozenset[str]
    moderate_verbs: frozenset[str]
    weak_verbs: frozenset[str]
    weak_openers: tuple[str, ...]
    buzzwords: tuple[str, ...]
    fillers: tuple[str, ...]
    pronouns: frozenset[str]
    metric_units: tuple[str, ...]
    outcome_words: tuple[str, ...] = ()
    scope_words: tuple[str, ...] = ()

    def verb_tier(self, lemma: str) -> VerbTier | None:
        """The strength tier of a verb lemma, or None when the lexicon does not know it."""
        word = lemma.lower()
        if word in self.strong_verbs:
            return "strong"
        if word in self.moderate_verbs:
            return "moderate"
        if word in self.weak_verbs:
            return "weak"
        return None


@dataclass(frozen=True)
class RelatedRole:
    """A role an applicant may confuse with product management (project manager, …)."""

    id: str
    name: str
    description: str
    advice: str
    terms: tuple[str, ...]
    titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScoringWeights:
    """How the score is put together; every number is overridable from the taxonomy file.

    `components`: relative weights of the score's parts (job_match only counts when a job
    description is given). `saturation`: evidence points at which an area reaches 63% (the
    area score is 100·(1 − e^(−points/saturation))). `levels`: lower bounds of weak, solid
    and strong. `role_discount`: the share of competency coverage taken off when the resume
    reads as a related role rather than product work.
    """

    competencies: float = 0.45
    impact: float = 0.35
    presentation: float = 0.20
    job_match: float = 0.25
    saturation: float = 3.0
    weak: float = 15.0
    solid: float = 45.0
    strong: float = 75.0
    role_discount: float = 0.0


@dataclass(frozen=True, eq=False)
class Taxonomy:
    """A validated taxonomy. `source` says which file it came from.

    Compared and hashed by identity, so matchers built from one can be cached per taxonomy.
    """

    version: str
    name: str
    areas: tuple[Area, ...]
    lexicons: Lexicons
    source: str
    scoring: ScoringWeights = ScoringWeights()
    related_roles: tuple[RelatedRole, ...] = ()
    product_titles: tuple[str, ...] = ()

    @property
    def skills(self) -> tuple[Skill, ...]:
        return tuple(skill for area in self.areas for skill in area.skills)

    def area(self, area_id: str) -> Area:
        for area in self.areas:
            if area.id == area_id:
                return area
        known = ", ".join(a.id for a in self.areas)
        raise KeyError(f"No competency area {area_id!r}. Known areas: {known}.")

    def skill(self, skill_id: str) -> Skill:
        for skill in self.skills:
            if skill.id == skill_id:
                return skill
        raise KeyError(f"No skill {skill_id!r} in taxonomy {self.name} {self.version}.")

    @property
    def total_weight(self) -> float:
        return sum(area.weight for area in self.areas)

    def words(self) -> frozenset[str]:
        """Every word the taxonomy writes (skills, synonyms, abbreviations, evidence and
        related-role terms, lexicons), case-folded: words a spelling check must know."""
        texts: list[str] = []
        for area in self.areas:
            texts += [area.name, *area.evidence]
            for skill in area.skills:
                texts += [skill.name, *skill.synonyms, *skill.abbreviations, *skill.context]
        for role in self.related_roles:
            texts += [*role.terms, *role.titles]
        texts += self.product_titles
        lex = self.lexicons
        texts += [*lex.strong_verbs, *lex.moderate_verbs, *lex.weak_verbs, *lex.metric_units]
        texts += [*lex.outcome_words, *lex.scope_words, *lex.buzzwords, *lex.fillers]
        return frozenset(w for t in texts for w in re.findall(r"[a-z]+", t.casefold()))
