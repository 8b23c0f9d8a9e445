"""Calibrate the APM score on the corpus: per category, PM/APM separation (AUC), layouts.

    python -m evaluation.scoring --corpus ../shared/corpus [--per-category N]
        [--json FILE] [--no-model]

livecareer: the first N PDFs per category by SHA-256 of their bytes. Only counts, scores,
category names, role and area ids are printed or written: never resume text, nor the file
names of resumes/pdf and resumes/docx.
"""

from __future__ import annotations

import csv
import logging
import math
import re
import statistics
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path
from typing import Any

import click

from evaluation import (
    LAYOUT_FILE,
    LAYOUTS,
    LIVECAREER,
    corpus_option,
    emit,
    json_option,
    percentile,
    timing_stats,
)
from resume_analyzer import analyze
from resume_analyzer.errors import ResumeAnalyzerError
from resume_analyzer.scoring.result import Analysis
from resume_analyzer.settings import AnalysisSettings

# Positives: role guesses naming product management ("product manager", "APM applicant/track",
# "moving to PM"). Not labeled: "APM-adjacent", a project-management apprenticeship applicant.
POSITIVE = re.compile(r"\bproduct manag|\bAPM\b|\bto PM\b", re.IGNORECASE)
UNCLEAR = re.compile(r"\bAPM-adjacent\b", re.IGNORECASE)
LIVECAREER_GUESS = re.compile(r"livecareer category=([A-Z-]+)")
# Related: where APM applicants come from, or what PM is confused with (headlines: business
# development, consultants, IT managers/analysts, digital marketing, engineering/program managers,
# QA leads). They share product vocabulary (requirements, stakeholders, roadmaps), so they get
# their own AUC. Everything else (chef, teacher, aviation, …) is unrelated.
RELATED: tuple[str, ...] = ("BUSINESS-DEVELOPMENT", "CONSULTANT", "DIGITAL-MEDIA")
RELATED += ("ENGINEERING", "INFORMATION-TECHNOLOGY")
QUANTILES = {"median": 50, "p10": 10, "p90": 90}
NEGATIVE_SETS = ("unrelated", "related", "corpus_other")


@dataclass(frozen=True)
class Scored:
    """One analysed file, reduced to figures: no text, no file name."""

    source: str  # "corpus" (resumes/pdf, resumes/docx) or "livecareer"
    category: str | None  # livecareer folder, or the one a corpus role guess names
    label: str  # "pm", "related", "unrelated" or "unclear"
    status: str  # "ok" or an error code
    ms: float
    features: dict[str, float]  # "score", "component:<id>", "competency:<id>"
    role: str | None


def features_of(analysis: Analysis) -> dict[str, float]:
    out = {"score": analysis.score}
    out |= {f"component:{c.id}": c.score for c in analysis.components}
    out |= {f"competency:{c.id}": c.score for c in analysis.competencies}
    return out | {"reads_as_pm": float(analysis.role.reads_as == "product_management")}


def label_of(category: str | None, guess: str) -> str:
    if POSITIVE.search(guess):
        return "unclear" if UNCLEAR.search(guess) else "pm"
    return "related" if category in RELATED else "unrelated"


def run_one(path: Path, settings: AnalysisSettings) -> tuple[str, float, Analysis | None]:
    data, status, analysis = path.read_bytes(), "ok", None
    start = time.perf_counter()
    try:
        analysis = analyze(data, filename=path.name, settings=settings)
    except ResumeAnalyzerError as exc:
        status = exc.code
    except Exception as exc:  # a bug: keep its type, never its message (it may quote text)
        status = f"bug:{type(exc).__name__}"
    return status, (time.perf_counter() - start) * 1000, analysis


def score_file(
    path: Path, source: str, category: str | None, label: str, settings: AnalysisSettings
) -> Scored:
    status, ms, a = run_one(path, settings)
    found, role = (features_of(a), a.role.reads_as) if a else ({}, None)
    return Scored(source, category, label, status, ms, found, role)


def score_corpus_resumes(corpus: Path, settings: AnalysisSettings) -> list[Scored]:
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        guesses = {row["local_path"]: row.get("role_guess") or "" for row in rows}
    # One copy of the same-content layouts: three would count one resume three times.
    copies = {LAYOUT_FILE.format(name) for name in LAYOUTS[1:]}
    out = []
    for group in ("pdf", "docx"):
        for path in sorted((corpus / "resumes" / group).glob(f"*.{group}")):
            if (local := path.relative_to(corpus).as_posix()) in copies:
                continue
            guess = guesses.get(local, "")
            found = LIVECAREER_GUESS.search(guess)
            category = found.group(1) if found else None
            out.append(score_file(path, "corpus", category, label_of(category, guess), settings))
    return out


