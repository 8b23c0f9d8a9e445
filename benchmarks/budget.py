"""What the budget costs a good document: parsing in a warm parse process against in-process.

    python benchmarks/budget.py [--corpus ../shared/corpus] [--rounds 5] [--files 10]

For each document, paired and alternating within each round: `Analyzer.parse` and
`Analyzer.analyze` (rules only) with the default `Budget` (bytes pickled to a warm parse
process, the `Resume` pickled back) and with `budget=None` (in this process). Then the CLI's
cold start, `analyze FILE --format json`, with and without a budget (a fresh parse process is
started per run). Inputs: synthetic one-page resumes (PDF, DOCX, Markdown; tests/resumes.py)
and, when the corpus exists, its first one-page PDFs. Prints a markdown table; file names are
never printed.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "tests"))

import resumes  # noqa: E402

from resume_analyzer import AnalysisSettings, Analyzer  # noqa: E402

Files = list[tuple[str, bytes]]


def synthetic() -> dict[str, Files]:
    spec = resumes.APM
    return {
        "synthetic PDF": [("apm.pdf", resumes.to_pdf(spec))],
        "synthetic DOCX": [("apm.docx", resumes.to_docx(spec))],
        "synthetic Markdown": [("apm.md", resumes.to_text(spec).encode())],
    }


def corpus_pdfs(corpus: Path, count: int) -> Files:
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    paths = [
        corpus / r["local_path"]
        for r in rows
        if r["type"] == "pdf" and r["pages"].strip() == "1" and "resumes/pdf/" in r["local_path"]
    ]
    return [(p.name, p.read_bytes()) for p in sorted(paths)[:count] if p.is_file()]


def paired(
    files: Files, rounds: int, step: Callable[[Analyzer, str, bytes], object]
) -> tuple[list[float], list[float]]:
    """Per file: the median ms without a budget, and the median of (with − without) over
    rounds; the two sides alternate first."""
    budgeted = Analyzer(settings=AnalysisSettings(use_model=False)).warm()
    local = Analyzer(settings=AnalysisSettings(use_model=False, budget=None)).warm()
    usable = []
    for name, data in files:  # warm both sides; drop a file either refuses
        try:
            step(budgeted, name, data)
            step(local, name, data)
            usable.append((name, data))
        except Exception:
            continue
    base, extra = [], []
    for i, (name, data) in enumerate(usable):
        without, deltas = [], []
        for number in range(rounds):
            took = {}
            order = [budgeted, local] if (number + i) % 2 else [local, budgeted]
            for analyzer in order:
                start = time.perf_counter()
                step(analyzer, name, data)
                took[analyzer is budgeted] = (time.perf_counter() - start) * 1000
            without.append(took[False])
            deltas.append(took[True] - took[False])
        base.append(statistics.median(without))
        extra.append(statistics.median(deltas))
    return base, extra


def cell(values: Sequence[float], digits: int = 1) -> str:
    low, mid, high = min(values), statistics.median(values), max(values)
    return f"{mid:.{digits}f} [{low:.{digits}f}–{high:.{digits}f}]"


def cli_seconds(path: Path, rounds: int, budget: bool) -> list[float]:
    command = [str(Path(sys.executable).with_name("resume-analyzer")), "analyze", str(path)]
    command += ["--format", "json", "--no-model"]
    env = dict(os.environ)
    if not budget:
        env["RESUME_ANALYZER_BUDGET_SECONDS"] = "0"
    walls = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
    return walls


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--files", type=int, default=10)
    args = parser.parse_args()
    sets = synthetic()
    if args.corpus is not None and (args.corpus / "MANIFEST.tsv").is_file():
        sets["corpus one-page PDFs"] = corpus_pdfs(args.corpus, args.files)
    load_before = os.getloadavg()[0]
    print("| set | files | parse ms, no budget | parse: + ms with budget | analyze: + ms |")
    print("|---|---:|---:|---:|---:|")
    for label, files in sets.items():
        base, parse = paired(files, args.rounds, lambda a, n, d: a.parse(d, filename=n))
        _, whole = paired(files, args.rounds, lambda a, n, d: a.analyze(d, filename=n))
        print(f"| {label} | {len(base)} | {cell(base)} | {cell(parse)} | {cell(whole)} |")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "apm.pdf"
        path.write_bytes(resumes.to_pdf(resumes.APM))
        rounds = max(3, args.rounds)
        with_budget, without = [], []
        for _ in range(rounds):  # interleaved
            with_budget += cli_seconds(path, 1, budget=True)
            without += cli_seconds(path, 1, budget=False)
    print(
        f"\nCLI cold start, `analyze FILE --format json --no-model`: {cell(with_budget, 2)} s "
        f"with the budget, {cell(without, 2)} s without (N = {rounds})."
    )
    print(f"Load average {load_before:.2f} -> {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPUs.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
