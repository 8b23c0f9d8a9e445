"""Reading the plain-JSON tables under models/ that scoring uses: data only, never code."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from resume_analyzer.errors import ResumeAnalyzerError

T = TypeVar("T")


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
