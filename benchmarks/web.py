"""The served app under load: requests per second and latency for 1 and 2 worker processes,
their memory, and whether idle connections stop the service.

    python benchmarks/web.py [--workers 1,2] [--concurrency 1,2,4,8] [--requests 40]
                             [--rounds 1] [--threads 4] [--idle 200] [--no-model] [--pin]

Each round starts `resume-analyzer serve --port 0 --workers N` (tests/served.py) on a free
loopback port with a throw-away database, for each N in turn (the order alternates between
rounds, so a noisy neighbour favours neither), warms every worker, then POSTs a generated
one-page PDF resume (tests/resumes.py) to /api/v1/analyze from a thread pool at each
concurrency, a fresh connection per request. Then it opens `--idle` TCP connections that send
nothing, times /healthz and one upload while they are open, and closes them.

Prints, per N: requests/s, p50 and p95 latency, errors, the workers' CPU time per request (on
a shared machine requests/s falls with other load, CPU per request barely moves) and how the
CPU time split between the workers (first round; how evenly the kernel spread the
connections) at each concurrency; each worker's share of the CPU time over all levels and its
RSS and PSS (PSS counts pages shared with the other workers, copy-on-write after the preload,
pro rata); the idle-connection check. Then the throughput ratio between the largest and
smallest N at each concurrency: median [min-max] over rounds, each round's ratio taken within
the round. Run it on a quiet machine; the load average is printed at the start and the end.

Each analysis reads its file in a parse process of its own (the time and memory budget), so
one worker already keeps two cores busy: on a 2-core machine, 1 → 2 workers cannot scale
whatever the server does. `--pin` holds each server, with every process it starts, to as
many CPUs as it has workers (`os.sched_setaffinity`), so one worker is a one-core baseline
and the ratio measures whether workers scale or contend (a shared lock, the database). The
client's threads are not pinned: with one worker they can use the other core, which favours
the one-worker side.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import socket
import statistics
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# tests/ holds the fixture resumes and the helper that starts the server.
sys.path.insert(0, str(ROOT / "tests"))

REQUEST_TIMEOUT = 120.0
IDLE_TIMEOUT = 60.0
WARM_CPU_SECONDS = 1.0  # a worker's first analysis imports the parsers: seconds of CPU


@dataclass(frozen=True)
class Outcome:
    seconds: float
    ok: bool


def post(url: str, body: bytes, content_type: str, timeout: float = REQUEST_TIMEOUT) -> Outcome:
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": content_type}
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = json.loads(response.read())
            ok = response.status == 200 and isinstance(answer.get("score"), int)
    except (OSError, ValueError):  # urllib.error.HTTPError is an OSError
        ok = False
    return Outcome(time.perf_counter() - started, ok)


def get(url: str, timeout: float) -> Outcome:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            ok = response.status == 200
    except OSError:
        ok = False
    return Outcome(time.perf_counter() - started, ok)


@dataclass(frozen=True)
class Level:
    concurrency: int
    requests: int
    seconds: float
    latencies: list[float]
    errors: int
    # Each worker's share of the CPU time the level cost, largest first.
    split: tuple[float, ...] = ()
    cpu_seconds: float = 0.0  # all workers together

    @property
    def cpu_ms(self) -> float:
        """Worker CPU time per request: unlike requests/s, barely moved by other load."""
        return self.cpu_seconds / self.requests * 1000

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    def percentile(self, p: int) -> float:
        """Nearest-rank percentile of the latencies, in milliseconds."""
        ordered = sorted(self.latencies)
        rank = max(1, -(-p * len(ordered) // 100))  # ceil(p/100 * n)
        return ordered[rank - 1] * 1000


def run_level(
    url: str, body: bytes, content_type: str, concurrency: int, n: int, pids: list[int]
) -> Level:
    served: Any = importlib.import_module("served")
    before = [served.cpu_seconds(pid) for pid in pids]
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        started = time.perf_counter()
        outcomes = list(pool.map(lambda _: post(url, body, content_type), range(n)))
        elapsed = time.perf_counter() - started
    used = [served.cpu_seconds(pid) - cpu for pid, cpu in zip(pids, before, strict=True)]
    return Level(
        cpu_seconds=sum(used),
        split=tuple(sorted((u / (sum(used) or 1.0) for u in used), reverse=True)),
        concurrency=concurrency,
        requests=n,
        seconds=elapsed,
        latencies=[o.seconds for o in outcomes],
        errors=sum(not o.ok for o in outcomes),
    )


@dataclass(frozen=True)
class Memory:
    rss_mib: float
    pss_mib: float | None


def memory(pid: int) -> Memory:
    def kib(path: str, key: str) -> float | None:
        try:
            text = Path(path).read_text()
        except OSError:
            return None
        for line in text.splitlines():
            if line.startswith(key):
                return int(line.split()[1]) / 1024
        return None

    return Memory(
        kib(f"/proc/{pid}/status", "VmRSS:") or 0.0, kib(f"/proc/{pid}/smaps_rollup", "Pss:")
    )


@dataclass(frozen=True)
class IdleCheck:
    connections: int
    opened: int
    healthz: Outcome
    upload: Outcome


def idle_check(base: str, body: bytes, content_type: str, count: int) -> IdleCheck:
    """Open `count` connections that send nothing, then ask /healthz and upload once."""
    host, port = base.removeprefix("http://").split(":")
    idle: list[socket.socket] = []
    try:
        for _ in range(count):
            try:
                idle.append(socket.create_connection((host, int(port)), timeout=IDLE_TIMEOUT))
            except OSError:
                break
        time.sleep(1.0)  # let the server accept them all before the real requests
        healthz = get(f"{base}/healthz", IDLE_TIMEOUT)
        upload = post(f"{base}/api/v1/analyze", body, content_type, IDLE_TIMEOUT)
    finally:
        for connection in idle:
            connection.close()
    return IdleCheck(count, len(idle), healthz, upload)


@dataclass
class Run:
    workers: int
    levels: list[Level]
    cpu_share: dict[int, float]
    memory: dict[int, Memory]
    parent: Memory
    idle: IdleCheck | None
    ready_seconds: float
    warm_requests: int = 0
    notes: list[str] = field(default_factory=list)


def warm_up(server: Any, url: str, body: bytes, content_type: str, workers: int) -> int:
    """Upload until every worker has done its first, slow analysis; the requests sent."""
    served: Any = importlib.import_module("served")
    pids = server.wait_for_workers(workers)
    start = {pid: served.cpu_seconds(pid) for pid in pids}
    sent = 0
    with ThreadPoolExecutor(max_workers=workers) as pool:
        while sent < 40 * workers:
            outcomes = list(pool.map(lambda _: post(url, body, content_type), range(workers)))
            sent += workers
            if not all(o.ok for o in outcomes):
                raise SystemExit("warm-up requests failed: is the app healthy?")
            if all(served.cpu_seconds(p) - start[p] >= WARM_CPU_SECONDS for p in pids):
                break
    return sent


def measure(workers: int, args: argparse.Namespace, body: bytes, content_type: str) -> Run:
    served: Any = importlib.import_module("served")
    options = ["--workers", str(workers), "--threads", str(args.threads)]
    if args.no_model:
        options.append("--no-model")
    with tempfile.TemporaryDirectory(prefix="resume-analyzer-bench-") as folder:
        started = time.perf_counter()
        # --pin: as many CPUs as workers, so that one worker is a one-core baseline.
        cpus = set(sorted(os.sched_getaffinity(0))[:workers]) if args.pin else None
        server = served.start(*options, folder=Path(folder), cpus=cpus)
        ready = time.perf_counter() - started
        url = f"{server.base}/api/v1/analyze"
        try:
            warm = warm_up(server, url, body, content_type, workers)
            pids = server.wait_for_workers(workers)
            cpu = {pid: served.cpu_seconds(pid) for pid in pids}
            levels = [
                run_level(url, body, content_type, c, args.requests, pids) for c in args.levels
            ]
            used = {pid: served.cpu_seconds(pid) - cpu[pid] for pid in pids}
            total = sum(used.values()) or 1.0
            run = Run(
                workers=workers,
                levels=levels,
                cpu_share={pid: seconds / total for pid, seconds in used.items()},
                memory={pid: memory(pid) for pid in pids},
                parent=memory(server.pid),
                idle=None,
                ready_seconds=ready,
                warm_requests=warm,
            )
            if args.idle:
                run.idle = idle_check(server.base, body, content_type, args.idle)
            if server.workers() != pids:
                run.notes.append(f"workers changed during the run: {pids} -> {server.workers()}")
        finally:
            server.stop()
    return run


# --------------------------------------------------------------------------- report


def spread(values: list[float], digits: int = 1) -> str:
    if len(values) == 1:
        return f"{values[0]:.{digits}f}"
    return (
        f"{statistics.median(values):.{digits}f} "
        f"[{min(values):.{digits}f}–{max(values):.{digits}f}]"
    )


def level_table(runs: list[Run]) -> str:
    lines = [
        "| concurrency | requests | requests/s | p50 ms | p95 ms | errors | CPU ms/req "
        "| CPU split |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for i, first in enumerate(runs[0].levels):
        levels = [run.levels[i] for run in runs]
        split = "/".join(f"{share:.0%}".rstrip("%") for share in first.split)
        lines.append(
            f"| {first.concurrency} | {sum(lv.requests for lv in levels)} | "
            f"{spread([lv.rate for lv in levels])} | "
            f"{spread([lv.percentile(50) for lv in levels], 0)} | "
            f"{spread([lv.percentile(95) for lv in levels], 0)} | "
            f"{sum(lv.errors for lv in levels)} | {spread([lv.cpu_ms for lv in levels], 0)} | "
            f"{split} |"
        )
    return "\n".join(lines)


def worker_lines(run: Run) -> list[str]:
    lines = []
    for n, (pid, share) in enumerate(sorted(run.cpu_share.items()), 1):
        mem = run.memory[pid]
        pss = f"{mem.pss_mib:.0f}" if mem.pss_mib is not None else "n/a"
        lines.append(
            f"  worker {n}: {share:.0%} of the CPU time, RSS {mem.rss_mib:.0f} MiB, PSS {pss} MiB"
        )
    lines.append(f"  parent (arbiter, after the preload): RSS {run.parent.rss_mib:.0f} MiB")
    return lines


def idle_line(check: IdleCheck) -> str:
    def seen(outcome: Outcome) -> str:
        return f"{outcome.seconds:.2f} s" if outcome.ok else f"FAILED after {outcome.seconds:.0f} s"

    return (
        f"  {check.opened} of {check.connections} idle connections open: /healthz "
        f"{seen(check.healthz)}, one upload {seen(check.upload)}"
    )


def ratio_table(by_workers: dict[int, list[Run]]) -> str:
    low, high = min(by_workers), max(by_workers)
    lines = [
        f"| concurrency | {low} worker(s) req/s | {high} workers req/s | ratio |",
        "|---:|---:|---:|---:|",
    ]
    for i, level in enumerate(by_workers[low][0].levels):
        lows = [run.levels[i].rate for run in by_workers[low]]
        highs = [run.levels[i].rate for run in by_workers[high]]
        ratios = [h / lo for h, lo in zip(highs, lows, strict=True)]
        lines.append(
            f"| {level.concurrency} | {spread(lows)} | {spread(highs)} | {spread(ratios, 2)} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--concurrency", default="1,2,4,8", help="comma-separated levels")
    parser.add_argument("--requests", type=int, default=40, help="requests per level")
    parser.add_argument("--rounds", type=int, default=1, help="servers started per count")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker")
    parser.add_argument("--idle", type=int, default=200, help="idle connections (0: skip)")
    parser.add_argument("--no-model", action="store_true", help="serve with --no-model")
    parser.add_argument(
        "--pin",
        action="store_true",
        help="hold each server to as many CPUs as it has workers (the scaling test)",
    )
    args = parser.parse_args(argv)
    counts = [int(part) for part in args.workers.split(",") if part.strip()]
    args.levels = [int(part) for part in args.concurrency.split(",") if part.strip()]

    resumes: Any = importlib.import_module("resumes")  # tests/resumes.py
    served: Any = importlib.import_module("served")  # tests/served.py
    body, content_type = served.multipart("resume.pdf", resumes.to_pdf(resumes.APM))
    load_start = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    by_workers: dict[int, list[Run]] = {n: [] for n in counts}
    for round_ in range(args.rounds):
        for n in counts if round_ % 2 == 0 else counts[::-1]:
            by_workers[n].append(measure(n, args, body, content_type))
    load_end = os.getloadavg()[0] if hasattr(os, "getloadavg") else None

    print(
        f"## POST /api/v1/analyze: one-page PDF ({len(body):,} bytes), threads={args.threads} "
        f"per worker, model={'off' if args.no_model else 'on'}, rounds={args.rounds}"
        f"{', each server held to as many CPUs as workers' if args.pin else ''}\n"
    )
    for n, runs in by_workers.items():
        print(f"### {n} worker{'s' if n > 1 else ''}\n")
        print(level_table(runs))
        print()
        last = runs[-1]
        ready, warm = last.ready_seconds, last.warm_requests
        print(f"Last round (start to ready {ready:.1f} s, warm-up {warm} requests):")
        print("\n".join(worker_lines(last)))
        for run in runs:
            if run.idle is not None:
                print(idle_line(run.idle))
            for note in run.notes:
                print(f"  note: {note}")
        print()
    if len(counts) > 1:
        print("### Throughput ratio\n")
        print(ratio_table(by_workers))
        print()
    machine = f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    if load_start is not None and load_end is not None:
        machine += f", load average {load_start:.2f} at the start, {load_end:.2f} at the end"
    print(f"Machine: {machine}")
    failed = any(level.errors for runs in by_workers.values() for r in runs for level in r.levels)
    idle_failed = any(
        r.idle is not None and not (r.idle.healthz.ok and r.idle.upload.ok)
        for runs in by_workers.values()
        for r in runs
    )
    return 1 if failed or idle_failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
