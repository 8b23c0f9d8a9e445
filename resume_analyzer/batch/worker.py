"""What runs in a worker process (local or on a Dask cluster): bytes in, one row out.

Each worker process holds one `Analyzer` per taxonomy and settings (normally exactly one),
warmed when the process starts, and scores every input it is sent with it. The rule for errors
is `batch.rows.score_row`'s, the same for every door: a file's problem becomes its error row;
a setup problem that would fail every file alike (the spaCy model missing, an invalid
taxonomy) is raised, so the batch stops at once with that one message.
"""

from __future__ import annotations

import hashlib
import signal
import threading
from dataclasses import dataclass
from pathlib import Path

from resume_analyzer.analyzer import Analyzer, taxonomy_key
from resume_analyzer.batch.rows import Row, score_row
from resume_analyzer.job import read_job_description
from resume_analyzer.settings import DEFAULT_BUDGET, AnalysisSettings, Budget
from resume_analyzer.taxonomy import Taxonomy, load_taxonomy

# This process's analyzers, by (taxonomy key, settings). A task that travels to a worker
# brings its own copy of a custom taxonomy; the first copy to arrive is the one kept, so the
# matchers built for it are reused by every later task.
_ANALYZERS: dict[tuple[object, AnalysisSettings], Analyzer] = {}
_ANALYZERS_LOCK = threading.Lock()
# The task of this process's pool, set once by `init_pool` so that each submission carries
# only a name and bytes.
_POOL_TASK: ScoreTask | None = None


@dataclass(frozen=True)
class ScoreTask:
    """How to score every input of one batch; picklable, so it can travel to any worker.

    `taxonomy`: None for the built-in one (each worker loads its own), else the loaded
    taxonomy, with `taxonomy_key` (a hash of its file) naming it. `budget`: each file's time
    and memory (`Budget`); a file past it becomes an `over_budget` error row.
    """

    job_text: str | None = None
    taxonomy: Taxonomy | None = None
    taxonomy_key: str = ""
    use_model: bool = True
    want_report: bool = False
    budget: Budget | None = DEFAULT_BUDGET

    @property
    def settings(self) -> AnalysisSettings:
        return AnalysisSettings(use_model=self.use_model, budget=self.budget)

    def analyzer(self) -> Analyzer:
        """This process's analyzer for the task, created (not yet warmed) on first use."""
        key = (self.taxonomy_key or taxonomy_key(self.taxonomy), self.settings)
        with _ANALYZERS_LOCK:
            analyzer = _ANALYZERS.get(key)
            if analyzer is None:
                analyzer = Analyzer(taxonomy=self.taxonomy, settings=self.settings)
                _ANALYZERS[key] = analyzer
        return analyzer

    def warm(self) -> None:
        """Load the taxonomy, spaCy, the matchers and the area model now, so the first real
        input does not pay for them. A failure here is left for the first input to meet and
        report (the batch then stops with its message)."""
        try:
            self.analyzer().warm()
        except Exception:
            return

    def __call__(self, name: str, data: bytes) -> Row:
        return score_row(
            self.analyzer(), name, data, job_text=self.job_text, want_report=self.want_report
        )


def make_task(
    *,
    job_text: str | None = None,
    taxonomy_path: Path | None = None,
    use_model: bool = True,
    want_report: bool = False,
    budget: Budget | None = DEFAULT_BUDGET,
) -> ScoreTask:
    """Load and check everything once, in this process, so a bad taxonomy stops the batch."""
    taxonomy = load_taxonomy(taxonomy_path) if taxonomy_path is not None else None
    key = hashlib.sha256(Path(taxonomy_path).read_bytes()).hexdigest() if taxonomy_path else ""
    return ScoreTask(
        job_text=read_job_description(job_text),
        taxonomy=taxonomy,
        taxonomy_key=key,
        use_model=use_model,
        want_report=want_report,
        budget=budget,
    )


def score_bytes(
    name: str,
    data: bytes,
    *,
    job_text: str | None = None,
    taxonomy: Taxonomy | Path | None = None,
    use_model: bool = True,
    want_report: bool = False,
) -> Row:
    """Score one input with this process's analyzer for `taxonomy` (see `score_row`)."""
    loaded = taxonomy if isinstance(taxonomy, Taxonomy) or taxonomy is None else None
    if isinstance(taxonomy, Path):
        loaded = load_taxonomy(taxonomy)
    task = ScoreTask(
        job_text=job_text, taxonomy=loaded, use_model=use_model, want_report=want_report
    )
    return task(name, data)


def init_pool(task: ScoreTask) -> None:
    """A pool process's initializer: keep the task and warm the pipeline."""
    global _POOL_TASK  # noqa: PLW0603 - one task per process, set once at start-up
    _POOL_TASK = task
    # Ctrl-C is the batch process's to handle: it stops submitting, lets the files in flight
    # finish and closes the pool. A worker interrupted mid-file would only print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent()
    task.warm()


def _exit_with_parent() -> None:
    """End this worker when the batch process dies, even by SIGKILL.

    A pool worker holds both ends of its task queue, so it never sees the queue close: without
    this it would wait forever, holding its pipeline's memory.
    """
    import multiprocessing
    import os
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None:
        return
    _kill_with_parent(parent.pid)
    sentinel = parent.sentinel

    def watch() -> None:
        wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _kill_with_parent(parent_pid: int | None) -> None:
    """On Linux, ask the kernel to SIGKILL this process when its parent dies.

    The watcher thread below cannot run while this worker is stuck in C code that holds the
    GIL (a backtracking regular expression, a pdfminer loop); the kernel's signal can.
    """
    import ctypes
    import ctypes.util
    import os
    import sys

    if not sys.platform.startswith("linux"):
        return
    pr_set_pdeathsig = 1
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return  # the watcher thread still covers the common case
    if os.getppid() != parent_pid:  # it died before the request: nobody will signal
        os._exit(1)


def score_in_pool(name: str, data: bytes) -> Row:
    assert _POOL_TASK is not None, "init_pool() runs first in every pool process"
    return _POOL_TASK(name, data)


def apply_task(task: ScoreTask, name: str, data: bytes) -> Row:
    """The function a Dask worker runs; `task` arrives scattered, one copy per worker."""
    return task(name, data)
