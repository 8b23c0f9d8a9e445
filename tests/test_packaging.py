"""What ships: the sdist and the wheel built from it, installed alone, analyze a resume.

`python -m build` makes the sdist, then the wheel from the unpacked sdist, as a package index
or a user would. The wheel is installed into a fresh venv that sees the dev venv's third-party
packages through a `.pth` file (so nothing is downloaded) but not the checkout: a path listed
in a `.pth` file is added without its own `.pth` files being read, so the dev venv's editable
finder, which maps `resume_analyzer` onto this checkout, never runs there.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import sysconfig
import tarfile
import tomllib
import venv
import zipfile
from pathlib import Path

import builders as b
import pytest

from resume_analyzer._version import __version__

ROOT = Path(__file__).resolve().parent.parent
DEV_TOOLS = ("evaluation", "training")  # beside the package, never shipped

# Builds and installs in subprocesses: tens of seconds, still part of `make test` (CI).
packaging = pytest.mark.packaging


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    (sdist,) = out.glob("resume_analyzer-*.tar.gz")
    (wheel,) = out.glob("resume_analyzer-*.whl")
    return {"sdist": sdist, "wheel": wheel}


@pytest.fixture(scope="module")
def sdist_names(dists: dict[str, Path]) -> list[str]:
    with tarfile.open(dists["sdist"]) as archive:
        return [name.split("/", 1)[1] for name in archive.getnames() if "/" in name]


@pytest.fixture(scope="module")
def wheel_names(dists: dict[str, Path]) -> list[str]:
    with zipfile.ZipFile(dists["wheel"]) as archive:
        return archive.namelist()


@packaging
def test_sdist_carries_the_taxonomy(sdist_names: list[str]) -> None:
    assert "resume_analyzer/skills_taxonomy.yaml" in sdist_names
    assert "pyproject.toml" in sdist_names
    assert "setup.py" not in sdist_names, "pyproject.toml is the one build configuration"


@packaging
def test_wheel_has_one_top_level_package(wheel_names: list[str]) -> None:
    tops = {name.split("/")[0] for name in wheel_names}
    tops = {t for t in tops if not t.endswith(".dist-info")}
    assert tops == {"resume_analyzer"}, "a top-level `web` or `models` would clash on install"


@packaging
def test_wheel_carries_web_models_data_and_typing(wheel_names: list[str]) -> None:
    for name in (
        "resume_analyzer/web/__init__.py",
        "resume_analyzer/web/templates/base.html",
        "resume_analyzer/web/static/app.js",
        "resume_analyzer/models/__init__.py",
        "resume_analyzer/models/area_model.json",
        "resume_analyzer/models/skill_specificity.json",
        "resume_analyzer/py.typed",
        "resume_analyzer/parsing/pdf.py",
        "resume_analyzer/skills_taxonomy.yaml",
        "resume_analyzer/taxonomy/schema.json",
        "resume_analyzer/batch/templates/cohort.html",
    ):
        assert name in wheel_names


@packaging
def test_wheel_leaves_evaluation_training_and_labels_out(wheel_names: list[str]) -> None:
    shipped = [
        name
        for name in wheel_names
        if any(part in name for part in ("evaluation", "training", "models/data/"))
    ]
    assert shipped == []


@packaging
def test_wheel_metadata_has_version_script_and_extras(
    dists: dict[str, Path], wheel_names: list[str]
) -> None:
    with zipfile.ZipFile(dists["wheel"]) as archive:
        entry_points = archive.read(next(n for n in wheel_names if n.endswith("entry_points.txt")))
        metadata = archive.read(next(n for n in wheel_names if n.endswith("/METADATA"))).decode()
    assert "resume-analyzer = resume_analyzer.cli:run" in entry_points.decode()
    assert f"\nVersion: {__version__}\n" in metadata
    for extra in ("web", "dask", "train", "dev"):
        assert f"\nProvides-Extra: {extra}\n" in metadata
    requires = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:")]
    core = " ".join(line.lower() for line in requires if "extra ==" not in line)
    for optional in ("flask", "waitress", "sqlalchemy", "dask", "distributed"):
        assert optional not in core, f"{optional} belongs in an extra"
    assert any(line.startswith("Requires-Dist: Flask") and '"web"' in line for line in requires)


def fresh_venv(where: Path) -> Path:
    """A venv without pip that imports the dev venv's third-party packages, not the checkout."""
    venv.create(where, with_pip=False)
    python = where / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    dev_paths = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    (Path(site) / "dev_dependencies.pth").write_text("\n".join(dev_paths) + "\n")
    return python


def run_in(cwd: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PIP_"))}
    return subprocess.run(
        [str(arg) for arg in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


WHERE = (
    "import resume_analyzer, resume_analyzer.web, resume_analyzer.models; "
    "from resume_analyzer.taxonomy.load import default_taxonomy_path; "
    "print(resume_analyzer.__file__); print(resume_analyzer.web.__file__); "
    "print(resume_analyzer.models.__file__); print(default_taxonomy_path())"
)


@packaging
def test_wheel_alone_in_a_fresh_venv_analyzes_a_resume(
    dists: dict[str, Path], tmp_path: Path
) -> None:
    env_dir, elsewhere = tmp_path / "venv", tmp_path / "elsewhere"
    elsewhere.mkdir()
    python = fresh_venv(env_dir)
    before = run_in(elsewhere, python, "-c", "import resume_analyzer")
    assert "No module named 'resume_analyzer'" in before.stderr, "the checkout leaks in"

    install = run_in(
        elsewhere,
        sys.executable,
        *("-m", "pip", "--python", python, "install", "--quiet", "--no-deps", "--no-index"),
        dists["wheel"],
    )
    assert install.returncode == 0, install.stderr

    where = run_in(elsewhere, python, "-c", WHERE)
    assert where.returncode == 0, where.stderr
    for line in where.stdout.splitlines():
        assert Path(line).resolve().is_relative_to(env_dir.resolve()), line

    resume = elsewhere / "jane-doe.pdf"
    resume.write_bytes(b.one_column_pdf())
    analyzed = run_in(
        elsewhere, env_dir / "bin" / "resume-analyzer", "analyze", resume.name, "--format", "json"
    )
    assert analyzed.returncode == 0, analyzed.stderr
    data = json.loads(analyzed.stdout)
    assert 0 < data["score"] <= 100
    assert data["version"] == __version__
    assert len(data["competencies"]) == 8


# --- Without building ------------------------------------------------------------------------


def test_pyproject_reads_the_version_from_version_module() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert project["project"]["dynamic"] == ["version"]
    assert "version" not in project["project"]
    dynamic = project["tool"]["setuptools"]["dynamic"]["version"]
    assert dynamic == {"attr": "resume_analyzer._version.__version__"}


def test_version_module_imports_nothing() -> None:
    tree = ast.parse((ROOT / "resume_analyzer" / "_version.py").read_text())
    assert not [node for node in ast.walk(tree) if isinstance(node, ast.Import | ast.ImportFrom)]


def test_root_taxonomy_is_the_packaged_one() -> None:
    root = ROOT / "skills_taxonomy.yaml"
    packaged = ROOT / "resume_analyzer" / "skills_taxonomy.yaml"
    assert root.is_symlink(), "a copy at the root would drift from the one that ships"
    assert root.resolve() == packaged.resolve()


def test_package_never_imports_the_dev_tools() -> None:
    offenders = []
    for folder in ("resume_analyzer", "web"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                if any(name.split(".")[0] in DEV_TOOLS for name in names):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
