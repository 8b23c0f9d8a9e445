"""Fit how specific each taxonomy skill is to product work: `python -m training.specificity`.

    python -m training.specificity --corpus ../shared/corpus [--per-category N] [--workers N]

The contrast is issue 12's: PM/APM resumes and the PM postings of `job_descriptions/pm`
against every other group of `evaluation.cohorts` (LiveCareer categories, the pasted-text
categories, modern neighbouring fields, LinkedIn exports of non-PMs, the other corpus
resumes), one file per person. A skill's weight is the count of PM documents that mention it
against the count expected if PMs mentioned it as often as the average other category does,
with PSEUDO documents added to both so that a skill too rare to judge keeps its full weight:

    weight = clip((k_pm + PSEUDO) / (n_pm · mean_c(rate_c) + PSEUDO), FLOOR, 1)

PSEUDO, and UNFLAVOURED (the share a communication, cross-functional or ownership line keeps
when nothing of product work is on it: `Specificity.unflavoured`), were chosen together by
5-fold cross-validation grouped by person (each person's one kept file in one fold; postings
always on the fitting side) from {0.5, 1, 2, 4} × UNFLAVOURED_GRID, on the mean AUC of the
eight competency areas against far, near and modern-near fields. This command re-runs that
cross-validation, prints its figures (out-of-fold only), and writes the table fitted on every
file to models/skill_specificity.json with the figures in it; models/skill_specificity.md is
the card. Prints counts and AUCs, never text or file names.
"""

from __future__ import annotations

import json
import random
import statistics
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import click

from evaluation import corpus_option
from evaluation.cohorts import (
    CONTRASTS,
    PER_CATEGORY,
    Item,
    Row,
    all_items,
    dedupe,
    postings,
    score_item,
)
from evaluation.scoring import auc
from resume_analyzer import Analyzer
from resume_analyzer.scoring.result import Analysis
from resume_analyzer.scoring.specificity import FILENAME, Specificity
from resume_analyzer.settings import AnalysisSettings

PSEUDO = 0.5
# The share a context-area line with no product skill on it keeps (Specificity.unflavoured),
# chosen with PSEUDO by the same cross-validation from UNFLAVOURED_GRID.
UNFLAVOURED = 0.05
UNFLAVOURED_GRID = (1.0, 0.75, 0.5, 0.3, 0.15, 0.1, 0.05)
FLOOR = 0.2
FOLDS = 5
SEED = 12
# Areas every field shows: a line counts for them as its most product-specific mention does.
CONTEXT_AREAS = frozenset({"communication_influence", "cross_functional_execution"})
CONTEXT_AREAS |= {"impact_ownership"}
REPORTED = ("far", "near", "modern_near", "linkedin")
TARGET = Path(__file__).resolve().parent.parent / "models" / FILENAME


@dataclass(frozen=True)
class Doc:
    """One kept resume: its row (group, category, digest), scored, with its evidence."""

    row: Row

    @property
    def analysis(self) -> Analysis:
        assert self.row.analysis is not None and self.row.analysis.evidence is not None
        return self.row.analysis

    @property
    def names(self) -> frozenset[str]:
        evidence = self.analysis.evidence
        assert evidence is not None
        return frozenset(m.name for line in evidence.lines for m in line.mentions)

    @property
    def category(self) -> str:
        return self.row.item.category or self.row.group


def fit(
    positives: Sequence[frozenset[str]],
    negatives: dict[str, list[frozenset[str]]],
    pseudo: float = PSEUDO,
    floor: float = FLOOR,
) -> Specificity:
    """The table from PM documents' skill sets and other categories' skill sets."""
    names = set().union(*positives, *(s for docs in negatives.values() for s in docs))
    weights = {}
    for name in names:
        found = sum(name in s for s in positives)
        rate = statistics.mean(
            sum(name in s for s in docs) / len(docs) for docs in negatives.values()
        )
        weight = max(floor, min(1.0, (found + pseudo) / (len(positives) * rate + pseudo)))
        if weight < 1.0:
            weights[name] = round(weight, 3)
    return Specificity(weights, CONTEXT_AREAS)


