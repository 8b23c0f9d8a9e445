"""Score each competency area from its evidence.

Each line that evidences an area earns points: 3 when the line is an achievement bullet with a
measured outcome, 2 when it is an achievement without one, 1 when the skill is only listed
(skills section, summary, a degree), each scaled by how specific the line's skill is to product
work (`specificity.py`: "Coaching" or "Negotiation" counts a fraction of what a roadmap
review does); communication, cross-functional work and ownership shown with no product skill
on the line count a further share (`Specificity.unflavoured`). A domain term ("fintech",
"mobile apps") says where someone worked, not what they did, so it earns the listed point
wherever it appears. Lines found only by the learned model, not by the taxonomy's terms, earn
30% of that. Listing is capped, so a long skills list alone can reach "weak" but never
"solid". The area's score is
100·(1 − e^(−points/saturation)): the first strong line matters most, later ones add less.
"""

from __future__ import annotations

import math
from collections import defaultdict

from resume_analyzer.nlp.evidence import Evidence, LineEvidence
from resume_analyzer.scoring.result import Competency, EvidenceLine, Level
from resume_analyzer.scoring.specificity import NEUTRAL, Specificity
from resume_analyzer.taxonomy import Area, Taxonomy

MEASURED = 3.0
DEMONSTRATED = 2.0
LISTED = 1.0
# The learned model lifts other fields more than PM resumes (make eval): its tags count little.
MODEL_SHARE = 0.3
LISTED_CAP = 1.5
# A measured outcome is this area's core evidence, whatever skill the line names.
OUTCOME_AREA = "impact_ownership"
MAX_EVIDENCE = 8
# Below this specificity a line's skill is named in the advice as counting for less.
GENERIC = 0.5


def score_competencies(
    evidence: Evidence, taxonomy: Taxonomy, specificity: Specificity = NEUTRAL
) -> list[Competency]:
    by_area: dict[str, list[EvidenceLine]] = defaultdict(list)
    for line in evidence.lines:
        for area_id, item in _line_points(line, specificity).items():
            by_area[area_id].append(item)
    return [_competency(area, by_area.get(area.id, []), taxonomy) for area in taxonomy.areas]


def level_of(score: float, taxonomy: Taxonomy) -> Level:
    weights = taxonomy.scoring
    if score < weights.weak:
        return "missing"
    if score < weights.solid:
        return "weak"
    if score < weights.strong:
        return "solid"
    return "strong"


def area_score(points: float, taxonomy: Taxonomy) -> float:
    return 100.0 * (1.0 - math.exp(-points / taxonomy.scoring.saturation))


def area_points(lines: list[EvidenceLine]) -> float:
    shown = sum(line.points for line in lines if line.demonstrated)
    listed = sum(line.points for line in lines if not line.demonstrated)
    return shown + min(LISTED_CAP, listed)


