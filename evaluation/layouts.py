"""The same content in three layouts: do they parse alike?"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaluation.files import _contact_field, attempt_parse
from evaluation.metrics import (
    CONTACT_FIELDS,
    LAYOUT_FILE,
    LAYOUTS,
    multiset_jaccard,
    normalize_bullet,
    normalize_space,
)
from resume_analyzer.document import Resume

# --- Same content, three layouts ----------------------------------------------------------------


@dataclass(frozen=True)
class LayoutSignature:
    kinds: tuple[str, ...]
    bullets: Counter[str]
    contact: dict[str, str | None]


def layout_signature(resume: Resume) -> LayoutSignature:
    bullets = Counter(normalize_bullet(b.text) for b in resume.bullets)
    del bullets[""]
    contact = {f: _normalized(_contact_field(resume.contact, f)) for f in CONTACT_FIELDS}
    return LayoutSignature(tuple(s.kind for s in resume.sections), bullets, contact)


def _normalized(value: str | None) -> str | None:
    return normalize_space(value) if value else None


def compare_layouts(a: LayoutSignature, b: LayoutSignature) -> dict[str, Any]:
    """Counts only: which bullets differ is not reported, to keep resume text out of the output."""
    differing = [f for f in CONTACT_FIELDS if a.contact[f] != b.contact[f]]
    return {
        "same_section_kinds": a.kinds == b.kinds,
        "bullet_jaccard": round(multiset_jaccard(a.bullets, b.bullets), 3),
        "bullets_only_in_first": sum((a.bullets - b.bullets).values()),
        "bullets_only_in_second": sum((b.bullets - a.bullets).values()),
        "contact_equal": not differing,
        "contact_fields_differing": differing,
    }


def evaluate_layouts(corpus: Path) -> dict[str, Any]:
    signatures: dict[str, LayoutSignature] = {}
    layouts: dict[str, Any] = {}
    for name in LAYOUTS:
        attempt = attempt_parse(corpus / LAYOUT_FILE.format(name))
        layouts[name] = {"status": attempt.status}
        if attempt.resume is not None:
            signatures[name] = layout_signature(attempt.resume)
            layouts[name]["sections"] = list(signatures[name].kinds)
            layouts[name]["bullets"] = sum(signatures[name].bullets.values())
            # Where the bullets went, as counts: shows which section a layout loses them in.
            per_section = [len(s.bullets) for s in attempt.resume.sections]
            layouts[name]["bullets_per_section"] = per_section
    pairs = {
        f"{a} vs {b}": compare_layouts(signatures[a], signatures[b])
        for i, a in enumerate(LAYOUTS)
        for b in LAYOUTS[i + 1 :]
        if a in signatures and b in signatures
    }
    return {"layouts": layouts, "pairs": pairs}