def fit_on(
    docs: Sequence[Doc],
    posting_sets: Sequence[frozenset[str]],
    pseudo: float,
    unflavoured: float = UNFLAVOURED,
) -> Specificity:
    negatives: dict[str, list[frozenset[str]]] = defaultdict(list)
    for doc in docs:
        if doc.row.group != "pm":
            negatives[doc.category].append(doc.names)
    positives = [d.names for d in docs if d.row.group == "pm"] + list(posting_sets)
    return replace(fit(positives, dict(negatives), pseudo), unflavoured=unflavoured)


def folds(docs: Sequence[Doc], k: int = FOLDS, seed: int = SEED) -> list[list[Doc]]:
    """Stratified by group; each kept file is one person (`dedupe`), so this is grouped."""
    rng = random.Random(seed)
    by_group: dict[str, list[Doc]] = defaultdict(list)
    for doc in docs:
        by_group[doc.row.group].append(doc)
    out: list[list[Doc]] = [[] for _ in range(k)]
    for group in sorted(by_group):
        members = sorted(by_group[group], key=lambda d: d.row.digest)
        rng.shuffle(members)
        for i, doc in enumerate(members):
            out[i % k].append(doc)
    return out


Features = dict[str, float]


def rescore(doc: Doc, analyzer: Analyzer, table: Specificity) -> Analysis:
    """The document scored again with another specificity table (no second reading)."""
    from resume_analyzer.scoring.score import score

    analysis = doc.analysis
    assert analysis.evidence is not None
    return score(analysis.resume, analysis.evidence, analyzer.taxonomy, None, table)


def features(doc: Doc, analyzer: Analyzer, table: Specificity) -> Features:
    analysis = rescore(doc, analyzer, table)
    return {"score": analysis.score} | {c.id: c.score for c in analysis.competencies}


def out_of_fold(
    docs: Sequence[Doc],
    analyzer: Analyzer,
    make: Callable[[Sequence[Doc]], Specificity],
    measure: Callable[[Doc, Analyzer, Specificity], Features] = features,
) -> dict[str, Features]:
    """Per document (by digest), `measure` with a table fitted on the other folds only."""
    found: dict[str, Features] = {}
    for fold in folds(docs):
        held = {d.row.digest for d in fold}
        table = make([d for d in docs if d.row.digest not in held])
        found |= {d.row.digest: measure(d, analyzer, table) for d in fold}
    return found


def aucs(docs: Sequence[Doc], feats: dict[str, Features], key: str) -> dict[str, float]:
    pm = [feats[d.row.digest][key] for d in docs if d.row.group == "pm"]
    out = {}
    for group in CONTRASTS:
        other = [feats[d.row.digest][key] for d in docs if d.row.group == group]
        if (found := auc(pm, other)) is not None:
            out[group] = found
    return out


def report(docs: Sequence[Doc], feats: dict[str, Features]) -> dict[str, Any]:
    keys = list(next(iter(feats.values())))
    table = {key: aucs(docs, feats, key) for key in keys}
    areas = [k for k in keys if k != "score"]
    mean = statistics.mean(table[k][g] for k in areas for g in ("far", "near", "modern_near"))
    return {"mean_area_auc": round(mean, 4), "auc": table}


# --- Reading the corpus ---------------------------------------------------------------------------

_analyzer: Analyzer | None = None


def _read(item: Item) -> Row:
    """Score one item in a worker process, one analyzer per process."""
    global _analyzer  # noqa: PLW0603 - one analyzer per worker process, made once
    if _analyzer is None:
        _analyzer = Analyzer(settings=AnalysisSettings(budget=None)).warm(parsers=False)
    return score_item(_analyzer, item)


