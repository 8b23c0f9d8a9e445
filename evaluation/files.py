"""Parsing one corpus file, the per-file table, and its summaries."""

from __future__ import annotations

import statistics
import time
import traceback
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from evaluation.metrics import CONTACT_FIELDS, GROUPS, LIVECAREER, timing_stats
from resume_analyzer.document import SECTION_KINDS, Contact, Resume
from resume_analyzer.errors import DocumentError
from resume_analyzer.parsing import parse_resume

# --- Parsing one input --------------------------------------------------------------------------


@dataclass(frozen=True)
class Attempt:
    """The outcome of one parse: a resume, or an error code ("bug" for unexpected exceptions)."""

    resume: Resume | None
    status: str
    ms: float
    error_type: str | None = None
    bug_at: str | None = None
    wrapped: str | None = None


def attempt_parse(source: Path | bytes, filename: str | None = None) -> Attempt:
    start = time.perf_counter()
    try:
        resume = parse_resume(source, filename=filename)
    except DocumentError as exc:
        return Attempt(None, exc.code, _elapsed_ms(start), wrapped=_wrapped_bug(exc))
    except Exception as exc:
        # Any other exception is a parser bug. Keep its type and where it was raised, never its
        # message: messages can quote the document.
        return Attempt(None, "bug", _elapsed_ms(start), type(exc).__name__, _where(exc))
    return Attempt(resume, "ok", _elapsed_ms(start))


def _elapsed_ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def _wrapped_bug(exc: DocumentError) -> str | None:
    """The exception a DocumentError replaced, when that one was raised in our own code.

    Readers turn any library exception into e.g. `corrupt_document` (`raise … from None` still
    keeps `__context__`); when the original came from our code it is likely a bug in disguise.
    """
    original = exc.__context__
    if original is None or isinstance(original, DocumentError):
        return None
    frames = traceback.extract_tb(original.__traceback__)
    if not frames or not _is_ours(frames[-1].filename):
        return None
    return f"{type(original).__name__} at {_where(original)}"


def _is_ours(filename: str) -> bool:
    """A frame in the package itself, not in this evaluation code."""
    parts = Path(filename).parts
    return "resume_analyzer" in parts and "evaluation" not in parts


def _where(exc: BaseException) -> str:
    """The deepest frame in our own package (else the deepest frame): file name and line."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if _is_ours(f.filename)]
    chosen = ours or frames
    if not chosen:
        return "?"
    return f"{Path(chosen[-1].filename).name}:{chosen[-1].lineno}"


# --- Corpus files ---------------------------------------------------------------------------


class Target(NamedTuple):
    group: str  # "pdf", "docx" or "livecareer"
    category: str | None  # the livecareer folder name
    path: Path


@dataclass
class FileResult:
    """One row of the per-file table: shape only, never content."""

    file: str
    group: str
    category: str | None
    status: str
    ms: float
    error_type: str | None = None
    bug_at: str | None = None
    wrapped: str | None = None
    pages: int = 0
    sections: list[str] = field(default_factory=list)
    entries: int = 0
    bullets: int = 0
    contact_found: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def collect_targets(corpus: Path, livecareer_limit: int) -> list[Target]:
    """resumes/pdf and resumes/docx, then the first N PDFs (by name) of each livecareer folder."""
    targets: list[Target] = []
    for group in ("pdf", "docx"):
        targets += [Target(group, None, p) for p in _files(corpus / "resumes" / group, group)]
    root = corpus / LIVECAREER
    categories = sorted(d for d in root.iterdir() if d.is_dir()) if root.is_dir() else []
    for category in categories:
        pdfs = _files(category, "pdf")[:livecareer_limit]
        targets += [Target("livecareer", category.name, p) for p in pdfs]
    return targets


def _files(folder: Path, suffix: str) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == f".{suffix}")


def evaluate_file(target: Target, corpus: Path) -> FileResult:
    attempt = attempt_parse(target.path)
    row = FileResult(
        file=target.path.relative_to(corpus).as_posix(),
        group=target.group,
        category=target.category,
        status=attempt.status,
        ms=round(attempt.ms, 1),
        error_type=attempt.error_type,
        bug_at=attempt.bug_at,
        wrapped=attempt.wrapped,
    )
    resume = attempt.resume
    if resume is not None:
        row.pages = resume.pages
        row.sections = [s.kind for s in resume.sections]
        row.entries = sum(len(s.entries) for s in resume.sections)
        row.bullets = len(resume.bullets)
        row.contact_found = [f for f in CONTACT_FIELDS if _contact_field(resume.contact, f)]
        row.warnings = [w.code for w in resume.warnings]
    return row


def _contact_field(contact: Contact, name: str) -> str | None:
    if name in ("linkedin", "github", "portfolio"):
        return contact.link(name)  # type: ignore[arg-type]
    value = getattr(contact, name)
    return value if isinstance(value, str) and value.strip() else None


# --- Summaries of the per-file table ----------------------------------------------------------


def failure_stats(rows: Sequence[FileResult]) -> dict[str, Any]:
    """ok / failed by error code / bugs, and time per file, overall and per group."""
    by_group = {g: [r for r in rows if r.group == g] for g in GROUPS}
    return {
        **_failure_counts(rows),
        "bugs": [
            {"file": r.file, "error_type": r.error_type, "at": r.bug_at}
            for r in rows
            if r.status == "bug"
        ],
        "slowest": [
            {"file": r.file, "ms": r.ms, "pages": r.pages}
            for r in sorted(rows, key=lambda r: r.ms, reverse=True)[:5]
        ],
        "wrapped_bugs": [
            {"file": r.file, "code": r.status, "wrapped": r.wrapped} for r in rows if r.wrapped
        ],
        "by_group": {g: _failure_counts(group) for g, group in by_group.items() if group},
    }


def _failure_counts(rows: Sequence[FileResult]) -> dict[str, Any]:
    failed = Counter(r.status for r in rows if r.status != "ok")
    return {
        "files": len(rows),
        "ok": len(rows) - sum(failed.values()),
        "failed": dict(sorted(failed.items())),
        "ms": timing_stats([r.ms for r in rows]),
        # Per page too: comparable with the ms/page figures of benchmarks/run.py.
        "ms_per_page": timing_stats([r.ms / r.pages for r in rows if r.pages]),
    }


def section_stats(rows: Sequence[FileResult]) -> dict[str, Any]:
    """Over files that parsed: how many have each section kind, and the suspicious shapes."""
    ok = [r for r in rows if r.status == "ok"]
    has = Counter(kind for r in ok for kind in set(r.sections))
    return {
        "files": len(ok),
        "files_with_kind": {kind: has[kind] for kind in SECTION_KINDS},
        "mean_sections": round(statistics.mean(len(r.sections) for r in ok), 2) if ok else None,
        "zero_sections": [r.file for r in ok if not r.sections],
        "only_other": [r.file for r in ok if r.sections and set(r.sections) == {"other"}],
        "no_bullets": [r.file for r in ok if r.bullets == 0],
    }


def category_kinds(rows: Sequence[FileResult]) -> dict[str, dict[str, Any]]:
    """livecareer category -> how many of its parsed files have each section kind."""
    out: dict[str, dict[str, Any]] = {}
    for category in sorted({r.category for r in rows if r.category}):
        ok = [r for r in rows if r.category == category and r.status == "ok"]
        has = Counter(kind for r in ok for kind in set(r.sections))
        kinds = {k: has[k] for k in SECTION_KINDS if has[k]}
        out[category] = {"files": len(ok), "kinds": kinds}
    return out
