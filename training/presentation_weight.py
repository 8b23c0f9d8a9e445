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

from training.nested import command, scoring_field

GRID = (0.2, 0.15, 0.1, 0.05)


main = command(
    "scoring.components.presentation",
    GRID,
    scoring_field("presentation"),
    shipped=lambda taxonomy: taxonomy.scoring.presentation,
    prefer=lambda weight: weight,
)

if __name__ == "__main__":
    main()
