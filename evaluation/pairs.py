"""Two analyses of the same content, reduced to figures and compared (evaluation.invariance).

A profile holds no text: the score split into parts, and the parse's shape (section kinds,
counts, which contact fields were found). Comparing two names the sub-score that differs most
and what the parses disagree on, in labels that count well over many pairs.
"""

from __future__ import annotations

import io
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from evaluation.files import _contact_field
from evaluation.metrics import CONTACT_FIELDS
from resume_analyzer import analyze
from resume_analyzer.document import Resume
from resume_analyzer.errors import ResumeAnalyzerError
from resume_analyzer.resume_shape import words_run_together
from resume_analyzer.scoring.result import Analysis
from resume_analyzer.settings import AnalysisSettings

LOST = 0.1  # a parse holding 10% fewer words than the other's lost text, or split it apart
NEAR, CLOSE = 5.0, 2.0  # points: the corpus margin, and the fixtures' (tests/test_format_…)


# --- One analysis, reduced to figures -------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    """What one analysis found, without text: the score split into parts, and the parse's shape."""

    status: str  # "ok", an error code, or "bug:<ExceptionType>"
    score: float | None = None
    parts: dict[str, float] = field(default_factory=dict)  # sub-score -> points of the total
    kinds: tuple[str, ...] = ()
    bullets: int = 0  # judged for impact
    entries: int = 0
    contact: tuple[str, ...] = ()
    pages: int = 0
    warnings: tuple[str, ...] = ()
    glued: int = 0  # judged bullets with a 25+ letter word: spaces lost between words
    words: int = 0  # in the parsed document's sections (headings, entries, bullets)


def score_parts(analysis: Analysis) -> dict[str, float]:
    """The total as a sum of parts, each in points of the 0–100 score.

    Presentation and competency coverage are split into their checks and areas, so a pair's
    difference can be pinned on e.g. `presentation:phone` rather than on "presentation".
    """
    parts: dict[str, float] = {}
    for component in analysis.components:
        if component.id == "presentation":
            checks = component.details["checks"]
            parts |= {
                f"presentation:{k}": c["earned"] * component.weight for k, c in checks.items()
            }
        elif component.id == "competencies":
            parts |= {
                f"competencies:{c.id}": c.score * c.weight * component.weight
                for c in analysis.competencies
            }
        else:
            parts[component.id] = component.score * component.weight
    return {k: round(v, 2) for k, v in parts.items()}


def profile(analysis: Analysis) -> Profile:
    resume = analysis.resume
    contact = resume.contact
    return Profile(
        status="ok",
        score=round(analysis.score, 2),
        parts=score_parts(analysis),
        kinds=tuple(s.kind for s in resume.sections),
        bullets=len(analysis.bullets),
        entries=sum(len(s.entries) for s in resume.sections),
        contact=tuple(f for f in CONTACT_FIELDS if _contact_field(contact, f)),
        pages=resume.pages,
        warnings=tuple(w.code for w in analysis.warnings),
        glued=sum(words_run_together(b.text) for b in analysis.bullets),
        words=_words(resume),
    )


def _words(resume: Resume) -> int:
    """Words the parse kept in its sections: a loss shows as a drop against the other format."""
    entries = [e for s in resume.sections for e in s.entries]
    texts = [s.heading for s in resume.sections] + [b.text for b in resume.bullets]
    texts += [
        part for e in entries for part in (e.title, e.organization, e.location, e.dates) if part
    ]
    return sum(len(text.split()) for text in texts)


def analyse(data: bytes, filename: str, settings: AnalysisSettings) -> Profile:
    try:
        return profile(analyze(data, filename=filename, settings=settings))
    except ResumeAnalyzerError as exc:
        return Profile(exc.code)
    except Exception as exc:  # a bug: keep its type, never its message (it may quote text)
        return Profile(f"bug:{type(exc).__name__}")


