"""Parsing: bytes in, a typed `Resume` out.

source.load / sniff   -> the bytes and their real type
pdf / docx / text     -> RawDocument: lines in reading order with their looks
structure             -> sections, entries, bullets, contact: the Resume
"""

from __future__ import annotations

from resume_analyzer.document import Resume
from resume_analyzer.parsing.lines import RawDocument
from resume_analyzer.parsing.source import Source, decode_text, load, sniff
from resume_analyzer.parsing.structure import build_resume
from resume_analyzer.settings import DEFAULT_SETTINGS, ParseSettings

__all__ = ["parse_resume", "read_raw"]


def read_raw(
    source: Source, *, filename: str | None = None, settings: ParseSettings | None = None
) -> RawDocument:
    """Read any supported input into lines in reading order (no structure yet)."""
    settings = settings or DEFAULT_SETTINGS
    loaded = load(source, filename, settings)
    kind = sniff(loaded.data, loaded.name)
    if kind == "pdf":
        from resume_analyzer.parsing.pdf import read_pdf

        return read_pdf(loaded.data, loaded.name, settings)
    if kind == "docx":
        from resume_analyzer.parsing.docx import read_docx

        return read_docx(loaded.data, loaded.name, settings)
    from resume_analyzer.parsing.text import read_text

    return read_text(decode_text(loaded.data), settings)


def parse_resume(
    source: Source, *, filename: str | None = None, settings: ParseSettings | None = None
) -> Resume:
    """Parse a resume from a path, bytes (pass `filename` for messages) or a binary file object.

    Raises a `DocumentError` subclass, with a message for a person, when the input cannot be
    read as a resume.
    """
    return build_resume(read_raw(source, filename=filename, settings=settings))
