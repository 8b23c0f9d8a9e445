"""`resume-analyzer batch`: one row per input, written as it goes, resumable after a kill;
folders, zips (traversal and bombs refused), broken files that never stop the batch; the
cohort and student reports. Most runs score in this process (`--workers 0`) to stay fast; the
kill test and the crash test use real worker processes."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import signal
import stat
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import builders as b
import pytest
import resumes as r
from click.testing import CliRunner, Result

from resume_analyzer.batch import BatchInput, ScoreTask, collect_inputs, run_batch
from resume_analyzer.batch.inputs import ArchiveLimits, InputError, count_inputs
from resume_analyzer.batch.output import Journal, read_journal
from resume_analyzer.batch.rows import row_fields, row_from_analysis
from resume_analyzer.cli import main

FAST = ("--workers", "0", "--no-model", "--quiet")


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["batch", *(str(arg) for arg in args)])


def student(n: int) -> r.Spec:
    """A resume of its own (its own bytes and hash) for student `n`."""
    return replace(r.APM, name=f"Student{n} Example", contact=f"s{n}@example.com | Austin, TX")


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def by_file(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    found = {row["file"]: row for row in rows}
    assert len(found) == len(rows), "a file has two rows"
    return found


@pytest.fixture
def cohort(tmp_path: Path) -> Path:
    """A coach's folder: good resumes in three formats, a subfolder, and broken files."""
    folder = tmp_path / "cohort"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.pdf").write_bytes(r.to_pdf(student(1)))
    (folder / "sub" / "b.docx").write_bytes(r.to_docx(student(2)))
    (folder / "c.md").write_text(r.to_text(student(3)), encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00" * 64)
    (folder / "photo.pdf").write_bytes(b.png_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048))
    return folder


EXPECTED_ERRORS = {
    "broken.pdf": "corrupt_document",
    "photo.pdf": "unsupported_file_type",
    "empty.txt": "empty_document",
    "old.doc": "legacy_doc",
}


