"""The Flask web app for applicants and coaches, and the JSON API (installed as
`resume_analyzer.web`).

`create_app()` builds the app; `resume-analyzer serve` runs it under waitress. Every page and
the API call the same `analyze()` as the CLI.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask

from resume_analyzer import __version__

MIB = 1024 * 1024
DEFAULTS: dict[str, Any] = {
    # A whole cohort's zip fits; one resume is held to ParseSettings.max_bytes (10 MiB).
    "MAX_CONTENT_LENGTH": 64 * MIB,
    "MAX_BATCH_FILES": 2000,
    "USE_MODEL": True,
    "TAXONOMY": None,
    # Each upload's budget (resume_analyzer.Budget): past it, a clean 422 `over_budget`.
    "BUDGET_SECONDS": 15.0,
    "BUDGET_MEMORY_MIB": 1024,
    "PARSE_WORKERS": 4,
    # Set by `serve` when it listens beyond loopback: the coach area then needs a login.
    "PUBLIC": False,
    # Host names the app answers to (a list, or comma-separated in the environment); by
    # default the loopback names, or any name when PUBLIC (put a reverse proxy in front).
    "ALLOWED_HOSTS": None,
    "COACH_USER": None,
    "COACH_PASSWORD_HASH": None,
    "DATABASE_URL": None,
    "WARM_UP": False,
    # Set by `serve` when it builds the app once and forks it into worker processes.
    "PRELOAD": False,
    "BATCH_THREADS": 1,
    # Coach batches run on the batch command's engine: worker processes (0: in the server
    # process), or a Dask scheduler's address.
    "BATCH_WORKERS": 1,
    "BATCH_SCHEDULER": None,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "WTF_CSRF_TIME_LIMIT": None,
}
ENV_PREFIX = "RESUME_ANALYZER_"


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """The application factory. `config` overrides the defaults and the environment."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.update(DEFAULTS)
    app.config.from_prefixed_env(ENV_PREFIX.rstrip("_"))
    app.config.update(config or {})
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(Path(app.instance_path))
    if not app.config.get("DATABASE_URL"):
        database = Path(app.instance_path) / "resume_analyzer.sqlite3"
        app.config["DATABASE_URL"] = f"sqlite:///{database}"
    app.config["VERSION"] = __version__

    from flask_wtf.csrf import CSRFProtect

    from . import analysis, api, applicant, coach, errors, security, store, views

    csrf = CSRFProtect(app)
    app.register_blueprint(applicant.bp)
    app.register_blueprint(coach.bp)
    app.register_blueprint(api.bp)
    csrf.exempt(api.bp)  # scripts send no cookie, so there is nothing to forge
    security.init_app(app)
    views.init_app(app)
    errors.init_app(app)
    store.init_app(app)
    analysis.init_app(app)
    return app


def _instance_secret(instance: Path) -> str:
    """A secret key generated once per instance and kept in the instance folder (0600)."""
    path = instance / "secret_key"
    if path.exists():
        return path.read_text().strip()
    key = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key
