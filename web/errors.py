"""One error shape per audience: JSON `{"error": {"code", "message"}}` for the API, a page
for people. A bad file is the user's problem to fix (4xx with what to do), never a 500.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from resume_analyzer.errors import (
    DocumentError,
    DocumentTooLargeError,
    JobDescriptionTooLongError,
    ResumeAnalyzerError,
    UnsupportedFileTypeError,
)

MESSAGES = {
    400: ("bad_request", "The request is missing something; see the message."),
    401: ("unauthorized", "Coach credentials are required (HTTP Basic)."),
    403: (
        "forbidden",
        "The coach area is closed on a public server until coach credentials are configured "
        "(RESUME_ANALYZER_COACH_USER and RESUME_ANALYZER_COACH_PASSWORD_HASH).",
    ),
    404: ("not_found", "There is nothing at this address."),
    405: ("method_not_allowed", "This address does not accept that method."),
    413: ("too_large", "The upload is too large. One resume may be up to 10 MiB."),
    415: ("unsupported_file_type", "Upload a PDF, DOCX, TXT or Markdown file."),
    422: ("unreadable_document", "The file could not be read as a resume."),
}


class BadRequest(Exception):
    """A request a person or script can fix: a missing field, an empty job posting."""

    def __init__(self, code: str, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.code, self.message, self.status = code, message, status


def status_for(error: ResumeAnalyzerError) -> int:
    if isinstance(error, DocumentTooLargeError | JobDescriptionTooLongError):
        return 413
    if isinstance(error, UnsupportedFileTypeError):
        return 415
    if isinstance(error, DocumentError):
        return 422
    return 500


def init_app(app: Flask) -> None:
    @app.errorhandler(ResumeAnalyzerError)
    def library_error(error: ResumeAnalyzerError) -> Any:
        return respond(error.code, error.message, status_for(error))

    @app.errorhandler(BadRequest)
    def bad_request(error: BadRequest) -> Any:
        return respond(error.code, error.message, error.status)

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError) -> Any:
        return respond(
            "csrf_failed",
            "The form expired or did not come from this site. Reload the page and try again.",
            400,
        )

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Any:
        status = error.code or 500
        code, message = MESSAGES.get(status, ("error", error.description or "Error."))
        response = respond(code, message, status)
        if status == 401:
            response.headers["WWW-Authenticate"] = 'Basic realm="resume-analyzer coach"'
        return response


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/healthz"


def respond(code: str, message: str, status: int) -> Response:
    if wants_json():
        response = jsonify({"error": {"code": code, "message": message}})
    else:
        response = Response(
            render_template("error.html", code=code, message=message, status=status)
        )
    response.status_code = status
    return response
