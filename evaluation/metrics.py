"""Corpus constants and pure metrics: overlap, Jaccard, percentiles, timing."""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

GROUPS = ("pdf", "docx", "livecareer")
LIVECAREER = Path("labeled") / "livecareer_by_category"
DATATURKS_GLOB = "DataTurks-*traindata.json"
LAYOUTS = ("single-column", "two-column", "modern-two-column")
LAYOUT_FILE = "resumes/pdf/srbhr_Resume-Matcher__{}.pdf"
CONTACT_FIELDS = ("name", "email", "phone", "location", "linkedin", "github", "portfolio")
HEADLINE_KINDS = ("experience", "education", "skills", "projects", "summary")
NAME_OVERLAP_THRESHOLD = 0.5

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_WORD = re.compile(r"\w+")
_PHONE_CHARS = re.compile(r"\+?[\d\s().\-/]+")
_EXTENSION = re.compile(r"\s*(?:ext\.?|x)\s*\d{1,5}$", re.IGNORECASE)
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*[-/]\s*(?:19|20)\d\d")
# Ten to thirteen digits with phone separators: a national or international number.
_PHONE_RUN = re.compile(r"(?<![\d-])\+?\d(?:[\s().-]{0,2}\d){9,12}(?![\d-])")


# --- Pure metrics -----------------------------------------------------------------------------


def normalize_space(text: str) -> str:
    """Casefold and collapse whitespace, so case and wrapping do not count as differences."""
    return " ".join(text.casefold().split())


def normalize_bullet(text: str) -> str:
    """Like `normalize_space`, punctuation read as space (layouts differ in dashes and quotes).

    A space rather than nothing, so "end-to-end" and a wrapped "end- to-end" still agree.
    """
    spaced = "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in text)
    return normalize_space(spaced)


def looks_like_email(text: str) -> bool:
    """DataTurks 'emails' are mostly obfuscated indeed.com/r/… paths: those cannot be scored."""
    return _EMAIL.fullmatch(text.strip()) is not None


def looks_like_phone(text: str) -> bool:
    """Seven to fifteen digits (E.164 allows 15) in phone punctuation, and not a year range."""
    text = _EXTENSION.sub("", text.strip())
    if not _PHONE_CHARS.fullmatch(text) or _YEAR_RANGE.fullmatch(text):
        return False
    return 7 <= sum(ch.isdigit() for ch in text) <= 15


def token_overlap(predicted: str, gold: str) -> float:
    """Jaccard similarity of the two word sets (casefolded, punctuation ignored)."""
    a = set(_WORD.findall(predicted.casefold()))
    b = set(_WORD.findall(gold.casefold()))
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def multiset_jaccard(a: Counter[str], b: Counter[str]) -> float:
    """|a ∩ b| / |a ∪ b| counting repeats; two empty multisets are identical (1.0)."""
    union = sum((a | b).values())
    if union == 0:
        return 1.0
    return sum((a & b).values()) / union


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile with linear interpolation between ranks (numpy's default)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def timing_stats(ms: Sequence[float]) -> dict[str, float]:
    if not ms:
        return {"median": 0.0, "p95": 0.0, "max": 0.0}
    return {
        "median": round(statistics.median(ms), 1),
        "p95": round(percentile(ms, 95), 1),
        "max": round(max(ms), 1),
    }


def rate(count: int, total: int) -> float | None:
    return round(count / total, 3) if total else None
