"""Parsing: bytes in, a typed `Resume` out.

source.load / sniff   -> the bytes and their real type
pdf / docx / text     -> RawDocument: lines in reading order with their looks
structure             -> sections, entries, bullets, contact: the Resume

These functions run in the calling process with no time or memory budget; an `Analyzer` runs
the same steps in a parse process it can stop (`sandbox.py`), which is what untrusted uploads
need.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from resume_analyzer.parsing.read import (
        parse_loaded,
        parse_resume,
        read_loaded,
        read_raw,
        text_of,
    )

__all__ = ["parse_loaded", "parse_resume", "read_loaded", "read_raw", "text_of"]


def __getattr__(name: str) -> Any:
    # Imported on first use: a process that only hands documents to a parse process (an
    # Analyzer with a budget) never loads the readers, ftfy or phonenumbers.
    if name not in __all__:
        raise AttributeError(f"module 'resume_analyzer.parsing' has no attribute {name!r}")
    value = getattr(importlib.import_module("resume_analyzer.parsing.read"), name)
    globals()[name] = value
    return value