def _line_points(line: LineEvidence, specificity: Specificity) -> dict[str, EvidenceLine]:
    measured = bool(line.impact and line.impact.metrics)
    demonstrated = line.demonstrated and line.bullet is not None
    skills_by_area: dict[str, list[str]] = defaultdict(list)
    substantive: set[str] = set()  # areas with a mention that is not only a domain term
    for mention in line.mentions:
        if mention.name not in skills_by_area[mention.area]:
            skills_by_area[mention.area].append(mention.name)
        if mention.skill_kind != "domain":
            substantive.add(mention.area)
    areas = set(skills_by_area) | set(line.model_areas)
    if demonstrated and line.impact and line.impact.metrics and line.impact.outcome:
        areas.add(OUTCOME_AREA)
    found = {}
    for area_id in sorted(areas):
        by_model = area_id not in skills_by_area and area_id in line.model_areas
        shown = demonstrated and (area_id in substantive or by_model or area_id == OUTCOME_AREA)
        points = (MEASURED if measured else DEMONSTRATED) if shown else LISTED
        if by_model:
            points *= MODEL_SHARE
        # The line's most product-specific skill of this area sets its weight; a measured
        # outcome, and a model tag (already discounted), count as they are.
        names: tuple[str, ...] = tuple(skills_by_area.get(area_id, ()))
        if area_id in specificity.context_areas:
            names = tuple(n for a in sorted(substantive) for n in skills_by_area[a])
        weight = max((specificity.weight(n) for n in names), default=1.0)
        # Communication, cross-functional work or ownership with nothing of product work on
        # the line (no skill, domain term or model tag of another area): classroom teaching
        # and sales calls show those areas as much as PM work does. "Led a team of 4 to build
        # a student marketplace" has its product context in "marketplace".
        context = area_id not in specificity.context_areas or bool(
            (set(skills_by_area) | set(line.model_areas)) - specificity.context_areas
        )
        if not context:
            weight *= specificity.unflavoured
        if area_id == OUTCOME_AREA and measured and shown:
            weight, context = 1.0, True
        points *= weight
        found[area_id] = EvidenceLine(
            text=line.text,
            section=line.section_kind,
            page=line.page,
            line=line.line,
            skills=tuple(skills_by_area.get(area_id, ())),
            demonstrated=shown,
            measured=measured,
            by_model=by_model,
            points=points,
            specificity=weight,
            product_context=context,
        )
    return found


def _competency(area: Area, lines: list[EvidenceLine], taxonomy: Taxonomy) -> Competency:
    score = area_score(area_points(lines), taxonomy)
    level = level_of(score, taxonomy)
    ranked = sorted(lines, key=lambda line: (-line.points, line.page, line.line))
    found = sorted({skill for line in lines for skill in line.skills})
    return Competency(
        id=area.id,
        name=area.name,
        weight=area.weight / taxonomy.total_weight,
        score=score,
        level=level,
        evidence=tuple(ranked[:MAX_EVIDENCE]),
        advice=_advice(area, level, lines, found),
        skills=tuple(found),
        example=area.example,
    )


def _advice(area: Area, level: Level, lines: list[EvidenceLine], found: list[str]) -> str:
    advice = _level_advice(area, level, lines, found)
    if level != "strong" and any(not line.product_context for line in lines):
        # Say why lines the applicant sees counted for little: no product work beside them.
        advice += (
            " Lines that show it with no product work on the same line (a launch, a roadmap "
            "or spec, what users did, the data) count for less: teachers and salespeople show "
            "it as often. Say what it was for: the product, its users, the decision."
        )
        return advice
    generic = sorted({s for line in lines if line.specificity < GENERIC for s in line.skills})
    if level != "strong" and generic:
        # Say why the lines the applicant sees counted for little (models/skill_specificity).
        advice += (
            f" Lines that show it only through {_listing(generic[:3])} count for less: other "
            "fields show that more often than product managers do. Tie them to product work "
            "(a launch, a roadmap decision, what users did)."
        )
    return advice


def _listing(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _level_advice(area: Area, level: Level, lines: list[EvidenceLine], found: list[str]) -> str:
    examples = ", ".join([s.name for s in area.skills if s.name not in found][:4])
    if level == "strong":
        return f"Strong: {area.name.lower()} is shown in measured achievements. Keep it."
    if level == "solid":
        if not any(line.measured for line in lines if line.demonstrated):
            return (
                f"Solid. To make it strong, add the measured result to a line that shows "
                f"{area.name.lower()}: how many users, what percentage, what it changed."
            )
        return f"Solid. One more achievement that shows {area.name.lower()} would make it strong."
    if level == "weak" and lines and not any(line.demonstrated for line in lines):
        return (
            f"Only listed, never shown in an achievement. {area.advice} "
            f"Turn a skill you list into a bullet: what you did with it and what changed."
        )
    return f"{area.advice} Signals hiring teams look for: {examples}."
