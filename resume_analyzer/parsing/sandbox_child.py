"""The parse process's side of `sandbox.py`: read requests, parse, send back the result.

Started by `ParsePool` as `python -c …` with the parent's `sys.path`, so that it imports the
same resume_analyzer. Requests arrive on stdin and replies leave on stdout as pickled
`multiprocessing.connection` messages; file descriptors 0 and 1 then point at /dev/null, so a
library that prints cannot corrupt the channel, and stderr is /dev/null too (resume text must
never reach a log).

Memory: once the parsers are imported, the address space is limited to its current size plus
the budget. An allocation past it raises MemoryError, and the process exits with
`MEMORY_EXIT` without trying to reply (replying needs memory too); the parent reports the
document as over budget and starts a new process for the next one.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
import traceback
from multiprocessing.connection import Connection
from typing import Any

MEMORY_EXIT = 86
MIB = 1024 * 1024
# How often an orphaned parse process notices that its parent has gone.
_PARENT_POLL_SECONDS = 0.5


def main(memory_mib: int) -> None:
    inbox = Connection(os.dup(0), writable=False)
    outbox = Connection(os.dup(1), readable=False)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1):
        os.dup2(devnull, fd)
    # Ctrl+C in a terminal reaches the whole process group; stopping is the parent's decision.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent(os.getppid())
    # Ready before the parsers are imported: the first request waits in the pipe meanwhile,
    # so a fresh process costs the first document about what importing them in-process did.
    outbox.send(("ready", os.getpid()))
    from resume_analyzer.errors import DocumentError
    from resume_analyzer.parsing import parse_loaded, text_of
    from resume_analyzer.parsing.docx import read_docx  # noqa: F401 - imported before the
    from resume_analyzer.parsing.pdf import read_pdf  # noqa: F401 - memory limit is set

    operations: dict[str, Any] = {"parse": parse_loaded, "text": text_of, "ping": _pong}
    start = _limit_memory(memory_mib)
    while True:
        try:
            operation, loaded, settings = inbox.recv()
        except EOFError:
            return
        # Out of memory anywhere (reading, reporting a bug, replying): exit with the status
        # that says so, since replying needs memory too.
        try:
            try:
                reply: tuple[Any, ...] = ("ok", operations[operation](loaded, settings))
            except DocumentError as error:
                reply = ("error", error)
            except MemoryError:
                raise
            except Exception as error:  # a bug: the parent re-raises it with this traceback
                text = "".join(traceback.format_exception(error))
                reply = ("bug", type(error).__name__, text)
            del loaded
            outbox.send((*reply, _address_space() - start))
        except MemoryError:
            os._exit(MEMORY_EXIT)


def _pong(loaded: object, settings: object) -> None:
    """What `ParsePool.warm()` asks for: an answer once the parsers are imported."""


def _exit_with_parent(parent: int) -> None:
    """End this process when the one that started it dies, even by SIGKILL: an orphan would
    keep its memory, and a parse in progress never reads the closed pipe."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _address_space() -> int:
    try:
        with open(f"/proc/{os.getpid()}/statm") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # not Linux: no figure, and no recycling on growth
        return 0


def _limit_memory(memory_mib: int) -> int:
    """Limit the address space to what it is now plus the budget; returns what it is now."""
    start = _address_space()
    try:
        import resource
    except ImportError:  # Windows: the time limit still holds
        return start
    if start:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = start + memory_mib * MIB
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    return start


if __name__ == "__main__":
    main(int(sys.argv[1]))
