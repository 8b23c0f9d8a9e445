"""Shared fixtures. The fixture resumes themselves are built in `builders.py`."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import WriteFile


@pytest.fixture
def write_file(tmp_path: Path) -> WriteFile:
    """Write bytes (or UTF-8 text) to a file under tmp_path and return its path."""

    def write(name: str, data: bytes | str) -> Path:
        path = tmp_path / name
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        return path

    return write