def sample(folder: Path, n: int) -> list[Path]:
    return sorted(sorted(folder.glob("*.pdf")), key=lambda p: sha256(p.read_bytes()).digest())[:n]


def score_livecareer(corpus: Path, n: int, settings: AnalysisSettings) -> list[Scored]:
    root = corpus / LIVECAREER
    folders = sorted(d for d in root.iterdir() if d.is_dir()) if root.is_dir() else []
    return [
        score_file(path, "livecareer", d.name, label_of(d.name, ""), settings)
        for d in folders
        for path in sample(d, n)
    ]


def auc(positives: Sequence[float], negatives: Sequence[float]) -> float | None:
    """P(a positive scores above a negative), ties counted half (Mann–Whitney U / n·m), 3 dp."""
    if not positives or not negatives:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return round(wins / (len(positives) * len(negatives)), 3)


def auc_se(value: float, n_pos: int, n_neg: int) -> float:
    """Hanley & McNeil (1982) standard error: with few positives, read AUCs within ±2 SE."""
    q1, q2 = value / (2 - value), 2 * value**2 / (1 + value)
    var = value * (1 - value) + (n_pos - 1) * (q1 - value**2) + (n_neg - 1) * (q2 - value**2)
    return math.sqrt(max(var, 0.0) / (n_pos * n_neg))


def separation(rows: Sequence[Scored]) -> dict[str, Any]:
    ok = [r for r in rows if r.status == "ok"]
    pos = [r for r in ok if r.label == "pm"]
    names = list(dict.fromkeys(k for r in ok for k in r.features))
    sets = {which: [r for r in ok if r.label == which] for which in NEGATIVE_SETS[:2]}
    sets["corpus_other"] = [r for r in ok if r.source == "corpus" and r.label in sets]
    table = {
        name: {
            w: auc([r.features[name] for r in pos], [r.features[name] for r in neg])
            for w, neg in sets.items()
        }
        for name in names
    }
    score = table.get("score", {})
    se = {w: round(auc_se(v, len(pos), len(sets[w])), 3) for w, v in score.items() if v}
    counts = {"pm": len(pos)} | {which: len(neg) for which, neg in sets.items()}
    return {"counts": counts, "auc": table, "score_se": se}


def distribution(rows: Sequence[Scored]) -> dict[str, Any]:
    ok = [r for r in rows if r.status == "ok"]
    scores = [r.features["score"] for r in ok]
    keys = [k for k in (ok[0].features if ok else {}) if ":" in k]
    roles = Counter(r.role for r in ok)
    return {
        "n": len(ok),
        "errors": dict(Counter(r.status for r in rows if r.status != "ok")),
        "mean": round(statistics.mean(scores), 1) if scores else None,
        **{k: round(percentile(scores, q), 1) if scores else None for k, q in QUANTILES.items()},
        "means": {k: round(statistics.mean(r.features.get(k, 0.0) for r in ok), 1) for k in keys},
        "roles": {str(role): round(count / len(ok), 2) for role, count in roles.most_common()},
    }


def layouts(corpus: Path, settings: AnalysisSettings) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in LAYOUTS:
        path = corpus / LAYOUT_FILE.format(name)
        if path.is_file():
            status, _, analysis = run_one(path, settings)
            out[name] = features_of(analysis) if analysis else {"status": status}
    scores = [f["score"] for f in out.values() if "score" in f]
    spread = max(scores) - min(scores) if len(scores) > 1 else None
    return {"scores": out, "max_difference": spread}


def evaluate(corpus: Path, per_category: int, settings: AnalysisSettings) -> dict[str, Any]:
    layout = layouts(corpus, settings)  # first: also loads spaCy before anything is timed
    rows = score_corpus_resumes(corpus, settings) + score_livecareer(corpus, per_category, settings)
    live = [r for r in rows if r.source == "livecareer"]
    cats = sorted({r.category or "" for r in live})
    groups = {f"livecareer {c}": [r for r in live if r.category == c] for c in cats}
    groups |= {
        f"corpus {lab}": [r for r in rows if r.source == "corpus" and r.label == lab]
        for lab in ("pm", "related", "unrelated", "unclear")
    }
    return {
        "corpus": str(corpus),
        "per_category": per_category,
        "use_model": settings.use_model,
        "positive_rule": POSITIVE.pattern,
        "related_categories": list(RELATED),
        "distribution": {name: distribution(g) for name, g in groups.items() if g},
        "separation": separation(rows),
        "layouts": layout,
        "ms_per_file": timing_stats([r.ms for r in rows]),
        "errors": dict(Counter(r.status for r in rows if r.status != "ok")),
    }


