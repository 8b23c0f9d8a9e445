"""Reading uploads: the bytes of a resume and the text of a job posting, from a form or a
multipart API request. Files stay in memory (werkzeug spools big ones to a temporary file it
deletes when the request ends); nothing is written by us.
"""

from __future__ import annotations

from pathlib import Path

from flask import request
from werkzeug.datastructures import FileStorage

from .errors import BadRequest


def resume_upload(field: str = "file") -> tuple[str, bytes]:
    upload = request.files.get(field)
    if upload is None or not upload.filename:
        raise BadRequest("missing_file", f"Attach the resume as the multipart field '{field}'.")
    return _read(upload)


def job_text() -> str | None:
    """The posting from `job_description` (text) or `job_file` (PDF, DOCX or TXT), a file
    read within the analyzer's budget."""
    from .analysis import analyzer

    upload = request.files.get("job_file")
    if upload is not None and upload.filename:
        name, data = _read(upload)
        return analyzer().read_job(data, filename=name, allow_empty=True)
    text = request.form.get("job_description") or ""
    return analyzer().read_job(text, allow_empty=True)


def _read(upload: FileStorage) -> tuple[str, bytes]:
    from .analysis import analyzer

    limit = analyzer().settings.parse.max_bytes
    name = Path(upload.filename or "upload").name
    data = upload.stream.read(limit + 1)
    if len(data) > limit:
        raise BadRequest(
            "too_large",
            f"{name} is over {limit // (1024 * 1024)} MiB; a resume is "
            "far smaller. Export it again without embedded images.",
            413,
        )
    return name, data