def read_docs(corpus: Path, per_category: int, workers: int) -> list[Doc]:
    with Pool(workers) as pool:
        rows = pool.map(_read, all_items(corpus, per_category), chunksize=4)
    kept, _dropped = dedupe([row for row in rows if row.status == "ok"])
    return docs_of(kept)


def docs_of(kept: Sequence[Row]) -> list[Doc]:
    """The documents of rows kept one per person (`dedupe`), PM LinkedIn exports left out
    as evaluation.validity leaves them out."""
    return [Doc(row) for row in kept if row.group != "linkedin_pm"]


def posting_names(analyzer: Analyzer, corpus: Path) -> list[frozenset[str]]:
    from resume_analyzer.scoring.jobmatch import read_posting

    return [
        frozenset(name for name, _w, _r in read_posting(t, analyzer.taxonomy, analyzer.nlp,
                                                         matcher=analyzer.matcher).skills.values())
        for t in postings(corpus)
    ]  # fmt: skip


@click.command()
@corpus_option
@click.option("--per-category", default=PER_CATEGORY, show_default=True)
@click.option("--workers", default=2, show_default=True)
@click.option("--out", type=click.Path(path_type=Path), default=TARGET, show_default=True)
def main(corpus: Path, per_category: int, workers: int, out: Path) -> None:
    docs = read_docs(corpus, per_category, workers)
    analyzer = Analyzer(settings=AnalysisSettings(budget=None))
    posts = posting_names(analyzer, corpus)
    groups = {g: sum(d.row.group == g for d in docs) for g in ("pm", *CONTRASTS)}
    click.echo(f"files kept, one per person: {groups}; PM postings: {len(posts)}")
    neutral = report(docs, {d.row.digest: features(d, analyzer, Specificity()) for d in docs})
    click.echo(f"without weights: mean area AUC {neutral['mean_area_auc']}")
    tried: dict[tuple[float, float], dict[str, Any]] = {}
    for pseudo in (0.5, 1.0, 2.0, 4.0):
        for share in UNFLAVOURED_GRID:

            def make(train: Sequence[Doc], p: float = pseudo, s: float = share) -> Specificity:
                return fit_on(train, posts, p, s)

            feats = out_of_fold(docs, analyzer, make)
            tried[pseudo, share] = found = report(docs, feats)
            click.echo(
                f"pseudo {pseudo}, unflavoured share {share}: mean area AUC "
                f"{found['mean_area_auc']}, score AUC "
                + " ".join(f"{g} {found['auc']['score'][g]:.3f}" for g in REPORTED)
                + " (out of fold)"
            )
    # Ties go to the smaller pseudo count and the larger share: the weaker change.
    best = max(tried, key=lambda k: (tried[k]["mean_area_auc"], -k[0], k[1]))
    click.echo(f"chosen pseudo {best[0]}, unflavoured share {best[1]}; per feature (out of fold):")
    for key, row in tried[best]["auc"].items():
        base = neutral["auc"][key]
        click.echo(
            f"  {key:28} " + "  ".join(f"{g} {row[g]:.3f} ({base[g]:.3f})" for g in REPORTED)
        )
    if best != (PSEUDO, UNFLAVOURED):
        click.echo(f"note: PSEUDO/UNFLAVOURED in this file say {PSEUDO}/{UNFLAVOURED}: update them")
    table = fit_on(docs, posts, *best)
    about = {
        "fitted_on": groups | {"pm_postings": len(posts)},
        "pseudo": best[0],
        "floor": FLOOR,
        "cross_validated": {
            "folds": FOLDS,
            "seed": SEED,
            "without": neutral,
            "with": tried[best],
        },
    }
    out.write_text(json.dumps(table.to_dict(**about), indent=1) + "\n", encoding="utf-8")
    click.echo(f"{len(table.weights)} skills weigh less than 1; wrote {out}")


if __name__ == "__main__":
    main()
