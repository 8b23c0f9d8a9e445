"""Coach batches in the web app, on the same engine as `resume-analyzer batch`.

Uploads are expanded in a temporary folder that is deleted at once (folders and zips get the
batch command's own checks); the inputs then run through `run_batch` in a background thread,
in this process (`BATCH_WORKERS` 0), a local process pool (the default), or a Dask cluster
(`BATCH_SCHEDULER`), and each row is stored as it completes, so progress is live.

A batch cut short by a restart is marked `interrupted`. Uploading the same files again
continues it: rows already stored for the same file name and content are kept, and only the
missing inputs run. Identical content under two names is still two rows.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from flask import Flask, current_app
from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import NotFound

from resume_analyzer.batch import BatchInput, InputError, ScoreTask, collect_inputs, run_batch

from . import store
from .errors import BadRequest

Item = BatchInput | InputError


def start_batch(files: list[FileStorage], job_text: str | None) -> str:
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    inputs: list[Item] = []
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
    db = store.engine(app)
    fingerprint = _fingerprint(inputs, job_text)
    batch_id = store.resumable_batch(db, fingerprint)
    if batch_id is None:
        batch_id = secrets.token_urlsafe(16)  # the unguessable part of the batch's URL
        title = job_text.strip().splitlines()[0][:200] if job_text else None
        store.create_batch(db, batch_id, len(inputs), title, fingerprint=fingerprint)
        kept: set[tuple[str, str]] = set()
    else:
        kept = store.row_keys(db, batch_id)
        store.claim_batch(db, batch_id)
    todo = [(n, item) for n, item in enumerate(inputs) if _key(item) not in kept]
    task = _task(app, job_text)
    _executor(app).submit(_run, app, batch_id, todo, task)
    return batch_id


def _key(item: Item) -> tuple[str, str]:
    return item.name, item.sha256 or ""


def _fingerprint(inputs: list[Item], job_text: str | None) -> str:
    """The same uploads (names and contents) with the same posting: the same batch."""
    digest = hashlib.sha256((job_text or "").encode("utf-8"))
    for name, sha in sorted(_key(item) for item in inputs):
        digest.update(f"\0{name}\0{sha}".encode())
    return digest.hexdigest()


def _task(app: Flask, job_text: str | None) -> ScoreTask:
    from .analysis import analyzer

    engine = analyzer(app)
    taxonomy = app.config["TAXONOMY"]
    return ScoreTask(
        job_text=job_text,
        taxonomy=engine.taxonomy if taxonomy else None,
        taxonomy_key=hashlib.sha256(Path(taxonomy).read_bytes()).hexdigest() if taxonomy else "",
        use_model=engine.settings.use_model,
        want_report=True,
        budget=engine.settings.budget,
    )


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
        # Batches queue one after another: each runs its own pool of worker processes.
        pool = ThreadPoolExecutor(
            max_workers=int(app.config["BATCH_THREADS"]), thread_name_prefix="batch"
        )
        app.extensions["resume_analyzer_jobs"] = pool
    return pool


def _run(app: Flask, batch_id: str, todo: list[tuple[int, Item]], task: ScoreTask) -> None:
    db = store.engine(app)
    with app.app_context():
        try:
            _score_all(app, db, batch_id, todo, task)
        except Exception as error:
            # A setup problem (taxonomy, model), the database gone, the pool unable to start:
            # never leave a batch "running" for ever. Only the error's type is logged: its
            # text can quote a row.
            app.logger.error("batch %s stopped: %s", batch_id, type(error).__name__)
            store.finish_batch(db, batch_id, status="interrupted")
            return
        store.finish_batch(db, batch_id)


def _score_all(
    app: Flask, db: Any, batch_id: str, todo: list[tuple[int, Item]], task: ScoreTask
) -> None:
    import json

    # Names are unique within an upload (they are its paths), so a row finds its position.
    positions = {item.name: n for n, item in todo}
    rows = run_batch(
        (item for _, item in todo),
        workers=int(app.config["BATCH_WORKERS"]),
        scheduler=app.config["BATCH_SCHEDULER"] or None,
        task=task,
    )
    for row in rows:
        analysis = row.pop("report_json", None)
        markdown = row.pop("report_markdown", None)
        row.pop("report_html", None)
        analysis_json = json.dumps(analysis, ensure_ascii=False) if analysis else None
        store.add_row(db, batch_id, positions[row["file"]], row, analysis_json, markdown)
