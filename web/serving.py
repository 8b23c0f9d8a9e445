"""`resume-analyzer serve`: the app in several worker processes, each warm, none tied up by an
idle connection.

gunicorn's arbiter runs the processes: it binds the socket, builds the app once (`preload_app`,
so the taxonomy, spaCy and the model are loaded before the fork and shared copy-on-write),
forks the workers, replaces one that dies and stops them all on SIGTERM or Ctrl+C. Each worker
serves with waitress rather than gunicorn's own threaded worker: gthread hands every new
connection to a thread and lets it wait up to five seconds for a first byte, so a few hundred
idle connections queue real requests for minutes, whereas waitress's event loop holds an idle
connection without a thread and gives threads only to requests that have fully arrived
(docs/deployment.md has the measurements). spaCy's work is CPU-bound under the GIL, so
throughput comes from processes; threads let a quick request through beside a long one.
"""

from __future__ import annotations

import logging
import os
import resource
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication
from gunicorn.workers.base import Worker
from waitress import wasyncore
from waitress.channel import HTTPChannel
from waitress.server import create_server

from . import analysis, store

MIB = 1024 * 1024
# The app refuses a body over MAX_CONTENT_LENGTH with its own JSON 413; waitress's limit sits
# just above it so that only absurd bodies are refused by waitress, before being spooled to disk.
BODY_MARGIN = MIB
# File descriptors a worker needs besides its connections: the app's files, sockets, pipes.
SPARE_FILES = 128
log = logging.getLogger("resume_analyzer.serve")


