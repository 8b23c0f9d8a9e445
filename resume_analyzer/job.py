"""The one reader of job postings, for every door: pasted text, a file path, or uploaded bytes.

A posting is read for its text only (no sections, no contact), with the same limits whether it
comes from `analyze --job FILE`, `batch --job FILE`, the web form or the API.
"""

from __future__ import annotations

import os
from pathlib import Path

from resume_analyzer.errors import JobDescriptionError, JobDescriptionTooLongError
from resume_analyzer.settings import AnalysisSettings

# str: the posting's text; a path (pathlib.Path or os.PathLike): a PDF, DOCX or TXT file;
# bytes: an uploaded file (pass its filename).
JobSource = str | bytes | os.PathLike[str] | None


def read_job_description(
    source: JobSource,
    *,
    filename: str | None = None,
    settings: AnalysisSettings | None = None,
    allow_empty: bool = False,
) -> str | None:
    """The posting's text, stripped; None when there is no posting.

    Raises JobDescriptionError when it is empty (unless `allow_empty`: a web form left blank
    means "no posting") or longer than `settings.max_job_chars`, and DocumentError subclasses
    when a file cannot be read.
    """
    options = settings or AnalysisSettings()
    if source is None:
        return None
    text = source if isinstance(source, str) else _file_text(source, filename, options)
    text = text.strip()
    if not text:
        if allow_empty:
            return None
        raise JobDescriptionError("The job description is empty; paste the posting's text.")
    if len(text) > options.max_job_chars:
        raise JobDescriptionTooLongError(
            f"The job description is {len(text):,} characters; the limit is "
            f"{options.max_job_chars:,}. Paste the posting itself, not a whole page."
        )
    return text


def _file_text(
    source: bytes | os.PathLike[str], filename: str | None, options: AnalysisSettings
) -> str:
    from resume_analyzer.parsing import read_raw

    if isinstance(source, bytes):
        raw = read_raw(source, filename=filename or "job posting", settings=options.parse)
    else:
        raw = read_raw(Path(source), settings=options.parse)
    return "\n".join(line.text for line in raw.lines)
