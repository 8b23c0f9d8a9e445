"""How specific each skill or evidence phrase of the taxonomy is to product work.

Teachers present, salespeople negotiate, HR recruits: a competency area such as communication
is shown by them more often than by product managers, so counting every mention in full
rewards the wrong people (issue 12 measured communication's AUC at 0.20 against far fields).
A weight per name, fitted on the development corpus (`training/specificity.py`, card in
`models/skill_specificity.md`), scales the points a line earns for an area: 1 for what PM
resumes and postings show at least as often as other fields do, down to a floor for what
other fields show several times more often. A name the table does not know (a coach's own
taxonomy) counts in full.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from resume_analyzer.errors import SpecificityError
from resume_analyzer.scoring.tables import load_table, shares

FORMAT = "resume-analyzer/skill-specificity"
FILENAME = "skill_specificity.json"


@dataclass(frozen=True)
class Specificity:
    """Weights in (0, 1] by skill or evidence-phrase name; unknown names weigh 1."""

    weights: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    # Areas every field shows (communication, cross-functional work, ownership): a line counts
    # for them as much as its most product-specific mention of any area, so "presented the
    # roadmap to leadership" counts in full and "presented lessons to parents" does not.
    context_areas: frozenset[str] = frozenset()
    # A line that shows a context area with nothing of product work beside it (no skill,
    # domain term or model tag of another area: "Communicated lesson plans to parents")
    # counts this share of its points for that area; "Presented the roadmap to leadership"
    # counts in full. 1 turns it off.
    unflavoured: float = 1.0

    def __post_init__(self) -> None:
        if not 0.0 < self.unflavoured <= 1.0:
            raise ValueError(f"The unflavoured share must lie in (0, 1], not {self.unflavoured!r}")
        object.__setattr__(self, "weights", shares(self.weights, "Specificity"))

    def weight(self, name: str) -> float:
        return float(self.weights.get(name, 1.0))

    @classmethod
    def load(cls, path: Path) -> Specificity:
        """Read a table written by `training/specificity.py` (plain JSON, no code)."""

        def parse(data: dict[str, Any]) -> Specificity:
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            areas = frozenset(map(str, data.get("context_areas", ())))
            return cls(weights, areas, float(data.get("unflavoured_share", 1.0)))

        return load_table(
            path,
            FORMAT,
            parse,
            error=SpecificityError,
            what="skill specificity table",
            rebuild="make specificity",
        )

    def to_dict(self, **about: object) -> dict[str, object]:
        return {
            "format": FORMAT,
            **about,
            "context_areas": sorted(self.context_areas),
            "unflavoured_share": self.unflavoured,
            "weights": dict(sorted(self.weights.items())),
        }


NEUTRAL = Specificity()
