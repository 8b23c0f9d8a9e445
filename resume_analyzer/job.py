"""The one reader of job postings, for every door: pasted text, a file path, or uploaded bytes.

A posting is read for its text only (no sections, no contact), with the same limits whether it
comes from `analyze --job FILE`, `batch --job FILE`, the web form or the API.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from resume_analyzer.errors import JobDescriptionError, JobDescriptionTooLongError
from resume_analyzer.settings import AnalysisSettings

if TYPE_CHECKING:
    from resume_analyzer.parsing.source import Loaded

# str: the posting's text; a path (pathlib.Path or os.PathLike): a PDF, DOCX or TXT file;
# bytes: an uploaded file (pass its filename).
JobSource = str | bytes | os.PathLike[str] | None
# Reads a loaded file's text; an Analyzer passes one that runs within its budget.
TextReader = Callable[["Loaded"], str]


def read_job_description(
    source: JobSource,
    *,
    filename: str | None = None,
    settings: AnalysisSettings | None = None,
    allow_empty: bool = False,
    reader: TextReader | None = None,
) -> str | None:
    """The posting's text, stripped; None when there is no posting.

    Raises JobDescriptionError when it is empty (unless `allow_empty`: a web form left blank
    means "no posting") or longer than `settings.max_job_chars`, and DocumentError subclasses
    when a file cannot be read. `reader`: how a file is read (in this process by default;
    `Analyzer.read_job` reads it within the analyzer's budget).
    """
    options = settings or AnalysisSettings()
    if source is None:
        return None
    text = source if isinstance(source, str) else _file_text(source, filename, options, reader)
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
    source: bytes | os.PathLike[str],
    filename: str | None,
    options: AnalysisSettings,
    reader: TextReader | None,
) -> str:
    from resume_analyzer.parsing import text_of
    from resume_analyzer.parsing.source import load

    name = (filename or "job posting") if isinstance(source, bytes) else filename
    loaded = load(source, name, options.parse)
    return reader(loaded) if reader else text_of(loaded, options.parse)
