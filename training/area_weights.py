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

import statistics
from dataclasses import replace

import click

from resume_analyzer.scoring.result import Analysis
from resume_analyzer.taxonomy import Taxonomy
from training.nested import Choice, Fold, command, recommended, scores
from training.specificity import REPORTED, Features, aucs

GRID = (0.0, 0.25, 0.5, 0.75, 1.0)


def areas(found: Analysis) -> Features:
    coverage = next(c for c in found.components if c.id == "competencies")
    return dict(coverage.details["areas"])


def lifts(fold: Fold) -> dict[str, float]:
    """How far each area's own score separates PM/APM resumes from the others, above chance."""
    found = scores(fold.train, fold.taxonomy, fold.table, read=areas)
    out = {}
    for area in fold.taxonomy.areas:
        by_group = aucs(fold.train, found, area.id)
        mean = statistics.mean(by_group[g] for g in REPORTED if g in by_group)
        out[area.id] = max(0.0, mean - 0.5)
    return out


def mixed(fold: Fold, share: float) -> dict[str, float]:
    given = {area.id: area.weight / fold.taxonomy.total_weight for area in fold.taxonomy.areas}
    if share == 0:
        return given  # the taxonomy as it is; nothing to fit
    learned = lifts(fold)
    total = sum(learned.values()) or 1.0
    return {a: (1 - share) * given[a] + share * learned[a] / total for a in given}


def with_weights(taxonomy: Taxonomy, weights: dict[str, float]) -> Taxonomy:
    return replace(taxonomy, areas=tuple(replace(a, weight=weights[a.id]) for a in taxonomy.areas))


def setting(fold: Fold, share: float) -> Taxonomy:
    return with_weights(fold.taxonomy, mixed(fold, share))


def fitted(choice: Choice, everything: Fold) -> None:
    share = recommended(choice, 0.0)
    weights = mixed(everything, share)
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
