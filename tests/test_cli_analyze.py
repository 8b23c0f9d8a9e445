"""`resume-analyzer analyze` and `taxonomy check`: formats and the exit-code contract
(0 ok, 1 unreadable input, 2 usage, 3 below --fail-under)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import builders as b
import pytest
import resumes as r
from click.testing import CliRunner, Result

from resume_analyzer.cli import main


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args])


@pytest.fixture
def resume(write_file: b.WriteFile) -> Path:
    return write_file("resume.pdf", r.to_pdf(r.APM))


def test_text_report(resume: Path) -> None:
    result = run("analyze", resume, "--no-model")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("APM resume score: ")
    assert "Top fixes" in result.stdout
    assert "\x1b[" not in result.stdout  # no colour when stdout is not a terminal


def test_json_equals_the_library(resume: Path) -> None:
    from resume_analyzer import analyze
    from resume_analyzer.settings import AnalysisSettings

    result = run("analyze", resume, "--format", "json", "--no-model")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    expected = analyze(resume, settings=AnalysisSettings(use_model=False)).to_dict()
    assert data == json.loads(json.dumps(expected))


def test_markdown_report(resume: Path) -> None:
    result = run("analyze", resume, "--format", "markdown", "--no-model")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Jordan Example: APM resume report")
    assert "## Top fixes" in result.stdout


def test_job_posting(resume: Path, write_file: b.WriteFile) -> None:
    posting = write_file("job.txt", "Associate Product Manager\n\nRequirements:\n- SQL\n")
    result = run("analyze", resume, "--job", posting, "--format", "json", "--no-model")
    assert result.exit_code == 0, result.output
    job = json.loads(result.stdout)["job_match"]
    assert job["required"]["matched"] == ["SQL"]


@pytest.mark.parametrize(("threshold", "code"), [("0", 0), ("100", 3)])
def test_fail_under(resume: Path, threshold: str, code: int) -> None:
    result = run("analyze", resume, "--fail-under", threshold, "--format", "json", "--no-model")
    assert result.exit_code == code, result.output
    assert json.loads(result.stdout)["score"] >= 0  # the report is printed either way


@pytest.mark.parametrize(
    "args",
    [
        ("analyze",),
        ("analyze", "missing.pdf"),
        ("analyze", "{resume}", "--fail-under", "101"),
        ("analyze", "{resume}", "--format", "html"),
        ("analyze", "{resume}", "--job", "missing.txt"),
    ],
)
def test_usage_errors_exit_2(resume: Path, args: tuple[str, ...]) -> None:
    result = run(*(arg.format(resume=resume) for arg in args))
    assert result.exit_code == 2, result.output


def test_unreadable_file_exits_1(write_file: b.WriteFile) -> None:
    broken = write_file("broken.pdf", b"%PDF-1.7\n" + b"\x00" * 64)
    result = run("analyze", broken)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert "Traceback" not in result.output


def test_invalid_taxonomy_exits_1(resume: Path, write_file: b.WriteFile) -> None:
    bad = write_file("tax.yaml", "version: 1\nname: x\n")
    result = run("analyze", resume, "--taxonomy", bad)
    assert result.exit_code == 1
    assert "Error: " in result.stderr
    assert "lexicons" in result.stderr


def test_taxonomy_check_builtin() -> None:
    result = run("taxonomy", "check")
    assert result.exit_code == 0, result.output
    assert "valid" in result.stdout


def test_taxonomy_check_reports_every_problem_with_its_line(write_file: b.WriteFile) -> None:
    bad = write_file("tax.yaml", "version: 1\nname: x\nareas: []\n")
    result = run("taxonomy", "check", bad)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any(line.strip().startswith("version (line 1):") for line in lines), lines
    assert any(line.strip().startswith("areas (line 3):") for line in lines), lines


def test_same_bytes_across_processes_and_hash_seeds(resume: Path) -> None:
    """Sets and dicts must never leak their order into the output: two fresh processes with
    different hash seeds print the same bytes."""
    import os

    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "resume_analyzer",
                "analyze",
                str(resume),
                "--format",
                "json",
                "--no-model",
            ],
            capture_output=True,
            env=env,
            check=True,
            timeout=120,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1


def _console(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    """The CLI as a script runs it: a fresh process through `python -m resume_analyzer`."""
    command = [sys.executable, "-m", "resume_analyzer", *map(str, args)]
    return subprocess.run(command, capture_output=True, check=False, timeout=120)


def test_a_finished_analysis_exits_at_once_with_its_whole_output(resume: Path) -> None:
    """`run` ends a finished analyze without Python's teardown: the output must still be
    complete (flushed through a pipe) and the exit-code contract kept."""
    done = _console("analyze", resume, "--format", "json", "--no-model")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["score"] > 0  # the whole document, parseable
    below = _console("analyze", resume, "--no-model", "--fail-under", "100")
    assert below.returncode == 3, below.stderr
    assert below.stdout.decode().startswith("APM resume score: ")
    assert b"Top fixes" in below.stdout


def test_errors_still_end_the_normal_way(tmp_path: Path) -> None:
    missing = _console("analyze", tmp_path / "missing.pdf")
    assert missing.returncode == 2
    assert b"does not exist" in missing.stderr
    not_a_resume = tmp_path / "notes.pdf"
    not_a_resume.write_bytes(b"%PDF-1.4 nothing else")
    broken = _console("analyze", not_a_resume, "--no-model")
    assert broken.returncode == 1
    assert broken.stderr.startswith(b"Error: ")
    assert b"Traceback" not in broken.stderr
