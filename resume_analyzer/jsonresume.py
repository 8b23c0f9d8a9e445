"""Map a parsed resume onto the JSON Resume schema (jsonresume.org, schema v1.0.0).

Only what was parsed is emitted; nothing is invented to fill the schema.
"""

from __future__ import annotations

import re
from typing import Any

from resume_analyzer.document import Entry, Resume, Section

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"

_NETWORKS = {"linkedin": "LinkedIn", "github": "GitHub"}


def _highlights(section: Section, index: int | None) -> list[str]:
    return [b.text for b in section.bullets if b.entry == index]


def _dated(entry: Entry) -> dict[str, str]:
    dates = {}
    if entry.start:
        dates["startDate"] = entry.start
    if entry.end and not entry.current:
        dates["endDate"] = entry.end
    return dates


def _work(section: Section) -> list[dict[str, Any]]:
    items = []
    for index, entry in enumerate(section.entries):
        item: dict[str, Any] = {"name": entry.organization, "position": entry.title}
        if entry.location:
            item["location"] = entry.location
        item.update(_dated(entry))
        item["highlights"] = _highlights(section, index)
        items.append({k: v for k, v in item.items() if v is not None})
    return items


# A header detail that is the degree's grade: JSON Resume's "score".
_GRADE = re.compile(r"\b(?:c?gpa|grade|cumulative|percentage|cpi)\b", re.IGNORECASE)


def _education(section: Section) -> list[dict[str, Any]]:
    items = []
    for index, entry in enumerate(section.entries):
        item: dict[str, Any] = {"institution": entry.organization, "studyType": entry.title}
        item["score"] = next((d for d in entry.details if _GRADE.search(d)), None)
        item.update(_dated(entry))
        courses = _highlights(section, index)
        if courses:
            item["courses"] = courses
        items.append({k: v for k, v in item.items() if v is not None})
    return items


def _projects(section: Section) -> list[dict[str, Any]]:
    items = []
    for index, entry in enumerate(section.entries):
        item: dict[str, Any] = {"name": entry.title or entry.organization}
        item.update(_dated(entry))
        item["highlights"] = _highlights(section, index)
        items.append({k: v for k, v in item.items() if v is not None})
    return items


def to_json_resume(resume: Resume) -> dict[str, Any]:
    contact = resume.contact
    basics: dict[str, Any] = {
        k: v
        for k, v in {"name": contact.name, "email": contact.email, "phone": contact.phone}.items()
        if v
    }
    if contact.location:
        basics["location"] = {"address": contact.location}
    portfolio = contact.link("portfolio")
    if portfolio:
        basics["url"] = portfolio
    basics["profiles"] = [
        {"network": _NETWORKS[link.kind], "url": link.url}
        for link in contact.links
        if link.kind in _NETWORKS
    ]
    out: dict[str, Any] = {"$schema": SCHEMA_URL, "basics": basics}
    summary = resume.section("summary")
    if summary and summary.bullets:
        basics["summary"] = " ".join(b.text for b in summary.bullets)
    keys = {
        "experience": "work",
        "leadership": "volunteer",
        "education": "education",
        "projects": "projects",
    }
    builders = {"work": _work, "volunteer": _work, "education": _education, "projects": _projects}
    for section in resume.sections:
        key = keys.get(section.kind)
        if key:
            out.setdefault(key, []).extend(builders[key](section))
    skills = [b.text for s in resume.sections if s.kind == "skills" for b in s.bullets]
    if skills:
        out["skills"] = [{"name": text} for text in skills]
    awards = [b.text for s in resume.sections if s.kind == "awards" for b in s.bullets]
    if awards:
        out["awards"] = [{"title": text} for text in awards]
    certificates = [
        b.text for s in resume.sections if s.kind == "certifications" for b in s.bullets
    ]
    if certificates:
        out["certificates"] = [{"name": text} for text in certificates]
    return out
