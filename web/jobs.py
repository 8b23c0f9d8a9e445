"""Coach batches in the web app: uploads expanded in a temporary folder that is deleted at
once, then scored one by one in a background thread, each row stored as it completes.

The batch is `analyze()` mapped over the files, with the batch command's own input handling
(folders, zips with traversal and bomb checks) and row shape, so the web and the CLI agree.
"""

from __future__ import annotations

import re
import secrets
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from flask import Flask, current_app
from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import NotFound

from . import store
from .errors import BadRequest


def start_batch(files: list[FileStorage], job_text: str | None) -> str:
    from resume_analyzer.batch.inputs import collect_inputs

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    inputs = []
    with tempfile.TemporaryDirectory(prefix="resume-analyzer-") as folder:
        root = Path(folder)
        for n, upload in enumerate(files):
            name = Path(upload.filename or f"upload-{n}").name or f"upload-{n}"
            target = root / f"{n:04d}" / name
            target.parent.mkdir()
            upload.save(target)
        inputs = [_relative(item, root) for item in collect_inputs([root])]
    limit = int(app.config["MAX_BATCH_FILES"])
    if not inputs:
        raise BadRequest("missing_files", "No files were found in the upload.")
    if len(inputs) > limit:
        raise BadRequest("too_many_files", f"{len(inputs):,} files; the limit is {limit:,}.", 413)
    batch_id = secrets.token_urlsafe(16)  # the unguessable part of the batch's URL
    title = None
    if job_text:
        title = job_text.strip().splitlines()[0][:200]
    store.create_batch(store.engine(app), batch_id, len(inputs), title)
    _executor(app).submit(_run, app, batch_id, inputs, job_text)
    return batch_id


def batch_status(batch_id: str, *, rows: bool) -> dict[str, Any]:
    db = store.engine()
    batch = store.get_batch(db, batch_id)
    if batch is None:
        raise NotFound()
    total = batch["total"] or 1
    body: dict[str, Any] = {
        "id": batch["id"],
        "status": batch["status"],
        "created": batch["created"],
        "total": batch["total"],
        "done": batch["done"],
        "failed": batch["failed"],
        "progress": round(batch["done"] / total, 4),
        "job_title": batch["job_title"],
    }
    if rows:
        body["rows"] = [_public(row) for row in store.batch_rows(db, batch_id)]
    return body


def _public(row: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in row.items() if not key.startswith("report_")}


def _relative(item: Any, root: Path) -> Any:
    """Names as the coach uploaded them: drop the temporary folder and our numbering."""
    from dataclasses import replace

    name = str(getattr(item, "name", ""))
    prefix = str(root) + "/"
    if name.startswith(prefix):
        name = name[len(prefix) :]
    name = name.split("/", 1)[1] if "/" in name else name
    changes: dict[str, str] = {"name": name}
    message = getattr(item, "message", None)
    if isinstance(message, str):
        # An unreadable input's message names it by its full path: never show the server's
        # temporary folder (which is gone by now) to the coach.
        changes["message"] = re.sub(re.escape(prefix) + r"\d{4}/", "", message)
    return replace(item, **changes)


def _executor(app: Flask) -> ThreadPoolExecutor:
    pool = app.extensions.get("resume_analyzer_jobs")
    if pool is None:
        pool = ThreadPoolExecutor(
            max_workers=int(app.config["BATCH_THREADS"]), thread_name_prefix="batch"
        )
        app.extensions["resume_analyzer_jobs"] = pool
    return pool


def _run(app: Flask, batch_id: str, inputs: list[Any], job_text: str | None) -> None:
    db = store.engine(app)
    with app.app_context():
        try:
            _score_all(db, batch_id, inputs, job_text)
        except Exception as error:
            # The database went away or the like: never leave a batch "running" for ever.
            # Only the error's type is logged: a database error can quote a row's text.
            app.logger.error("batch %s stopped: %s", batch_id, type(error).__name__)
            store.finish_batch(db, batch_id, status="interrupted")
            return
        store.finish_batch(db, batch_id)


def _score_all(db: Any, batch_id: str, inputs: list[Any], job_text: str | None) -> None:
    import json

    from resume_analyzer.batch.rows import error_row, row_from_analysis
    from resume_analyzer.report import to_markdown

    from .analysis import run_analysis

    for position, item in enumerate(inputs):
        analysis_json = markdown = None
        if not hasattr(item, "data"):  # an input that could not be read (bad zip member)
            row = error_row(item.name, getattr(item, "sha256", ""), item)
        else:
            try:
                analysis = run_analysis(Path(item.name).name, item.data, job_text)
                row = row_from_analysis(item.name, item.sha256, analysis)
                analysis_json = json.dumps(analysis.to_dict(), ensure_ascii=False)
                markdown = to_markdown(analysis)
            except Exception as error:  # one file never stops the batch; error_row keeps a
                row = error_row(item.name, item.sha256, error)  # library error's message only
        store.add_row(db, batch_id, position, row, analysis_json, markdown)
