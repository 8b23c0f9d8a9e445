"""Concurrent uploads against the served app: requests per second and latency.

    python benchmarks/web.py [--requests 40] [--concurrency 1,2,4,8] [--threads 4] [--no-model]

Starts the app under waitress (`--threads` worker threads) in a subprocess on a free loopback
port, with a throw-away database, waits for /healthz and warms it up, then POSTs one synthetic
one-page PDF resume (tests/resumes.py) to /api/v1/analyze from a thread pool at each
concurrency. Each request is a fresh connection (urllib). Prints a markdown table
(concurrency, requests/s, p50 and p95 latency, errors) and the server's peak RSS (VmHWM).
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import platform
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# Run from a checkout without installing; tests/ holds the fixture resumes.
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "tests"))

STARTUP_TIMEOUT = 120.0
REQUEST_TIMEOUT = 120.0


# --------------------------------------------------------------------------- the server


def serve(threads: int, use_model: bool) -> None:
    """The child process: build the app, print the port it listens on, serve until killed."""
    from waitress.server import create_server

    # resume_analyzer.web is web/ installed under another name: import it at run time.
    create_app: Any = importlib.import_module("resume_analyzer.web").create_app
    folder = tempfile.mkdtemp(prefix="resume-analyzer-bench-")
    app = create_app(
        {
            "USE_MODEL": use_model,
            "WARM_UP": True,
            "SECRET_KEY": uuid.uuid4().hex,
            "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
        }
    )
    # At concurrency above `threads` requests wait in waitress's queue by design: that is
    # what the latency columns measure, so its "Task queue depth" warnings are only noise.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    server = create_server(app, host="127.0.0.1", port=0, threads=threads)
    print(server.effective_port, flush=True)
    server.run()


def start_server(threads: int, use_model: bool) -> tuple[subprocess.Popen[str], str]:
    command = [sys.executable, __file__, "--serve", "--threads", str(threads)]
    if not use_model:
        command.append("--no-model")
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    line = child.stdout.readline().strip()  # printed once the app is built and warmed up
    if not line.isdigit():
        child.kill()
        child.wait()
        raise SystemExit(f"the server did not start (exit code {child.poll()})")
    base = f"http://127.0.0.1:{line}"
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while True:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=10) as response:
                if response.status == 200:
                    return child, base
        except OSError:
            pass
        if time.monotonic() > deadline or child.poll() is not None:
            stop_server(child)
            raise SystemExit("the server did not answer /healthz")
        time.sleep(0.2)


def stop_server(child: subprocess.Popen[str]) -> None:
    child.terminate()
    try:
        child.wait(10)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
    if child.stdout is not None:
        child.stdout.close()


def peak_rss_mib(pid: int) -> float | None:
    """The process's peak resident set size (VmHWM), in MiB; None off Linux."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


# --------------------------------------------------------------------------- the client


def multipart(name: str, data: bytes) -> tuple[bytes, str]:
    boundary = f"bench-{uuid.uuid4().hex}"
    head = (
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    body = head + data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


@dataclass(frozen=True)
class Outcome:
    seconds: float
    ok: bool


def post(url: str, body: bytes, content_type: str) -> Outcome:
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": content_type}
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
            answer = json.loads(response.read())
            ok = response.status == 200 and isinstance(answer.get("score"), int)
    except (OSError, ValueError):  # urllib.error.HTTPError is an OSError
        ok = False
    return Outcome(time.perf_counter() - started, ok)


@dataclass(frozen=True)
class Level:
    concurrency: int
    requests: int
    seconds: float
    latencies: list[float]
    errors: int

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    def percentile(self, p: int) -> float:
        """Nearest-rank percentile of the latencies, in milliseconds."""
        ordered = sorted(self.latencies)
        rank = max(1, -(-p * len(ordered) // 100))  # ceil(p/100 * n)
        return ordered[rank - 1] * 1000


def run_level(url: str, body: bytes, content_type: str, concurrency: int, n: int) -> Level:
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        started = time.perf_counter()
        outcomes = list(pool.map(lambda _: post(url, body, content_type), range(n)))
        elapsed = time.perf_counter() - started
    return Level(
        concurrency=concurrency,
        requests=n,
        seconds=elapsed,
        latencies=[o.seconds for o in outcomes],
        errors=sum(not o.ok for o in outcomes),
    )


def table(levels: list[Level]) -> str:
    lines = [
        "| concurrency | requests | requests/s | p50 ms | p95 ms | errors |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for level in levels:
        lines.append(
            f"| {level.concurrency} | {level.requests} | {level.rate:.1f} | "
            f"{level.percentile(50):.0f} | {level.percentile(95):.0f} | {level.errors} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=40, help="requests per level")
    parser.add_argument("--concurrency", default="1,2,4,8", help="comma-separated levels")
    parser.add_argument("--threads", type=int, default=4, help="waitress worker threads")
    parser.add_argument("--warm-up", type=int, default=5, help="untimed requests first")
    parser.add_argument(
        "--no-model", action="store_true", help="serve with USE_MODEL=False (rules only)"
    )
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        serve(args.threads, use_model=not args.no_model)
        return 0

    resumes: Any = importlib.import_module("resumes")  # tests/resumes.py
    levels = [int(part) for part in args.concurrency.split(",") if part.strip()]
    body, content_type = multipart("resume.pdf", resumes.to_pdf(resumes.APM))
    started = time.perf_counter()
    child, base = start_server(args.threads, use_model=not args.no_model)
    ready = time.perf_counter() - started
    url = f"{base}/api/v1/analyze"
    try:
        warm = [post(url, body, content_type) for _ in range(args.warm_up)]
        if not all(o.ok for o in warm):
            raise SystemExit("warm-up requests failed: is the app healthy?")
        results = [run_level(url, body, content_type, c, args.requests) for c in levels]
        peak = peak_rss_mib(child.pid)
    finally:
        stop_server(child)

    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    print(
        f"## POST /api/v1/analyze: one-page PDF ({len(body):,} bytes), waitress threads="
        f"{args.threads}, model={'off' if args.no_model else 'on'}\n"
    )
    print(table(results))
    print()
    print(f"Server peak RSS (VmHWM): {peak:.0f} MiB" if peak is not None else "Peak RSS: n/a")
    print(f"Server start to ready (app, warm-up, /healthz): {ready:.1f} s")
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}" + (f", load average {load[0]:.2f}" if load else "")
    )
    return 1 if any(level.errors for level in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
