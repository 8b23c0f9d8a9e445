"""Turn every shortfall into feedback, each with the points fixing it would add, and rank.

The gain of a fix is computed from the same formulas as the score, so the top of the list is
what would raise the score most: a bullet's gain is what its quality would reach with a strong
verb, a metric and an outcome and none of its findings, spread over all bullets; an area's gain
is what one more measured achievement would add to it; a presentation check's gain is its
missing points.
"""

from __future__ import annotations

from resume_analyzer.codes import Codes, FindingCode, priority
from resume_analyzer.nlp.impact import Impact
from resume_analyzer.scoring.bullets import LENGTH_CODES, POINTS, penalty
from resume_analyzer.scoring.competencies import MEASURED, area_points, area_score
from resume_analyzer.scoring.presentation import Check
from resume_analyzer.scoring.result import (
    BulletResult,
    Competency,
    FeedbackItem,
    JobMatch,
    Location,
    Severity,
)
from resume_analyzer.taxonomy import Taxonomy

_SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}
OVERUSED = Codes.VERB_OVERUSED.code


def severity(gain: float) -> Severity:
    if gain >= 3.0:
        return "high"
    if gain >= 1.0:
        return "medium"
    return "low"


def rank(items: list[FeedbackItem]) -> tuple[FeedbackItem, ...]:
    """Highest gain first; ties broken by severity, page, line and code, so order is stable."""
    return tuple(
        sorted(
            items,
            key=lambda item: (
                -round(item.gain, 3),
                _SEVERITY_RANK[item.severity],
                item.location.page or 0,
                item.location.line or 0,
                item.code,
            ),
        )
    )


def bullet_items(
    bullets: list[tuple[BulletResult, Impact]], weight: float, thin: float
) -> list[FeedbackItem]:
    """One item per bullet that has findings of its own, and one per overused verb naming
    all its lines (a coach says "vary 'Led'" once, not on every line). `thin` scales for
    resumes with few bullets."""
    items = []
    count = len(bullets)
    overused: dict[str, list[BulletResult]] = {}
    for bullet, impact in bullets:
        codes = [f.code for f in bullet.findings if f.code != OVERUSED]
        if len(codes) < len(bullet.findings):
            overused.setdefault((impact.verb_lemma or bullet.verb or "").lower(), []).append(bullet)
        if not codes:
            continue
        # The most important finding names the item (codes.priority, which never raises).
        main = min(codes, key=priority)
        first = next(f for f in bullet.findings if f.code == main)
        others = sorted(set(codes) - {main}, key=priority)
        message = first.message
        if others:
            message += " Also: " + ", ".join(code.replace("_", " ") for code in others) + "."
        gain = (_potential(impact, bullet.quality) - bullet.quality) / count * thin * weight
        items.append(
            FeedbackItem(
                severity=severity(gain),
                code=main,
                message=message,
                location=Location(bullet.section, None, bullet.page, bullet.line, bullet.text),
                suggestion=bullet.suggestion,
                gain=gain,
                question=bullet.question,
            )
        )
    penalty_gain = penalty([OVERUSED]) / count * thin * weight if count else 0.0
    for lines in overused.values():
        first_line = lines[0]
        finding = next(f for f in first_line.findings if f.code == OVERUSED)
        where = ", ".join(f"page {b.page} line {b.line}" for b in lines)
        gain = penalty_gain * len(lines)
        items.append(
            FeedbackItem(
                severity=severity(gain),
                code=OVERUSED,
                message=f"{finding.message} Keep it where it fits best and reword {where}.",
                location=Location(
                    first_line.section, None, first_line.page, first_line.line, first_line.text
                ),
                suggestion=None,
                gain=gain,
            )
        )
    return items


def competency_items(
    competencies: list[Competency], taxonomy: Taxonomy, weight: float
) -> list[FeedbackItem]:
    items = []
    for area in competencies:
        if area.level in {"solid", "strong"}:
            continue
        points = area_points(list(area.evidence))
        gain = (area_score(points + MEASURED, taxonomy) - area.score) * area.weight * weight
        code = _competency_code(area)
        items.append(
            FeedbackItem(
                severity=severity(gain),
                code=code.code,
                message=code.format(area=area.name, score=area.score, advice=area.advice),
                location=Location(),
                suggestion=area.example or None,
                gain=gain,
                area=area.id,
            )
        )
    return items


def presentation_items(checks: list[Check], weight: float) -> list[FeedbackItem]:
    items = []
    for check in checks:
        if check.message is None:
            continue
        gain = (check.points - check.earned) * weight
        items.append(
            FeedbackItem(
                severity=severity(gain),
                code=check.code.code,
                message=check.message,
                location=Location(section=check.section),
                suggestion=None,
                gain=gain,
            )
        )
    return items


def job_items(job: JobMatch, weights: dict[str, float], weight: float) -> list[FeedbackItem]:
    total = sum(weights.values()) or 1.0
    items = []
    for name in job.required_missing:
        gain = 85.0 * weights.get(name, 0.0) / total * weight
        items.append(
            FeedbackItem(
                severity=severity(gain),
                code=Codes.JOB_MISSING_SKILL.code,
                message=Codes.JOB_MISSING_SKILL.format(skill=name),
                location=Location(),
                suggestion=None,
                gain=gain,
            )
        )
    return items


def _potential(impact: Impact, quality: float) -> float:
    """The quality the bullet would reach with every finding fixed, capped at 100."""
    # An overused verb is its own item (bullet_items), so its points are not counted twice.
    codes = [f.code for f in impact.findings if f.code != OVERUSED]
    tier = impact.verb_tier
    have_verb = POINTS[f"{tier}_verb"] if tier else (POINTS["other_verb"] if impact.verb else 0)
    gain = POINTS["strong_verb"] - have_verb
    gain += 0 if impact.metrics else POINTS["metric"]
    gain += 0 if impact.outcome else POINTS["outcome"]
    gain += POINTS["length"] if LENGTH_CODES & set(codes) else 0
    gain += penalty(codes)
    return min(100.0, quality + gain)


def _competency_code(area: Competency) -> FindingCode:
    if area.evidence and not any(e.demonstrated for e in area.evidence):
        return Codes.COMPETENCY_LISTED_ONLY
    return Codes.COMPETENCY_MISSING if area.level == "missing" else Codes.COMPETENCY_WEAK
