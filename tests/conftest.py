"""Shared fixtures. The fixture resumes themselves are built in `builders.py`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from builders import WriteFile

from resume_analyzer.nlp.pipeline import load_nlp
from resume_analyzer.taxonomy import Taxonomy, load_taxonomy

if TYPE_CHECKING:
    from spacy.language import Language


@pytest.fixture
def write_file(tmp_path: Path) -> WriteFile:
    """Write bytes (or UTF-8 text) to a file under tmp_path and return its path."""

    def write(name: str, data: bytes | str) -> Path:
        path = tmp_path / name
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        return path

    return write


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The shared spaCy pipeline, loaded once for the session."""
    return load_nlp()


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    """The built-in taxonomy."""
    return load_taxonomy()