def test_mixed_folder_gives_one_row_per_input_and_exit_3(cohort: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run(cohort, "-o", out, *FAST)
    assert result.exit_code == 3, result.output
    rows = by_file(lines(out))
    names = {name.removeprefix(f"{cohort.as_posix()}/") for name in rows}
    assert names == {"a.pdf", "sub/b.docx", "c.md", *EXPECTED_ERRORS}
    assert list(rows) == sorted(rows), "the final JSONL is sorted by file name"
    for name, row in rows.items():
        short = name.rsplit("/", 1)[-1]
        if short in EXPECTED_ERRORS:
            assert row["score"] is None
            assert row["error"]["code"] == EXPECTED_ERRORS[short], row
            assert row["error"]["message"]
        else:
            assert row["error"] is None
            assert 0 <= row["score"] <= 100
            assert set(row["components"]) == {"competencies", "impact", "presentation"}
            assert len(row["competencies"]) == len(row["levels"]) == 8
            assert 1 <= len(row["top_fixes"]) <= 3
            assert all(set(fix) == {"code", "message", "line"} for fix in row["top_fixes"])
        assert len(row["sha256"]) == 64


def test_a_row_is_analyze_mapped_over_the_file(cohort: Path) -> None:
    from resume_analyzer import analyze
    from resume_analyzer.settings import AnalysisSettings

    path = cohort / "a.pdf"
    (row,) = run_batch([BatchInput(path.as_posix(), path.read_bytes())], workers=0, use_model=False)
    analysis = analyze(
        path.read_bytes(), filename="a.pdf", settings=AnalysisSettings(use_model=False)
    )
    expected = row_from_analysis(path.as_posix(), row["sha256"], analysis)
    assert row == expected
    assert row["score"] == analysis.to_dict()["score"]


def test_every_exit_code_all_scored_is_0(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.md").write_text(r.to_text(student(1)), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "o.jsonl"), *FAST[:-1]]
    )
    assert result.exit_code == 0, result.output
    assert "1 inputs (1 scored now); 0 could not be scored" in result.stderr


def test_an_empty_folder_is_not_an_error(tmp_path: Path) -> None:
    (tmp_path / "none").mkdir()
    result = run(tmp_path / "none", "-o", tmp_path / "o.csv", "--workers", "0", "--no-model")
    assert result.exit_code == 0, result.output
    assert "No files found" in result.stderr
    assert (tmp_path / "o.csv").read_text(encoding="utf-8").startswith("file,sha256,score,")


def test_row_fields_and_flatten_serve_a_single_row(cohort: Path) -> None:
    from resume_analyzer.batch.rows import ROW_FIELDS, flatten
    from resume_analyzer.taxonomy import load_taxonomy

    ids = [area.id for area in load_taxonomy().areas]
    assert list(ROW_FIELDS) == row_fields(ids)
    (row,) = run_batch(collect_inputs([cohort / "c.md"]), workers=0, use_model=False)
    cells = flatten(row)
    assert list(cells) == list(ROW_FIELDS)
    assert cells["score"] == row["score"] and cells["error_code"] == ""


def test_csv_jsonl_and_json_agree(cohort: Path, tmp_path: Path) -> None:
    outputs = {fmt: tmp_path / f"out.{fmt}" for fmt in ("jsonl", "csv", "json")}
    for path in outputs.values():
        assert run(cohort, "-o", path, *FAST).exit_code == 3
    assert (tmp_path / "out.csv.jsonl").exists(), "csv keeps its journal beside it"
    jsonl = lines(outputs["jsonl"])
    assert json.loads(outputs["json"].read_text(encoding="utf-8")) == jsonl
    table = read_csv(outputs["csv"])
    ids = list(jsonl[0]["competencies"] or jsonl[-1]["competencies"])
    assert list(table[0]) == row_fields(ids)
    assert len(ids) == 8
    assert [cell["file"] for cell in table] == [row["file"] for row in jsonl]
    for cell, row in zip(table, jsonl, strict=True):
        assert cell["sha256"] == row["sha256"]
        assert cell["score"] == ("" if row["score"] is None else str(row["score"]))
        for cid in ids:
            expected = row["competencies"].get(cid)
            assert cell[cid] == ("" if expected is None else str(expected))
        assert cell["impact"] == str(row["components"].get("impact", ""))
        fixes = row["top_fixes"]
        assert [cell[f"fix_{n}"] != "" for n in (1, 2, 3)] == [n < len(fixes) for n in range(3)]
        if fixes:
            assert cell["fix_1"].startswith(fixes[0]["message"])
        assert cell["error_code"] == (row["error"] or {}).get("code", "")


def _zip(path: Path, members: dict[str, bytes], *, symlink: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        if symlink is not None:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "../../etc/passwd")
    return path


def test_zip_members_are_read_in_memory_and_traversal_and_bombs_refused(tmp_path: Path) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as nested:
        nested.writestr("x.md", r.to_text(student(9)))
    archive = _zip(
        tmp_path / "cohort.zip",
        {
            "cohort/ok.md": r.to_text(student(1)).encode(),
            "cohort/ok.docx": r.to_docx(student(2)),
            "../evil.md": r.to_text(student(3)).encode(),
            "/etc/abs.md": b"x",
            "cohort/../../climb.md": b"x",
            "bomb.txt": bytes(20 * 1024 * 1024),  # 20 MiB of zeros, about 20 KiB packed
            "nested.zip": inner.getvalue(),
            "__MACOSX/cohort/._ok.md": b"\x00\x05\x16\x07",
        },
        symlink="cohort/link.md",
    )
    out = tmp_path / "out.jsonl"
    assert run(archive, "-o", out, *FAST).exit_code == 3
    rows = {row["file"].removeprefix(archive.as_posix() + "/"): row for row in lines(out)}
    codes = {name: (row["error"] or {}).get("code") for name, row in rows.items()}
    assert codes == {
        "cohort/ok.md": None,
        "cohort/ok.docx": None,
        "../evil.md": "unsafe_document",
        "/etc/abs.md": "unsafe_document",
        "cohort/../../climb.md": "unsafe_document",
        "bomb.txt": "unsafe_document",
        "nested.zip": "unsupported_file_type",  # not expanded: a zip is not a resume
        "cohort/link.md": "unsafe_document",
    }
    assert "zip bomb" in rows["bomb.txt"]["error"]["message"]
    assert rows["../evil.md"]["sha256"] is None, "a refused member is never read"
    written = {p.name for p in tmp_path.parent.rglob("*")}
    assert not {"evil.md", "abs.md", "climb.md", "ok.md", "passwd"} & written


def test_archive_limits_refuse_the_whole_archive_with_one_row(tmp_path: Path) -> None:
    archive = _zip(tmp_path / "many.zip", {f"r{n}.md": b"resume" for n in range(5)})
    (item,) = collect_inputs([archive], limits=ArchiveLimits(max_members=4))
    assert isinstance(item, InputError)
    assert (item.code, item.name) == ("unsafe_document", archive.as_posix())
    assert count_inputs([archive], limits=ArchiveLimits(max_members=4)) == 1
    (item,) = collect_inputs([archive], limits=ArchiveLimits(max_total_bytes=20))
    assert isinstance(item, InputError) and item.code == "document_too_large"
    assert count_inputs([archive]) == 5


def test_a_docx_named_zip_is_a_resume_and_members_over_the_size_limit_are_refused(
    tmp_path: Path,
) -> None:
    from resume_analyzer.settings import ParseSettings

    renamed = tmp_path / "resume.zip"
    renamed.write_bytes(r.to_docx(student(1)))
    (item,) = collect_inputs([renamed])
    assert isinstance(item, BatchInput) and item.name == renamed.as_posix()
    archive = _zip(tmp_path / "big.zip", {"big.md": b"word " * 400})
    (item,) = collect_inputs([archive], settings=ParseSettings(max_bytes=1000))
    assert isinstance(item, InputError) and item.code == "document_too_large"
    (item,) = collect_inputs([tmp_path / "resume.zip"], settings=ParseSettings(max_bytes=1000))
    assert isinstance(item, InputError) and item.sha256 is not None


def test_a_file_reached_twice_and_the_outputs_are_not_inputs(cohort: Path) -> None:
    out = cohort / "results.csv"
    report = cohort / "report"
    args = (cohort, cohort / "c.md", "-o", out, "--report", report, *FAST)
    assert run(*args).exit_code == 3
    assert run(*args, "--resume").exit_code == 3
    names = [row["file"] for row in lines(cohort / "results.csv.jsonl")]
    assert len(names) == 7 == len(set(names))
    assert not any("results" in name or "report" in name for name in names)


def test_resume_skips_by_path_and_content_and_keeps_old_failures(
    cohort: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.jsonl"
    assert run(cohort, "-o", out, *FAST).exit_code == 3
    first = lines(out)
    # Same bytes under a new path: a new input, with a row of its own.
    (cohort / "c.md").rename(cohort / "renamed.md")
    (cohort / "new.md").write_text(r.to_text(student(7)), encoding="utf-8")
    for name in EXPECTED_ERRORS:
        (cohort / name).unlink()
    result = run(cohort, "-o", out, *FAST[:-1], "--resume")
    assert result.exit_code == 3, "failures kept from the earlier run still count"
    rows = lines(out)
    assert len(rows) == len(first) + 2
    assert {row["file"] for row in rows} - {row["file"] for row in first} == {
        f"{cohort.as_posix()}/new.md",
        f"{cohort.as_posix()}/renamed.md",
    }
    assert "2 scored now, 2 already in the output" in result.stderr


def test_without_resume_the_output_starts_over(cohort: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert run(cohort, "-o", out, *FAST).exit_code == 3
    for name in EXPECTED_ERRORS:
        (cohort / name).unlink()
    assert run(cohort, "-o", out, *FAST).exit_code == 0
    assert len(lines(out)) == 3


def test_journal_drops_a_line_cut_by_a_kill(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with Journal(path, resume=False) as journal:
        journal.append({"file": "a.md", "sha256": "1" * 64, "error": None})
        journal.append({"file": "b.md", "sha256": "2" * 64, "error": None})
    with path.open("ab") as handle:
        handle.write(b'{"file": "c.md", "sha2')
    with Journal(path, resume=True) as journal:
        assert [row["file"] for row in journal.rows] == ["a.md", "b.md"]
        journal.append({"file": "c.md", "sha256": "3" * 64, "error": None})
    assert [row["file"] for row in read_journal(path)] == ["a.md", "b.md", "c.md"]


def test_a_file_that_is_not_a_journal_is_refused_untouched(cohort: Path, tmp_path: Path) -> None:
    out = tmp_path / "notes.jsonl"
    out.write_text("my notes\nmore notes\n", encoding="utf-8")
    result = run(cohort, "-o", out, *FAST, "--resume")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "line 1" in result.stderr
    assert out.read_text(encoding="utf-8") == "my notes\nmore notes\n"


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("missing-folder",),
        ("{cohort}", "--format", "xml"),
        ("{cohort}", "--workers", "-1"),
        ("{cohort}", "--job", "missing.txt"),
        ("{cohort}", "--taxonomy", "missing.yaml"),
    ],
)
def test_usage_errors_exit_2(cohort: Path, args: tuple[str, ...]) -> None:
    result = run(*(arg.format(cohort=cohort) for arg in args))
    assert result.exit_code == 2, result.output


def test_setup_problems_stop_the_batch_with_exit_1(cohort: Path, tmp_path: Path) -> None:
    bad = tmp_path / "tax.yaml"
    bad.write_text("version: 1\nname: x\n", encoding="utf-8")
    result = run(cohort, "-o", tmp_path / "o.jsonl", "--taxonomy", bad, *FAST)
    assert result.exit_code == 1 and result.stderr.startswith("Error: ")
    blank = tmp_path / "job.txt"
    blank.write_text("   \n", encoding="utf-8")
    result = run(cohort, "-o", tmp_path / "o.jsonl", "--job", blank, *FAST)
    assert result.exit_code == 1 and "job.txt is empty" in result.stderr
    assert "Traceback" not in result.output


def test_job_posting_adds_the_job_match_component(cohort: Path, tmp_path: Path) -> None:
    job = tmp_path / "job.txt"
    job.write_text("Associate Product Manager\n\nRequirements:\n- SQL\n", encoding="utf-8")
    out = tmp_path / "o.json"
    assert run(cohort / "c.md", "-o", out, "--job", job, *FAST).exit_code == 0
    (row,) = json.loads(out.read_text(encoding="utf-8"))
    assert row["components"]["job_match"] > 0


def test_an_unexpected_exception_is_a_row_without_its_text(
    cohort: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from resume_analyzer import Analyzer

    real = Analyzer.analyze

    def flaky(self: Analyzer, source: Any, **kwargs: Any) -> Any:
        if kwargs.get("filename", "").endswith("c.md"):
            raise KeyError("Student3 Example's private text")
        return real(self, source, **kwargs)

    monkeypatch.setattr(Analyzer, "analyze", flaky)
    rows = by_file(list(run_batch(collect_inputs([cohort]), workers=0, use_model=False)))
    error = rows[f"{cohort.as_posix()}/c.md"]["error"]
    assert error["code"] == "internal_error"
    assert "KeyError" in error["message"] and "private" not in error["message"]
    assert rows[f"{cohort.as_posix()}/a.pdf"]["error"] is None


@dataclass(frozen=True)
class CrashingTask(ScoreTask):
    """Kills its worker process on any file named crash*; no warm-up, to keep the test fast."""

    def warm(self) -> None:
        return

    def __call__(self, name: str, data: bytes) -> dict[str, Any]:
        if Path(name).name.startswith("crash"):
            os._exit(1)
        return {"file": name, "sha256": "x", "error": None, "score": len(data)}


def test_a_worker_that_dies_costs_only_its_file() -> None:
    names = [f"r{n}.md" for n in range(8)]
    names.insert(3, "crash.md")
    inputs = [BatchInput(name, name.encode()) for name in names]
    rows = by_file(list(run_batch(inputs, workers=2, task=CrashingTask())))
    assert set(rows) == set(names)
    assert rows["crash.md"]["error"]["code"] == "worker_crashed"
    assert all(rows[name]["error"] is None for name in names if name != "crash.md")


def test_a_pool_found_broken_at_submit_loses_no_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker can die between the runner's wait and its next submit: the submit then raises
    BrokenProcessPool. The file being submitted never ran; it must be scored on a new pool."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from resume_analyzer.batch import runner

    pools: list[int] = []

    class BreaksOnThirdSubmit(ProcessPoolExecutor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            pools.append(0)
            self.index = len(pools)

        def submit(self, *args: Any, **kwargs: Any) -> Any:
            pools[self.index - 1] += 1
            if self.index == 1 and pools[0] == 3:
                raise BrokenProcessPool("a worker died")
            return super().submit(*args, **kwargs)

    monkeypatch.setattr(runner, "ProcessPoolExecutor", BreaksOnThirdSubmit)
    names = [f"r{n}.md" for n in range(6)]
    rows = by_file(list(run_batch([BatchInput(n, n.encode()) for n in names], workers=2,
                                  task=CrashingTask())))  # fmt: skip
    assert set(rows) == set(names)
    assert all(row["error"] is None for row in rows.values())
    assert len(pools) >= 2  # the broken pool was replaced


def _cli() -> list[str]:
    script = Path(sys.executable).with_name("resume-analyzer")
    return [str(script)] if script.exists() else [sys.executable, "-m", "resume_analyzer"]


@pytest.fixture
def killed_run(tmp_path: Path) -> Iterator[tuple[Path, Path, int]]:
    """A real `resume-analyzer batch` over 32 files, killed with SIGKILL mid-run: 30 resumes
    and two byte-for-byte copies under other names, among the first to be scored."""
    folder = tmp_path / "thirty"
    folder.mkdir()
    for n in range(30):
        spec = student(n)
        if n % 3 == 0:
            (folder / f"s{n:02d}.pdf").write_bytes(r.to_pdf(spec))
        else:
            (folder / f"s{n:02d}.md").write_text(r.to_text(spec), encoding="utf-8")
    (folder / "s00-copy.pdf").write_bytes((folder / "s00.pdf").read_bytes())
    (folder / "s01-copy.md").write_bytes((folder / "s01.md").read_bytes())
    out = tmp_path / "out.jsonl"
    command = [*_cli(), "batch", str(folder), "-o", str(out), "--workers", "1", "--no-model"]
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 120
        while not (out.exists() and out.read_bytes().count(b"\n") >= 3):
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "the batch wrote no rows in 120 s"
            time.sleep(0.005)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        yield folder, out, process.returncode
    finally:
        # Its worker process (same session) goes with it.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        if process.stderr:
            process.stderr.close()


def test_kill_then_resume_loses_nothing_and_duplicates_nothing(
    killed_run: tuple[Path, Path, int],
) -> None:
    folder, out, returncode = killed_run
    assert returncode == -signal.SIGKILL
    before = [json.loads(line) for line in out.read_bytes().splitlines() if line.endswith(b"}")]
    assert 3 <= len(before) < 32, "the run should have been killed part way"
    with out.open("ab") as handle:  # as if the kill had cut a row in half
        handle.write(b'{"file": "' + folder.as_posix().encode() + b'/s29.md", "sha')
    result = run(folder, "-o", out, "--workers", "0", "--no-model", "--resume")
    assert result.exit_code == 0, result.output
    after = lines(out)
    assert [row["file"] for row in after] == sorted(
        f"{folder.as_posix()}/{p.name}" for p in folder.iterdir()
    )
    assert len(after) == 32, "one row per file, copies included"
    assert len({row["sha256"] for row in after}) == 30
    kept = by_file(after)
    for row in before:
        assert kept[row["file"]] == row, "a row written before the kill is kept as it was"
    assert f"{32 - len(before)} scored now, {len(before)} already in the output" in result.stderr


def test_cohort_and_student_reports_are_self_contained_and_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    hostile = student(1).with_bullet(0, 0, "Shipped <script>alert(1)</script> to 9 users")
    (folder / "<script>x.md").write_text(r.to_text(hostile), encoding="utf-8")
    (folder / "weak.md").write_text(r.to_text(student(2)), encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00" * 64)
    report = tmp_path / "report"
    assert run(folder, "-o", tmp_path / "o.jsonl", "--report", report, *FAST).exit_code == 3
    index = (report / "index.html").read_text(encoding="utf-8")
    pages = sorted((report / "students").glob("*.html"))
    assert len(pages) == 2 and len(list((report / "students").glob("*.md"))) == 2
    for html in [index, *(page.read_text(encoding="utf-8") for page in pages)]:
        assert "<script" not in html.lower()
        assert "http://" not in html and "https://" not in html
        assert "Content-Security-Policy" in html
    assert "&lt;script&gt;x.md" in index
    (page,) = [p for p in pages if "script" in p.name]
    assert "Shipped &lt;script&gt;alert(1)&lt;/script&gt; to 9 users" in page.read_text("utf-8")
    assert "<svg" in index and "Competency gaps" in index and "broken.pdf" in index
    assert 'href="students/' in index
    gaps = read_csv(report / "competency_gaps.csv")
    assert len(gaps) == 8
    assert all(
        sum(int(g[level]) for level in ("missing", "weak", "solid", "strong")) == 2 for g in gaps
    )
    ranking = read_csv(report / "ranking.csv")
    assert len(ranking) == 2 and ranking[0]["rank"] == "1"
    bands = read_csv(report / "score_distribution.csv")
    assert sum(int(band["students"]) for band in bands) == 2


@dataclass(frozen=True)
class HangingTask(ScoreTask):
    """Writes its worker's pid, then backtracks in C for ever, holding the GIL."""

    marker: str = ""

    def warm(self) -> None:
        return

    def __call__(self, name: str, data: bytes) -> dict[str, Any]:
        Path(self.marker).write_text(str(os.getpid()), encoding="utf-8")
        re.match(r"(a+)+$", "a" * 64 + "b")
        return {}


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return False
    return "State:\tZ" not in status


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_stuck_worker_dies_with_its_killed_parent(tmp_path: Path) -> None:
    marker = tmp_path / "worker.pid"
    script = (
        "import sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from test_batch import HangingTask\n"
        "from resume_analyzer.batch import BatchInput, run_batch\n"
        f"task = HangingTask(marker={str(marker)!r})\n"
        "list(run_batch([BatchInput('x.md', b'x')], workers=1, task=task))\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], start_new_session=True)
    worker = 0
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert parent.poll() is None, "the batch process ended early"
            assert time.monotonic() < deadline, "the worker never started"
            time.sleep(0.05)
        worker = int(marker.read_text(encoding="utf-8"))
        assert _alive(worker)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=30)
        deadline = time.monotonic() + 30
        while _alive(worker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(worker), "the worker outlived its killed parent"
    finally:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(parent.pid, signal.SIGKILL)
        if worker and _alive(worker):
            os.kill(worker, signal.SIGKILL)
        parent.wait(timeout=30)
