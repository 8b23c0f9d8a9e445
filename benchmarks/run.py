"""How much our parser costs over plain text extraction, on the same files in the same run.

    python benchmarks/run.py [--corpus ../shared/corpus] [--rounds 3] [--json FILE]

PDF: ms per page, `parse_resume` vs pdfplumber `extract_text()` on every page.
DOCX: ms per document, `parse_resume` vs python-docx paragraphs + table cells.
Inputs: synthetic resumes written to a temporary folder (reportlab, python-docx), plus the
corpus's resumes/pdf and resumes/docx when the corpus exists. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
import pdfplumber
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    PageBreak,
    PageTemplate,
)
from reportlab.platypus import Paragraph as RLParagraph

# Run from a checkout without installing: the package sits next to this folder.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from resume_analyzer.parsing import parse_resume

WORDS_PER_PAGE = 450
COPIES = 3  # synthetic files of each kind: enough to smooth per-file noise, quick to parse
# fmt: off
VOCABULARY = (
    "product", "roadmap", "launch", "metrics", "users", "growth", "retention", "analysis",
    "stakeholders", "design", "engineering", "experiment", "data", "insight", "customer",
    "onboarding", "revenue", "funnel", "platform", "mobile", "feature", "backlog", "strategy",
    "research", "interviews", "dashboard", "pricing", "conversion", "partners", "market", "team",
    "sprint", "requirements", "prototype", "survey", "cohort", "churn", "activation",
    "engagement", "api",
)
# fmt: on
VERBS = ("Led", "Launched", "Built", "Analyzed", "Designed", "Drove", "Defined", "Shipped")

Method = Callable[[Path], object]


# --- Synthetic resumes --------------------------------------------------------------------------


def sentence(rng: random.Random, words: int = 15) -> str:
    body = " ".join(rng.choice(VOCABULARY) for _ in range(words - 3))
    return f"{rng.choice(VERBS)} {body} by {rng.randint(5, 60)}%."


def resume_blocks(rng: random.Random, words: int) -> dict[str, list[tuple[str, str]]]:
    """(style, text) blocks for a sidebar (education, skills) and a main column."""
    side = [("h", "Education"), ("p", "BSc Economics, Example University, 2016 - 2020")]
    side += [("h", "Skills"), *[("b", ", ".join(rng.sample(VOCABULARY, 6))) for _ in range(4)]]
    main = [("h", "Summary"), ("p", " ".join(sentence(rng) for _ in range(3))), ("h", "Experience")]
    count = sum(len(text.split()) for _, text in side + main)
    job = 0
    while count < words:
        if job % 5 == 0:
            main.append(("e", f"Product Manager, Example Co {job}   Jan 2020 - Present"))
        main.append(("b", sentence(rng)))
        count += sum(len(text.split()) for _, text in main[-2:]) if job % 5 == 0 else 15
        job += 1
    return {"side": side, "main": main}


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=base["Normal"], fontSize=9, leading=11)
    return {
        "name": ParagraphStyle("name", parent=body, fontSize=18, leading=22),
        "h": ParagraphStyle(
            "h", parent=body, fontName="Helvetica-Bold", fontSize=11, leading=14, spaceBefore=4
        ),
        "e": ParagraphStyle("e", parent=body, fontName="Helvetica-Bold"),
        "p": body,
        "b": ParagraphStyle("b", parent=body, leftIndent=12, bulletIndent=2),
    }


def write_pdf(path: Path, rng: random.Random, pages: int, two_column: bool) -> None:
    styles = _styles()
    blocks = resume_blocks(rng, WORDS_PER_PAGE * pages)
    story: list[Flowable] = [
        RLParagraph("Alex Example", styles["name"]),
        RLParagraph("alex@example.com | +1 555 010 2030 | Springfield", styles["p"]),
    ]
    # Two columns: the sidebar fills the left frame, a FrameBreak moves on to the main column.
    side, main = blocks["side"], blocks["main"]
    order = [*side, ("break", ""), *main] if two_column else [*main, *side]
    words, page_end = 0, WORDS_PER_PAGE
    for style, text in order:
        if style == "break":
            story.append(FrameBreak())
            continue
        # One 9 pt column holds ~700 words: break the page so each one gets its ~450.
        if not two_column and words >= page_end:
            story.append(PageBreak())
            page_end += WORDS_PER_PAGE
        words += len(text.split())
        bullet = "\u2022" if style == "b" else None
        story.append(RLParagraph(text, styles[style], bulletText=bullet))
    doc = BaseDocTemplate(str(path), pagesize=LETTER)
    doc.addPageTemplates([PageTemplate(frames=_frames(two_column))])
    doc.build(story)


def _frames(two_column: bool) -> list[Frame]:
    width, height = LETTER
    margin = 40
    if not two_column:
        return [Frame(margin, margin, width - 2 * margin, height - 2 * margin)]
    side = 170
    return [
        Frame(margin, margin, side, height - 2 * margin),
        Frame(margin + side + 15, margin, width - 2 * margin - side - 15, height - 2 * margin),
    ]


def write_docx(path: Path, rng: random.Random, pages: int) -> None:
    blocks = resume_blocks(rng, WORDS_PER_PAGE * pages)
    document = docx.Document()
    document.add_heading("Alex Example", 0)
    document.add_paragraph("alex@example.com | +1 555 010 2030 | Springfield")
    for style, text in blocks["main"]:
        if style == "h":
            document.add_heading(text, 1)
        else:
            document.add_paragraph(text, style="List Bullet" if style == "b" else None)
    # Skills as a table: real DOCX resumes often keep half their words in tables.
    document.add_heading("Skills", 1)
    table = document.add_table(rows=4, cols=3)
    for row in table.rows:
        for cell in row.cells:
            cell.text = ", ".join(rng.sample(VOCABULARY, 3))
    document.save(str(path))


def make_synthetic(folder: Path, copies: int) -> dict[str, list[Path]]:
    rng = random.Random(2024)  # fixed seed: the same files every run
    sets: dict[str, list[Path]] = {"synthetic one-column": [], "synthetic two-column": []}
    sets["synthetic docx"] = []
    for copy in range(copies):
        for pages in (1, 2):
            for two_column, key in (
                (False, "synthetic one-column"),
                (True, "synthetic two-column"),
            ):
                path = folder / f"{key.split()[1]}-{pages}p-{copy}.pdf"
                write_pdf(path, rng, pages, two_column)
                sets[key].append(path)
            path = folder / f"docx-{pages}p-{copy}.docx"
            write_docx(path, rng, pages)
            sets["synthetic docx"].append(path)
    return sets


# --- The two sides of each comparison -----------------------------------------------------------


def plain_pdf(path: Path) -> object:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() for page in pdf.pages]


def plain_docx(path: Path) -> object:
    document = docx.Document(str(path))
    text = [p.text for p in document.paragraphs]
    for table in document.tables:
        text += [cell.text for row in table.rows for cell in row.cells]
    return text


def ours(path: Path) -> object:
    return parse_resume(path)


def pdf_pages(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


# --- Timing -------------------------------------------------------------------------------------


@dataclass
class Comparison:
    """One input set: files both methods read, and ms per unit (page or document) per round."""

    name: str
    unit: str
    files: list[Path]
    units: int
    plain_name: str
    plain: Method
    skipped: list[dict[str, str]] = field(default_factory=list)
    ours_ms: list[float] = field(default_factory=list)
    plain_ms: list[float] = field(default_factory=list)


def prepare(name: str, files: Sequence[Path], is_pdf: bool) -> Comparison:
    """Run both methods once (warm-up: imports, caches) and drop files either one refuses."""
    print(f"warming up on {name} ({len(files)} files)", file=sys.stderr)
    plain, plain_name = (plain_pdf, "pdfplumber") if is_pdf else (plain_docx, "python-docx")
    kept: list[Path] = []
    skipped: list[dict[str, str]] = []
    for path in files:
        try:
            ours(path)
            plain(path)
        except Exception as exc:  # a refused file cannot be timed on both sides
            skipped.append({"file": path.name, "error": type(exc).__name__})
            continue
        kept.append(path)
    units = sum(pdf_pages(p) for p in kept) if is_pdf else len(kept)
    unit = "page" if is_pdf else "document"
    return Comparison(name, unit, kept, units, plain_name, plain, skipped)


def time_pass(files: Sequence[Path], method: Method) -> float:
    gc.collect()
    start = time.perf_counter()
    for path in files:
        method(path)
    return (time.perf_counter() - start) * 1000


def run_rounds(comparisons: Sequence[Comparison], rounds: int) -> None:
    """Alternate which side goes first each round, so warm caches favour neither."""
    for number in range(rounds):
        for comparison in comparisons:
            if not comparison.files:
                continue
            sides = [("ours", ours), ("plain", comparison.plain)]
            for side, method in sides if number % 2 == 0 else sides[::-1]:
                per_unit = time_pass(comparison.files, method) / comparison.units
                (comparison.ours_ms if side == "ours" else comparison.plain_ms).append(per_unit)
        print(f"round {number + 1}/{rounds} done", file=sys.stderr)


# --- Report -------------------------------------------------------------------------------------


def spread(values: Sequence[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(values), 2),
        "min": round(min(values), 2),
        "max": round(max(values), 2),
    }


def summarize(comparison: Comparison) -> dict[str, Any]:
    # Ratios per round (paired): both sides of a round saw the same machine load.
    ratios = [o / p for o, p in zip(comparison.ours_ms, comparison.plain_ms, strict=True)]
    return {
        "set": comparison.name,
        "unit": comparison.unit,
        "files": len(comparison.files),
        "units": comparison.units,
        "plain": comparison.plain_name,
        "skipped": comparison.skipped,
        "ours_ms": spread(comparison.ours_ms) if ratios else None,
        "plain_ms": spread(comparison.plain_ms) if ratios else None,
        "ratio": spread(ratios) if ratios else None,
    }


def _cell(stats: dict[str, float] | None, digits: int = 1) -> str:
    if stats is None:
        return "-"
    low, high = round(stats["min"], digits), round(stats["max"], digits)
    return f"{stats['median']:.{digits}f} [{low:.{digits}f}–{high:.{digits}f}]"


def render(summary: dict[str, Any]) -> list[str]:
    lines = [
        f"Python {summary['python']}, pdfplumber {summary['pdfplumber']}, "
        f"{summary['cpus']} CPUs, load {summary['load_before']} -> {summary['load_after']}, "
        f"N = {summary['rounds']} rounds; median [min–max]",
        "",
        f"{'set':<22} {'unit':<8} {'files':>5} {'units':>5}  {'ours ms/unit':<22} "
        f"{'plain ms/unit':<22} {'plain':<11} ours/plain",
    ]
    for row in summary["sets"]:
        lines.append(
            f"{row['set']:<22} {row['unit']:<8} {row['files']:>5} {row['units']:>5}  "
            f"{_cell(row['ours_ms']):<22} {_cell(row['plain_ms']):<22} {row['plain']:<11} "
            f"{_cell(row['ratio'], 2)}"
        )
        lines += [f"    skipped {reason}" for reason in _skipped(row["skipped"])]
    lines += ["", f"Peak RSS of the whole process after the run: {summary['peak_rss_mib']} MiB"]
    return lines


def _skipped(skipped: Sequence[dict[str, str]], shown: int = 5) -> list[str]:
    """One line per exception type: when a reader is missing, every file fails the same way."""
    by_error: dict[str, list[str]] = {}
    for item in skipped:
        by_error.setdefault(item["error"], []).append(item["file"])
    out = []
    for error, files in by_error.items():
        more = f", … (+{len(files) - shown})" if len(files) > shown else ""
        out.append(f"{len(files)} {error}: {', '.join(files[:shown])}{more}")
    return out


def peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux and in bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


# --- Command ------------------------------------------------------------------------------------


def is_pdf(set_name: str) -> bool:
    return "docx" not in set_name


def corpus_sets(corpus: Path | None) -> dict[str, list[Path]]:
    if corpus is None or not corpus.is_dir():
        return {}
    found = {
        "corpus resumes/pdf": sorted((corpus / "resumes" / "pdf").glob("*.pdf")),
        "corpus resumes/docx": sorted((corpus / "resumes" / "docx").glob("*.docx")),
    }
    return {name: files for name, files in found.items() if files}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=None, help="the corpus folder, if any")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (default 3)")
    parser.add_argument("--copies", type=int, default=COPIES, help="synthetic files per kind")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.copies < 1:
        parser.error("--rounds and --copies must be at least 1")
    if args.corpus is not None and not args.corpus.is_dir():
        print(f"{args.corpus}: corpus not found, timing synthetic files only", file=sys.stderr)
    load_before = round(os.getloadavg()[0], 2)
    with tempfile.TemporaryDirectory(prefix="resume-bench-") as tmp:
        inputs = make_synthetic(Path(tmp), args.copies) | corpus_sets(args.corpus)
        comparisons = [prepare(name, files, is_pdf(name)) for name, files in inputs.items()]
        run_rounds(comparisons, args.rounds)
    summary = {
        "python": platform.python_version(),
        "pdfplumber": pdfplumber.__version__,
        "cpus": os.cpu_count(),
        "rounds": args.rounds,
        "load_before": load_before,
        "load_after": round(os.getloadavg()[0], 2),
        "sets": [summarize(c) for c in comparisons],
        "peak_rss_mib": peak_rss_mib(),
    }
    print("\n".join(render(summary)))
    if args.json is not None:
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
