"""Presentation and ATS-readiness: can a reader, and an applicant tracking system, find
everything? Each check has points; a failed check becomes feedback with its fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resume_analyzer.document import Entry, Resume
from resume_analyzer.nlp.evidence import Evidence

# (check id, points). They add up to 100.
CHECKS = {
    "name": 5,
    "email": 10,
    "phone": 5,
    "linkedin": 5,
    "experience_section": 10,
    "education_section": 10,
    "skills_section": 5,
    "length": 15,
    "dated_entries": 10,
    "date_format": 5,
    "bullet_length": 10,
    "layout": 10,
}
EARLY_CAREER_YEARS = 3.0
BULLET_WORDS = (8, 40)


@dataclass(frozen=True)
class Check:
    id: str
    points: float
    earned: float
    message: str | None  # why it failed and how to fix it; None when it passed
    section: str | None = None


def presentation_checks(resume: Resume, evidence: Evidence) -> list[Check]:
    contact = resume.contact
    kinds = {section.kind for section in resume.sections}
    checks = [
        _present(
            "name",
            contact.name,
            "No name was found at the top. Put your full name on "
            "the first line, as plain text (not in a header image).",
        ),
        _present(
            "email",
            contact.email,
            "No email address was found. Add one near your name, "
            "as text (not only as a link or an icon).",
        ),
        _present("phone", contact.phone, "No phone number was found. Add one near your name."),
        _present(
            "linkedin",
            contact.link("linkedin"),
            "No LinkedIn URL was found. Add linkedin.com/in/your-name next to your email.",
        ),
        _present(
            "experience_section",
            kinds & {"experience", "projects"} or None,
            'No "Experience" or "Projects" section was recognised. Use a standard heading '
            "so readers and ATS find your work.",
            section="experience",
        ),
        _present(
            "education_section",
            "education" in kinds or None,
            'No "Education" section '
            "was recognised. Add one with your degree, school and graduation date.",
        ),
        _present(
            "skills_section",
            "skills" in kinds or None,
            'No "Skills" section was '
            "recognised. List your tools and methods (SQL, Figma, A/B testing) under a "
            '"Skills" heading.',
        ),
        _length(resume),
        *_dates(resume),
        _bullet_lengths(evidence),
        _layout(resume),
    ]
    return checks


def experience_years(resume: Resume) -> float:
    """Years from the first experience entry's start to the last one's end.

    "Present" is read as the latest date anywhere in the resume, not today's date, so the
    same file always gets the same answer.
    """
    entries = [e for s in resume.sections if s.kind == "experience" for e in s.entries]
    dates = [_months(d) for s in resume.sections for e in s.entries for d in (e.start, e.end)]
    latest = max((d for d in dates if d is not None), default=None)
    starts = [m for e in entries if (m := _months(e.start)) is not None]
    ends = [m for e in entries if (m := _months(e.end) if not e.current else latest) is not None]
    if not starts or not ends:
        return 0.0
    return max(0.0, (max(ends) - min(starts)) / 12.0)


def _present(check: str, value: object, message: str, *, section: str | None = None) -> Check:
    points = CHECKS[check]
    return Check(check, points, points if value else 0.0, None if value else message, section)


def _length(resume: Resume) -> Check:
    points = CHECKS["length"]
    years = experience_years(resume)
    pages = resume.pages
    if pages <= 1 or (pages == 2 and years >= EARLY_CAREER_YEARS):
        return Check("length", points, points, None)
    if pages == 2:
        return Check(
            "length",
            points,
            points / 2,
            f"Two pages with about {years:.0f} years of experience: one page is the norm for "
            "APM applicants. Keep your strongest, most product-like lines and cut the rest.",
        )
    return Check(
        "length",
        points,
        0.0,
        f"{pages} pages is too long for an APM application; aim for one page (two at most "
        "with several years of experience).",
    )


def _dates(resume: Resume) -> list[Check]:
    entries = [e for s in resume.sections if s.kind == "experience" for e in s.entries]
    undated = [e for e in entries if not (e.start or e.end or e.dates)]
    dated = CHECKS["dated_entries"]
    first = Check("dated_entries", dated, dated, None, "experience")
    if entries and undated:
        share = 1 - len(undated) / len(entries)
        first = Check(
            "dated_entries",
            dated,
            dated * share,
            f"{len(undated)} of {len(entries)} experience entries have no dates. Give each a "
            "start and end (e.g. Jun 2023 – Aug 2023).",
            "experience",
        )
    styles = {style for e in entries if (style := _date_style(e))}
    fmt = CHECKS["date_format"]
    second = Check("date_format", fmt, fmt, None, "experience")
    if len(styles) > 1:
        second = Check(
            "date_format",
            fmt,
            0.0,
            "Dates are written in more than one style (" + ", ".join(sorted(styles)) + "). "
            "Pick one, e.g. Jun 2023 – Aug 2023, and use it everywhere.",
            "experience",
        )
    return [first, second]


def _date_style(entry: Entry) -> str | None:
    text = entry.dates or ""
    if re.search(r"[A-Za-z]{3,}\.?\s*['’]?\d{2,4}", text):
        return "month names"
    if re.search(r"\d{1,2}\s*[/.-]\s*\d{2,4}", text):
        return "numeric months"
    if re.search(r"\d{4}", text):
        return "years only"
    return None


def _bullet_lengths(evidence: Evidence) -> Check:
    points = CHECKS["bullet_length"]
    lines = [line.impact for line in evidence.achievements if line.impact]
    if not lines:
        return Check("bullet_length", points, points, None)
    low, high = BULLET_WORDS
    good = sum(1 for impact in lines if low <= impact.words <= high)
    share = good / len(lines)
    if share >= 0.8:
        return Check("bullet_length", points, points, None)
    return Check(
        "bullet_length",
        points,
        points * share,
        f"{len(lines) - good} of {len(lines)} bullets are under {low} or over {high} words. "
        "Aim for one to two lines: the action, then the result.",
    )


def _layout(resume: Resume) -> Check:
    points = CHECKS["layout"]
    problems = [w for w in resume.warnings if w.code != "not_english"]
    if not problems:
        return Check("layout", points, points, None)
    return Check(
        "layout",
        points,
        max(0.0, points - 5 * len(problems)),
        " ".join(w.message for w in problems),
    )


def _months(iso: str | None) -> int | None:
    if not iso:
        return None
    match = re.match(r"(\d{4})(?:-(\d{2}))?", iso)
    if not match:
        return None
    return int(match.group(1)) * 12 + (int(match.group(2) or 1) - 1)
