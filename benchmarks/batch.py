"""Batch throughput: resumes per second with 1 and 2 local workers and on a 2-worker Dask
LocalCluster, and the peak memory of each worker process.

    python benchmarks/batch.py [--corpus ../shared/corpus] [--count 300] [--json FILE]

Inputs: `--count` synthetic resumes built in this process with tests/resumes.py (seeded, a
third each PDF, DOCX and Markdown), plus the corpus's resumes/pdf and resumes/docx when the
corpus exists (read, never copied; file names are never printed). Every engine scores the same
inputs through `run_batch`, as `resume-analyzer batch` does; nothing is written to disk.

Columns:
- `start-up s`: until the first row (process spawn, imports, pipeline warm-up);
- `resumes/s`: over the whole run, start-up included (what a coach waits for);
- `steady resumes/s`: from the first row to the last (what more resumes cost);
- `peak MiB/worker`: the highest resident memory of the worker processes (sampled every
  0.1 s with psutil; the largest N descendants for N workers, so Dask's nannies and the
  multiprocessing resource tracker are left out), max [min] over workers.
The learned area model is used when it is installed; otherwise rules only, and it says so.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]
# Run from a checkout without installing; tests/ holds the fixture builders.
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "tests"))

from resume_analyzer.batch import BatchInput, run_batch  # noqa: E402

MIB = 1024 * 1024
# fmt: off
BULLETS = (
    "Interviewed {n} customers about onboarding and turned the findings into a backlog",
    "Wrote the PRD for a self-serve billing page that cut support tickets by {p}%",
    "Ran {k} A/B tests on the pricing page with SQL and Amplitude, lifting conversion by {p}%",
    "Built a Looker dashboard of activation cohorts used by {k} teams every week",
    "Led sprint planning with {k} engineers and a designer, shipping mobile checkout on time",
    "Responsible for the roadmap and worked with stakeholders on priorities",
    "Helped the team with customer research and competitive analysis",
    "Built a REST API in Python that served {n},000 requests a day",
    "Presented a latency analysis to the engineering director, cutting p95 latency by {p}%",
    "Coordinated {k} teams to migrate {n},000 accounts with no downtime",
)
# fmt: on


def synthetic(count: int) -> list[BatchInput]:
    """Seeded resumes: the same bytes every run; formats in turn PDF, DOCX, Markdown."""
    import resumes

    rng = random.Random(2026)
    out = []
    for i in range(count):
        bullets = [
            text.format(n=rng.randint(2, 40), p=rng.randint(5, 45), k=rng.randint(2, 9))
            for text in rng.sample(BULLETS, 6)
        ]
        roles = tuple(
            resumes.Role(f"Product Intern {j}", f"Example Co {i % 7}", "May 2023 – Aug 2023", b)
            for j, b in enumerate((tuple(bullets[:3]), tuple(bullets[3:])))
        )
        spec = replace(resumes.APM, name=f"Student{i} Example", experience=roles)
        kind = ("pdf", "docx", "md")[i % 3]
        data = {
            "pdf": resumes.to_pdf,
            "docx": resumes.to_docx,
            "md": lambda s: resumes.to_text(s).encode(),
        }[kind](spec)
        out.append(BatchInput(f"synthetic-{i:04d}.{kind}", data))
    return out


def corpus(folder: Path) -> list[BatchInput]:
    paths = sorted(
        p
        for sub in ("resumes/pdf", "resumes/docx")
        for p in (folder / sub).glob("*")
        if p.is_file()
    )
    return [
        BatchInput(f"corpus-{n:03d}{p.suffix.lower()}", p.read_bytes()) for n, p in enumerate(paths)
    ]


@dataclass
class Figures:
    engine: str
    inputs: int
    failed: int
    startup: float
    seconds: float
    steady: float
    peaks_mib: list[float]


@contextmanager
def sampled(workers: int) -> Iterator[list[float]]:
    """Peak RSS (MiB) of the `workers` largest descendants, sampled while the block runs."""
    peaks: dict[int, int] = {}
    stop = threading.Event()

    def sample() -> None:
        me = psutil.Process()
        while not stop.wait(0.1):
            for child in me.children(recursive=True):
                try:
                    peaks[child.pid] = max(peaks.get(child.pid, 0), child.memory_info().rss)
                except psutil.Error:
                    continue

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    result: list[float] = []
    try:
        yield result
    finally:
        stop.set()
        thread.join()
        top = sorted(peaks.values(), reverse=True)[:workers]
        result.extend(round(value / MIB, 1) for value in top)


def measure(
    engine: str, inputs: list[BatchInput], run: Callable[[], Iterator[dict[str, Any]]], workers: int
) -> Figures:
    with sampled(workers) as peaks:
        start = time.perf_counter()
        first = None
        failed = count = 0
        for row in run():
            first = first or time.perf_counter()
            count += 1
            failed += row["error"] is not None
        end = time.perf_counter()
    assert count == len(inputs), f"{engine}: {count} rows for {len(inputs)} inputs"
    first = first or end
    steady = (count - 1) / (end - first) if count > 1 and end > first else 0.0
    return Figures(engine, count, failed, first - start, end - start, steady, list(peaks))


def model_ready() -> bool:
    try:
        from resume_analyzer.nlp.areas import AreaModel

        AreaModel.load()
    except Exception:  # not installed yet
        return False
    return True


def engines(inputs: list[BatchInput], use_model: bool) -> Iterator[Figures]:
    for workers in (1, 2):
        yield measure(
            f"{workers} local worker{'s' if workers > 1 else ''}",
            inputs,
            lambda w=workers: run_batch(inputs, workers=w, use_model=use_model),
            workers,
        )
    import logging

    from distributed import LocalCluster

    logging.getLogger("distributed").setLevel(logging.ERROR)
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield measure(
            "Dask LocalCluster, 2 workers",
            inputs,
            lambda: run_batch(
                inputs, workers=0, scheduler=cluster.scheduler_address, use_model=use_model
            ),
            2,
        )


def table(sets: dict[str, list[Figures]]) -> str:
    out = [
        "| inputs | engine | resumes | failed | start-up s | resumes/s | steady resumes/s "
        "| peak MiB/worker |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, figures in sets.items():
        for f in figures:
            peak = f"{max(f.peaks_mib):.0f} [{min(f.peaks_mib):.0f}]" if f.peaks_mib else "-"
            out.append(
                f"| {name} | {f.engine} | {f.inputs} | {f.failed} | {f.startup:.1f} "
                f"| {f.inputs / f.seconds:.1f} | {f.steady:.1f} | {peak} |"
            )
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=None, help="the corpus folder, if any")
    parser.add_argument("--count", type=int, default=300, help="synthetic resumes (default 300)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    use_model = model_ready()
    sets = {"synthetic": synthetic(args.count)}
    if args.corpus is not None and (args.corpus / "resumes").is_dir():
        sets["corpus resumes/pdf+docx"] = corpus(args.corpus)
    elif args.corpus is not None:
        print(f"{args.corpus}: no corpus, synthetic resumes only", file=sys.stderr)
    load_before = os.getloadavg()[0]
    results = {name: list(engines(inputs, use_model)) for name, inputs in sets.items()}
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; area model: {'on' if use_model else 'off (not installed)'}"
        f"; load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end "
        "(above the core count, other work shared the machine: compare runs with care)"
    )
    print(table(results))
    if args.json:
        payload = {name: [vars(f) for f in figures] for name, figures in results.items()}
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
