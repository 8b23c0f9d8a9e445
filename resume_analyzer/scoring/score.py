"""Put the score together: competency coverage, impact, presentation and (with a posting)
job match, weighted as the taxonomy says, and the feedback ranked by what each fix would add.
"""

from __future__ import annotations

from dataclasses import replace

from resume_analyzer._version import __version__
from resume_analyzer.document import Entry, Resume
from resume_analyzer.nlp.evidence import Evidence, past_role
from resume_analyzer.nlp.impact import Impact
from resume_analyzer.scoring import feedback
from resume_analyzer.scoring.bullets import bullet_quality, strength, suggest
from resume_analyzer.scoring.competencies import score_competencies
from resume_analyzer.scoring.confidence import NEUTRAL as SURE
from resume_analyzer.scoring.confidence import Confidence
from resume_analyzer.scoring.jobmatch import Posting, match_job
from resume_analyzer.scoring.presentation import presentation_checks
from resume_analyzer.scoring.result import Analysis, BulletResult, Component, LineView, SkillSpan
from resume_analyzer.scoring.roles import read_role
from resume_analyzer.scoring.specificity import NEUTRAL, Specificity
from resume_analyzer.scoring.summary import summary_items
from resume_analyzer.taxonomy import Taxonomy

# With fewer achievement bullets than this, the impact score is scaled down: two perfect
# lines are less evidence than six good ones.
MIN_BULLETS = 3


def score(
    resume: Resume,
    evidence: Evidence,
    taxonomy: Taxonomy,
    posting: Posting | None = None,
    specificity: Specificity = NEUTRAL,
    confidence: Confidence = SURE,
) -> Analysis:
    settings = taxonomy.scoring
    raw = {
        "competencies": settings.competencies,
        "impact": settings.impact,
        "presentation": settings.presentation,
    }
    if posting is not None:
        raw["job_match"] = settings.job_match
    total = sum(raw.values()) or 1.0
    weight = {key: value / total for key, value in raw.items()}

    competencies = score_competencies(evidence, taxonomy, specificity)
    role = read_role(evidence, taxonomy, resume)
    # A resume that reads as engineering or project management shows less of what an APM
    # hiring team looks for than its skill mentions alone suggest (roles.py says how much less).
    coverage = sum(c.score * c.weight for c in competencies) * (1.0 - role.discount)
    scored = _bullets(resume, evidence, taxonomy)
    count = len(scored)
    thin = min(1.0, count / MIN_BULLETS)
    impact = (sum(b.quality for b, _ in scored) / count * thin) if count else 0.0
    checks = presentation_checks(resume, evidence)
    presentation = sum(check.earned for check in checks)

    components = [
        Component(
            "competencies",
            "Competency coverage",
            coverage,
            weight["competencies"],
            {
                "areas": {c.id: round(c.score, 1) for c in competencies},
                "role_discount": role.discount,
            },
        ),
        Component(
            "impact",
            "Impact of bullets",
            impact,
            weight["impact"],
            {
                "bullets": count,
                "strong": sum(b.strength == "strong" for b, _ in scored),
                "with_metric": sum(bool(b.metrics) for b, _ in scored),
            },
        ),
        Component(
            "presentation",
            "Presentation and ATS-readiness",
            presentation,
            weight["presentation"],
            {"checks": {c.id: {"earned": round(c.earned, 1), "points": c.points} for c in checks}},
        ),
    ]
    items = [
        *feedback.bullet_items(scored, weight["impact"], thin),
        *feedback.competency_items(competencies, taxonomy, weight["competencies"]),
        *feedback.presentation_items(checks, weight["presentation"]),
        *summary_items(resume, evidence, taxonomy.lexicons),
    ]
    job = None
    if posting is not None:
        job = match_job(posting, evidence, _resume_text(resume))
        components.append(
            Component(
                "job_match",
                "Match to the job posting",
                job.score,
                weight["job_match"],
                {"title": job.title, "title_match": job.title_match},
            )
        )
        by_name = {name: w for name, w, _ in posting.skills.values()}
        items += feedback.job_items(job, by_name, weight["job_match"])
    return Analysis(
        score=sum(c.score * c.weight for c in components),
        components=tuple(components),
        competencies=tuple(competencies),
        bullets=tuple(b for b, _ in scored),
        feedback=feedback.rank(
            [replace(item, confidence=confidence.of(item.code)) for item in items]
        ),
        job_match=job,
        role=role,
        warnings=resume.warnings,
        resume=resume,
        taxonomy={"name": taxonomy.name, "version": taxonomy.version},
        version=__version__,
        lines=_line_views(resume, evidence),
        evidence=evidence,
    )


def _bullets(
    resume: Resume, evidence: Evidence, taxonomy: Taxonomy
) -> list[tuple[BulletResult, Impact]]:
    out = []
    for line in evidence.achievements:
        impact = line.impact
        assert impact is not None and line.bullet is not None
        section = resume.sections[line.section]
        quality = bullet_quality(impact)
        out.append(
            (
                BulletResult(
                    text=line.text,
                    section=line.section_kind,
                    page=line.page,
                    line=line.line,
                    quality=quality,
                    strength=strength(quality),
                    findings=impact.findings,
                    suggestion=suggest(
                        line.text,
                        impact,
                        taxonomy.lexicons,
                        past_role=past_role(section, line.bullet),
                    ),
                    skills=tuple(dict.fromkeys(m.name for m in line.mentions)),
                    metrics=tuple(m.text for m in impact.metrics),
                    verb=impact.verb,
                    areas=tuple(sorted(line.areas)),
                    question=impact.question,
                ),
                impact,
            )
        )
    return out


def _line_views(resume: Resume, evidence: Evidence) -> tuple[LineView, ...]:
    """Every entry header and bullet in reading order, with its skills and its bullet index."""
    found = {(line.section, line.bullet, line.entry): line for line in evidence.lines}
    achievement = {(line.section, line.bullet): n for n, line in enumerate(evidence.achievements)}
    views: list[LineView] = []
    for s, section in enumerate(resume.sections):
        rows: list[tuple[int, int, str, str, int | None, int | None, str]] = [
            (e.page, e.line, "entry", _entry_text(e), None, n, "header")
            for n, e in enumerate(section.entries)
        ]
        rows += [
            (b.page, b.line, "bullet", b.text, n, None, b.role)
            for n, b in enumerate(section.bullets)
        ]
        for page, number, kind, text, bullet, entry, role in sorted(
            rows, key=lambda r: (r[0], r[1])
        ):
            line = found.get((s, bullet, entry))
            skills = tuple(
                SkillSpan(m.name, m.area, m.start, m.end)
                for m in (line.mentions if line and kind == "bullet" else ())
            )
            views.append(
                LineView(
                    section=s,
                    kind="entry" if kind == "entry" else "bullet",
                    text=text,
                    page=page,
                    line=number,
                    skills=skills,
                    bullet=achievement.get((s, bullet)) if bullet is not None else None,
                    role=role,
                )
            )
    return tuple(views)


def _entry_text(entry: Entry) -> str:
    parts = (entry.title, entry.organization, entry.location, *entry.details, entry.dates)
    return " | ".join(part for part in parts if part)


def _resume_text(resume: Resume) -> str:
    parts = [e.title or "" for s in resume.sections for e in s.entries]
    parts += [b.text for b in resume.bullets]
    return "\n".join(parts)
