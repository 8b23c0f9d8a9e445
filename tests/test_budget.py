"""The budget: a document past its time or memory gets `BudgetExceededError` (code
`over_budget`) at every door (library, CLI, batch, web), and the process that served it keeps
serving. Tests use a small budget so that a hang costs two seconds, and assert outcomes,
never timings."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile import broken_cmap_pdf, busy_stream_pdf
from resume_analyzer.web import create_app
from resumes import APM, to_docx, to_pdf, to_text

from resume_analyzer import AnalysisSettings, Analyzer, Budget, BudgetExceededError
from resume_analyzer.batch import BatchInput, ScoreTask, run_batch
from resume_analyzer.cli import main
from resume_analyzer.parsing.sandbox import ParsePool

SMALL = Budget(seconds=2.0, memory_mib=512, workers=2)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(settings=AnalysisSettings(use_model=False, budget=SMALL))


@pytest.fixture(scope="module")
def busy() -> bytes:
    """A PDF that pdfminer works through for minutes (nothing drawn, nothing counted)."""
    return busy_stream_pdf(mib=24)


def test_budget_is_validated() -> None:
    for bad in ({"seconds": 0}, {"seconds": -1.0}, {"memory_mib": 0}, {"workers": 0}):
        with pytest.raises(ValueError, match="Budget"):
            Budget(**bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="budget"):
        AnalysisSettings(budget=15)  # type: ignore[arg-type]
    assert AnalysisSettings().budget == Budget(seconds=15.0, memory_mib=1024, workers=4)


def test_a_slow_document_is_stopped_and_the_next_one_scores(
    analyzer: Analyzer, busy: bytes
) -> None:
    with pytest.raises(BudgetExceededError) as info:
        analyzer.analyze(busy, filename="busy.pdf")
    error = info.value
    assert (error.code, error.resource) == ("over_budget", "time")
    assert error.message.startswith("busy.pdf took too long to read")
    assert "Export" in error.message
    assert analyzer.analyze(to_pdf(APM), filename="apm.pdf").score > 50


def test_a_memory_hungry_document_is_stopped_and_the_next_one_scores() -> None:
    tight = Analyzer(settings=AnalysisSettings(use_model=False, budget=Budget(60.0, 64)))
    with pytest.raises(BudgetExceededError) as info:
        tight.analyze(broken_cmap_pdf(), filename="cmap.pdf")
    assert (info.value.code, info.value.resource) == ("over_budget", "memory")
    assert "cmap.pdf needs more memory" in info.value.message
    assert tight.analyze(to_pdf(APM), filename="apm.pdf").score > 50


def test_parse_within_the_budget_too(analyzer: Analyzer, busy: bytes) -> None:
    with pytest.raises(BudgetExceededError):
        analyzer.parse(busy, filename="busy.pdf")
    with pytest.raises(BudgetExceededError):
        analyzer.read_job(busy, filename="posting.pdf")


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("apm.pdf", lambda: to_pdf(APM)),
        ("apm.docx", lambda: to_docx(APM)),
        ("apm.md", lambda: to_text(APM).encode()),
    ],
)
def test_the_parse_process_gives_exactly_the_in_process_analysis(
    name: str, make: Callable[[], bytes]
) -> None:
    data = make()
    inside = Analyzer(settings=AnalysisSettings(use_model=False, budget=None))
    outside = Analyzer(settings=AnalysisSettings(use_model=False))
    assert (
        outside.analyze(data, filename=name).to_dict()
        == inside.analyze(data, filename=name).to_dict()
    )


def test_a_slow_upload_does_not_hold_up_other_threads(analyzer: Analyzer, busy: bytes) -> None:
    outcome: list[str] = []

    def slow() -> None:
        try:
            analyzer.analyze(busy, filename="busy.pdf")
        except BudgetExceededError as error:
            outcome.append(error.code)

    thread = threading.Thread(target=slow)
    thread.start()
    scores = [analyzer.analyze(to_pdf(APM), filename="apm.pdf").score for _ in range(2)]
    thread.join()
    assert outcome == ["over_budget"]
    assert min(scores) > 50


def test_a_process_whose_reply_was_not_read_is_not_reused() -> None:
    # A caller interrupted between request and reply (Ctrl+C) leaves the reply in the pipe:
    # the next caller would read it as its own.
    pool = ParsePool(memory_mib=256, workers=1)
    worker = pool._acquire()
    worker.wait_ready()
    worker.outbox.send(("ping", None, None))
    worker.pending = True
    pool._release(worker)
    assert not worker.alive
    assert pool._idle == []
    pool.warm()  # a fresh process takes its place
    assert len(pool._idle) == 1
    pool.close()


def test_a_parse_process_ends_with_its_parent(tmp_path: Path) -> None:
    script = (
        "import os, sys\n"
        "from resume_analyzer import Budget\n"
        "from resume_analyzer.parsing.sandbox import shared_pool\n"
        "pool = shared_pool(Budget())\n"
        "pool.warm()\n"
        "print(pool._idle[0].process.pid, flush=True)\n"
        "os.kill(os.getpid(), 9)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], check=False, capture_output=True, text=True
    )
    child = int(done.stdout.strip())
    deadline = time.monotonic() + 30  # the child looks for its parent twice a second
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(child)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    return not (status.exists() and status.read_text().split(") ")[1].startswith("Z"))


# --------------------------------------------------------------------------- the doors


@pytest.fixture
def small_budget_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESUME_ANALYZER_BUDGET_SECONDS", str(SMALL.seconds))
    monkeypatch.setenv("RESUME_ANALYZER_BUDGET_MEMORY_MIB", str(SMALL.memory_mib))


@pytest.mark.usefixtures("small_budget_env")
def test_cli_says_the_file_took_too_long_and_exits_1(tmp_path: Path, busy: bytes) -> None:
    (tmp_path / "busy.pdf").write_bytes(busy)
    (tmp_path / "apm.pdf").write_bytes(to_pdf(APM))
    runner = CliRunner()
    for command in ("analyze", "parse"):
        result = runner.invoke(main, [command, str(tmp_path / "busy.pdf")])
        assert result.exit_code == 1, result.output
        assert result.stderr.startswith("Error: busy.pdf took too long to read")
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.output
    good = runner.invoke(main, ["analyze", str(tmp_path / "apm.pdf"), "--no-model"])
    assert good.exit_code == 0


def test_cli_refuses_a_budget_that_is_not_a_number(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RESUME_ANALYZER_BUDGET_SECONDS", "soon")
    result = CliRunner().invoke(main, ["parse", __file__])
    assert result.exit_code == 2
    assert "RESUME_ANALYZER_BUDGET_SECONDS" in result.output


@pytest.mark.usefixtures("small_budget_env")
def test_cli_batch_keeps_an_over_budget_row_and_scores_the_rest(
    tmp_path: Path, busy: bytes
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "busy.pdf").write_bytes(busy)
    (folder / "apm.pdf").write_bytes(to_pdf(APM))
    out = tmp_path / "rows.jsonl"
    args = ["batch", str(folder), "--output", str(out), "--workers", "0", "--no-model", "-q"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 3, result.output
    rows = {Path(row["file"]).name: row for row in map(json.loads, out.read_text().splitlines())}
    assert rows["busy.pdf"]["error"]["code"] == "over_budget"
    assert rows["apm.pdf"]["error"] is None and rows["apm.pdf"]["score"] > 50


def test_batch_worker_processes_get_the_budget_through_their_task(busy: bytes) -> None:
    items = [BatchInput("busy.pdf", busy), BatchInput("apm.pdf", to_pdf(APM))]
    task = ScoreTask(use_model=False, budget=SMALL)
    rows = {row["file"]: row for row in run_batch(iter(items), workers=1, task=task)}
    assert rows["busy.pdf"]["error"]["code"] == "over_budget"
    assert rows["apm.pdf"]["score"] > 50


def test_web_answers_422_and_keeps_serving(tmp_path: Path, busy: bytes) -> None:
    app = create_app(
        {
            "TESTING": True,
            "USE_MODEL": False,
            "SECRET_KEY": "budget-test",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'web.sqlite3'}",
            "BUDGET_SECONDS": SMALL.seconds,
            "BUDGET_MEMORY_MIB": SMALL.memory_mib,
        }
    )
    client = app.test_client()
    refused = client.post("/api/v1/analyze", data={"file": (io.BytesIO(busy), "busy.pdf")})
    assert refused.status_code == 422
    assert refused.get_json()["error"]["code"] == "over_budget"
    posting = client.post(
        "/api/v1/analyze",
        data={
            "file": (io.BytesIO(to_pdf(APM)), "apm.pdf"),
            "job_file": (io.BytesIO(busy), "p.pdf"),
        },
    )
    assert posting.status_code == 422
    assert posting.get_json()["error"]["code"] == "over_budget"
    assert client.get("/healthz").status_code == 200
    good = client.post("/api/v1/analyze", data={"file": (io.BytesIO(to_pdf(APM)), "apm.pdf")})
    assert good.status_code == 200
    assert good.get_json()["score"] > 50
