"""`resume-analyzer serve` started for real on a free loopback port, for the serving tests and
benchmarks/web.py: its address, its worker processes, and a stop that leaves nothing behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

BANNER_TIMEOUT = 180.0  # the parent builds and warms the app before it listens


def multipart(name: str, data: bytes, mimetype: str = "application/pdf") -> tuple[bytes, str]:
    """A multipart body with one `file` field, and its Content-Type."""
    boundary = f"served-{uuid.uuid4().hex}"
    head = (
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="file"; filename="{name}"\r\n'
        f"Content-Type: {mimetype}\r\n\r\n"
    ).encode()
    return head + data + f"\r\n--{boundary}--\r\n".encode(), (
        f"multipart/form-data; boundary={boundary}"
    )


def children(pid: int) -> list[int]:
    """The live (not zombie) processes whose parent is `pid`, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name (field 2) may hold spaces: split after its closing parenthesis.
        state, ppid = stat.rsplit(")", 1)[1].split()[:2]
        if int(ppid) == pid and state != "Z":
            found.append(int(entry.name))
    return sorted(found)


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    base: str
    folder: Path
    seen: set[int] = field(default_factory=set)

    @property
    def pid(self) -> int:
        return self.process.pid

    def workers(self) -> list[int]:
        pids = children(self.pid)
        self.seen.update(pids)
        return pids

    def wait_for_workers(self, count: int, timeout: float = 60.0) -> list[int]:
        deadline = time.monotonic() + timeout
        while len(pids := self.workers()) != count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{len(pids)} workers, not {count}: {self.log()}")
            time.sleep(0.1)
        return pids

    def log(self) -> str:
        return (self.folder / "stderr.log").read_text(errors="replace")[-4000:]

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 60.0) -> int:
        """Signal the parent and wait for it; kill whatever of ours is left. Its exit code."""
        self.workers()
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        for pid in self.seen:  # only the workers this server forked
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        return code


def command() -> list[str]:
    script = Path(sys.executable).with_name("resume-analyzer")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from resume_analyzer.cli import main; main()"]


def start(*args: str, folder: Path, cpus: set[int] | None = None) -> Server:
    """`resume-analyzer serve --port 0 ARGS`, once it answers; its database and logs go in
    `folder`. With `cpus`, the server and every process it starts run on those CPUs only."""
    env = {
        **os.environ,
        "RESUME_ANALYZER_DATABASE_URL": f"sqlite:///{folder}/served.sqlite3",
        "RESUME_ANALYZER_SECRET_KEY": uuid.uuid4().hex,
    }
    # taskset (util-linux) pins before the server starts, so every process it forks inherits.
    pinned = ["taskset", "--cpu-list", ",".join(map(str, sorted(cpus)))] if cpus else []
    with (folder / "stdout.log").open("wb") as out, (folder / "stderr.log").open("wb") as err:
        process = subprocess.Popen(
            [*pinned, *command(), "serve", "--host", "127.0.0.1", "--port", "0", *args],
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            env=env,
        )
    server = Server(process, "", folder)
    try:
        server.base = _wait_for_banner(server)
        _wait_for_health(server)
    except BaseException:
        server.stop(signal.SIGKILL)
        raise
    return server


def _wait_for_banner(server: Server) -> str:
    deadline = time.monotonic() + BANNER_TIMEOUT
    while time.monotonic() < deadline:
        for word in (server.folder / "stdout.log").read_text().split():
            if word.startswith("http://"):
                return word.rstrip("/")
        if server.process.poll() is not None:
            break
        time.sleep(0.1)
    raise AssertionError(f"the server did not start: {server.log()}")


def _wait_for_health(server: Server, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{server.base}/healthz", timeout=10) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline or server.process.poll() is not None:
            raise AssertionError(f"the server did not answer /healthz: {server.log()}")
        time.sleep(0.1)
