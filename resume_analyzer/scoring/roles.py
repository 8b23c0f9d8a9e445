"""Does the resume read as product management, or as a role often confused with it?

Hiring teams reject APM applications that read as project management (schedules, budgets, no
users or data), pure engineering, or marketing. The taxonomy's `related_roles` list each
role's tell-tale terms; they are counted against the product evidence: user research,
strategy and specification mentions.
"""

from __future__ import annotations

from resume_analyzer.nlp.evidence import Evidence
from resume_analyzer.nlp.impact import phrase_pattern
from resume_analyzer.scoring.result import RoleReading
from resume_analyzer.taxonomy import Taxonomy

PRODUCT_AREAS = frozenset({"user_research", "product_strategy", "backlog_specification"})
MIN_SIGNALS = 4
# Below this many product signals the resume does not read as product work, whatever else.
MIN_PRODUCT = 3
DOMINANCE = 2.0


def read_role(evidence: Evidence, taxonomy: Taxonomy) -> RoleReading:
    texts = [line.text for line in evidence.lines]
    product = _product_skills(evidence)
    signals = {"product_management": product}
    for role in taxonomy.related_roles:
        signals[role.id] = sum(
            len(phrase_pattern(term).findall(text)) for term in role.terms for text in texts
        )
    best = max(
        taxonomy.related_roles,
        key=lambda role: (signals[role.id], role.id),
        default=None,
    )
    if best and signals[best.id] >= max(MIN_SIGNALS, DOMINANCE * product):
        return RoleReading(
            reads_as=best.id,
            name=best.name,
            message=(
                f"This resume reads more like {best.name.lower()} than product management: "
                f"{signals[best.id]} {best.name.lower()} signals against {product} product "
                f"skills shown in achievements (user research, strategy, specification). "
                f"{best.advice}"
            ).strip(),
            signals=signals,
        )
    if product >= MIN_PRODUCT:
        return RoleReading(
            reads_as="product_management",
            name="Product management",
            message=f"The resume reads as product work: {product} product skills shown in "
            "achievements (user research, strategy, specification).",
            signals=signals,
        )
    return RoleReading(
        reads_as="unclear",
        name="Unclear",
        message=f"The resume does not yet read as product work: {product} product skill(s) "
        "shown in achievements (user research, product decisions, specifications). Frame your "
        "experience through a product lens: the users, the problem, the decision and the "
        "measured result.",
        signals=signals,
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
