"""`resume-analyzer serve` for real: worker processes on a loopback port, a dead worker replaced,
a clean stop, and idle connections that do not stop the service; and the settings behind it.

The servers run rules only (--no-model) to start faster. Nothing here is timed: a timeout only
bounds how long a broken server can hang the suite.
"""

from __future__ import annotations

import json
import os
import re
import resource
import signal
import socket
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import served
from click.testing import CliRunner
from resume_analyzer.web import create_app
from resume_analyzer.web import serving as serving_module
from resume_analyzer.web.serving import ServerSettings, waitress_options
from resumes import APM, to_pdf

from resume_analyzer.cli import main

TIMEOUT = 60  # seconds; generous, so a slow machine never fails a behavioural check
IDLE_CONNECTIONS = 120  # more than waitress's old limit of 100 connections per process


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[served.Server]:
    running = served.start("--workers", "2", "--no-model", folder=tmp_path_factory.mktemp("serve"))
    running.wait_for_workers(2)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def upload() -> tuple[bytes, str]:
    return served.multipart("apm.pdf", to_pdf(APM))


def get(url: str) -> tuple[int, dict[str, Any]]:
    with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
        return response.status, json.loads(response.read())


def post(url: str, body: bytes, content_type: str) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": content_type}
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        return response.status, json.loads(response.read())


# --------------------------------------------------------------------------- served for real


def test_healthz_and_an_upload_are_answered(
    server: served.Server, upload: tuple[bytes, str]
) -> None:
    assert get(f"{server.base}/healthz") == (200, {"status": "ok", "version": "0.1.0"})
    status, analysis = post(f"{server.base}/api/v1/analyze", *upload)
    assert status == 200
    assert 0 <= analysis["score"] <= 100
    assert analysis["competencies"]


def test_both_workers_serve_requests(server: served.Server, upload: tuple[bytes, str]) -> None:
    # Which worker accepts a connection is the kernel's choice; each analysis costs tens of
    # milliseconds of CPU, so CPU time shows who did the work without a tell-tale header.
    workers = server.wait_for_workers(2)
    before = {pid: served.cpu_seconds(pid) for pid in workers}
    with ThreadPoolExecutor(4) as pool:
        answers = list(
            pool.map(lambda _: post(f"{server.base}/api/v1/analyze", *upload), range(16))
        )
    assert all(status == 200 for status, _ in answers)
    used = {pid: served.cpu_seconds(pid) - before[pid] for pid in workers}
    assert all(seconds >= 0.05 for seconds in used.values()), used


def test_a_killed_worker_is_replaced(server: served.Server) -> None:
    victim, survivor = server.wait_for_workers(2)
    os.kill(victim, signal.SIGKILL)
    deadline = time.monotonic() + TIMEOUT
    while victim in (pids := server.workers()) or len(pids) != 2:
        assert time.monotonic() < deadline, server.log()
        time.sleep(0.1)
    assert survivor in pids
    assert get(f"{server.base}/healthz")[0] == 200


def test_a_worker_stopped_with_sigterm_finishes_its_requests(
    server: served.Server, upload: tuple[bytes, str]
) -> None:
    # What the arbiter does on SIGHUP or at shutdown: the worker stops accepting, answers what
    # it has, and the other worker (then its replacement) takes the new connections.
    victim = server.wait_for_workers(2)[0]
    url = f"{server.base}/api/v1/analyze"

    def send(n: int) -> int:
        if n == 4:
            os.kill(victim, signal.SIGTERM)
        return post(url, *upload)[0]

    with ThreadPoolExecutor(4) as pool:
        statuses = list(pool.map(send, range(24)))
    assert statuses == [200] * 24
    deadline = time.monotonic() + TIMEOUT
    while victim in (pids := server.workers()) or len(pids) != 2:
        assert time.monotonic() < deadline, server.log()
        time.sleep(0.1)


