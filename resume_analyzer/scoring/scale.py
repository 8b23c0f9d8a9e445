"""What a score means: where it falls among resumes whose field is known.

A number out of 100 says little by itself. These are the 10th and 90th percentiles of the
score in three groups of the development corpus, one resume per person, measured by
`python -m evaluation.validity` (its "score's scale" table) on the code of 2026-11-29:

- PM and APM resumes (20): students to senior PMs, career changers, founders;
- resumes of neighbouring modern roles (9): engineers, data scientists, designers, marketers;
- resumes from other fields (349, LiveCareer): accountants, teachers, chefs, sales, …

The taxonomy was written against this corpus and 20 PM resumes are few, so the bands are a
guide to reading the number, not a prediction of an interview: `docs/scoring.md` says so.
Re-run the evaluation and update these figures when the scoring changes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Band:
    group: str
    low: float  # 10th percentile
    high: float  # 90th percentile
    n: int


PM = Band("PM and APM resumes", 70.5, 89.6, 20)
NEAR = Band("engineers', data scientists' and designers' resumes", 51.7, 72.9, 9)
OTHER = Band("resumes from other fields", 27.3, 50.1, 349)
BANDS = (PM, NEAR, OTHER)


def scale_note(score: float) -> str:
    """One sentence placing a score among the measured groups."""
    pm = f"most PM and APM resumes we measured score {PM.low:.0f}–{PM.high:.0f}"
    if score >= PM.low:
        return f"In the range of PM and APM resumes: {pm}."
    if score >= NEAR.low:
        return (
            f"Below most PM and APM resumes ({pm}), in the range of {NEAR.group} "
            f"({NEAR.low:.0f}–{NEAR.high:.0f})."
        )
    return (
        f"Well below PM and APM resumes ({pm}); {OTHER.group} mostly score "
        f"{OTHER.low:.0f}–{OTHER.high:.0f}."
    )
