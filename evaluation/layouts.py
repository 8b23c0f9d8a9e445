"""The same content in three layouts: do they parse alike?"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
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


# --- Real DOCX resumes re-laid out in one column and in two -------------------------------------

SIDEBARS = ("left", "right", "left-overflow")


@dataclass(frozen=True)
class Relayout:
    """Section kinds the one-column and the two-column PDFs of one DOCX resume parse into."""

    file: str
    sidebar: str
    one_column: tuple[str, ...]
    two_column: tuple[str, ...]

    @property
    def lost(self) -> list[str]:
        """Kinds the one-column parse finds and the two-column parse does not."""
        return sorted(set(self.one_column) - set(self.two_column))

    @property
    def gained(self) -> list[str]:
        return sorted(set(self.two_column) - set(self.one_column))


def relayouts(path: Path) -> list[Relayout]:
    """The DOCX drawn in one column, then in two with the sidebar on each side."""
    from evaluation.relayout import one_column_pdf, read_parts, two_column_pdf

    parts = read_parts(path)
    one = _kinds(one_column_pdf(parts), path)
    return [
        Relayout(path.name, side, one, _kinds(two_column_pdf(parts, sidebar=side), path))
        for side in SIDEBARS
    ]


def _kinds(data: bytes, path: Path) -> tuple[str, ...]:
    attempt = attempt_parse(data, filename=f"{path.stem}.pdf")
    return tuple(s.kind for s in attempt.resume.sections) if attempt.resume else ()


def render_relayouts(results: Sequence[Relayout]) -> list[str]:
    out = ["== DOCX resumes re-laid out: sections of the one-column vs the two-column PDF"]
    for r in results:
        if r.lost or r.gained:
            out.append(
                f"  {r.file[:50]:50} sidebar {r.sidebar:13}  lost: {', '.join(r.lost) or 'none'}; "
                f"gained: {', '.join(r.gained) or 'none'}"
            )
    for side in SIDEBARS:
        group = [r for r in results if r.sidebar == side]
        losing = sum(bool(r.lost) for r in group)
        differing = sum(bool(r.lost or r.gained) for r in group)
        out.append(
            f"  sidebar {side}: {losing} of {len(group)} two-column re-layouts lose a section "
            f"their one-column original has; {differing} differ at all"
        )
    return out