def test_idle_connections_do_not_stop_the_service(
    server: served.Server, upload: tuple[bytes, str]
) -> None:
    host, port = server.base.removeprefix("http://").split(":")
    idle = [socket.create_connection((host, int(port)), timeout=TIMEOUT)]
    try:
        idle += [
            socket.create_connection((host, int(port)), timeout=TIMEOUT)
            for _ in range(IDLE_CONNECTIONS - 1)
        ]
        assert get(f"{server.base}/healthz")[0] == 200
        assert post(f"{server.base}/api/v1/analyze", *upload)[0] == 200
    finally:
        for connection in idle:
            connection.close()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_stops_every_process(tmp_path: Path, sig: signal.Signals) -> None:
    running = served.start("--workers", "2", "--no-model", folder=tmp_path)
    try:
        workers = running.wait_for_workers(2)
        running.process.send_signal(sig)
        assert running.process.wait(TIMEOUT) == 0
        deadline = time.monotonic() + TIMEOUT
        while any(served.alive(pid) for pid in workers):
            assert time.monotonic() < deadline, f"orphans left: {workers}"
            time.sleep(0.1)
    finally:
        running.stop(signal.SIGKILL)


# --------------------------------------------------------------------------- the settings


def test_serve_help_documents_every_setting() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in (
        "--host",
        "--port",
        "--workers",
        "--threads",
        "--connection-limit",
        "--channel-timeout",
        "--trusted-proxy",
        "--no-model",
        "--taxonomy",
    ):
        assert option in result.output
    assert "docs/deployment.md" in result.output


