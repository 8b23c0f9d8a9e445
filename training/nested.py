"""Choose one scoring setting of the taxonomy by nested, grouped cross-validation.

In each of 5 folds (one file per person, `training.specificity.folds`) the specificity table
is fitted on the other folds, the setting whose score gives the best mean AUC (PM/APM against
far, near, modern-near and LinkedIn non-PM resumes) on those other folds is picked, and the
held-out fold is scored with that pick and with the setting as shipped. Only out-of-fold
figures are printed. The median pick is recommended only when scoring each fold with its own
pick beats the shipped value out of fold; otherwise the shipped value stays.
`training.role_discount` and `training.presentation_weight` use it.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from evaluation import corpus_option
from evaluation.cohorts import PER_CATEGORY
from resume_analyzer import Analyzer
from resume_analyzer.scoring.score import score
from resume_analyzer.scoring.specificity import Specificity
from resume_analyzer.settings import AnalysisSettings
from resume_analyzer.taxonomy import Taxonomy
from training.specificity import (
    PSEUDO,
    REPORTED,
    Doc,
    Features,
    aucs,
    fit_on,
    folds,
    posting_names,
    read_docs,
)

# Fold picks closer than this in mean AUC are ties: less than one PM/modern-near pair.
TIE = 3


@dataclass(frozen=True)
class Choice:
    picks: list[float]
    value: float  # the median of the folds' picks
    chosen: dict[str, float]  # out-of-fold AUC by group, each fold scored with its pick
    baseline: dict[str, float]  # out-of-fold AUC by group with the setting as shipped


def scores(docs: Sequence[Doc], taxonomy: Taxonomy, table: Specificity) -> dict[str, Features]:
    out = {}
    for doc in docs:
        analysis = doc.analysis
        assert analysis.evidence is not None
        found = score(analysis.resume, analysis.evidence, taxonomy, None, table)
        out[doc.row.digest] = {"score": found.score}
    return out


def mean_auc(docs: Sequence[Doc], feats: dict[str, Features]) -> float:
    found = aucs(docs, feats, "score")
    return statistics.mean(found[g] for g in REPORTED if g in found)


def choose(
    docs: Sequence[Doc],
    posts: Sequence[frozenset[str]],
    analyzer: Analyzer,
    grid: Sequence[float],
    setting: Callable[[Taxonomy, float], Taxonomy],
    shipped: float,
    prefer: Callable[[float], float],
) -> Choice:
    """`setting(taxonomy, value)` is the taxonomy with the value set; among values whose
    training mean AUC ties (to TIE decimals), the one `prefer` ranks highest is picked."""
    picks: list[float] = []
    held: dict[str, dict[str, Features]] = {"chosen": {}, "shipped": {}}
    for fold in folds(docs):
        out = {d.row.digest for d in fold}
        train = [d for d in docs if d.row.digest not in out]
        table = fit_on(train, posts, PSEUDO)
        fitted = {
            v: mean_auc(train, scores(train, setting(analyzer.taxonomy, v), table)) for v in grid
        }
        best = max(grid, key=lambda v: (round(fitted[v], TIE), prefer(v)))
        picks.append(best)
        click.echo(
            "fold: training mean AUC " + " ".join(f"{v:g}:{fitted[v]:.4f}" for v in grid)
            + f" → {best:g}"
        )  # fmt: skip
        held["chosen"] |= scores(fold, setting(analyzer.taxonomy, best), table)
        held["shipped"] |= scores(fold, setting(analyzer.taxonomy, shipped), table)
    return Choice(
        picks,
        statistics.median(picks),
        aucs(docs, held["chosen"], "score"),
        aucs(docs, held["shipped"], "score"),
    )


def report(choice: Choice, name: str, shipped: float) -> None:
    click.echo(f"out-of-fold AUC of the score: each fold's pick ({name} {shipped:g} as shipped)")
    for group in REPORTED:
        if group in choice.chosen:
            click.echo(f"  {group:12} {choice.chosen[group]:.3f} ({choice.baseline[group]:.3f})")
    chosen = statistics.mean(choice.chosen[g] for g in REPORTED if g in choice.chosen)
    shipped_mean = statistics.mean(choice.baseline[g] for g in REPORTED if g in choice.baseline)
    click.echo(
        f"folds chose {choice.picks} (median {choice.value:g}); mean out-of-fold AUC "
        f"{chosen:.4f} with the picks, {shipped_mean:.4f} with {shipped:g}"
    )
    # Choosing a value is only worth it when the choosing itself holds up out of fold.
    keep = shipped if chosen <= shipped_mean else choice.value
    click.echo(f"{name} should be {keep:g}")


def command(
    name: str,
    grid: Sequence[float],
    setting: Callable[[Taxonomy, float], Taxonomy],
    shipped: Callable[[Taxonomy], float],
    prefer: Callable[[float], float],
    before: Callable[[Sequence[Doc]], None] = lambda _docs: None,
) -> click.Command:
    """The command that reads the corpus, runs `before` on the documents, and chooses `name`."""

    @click.command()
    @corpus_option
    @click.option("--per-category", default=PER_CATEGORY, show_default=True)
    @click.option("--workers", default=2, show_default=True)
    def main(corpus: Path, per_category: int, workers: int) -> None:
        docs = read_docs(corpus, per_category, workers)
        analyzer = Analyzer(settings=AnalysisSettings(budget=None))
        posts = posting_names(analyzer, corpus)
        before(docs)
        value = shipped(analyzer.taxonomy)
        report(choose(docs, posts, analyzer, grid, setting, value, prefer), name, value)

    return main
