"""Presentation and ATS-readiness: can a reader, and an applicant tracking system, find
everything? Each check has points; a failed check becomes feedback with its fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

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


def experience_years(resume: Resume, today: date | None = None) -> float | None:
    """Years of experience: the dated periods of the experience sections' entries, overlaps
    counted once. None when no entry has both ends dated (then nothing is said about years).

    A current role ("– Present") runs to `today` (the analysis date; injected by tests), and
    a role's last month counts ("Jan – Dec 2020" is a year).
    """
    now = _month_of(today or date.today())
    periods: list[tuple[int, int]] = []
    for section in resume.sections:
        if section.kind != "experience":
            continue
        for entry in section.entries:
            start = _months(entry.start)
            end = max(now, start or now) if entry.current else _end_months(entry.end)
            if start is not None and end is not None and end >= start:
                periods.append((start, end))
    if not periods:
        return None
    return _merged_months(periods) / 12.0


def _end_months(iso: str | None) -> int | None:
    """The month after a role's last month: "Jan 2020 – Dec 2020" is twelve months. A year
    alone ("2019 – 2021") is read as its January, so such a period counts whole years."""
    months = _months(iso)
    if months is None or iso is None or len(iso) == 4:
        return months
    return months + 1


def _merged_months(periods: list[tuple[int, int]]) -> int:
    """Months covered by the periods, each month once however many roles overlap it."""
    total = 0
    covered_to: int | None = None
    for start, end in sorted(periods):
        if covered_to is not None and start <= covered_to:
            total += max(0, end - covered_to)
        else:
            total += end - start
        covered_to = end if covered_to is None else max(covered_to, end)
    return total


def _month_of(day: date) -> int:
    return day.year * 12 + day.month - 1


def _present(check: str, value: object, *, section: str | None = None) -> Check:
    points = check_points(check)
    message = None if value else CHECKS[check].format()
    return Check(check, points, points if value else 0.0, message, section)


def _length(resume: Resume) -> Check:
    points = check_points("length")
    years = experience_years(resume)
    pages = page_count(resume)  # estimated for text: it has no pages of its own
    if pages <= 1 or (pages == 2 and years is not None and years >= EARLY_CAREER_YEARS):
        return Check("length", points, points, None)
    if pages == 2:
        return Check("length", points, points / 2, _two_pages_message(years))
    return Check("length", points, 0.0, Codes.PRESENTATION_LENGTH.format(pages=pages))


def _two_pages_message(years: float | None) -> str:
    """Say the years only when the dates tell them; never "about 0 years"."""
    if years is None:
        return Codes.PRESENTATION_LENGTH.format("two_pages_undated")
    if years < 1:
        return Codes.PRESENTATION_LENGTH.format("two_pages_under_a_year")
    return Codes.PRESENTATION_LENGTH.format("two_pages", years=max(1.0, years))


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
    # Not layout problems: the language is another check's, and a misnamed file was read
    # by its bytes as it should be.
    problems = [w for w in resume.warnings if w.code not in {"not_english", "extension_mismatch"}]
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
