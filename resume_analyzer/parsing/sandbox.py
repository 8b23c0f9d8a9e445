"""Parsing in processes that can be stopped: every document's budget, enforced.

pdfminer cannot be interrupted from inside, and a small hostile file can keep it busy for
minutes or grow it past any memory. So an `Analyzer` with a `Budget` hands each document's
bytes to a parse process (the parsers only, no spaCy: tens of MiB) and waits at most the
budget's seconds for the parsed result. A process past its time is killed; one past its
memory (an address-space limit set inside it) exits. Either way the document gets a
`BudgetExceededError`, the caller keeps serving, and the next document gets a fresh process.

Processes start on first use and stay warm, so a document costs only the pickling of its
bytes and of the parsed `Resume`; at most `budget.workers` run at once (one per thread in
flight), and each ends with its parent. They are started with `subprocess`, not
`multiprocessing`, so that a daemonic process (a Dask worker) may hold them too. One pool is
shared per process and memory budget.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import weakref
from multiprocessing.connection import Connection
from typing import Any

from resume_analyzer.errors import BudgetExceededError, CorruptDocumentError, DocumentError
from resume_analyzer.parsing.sandbox_child import MEMORY_EXIT
from resume_analyzer.parsing.source import Loaded
from resume_analyzer.settings import Budget, ParseSettings

# A fresh parse process imports pdfplumber and python-docx; that is not the document's time.
START_SECONDS = 60.0
_BOOT = (
    "import json, sys; sys.path[:] = json.loads(sys.argv[1]); "
    "from resume_analyzer.parsing.sandbox_child import main; main(int(sys.argv[2]))"
)


class ParseWorkerError(RuntimeError):
    """A bug in the parsers, raised in the parse process; the message carries its traceback."""


class _Worker:
    """One parse process and its two pipe ends."""

    def __init__(self, memory_mib: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", _BOOT, json.dumps(sys.path), str(memory_mib)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.outbox = Connection(os.dup(self.process.stdin.fileno()), readable=False)
        self.inbox = Connection(os.dup(self.process.stdout.fileno()), writable=False)
        self.process.stdin.close()
        self.process.stdout.close()
        self.ready = False
        # A request sent and its reply not read (the caller was interrupted): the process
        # is not fit for another request, whose reply would be this one's.
        self.pending = False
        self.grown = 0  # address space gained since start, in bytes

    def wait_ready(self) -> None:
        if self.ready:
            return
        if not self.inbox.poll(START_SECONDS):
            self.stop()
            raise ParseWorkerError(f"The parse process did not start in {START_SECONDS:.0f} s.")
        try:
            self.inbox.recv()
        except EOFError:
            self.stop()
            raise ParseWorkerError(
                "The parse process could not start (exit status "
                f"{self.process.wait()}); check that resume-analyzer imports in {sys.executable}."
            ) from None
        self.ready = True

    def call(self, request: tuple[Any, ...], seconds: float, name: str) -> Any:
        """Send one request; the result, or the document's error. Past `seconds` the process
        is killed. Any failure but a DocumentError leaves the process stopped."""
        self.pending = True
        self.outbox.send(request)
        if not self.inbox.poll(seconds):
            self.stop()
            raise BudgetExceededError(
                f"{name} took too long to read: it was stopped after {seconds:g} seconds, "
                "where a resume takes about one. Export it again from your editor as a "
                "plain PDF or DOCX, or upload a shorter file.",
                "time",
            )
        try:
            status, value, *rest = self.inbox.recv()
        except EOFError:
            raise self._died(name) from None
        self.pending = False
        self.grown = rest[-1] if rest else 0
        if status == "ok":
            return value
        if status == "error":
            raise value
        self.stop()
        raise ParseWorkerError(f"{value} in the parse process:\n{rest[0]}")

    def _died(self, name: str) -> DocumentError:
        code = self.process.wait()
        self.stop()
        if code in (MEMORY_EXIT, -signal.SIGKILL):
            return BudgetExceededError(
                f"{name} needs more memory to read than a resume can: reading it was "
                "stopped. Export it again from your editor as a plain PDF or DOCX, without "
                "embedded images or fonts it does not use.",
                "memory",
            )
        return CorruptDocumentError(
            f"{name} stopped the document reader unexpectedly (exit status {code}): it is "
            "damaged or built to break readers. Export it again from your editor, or upload "
            "a DOCX."
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.inbox.close()
        self.outbox.close()

    @property
    def alive(self) -> bool:
        return self.process.poll() is None


class ParsePool:
    """Parse processes with one memory budget, at most `workers` at once; thread-safe."""

    def __init__(self, memory_mib: int, workers: int) -> None:
        self.memory_mib, self.workers = memory_mib, workers
        self._idle: list[_Worker] = []
        self._count = 0
        self._changed = threading.Condition()
        self._owner = os.getpid()
        weakref.finalize(self, _stop_all, self._idle, self._owner)

    def warm(self) -> None:
        """Start one process now and wait until it has imported the parsers, so that the
        first document does not wait for it."""
        worker = self._acquire()
        try:
            worker.wait_ready()
            worker.call(("ping", None, None), START_SECONDS, "ping")
        finally:
            self._release(worker)

    def run(
        self, operation: str, loaded: Loaded, settings: ParseSettings, seconds: float
    ) -> tuple[Any, float]:
        """Run "parse" (→ Resume) or "text" (→ str) on a loaded document within `seconds`;
        returns the result and the seconds it took (waiting for a process not counted)."""
        worker = self._acquire()
        try:
            worker.wait_ready()
            started = time.monotonic()
            result = worker.call((operation, loaded, settings), seconds, loaded.name)
            return result, time.monotonic() - started
        finally:
            self._release(worker)

    def close(self) -> None:
        """Stop the idle processes (one in use stops when its caller is done with it)."""
        with self._changed:
            self._count -= len(self._idle)
            _stop_all(self._idle, self._owner)
            self._changed.notify_all()

    def _acquire(self) -> _Worker:
        with self._changed:
            while not self._idle and self._count >= self.workers:
                self._changed.wait()
            if self._idle:
                return self._idle.pop()
            self._count += 1
        try:
            return _Worker(self.memory_mib)
        except BaseException:
            with self._changed:
                self._count -= 1
                self._changed.notify()
            raise

    def _release(self, worker: _Worker) -> None:
        # A process that grew by a quarter of its budget keeps that memory (the allocator
        # rarely gives it back) and would leave less to the next document: retire it.
        keep = worker.alive and worker.ready and not worker.pending
        keep = keep and worker.grown < self.memory_mib * 1024 * 256
        if not keep:
            worker.stop()
        with self._changed:
            if keep:
                self._idle.append(worker)
            else:
                self._count -= 1
            self._changed.notify()


def _stop_all(workers: list[_Worker], owner: int) -> None:
    # A forked child inherits the list but not the processes: they are its parent's to stop.
    if os.getpid() != owner:
        return
    while workers:
        workers.pop().stop()


_POOLS: dict[tuple[int, int], ParsePool] = {}
_POOLS_LOCK = threading.Lock()


def shared_pool(budget: Budget) -> ParsePool:
    """This process's pool for the budget's memory and process count."""
    key = (budget.memory_mib, budget.workers)
    with _POOLS_LOCK:
        pool = _POOLS.get(key)
        if pool is None:
            pool = _POOLS[key] = ParsePool(budget.memory_mib, budget.workers)
        return pool


def _forget_pools_in_child() -> None:
    # A forked child shares its parent's pipes (and perhaps a held lock): it must start
    # processes of its own.
    global _POOLS_LOCK  # noqa: PLW0603 - replaced once per fork, before any thread runs
    _POOLS.clear()
    _POOLS_LOCK = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pools_in_child)
