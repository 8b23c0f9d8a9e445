"""Fit the weights of the eight competency areas: `python -m training.area_weights`.

    python -m training.area_weights --corpus ../shared/corpus [--per-category N] [--workers N]

The taxonomy's area weights (`areas[].weight`) were first set by hand from the competency
model (../shared/APM_COMPETENCIES.md). Issue 12 asks that every weight be fitted by
cross-validation grouped by person, and 20 PM resumes cannot carry eight free weights, so one
number is chosen instead: the share SHARE of a learned weighting mixed into the taxonomy's,

    weight_a = (1 − SHARE) · taxonomy_a / Σ taxonomy + SHARE · lift_a / Σ lift,
    lift_a   = max(0, mean over far, near, modern-near and LinkedIn of AUC_a − 0.5),

where AUC_a is how well the area's own score tells PM/APM resumes from each group, on the
training folds only. SHARE is chosen from GRID by nested 5-fold cross-validation
(`training.nested`); ties go to the smaller share, the competency model's weights. If the
choice holds up out of fold, the command prints the weights fitted on every file with the
median share, rounded for `skills_taxonomy.yaml`; they are copied there by hand, where the
comments say what each area is. Prints counts and AUCs, never text or file names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import click

from resume_analyzer.scoring.result import Analysis
from resume_analyzer.taxonomy import Taxonomy
from training.nested import Choice, Fold, command, mean_auc, recommended, scores
from training.specificity import Features

GRID = (0.0, 0.25, 0.5, 0.75, 1.0)


def areas(found: Analysis) -> Features:
    coverage = next(c for c in found.components if c.id == "competencies")
    return dict(coverage.details["areas"])


def mixing(fold: Fold) -> Callable[[float], dict[str, float]]:
    """The area weights for each share: the taxonomy's mixed with each area's lift, how far
    its own score separates PM/APM resumes from the others above chance, fitted once."""
    taxonomy = fold.taxonomy
    given = {area.id: area.weight / taxonomy.total_weight for area in taxonomy.areas}
    found = scores(fold.train, taxonomy, fold.table, read=areas)
    lift = {a: max(0.0, mean_auc(fold.train, found, a) - 0.5) for a in given}
    total = sum(lift.values()) or 1.0
    return lambda share: {a: (1 - share) * given[a] + share * lift[a] / total for a in given}


def setting(fold: Fold) -> Callable[[float], Taxonomy]:
    mix = mixing(fold)

    def at(share: float) -> Taxonomy:
        weights = mix(share)
        weighted = tuple(replace(a, weight=weights[a.id]) for a in fold.taxonomy.areas)
        return replace(fold.taxonomy, areas=weighted)

    return at


def fitted(choice: Choice, everything: Fold) -> None:
    share = recommended(choice, 0.0)
    weights = mixing(everything)(share)
    click.echo(f"area weights fitted on every file with share {share:g} (taxonomy's in brackets):")
    for area in everything.taxonomy.areas:
        given = area.weight / everything.taxonomy.total_weight
        click.echo(f"  {area.id:28} {weights[area.id]:.2f} ({given:.2f})")


main = command(
    "area weight share",
    GRID,
    setting,
    shipped=lambda _taxonomy: 0.0,
    prefer=lambda share: -share,
    after=fitted,
)

if __name__ == "__main__":
    main()
