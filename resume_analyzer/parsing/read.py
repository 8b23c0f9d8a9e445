"""Reading a document into lines and a structured `Resume`, in the calling process."""

from __future__ import annotations

from resume_analyzer.document import Resume
from resume_analyzer.parsing.lines import RawDocument, check_shape
from resume_analyzer.parsing.source import (
    Loaded,
    Source,
    decode_text,
    extension_mismatch,
    load,
    sniff,
)
from resume_analyzer.parsing.structure import build_resume
from resume_analyzer.settings import DEFAULT_SETTINGS, ParseSettings


def read_raw(
    source: Source, *, filename: str | None = None, settings: ParseSettings | None = None
) -> RawDocument:
    """Read any supported input into lines in reading order (no structure yet)."""
    settings = settings or DEFAULT_SETTINGS
    return read_loaded(load(source, filename, settings), settings)


def read_loaded(loaded: Loaded, settings: ParseSettings) -> RawDocument:
    """Lines in reading order from bytes already loaded (and size-checked) by `load`."""
    kind = sniff(loaded.data, loaded.name)
    if kind == "pdf":
        from resume_analyzer.parsing.pdf import read_pdf

        raw = read_pdf(loaded.data, loaded.name, settings)
    elif kind == "docx":
        from resume_analyzer.parsing.docx import read_docx

        raw = read_docx(loaded.data, loaded.name, settings)
    else:
        from resume_analyzer.parsing.text import read_text

        raw = read_text(decode_text(loaded.data), settings, loaded.name)
    check_shape([line.text for line in raw.lines], loaded.name, settings)
    if (mismatch := extension_mismatch(loaded.name, kind)) is not None:
        raw.warnings.insert(0, mismatch)
    return raw


def parse_loaded(loaded: Loaded, settings: ParseSettings) -> Resume:
    return build_resume(read_loaded(loaded, settings))


def text_of(loaded: Loaded, settings: ParseSettings) -> str:
    """A document's text, one line per line: what a job posting is read for."""
    return "\n".join(line.text for line in read_loaded(loaded, settings).lines)


def parse_resume(
    source: Source, *, filename: str | None = None, settings: ParseSettings | None = None
) -> Resume:
    """Parse a resume from a path, bytes (pass `filename` for messages) or a binary file object.

    Raises a `DocumentError` subclass, with a message for a person, when the input cannot be
    read as a resume.
    """
    settings = settings or DEFAULT_SETTINGS
    return parse_loaded(load(source, filename, settings), settings)
