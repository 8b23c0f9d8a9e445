"""Measure the parser on the development corpus: failures, sections, contacts, layouts.

    python -m resume_analyzer.evaluation --corpus ../shared/corpus [--json report.json]

The corpus holds real people's resumes. This module never prints or writes their text, names
or contact details: only counts, ratios, section kinds, error codes and file names.
"""

from __future__ import annotations

import json
import logging
import math
import re
import statistics
import time
import traceback
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import click

from resume_analyzer.document import SECTION_KINDS, Contact, Resume
from resume_analyzer.errors import DocumentError
from resume_analyzer.parsing import parse_resume

GROUPS = ("pdf", "docx", "livecareer")
LIVECAREER = Path("labeled") / "livecareer_by_category"
DATATURKS_GLOB = "DataTurks-*traindata.json"
LAYOUTS = ("single-column", "two-column", "modern-two-column")
LAYOUT_FILE = "resumes/pdf/srbhr_Resume-Matcher__{}.pdf"
CONTACT_FIELDS = ("name", "email", "phone", "location", "linkedin", "github", "portfolio")
HEADLINE_KINDS = ("experience", "education", "skills", "projects", "summary")
NAME_OVERLAP_THRESHOLD = 0.5

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_WORD = re.compile(r"\w+")
_PHONE_CHARS = re.compile(r"\+?[\d\s().\-/]+")
_EXTENSION = re.compile(r"\s*(?:ext\.?|x)\s*\d{1,5}$", re.IGNORECASE)
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-/]\s*(?:19|20)\d\d")
# Ten to thirteen digits with phone separators: a national or international number.
_PHONE_RUN = re.compile(r"(?<![\d-])\+?\d(?:[\s().-]{0,2}\d){9,12}(?![\d-])")


# --- Pure metrics -----------------------------------------------------------------------------


def normalize_space(text: str) -> str:
    """Casefold and collapse whitespace, so case and wrapping do not count as differences."""
    return " ".join(text.casefold().split())


def normalize_bullet(text: str) -> str:
    """Like `normalize_space`, punctuation read as space (layouts differ in dashes and quotes).

    A space rather than nothing, so "end-to-end" and a wrapped "end- to-end" still agree.
    """
    spaced = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in text)
    return normalize_space(spaced)


def looks_like_email(text: str) -> bool:
    """DataTurks 'emails' are mostly obfuscated indeed.com/r/… paths: those cannot be scored."""
    return _EMAIL.fullmatch(text.strip()) is not None


def looks_like_phone(text: str) -> bool:
    """Seven to fifteen digits (E.164 allows 15) in phone punctuation, and not a year range."""
    text = _EXTENSION.sub("", text.strip())
    if not _PHONE_CHARS.fullmatch(text) or _YEAR_RANGE.fullmatch(text):
        return False
    return 7 <= sum(ch.isdigit() for ch in text) <= 15


