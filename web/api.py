"""The JSON API, for scripts: no cookie, no CSRF token.

`POST /api/v1/analyze` returns exactly what `resume-analyzer analyze --format json` prints
for the same file, byte for byte.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request, url_for

from resume_analyzer import dumps

from . import jobs, uploads
from .analysis import analyzer, run_analysis
from .errors import BadRequest
from .openapi import openapi
from .security import api_coach_only

bp = Blueprint("api", __name__)


def json_response(data: Any, status: int = 200) -> Response:
    # The CLI's exact serialisation (key order kept, two-space indent), not Flask's sorted one.
    return Response(dumps(data), status=status, mimetype="application/json")


@bp.get("/healthz")
def healthz() -> Response:
    # Ready means the analyzer can score: its taxonomy and pipeline load (at once when warm).
    engine = analyzer()
    _ = engine.taxonomy, engine.nlp
    return jsonify({"status": "ok", "version": current_app.config["VERSION"]})


@bp.post("/api/v1/analyze")
def analyze() -> Response:
    name, data = uploads.resume_upload("file")
    analysis = run_analysis(name, data, uploads.job_text())
    return json_response(analysis.to_dict())


@bp.post("/api/v1/batches")
@api_coach_only
def create_batch() -> Response:
    files = [f for f in request.files.getlist("files") + request.files.getlist("file") if f]
    if not files:
        raise BadRequest("missing_files", "Attach resumes (or a .zip) as multipart 'files'.")
    batch_id = jobs.start_batch(files, uploads.job_text())
    body = jobs.batch_status(batch_id, rows=False)
    body["url"] = url_for("api.get_batch", batch_id=batch_id, _external=False)
    return json_response(body, 202)


@bp.get("/api/v1/batches/<batch_id>")
@api_coach_only
def get_batch(batch_id: str) -> Response:
    return json_response(jobs.batch_status(batch_id, rows=True))


@bp.get("/api/v1/openapi.json")
def openapi_document() -> Response:
    return json_response(openapi(current_app.config["VERSION"]))
