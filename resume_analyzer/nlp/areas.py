"""The learned competency-area tagger: which of the eight APM areas a bullet evidences.

It complements the taxonomy's rules on paraphrase ("Sat with 15 churned customers to learn why"
is user research without a taxonomy term). The artifact is `models/area_model.skops`, read with
skops' safe loader and an explicit allow-list of types kept in `area_model.json` beside it:
nothing is unpickled. `make model` retrains both; `models/area_model.md` is the model card.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from resume_analyzer.errors import ResumeAnalyzerError

# The order is the model's output column order; it matches skills_taxonomy.yaml's areas.
AREAS: tuple[str, ...] = (
    "user_research",
    "data_analysis",
    "backlog_specification",
    "cross_functional_execution",
    "technical_literacy",
    "product_strategy",
    "communication_influence",
    "impact_ownership",
)
MODEL_NAME = "area_model.skops"
# Defence in depth: even an allow-listed type must come from one of these packages.
TRUSTED_ROOTS = frozenset({"numpy", "scipy", "sklearn"})


def model_file(name: str = MODEL_NAME) -> Path:
    """Where an artifact of `resume_analyzer.models` lives, installed or in a checkout."""
    # setuptools maps models/ to resume_analyzer.models, a mapping mypy cannot follow.
    from resume_analyzer.models import artifact_path  # type: ignore[import-not-found,unused-ignore]

    return Path(artifact_path(name))


def metadata_path(model: Path) -> Path:
    """The JSON file that travels with a model: areas, thresholds, allowed types, metrics."""
    return model.with_suffix(".json")


class AreaModel:
    """A fitted text pipeline plus one probability threshold per area."""

    def __init__(self, pipeline: Any, thresholds: Mapping[str, float]) -> None:
        missing = [area for area in AREAS if area not in thresholds]
        if missing:
            raise ResumeAnalyzerError(f"The area model has no threshold for: {', '.join(missing)}.")
        self._pipeline = pipeline
        self.thresholds: dict[str, float] = {area: float(thresholds[area]) for area in AREAS}

    @classmethod
    def load(cls, path: Path | None = None) -> AreaModel:
        """Load a model; the default artifact is read once per process and shared."""
        if path is None:
            return _default_model()
        return _read(path)

    def predict_proba(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Each text's probability for every area, in `AREAS` order."""
        if not texts:
            return []
        rows = self._pipeline.predict_proba(list(texts))
        return [{area: float(row[i]) for i, area in enumerate(AREAS)} for row in rows]

    def predict(self, texts: Sequence[str]) -> list[frozenset[str]]:
        """The areas each text evidences: those at or above the area's tuned threshold."""
        return [
            frozenset(area for area, p in row.items() if p >= self.thresholds[area])
            for row in self.predict_proba(texts)
        ]


@lru_cache(maxsize=1)
def _default_model() -> AreaModel:
    return _read(model_file())


def _read(path: Path) -> AreaModel:
    import skops.io as sio

    meta = read_metadata(path)
    allowed = [str(name) for name in meta.get("trusted_types", [])]
    foreign = foreign_types(allowed)
    if foreign:
        raise ResumeAnalyzerError(
            f"{metadata_path(path).name} allow-lists types outside scikit-learn, NumPy and "
            f"SciPy ({', '.join(foreign)}); refusing to load {path.name}."
        )
    try:
        found = sio.get_untrusted_types(file=path)
    except Exception as exc:  # skops raises several types for a broken archive
        raise ResumeAnalyzerError(
            f"{path.name} is not a readable skops file ({exc}); retrain with `make model`."
        ) from exc
    unexpected = sorted(set(found) - set(allowed))
    if unexpected:
        raise ResumeAnalyzerError(
            f"{path.name} holds types that are not on its allow-list ({', '.join(unexpected)}); "
            "refusing to load it. Retrain with `make model`."
        )
    pipeline = sio.load(path, trusted=allowed)
    if list(meta.get("areas", [])) != list(AREAS):
        raise ResumeAnalyzerError(f"{path.name} was trained for other areas; retrain it.")
    return AreaModel(pipeline, meta["thresholds"])


def foreign_types(names: Sequence[str]) -> list[str]:
    """The type names outside the packages a model may need (scikit-learn, NumPy, SciPy)."""
    return sorted(name for name in names if name.split(".", 1)[0] not in TRUSTED_ROOTS)


def read_metadata(path: Path) -> dict[str, Any]:
    """The metadata beside a model file, with a clear error when it is missing or broken."""
    meta_file = metadata_path(path)
    if not path.is_file() or not meta_file.is_file():
        raise ResumeAnalyzerError(
            f"The area model is not installed ({path.name} or {meta_file.name} is missing); "
            "build it with `make model`."
        )
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ResumeAnalyzerError(f"{meta_file.name} cannot be read: {exc}.") from exc
    if not isinstance(meta, dict) or not isinstance(meta.get("thresholds"), dict):
        raise ResumeAnalyzerError(f"{meta_file.name} has no thresholds; retrain the model.")
    return meta
