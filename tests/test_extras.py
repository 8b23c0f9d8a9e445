"""Without an extra installed, the door that needs it says which one in one `Error: …` line."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import builders as b
import pytest
from click.testing import CliRunner

from resume_analyzer.cli import main

Hide = Callable[..., None]


@pytest.fixture
def hide(monkeypatch: pytest.MonkeyPatch) -> Iterator[Hide]:
    """Make modules unimportable, as if never installed, for the rest of the test."""
    loaded = set(sys.modules)

    def hide_modules(*modules: str) -> None:
        for name in modules:
            for submodule in [n for n in sys.modules if n.startswith(f"{name}.")]:
                monkeypatch.setitem(sys.modules, submodule, None)
            monkeypatch.setitem(sys.modules, name, None)  # None: importing it raises
        # Imported afresh, so their own imports of the hidden modules run again.
        for name in [n for n in sys.modules if n.startswith("resume_analyzer.web")]:
            monkeypatch.delitem(sys.modules, name)

    yield hide_modules
    # Parts of the app imported during the test, beside a failed package import: not kept.
    for name in set(sys.modules) - loaded:
        if name.startswith("resume_analyzer.web"):
            del sys.modules[name]


@pytest.mark.parametrize("missing", ["flask", "waitress", "sqlalchemy"])
def test_serve_without_web_extra_names_it(
    hide: Hide, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, missing: str
) -> None:
    import flask

    # SQLAlchemy is imported once the app is being built: keep its instance folder in tmp_path.
    monkeypatch.setattr(flask.Flask, "auto_find_instance_path", lambda _self: str(tmp_path))
    hide(missing)
    result = CliRunner().invoke(main, ["serve", "--port", "5999"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"Error: The web app needs the Python package '{missing}'")
    assert "pip install 'resume-analyzer[web]'" in result.stderr
    assert "Traceback" not in result.output


def test_hash_password_without_web_extra_names_it(hide: Hide) -> None:
    hide("werkzeug")
    result = CliRunner().invoke(main, ["hash-password", "--password", "x"])
    assert result.exit_code == 1
    assert "pip install 'resume-analyzer[web]'" in result.stderr


def test_batch_scheduler_without_dask_extra_names_it(
    hide: Hide, write_file: b.WriteFile, tmp_path: Path
) -> None:
    resume = write_file("jane.md", b.MARKDOWN_RESUME)
    hide("distributed", "dask")
    args = ["batch", str(resume), "-o", str(tmp_path / "rows.jsonl"), "-q"]
    result = CliRunner().invoke(main, [*args, "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(
        "Error: Batch scoring on a Dask cluster needs the Python package 'distributed'"
    )
    assert "pip install 'resume-analyzer[dask]'" in result.stderr


def test_own_missing_module_is_not_blamed_on_an_extra() -> None:
    from resume_analyzer.extras import requires_extra

    with pytest.raises(ModuleNotFoundError), requires_extra("web"):
        import resume_analyzer.no_such_module  # noqa: F401
