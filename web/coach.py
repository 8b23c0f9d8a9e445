"""The coach area: upload a cohort, watch it score, compare students, export, delete.

Batch URLs carry an unguessable id. When the server listens beyond loopback, every page here
needs the coach login (configured credentials, hashed).
"""

from __future__ import annotations

import json
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from werkzeug.wrappers import Response as BaseResponse

from resume_analyzer.batch import Gap, gaps, to_csv

from . import jobs, store, uploads
from .errors import BadRequest
from .security import check_credentials, coach_only

bp = Blueprint("coach", __name__, url_prefix="/coach")
SORTABLE = ("file", "score", "competencies", "impact", "presentation")


@bp.get("/")
@coach_only
def index() -> str:
    return render_template("coach/index.html", batches=store.list_batches(store.engine()))


@bp.post("/batches")
@coach_only
def create() -> BaseResponse:
    files = [f for f in request.files.getlist("files") if f and f.filename]
    if not files:
        raise BadRequest("missing_files", "Choose resumes (PDF, DOCX, TXT) or a .zip of them.")
    batch_id = jobs.start_batch(files, uploads.job_text())
    return redirect(url_for("coach.batch", batch_id=batch_id), code=303)


@bp.get("/batches/<batch_id>")
@coach_only
def batch(batch_id: str) -> str:
    status = jobs.batch_status(batch_id, rows=True)
    rows = status["rows"]
    key = request.args.get("sort", "score")
    if key not in SORTABLE and not key.startswith("area:"):
        key = "score"
    descending = request.args.get("order", "desc") != "asc"
    ranked = sorted(rows, key=lambda row: _sort_value(row, key), reverse=descending)
    return render_template(
        "coach/batch.html",
        batch=status,
        rows=ranked,
        areas=_areas(rows),
        gaps=_gaps(rows),
        sort=key,
        descending=descending,
    )


@bp.get("/batches/<batch_id>/status.json")
@coach_only
def batch_json(batch_id: str) -> Response:
    return Response(
        json.dumps(jobs.batch_status(batch_id, rows=False)), mimetype="application/json"
    )


@bp.get("/batches/<batch_id>/export.<fmt>")
@coach_only
def export(batch_id: str, fmt: str) -> Response:
    rows = jobs.batch_status(batch_id, rows=True)["rows"]
    if fmt == "jsonl":
        body = "".join(json.dumps(_export_row(row), ensure_ascii=False) + "\n" for row in rows)
        mimetype = "application/x-ndjson"
    elif fmt == "csv":
        body, mimetype = _csv(rows), "text/csv"
    else:
        abort(404)
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="batch-{batch_id[:8]}.{fmt}"'
    return response


@bp.get("/batches/<batch_id>/students/<int:row_id>")
@coach_only
def student(batch_id: str, row_id: int) -> str:
    found = store.row_analysis(store.engine(), batch_id, row_id)
    if found is None:
        abort(404)
    analysis, markdown = found
    row = next((r for r in store.batch_rows(store.engine(), batch_id) if r["id"] == row_id), None)
    return render_template(
        "coach/student.html", a=analysis, row=row, batch_id=batch_id, markdown=markdown
    )


@bp.post("/batches/<batch_id>/delete")
@coach_only
def delete(batch_id: str) -> BaseResponse:
    if not store.delete_batch(store.engine(), batch_id):
        abort(404)
    return redirect(url_for("coach.index"), code=303)


@bp.route("/login", methods=["GET", "POST"])
def login() -> Any:
    error = None
    if request.method == "POST":
        if check_credentials(request.form.get("user", ""), request.form.get("password", "")):
            session.clear()
            session["coach"] = True
            target = request.args.get("next", "")
            safe = target.startswith("/coach") and not target.startswith("//")
            return redirect(target if safe else url_for("coach.index"), code=303)
        error = "That user name and password do not match the configured coach login."
    return render_template("coach/login.html", error=error), (401 if error else 200)


@bp.post("/logout")
def logout() -> BaseResponse:
    session.clear()
    return redirect(url_for("applicant.index"), code=303)


def _sort_value(row: dict[str, Any], key: str) -> Any:
    if key == "file":
        return str(row.get("file", "")).lower()
    if key.startswith("area:"):
        value = (row.get("competencies") or {}).get(key[5:])
    elif key == "score":
        value = row.get("score")
    else:
        value = (row.get("components") or {}).get(key)
    return -1.0 if value is None else float(value)


def _areas(rows: list[dict[str, Any]]) -> list[str]:
    for row in rows:
        if row.get("competencies"):
            return list(row["competencies"])
    return []


def _gaps(rows: list[dict[str, Any]]) -> list[Gap]:
    """For each competency, how the scored students stand: the cohort report's own figures."""
    from .analysis import analyzer

    scored = [row for row in rows if not row.get("error")]
    if not scored:
        return []
    return gaps(scored, {area.id: area.name for area in analyzer().taxonomy.areas})


def _export_row(row: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in row.items() if key != "id"}


def _csv(rows: list[dict[str, Any]]) -> str:
    # The batch command's CSV writer: the same columns, and cells that a spreadsheet would
    # read as a formula are defused there once for both doors.
    return to_csv([_export_row(row) for row in rows], sort=False)
