"""An analysis as a readable terminal report or as Markdown (what a coach emails a student)."""

from __future__ import annotations

from collections.abc import Callable

import click

from resume_analyzer.scoring.result import Analysis, BulletResult, Competency

LEVEL_COLOURS = {"missing": "red", "weak": "yellow", "solid": "cyan", "strong": "green"}
STRENGTH_MARKS = {"strong": "✔", "solid": "·", "weak": "✘"}
BAR = 20


def to_text(analysis: Analysis, *, colour: bool = False) -> str:
    """The terminal report. `colour` adds ANSI colours (the CLI turns it on for a TTY)."""

    def paint(text: str, **style: object) -> str:
        return click.style(text, **style) if colour else text  # type: ignore[arg-type]

    out = [paint(f"APM resume score: {analysis.score:.0f}/100", bold=True)]
    out += [analysis.scale_note, ""]
    for component in analysis.components:
        out.append(
            f"  {component.name:<32} {component.score:5.1f}  (weight {component.weight:.0%})"
        )
    out += [
        "",
        paint(analysis.role.message, bold=analysis.role.reads_as != "product_management"),
        "",
    ]
    out.append(paint("Competencies", bold=True))
    for area in analysis.competencies:
        out.append(_competency_line(area, paint))
    out += ["", paint("Top fixes", bold=True)]
    for n, item in enumerate(analysis.top_fixes, 1):
        where = (
            f" (page {item.location.page}, line {item.location.line})" if item.location.line else ""
        )
        out.append(f"  {n}. [+{item.gain:.1f}] {item.message}{where}")
        if item.location.text:
            out.append(paint(f"       line: {item.location.text}", dim=True))
        if item.suggestion:
            out.append(paint(f"       try:  {item.suggestion}", fg="green"))
        if item.question:
            out.append(paint(f"       ask yourself: {item.question}", fg="green"))
    out += ["", paint("Bullets", bold=True)]
    for bullet in analysis.bullets:
        out += _bullet_lines(bullet, paint)
    if analysis.job_match:
        job = analysis.job_match
        out += ["", paint(f"Job match: {job.score:.0f}/100", bold=True)]
        found = "matched" if job.title_match else "not in resume"
        out.append(f"  title: {job.title or 'not found'} ({found})")
        out.append(f"  required, matched: {', '.join(job.required_matched) or '-'}")
        out.append(f"  required, missing: {', '.join(job.required_missing) or '-'}")
        out.append(f"  preferred, missing: {', '.join(job.preferred_missing) or '-'}")
    if analysis.warnings:
        out += ["", paint("Warnings", bold=True)]
        out += [f"  - {w.message}" for w in analysis.warnings]
    return "\n".join(out) + "\n"


def _competency_line(area: Competency, paint: Callable[..., str]) -> str:
    filled = round(area.score / 100 * BAR)
    bar = "█" * filled + "░" * (BAR - filled)
    level = paint(f"{area.level:<7}", fg=LEVEL_COLOURS[area.level])
    return f"  {area.name:<30} {bar} {area.score:5.1f} {level}"


def _bullet_lines(bullet: BulletResult, paint: Callable[..., str]) -> list[str]:
    mark = STRENGTH_MARKS[bullet.strength]
    colour = {"strong": "green", "solid": "cyan", "weak": "red"}[bullet.strength]
    lines = [f"  {paint(mark, fg=colour)} {bullet.quality:5.1f}  {bullet.text}"]
    for finding in bullet.findings:
        lines.append(paint(f"           - {finding.code}: {finding.message}", dim=True))
    if bullet.suggestion:
        lines.append(paint(f"           try: {bullet.suggestion}", fg="green"))
    if bullet.question:
        lines.append(paint(f"           ask yourself: {bullet.question}", fg="green"))
    return lines


def to_markdown(analysis: Analysis) -> str:
    """A self-contained Markdown report for one resume."""
    name = analysis.resume.contact.name or "Resume"
    out = [f"# {_md(name)}: APM resume report", "", f"**Score: {analysis.score:.0f}/100**", ""]
    out += [_md(analysis.scale_note), ""]
    out += ["| component | score | weight |", "|---|---:|---:|"]
    out += [f"| {c.name} | {c.score:.1f} | {c.weight:.0%} |" for c in analysis.components]
    out += ["", f"_{_md(analysis.role.message)}_", "", "## Competencies", ""]
    out += ["| area | score | level | what would raise it |", "|---|---:|---|---|"]
    out += [
        f"| {c.name} | {c.score:.0f} | {c.level} | {_md(c.advice)} |" for c in analysis.competencies
    ]
    out += ["", "## Top fixes", ""]
    for n, item in enumerate(analysis.top_fixes, 1):
        out.append(f"{n}. **{_md(item.message)}** (+{item.gain:.1f} points)")
        if item.location.text:
            out.append(f"   - Line: {_md(item.location.text)}")
        if item.suggestion:
            out.append(f"   - Try: {_md(item.suggestion)}")
        if item.question:
            out.append(f"   - Ask yourself: {_md(item.question)}")
    out += ["", "## Bullets", ""]
    for bullet in analysis.bullets:
        out.append(f"- **{bullet.strength}** ({bullet.quality:.0f}): {_md(bullet.text)}")
        for finding in bullet.findings:
            out.append(f"  - {finding.code}: {_md(finding.message)}")
        if bullet.suggestion:
            out.append(f"  - Try: {_md(bullet.suggestion)}")
        if bullet.question:
            out.append(f"  - Ask yourself: {_md(bullet.question)}")
    if analysis.job_match:
        job = analysis.job_match
        out += [
            "",
            "## Job match",
            "",
            f"Score {job.score:.0f}/100. Title: {_md(job.title or 'not found')}.",
        ]
        out.append(f"- Required, matched: {_md(', '.join(job.required_matched) or '-')}")
        out.append(f"- Required, missing: {_md(', '.join(job.required_missing) or '-')}")
        out.append(f"- Preferred, missing: {_md(', '.join(job.preferred_missing) or '-')}")
    if analysis.warnings:
        out += ["", "## Warnings", ""] + [f"- {_md(w.message)}" for w in analysis.warnings]
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """Escape what Markdown would read as markup, so resume text cannot format the report."""
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return text
