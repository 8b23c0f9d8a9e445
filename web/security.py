"""Security headers on every response, and the coach login.

The Content-Security-Policy allows only the app's own scripts and styles: no inline script,
no CDN. Result pages are not cached, since they show a person's resume.
"""

from __future__ import annotations

import functools
import hmac
from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, Response, abort, current_app, redirect, request, session, url_for
from werkzeug.security import check_password_hash

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
F = TypeVar("F", bound=Callable[..., Any])


def init_app(app: Flask) -> None:
    app.after_request(_headers)


def _headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    if request.endpoint != "static":
        response.headers["Cache-Control"] = "no-store"
    return response


def login_required() -> bool:
    """The coach area needs a login when the server listens beyond loopback."""
    return bool(current_app.config["PUBLIC"])


def coach_configured() -> bool:
    return bool(current_app.config["COACH_USER"] and current_app.config["COACH_PASSWORD_HASH"])


def check_credentials(user: str, password: str) -> bool:
    expected = str(current_app.config["COACH_USER"] or "")
    stored = str(current_app.config["COACH_PASSWORD_HASH"] or "")
    if not expected or not stored:
        return False
    same_user = hmac.compare_digest(user.encode(), expected.encode())
    return check_password_hash(stored, password) and same_user


def coach_only(view: F) -> F:
    """Browser pages of the coach area: a session login when the server is public."""

    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if login_required() and not session.get("coach"):
            if not coach_configured():
                abort(403)
            return redirect(url_for("coach.login", next=request.full_path))
        return view(*args, **kwargs)

    return wrapped  # type: ignore[return-value]


def api_coach_only(view: F) -> F:
    """API routes of the coach area: HTTP Basic credentials when the server is public."""

    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if login_required():
            auth = request.authorization
            if not coach_configured():
                abort(403)
            if not auth or not check_credentials(auth.username or "", auth.password or ""):
                abort(401)
        return view(*args, **kwargs)

    return wrapped  # type: ignore[return-value]
