"""Reading the plain-JSON tables under models/ that scoring uses: data only, never code."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from resume_analyzer.errors import ResumeAnalyzerError

T = TypeVar("T")


def shares(values: Mapping[str, float], what: str) -> Mapping[str, float]:
    """`values` as a read-only mapping, each checked to be a share in (0, 1]."""
    for name, value in values.items():
        if not (isinstance(value, float | int) and 0.0 < value <= 1.0 and math.isfinite(value)):
            raise ValueError(f"{what} of {name!r} must lie in (0, 1], not {value!r}")
    return MappingProxyType(dict(values))


def load_table(
    path: Path,
    fmt: str,
    parse: Callable[[dict[str, Any]], T],
    *,
    error: type[ResumeAnalyzerError],
    what: str,
    rebuild: str,
) -> T:
    """`parse` of the JSON object in `path`, whose "format" must be `fmt`; any problem is an
    `error` that names the file and how to rebuild it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != fmt:
            raise ValueError(f"not a {fmt} file")
        return parse(data)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise error(
            f"The {what} {path} cannot be read ({exc}). Rebuild it with `{rebuild}`, or "
            "reinstall resume-analyzer."
        ) from exc
