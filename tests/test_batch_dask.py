"""`batch --scheduler`: the same batch on a Dask cluster gives the same rows, and resumes.

The cluster is a LocalCluster in this process (threads, no ports, no dashboard), so the test
needs no network and shares the warm pipeline; the code path is the one a remote cluster runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import resumes as r
from click.testing import CliRunner, Result

from resume_analyzer.batch import collect_inputs, run_batch
from resume_analyzer.cli import main

distributed = pytest.importorskip("distributed")


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["batch", *(str(arg) for arg in args)])


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    # On a loaded machine the in-process cluster can miss its start-up deadline ("Cluster
    # closed without starting up"); that is the test bed failing, not the code under test.
    import dask

    cluster = None
    with dask.config.set({"distributed.comm.timeouts.connect": "60s"}):
        for attempt in range(3):
            try:
                cluster = distributed.LocalCluster(
                    processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None
                )
                break
            except RuntimeError:
                if attempt == 2:
                    raise
    assert cluster is not None
    with cluster:
        yield cluster.scheduler_address


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "cohort"
    root.mkdir()
    for n in range(4):
        spec = replace(r.APM, name=f"Dask{n} Example")
        (root / f"s{n}.md").write_text(r.to_text(spec), encoding="utf-8")
    (root / "s1.pdf").write_bytes(r.to_pdf(r.APM))
    (root / "broken.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00" * 64)
    return root


def test_dask_gives_the_same_rows_as_local(folder: Path, scheduler: str) -> None:
    local = run_batch(collect_inputs([folder]), workers=0, use_model=False)
    remote = run_batch(collect_inputs([folder]), workers=0, scheduler=scheduler, use_model=False)
    local_rows = sorted(local, key=lambda row: row["file"])
    remote_rows = sorted(remote, key=lambda row: row["file"])
    assert len(remote_rows) == 6
    assert remote_rows == local_rows


def test_cli_on_a_cluster_resumes_without_duplicates(
    folder: Path, tmp_path: Path, scheduler: str
) -> None:
    out = tmp_path / "out.jsonl"
    args = (folder, "-o", out, "--scheduler", scheduler, "--no-model", "--quiet")
    assert run(*args).exit_code == 3
    first = out.read_text(encoding="utf-8")
    (folder / "s9.md").write_text(r.to_text(replace(r.APM, name="Late Example")), "utf-8")
    assert run(*args, "--resume").exit_code == 3
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 7 == len({row["file"] for row in rows})
    assert set(first.splitlines()) <= set(out.read_text(encoding="utf-8").splitlines())


def test_an_address_that_is_not_one_exits_1(folder: Path, tmp_path: Path) -> None:
    result = run(folder, "-o", tmp_path / "o.jsonl", "--scheduler", "not-an-address", "-q")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: Cannot use the Dask scheduler at not-an-address")
