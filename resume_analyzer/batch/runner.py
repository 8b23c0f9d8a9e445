"""Score inputs in parallel and yield one row per input as it completes.

Three engines run the same `ScoreTask`, so they give the same rows: this process
(`workers=0`, for tests and small jobs), a pool of local worker processes (`workers=N`), or an
existing Dask distributed cluster (`scheduler="tcp://host:8786"`). Inputs travel as bytes, so
a remote worker needs the package installed, never the files.

Rows come back in completion order, which varies between runs; every row's content does not.
At most a few inputs per worker are in flight, so a folder of 10,000 resumes is read as it is
scored, never held in memory. A worker process that dies (out of memory, a crash in a C
library) costs only the file it was scoring: its neighbours are retried one at a time to find
which one it was, and that one gets a `worker_crashed` error row.
"""

from __future__ import annotations

import importlib
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from resume_analyzer._version import __version__
from resume_analyzer.batch.inputs import BatchInput, InputError
from resume_analyzer.batch.rows import Row, error_row
from resume_analyzer.batch.worker import ScoreTask, apply_task, init_pool, make_task, score_in_pool
from resume_analyzer.errors import ResumeAnalyzerError
from resume_analyzer.extras import requires_extra

Item = BatchInput | InputError
# Above this, input bytes go to Dask workers directly (scatter) instead of inside the task.
_SCATTER_BYTES = 1024 * 1024
_CONNECT_SECONDS = 15


class WorkerCrashedError(ResumeAnalyzerError):
    """The process scoring an input died; the input is reported and the batch goes on."""

    code = "worker_crashed"


class SchedulerError(ResumeAnalyzerError):
    """The Dask scheduler cannot be reached, or its address is not one."""

    code = "scheduler_unreachable"


def run_batch(
    inputs: Iterable[Item],
    *,
    workers: int,
    scheduler: str | None = None,
    job_text: str | None = None,
    taxonomy_path: Path | None = None,
    use_model: bool = True,
    skip: frozenset[tuple[str, str]] | set[tuple[str, str]] = frozenset(),
    want_report: bool = False,
    on_skip: Callable[[Item], None] | None = None,
    task: ScoreTask | None = None,
    max_in_flight: int | None = None,
) -> Iterator[Row]:
    """Yield a row for every input whose (name, key) (`BatchInput.key`) is not in `skip`.

    `workers`: local processes (0: score in this process); ignored with `scheduler`.
    `task`: how to score (built from job_text/taxonomy_path/use_model/want_report when None).
    Raises ResumeAnalyzerError for a setup problem shared by every input (taxonomy, posting,
    model, a `scheduler` without the [dask] extra), before or during the run; rows already
    yielded stay valid.
    """
    if workers < 0:
        raise ValueError("workers must be 0 (this process) or more")
    task = task or make_task(
        job_text=job_text, taxonomy_path=taxonomy_path, use_model=use_model, want_report=want_report
    )
    items = _wanted(inputs, skip, on_skip)
    if scheduler is not None:
        with requires_extra("dask"):  # here, before the first row is asked for
            importlib.import_module("distributed")
        return _run_dask(items, task, scheduler, max_in_flight)
    if workers == 0:
        return _run_here(items, task)
    return _run_pool(items, task, workers, max_in_flight or 2 * workers + 2)


def _wanted(
    inputs: Iterable[Item],
    skip: frozenset[tuple[str, str]] | set[tuple[str, str]],
    on_skip: Callable[[Item], None] | None,
) -> Iterator[Item]:
    for item in inputs:
        if (item.name, item.key) in skip:
            if on_skip is not None:
                on_skip(item)
            continue
        yield item


def _input_error_row(item: InputError) -> Row:
    return error_row(item.name, item.sha256, item)


def _run_here(items: Iterator[Item], task: ScoreTask) -> Iterator[Row]:
    for item in items:
        yield _input_error_row(item) if isinstance(item, InputError) else task(item.name, item.data)


