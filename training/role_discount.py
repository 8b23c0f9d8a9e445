"""Choose how much less competency coverage counts for a resume that reads as another role:
`python -m training.role_discount`.

    python -m training.role_discount --corpus ../shared/corpus [--per-category N] [--workers N]

A resume that reads as engineering, project management or marketing (scoring/roles.py) has
its coverage multiplied by 1 − `scoring.role_discount` of the taxonomy. The discount is
chosen from GRID by 5-fold cross-validation grouped by person, nested the way
`training.specificity` does it: in each fold the specificity table is fitted on the other
folds, the discount that gives the best mean AUC of the score (PM/APM against far, near,
modern-near and LinkedIn non-PM resumes) on the other folds is picked, and the held-out fold
is scored with both (`training.nested`). The figures printed are out of fold only. Ties in a
fold (mean AUCs equal to 3 decimals, less than one PM/modern-near pair changing order) go to
the larger discount: of two values that separate equally well, the one that makes the score
agree with the reading printed above it. The median pick is recommended only when it holds up
out of fold. Prints counts and AUCs, never text or file names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import click

from training.nested import command, scoring_field
from training.specificity import REPORTED, Doc

GRID = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3)


def readings(docs: Sequence[Doc]) -> None:
    found = Counter((d.row.group, d.analysis.role.reads_as) for d in docs)
    click.echo("reads as, per group (files kept, one per person):")
    for group in ("pm", *REPORTED):
        roles = {role: n for (g, role), n in sorted(found.items()) if g == group}
        click.echo(f"  {group:12} {roles}")


main = command(
    "scoring.role_discount",
    GRID,
    scoring_field("role_discount"),
    shipped=lambda taxonomy: taxonomy.scoring.role_discount,
    prefer=lambda discount: discount,
    before=readings,
)

if __name__ == "__main__":
    main()
