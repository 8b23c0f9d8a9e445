"""Choose the weight of the presentation component: `python -m training.presentation_weight`.

    python -m training.presentation_weight --corpus ../shared/corpus [--per-category N]

The score adds competency coverage, impact and presentation with the taxonomy's
`scoring.components` weights (0.45 / 0.35 / presentation). Presentation (contact details,
length, sections, ATS-readiness) is worth telling the applicant about, but it says little
about APM readiness: against modern neighbouring-field resumes its own AUC is about 0.5. Its
weight is chosen from GRID by nested 5-fold cross-validation grouped by person
(`training.nested`); ties go to the larger weight, the hand-set one being 0.2. Prints counts
and AUCs, never text or file names.
"""

from __future__ import annotations

from dataclasses import replace

from resume_analyzer.taxonomy import Taxonomy
from training.nested import command, fixed

GRID = (0.2, 0.15, 0.1, 0.05)


def with_presentation(taxonomy: Taxonomy, weight: float) -> Taxonomy:
    return replace(taxonomy, scoring=replace(taxonomy.scoring, presentation=weight))


main = command(
    "scoring.components.presentation",
    GRID,
    fixed(with_presentation),
    shipped=lambda taxonomy: taxonomy.scoring.presentation,
    prefer=lambda weight: weight,
)

if __name__ == "__main__":
    main()
