"""Contact accuracy against the DataTurks labels: names, emails, phones."""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from evaluation.files import attempt_parse
from evaluation.metrics import (
    _PHONE_RUN,
    DATATURKS_GLOB,
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
    with_phone = [(g, c) for g, c in pairs if raw_phone_digits(g.content)]
    return {
        "docs": len(pairs),
        "phone_returned": returned,
        "phone_like": found,
        "phone_like_rate": rate(found, len(pairs)),
        # A rough ceiling: most DataTurks (Indeed) texts carry no phone at all.
        "texts_with_phone_like_digits": sum(
            _PHONE_RUN.search(g.content) is not None for g, _ in pairs
        ),
        # The phonenumbers library run on the raw text: a reference to measure recall against.
        "texts_with_phone_per_phonenumbers": len(with_phone),
        "found_of_those": sum(bool(c and c.phone) for _, c in with_phone),
        "recall": rate(sum(bool(c and c.phone) for _, c in with_phone), len(with_phone)),
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


# --- Phone and email recall on the dev resumes --------------------------------------------------

DEV_FOLDERS = ("pdf", "docx", "pm", "near", "linkedin")
# The reference for email: any address-shaped run in the raw text.
_RAW_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")


def raw_text(path: Path) -> str:
    """The document's plain text as its own library reads it, independent of our parser."""
    if path.suffix.casefold() == ".docx":
        import docx

        document = docx.Document(str(path))
        parts = [p.text for p in document.paragraphs]
        parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
        for section in document.sections:
            parts += [p.text for p in section.header.paragraphs]
            parts += [p.text for p in section.footer.paragraphs]
        return "\n".join(parts)
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def raw_phone_digits(text: str, *, possible: bool = False) -> set[str]:
    """National-number digits of every phone the phonenumbers library finds in the text, run on
    its own (default region US; VALID, or POSSIBLE to also take the 555 numbers of samples),
    as the reference the parser is measured against."""
    import phonenumbers

    leniency = phonenumbers.Leniency.POSSIBLE if possible else phonenumbers.Leniency.VALID
    return {
        str(m.number.national_number)
        for m in phonenumbers.PhoneNumberMatcher(text, "US", leniency=leniency)
    }


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def evaluate_dev_contacts(corpus: Path) -> dict[str, Any]:
    """Files whose raw text has a phone (email) vs files whose parsed Contact has one, and
    whether the parsed one is among those in the text. Counts only."""
    counts: Counter[str] = Counter()
    missed: list[str] = []
    for folder in DEV_FOLDERS:
        for path in sorted((corpus / "resumes" / folder).glob("*")):
            if path.suffix.casefold() not in {".pdf", ".docx"}:
                continue
            counts["files"] += 1
            text = raw_text(path)
            phones = raw_phone_digits(text)
            emails = {e.casefold() for e in _RAW_EMAIL.findall(text)}
            attempt = attempt_parse(path)
            contact = attempt.resume.contact if attempt.resume else None
            phone = _digits(contact.phone) if contact and contact.phone else None
            email = contact.email.casefold() if contact and contact.email else None
            counts["phone_in_text"] += bool(phones)
            counts["phone_parsed"] += phone is not None
            counts["phone_found"] += bool(phones) and phone is not None
            possible = raw_phone_digits(text, possible=True)
            counts["phone_agrees"] += phone is not None and any(phone.endswith(p) for p in possible)
            counts["phone_parsed_not_in_text"] += phone is not None and not possible
            counts["email_in_text"] += bool(emails)
            counts["email_parsed"] += email is not None
            counts["email_found"] += bool(emails) and email is not None
            counts["email_agrees"] += email in emails
            counts["email_parsed_not_in_text"] += email is not None and not emails
            if phones and phone is None:
                missed.append(f"{folder}/{path.name}")
    return dict(counts) | {
        "phone_recall": rate(counts["phone_found"], counts["phone_in_text"]),
        "phone_precision": rate(counts["phone_agrees"], counts["phone_parsed"]),
        "email_recall": rate(counts["email_found"], counts["email_in_text"]),
        "email_precision": rate(counts["email_agrees"], counts["email_parsed"]),
        "phone_missed_files": missed,
    }


@click.command()
@click.option("--corpus", type=click.Path(path_type=Path), default=Path("../shared/corpus"))
def main(corpus: Path) -> None:
    """Phone and email: DataTurks figures, then recall/precision on the dev resumes (counts)."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    dataturks = sorted((corpus / "labeled").glob(DATATURKS_GLOB))
    if dataturks:
        report = evaluate_contacts(dataturks[0])
        click.echo(json.dumps({k: report[k] for k in ("email", "name", "phone")}, indent=2))
    click.echo(json.dumps(evaluate_dev_contacts(corpus), indent=2))


if __name__ == "__main__":
    main()
