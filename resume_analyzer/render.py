"""Plain-text views of a parsed resume, for the terminal."""

from __future__ import annotations

from resume_analyzer.document import Entry, Resume


def _entry_line(entry: Entry) -> str:
    parts = [p for p in (entry.title, entry.organization, entry.location, *entry.details) if p]
    end = "present" if entry.current else entry.end
    dates = " – ".join(d for d in (entry.start, end) if d)
    return " | ".join([*parts, dates] if dates else parts) or "(entry)"


def outline(resume: Resume) -> str:
    """The resume as the parser understood it: contact, then each section in order."""
    contact = resume.contact
    out = [contact.name or "(name not found)"]
    details = [contact.email, contact.phone, contact.location]
    details += [link.url for link in contact.links]
    out.append(" · ".join(d for d in details if d))
    out.append(f"{resume.pages} page(s), {resume.source_format}")
    for section in resume.sections:
        out.append("")
        out.append(f"== {section.heading or '(untitled)'} [{section.kind}]")
        entries_shown: set[int] = set()
        for bullet in section.bullets:
            if bullet.entry is not None and bullet.entry not in entries_shown:
                entries_shown.add(bullet.entry)
                out.append(f"  * {_entry_line(section.entries[bullet.entry])}")
            indent = "      " if bullet.entry is not None else "    "
            out.append(f"{indent}{bullet.marker or '·'} {bullet.text}")
        for index, entry in enumerate(section.entries):
            if index not in entries_shown:
                out.append(f"  * {_entry_line(entry)}")
    for warning in resume.warnings:
        out.append(f"\nwarning: {warning.message}")
    return "\n".join(out)
