"""How often each kind of finding was right when coaches checked it: the confidence that ranks
the top fixes beside their gain.

The feedback audit (`evaluation/labels/audit.json`: findings on real resumes judged TRUE,
FALSE or PEDANTIC by two labelers) gives each finding code a share of findings that were
worth telling the applicant. `training/finding_confidence.py` writes that share per code to
`models/finding_confidence.json` (card beside it). A top fix is an item whose expected gain,
gain × confidence, is among the highest: a weak opener (right 97% of the time) comes before a
missing metric (86%) that would add the same points. A code the audit has not judged takes
the audit's overall share.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from resume_analyzer.errors import ConfidenceError
from resume_analyzer.scoring.tables import load_table, shares

FORMAT = "resume-analyzer/finding-confidence"
FILENAME = "finding_confidence.json"


@dataclass(frozen=True)
class Confidence:
    """A share in (0, 1] per finding code; `default` for codes without one."""

    by_code: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    default: float = 1.0

    def __post_init__(self) -> None:
        shares({"default": self.default}, "Confidence")
        object.__setattr__(self, "by_code", shares(self.by_code, "Confidence"))

    def of(self, code: str) -> float:
        return float(self.by_code.get(code, self.default))

    @classmethod
    def load(cls, path: Path) -> Confidence:
        """Read a table written by `training/finding_confidence.py` (plain JSON, no code)."""

        def parse(data: dict[str, Any]) -> Confidence:
            codes = {str(k): float(v["confidence"]) for k, v in data["codes"].items()}
            return cls(codes, float(data["default"]))

        return load_table(
            path,
            FORMAT,
            parse,
            error=ConfidenceError,
            what="finding confidence table",
            rebuild="make confidence",
        )


NEUTRAL = Confidence()
