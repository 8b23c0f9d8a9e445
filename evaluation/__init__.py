"""Measure the parser on the development corpus: failures, sections, contacts, layouts.

    python -m evaluation --corpus ../shared/corpus [--json report.json]

A development tool beside the package, run from the repository root (`make eval`); it is not
shipped in the wheel and nothing in resume_analyzer/ or web/ imports it.

The corpus holds real people's resumes. This module never prints or writes their text, names
or contact details: only counts, ratios, section kinds, error codes and file names.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

import click

from evaluation.contacts import (
    LabeledContact,
    Pair,
    evaluate_contacts,
    labeled_contact,
    score_emails,
    score_names,
    score_phones,
)
from evaluation.files import (
    FileResult,
    attempt_parse,
    category_kinds,
    collect_targets,
    evaluate_file,
    failure_stats,
    section_stats,
)
from evaluation.layouts import compare_layouts, evaluate_layouts, layout_signature
from evaluation.metrics import (
    DATATURKS_GLOB,
    GROUPS,
    LAYOUT_FILE,
    LAYOUTS,
    LIVECAREER,
    looks_like_email,
    looks_like_phone,
    multiset_jaccard,
    normalize_bullet,
    percentile,
    rate,
    timing_stats,
    token_overlap,
)
from evaluation.render import render_report

__all__ = [
    "DATATURKS_GLOB",
    "LAYOUTS",
    "LAYOUT_FILE",
    "LIVECAREER",
    "FileResult",
    "LabeledContact",
    "Pair",
    "attempt_parse",
    "compare_layouts",
    "corpus_option",
    "emit",
    "evaluate_corpus",
    "failure_stats",
    "json_option",
    "labeled_contact",
    "layout_signature",
    "looks_like_email",
    "looks_like_phone",
    "main",
    "multiset_jaccard",
    "normalize_bullet",
    "percentile",
    "rate",
    "run_report",
    "score_emails",
    "score_names",
    "score_phones",
    "section_stats",
    "timing_stats",
    "token_overlap",
]

# --- The whole report -----------------------------------------------------------------------


def evaluate_corpus(
    corpus: Path, livecareer_limit: int, progress: Callable[[str], None] = lambda _: None
) -> dict[str, Any]:
    targets = collect_targets(corpus, livecareer_limit)
    progress(f"parsing {len(targets)} files…")
    rows = [evaluate_file(t, corpus) for t in targets]
    groups = {g: [r for r in rows if r.group == g] for g in GROUPS}
    dataturks = sorted((corpus / "labeled").glob(DATATURKS_GLOB))
    progress("parsing DataTurks texts…" if dataturks else "DataTurks labels not found")
    layouts_present = all((corpus / LAYOUT_FILE.format(n)).is_file() for n in LAYOUTS)
    return {
        "corpus": str(corpus),
        "livecareer_limit": livecareer_limit,
        "failures": failure_stats(rows),
        "sections": {"all": section_stats(rows)}
        | {g: section_stats(group) for g, group in groups.items() if group},
        "livecareer_categories": category_kinds(rows),
        "contacts": evaluate_contacts(dataturks[0]) if dataturks else None,
        "layouts": evaluate_layouts(corpus) if layouts_present else None,
        "files": [asdict(r) for r in rows],
    }


# --- Command ------------------------------------------------------------------------------------


# Options every evaluation command shares (this one, evaluation.skills, evaluation.scoring).
corpus_option = click.option(
    "--corpus",
    type=click.Path(path_type=Path),
    default=Path("../shared/corpus"),
    show_default=True,
    help="The development corpus folder.",
)


F = TypeVar("F", bound=Callable[..., Any])


def run_report(
    corpus: Path,
    json_path: Path | None,
    evaluate: Callable[[Path], dict[str, Any]],
    render: Callable[[dict[str, Any]], list[str]],
) -> None:
    """What an evaluation command does: evaluate the corpus, print the report's lines, and
    write the whole report as JSON when asked."""
    if not corpus.is_dir():
        click.echo(f"{corpus}: corpus not found, nothing evaluated.")
        return
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    report = evaluate(corpus)
    for line in render(report):
        click.echo(line)
    if json_path is not None:
        json_path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def json_option(what: str) -> Callable[[F], F]:
    return click.option(
        "--json",
        "json_path",
        type=click.Path(dir_okay=False, path_type=Path),
        help=f"Also write {what} to this JSON file.",
    )


def emit(lines: Iterable[str], report: dict[str, Any], json_path: Path | None) -> None:
    """Print a command's report, and write its figures to `--json FILE` when given."""
    for line in lines:
        click.echo(line)
    if json_path is not None:
        json_path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        click.echo(f"Wrote {json_path}", err=True)


@click.command()
@corpus_option
@json_option("the full report, with the per-file table,")
@click.option(
    "--limit-livecareer",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    help="How many livecareer PDFs to parse per category (first by name).",
)
def main(corpus: Path, json_path: Path | None, limit_livecareer: int) -> None:
    """Report parse failures, sections, contact accuracy and layout consistency on the corpus."""
    if not corpus.is_dir():
        click.echo(f"{corpus}: corpus not found, nothing evaluated.")
        return
    # pdfminer logs font and colour-space complaints per page; they drown the report.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    report = evaluate_corpus(corpus, limit_livecareer, lambda m: click.echo(m, err=True))
    emit(render_report(report), report, json_path)
