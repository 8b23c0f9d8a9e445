"""Trained artifacts, each with a model card, installed as `resume_analyzer.models`.

Artifacts are plain data (JSON, NumPy .npz): nothing here is loaded with pickle.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def artifact_path(name: str) -> Path:
    """Where an artifact of this package lives, installed or in a checkout."""
    return Path(str(resources.files(__name__).joinpath(name)))