def test_serve_passes_its_options_to_the_server(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[tuple[Any, ServerSettings]] = []
    monkeypatch.setattr(serving_module, "serve", lambda app, s, ready: calls.append((app, s)))
    monkeypatch.setenv("RESUME_ANALYZER_DATABASE_URL", f"sqlite:///{tmp_path}/db.sqlite3")
    monkeypatch.setenv("RESUME_ANALYZER_SECRET_KEY", "test")
    result = CliRunner().invoke(
        main,
        ["serve", "--no-model", "--workers", "3", "--threads", "2", "--connection-limit",
         "500", "--channel-timeout", "15", "--trusted-proxy", "127.0.0.1"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    [(app, settings)] = calls
    assert settings == ServerSettings(
        host="127.0.0.1",
        port=5000,
        workers=3,
        threads=2,
        connection_limit=500,
        channel_timeout=15,
        trusted_proxy="127.0.0.1",
    )
    # Behind a proxy the app is public even on loopback: the coach area needs its login.
    assert app.config["PUBLIC"] is True
    assert "coach area is closed" in result.output
    store = app.extensions["resume_analyzer_db"]
    store.dispose()


def test_workers_default_to_the_cores(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[ServerSettings] = []
    monkeypatch.setattr(serving_module, "serve", lambda app, s, ready: calls.append(s))
    monkeypatch.setattr("resume_analyzer.cli._cores", lambda: 7)
    monkeypatch.setenv("RESUME_ANALYZER_DATABASE_URL", f"sqlite:///{tmp_path}/db.sqlite3")
    monkeypatch.setenv("RESUME_ANALYZER_SECRET_KEY", "test")
    result = CliRunner().invoke(main, ["serve", "--no-model"])
    assert result.exit_code == 0, result.output
    assert calls[0].workers == 7
    assert calls[0].connection_limit == 1000
    assert calls[0].channel_timeout == 30


def test_waitress_options_bound_bodies_connections_and_idle_time(tmp_path: Path) -> None:
    app = create_app(
        {"TESTING": True, "SECRET_KEY": "x", "DATABASE_URL": f"sqlite:///{tmp_path}/db"}
    )
    options = waitress_options(app, ServerSettings(connection_limit=800, channel_timeout=20))
    assert options["connection_limit"] == 800
    assert options["channel_timeout"] == 20
    assert options["cleanup_interval"] <= 10
    assert options["asyncore_use_poll"] is True  # select() stops at descriptor 1023
    # Just above the app's own limit: the app answers with its JSON 413 first.
    assert app.config["MAX_CONTENT_LENGTH"] < options["max_request_body_size"]
    assert options["max_request_body_size"] <= app.config["MAX_CONTENT_LENGTH"] * 1.1
    assert "trusted_proxy" not in options
    proxied = waitress_options(app, ServerSettings(trusted_proxy="10.0.0.2"))
    assert proxied["trusted_proxy"] == "10.0.0.2"
    assert "x-forwarded-proto" in proxied["trusted_proxy_headers"]
    app.extensions["resume_analyzer_db"].dispose()


@pytest.mark.parametrize(
    "change", [{"workers": 0}, {"threads": 0}, {"connection_limit": 0}, {"port": 70000}]
)
def test_server_settings_refuse_nonsense(change: dict[str, int]) -> None:
    with pytest.raises(ValueError, match="must be"):
        ServerSettings(**change)  # type: ignore[arg-type]


def test_ipv6_hosts_are_bracketed() -> None:
    assert ServerSettings(host="::1", port=8000).bind == "[::1]:8000"
    assert ServerSettings(host="127.0.0.1", port=8000).bind == "127.0.0.1:8000"


def test_open_file_limit_is_raised_to_fit_the_connections() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (256, hard))
        wanted = 500
        fits = serving_module._open_file_budget(wanted)
        now = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
        if hard == resource.RLIM_INFINITY or hard >= wanted + serving_module.SPARE_FILES:
            assert fits == wanted
            assert now >= wanted + serving_module.SPARE_FILES
        else:  # the hard limit caps it: fewer connections, never more than fit
            assert fits <= now - serving_module.SPARE_FILES
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


def test_workers_stop_when_the_parent_is_killed(tmp_path: Path) -> None:
    running = served.start("--workers", "2", "--no-model", folder=tmp_path)
    try:
        workers = running.wait_for_workers(2)
        running.process.kill()
        running.process.wait(TIMEOUT)
        deadline = time.monotonic() + TIMEOUT
        while any(served.alive(pid) for pid in workers):
            assert time.monotonic() < deadline, f"orphans left: {workers}"
            time.sleep(0.1)
    finally:
        running.stop(signal.SIGKILL)


# --------------------------------------------------------------------------- the docs


def test_deployment_doc_covers_every_serve_option() -> None:
    doc = (Path(__file__).parents[1] / "docs" / "deployment.md").read_text()
    options = {param.opts[0] for param in main.commands["serve"].params if param.opts}
    missing = {option for option in options - {"--help"} if f"`{option}`" not in doc}
    assert not missing, f"docs/deployment.md does not explain {sorted(missing)}"


def test_nginx_example_takes_the_bodies_the_app_takes(tmp_path: Path) -> None:
    doc = (Path(__file__).parents[1] / "docs" / "deployment.md").read_text()
    found = re.search(r"client_max_body_size (\d+)m;", doc)
    assert found, "the nginx example sets no client_max_body_size"
    app = create_app(
        {"TESTING": True, "SECRET_KEY": "x", "DATABASE_URL": f"sqlite:///{tmp_path}/db"}
    )
    assert int(found[1]) * 1024 * 1024 == app.config["MAX_CONTENT_LENGTH"]
    # nginx closes idle upstream connections before the app's channel timeout does.
    keepalive = re.search(r"upstream [^}]*keepalive_timeout (\d+)s;", doc)
    assert keepalive
    assert int(keepalive[1]) < ServerSettings().channel_timeout
    app.extensions["resume_analyzer_db"].dispose()


def test_a_busy_port_is_one_error_line_before_any_warm_up() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 1
    assert f"Error: Cannot listen on 127.0.0.1:{port}" in result.output
    assert "Traceback" not in result.output


def test_each_worker_starts_its_parse_process_before_the_first_upload(tmp_path: Path) -> None:
    """The first upload a worker takes does not wait for a parse process to start."""
    running = served.start("--workers", "2", "--no-model", folder=tmp_path)
    try:
        workers = running.wait_for_workers(2)
        deadline = time.monotonic() + TIMEOUT
        while not all(served.children(pid) for pid in workers):
            assert time.monotonic() < deadline, "a worker has no parse process before any upload"
            time.sleep(0.1)
    finally:
        running.stop(signal.SIGKILL)
