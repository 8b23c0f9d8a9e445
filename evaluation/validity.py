"""Does the score separate PM/APM resumes from everyone else, and does it read achievements?

    python -m evaluation.validity --corpus ../shared/corpus [--json FILE]
        [--svg docs/score_distribution.svg] [--per-category N] [--resamples N] [--seed N]

Issue 12's evaluation, on the groups of `evaluation.cohorts` (one file per person). The part
of the score a program fits to this corpus, the skill specificity table, is fitted out of
fold here (five folds grouped by person): each resume is scored with a table that never saw
it. (The taxonomy's hand-set weights were set by people looking at this corpus; no fold can
hold them out.) For each contrast, the ROC AUC of PM/APM resumes against the group, with a
95% stratified bootstrap interval (`evaluation.bootstrap`), for the score; the score without
presentation ("content": competencies and impact, re-weighted); each component and
competency; whether the resume reads as product work; and a baseline, the TF-IDF cosine of
the resume's text to the nearest PM posting of job_descriptions/pm. Then the weakening test
on every PM/APM resume (`evaluation.weakening`), and a strip chart of the score per group
(`evaluation.chart`). Prints and writes counts, AUCs and means only: never resume text,
names, or file names.
"""

from __future__ import annotations

import logging
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from evaluation import corpus_option, emit, json_option
from evaluation.bootstrap import RESAMPLES, SEED, auc_intervals
from evaluation.chart import strip_chart
from evaluation.cohorts import (
    CONTRASTS,
    CSV_FAR,
    FAR,
    GROUPS,
    NEAR,
    PER_CATEGORY,
    Row,
    all_items,
    content_score,
    dedupe,
    postings,
    score_item,
    tfidf_cosines,
)
from evaluation.scoring import features_of, table
from evaluation.weakening import weakening_test
from resume_analyzer import Analyzer
from resume_analyzer.scoring.specificity import Specificity
from resume_analyzer.settings import AnalysisSettings
from training.specificity import (
    PSEUDO,
    Doc,
    docs_of,
    fit_on,
    out_of_fold,
    posting_names,
    rescore,
)

FRACTIONS = ("tfidf", "reads_as_pm")  # features on 0–1, not 0–100


# --- The report -----------------------------------------------------------------------------------


def _mean(values: Iterable[float], places: int = 1) -> float | None:
    found = list(values)
    return round(statistics.mean(found), places) if found else None


