"""Optional parts of the package, installed as extras (`pip install 'resume-analyzer[web]'`).

The core (parse, analyze, batch on this machine) needs none of them. A door that does need one
imports it inside `requires_extra`, so a person without it reads which extra to install instead
of a ModuleNotFoundError traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from resume_analyzer.errors import MissingExtraError

# Extra → what it is for, as the error message says it; keep in step with pyproject.toml.
EXTRAS = {
    "web": "The web app",
    "dask": "Batch scoring on a Dask cluster",
}


@contextmanager
def requires_extra(extra: str) -> Iterator[None]:
    """Raise MissingExtraError when a module imported inside the block is not installed."""
    try:
        yield
    except ModuleNotFoundError as error:
        missing = (error.name or "").partition(".")[0]
        if missing in {"", "resume_analyzer"}:
            raise  # one of our own modules missing is a broken install, not a missing extra
        raise MissingExtraError(
            f"{EXTRAS[extra]} needs the Python package '{missing}', which is not installed. "
            f"Install it with: pip install 'resume-analyzer[{extra}]'"
        ) from None
