"""The served app under hostile load: does it keep answering while bad uploads are in flight?

    python benchmarks/load.py [--requests 200] [--concurrency 16] [--threads 8] [--seed 1]
                              [--serve-arg=--workers=2 ...]

Starts `resume-analyzer serve` (the real door: waitress, the app's Analyzer and its parse
processes) on a free loopback port with a throw-away database, waits for /healthz, then sends
a shuffled mix of requests, `--concurrency` at a time: /healthz, good uploads (PDF, DOCX,
Markdown) and hostile ones (a PDF that pdfminer works through for minutes, a broken ToUnicode
CMap, a path bomb, a four-million-character string, a 290,000-character text line, UTF-16
with an odd byte count). Good uploads and /healthz must answer 200; a hostile upload must get
its 4xx (or score), never a 5xx or no answer. Prints per kind the requests, errors, p50/p95/max
latency, and each server process's resident memory (the web process and its parse
processes) before and after. Exit status 1 when any request failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the fixture builders

import hostile  # noqa: E402
import resumes  # noqa: E402

TIMEOUT = 120.0


@dataclass(frozen=True)
class Request:
    kind: str  # healthz, good, hostile
    label: str
    name: str = ""
    data: bytes = b""


@dataclass(frozen=True)
class Answer:
    request: Request
    status: int
    seconds: float
    ok: bool


def requests_mix(total: int, seed: int) -> list[Request]:
    """About 15% /healthz, 60% good uploads, 25% hostile ones, shuffled."""
    good = [
        ("good pdf", "resume.pdf", resumes.to_pdf(resumes.APM)),
        ("good docx", "resume.docx", resumes.to_docx(resumes.APM)),
        ("good md", "resume.md", resumes.to_text(resumes.APM).encode()),
    ]
    bad = [
        ("slow pdf (budget: time)", "slow.pdf", hostile.busy_stream_pdf(mib=24)),
        ("broken cmap (budget)", "cmap.pdf", hostile.broken_cmap_pdf()),
        ("path bomb pdf", "bomb.pdf", hostile.path_bomb_pdf()),
        ("long string pdf", "long.pdf", hostile.long_string_pdf()),
        ("long line txt", "line.txt", hostile.WHOLE_TEXT["hyphen-domain"].encode()),
        ("utf-16 odd length", "utf16.txt", hostile.encoded("utf-16-le", bom=True, damage="odd")),
    ]
    mix = [Request("healthz", "healthz") for _ in range(total * 15 // 100)]
    bad_count = total * 25 // 100
    mix += [Request("hostile", *bad[i % len(bad)]) for i in range(bad_count)]
    mix += [Request("good", *good[i % len(good)]) for i in range(total - len(mix))]
    random.Random(seed).shuffle(mix)
    return mix


def send(base: str, request: Request) -> Answer:
    if request.kind == "healthz":
        http = urllib.request.Request(f"{base}/healthz")
    else:
        boundary = f"load-{uuid.uuid4().hex}"
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                f'filename="{request.name}"\r\nContent-Type: application/octet-stream\r\n\r\n'
            ).encode()
            + request.data
            + f"\r\n--{boundary}--\r\n".encode()
        )
        http = urllib.request.Request(
            f"{base}/api/v1/analyze",
            data=body,
            method="POST",
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        )
    started = time.perf_counter()
    status, body_json = 0, {}
    try:
        with urllib.request.urlopen(http, timeout=TIMEOUT) as response:
            status, body_json = response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        status = error.code
        body_json = json.loads(error.read() or b"{}")
    except (OSError, ValueError):
        status = 0
    seconds = time.perf_counter() - started
    if request.kind == "good":
        ok = status == 200 and isinstance(body_json.get("score"), int)
    elif request.kind == "healthz":
        ok = status == 200
    else:
        ok = status == 200 or (400 <= status < 500 and "code" in body_json.get("error", {}))
    return Answer(request, status, seconds, ok)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(threads: int, extra: list[str]) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    folder = tempfile.mkdtemp(prefix="resume-analyzer-load-")
    env = {
        **os.environ,
        "RESUME_ANALYZER_DATABASE_URL": f"sqlite:///{folder}/load.sqlite3",
        "RESUME_ANALYZER_SECRET_KEY": uuid.uuid4().hex,
    }
    command = [str(Path(sys.executable).with_name("resume-analyzer")), "serve"]
    command += ["--port", str(port), "--threads", str(threads), "--no-model", *extra]
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline and child.poll() is None:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=5) as response:
                if response.status == 200:
                    return child, base
        except OSError:
            time.sleep(0.2)
    child.kill()
    raise SystemExit("the server did not answer /healthz")


def memory(pid: int) -> list[tuple[int, str, float]]:
    """(pid, role, resident MiB) of the server and every process under it."""
    root = psutil.Process(pid)
    found = []
    for proc in [root, *root.children(recursive=True)]:
        try:
            line = " ".join(proc.cmdline())
            role = "parse" if "sandbox_child" in line else "web"
            found.append((proc.pid, role, proc.memory_info().rss / 2**20))
        except psutil.Error:
            continue
    return found


def percentile(values: list[float], p: int) -> float:
    ordered = sorted(values)
    return ordered[max(0, -(-p * len(ordered) // 100) - 1)] * 1000


def report(answers: list[Answer], seconds: float) -> str:
    groups: dict[str, list[Answer]] = defaultdict(list)
    for answer in answers:
        groups[answer.request.kind].append(answer)
        groups[answer.request.label].append(answer)
    groups["all"] = answers
    lines = [
        "| requests | n | errors | statuses | p50 ms | p95 ms | max ms |",
        "|---|---:|---:|---|---:|---:|---:|",
    ]
    order = ["all", "healthz", "good", "hostile"]
    order += sorted(k for k in groups if k not in order)
    for key in order:
        rows = groups[key]
        statuses = ", ".join(f"{s}×{n}" for s, n in sorted(Counter(a.status for a in rows).items()))
        times = [a.seconds for a in rows]
        lines.append(
            f"| {key} | {len(rows)} | {sum(not a.ok for a in rows)} | {statuses} | "
            f"{percentile(times, 50):.0f} | {percentile(times, 95):.0f} | {max(times) * 1000:.0f} |"
        )
    lines.append(f"\n{len(answers)} requests in {seconds:.1f} s")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--threads", type=int, default=8, help="waitress threads (serve)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--serve-arg", action="append", default=[], help="passed to serve")
    args = parser.parse_args()
    mix = requests_mix(args.requests, args.seed)
    child, base = start(args.threads, args.serve_arg)
    try:
        before = memory(child.pid)
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
            answers = list(pool.map(lambda r: send(base, r), mix))
        elapsed = time.perf_counter() - started
        after = memory(child.pid)
    finally:
        child.terminate()
        child.wait(30)
    print(f"## {len(mix)} requests, {args.concurrency} at a time, serve --threads {args.threads}")
    print(report(answers, elapsed))
    print("\nMemory (resident MiB) of each server process:")
    print("| when | process | role | MiB |\n|---|---:|---|---:|")
    for when, table in (("before", before), ("after", after)):
        for pid, role, mib in table:
            print(f"| {when} | {pid} | {role} | {mib:.0f} |")
    load = os.getloadavg()
    print(f"\nLoad average at the end: {load[0]:.2f} (2 cores shared with other work)")
    return 1 if any(not a.ok for a in answers) else 0


if __name__ == "__main__":
    raise SystemExit(main())
