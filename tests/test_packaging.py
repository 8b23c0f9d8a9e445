"""The wheel carries the library, the web app and the models under one top-level name."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("resume_analyzer-*.whl")
    return built


@pytest.fixture(scope="module")
def wheel_names(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        return archive.namelist()


def test_wheel_has_one_top_level_package(wheel_names: list[str]) -> None:
    tops = {name.split("/")[0] for name in wheel_names if not name.endswith(".dist-info/")}
    tops = {t for t in tops if not t.endswith(".dist-info")}
    assert tops == {"resume_analyzer"}, "a top-level `web` or `models` would clash on install"


def test_wheel_carries_web_models_and_typing(wheel_names: list[str]) -> None:
    assert "resume_analyzer/web/__init__.py" in wheel_names
    assert "resume_analyzer/models/__init__.py" in wheel_names
    assert "resume_analyzer/py.typed" in wheel_names
    assert "resume_analyzer/parsing/pdf.py" in wheel_names


def test_wheel_carries_root_taxonomy_when_present(wheel_names: list[str]) -> None:
    if not (ROOT / "skills_taxonomy.yaml").exists():
        pytest.skip("skills_taxonomy.yaml arrives with the taxonomy issue")
    assert "resume_analyzer/skills_taxonomy.yaml" in wheel_names


def test_console_script_declared(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith("entry_points.txt"))
        text = archive.read(name).decode()
    assert "resume-analyzer = resume_analyzer.cli:main" in text