def token_overlap(predicted: str, gold: str) -> float:
    """Jaccard similarity of the two word sets (casefolded, punctuation ignored)."""
    a = set(_WORD.findall(predicted.casefold()))
    b = set(_WORD.findall(gold.casefold()))
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def multiset_jaccard(a: Counter[str], b: Counter[str]) -> float:
    """|a ∩ b| / |a ∪ b| counting repeats; two empty multisets are identical (1.0)."""
    union = sum((a | b).values())
    if union == 0:
        return 1.0
    return sum((a & b).values()) / union


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile with linear interpolation between ranks (numpy's default)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def timing_stats(ms: Sequence[float]) -> dict[str, float]:
    if not ms:
        return {"median": 0.0, "p95": 0.0, "max": 0.0}
    return {
        "median": round(statistics.median(ms), 1),
        "p95": round(percentile(ms, 95), 1),
        "max": round(max(ms), 1),
    }


def rate(count: int, total: int) -> float | None:
    return round(count / total, 3) if total else None


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
    return "resume_analyzer" in filename and not filename.endswith("evaluation.py")


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


# --- Contact accuracy against DataTurks ---------------------------------------------------------


@dataclass(frozen=True)
class LabeledContact:
    """One DataTurks resume: its text and the labeled email and name spans (text as labeled)."""

    content: str
    emails: tuple[str, ...] = ()
    names: tuple[str, ...] = ()


def labeled_contact(record: dict[str, Any]) -> LabeledContact:
    # Span texts, not offsets: a few offsets do not match the text the labeler saw.
    spans: dict[str, list[str]] = {"Email Address": [], "Name": []}
    for annotation in record.get("annotation") or []:
        labels = annotation.get("label") or []
        for label in [labels] if isinstance(labels, str) else labels:
            if label in spans:
                spans[label] += [str(p.get("text", "")).strip() for p in annotation["points"]]
    return LabeledContact(
        str(record.get("content") or ""),
        tuple(s for s in spans["Email Address"] if s),
        tuple(s for s in spans["Name"] if s),
    )


def read_dataturks(path: Path) -> list[LabeledContact]:
    with path.open(encoding="utf-8") as handle:
        return [labeled_contact(json.loads(line)) for line in handle if line.strip()]


Pair = tuple[LabeledContact, Contact | None]


def score_emails(pairs: Sequence[Pair]) -> dict[str, Any]:
    """Exact match (casefolded) where the label is a real email; the rest are skipped."""
    items = [e for gold, _ in pairs for e in gold.emails]
    evaluated = found = correct = 0
    for gold, contact in pairs:
        wanted = {normalize_space(e) for e in gold.emails if looks_like_email(e)}
        if not wanted:
            continue
        predicted = normalize_space(contact.email) if contact and contact.email else None
        evaluated += 1
        found += predicted is not None
        correct += predicted in wanted
    returned = [(g, c) for g, c in pairs if c and c.email]
    return {
        "labeled_items": len(items),
        "skipped_not_an_email": sum(not looks_like_email(e) for e in items),
        "docs_evaluated": evaluated,
        "correct": correct,
        "found": found,
        "accuracy": rate(correct, evaluated),
        "coverage": rate(found, evaluated),
        # With almost every label obfuscated, these say whether returned emails are plausible.
        "docs_with_email_returned": len(returned),
        "returned_without_at_in_text": sum("@" not in g.content for g, _ in returned),
    }


def score_names(pairs: Sequence[Pair]) -> dict[str, Any]:
    """Exact (normalized) and token-overlap ≥ 0.5 matches against any labeled name."""
    evaluated = found = exact = overlap = 0
    for gold, contact in pairs:
        if not gold.names:
            continue
        evaluated += 1
        if not contact or not contact.name:
            continue
        found += 1
        exact += normalize_space(contact.name) in {normalize_space(n) for n in gold.names}
        best = max(token_overlap(contact.name, n) for n in gold.names)
        overlap += best >= NAME_OVERLAP_THRESHOLD
    return {
        "docs_evaluated": evaluated,
        "found": found,
        "exact": exact,
        "overlap": overlap,
        "accuracy_exact": rate(exact, evaluated),
        "accuracy_overlap": rate(overlap, evaluated),
        "coverage": rate(found, evaluated),
    }


def score_phones(pairs: Sequence[Pair]) -> dict[str, Any]:
    """No phone label exists: only how often a phone-looking value comes out."""
    found = sum(bool(c and c.phone and looks_like_phone(c.phone)) for _, c in pairs)
    returned = sum(bool(c and c.phone) for _, c in pairs)
    return {
        "docs": len(pairs),
        "phone_returned": returned,
        "phone_like": found,
        "phone_like_rate": rate(found, len(pairs)),
        # A rough ceiling: most DataTurks (Indeed) texts carry no phone at all.
        "texts_with_phone_like_digits": sum(
            _PHONE_RUN.search(g.content) is not None for g, _ in pairs
        ),
    }


def evaluate_contacts(path: Path) -> dict[str, Any]:
    docs = read_dataturks(path)
    attempts = [attempt_parse(doc.content.encode("utf-8"), "x.txt") for doc in docs]
    pairs = [
        (d, a.resume.contact if a.resume else None) for d, a in zip(docs, attempts, strict=True)
    ]
    return {
        "file": path.name,
        "docs": len(docs),
        "status": dict(Counter(a.status for a in attempts)),
        "bugs": [
            {"index": i, "error_type": a.error_type, "at": a.bug_at}
            for i, a in enumerate(attempts)
            if a.status == "bug"
        ],
        "ms": timing_stats([a.ms for a in attempts]),
        "email": score_emails(pairs),
        "name": score_names(pairs),
        "phone": score_phones(pairs),
    }


# --- Same content, three layouts ----------------------------------------------------------------


@dataclass(frozen=True)
class LayoutSignature:
    kinds: tuple[str, ...]
    bullets: Counter[str]
    contact: dict[str, str | None]


def layout_signature(resume: Resume) -> LayoutSignature:
    bullets = Counter(normalize_bullet(b.text) for b in resume.bullets)
    del bullets[""]
    contact = {f: _normalized(_contact_field(resume.contact, f)) for f in CONTACT_FIELDS}
    return LayoutSignature(tuple(s.kind for s in resume.sections), bullets, contact)


def _normalized(value: str | None) -> str | None:
    return normalize_space(value) if value else None


def compare_layouts(a: LayoutSignature, b: LayoutSignature) -> dict[str, Any]:
    """Counts only: which bullets differ is not reported, to keep resume text out of the output."""
    differing = [f for f in CONTACT_FIELDS if a.contact[f] != b.contact[f]]
    return {
        "same_section_kinds": a.kinds == b.kinds,
        "bullet_jaccard": round(multiset_jaccard(a.bullets, b.bullets), 3),
        "bullets_only_in_first": sum((a.bullets - b.bullets).values()),
        "bullets_only_in_second": sum((b.bullets - a.bullets).values()),
        "contact_equal": not differing,
        "contact_fields_differing": differing,
    }


def evaluate_layouts(corpus: Path) -> dict[str, Any]:
    signatures: dict[str, LayoutSignature] = {}
    layouts: dict[str, Any] = {}
    for name in LAYOUTS:
        attempt = attempt_parse(corpus / LAYOUT_FILE.format(name))
        layouts[name] = {"status": attempt.status}
        if attempt.resume is not None:
            signatures[name] = layout_signature(attempt.resume)
            layouts[name]["sections"] = list(signatures[name].kinds)
            layouts[name]["bullets"] = sum(signatures[name].bullets.values())
            # Where the bullets went, as counts: shows which section a layout loses them in.
            per_section = [len(s.bullets) for s in attempt.resume.sections]
            layouts[name]["bullets_per_section"] = per_section
    pairs = {
        f"{a} vs {b}": compare_layouts(signatures[a], signatures[b])
        for i, a in enumerate(LAYOUTS)
        for b in LAYOUTS[i + 1 :]
        if a in signatures and b in signatures
    }
    return {"layouts": layouts, "pairs": pairs}


# --- The whole report -----------------------------------------------------------------------


def evaluate_corpus(
    corpus: Path, livecareer_limit: int, progress: Callable[[str], None] = lambda _: None
) -> dict[str, Any]:
    targets = collect_targets(corpus, livecareer_limit)
    progress(f"parsing {len(targets)} files…")
    rows = [evaluate_file(t, corpus) for t in targets]
    groups = {g: [r for r in rows if r.group == g] for g in GROUPS}
    dataturks = sorted((corpus / "labeled").glob(DATATURKS_GLOB))
    progress("parsing DataTurks texts…" if dataturks else "DataTurks labels not found")
    layouts_present = all((corpus / LAYOUT_FILE.format(n)).is_file() for n in LAYOUTS)
    return {
        "corpus": str(corpus),
        "livecareer_limit": livecareer_limit,
        "failures": failure_stats(rows),
        "sections": {"all": section_stats(rows)}
        | {g: section_stats(group) for g, group in groups.items() if group},
        "livecareer_categories": category_kinds(rows),
        "contacts": evaluate_contacts(dataturks[0]) if dataturks else None,
        "layouts": evaluate_layouts(corpus) if layouts_present else None,
        "files": [asdict(r) for r in rows],
    }


# --- Rendering ----------------------------------------------------------------------------------


def _ratio(count: int, total: int) -> str:
    return f"{count}/{total} ({100 * count / total:.1f}%)" if total else f"{count}/0"


def _ms(stats: dict[str, float]) -> str:
    return f"median {stats['median']} ms, p95 {stats['p95']} ms, max {stats['max']} ms"


def _names(files: Sequence[str], shown: int = 8) -> str:
    names = ", ".join(Path(f).name for f in files[:shown])
    return names + (f", … (+{len(files) - shown})" if len(files) > shown else "")


def render_failures(failures: dict[str, Any]) -> list[str]:
    lines = ["== 1. Parse failures"]
    for group, stats in [("all", failures), *failures["by_group"].items()]:
        failed = ", ".join(f"{code} {n}" for code, n in stats["failed"].items()) or "none"
        lines.append(
            f"  {group:<11} ok {_ratio(stats['ok'], stats['files'])}; failed: {failed}; "
            f"per file {_ms(stats['ms'])}; per page median {stats['ms_per_page']['median']} ms"
        )
    lines.append(f"  bugs (exceptions that are not DocumentError): {len(failures['bugs'])}")
    # One line per distinct exception and place: a single broken import fails every file.
    grouped: dict[str, list[str]] = {}
    for bug in failures["bugs"]:
        grouped.setdefault(f"{bug['error_type']} at {bug['at']}", []).append(bug["file"])
    lines += [f"    {where}: {len(files)} ({_names(files)})" for where, files in grouped.items()]
    slowest = ", ".join(
        f"{Path(r['file']).name} {r['ms']:.0f} ms/{r['pages']} p" for r in failures["slowest"]
    )
    lines.append(f"  slowest: {slowest}")
    wrapped = failures["wrapped_bugs"]
    lines.append(f"  DocumentErrors hiding an exception raised in our code: {len(wrapped)}")
    lines += [f"    {w['file']}: {w['code']} from {w['wrapped']}" for w in wrapped]
    return lines


def render_sections(sections: dict[str, dict[str, Any]]) -> list[str]:
    lines = ["== 2. Sections found (files that parsed)"]
    for group, stats in sections.items():
        n = stats["files"]
        kinds = ", ".join(f"{k} {v}" for k, v in stats["files_with_kind"].items() if v)
        lines += [
            f"  {group}: {n} files, mean {stats['mean_sections']} sections; files with: {kinds}",
            f"    zero sections {len(stats['zero_sections'])}, only 'other' "
            f"{len(stats['only_other'])}, no bullets {len(stats['no_bullets'])}",
        ]
        if group in ("pdf", "docx"):
            for label in ("zero_sections", "only_other", "no_bullets"):
                if stats[label]:
                    lines.append(f"      {label}: {_names(stats[label])}")
    return lines


def render_categories(categories: dict[str, dict[str, Any]]) -> list[str]:
    lines = ["== livecareer category -> section kinds (files having it / files parsed)"]
    for category, info in categories.items():
        kinds = ", ".join(f"{k} {v}" for k, v in info["kinds"].items())
        lines.append(f"  {category:<22} {info['files']:>3}: {kinds}")
    return lines


def render_contacts(contacts: dict[str, Any] | None) -> list[str]:
    if contacts is None:
        return ["== 3. Contacts: DataTurks labels not found, skipped"]
    email, name, phone = contacts["email"], contacts["name"], contacts["phone"]
    status = ", ".join(f"{k} {v}" for k, v in sorted(contacts["status"].items()))
    return [
        f"== 3. Contacts vs DataTurks labels ({contacts['docs']} texts; parse: {status}; "
        f"{_ms(contacts['ms'])}; bugs {len(contacts['bugs'])})",
        f"  name: exact {_ratio(name['exact'], name['docs_evaluated'])}, token overlap >= "
        f"{NAME_OVERLAP_THRESHOLD} {_ratio(name['overlap'], name['docs_evaluated'])}, "
        f"coverage {_ratio(name['found'], name['docs_evaluated'])}",
        f"  email: {email['labeled_items']} labeled, {email['skipped_not_an_email']} skipped "
        "(label is not an email, e.g. an obfuscated indeed.com/r/… path); "
        f"correct {_ratio(email['correct'], email['docs_evaluated'])}, "
        f"coverage {_ratio(email['found'], email['docs_evaluated'])}",
        f"    an email was returned for {email['docs_with_email_returned']} texts, "
        f"{email['returned_without_at_in_text']} of them without '@' in the text",
        f"  phone: no phone label in DataTurks; phone-looking value found in "
        f"{_ratio(phone['phone_like'], phone['docs'])} (any phone {phone['phone_returned']}; "
        f"texts with a 10-13 digit run: {phone['texts_with_phone_like_digits']})",
    ]


def render_layouts(layouts: dict[str, Any] | None) -> list[str]:
    if layouts is None:
        return ["== 4. Layouts: the three srbhr_Resume-Matcher layout PDFs not found, skipped"]
    lines = ["== 4. Same content, three layouts"]
    for name, info in layouts["layouts"].items():
        sections = zip(info.get("sections", []), info.get("bullets_per_section", []), strict=True)
        detail = f"{info.get('bullets', 0)} bullets; " + " > ".join(
            f"{kind} ({count})" for kind, count in sections
        )
        lines.append(f"  {name:<18} {info['status']}: {detail}")
    for pair, c in layouts["pairs"].items():
        differing = ", ".join(c["contact_fields_differing"]) or "none"
        lines.append(
            f"  {pair}: same kinds {c['same_section_kinds']}, bullet Jaccard "
            f"{c['bullet_jaccard']}, only in first {c['bullets_only_in_first']}, only in second "
            f"{c['bullets_only_in_second']}, contact differs: {differing}"
        )
    return lines


def headline(report: dict[str, Any]) -> list[str]:
    """The figures to compare between runs."""
    f, s = report["failures"], report["sections"]["all"]
    lines = [
        "== Summary",
        f"  parsed ok {_ratio(f['ok'], f['files'])}, bugs {len(f['bugs'])} "
        f"(+{len(f['wrapped_bugs'])} hidden in DocumentErrors), {_ms(f['ms'])}",
        "  files with "
        + ", ".join(f"{k} {_ratio(s['files_with_kind'][k], s['files'])}" for k in HEADLINE_KINDS),
        f"  zero sections {len(s['zero_sections'])}, only 'other' {len(s['only_other'])}, "
        f"no bullets {len(s['no_bullets'])}, mean sections {s['mean_sections']}",
    ]
    if (c := report["contacts"]) is not None:
        n = c["name"]["docs_evaluated"]
        lines.append(
            f"  DataTurks name exact {rate(c['name']['exact'], n)}, overlap "
            f"{rate(c['name']['overlap'], n)}; email scorable {c['email']['docs_evaluated']} "
            f"(skipped {c['email']['skipped_not_an_email']}); phone-like "
            f"{c['phone']['phone_like_rate']}"
        )
    if (lay := report["layouts"]) is not None and lay["pairs"]:
        pairs = list(lay["pairs"].values())
        lines.append(
            f"  layouts: same kinds {sum(p['same_section_kinds'] for p in pairs)}/{len(pairs)} "
            f"pairs, min bullet Jaccard {min(p['bullet_jaccard'] for p in pairs)}, contact equal "
            f"{sum(p['contact_equal'] for p in pairs)}/{len(pairs)}"
        )
    return lines


def render_report(report: dict[str, Any]) -> Iterable[str]:
    limit = report["livecareer_limit"]
    yield f"Corpus: {report['corpus']} (livecareer: first {limit} per category)"
    yield from render_failures(report["failures"])
    yield from render_sections(report["sections"])
    yield from render_contacts(report["contacts"])
    yield from render_layouts(report["layouts"])
    yield from render_categories(report["livecareer_categories"])
    yield from headline(report)


# --- Command ------------------------------------------------------------------------------------


# Options every evaluation command shares (this one, evaluation_skills, evaluation_scoring).
corpus_option = click.option(
    "--corpus",
    type=click.Path(path_type=Path),
    default=Path("../shared/corpus"),
    show_default=True,
    help="The development corpus folder.",
)


F = TypeVar("F", bound=Callable[..., Any])


def json_option(what: str) -> Callable[[F], F]:
    return click.option(
        "--json",
        "json_path",
        type=click.Path(dir_okay=False, path_type=Path),
        help=f"Also write {what} to this JSON file.",
    )


@click.command()
@corpus_option
@json_option("the full report, with the per-file table,")
@click.option(
    "--limit-livecareer",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    help="How many livecareer PDFs to parse per category (first by name).",
)
def main(corpus: Path, json_path: Path | None, limit_livecareer: int) -> None:
    """Report parse failures, sections, contact accuracy and layout consistency on the corpus."""
    if not corpus.is_dir():
        click.echo(f"{corpus}: corpus not found, nothing evaluated.")
        return
    # pdfminer logs font and colour-space complaints per page; they drown the report.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    report = evaluate_corpus(corpus, limit_livecareer, lambda m: click.echo(m, err=True))
    for line in render_report(report):
        click.echo(line)
    if json_path is not None:
        json_path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        click.echo(f"Wrote {json_path}", err=True)


if __name__ == "__main__":
    main()
