"""The facts the feedback relies on, measured on the dev corpus (counts and file names only):
documents refused as not a resume (must be none: every file there is a resume), names found,
and years of experience.

    python -m evaluation.facts --corpus ../shared/corpus
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from evaluation.contacts import DEV_FOLDERS, read_dataturks
from evaluation.metrics import DATATURKS_GLOB, LIVECAREER
from resume_analyzer.analyzer import MIN_WORDS, check_is_resume, resume_words
from resume_analyzer.document import Resume
from resume_analyzer.errors import DocumentError, NotAResumeError, WordsRunTogetherError
from resume_analyzer.parsing import parse_resume


def corpus_resumes(corpus: Path, per_category: int) -> Iterator[tuple[str, Path | bytes]]:
    """(label, source): the dev resumes, N livecareer PDFs per category, the DataTurks texts."""
    for folder in DEV_FOLDERS:
        for path in sorted((corpus / "resumes" / folder).glob("*")):
            if path.suffix.casefold() in {".pdf", ".docx"}:
                yield f"{folder}/{path.name}", path
    root = corpus / LIVECAREER
    for category in sorted(d for d in root.iterdir() if d.is_dir()) if root.is_dir() else []:
        for path in sorted(category.glob("*.pdf"))[:per_category]:
            yield f"livecareer/{category.name}/{path.name}", path
    for found in sorted((corpus / "labeled").glob(DATATURKS_GLOB))[:1]:
        for index, doc in enumerate(read_dataturks(found)):
            yield f"dataturks/{index}", doc.content.encode("utf-8")


def _group(label: str) -> str:
    return label.split("/", maxsplit=1)[0]


def refusal(resume: Resume, label: str) -> str | None:
    """Which of the analyzer's checks refuses the document: "too_few_words" (the older
    check), "not_resume_shaped" (no structure, or one line repeated), "words_run_together"
    (its spaces lost), or None."""
    try:
        check_is_resume(resume, label)
    except NotAResumeError:
        return "too_few_words" if resume_words(resume) < MIN_WORDS else "not_resume_shaped"
    except WordsRunTogetherError:
        return "words_run_together"  # text whose spaces were lost: refused with a way out
    return None


def evaluate_facts(corpus: Path, per_category: int) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    refused: list[str] = []
    unnamed: list[str] = []
    for label, source in corpus_resumes(corpus, per_category):
        group = _group(label)
        try:
            resume = parse_resume(source, filename=label if isinstance(source, Path) else "x.txt")
        except DocumentError:
            counts[f"{group}:unreadable"] += 1
            continue
        counts[f"{group}:parsed"] += 1
        if (why := refusal(resume, label)) is not None:
            counts[f"{group}:refused:{why}"] += 1
            refused.append(f"{label} ({why})")
        counts[f"{group}:named"] += resume.contact.name is not None
        if resume.contact.name is None and group != "dataturks":
            unnamed.append(label)
    return {"counts": dict(sorted(counts.items())), "refused": refused, "unnamed": unnamed}


@click.command()
@click.option("--corpus", type=click.Path(path_type=Path), default=Path("../shared/corpus"))
@click.option("--per-category", type=click.IntRange(min=0), default=10, show_default=True)
def main(corpus: Path, per_category: int) -> None:
    """Not-a-resume refusals and names found on the corpus's resumes (counts, file names)."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    click.echo(json.dumps(evaluate_facts(corpus, per_category), indent=2))


if __name__ == "__main__":
    main()
