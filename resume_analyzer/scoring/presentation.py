"""Presentation and ATS-readiness: can a reader, and an applicant tracking system, find
everything? Each check has points; a failed check becomes feedback with its fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resume_analyzer.codes import Codes, FindingCode
from resume_analyzer.document import Entry, Resume
from resume_analyzer.nlp.evidence import Evidence
from resume_analyzer.scoring.pages import page_count

# Check id (its key in the component's details) → its code, which holds its points and
# messages. The points add up to 100.
CHECKS = {
    "name": Codes.PRESENTATION_NAME,
    "email": Codes.PRESENTATION_EMAIL,
    "phone": Codes.PRESENTATION_PHONE,
    "linkedin": Codes.PRESENTATION_LINKEDIN,
    "experience_section": Codes.PRESENTATION_EXPERIENCE_SECTION,
    "education_section": Codes.PRESENTATION_EDUCATION_SECTION,
    "skills_section": Codes.PRESENTATION_SKILLS_SECTION,
    "length": Codes.PRESENTATION_LENGTH,
    "dated_entries": Codes.PRESENTATION_DATED_ENTRIES,
    "date_format": Codes.PRESENTATION_DATE_FORMAT,
    "bullet_length": Codes.PRESENTATION_BULLET_LENGTH,
    "layout": Codes.PRESENTATION_LAYOUT,
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

    @property
    def code(self) -> FindingCode:
        return CHECKS[self.id]


def check_points(check: str) -> int:
    points = CHECKS[check].points
    if points is None:
        raise ValueError(f"{CHECKS[check].code} has no points; give it some in codes.py")
    return points


def presentation_checks(resume: Resume, evidence: Evidence) -> list[Check]:
    contact = resume.contact
    kinds = {section.kind for section in resume.sections}
    checks = [
        _present("name", contact.name),
        _present("email", contact.email),
        _present("phone", contact.phone),
        _present("linkedin", contact.link("linkedin")),
        _present(
            "experience_section", kinds & {"experience", "projects"} or None, section="experience"
        ),
        _present("education_section", "education" in kinds or None),
        _present("skills_section", "skills" in kinds or None),
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


def _present(check: str, value: object, *, section: str | None = None) -> Check:
    points = check_points(check)
    message = None if value else CHECKS[check].format()
    return Check(check, points, points if value else 0.0, message, section)


def _length(resume: Resume) -> Check:
    points = check_points("length")
    years = experience_years(resume)
    pages = page_count(resume)  # estimated for text: it has no pages of its own
    if pages <= 1 or (pages == 2 and years >= EARLY_CAREER_YEARS):
        return Check("length", points, points, None)
    if pages == 2:
        return Check(
            "length",
            points,
            points / 2,
            Codes.PRESENTATION_LENGTH.format("two_pages", years=years),
        )
    return Check("length", points, 0.0, Codes.PRESENTATION_LENGTH.format(pages=pages))


def _dates(resume: Resume) -> list[Check]:
    entries = [e for s in resume.sections if s.kind == "experience" for e in s.entries]
    undated = [e for e in entries if not (e.start or e.end or e.dates)]
    dated = check_points("dated_entries")
    first = Check("dated_entries", dated, dated, None, "experience")
    if entries and undated:
        share = 1 - len(undated) / len(entries)
        first = Check(
            "dated_entries",
            dated,
            dated * share,
            Codes.PRESENTATION_DATED_ENTRIES.format(undated=len(undated), entries=len(entries)),
            "experience",
        )
    styles = {style for e in entries if (style := _date_style(e))}
    fmt = check_points("date_format")
    second = Check("date_format", fmt, fmt, None, "experience")
    if len(styles) > 1:
        second = Check(
            "date_format",
            fmt,
            0.0,
            Codes.PRESENTATION_DATE_FORMAT.format(styles=", ".join(sorted(styles))),
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
    points = check_points("bullet_length")
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
        Codes.PRESENTATION_BULLET_LENGTH.format(
            off=len(lines) - good, total=len(lines), low=low, high=high
        ),
    )


def _layout(resume: Resume) -> Check:
    points = check_points("layout")
    problems = [w for w in resume.warnings if w.code != "not_english"]
    if not problems:
        return Check("layout", points, points, None)
    return Check(
        "layout",
        points,
        max(0.0, points - 5 * len(problems)),
        Codes.PRESENTATION_LAYOUT.format(warnings=" ".join(w.message for w in problems)),
    )


def _months(iso: str | None) -> int | None:
    if not iso:
        return None
    match = re.match(r"(\d{4})(?:-(\d{2}))?", iso)
    if not match:
        return None
    return int(match.group(1)) * 12 + (int(match.group(2) or 1) - 1)
