"""Choose one scoring setting of the taxonomy by nested, grouped cross-validation.

In each of 5 folds (one file per person, `training.specificity.folds`) the specificity table
is fitted on the other folds, the setting whose score gives the best mean AUC (PM/APM against
far, near, modern-near and LinkedIn non-PM resumes) on those other folds is picked, and the
held-out fold is scored with that pick and with the setting as shipped. Only out-of-fold
figures are printed. The median pick is recommended only when scoring each fold with its own
pick beats the shipped value out of fold; otherwise the shipped value stays.
`training.role_discount`, `training.presentation_weight` and `training.area_weights` use it.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import click

from evaluation import corpus_option
from evaluation.cohorts import PER_CATEGORY
from resume_analyzer import Analyzer
from resume_analyzer.scoring.result import Analysis
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
class Fold:
    """What a setting may be fitted on in one fold: the training documents, the specificity
    table fitted on them, and the taxonomy as shipped."""

    train: Sequence[Doc]
    table: Specificity
    taxonomy: Taxonomy


# `setting(fold)` fits what it needs on the fold once and gives, for each value, the
# taxonomy with that value set.
Setting = Callable[[Fold], Callable[[float], Taxonomy]]


def scoring_field(name: str) -> Setting:
    """A setting that needs nothing from the fold: one field of the taxonomy's `scoring`."""
    return lambda fold: (
        lambda value: replace(
            fold.taxonomy, scoring=replace(fold.taxonomy.scoring, **{name: value})
        )
    )


@dataclass(frozen=True)
class Choice:
    picks: list[float]
    value: float  # the median of the folds' picks
    chosen: dict[str, float]  # out-of-fold AUC by group, each fold scored with its pick
    baseline: dict[str, float]  # out-of-fold AUC by group with the setting as shipped


def scores(
    docs: Sequence[Doc],
    taxonomy: Taxonomy,
    table: Specificity,
    read: Callable[[Analysis], Features] = lambda found: {"score": found.score},
) -> dict[str, Features]:
    """Each document scored with the taxonomy and table, and `read` from the result."""
    out = {}
    for doc in docs:
        analysis = doc.analysis
        assert analysis.evidence is not None
        out[doc.row.digest] = read(score(analysis.resume, analysis.evidence, taxonomy, None, table))
    return out


def mean_auc(docs: Sequence[Doc], feats: dict[str, Features], key: str = "score") -> float:
    """The mean AUC of a feature, PM/APM against each reported group."""
    return group_mean(aucs(docs, feats, key))


def group_mean(found: dict[str, float]) -> float:
    return statistics.mean(found[g] for g in REPORTED if g in found)


def choose(
    docs: Sequence[Doc],
    posts: Sequence[frozenset[str]],
    analyzer: Analyzer,
    grid: Sequence[float],
    setting: Setting,
    shipped: float,
    prefer: Callable[[float], float],
) -> Choice:
    """Among values whose training mean AUC ties (to TIE decimals), the one `prefer` ranks
    highest is picked."""
    picks: list[float] = []
    held: dict[str, dict[str, Features]] = {"chosen": {}, "shipped": {}}
    for fold in folds(docs):
        out = {d.row.digest for d in fold}
        train = [d for d in docs if d.row.digest not in out]
        table = fit_on(train, posts, PSEUDO)
        at = setting(Fold(train, table, analyzer.taxonomy))
        taxonomies = {v: at(v) for v in {*grid, shipped}}
        fitted = {v: mean_auc(train, scores(train, taxonomies[v], table)) for v in grid}
        best = max(grid, key=lambda v: (round(fitted[v], TIE), prefer(v)))
        picks.append(best)
        click.echo(
            "fold: training mean AUC " + " ".join(f"{v:g}:{fitted[v]:.4f}" for v in grid)
            + f" → {best:g}"
        )  # fmt: skip
        held["chosen"] |= scores(fold, taxonomies[best], table)
        held["shipped"] |= scores(fold, taxonomies[shipped], table)
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
    click.echo(
        f"folds chose {choice.picks} (median {choice.value:g}); mean out-of-fold AUC "
        f"{group_mean(choice.chosen):.4f} with the picks, {group_mean(choice.baseline):.4f} "
        f"with {shipped:g}"
    )
    click.echo(f"{name} should be {recommended(choice, shipped):g}")


def recommended(choice: Choice, shipped: float) -> float:
    """The median pick, if choosing it holds up out of fold; otherwise the shipped value."""
    return choice.value if group_mean(choice.chosen) > group_mean(choice.baseline) else shipped


def command(
    name: str,
    grid: Sequence[float],
    setting: Setting,
    shipped: Callable[[Taxonomy], float],
    prefer: Callable[[float], float],
    before: Callable[[Sequence[Doc]], None] = lambda _docs: None,
    after: Callable[[Choice, Fold], None] = lambda _choice, _all: None,
) -> click.Command:
    """The command that reads the corpus, runs `before` on the documents, chooses `name`, and
    runs `after` with the choice and every document (with the table fitted on all of them)."""

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
        choice = choose(docs, posts, analyzer, grid, setting, value, prefer)
        report(choice, name, value)
        after(choice, Fold(docs, fit_on(docs, posts, PSEUDO), analyzer.taxonomy))

    return main
