"""Choose how much less competency coverage counts for a resume that reads as another role:
`python -m training.role_discount`.

    python -m training.role_discount --corpus ../shared/corpus [--per-category N] [--workers N]

A resume that reads as engineering, project management or marketing (scoring/roles.py) has
its coverage multiplied by 1 − `scoring.role_discount` of the taxonomy. The discount is
chosen from GRID by 5-fold cross-validation grouped by person, nested the way
`training.specificity` does it: in each fold the specificity table is fitted on the other
folds, the discount that gives the best mean AUC of the score (PM/APM against far, near,
modern-near and LinkedIn non-PM resumes) on the other folds is picked, and the held-out fold
is scored with both. The figures printed are out of fold only; the taxonomy takes the median
of the folds' picks. Ties in a fold (mean AUCs equal to 3 decimals, less than one
PM/modern-near pair changing order) go to the larger discount: of two values that separate
equally well, the one that makes the score agree with the reading printed above it. Prints
counts and AUCs, never text or file names.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
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

GRID = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3)


def with_discount(taxonomy: Taxonomy, discount: float) -> Taxonomy:
    return replace(taxonomy, scoring=replace(taxonomy.scoring, role_discount=discount))


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


@click.command()
@corpus_option
@click.option("--per-category", default=PER_CATEGORY, show_default=True)
@click.option("--workers", default=2, show_default=True)
def main(corpus: Path, per_category: int, workers: int) -> None:
    docs = read_docs(corpus, per_category, workers)
    analyzer = Analyzer(settings=AnalysisSettings(budget=None))
    posts = posting_names(analyzer, corpus)
    readings = Counter((d.row.group, d.analysis.role.reads_as) for d in docs)
    click.echo("reads as, per group (files kept, one per person):")
    for group in ("pm", *REPORTED):
        found = {role: n for (g, role), n in sorted(readings.items()) if g == group}
        click.echo(f"  {group:12} {found}")
    chosen: list[float] = []
    held: dict[float, dict[str, Features]] = {d: {} for d in (0.0, -1.0)}
    for fold in folds(docs):
        out = {d.row.digest for d in fold}
        train = [d for d in docs if d.row.digest not in out]
        table = fit_on(train, posts, PSEUDO)
        fitted = {
            d: mean_auc(train, scores(train, with_discount(analyzer.taxonomy, d), table))
            for d in GRID
        }
        best = max(GRID, key=lambda d: (round(fitted[d], 3), d))
        chosen.append(best)
        click.echo(
            "fold: training mean AUC by discount "
            + " ".join(f"{d:.2f}:{fitted[d]:.4f}" for d in GRID)
            + f" → {best:.2f}"
        )
        held[0.0] |= scores(fold, with_discount(analyzer.taxonomy, 0.0), table)
        held[-1.0] |= scores(fold, with_discount(analyzer.taxonomy, best), table)
    without, nested = aucs(docs, held[0.0], "score"), aucs(docs, held[-1.0], "score")
    click.echo("out-of-fold AUC of the score, PM vs each group: with the chosen discount (none)")
    for group in REPORTED:
        if group in nested:
            click.echo(f"  {group:12} {nested[group]:.3f} ({without[group]:.3f})")
    value = statistics.median(chosen)
    click.echo(f"folds chose {chosen}; the taxonomy's scoring.role_discount should be {value}")


if __name__ == "__main__":
    main()
