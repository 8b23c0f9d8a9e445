"""The learned competency-area tagger: which of the eight APM areas a bullet evidences.

It complements the taxonomy's rules on paraphrase ("Sat with 15 churned customers to learn why"
is user research without a taxonomy term). The artifact is plain arrays: `models/area_model.npz`
(IDF weights per feature block, one logistic regression per area), read with
`allow_pickle=False`, and `area_model.json` beside it (areas, thresholds, feature settings,
versions, metrics). Scoring is NumPy only: importing scikit-learn would cost seconds of start-up.
`make model` retrains both files; `models/area_model.md` is the model card.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from resume_analyzer.errors import AreaModelError
from resume_analyzer.nlp.hashed_tfidf import HashedTfidf

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
MODEL_NAME = "area_model.npz"
# Bumped when the arrays or the scoring change meaning; the loader refuses any other value.
FORMAT = "hashed-tfidf-ovr-logistic/1"
REBUILD = "rebuild it with `make model`"

Matrix = NDArray[np.float64]


def model_file(name: str = MODEL_NAME) -> Path:
    """Where an artifact of `resume_analyzer.models` lives, installed or in a checkout."""
    # setuptools maps models/ to resume_analyzer.models, a mapping mypy cannot follow.
    from resume_analyzer.models import artifact_path  # type: ignore[import-not-found,unused-ignore]

    return Path(artifact_path(name))


def metadata_path(model: Path) -> Path:
    """The JSON file that travels with a model: areas, thresholds, features, versions, metrics."""
    return model.with_suffix(".json")


class AreaModel:
    """Hashed TF-IDF blocks, one logistic regression per area, one threshold per area."""

    def __init__(
        self,
        features: Sequence[HashedTfidf],
        coef: Matrix,
        intercept: NDArray[np.float64],
        thresholds: Mapping[str, float],
    ) -> None:
        if not features:
            raise ValueError("the area model has no feature block")
        width = sum(block.n_features for block in features)
        for name, array, shape in (
            ("coef", coef, (len(AREAS), width)),
            ("intercept", intercept, (len(AREAS),)),
        ):
            if array.dtype != np.float64 or array.shape != shape:
                raise ValueError(f"{name} is {array.dtype} {array.shape}, expected float64 {shape}")
            if not np.isfinite(array).all():
                raise ValueError(f"{name} holds NaN or infinite values")
        missing = [area for area in AREAS if area not in thresholds]
        if missing:
            raise ValueError(f"no threshold for: {', '.join(missing)}")
        self.features = tuple(features)
        # Rows of the transpose: a text's few columns are then contiguous reads.
        self._weights = np.ascontiguousarray(coef.T)
        self._intercept = intercept.copy()
        self._offsets = np.cumsum([0, *(block.n_features for block in features)])[:-1]
        self.thresholds: dict[str, float] = {area: float(thresholds[area]) for area in AREAS}

    @classmethod
    def load(cls, path: Path | None = None) -> AreaModel:
        """Load a model; the default artifact is read once per process and shared."""
        if path is None:
            return _default_model()
        return _read(path)

    def decision_function(self, texts: Sequence[str]) -> Matrix:
        """Each text's logit per area: its FeatureUnion row times the coefficients."""
        scores = np.tile(self._intercept, (len(texts), 1))
        for block, offset in zip(self.features, self._offsets, strict=True):
            rows, columns, values = block.transform(texts)
            np.add.at(scores, rows, values[:, np.newaxis] * self._weights[columns + offset])
        return scores

    def predict_proba(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Each text's probability for every area, in `AREAS` order.

        Each area's own logistic, not normalised across areas: the model is multilabel, and
        scikit-learn's OneVsRestClassifier normalises rows only for single-label fits.
        """
        if not texts:
            return []
        with np.errstate(over="ignore"):  # exp overflow gives 0.0, the right limit
            rows = 1.0 / (1.0 + np.exp(-self.decision_function(texts)))
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
    meta = read_metadata(path)
    arrays = read_arrays(path)
    blocks = meta["features"]
    expected = {"coef", "intercept", *(f"idf_{block['name']}" for block in blocks)}
    if set(arrays) != expected:
        raise AreaModelError(
            f"{path.name} holds arrays {sorted(arrays)}, expected {sorted(expected)}; {REBUILD}."
        )
    try:
        features = [
            HashedTfidf(
                name=block["name"],
                analyzer=block["analyzer"],
                ngram_range=(block["ngram_range"][0], block["ngram_range"][1]),
                n_features=block["n_features"],
                idf=arrays[f"idf_{block['name']}"],
            )
            for block in blocks
        ]
        return AreaModel(features, arrays["coef"], arrays["intercept"], meta["thresholds"])
    except ValueError as exc:
        raise AreaModelError(
            f"{path.name} does not match {metadata_path(path).name}: {exc}; {REBUILD}."
        ) from exc


def read_arrays(path: Path) -> dict[str, NDArray[Any]]:
    """Every array in an .npz file, refusing pickled (object) arrays."""
    try:
        # Our own handle: np.load leaves its file open when the zip turns out broken.
        with path.open("rb") as handle:
            archive = np.load(handle, allow_pickle=False)
            if not isinstance(archive, np.lib.npyio.NpzFile):  # a lone .npy array
                raise ValueError("it holds one array, not an archive")
            with archive:
                return {name: archive[name] for name in archive.files}
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
        raise AreaModelError(
            f"{path.name} is not a readable .npz file ({exc}); {REBUILD}."
        ) from exc


def read_metadata(path: Path) -> dict[str, Any]:
    """The metadata beside a model file, with a clear error when it is missing or wrong."""
    meta_file = metadata_path(path)
    if not path.is_file() or not meta_file.is_file():
        raise AreaModelError(
            f"The area model is not installed ({path.name} or {meta_file.name} is missing); "
            "build it with `make model`."
        )
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AreaModelError(f"{meta_file.name} cannot be read ({exc}); {REBUILD}.") from exc
    problem = _metadata_problem(meta)
    if problem:
        raise AreaModelError(f"{meta_file.name} {problem}; {REBUILD}.")
    return dict(meta)


def _metadata_problem(meta: Any) -> str | None:
    if not isinstance(meta, dict):
        return "is not a JSON object"
    if meta.get("format") != FORMAT:
        return f"has format {meta.get('format')!r}, but this version reads {FORMAT!r}"
    if meta.get("areas") != list(AREAS):
        return f"lists areas {meta.get('areas')!r}, expected {list(AREAS)!r} in that order"
    thresholds = meta.get("thresholds")
    if not isinstance(thresholds, dict):
        return "has no thresholds"
    for area in AREAS:
        value = thresholds.get(area)
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            return f"has no threshold between 0 and 1 for {area}"
    blocks = meta.get("features")
    if not isinstance(blocks, list) or not blocks:
        return "lists no feature blocks"
    for block in blocks:
        if not (
            isinstance(block, dict)
            and isinstance(block.get("name"), str)
            and block["name"].isidentifier()
            and isinstance(block.get("analyzer"), str)
            and _is_int_pair(block.get("ngram_range"))
            and _is_int(block.get("n_features"))
        ):
            return f"has a malformed feature block {block!r}"
    if len({block["name"] for block in blocks}) != len(blocks):
        return "repeats a feature block name"
    return None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_int_pair(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(_is_int(v) for v in value)
