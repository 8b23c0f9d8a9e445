"""Does the resume read as product management, or as a role often confused with it?

Hiring teams reject APM applications that read as project management (schedules, budgets, no
users or data), pure engineering, or marketing. The taxonomy's `related_roles` list each
role's tell-tale terms and job titles; they are counted against the product evidence: user
research, strategy and specification mentions, and product job titles.

A resume that reads as a related role has its competency coverage discounted by the
taxonomy's `scoring.role_discount` (see `score.py`; 0 in the built-in taxonomy, where
cross-validation found that a discount lowers the held-out AUC); the reading says by how
much, why, and how many more product signals would change it.
"""

from __future__ import annotations

import math

from resume_analyzer.document import Resume
from resume_analyzer.nlp.evidence import Evidence
from resume_analyzer.nlp.impact import phrase_pattern
from resume_analyzer.scoring.result import RoleReading
from resume_analyzer.taxonomy import Taxonomy

PRODUCT_AREAS = frozenset({"user_research", "product_strategy", "backlog_specification"})
MIN_SIGNALS = 4
# Below this many product signals the resume does not read as product work, whatever else.
MIN_PRODUCT = 3
DOMINANCE = 2.0
# A job title is what a hiring team reads first: one counts as this many signals. With 3, five
# of the 20 dev-corpus PM resumes read as engineering (engineers turned PMs); with 2, three
# (all three with only engineering titles); with none, a PM whose two PM roles were described
# in campaign terms read as marketing.
TITLE_WEIGHT = 2


def read_role(evidence: Evidence, taxonomy: Taxonomy, resume: Resume | None = None) -> RoleReading:
    texts = [line.text for line in evidence.lines]
    titles = _titles(resume)
    product_titles = _titled(titles, taxonomy.product_titles)
    product = _product_skills(evidence) + product_titles
    signals = {"product_management": product}
    from_titles = {"product_management": product_titles}
    for role in taxonomy.related_roles:
        from_titles[role.id] = _titled(titles, role.titles)
        signals[role.id] = from_titles[role.id] + sum(
            len(phrase_pattern(term).findall(text)) for term in role.terms for text in texts
        )
    best = max(
        taxonomy.related_roles,
        key=lambda role: (signals[role.id], role.id),
        default=None,
    )
    if best and signals[best.id] >= max(MIN_SIGNALS, DOMINANCE * product):
        name = best.name.lower()
        discount = taxonomy.scoring.role_discount
        # The reading turns once product signals reach half the role's: each product skill
        # shown in an achievement is one signal.
        needed = max(1, math.floor(signals[best.id] / DOMINANCE) + 1 - product)
        titled = (
            f" ({from_titles[best.id]} of them from job titles)" if from_titles[best.id] else ""
        )
        change = (
            f" About {needed} more product skill(s) shown in achievements (user interviews, a "
            "prioritisation decision, a spec or PRD) would change the reading."
        )
        counted = (
            f" Competency coverage counts {discount:.0%} less until it reads as product work."
            if discount
            else ""
        )
        return RoleReading(
            reads_as=best.id,
            name=best.name,
            message=(
                f"This resume reads more like {name} than product management: "
                f"{signals[best.id]} {name} signals{titled} against {product} product "
                f"signals (user research, strategy and specification skills shown in "
                f"achievements, and product job titles).{change}{counted} {best.advice}"
            ).strip(),
            signals=signals,
            discount=discount,
        )
    if product >= MIN_PRODUCT:
        return RoleReading(
            reads_as="product_management",
            name="Product management",
            message=f"The resume reads as product work: {product} product signals (user "
            "research, strategy and specification skills shown in achievements, and product "
            "job titles).",
            signals=signals,
        )
    return RoleReading(
        reads_as="unclear",
        name="Unclear",
        message=f"The resume does not yet read as product work: {product} product signal(s) "
        "(user research, product decisions, specifications shown in achievements, and product "
        "job titles). Frame your experience through a product lens: the users, the problem, "
        "the decision and the measured result.",
        signals=signals,
    )


def _titles(resume: Resume | None) -> list[str]:
    """The job titles of the Experience entries."""
    if resume is None:
        return []
    return [
        entry.title
        for section in resume.sections
        if section.kind == "experience"
        for entry in section.entries
        if entry.title
    ]


def _titled(titles: list[str], phrases: tuple[str, ...]) -> int:
    """Title signals: TITLE_WEIGHT for each title that contains one of the phrases ("Senior
    Software Engineer II" holds "software engineer"), twice that for the first, the current or
    latest role, which says what the person does now."""
    return sum(
        TITLE_WEIGHT * (2 if n == 0 else 1)
        for n, title in enumerate(titles)
        if any(phrase_pattern(p).search(title) for p in phrases)
    )


def _product_skills(evidence: Evidence) -> int:
    """Distinct product skills shown in achievements. Listed skills and domain terms do not
    count: a skills list or "e-commerce" does not make a resume read as product work."""
    return len(
        {
            mention.name
            for line, mention in evidence.mentions
            if mention.area in PRODUCT_AREAS
            and line.demonstrated
            and line.bullet is not None
            and mention.skill_kind != "domain"
        }
    )