def model_ready() -> bool:
    """Whether the learned area model loads; without it the run is rules only, and says so."""
    try:
        from resume_analyzer.nlp.areas import AreaModel

        AreaModel.load()
    except (ImportError, ResumeAnalyzerError):
        return False
    return True


def table(rows: Iterable[Sequence[object]], first: int = 34, width: int = 8) -> Iterable[str]:
    for row in rows:
        cells = ("-" if c is None else f"{c:.3f}" if isinstance(c, float) else c for c in row[1:])
        yield f"  {row[0]!s:<{first}}" + "".join(f"{c!s:>{width}}" for c in cells)


def render(report: dict[str, Any]) -> Iterable[str]:
    model = "on" if report["use_model"] else "off (--no-model, or not loadable)"
    yield (
        f"Corpus {report['corpus']}: {report['per_category']} livecareer PDFs per category; "
        f"model {model}; ms per file {report['ms_per_file']}; errors {report['errors']}"
    )
    dist = report["distribution"]
    keys = list(next(iter(dist.values()))["means"]) if dist else []
    comps, areas = [k for k in keys if "component:" in k], [k for k in keys if "competency:" in k]
    abbr = {k: "".join(word[0] for word in k.split(":")[1].split("_")) for k in areas}
    yield "\n== Score by group (livecareer category; corpus resumes by role-guess label)"
    head = ["group", "n", "err", "mean", "median", "p10", "p90"]
    yield from table([head + [k.split(":")[1][:7] for k in comps]])
    for name, d in dist.items():
        stats = [str(d[k]) for k in head[3:]] + [str(d["means"][k]) for k in comps]
        yield from table([[name, d["n"], sum(d["errors"].values()), *stats]])
    yield "\n== Mean competency score by group, and role readings"
    yield from table([["group", *(abbr[k] for k in areas), "  reads as"]], width=5)
    for name, d in dist.items():
        roles = ", ".join(f"{role} {share:.0%}" for role, share in d["roles"].items())
        yield from table([[name, *(f"{d['means'][k]:.0f}" for k in areas), f"  {roles}"]], width=5)
    yield "  " + ", ".join(f"{abbr[k]} = {k.split(':')[1]}" for k in areas)
    yield from render_separation(report)
    lay = report["layouts"]
    yield "\n== Same content, three layouts"
    for name, f in lay["scores"].items():
        parts = ", ".join(f"{k.split(':')[1]} {v:.1f}" for k, v in f.items() if "component:" in k)
        yield f"  {name:<18} score {f.get('score', 0):.1f} ({parts or f.get('status')})"
    diff = lay["max_difference"]
    yield f"  max difference: {'-' if diff is None else f'{diff:.1f}'} points"


def render_separation(report: dict[str, Any]) -> Iterable[str]:
    sep, c = report["separation"], report["separation"]["counts"]
    yield (
        f"\n== PM/APM separation, ROC AUC (0.5 = chance). Positives: {c['pm']} corpus resumes, "
        f"role guess matching /{report['positive_rule']}/ (except APM-adjacent)"
    )
    yield (
        f"  negatives: unrelated {c['unrelated']} (livecareer outside {', '.join(RELATED)}, "
        f"and other corpus resumes), related {c['related']} (those categories), corpus_other "
        f"{c['corpus_other']} (non-PM resumes/pdf+docx); score AUC ±SE {sep['score_se']}"
    )
    yield from table([["feature", *NEGATIVE_SETS]], 40, 14)
    yield from table(([name, *values.values()] for name, values in sep["auc"].items()), 40, 14)


@click.command()
@corpus_option
@click.option("--per-category", type=click.IntRange(min=1), default=10, show_default=True)
@json_option("the figures (counts, scores and area ids only)")
@click.option("--no-model", is_flag=True, help="Rules only, without the learned area model.")
def main(corpus: Path, per_category: int, json_path: Path | None, no_model: bool) -> None:
    """Score distribution per category, PM/APM separation (AUC) and layout consistency."""
    if not (corpus / "MANIFEST.tsv").is_file():
        click.echo(f"{corpus}: corpus not found, nothing evaluated.")
        return
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    settings = AnalysisSettings(use_model=not no_model and model_ready())
    report = evaluate(corpus, per_category, settings)
    emit(render(report), report, json_path)


if __name__ == "__main__":
    main()
