"""Reading uploads: the bytes of a resume and the text of a job posting, from a form or a
multipart API request. Files stay in memory (werkzeug spools big ones to a temporary file it
deletes when the request ends); nothing is written by us.
"""

from __future__ import annotations

from pathlib import Path

from flask import request
from werkzeug.datastructures import FileStorage

from resume_analyzer.parsing import read_raw
from resume_analyzer.settings import DEFAULT_SETTINGS

from .errors import BadRequest

MAX_JOB_CHARS = 100_000


def resume_upload(field: str = "file") -> tuple[str, bytes]:
    upload = request.files.get(field)
    if upload is None or not upload.filename:
        raise BadRequest("missing_file", f"Attach the resume as the multipart field '{field}'.")
    return _read(upload)


def job_text() -> str | None:
    """The posting from `job_description` (text) or `job_file` (PDF, DOCX or TXT)."""
    text = (request.form.get("job_description") or "").strip()
    upload = request.files.get("job_file")
    if upload is not None and upload.filename:
        name, data = _read(upload)
        raw = read_raw(data, filename=name)
        text = "\n".join(line.text for line in raw.lines).strip()
    if not text:
        return None
    if len(text) > MAX_JOB_CHARS:
        raise BadRequest(
            "job_description_too_long",
            f"The job posting is over {MAX_JOB_CHARS:,} characters; paste the posting itself.",
            413,
        )
    return text


def _read(upload: FileStorage) -> tuple[str, bytes]:
    name = Path(upload.filename or "upload").name
    data = upload.stream.read(DEFAULT_SETTINGS.max_bytes + 1)
    if len(data) > DEFAULT_SETTINGS.max_bytes:
        raise BadRequest(
            "too_large",
            f"{name} is over {DEFAULT_SETTINGS.max_bytes // (1024 * 1024)} MiB; a resume is "
            "far smaller. Export it again without embedded images.",
            413,
        )
    return name, data