@dataclass(frozen=True)
class ServerSettings:
    """How `serve` runs the app; the defaults are the CLI's."""

    host: str = "127.0.0.1"
    port: int = 5000
    workers: int = 1
    threads: int = 4
    # Per worker, idle connections included; waitress's default of 100 let 110 idle
    # connections stop the service. Past it, new connections wait in the listen backlog.
    connection_limit: int = 1000
    # Seconds before an idle connection is closed (waitress's default: 120).
    channel_timeout: int = 30
    # Seconds a stopping worker gives the requests it is serving.
    graceful_timeout: int = 30
    # The reverse proxy whose X-Forwarded-* headers are believed (None: nobody's).
    trusted_proxy: str | None = None
    backlog: int = 1024

    def __post_init__(self) -> None:
        for name in ("workers", "threads", "connection_limit", "channel_timeout", "backlog"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, not {getattr(self, name)}.")
        if not 0 <= self.port <= 65535:
            raise ValueError(f"port must be 0-65535, not {self.port}.")

    @property
    def bind(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


def check_address(host: str, port: int) -> None:
    """Raise OSError now when the address cannot be bound, before seconds of warm-up."""
    if port == 0:
        return
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn binds
        probe.bind((host, port))


def serve(
    app: Flask, settings: ServerSettings, *, ready: Callable[[str], None] | None = None
) -> None:
    """Serve `app` until SIGTERM or Ctrl+C; `ready` gets the URL once the socket listens."""
    limit = _open_file_budget(settings.connection_limit)
    if limit < settings.connection_limit:
        log.warning(
            "The open-files limit allows %d connections per worker, not %d: raise `ulimit -n`.",
            limit,
            settings.connection_limit,
        )
    ServedApp(app, replace(settings, connection_limit=limit), ready).run()


def waitress_options(app: Flask, settings: ServerSettings) -> dict[str, Any]:
    """waitress's adjustments for one worker."""
    options: dict[str, Any] = {
        "threads": settings.threads,
        "connection_limit": settings.connection_limit,
        "channel_timeout": settings.channel_timeout,
        # Idle connections are looked for this often; waitress's default is 30 s.
        "cleanup_interval": min(10, settings.channel_timeout),
        "backlog": settings.backlog,
        # select() cannot watch a descriptor numbered over 1023; poll() can.
        "asyncore_use_poll": True,
        "ident": "resume-analyzer",
    }
    if app.config.get("MAX_CONTENT_LENGTH"):
        options["max_request_body_size"] = int(app.config["MAX_CONTENT_LENGTH"]) + BODY_MARGIN
    if settings.trusted_proxy:
        options["trusted_proxy"] = settings.trusted_proxy
        options["trusted_proxy_headers"] = {"x-forwarded-for", "x-forwarded-proto"}
        options["clear_untrusted_proxy_headers"] = True
    return options


class ServedApp(BaseApplication):  # type: ignore[misc]  # gunicorn ships no type hints
    """gunicorn's arbiter around an app built (and warmed) before it starts."""

    def __init__(
        self, app: Flask, settings: ServerSettings, ready: Callable[[str], None] | None
    ) -> None:
        self.flask_app = app
        self.settings = settings
        self.ready = ready
        self.options = waitress_options(app, settings)
        super().__init__()

    def load_config(self) -> None:
        settings = self.settings
        values: dict[str, Any] = {
            "bind": [settings.bind],
            "workers": settings.workers,
            "worker_class": WaitressWorker,
            "preload_app": True,
            "graceful_timeout": settings.graceful_timeout,
            # The arbiter restarts a worker whose event loop has not ticked for this long;
            # the loop ticks every second even while every thread is busy.
            "timeout": 120,
            "backlog": settings.backlog,
            "proc_name": "resume-analyzer",
            "when_ready": self._when_ready,
            # gunicorn's runtime control socket (in $HOME by default) is not needed here.
            "control_socket_disable": True,
        }
        for key, value in values.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return self.flask_app

    def _when_ready(self, arbiter: Any) -> None:
        if self.ready is not None:
            host, port = arbiter.LISTENERS[0].sock.getsockname()[:2]
            shown = f"[{host}]" if ":" in host else host
            self.ready(f"http://{shown}:{port}/")


class WaitressWorker(Worker):  # type: ignore[misc]  # gunicorn ships no type hints
    """One worker process: waitress's event loop on the arbiter's listening socket."""

    def init_process(self) -> None:
        # The parent's database connections must not be shared with the children.
        store.engine(self.wsgi_app).dispose(close=False)
        # The parent warmed the models but started no parse processes (they would serve no
        # worker); start this worker's now, beside its event loop, so its first upload does
        # not pay for them.
        threading.Thread(target=self._start_parsers, name="warm-parsers", daemon=True).start()
        super().init_process()

    def _start_parsers(self) -> None:
        try:
            analysis.analyzer(self.wsgi_app).warm(parsers=True)
        except Exception:  # the first upload will meet, and report, the same problem
            log.exception("could not start the parse processes ahead of the first upload")

    @property
    def wsgi_app(self) -> Flask:
        return self.app.flask_app  # type: ignore[no-any-return]

    def run(self) -> None:
        channels: dict[int, Any] = {}
        server = create_server(
            self.wsgi,
            map=channels,
            sockets=[listener.sock for listener in self.sockets],
            **self.app.options,
        )
        while self.alive and self.ppid == os.getppid():
            self.notify()
            wasyncore.loop(timeout=1.0, map=channels, use_poll=True, count=1)
        self._finish(server, channels)

    def _finish(self, server: Any, channels: dict[int, Any]) -> None:
        """Stop accepting, let the requests in progress finish, then close every connection."""
        server.accepting = False
        deadline = time.monotonic() + self.cfg.graceful_timeout
        # Read what has already arrived on connections just accepted: a request there counts.
        wasyncore.loop(timeout=0.05, map=channels, use_poll=True, count=1)
        while _busy(channels) and time.monotonic() < deadline:
            self.notify()
            wasyncore.loop(timeout=0.2, map=channels, use_poll=True, count=1)
        server.task_dispatcher.shutdown(cancel_pending=True, timeout=1)
        wasyncore.close_all(channels)


def _busy(channels: dict[int, Any]) -> bool:
    """Whether a connection has a request arriving, waiting, running or being sent."""
    return any(
        isinstance(channel, HTTPChannel)
        and (channel.request is not None or channel.requests or channel.total_outbufs_len)
        for channel in list(channels.values())
    )


def _open_file_budget(connections: int) -> int:
    """Raise this process's open-files limit (inherited by the workers) to fit `connections`;
    return the connections that fit. Accepting past the limit would fail in a busy loop."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = connections + SPARE_FILES
    if soft != resource.RLIM_INFINITY and soft < wanted:
        raised = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (raised, hard))
        soft = raised
    if soft == resource.RLIM_INFINITY:
        return connections
    return max(1, min(connections, soft - SPARE_FILES))
