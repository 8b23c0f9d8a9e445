"""The fuzzer's child process: warm once, then run each case it is sent and report the outcome.

Outcomes: ("scored", ""), ("clean", error code), ("memory", "MemoryError"), or
("traceback", "Type at file:line"). The harness enforces the time limit from outside and
watches this process tree's memory; the address-space limit set here (after warming up, above
the warm baseline) turns a runaway allocation into a MemoryError instead of swapping.
"""

from __future__ import annotations

import os
import resource
import traceback
from multiprocessing.connection import Connection

MIB = 1024 * 1024
MEMORY_EXIT = 86


def _address_space() -> int:
    with open(f"/proc/{os.getpid()}/statm") as handle:
        return int(handle.read().split()[0]) * resource.getpagesize()


def _where(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "resume_analyzer" in f.filename or "/web/" in f.filename]
    frame = (ours or frames or [None])[-1]
    if frame is None:
        return type(error).__name__
    path = frame.filename.split("site-packages/")[-1].split("wt-robust/")[-1]
    return f"{type(error).__name__} at {path}:{frame.lineno}"


def serve(conn: Connection, memory_mib: int, warm_data: bytes) -> None:
    from resume_analyzer import analyze, dumps
    from resume_analyzer.errors import DocumentError

    dumps(analyze(warm_data, filename="warm.txt").to_dict())
    limit = _address_space() + memory_mib * MIB
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    conn.send(("ready", ""))
    while True:
        try:
            name, data = conn.recv()
        except EOFError:
            return
        try:
            dumps(analyze(data, filename=name).to_dict())
            outcome = ("scored", "")
        except DocumentError as error:
            outcome = ("clean", error.code)
        except MemoryError:
            # Reporting could fail for want of memory too: the exit status says it. A process
            # that ran out of memory is not trusted with the next case either.
            os._exit(MEMORY_EXIT)
        except Exception as error:  # what the fuzzer is here to find
            outcome = ("traceback", _where(error))
        conn.send(outcome)
