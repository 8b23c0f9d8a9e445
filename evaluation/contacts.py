"""Contact accuracy against the DataTurks labels: names, emails, phones."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaluation.files import attempt_parse
from evaluation.metrics import (
    _PHONE_RUN,
    NAME_OVERLAP_THRESHOLD,
    looks_like_email,
    looks_like_phone,
    normalize_space,
    rate,
    timing_stats,
    token_overlap,
)
from resume_analyzer.document import Contact

# --- Contact accuracy against DataTurks ---------------------------------------------------------


@dataclass(frozen=True)
class LabeledContact:
    """One DataTurks resume: its text and the labeled email and name spans (text as labeled)."""

    content: str
    emails: tuple[str, ...] = ()
    names: tuple[str, ...] = ()


def labeled_contact(record: dict[str, Any]) -> LabeledContact:
    # Span texts, not offsets: a few offsets do not match the text the labeler saw.
    spans: dict[str, list[str]] = {"Email Address": [], "Name": []}
    for annotation in record.get("annotation") or []:
        labels = annotation.get("label") or []
        for label in [labels] if isinstance(labels, str) else labels:
            if label in spans:
                spans[label] += [str(p.get("text", "")).strip() for p in annotation["points"]]
    return LabeledContact(
        str(record.get("content") or ""),
        tuple(s for s in spans["Email Address"] if s),
        tuple(s for s in spans["Name"] if s),
    )


def read_dataturks(path: Path) -> list[LabeledContact]:
    with path.open(encoding="utf-8") as handle:
        return [labeled_contact(json.loads(line)) for line in handle if line.strip()]


Pair = tuple[LabeledContact, Contact | None]


def score_emails(pairs: Sequence[Pair]) -> dict[str, Any]:
    """Exact match (casefolded) where the label is a real email; the rest are skipped."""
    items = [e for gold, _ in pairs for e in gold.emails]
    evaluated = found = correct = 0
    for gold, contact in pairs:
        wanted = {normalize_space(e) for e in gold.emails if looks_like_email(e)}
        if not wanted:
            continue
        predicted = normalize_space(contact.email) if contact and contact.email else None
        evaluated += 1
        found += predicted is not None
        correct += predicted in wanted
    returned = [(g, c) for g, c in pairs if c and c.email]
    return {
        "labeled_items": len(items),
        "skipped_not_an_email": sum(not looks_like_email(e) for e in items),
        "docs_evaluated": evaluated,
        "correct": correct,
        "found": found,
        "accuracy": rate(correct, evaluated),
        "coverage": rate(found, evaluated),
        # With almost every label obfuscated, these say whether returned emails are plausible.
        "docs_with_email_returned": len(returned),
        "returned_without_at_in_text": sum("@" not in g.content for g, _ in returned),
    }


def score_names(pairs: Sequence[Pair]) -> dict[str, Any]:
    """Exact (normalized) and token-overlap ≥ 0.5 matches against any labeled name."""
    evaluated = found = exact = overlap = 0
    for gold, contact in pairs:
        if not gold.names:
            continue
        evaluated += 1
        if not contact or not contact.name:
            continue
        found += 1
        exact += normalize_space(contact.name) in {normalize_space(n) for n in gold.names}
        best = max(token_overlap(contact.name, n) for n in gold.names)
        overlap += best >= NAME_OVERLAP_THRESHOLD
    return {
        "docs_evaluated": evaluated,
        "found": found,
        "exact": exact,
        "overlap": overlap,
        "accuracy_exact": rate(exact, evaluated),
        "accuracy_overlap": rate(overlap, evaluated),
        "coverage": rate(found, evaluated),
    }


def score_phones(pairs: Sequence[Pair]) -> dict[str, Any]:
    """No phone label exists: only how often a phone-looking value comes out."""
    found = sum(bool(c and c.phone and looks_like_phone(c.phone)) for _, c in pairs)
    returned = sum(bool(c and c.phone) for _, c in pairs)
    return {
        "docs": len(pairs),
        "phone_returned": returned,
        "phone_like": found,
        "phone_like_rate": rate(found, len(pairs)),
        # A rough ceiling: most DataTurks (Indeed) texts carry no phone at all.
        "texts_with_phone_like_digits": sum(
            _PHONE_RUN.search(g.content) is not None for g, _ in pairs
        ),
    }


def evaluate_contacts(path: Path) -> dict[str, Any]:
    docs = read_dataturks(path)
    attempts = [attempt_parse(doc.content.encode("utf-8"), "x.txt") for doc in docs]
    pairs = [
        (d, a.resume.contact if a.resume else None) for d, a in zip(docs, attempts, strict=True)
    ]
    return {
        "file": path.name,
        "docs": len(docs),
        "status": dict(Counter(a.status for a in attempts)),
        "bugs": [
            {"index": i, "error_type": a.error_type, "at": a.bug_at}
            for i, a in enumerate(attempts)
            if a.status == "bug"
        ],
        "ms": timing_stats([a.ms for a in attempts]),
        "email": score_emails(pairs),
        "name": score_names(pairs),
        "phone": score_phones(pairs),
    }
