"""Security headers on every response, requests from other sites refused, and the coach login.

The Content-Security-Policy allows only the app's own scripts and styles: no inline script,
no CDN. Result pages are not cached, since they show a person's resume.

Other sites cannot reach the app through a browser: the Host header must name the address
the app serves (on loopback: 127.0.0.1, localhost, ::1), so a DNS-rebinding page cannot read
the coach area; and a state-changing request a browser marks as cross-site (`Sec-Fetch-Site`,
or an `Origin` of another host) is refused. Scripts send neither header and keep working
without cookies or tokens.
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


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def init_app(app: Flask) -> None:
    app.before_request(_same_site_only)
    app.after_request(_headers)


def _hostname(host: str) -> str:
    """The name in a Host header, without its port ("[::1]:5000" → "::1")."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def trusted_hosts(app: Flask) -> tuple[str, ...] | None:
    """The host names the app answers to; None: any (public, with no list configured)."""
    configured = app.config.get("ALLOWED_HOSTS")
    if configured:
        names = configured.split(",") if isinstance(configured, str) else configured
        return tuple(_hostname(str(name)) for name in names if str(name).strip())
    return None if app.config["PUBLIC"] else LOOPBACK_HOSTS


def _same_site_only() -> Response | None:
    from .errors import respond

    allowed = trusted_hosts(current_app)
    if allowed is not None and _hostname(request.host) not in allowed:
        return respond(
            "untrusted_host",
            "This server does not answer to that host name. Open it at the address it "
            "printed when it started (for example http://127.0.0.1:5000/).",
            400,
        )
    if request.method in SAFE_METHODS:
        return None
    site = request.headers.get("Sec-Fetch-Site")
    origin = request.headers.get("Origin")
    if site is not None:
        # Every current browser sends it, and only a browser can be tricked into a request.
        cross = site not in ("same-origin", "none")
    else:
        # Older browsers: an Origin naming another host. "null" is what a page with our
        # no-referrer policy sends for its own forms, so it proves nothing either way.
        netloc = origin.split("://", 1)[-1].lower() if origin and origin != "null" else None
        cross = netloc is not None and netloc != request.host.lower()
    if cross:
        return respond(
            "cross_origin",
            "Requests from other web sites are refused. Use this app's own pages, or call the "
            "API from a script (no browser).",
            403,
        )
    return None


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
