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
from pathlib import Path

import click

from evaluation import corpus_option
from evaluation.cohorts import PER_CATEGORY
from resume_analyzer import Analyzer
from resume_analyzer.settings import AnalysisSettings
from resume_analyzer.taxonomy import Taxonomy
from training.nested import choose, report
from training.specificity import posting_names, read_docs

GRID = (0.2, 0.15, 0.1, 0.05)


def with_presentation(taxonomy: Taxonomy, weight: float) -> Taxonomy:
    return replace(taxonomy, scoring=replace(taxonomy.scoring, presentation=weight))


@click.command()
@corpus_option
@click.option("--per-category", default=PER_CATEGORY, show_default=True)
@click.option("--workers", default=2, show_default=True)
def main(corpus: Path, per_category: int, workers: int) -> None:
    docs = read_docs(corpus, per_category, workers)
    analyzer = Analyzer(settings=AnalysisSettings(budget=None))
    posts = posting_names(analyzer, corpus)
    shipped = analyzer.taxonomy.scoring.presentation
    choice = choose(docs, posts, analyzer, GRID, with_presentation, shipped, prefer=lambda w: w)
    report(choice, "scoring.components.presentation", shipped)


if __name__ == "__main__":
    main()
