"""The analysis as typed results; `to_dict()` gives the analyze JSON (CONTRACTS.md)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from resume_analyzer.document import DocumentWarning, Resume
from resume_analyzer.nlp.impact import Finding

if TYPE_CHECKING:
    from resume_analyzer.nlp.evidence import Evidence

Level = Literal["missing", "weak", "solid", "strong"]
Strength = Literal["strong", "solid", "weak"]
Severity = Literal["high", "medium", "low"]


@dataclass(frozen=True)
class Location:
    """Where a finding points: a section, and a line in it when there is one."""

    section: str | None = None
    heading: str | None = None
    page: int | None = None
    line: int | None = None
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "heading": self.heading,
            "page": self.page,
            "line": self.line,
            "text": self.text,
        }


@dataclass(frozen=True)
class Component:
    id: str
    name: str
    score: float
    weight: float
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "score": round(self.score, 1),
            "weight": round(self.weight, 4),
            "details": self.details,
        }


@dataclass(frozen=True)
class EvidenceLine:
    """A line counted towards a competency, and how much it counted."""

    text: str
    section: str
    page: int
    line: int
    skills: tuple[str, ...]
    demonstrated: bool
    measured: bool
    by_model: bool
    points: float
    specificity: float = 1.0  # the share of its points the line keeps (`specificity.py`)
    # False when a generic area (communication, …) is shown with no product skill on the line,
    # which is part of why it kept only `specificity` of its points.
    product_context: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "section": self.section,
            "page": self.page,
            "line": self.line,
            "skills": list(self.skills),
            "demonstrated": self.demonstrated,
            "measured": self.measured,
            "by_model": self.by_model,
            "points": round(self.points, 2),
            "specificity": round(self.specificity, 2),
            "product_context": self.product_context,
        }


@dataclass(frozen=True)
class Competency:
    id: str
    name: str
    weight: float
    score: float
    level: Level
    evidence: tuple[EvidenceLine, ...]
    advice: str
    skills: tuple[str, ...]
    example: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "weight": round(self.weight, 4),
            "score": round(self.score, 1),
            "level": self.level,
            "evidence": [line.to_dict() for line in self.evidence],
            "skills": list(self.skills),
            "advice": self.advice,
            "example": self.example or None,
        }


@dataclass(frozen=True)
class BulletResult:
    text: str
    section: str
    page: int
    line: int
    quality: float
    strength: Strength
    findings: tuple[Finding, ...]
    suggestion: str | None
    skills: tuple[str, ...]
    metrics: tuple[str, ...]
    verb: str | None
    areas: tuple[str, ...]
    # Asked where no rewrite can supply the missing result (nlp/questions.py).
    question: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "section": self.section,
            "page": self.page,
            "line": self.line,
            "strength": self.strength,
            "quality": round(self.quality, 1),
            "verb": self.verb,
            "metrics": list(self.metrics),
            "skills": list(self.skills),
            "areas": list(self.areas),
            "findings": [finding.to_dict() for finding in self.findings],
            "suggestion": self.suggestion,
            "question": self.question,
        }


@dataclass(frozen=True)
class FeedbackItem:
    """One thing to fix. `gain` estimates the points the score would rise by when fixed;
    `confidence` is how often a finding of its code was right on the feedback audit
    (scoring/confidence.py)."""

    severity: Severity
    code: str
    message: str
    location: Location
    suggestion: str | None
    gain: float
    area: str | None = None
    question: str | None = None
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "location": self.location.to_dict(),
            "suggestion": self.suggestion,
            "gain": round(self.gain, 1),
            "area": self.area,
            "question": self.question,
            "confidence": round(self.confidence, 2),
        }


def pick_top(
    items: Sequence[FeedbackItem], value: Callable[[FeedbackItem], float], count: int = 5
) -> tuple[FeedbackItem, ...]:
    """The `count` items of highest `value`, at most one per code; ties keep their order."""
    chosen: list[FeedbackItem] = []
    for item in sorted(items, key=lambda item: -value(item)):
        if all(item.code != seen.code for seen in chosen):
            chosen.append(item)
        if len(chosen) == count:
            break
    return tuple(chosen)


@dataclass(frozen=True)
class JobMatch:
    title: str | None
    title_match: bool
    score: float
    required_matched: tuple[str, ...]
    required_missing: tuple[str, ...]
    preferred_matched: tuple[str, ...]
    preferred_missing: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 1),
            "title": self.title,
            "title_match": self.title_match,
            "matched": [*self.required_matched, *self.preferred_matched],
            "missing": [*self.required_missing, *self.preferred_missing],
            "required": {
                "matched": list(self.required_matched),
                "missing": list(self.required_missing),
            },
            "preferred": {
                "matched": list(self.preferred_matched),
                "missing": list(self.preferred_missing),
            },
        }


@dataclass(frozen=True)
class RoleReading:
    """Whether the resume reads as product management, or as a role often confused with it."""

    reads_as: str
    name: str
    message: str
    signals: dict[str, int]
    # The share of competency coverage taken off for reading as another role (0 otherwise).
    discount: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "reads_as": self.reads_as,
            "name": self.name,
            "message": self.message,
            "signals": self.signals,
            "discount": self.discount,
        }


@dataclass(frozen=True)
class SkillSpan:
    name: str
    area: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "area": self.area, "span": [self.start, self.end]}


@dataclass(frozen=True)
class LineView:
    """One line of the resume as read, for showing it annotated: an entry's header or a
    bullet, the skills found in it, and (for achievements) the index of its BulletResult.
    `role` is what the line is (parsing/roles.py); entry headers are "header"."""

    section: int
    kind: Literal["entry", "bullet"]
    text: str
    page: int
    line: int
    skills: tuple[SkillSpan, ...]
    bullet: int | None
    role: str = "achievement"

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "kind": self.kind,
            "role": self.role,
            "text": self.text,
            "page": self.page,
            "line": self.line,
            "skills": [skill.to_dict() for skill in self.skills],
            "bullet": self.bullet,
        }


@dataclass(frozen=True)
class Analysis:
    """Everything `analyze()` found. `to_dict()` is the analyze JSON, byte-stable."""

    score: float
    components: tuple[Component, ...]
    competencies: tuple[Competency, ...]
    bullets: tuple[BulletResult, ...]
    feedback: tuple[FeedbackItem, ...]
    job_match: JobMatch | None
    role: RoleReading
    warnings: tuple[DocumentWarning, ...]
    resume: Resume
    taxonomy: dict[str, str]
    version: str
    lines: tuple[LineView, ...] = ()
    # "rules-only" when the area model was wanted but could not be loaded; None otherwise
    # (the key then stays out of the JSON, whose shape is pinned by golden files).
    model: str | None = None
    # What the score was computed from, line by line: scoring it again with other weights
    # (the evaluation's cross-validation) needs no second reading. Not in the JSON.
    evidence: Evidence | None = field(default=None, repr=False, compare=False)

    @property
    def scale_note(self) -> str:
        """Where the score falls among resumes whose field is known (see scoring/scale.py)."""
        from resume_analyzer.scoring.scale import scale_note

        return scale_note(round(self.score))

    @property
    def top_fixes(self) -> tuple[FeedbackItem, ...]:
        """The five items of `feedback` with the highest expected gain (gain × confidence:
        what the fix would add, times how often such a finding is right), at most one per
        code. Equal ones keep the feedback's order."""
        return pick_top(self.feedback, lambda item: item.gain * item.confidence)

    def to_dict(self) -> dict[str, Any]:
        contact = self.resume.contact
        return {
            "version": self.version,
            "score": round(self.score),
            "score_exact": round(self.score, 2),
            "components": [c.to_dict() for c in self.components],
            "competencies": [c.to_dict() for c in self.competencies],
            "role": self.role.to_dict(),
            "top_fixes": [item.to_dict() for item in self.top_fixes],
            "feedback": [item.to_dict() for item in self.feedback],
            "bullets": [b.to_dict() for b in self.bullets],
            "job_match": self.job_match.to_dict() if self.job_match else None,
            "warnings": [w.to_dict() for w in self.warnings],
            "resume": {
                "name": contact.name,
                "pages": self.resume.pages,
                "source_format": self.resume.source_format,
                "language": self.resume.language,
                "sections": [
                    {"kind": s.kind, "heading": s.heading, "page": s.page, "line": s.line}
                    for s in self.resume.sections
                ],
                "lines": [line.to_dict() for line in self.lines],
            },
            "taxonomy": self.taxonomy,
        } | ({"model": self.model} if self.model is not None else {})