def group_stats(rows: Sequence[Row], kept: Sequence[Row], dropped: Counter[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for group, label in GROUPS.items():
        mine = [r for r in kept if r.group == group]
        feats = [dict(r.features) for r in mine]
        names = feats[0] if feats else {}
        means = {k: _mean((f[k] for f in feats), 3 if k in FRACTIONS else 1) for k in names}
        out[group] = {
            "label": label,
            "files": sum(r.group == group for r in rows),
            "errors": dict(
                Counter(r.status for r in rows if r.group == group and r.status != "ok")
            ),
            "same_person_dropped": dropped[group],
            "n": len(mine),
            "no_achievement_lines": sum(r.bullets == 0 for r in mine),
            "median_score": round(statistics.median(f["score"] for f in feats), 1)
            if feats
            else None,
            "means": means,
            "score_deciles": _deciles([f["score"] for f in feats]),
        }
    return out


def _deciles(scores: Sequence[float]) -> dict[str, float] | None:
    """The 10th, 25th, 50th, 75th and 90th percentiles: the scale docs/scoring.md reports."""
    if len(scores) < 2:
        return None
    cuts = statistics.quantiles(scores, n=20, method="inclusive")  # every 5th percentile
    return {f"p{5 * (i + 1)}": round(cuts[i], 1) for i in (1, 4, 9, 14, 17)}


def separation(kept: Sequence[Row], resamples: int, seed: int) -> dict[str, Any]:
    values = {g: [dict(r.features) for r in kept if r.group == g] for g in GROUPS}
    names = list(values["pm"][0]) if values["pm"] else []
    names = ["score", "content", "tfidf", *(n for n in names if n not in ("score", "content"))]
    pos = {n: [f[n] for f in values["pm"]] for n in names}
    out: dict[str, Any] = {}
    for contrast in CONTRASTS:
        neg = {n: [f[n] for f in values[contrast]] for n in names}
        found = auc_intervals(pos, neg, resamples=resamples, seed=seed)
        out[contrast] = {n: vars(i) if i else None for n, i in found.items()}
    return out


def specificity_out_of_fold(rows: Sequence[Row], analyzer: Analyzer, corpus: Path) -> list[Row]:
    """Each resume's figures with the skill specificity table (models/skill_specificity.md)
    fitted on the other folds' resumes and the PM postings, never on the resume itself, so
    that every AUC below is cross-validated. Folds are grouped by person (one kept file each).
    """
    docs = docs_of(rows)
    posts = posting_names(analyzer, corpus)

    def make(train: Sequence[Doc]) -> Specificity:
        return fit_on(train, posts, PSEUDO)

    def measure(doc: Doc, analyzer: Analyzer, table: Specificity) -> dict[str, float]:
        analysis = rescore(doc, analyzer, table)
        return features_of(analysis) | {"content": content_score(analysis)}

    found = out_of_fold(docs, analyzer, make, measure)
    return [
        replace(r, features=tuple(found[r.digest].items())) if r.digest in found else r
        for r in rows
    ]


def evaluate(
    corpus: Path,
    per_category: int,
    resamples: int,
    seed: int,
    progress: Callable[[str], None] = lambda _: None,
) -> tuple[dict[str, Any], dict[str, list[float]]]:
    start = time.perf_counter()
    analyzer = Analyzer(settings=AnalysisSettings(budget=None)).warm()
    items = all_items(corpus, per_category)
    rows: list[Row] = []
    for n, item in enumerate(items, 1):
        rows.append(score_item(analyzer, item))
        if n % 50 == 0 or n == len(items):
            progress(f"scored {n}/{len(items)} ({time.perf_counter() - start:.0f} s)")
    kept, dropped = dedupe([r for r in rows if r.status == "ok"])
    progress("skill specificity fitted out of fold…")
    kept = specificity_out_of_fold(kept, analyzer, corpus)
    cosines = tfidf_cosines(postings(corpus), [r.text for r in kept])
    kept = [
        replace(r, features=(*r.features, ("tfidf", c))) for r, c in zip(kept, cosines, strict=True)
    ]
    progress("weakening test…")
    pm_paths = [r.item.path for r in kept if r.group == "pm" and r.item.path is not None]
    weak = weakening_test(analyzer, pm_paths)
    report = {
        "corpus": str(corpus),
        "per_category": per_category,
        "resamples": resamples,
        "seed": seed,
        "model": analyzer.model_mode,
        "postings": len(postings(corpus)),
        "categories": {
            "near": list(NEAR),
            "far": list(FAR),
            "far_text": list(CSV_FAR),
        },
        "linkedin_pm_left_out": sum(r.group == "linkedin_pm" for r in rows),
        "groups": group_stats(rows, kept, dropped),
        "auc": separation(kept, resamples, seed),
        "weakening": weak,
        "seconds": round(time.perf_counter() - start, 1),
    }
    scores = {g: sorted(dict(r.features)["score"] for r in kept if r.group == g) for g in GROUPS}
    return report, scores


def _cell(found: dict[str, float] | None) -> str:
    return "-" if found is None else f"{found['auc']:.3f} {found['low']:.2f}-{found['high']:.2f}"


def render(report: dict[str, Any]) -> Iterable[str]:
    yield (
        f"Corpus {report['corpus']}: {report['per_category']} LiveCareer PDFs per category "
        f"(first by SHA-256); {report['postings']} PM postings; model {report['model']}; "
        f"{report['resamples']} bootstrap resamples, seed {report['seed']}; "
        f"{report['seconds']} s"
    )
    yield f"  near categories: {', '.join(report['categories']['near'])}"
    yield f"  far categories: {', '.join(report['categories']['far'])}"
    yield f"  far_text (CSV) categories: {', '.join(report['categories']['far_text'])}"
    yield "\n== Groups (one file per person; means of the score, content-only score, TF-IDF)"
    head = ["group", "files", "err", "dup", "n", "no-ach", "mean", "median", "content", "tfidf"]
    yield from table([head], 28, 8)
    for g in report["groups"].values():
        m = g["means"]
        cells = [g["files"], sum(g["errors"].values()), g["same_person_dropped"], g["n"]]
        cells += [g["no_achievement_lines"], m.get("score"), g["median_score"], m.get("content")]
        yield from table([[g["label"], *(str(c) for c in cells), str(m.get("tfidf"))]], 28, 8)
    left_out = report["linkedin_pm_left_out"]
    yield f"  LinkedIn exports read as a PM's (headline or current title), left out: {left_out}"
    yield "\n== The score's scale: percentiles of the score per group"
    yield from table([["group", "p10", "p25", "p50", "p75", "p90"]], 28, 8)
    for g in report["groups"].values():
        deciles = g.get("score_deciles") or {}
        row = [str(deciles.get(p, "")) for p in ("p10", "p25", "p50", "p75", "p90")]
        yield from table([[g["label"], *row]], 28, 8)
    yield "\n== PM/APM vs each group: ROC AUC [95% bootstrap interval] (0.5 = chance)"
    auc = report["auc"]
    yield from table([["feature", *CONTRASTS]], 36, 18)
    for feature in next(iter(auc.values()), {}):
        yield from table([[feature, *(_cell(auc[c][feature]) for c in CONTRASTS)]], 36, 18)
    w = report["weakening"]
    yield (
        f"\n== Weakening (numbers removed, 'Responsible for' in front; pasted text both sides): "
        f"{w['n']} PM resumes ({w['errors']} unreadable), {w['lines_weakened']}/"
        f"{w['achievement_lines']} achievement lines weakened; "
        f"{w['no_achievement_lines_as_text']} with no achievement line read from their text"
    )
    yield (
        f"  lowered {w['lowered']}, unchanged {w['unchanged']}, raised {w['raised']}; mean delta "
        f"{w['mean_delta']} (median {w['median_delta']}, range {w['largest_drop']} to "
        f"{w['smallest_drop']}); content-only mean delta {w['mean_content_delta']}"
    )
    yield (
        f"  every PM resume lowered: {w['every_resume_lowered']}; mean drop >= 8 points: "
        f"{w['mean_drop_at_least_8']}"
    )


@click.command()
@corpus_option
@json_option("the figures (counts, AUCs, means; no text, no file names)")
@click.option(
    "--svg",
    "svg_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("docs/score_distribution.svg"),
    show_default=True,
    help="Where to write the score distribution chart.",
)
@click.option("--per-category", type=click.IntRange(min=1), default=PER_CATEGORY, show_default=True)
@click.option("--resamples", type=click.IntRange(min=100), default=RESAMPLES, show_default=True)
@click.option("--seed", type=int, default=SEED, show_default=True)
def main(
    corpus: Path,
    json_path: Path | None,
    svg_path: Path,
    per_category: int,
    resamples: int,
    seed: int,
) -> None:
    """AUC of PM/APM resumes against each group, with intervals; the weakening test; a chart."""
    if not (corpus / "MANIFEST.tsv").is_file():
        click.echo(f"{corpus}: corpus not found, nothing evaluated.")
        return
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    report, scores = evaluate(
        corpus, per_category, resamples, seed, lambda m: click.echo(m, err=True)
    )
    labels = {g: report["groups"][g]["label"] for g in GROUPS}
    svg_path.parent.mkdir(parents=True, exist_ok=True)
    svg_path.write_text(
        strip_chart(scores, title="APM score by group (dev corpus)", labels=labels),
        encoding="utf-8",
    )
    emit(render(report), report | {"svg": str(svg_path)}, json_path)
    click.echo(f"Wrote {svg_path}", err=True)


if __name__ == "__main__":
    main()
