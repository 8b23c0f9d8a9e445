"""LinkedIn profile exports: positions, sections and contact details found, per export.

    python -m evaluation.linkedin --corpus ../shared/corpus

For each export in resumes/linkedin: the positions the parse found (experience entries with a
date) against the positions the document holds (its duration lines, "(2 years 3 months)",
"(5 months)", "(less than a year)", counted in pdfplumber's plain text), the sections found by
kind, and whether the name, email, phone and LinkedIn URL were found. Only counts and file
names are printed: the exports are real people's profiles.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import click

from evaluation import corpus_option
from resume_analyzer.document import Resume
from resume_analyzer.parsing import parse_resume

FOLDER = Path("resumes") / "linkedin"
# A position's duration closes its dates line; a company's total tenure has no parentheses.
_DURATION = re.compile(
    r"\((?:less than a year|\d+ years?(?: \d+ months?)?|\d+ months?)\)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
CONTACT = ("name", "email", "phone", "linkedin")


@dataclass(frozen=True)
class ExportResult:
    file: str
    positions_found: int
    positions_in_document: int
    positions_complete: int  # with a title, a company and a duration too
    sections: Counter[str]
    contact: dict[str, bool]


def positions_in_text(text: str) -> int:
    """Duration lines in the plain text: one per position."""
    return len(_DURATION.findall(text))


def positions_found(resume: Resume) -> int:
    return sum(
        1
        for section in resume.sections
        if section.kind == "experience"
        for entry in section.entries
        if entry.start or entry.end
    )


def positions_complete(resume: Resume) -> int:
    return sum(
        1
        for section in resume.sections
        if section.kind == "experience"
        for entry in section.entries
        if (entry.start or entry.end) and entry.title and entry.organization and entry.duration
    )


def contact_found(resume: Resume) -> dict[str, bool]:
    contact = resume.contact
    values = {
        "name": contact.name,
        "email": contact.email,
        "phone": contact.phone,
        "linkedin": contact.link("linkedin"),
    }
    return {field: bool(values[field]) for field in CONTACT}


def plain_text(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def evaluate_export(path: Path) -> ExportResult:
    resume = parse_resume(path)
    return ExportResult(
        file=path.name,
        positions_found=positions_found(resume),
        positions_in_document=positions_in_text(plain_text(path)),
        positions_complete=positions_complete(resume),
        sections=Counter(section.kind for section in resume.sections),
        contact=contact_found(resume),
    )


def render(results: list[ExportResult]) -> list[str]:
    out = ["== LinkedIn exports: positions found / in the document; sections by kind; contact"]
    for r in results:
        kinds = ", ".join(f"{k} {n}" if n > 1 else k for k, n in sorted(r.sections.items()))
        have = " ".join(f for f in CONTACT if r.contact[f]) or "none"
        missing = " ".join(f for f in CONTACT if not r.contact[f]) or "none"
        out.append(
            f"  {r.file[:48]:48} positions {r.positions_found:2}/{r.positions_in_document:<2}  "
            f"sections: {kinds}  contact found: {have}; missing: {missing}"
        )
    found = sum(r.positions_found for r in results)
    total = sum(r.positions_in_document for r in results)
    exact = sum(r.positions_found == r.positions_in_document for r in results)
    complete = sum(r.positions_complete for r in results)
    sections = sum((r.sections for r in results), Counter[str]())
    files_with = Counter(kind for r in results for kind in r.sections)
    out.append(
        f"  total: {len(results)} exports; positions {found}/{total}; "
        f"exports with every position {exact}/{len(results)}; positions with title, company "
        f"and duration {complete}/{total}"
    )
    out.append(
        "  sections (files having it): "
        + ", ".join(f"{k} {files_with[k]}" for k in sorted(files_with))
        + f"; sections in all {sum(sections.values())}"
    )
    out.append(
        "  contact found: "
        + ", ".join(f"{f} {sum(r.contact[f] for r in results)}/{len(results)}" for f in CONTACT)
    )
    return out


@click.command()
@corpus_option
def main(corpus: Path) -> None:
    """Report how LinkedIn profile exports parse: positions, sections and contact details."""
    folder = corpus / FOLDER
    if not folder.is_dir():
        click.echo(f"{folder}: no LinkedIn exports found, nothing evaluated.")
        return
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    results = [evaluate_export(path) for path in sorted(folder.glob("*.pdf"))]
    for line in render(results):
        click.echo(line)


if __name__ == "__main__":
    main()