def _run_pool(
    items: Iterator[Item], task: ScoreTask, workers: int, max_in_flight: int
) -> Iterator[Row]:
    # spawn, not fork: the parent may hold threads (a progress bar's monitor, a web server),
    # and forking those is unsafe; every worker loads its own pipeline either way.
    context = multiprocessing.get_context("spawn")

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=init_pool, initargs=(task,)
        )

    pool = new_pool()
    in_flight: dict[Future[Row], BatchInput] = {}
    suspects: deque[BatchInput] = deque()
    exhausted = False
    broken = False  # the pool broke between a wait and a submit
    try:
        while True:
            # While suspects remain, run them one at a time: a crash then names its input.
            limit = 1 if suspects else max_in_flight
            while len(in_flight) < limit and (suspects or not exhausted):
                if suspects:
                    item: Item = suspects.popleft()
                else:
                    next_item = next(items, None)
                    if next_item is None:
                        exhausted = True
                        break
                    item = next_item
                if isinstance(item, InputError):
                    yield _input_error_row(item)
                    continue
                try:
                    future = pool.submit(score_in_pool, item.name, item.data)
                except BrokenProcessPool:
                    # A worker died after the last wait: this file never ran. It goes first
                    # (alone) once the pool is back; the files in flight tell who crashed.
                    suspects.appendleft(item)
                    broken = True
                    break
                in_flight[future] = item
            if not in_flight:
                if broken:
                    pool.shutdown(wait=True)
                    pool, broken = new_pool(), False
                    continue
                return
            # After a broken submit every file in flight belongs to the dead pool: wait for all.
            done, _ = wait(in_flight, return_when=ALL_COMPLETED if broken else FIRST_COMPLETED)
            crashed = [in_flight[f] for f in done if isinstance(f.exception(), BrokenProcessPool)]
            if crashed:
                # The pool is gone: every other submission fails (or has just finished) too.
                done = set(in_flight)
                wait(done)
                crashed = [
                    in_flight[f] for f in done if isinstance(f.exception(), BrokenProcessPool)
                ]
            for future in sorted(done, key=lambda f: in_flight[f].name):
                item = in_flight.pop(future)
                if not isinstance(future.exception(), BrokenProcessPool):
                    yield future.result()
            if crashed or broken:
                pool.shutdown(wait=True)
                pool, broken = new_pool(), False
            if crashed:
                if len(crashed) == 1:
                    yield _crashed_row(crashed[0])
                else:
                    suspects.extend(crashed)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _crashed_row(item: BatchInput) -> Row:
    return error_row(
        item.name,
        item.sha256,
        WorkerCrashedError(
            "The worker process scoring this file stopped unexpectedly (it may have run out "
            "of memory); the file was skipped and the rest of the batch was scored."
        ),
    )


def _run_dask(
    items: Iterator[Item], task: ScoreTask, scheduler: str, max_in_flight: int | None
) -> Iterator[Row]:
    # distributed is only partly annotated: use it as Any rather than scatter ignores.
    dask: Any = importlib.import_module("distributed")
    killed: type[BaseException] = dask.KilledWorker
    try:
        client = dask.Client(scheduler, set_as_default=False, timeout=_CONNECT_SECONDS)
    except (OSError, ValueError) as error:
        raise SchedulerError(
            f"Cannot use the Dask scheduler at {scheduler}: {error}. Check the address "
            "(tcp://HOST:PORT) and that `dask scheduler` is running there."
        ) from None
    with client:
        shared = client.scatter(task, broadcast=True, hash=False)
        threads = sum(client.nthreads().values()) or 1
        limit = max_in_flight or 2 * threads + 2
        pending: dict[str, BatchInput] = {}
        completed = dask.as_completed(loop=client.loop)

        def fill() -> Iterator[Row]:
            while len(pending) < limit:
                item = next(items, None)
                if item is None:
                    return
                if isinstance(item, InputError):
                    yield _input_error_row(item)
                    continue
                data: Any = item.data
                if len(item.data) > _SCATTER_BYTES:
                    data = client.scatter(item.data, hash=False)
                future = client.submit(apply_task, shared, item.name, data, pure=False)
                pending[future.key] = item
                completed.add(future)

        yield from fill()
        for future in completed:
            item = pending.pop(future.key)
            try:
                row = future.result()
            except killed:
                row = _crashed_row(item)
            except ResumeAnalyzerError:
                raise
            except Exception as error:
                # score_bytes turns every error of a file into a row: this one is the
                # cluster's, the same for every file (most often a worker without the package).
                raise SchedulerError(
                    f"A Dask worker could not run the batch ({type(error).__name__}: {error}). "
                    f"Every worker needs resume-analyzer {__version__} and its dependencies "
                    "installed, as on this machine."
                ) from None
            future.release()
            yield row
            yield from fill()