def pdf_text(data: bytes) -> str:
    """The PDF's text as pdfplumber extracts it, pages joined by a line break."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


# --- Comparing two profiles -------------------------------------------------------------------


def differences(a: Profile, b: Profile, names: tuple[str, str] = ("first", "second")) -> list[str]:
    """What the two parses disagree on, as labels that count well across pairs."""
    out = []
    kinds_a, kinds_b = Counter(a.kinds), Counter(b.kinds)
    out += [f"section {k} only in {names[0]}" for k in sorted(kinds_a.keys() - kinds_b.keys())]
    out += [f"section {k} only in {names[1]}" for k in sorted(kinds_b.keys() - kinds_a.keys())]
    if kinds_a.keys() == kinds_b.keys() and kinds_a != kinds_b:
        out.append("same section kinds, different counts")
    if a.bullets != b.bullets:
        out.append(f"more judged bullets in {names[0] if a.bullets > b.bullets else names[1]}")
    if a.entries != b.entries:
        out.append(f"more entries in {names[0] if a.entries > b.entries else names[1]}")
    out += [f"contact {f} only in {names[0]}" for f in a.contact if f not in b.contact]
    out += [f"contact {f} only in {names[1]}" for f in b.contact if f not in a.contact]
    if min(a.words, b.words) < (1 - LOST) * max(a.words, b.words):
        out.append(f"fewer words parsed from {names[0] if a.words < b.words else names[1]}")
    if abs(a.glued - b.glued) >= 2:
        out.append(f"words run together in {names[0] if a.glued > b.glued else names[1]}")
    if a.pages != b.pages:
        out.append("pages differ")
    if sorted(a.warnings) != sorted(b.warnings):
        out.append("warnings differ")
    return out


def compare(kind: str, file: str, a: Profile, b: Profile) -> dict[str, Any]:
    """One row of the table: the two profiles, and, when both scored, where they differ."""
    row: dict[str, Any] = {"kind": kind, "file": file, "first": asdict(a), "second": asdict(b)}
    if a.score is None or b.score is None:
        return row | {"diff": None}
    gaps = {k: round(b.parts.get(k, 0.0) - a.parts.get(k, 0.0), 2) for k in a.parts | b.parts}
    largest = max(gaps, key=lambda k: abs(gaps[k]))
    return row | {
        "diff": round(b.score - a.score, 2),
        "largest_part": largest,
        "largest_part_diff": gaps[largest],
        "part_diffs": {k: v for k, v in sorted(gaps.items()) if abs(v) >= 0.5},
        "differences": differences(a, b, tuple(kind.split("/", 1))),  # type: ignore[arg-type]
        "section_kinds": [list(a.kinds), list(b.kinds)],
        "bullets": [a.bullets, b.bullets],
        "entries": [a.entries, b.entries],
    }


def summarize(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Per pair kind: how many pairs scored, within 5 and 2 points, median and worst |diff|."""
    out: dict[str, Any] = {}
    for kind in dict.fromkeys(r["kind"] for r in rows):
        mine = [r for r in rows if r["kind"] == kind]
        scored = [r for r in mine if r["diff"] is not None]
        diffs = [abs(r["diff"]) for r in scored]
        worst = max(scored, key=lambda r: abs(r["diff"]), default=None)
        out[kind] = {
            "pairs": len(scored),
            "not_scored": dict(Counter(_failure(r) for r in mine if r["diff"] is None)),
            "within_5": sum(d <= NEAR for d in diffs),
            "within_2": sum(d <= CLOSE for d in diffs),
            "median_abs_diff": round(statistics.median(diffs), 2) if diffs else None,
            "worst": {"file": worst["file"], "abs_diff": abs(worst["diff"])} if worst else None,
            "over_5": _causes([r for r in scored if abs(r["diff"]) > NEAR]),
            "over_2": _causes([r for r in scored if abs(r["diff"]) > CLOSE]),
        }
    return out


def _causes(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Over these pairs: how often each sub-score differs most, and each parse difference."""
    return {
        "pairs": len(rows),
        "largest_part": dict(Counter(r["largest_part"] for r in rows).most_common()),
        "differences": dict(Counter(d for r in rows for d in r["differences"]).most_common()),
    }


def _failure(row: dict[str, Any]) -> str:
    first, second = row["first"]["status"], row["second"]["status"]
    return f"first {first}" if first != "ok" else f"second {second}"
