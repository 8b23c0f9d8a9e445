"""Format invariance: the same content in two formats should get the same score.

    python -m evaluation.invariance --corpus ../shared/corpus [--json FILE] [--no-model]

Two kinds of pairs over the corpus:
- `pdf/text`: every PDF of resumes/{pdf,pm,near,linkedin} against the plain text pdfplumber
  extracts from it (what an applicant gets by copying the PDF into a text box), read as text;
- `docx/pdf`: every DOCX of resumes/docx against a PDF of it. There is no LibreOffice here, so
  the PDF is a reportlab rendering of python-docx's paragraphs (evaluation/docx_pdf.py), not
  the one Word or LibreOffice would print: a difference can also be the renderer's.

For each pair over the margin it names the sub-score (a part of the total, in points) that
differs most, and what the two parses disagree on (section kinds, judged bullets, entries,
contact fields, pages, warnings), so a cause is visible without any resume text. Only counts,
scores, sub-score names, section kinds, field names and file names are printed or written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import click

from evaluation import corpus_option, emit, json_option
from evaluation.docx_pdf import docx_to_pdf
from evaluation.pairs import CLOSE, NEAR, Profile, analyse, compare, pdf_text, summarize
from resume_analyzer.settings import AnalysisSettings

PDF_GROUPS = ("pdf", "pm", "near", "linkedin")
RENDERING_NOTE = (
    "docx/pdf: the PDF is a reportlab rendering of python-docx's paragraphs, not LibreOffice's"
)


# --- The corpus pairs -----------------------------------------------------------------------


def _files(folder: Path, suffix: str) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == suffix)


def pdf_text_pairs(corpus: Path, settings: AnalysisSettings) -> Iterable[dict[str, Any]]:
    for group in PDF_GROUPS:
        for path in _files(corpus / "resumes" / group, ".pdf"):
            data = path.read_bytes()
            first = analyse(data, path.name, settings)
            try:
                text = pdf_text(data)
            except Exception as exc:  # an unreadable PDF: its own analysis says why
                second = Profile(f"extract_failed:{type(exc).__name__}")
            else:
                second = analyse(text.encode("utf-8"), f"{path.stem}.txt", settings)
            yield compare("pdf/text", path.relative_to(corpus).as_posix(), first, second)


def docx_pdf_pairs(corpus: Path, settings: AnalysisSettings) -> Iterable[dict[str, Any]]:
    for path in _files(corpus / "resumes" / "docx", ".docx"):
        data = path.read_bytes()
        first = analyse(data, path.name, settings)
        try:
            rendered = docx_to_pdf(data)
        except Exception as exc:  # the renderer's failure, not the parser's
            second = Profile(f"render_failed:{type(exc).__name__}")
        else:
            second = analyse(rendered, f"{path.stem}.pdf", settings)
        yield compare("docx/pdf", path.relative_to(corpus).as_posix(), first, second)


def evaluate(
    corpus: Path, settings: AnalysisSettings, progress: Callable[[str], None] = lambda _: None
) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    for pairs in (pdf_text_pairs, docx_pdf_pairs):
        for row in pairs(corpus, settings):
            progress(f"{row['kind']} {row['file']}")
            rows.append(row)
    return {
        "corpus": str(corpus),
        "use_model": settings.use_model,
        "note": RENDERING_NOTE,
        "summary": summarize(rows),
        "pairs": rows,
    }


# --- Report -------------------------------------------------------------------------------------


def render(report: dict[str, Any]) -> Iterable[str]:
    yield f"Corpus {report['corpus']}; model {'on' if report['use_model'] else 'off'}"
    yield f"  {report['note']}"
    for kind, s in report["summary"].items():
        worst = s["worst"]
        failed = ", ".join(f"{k} {n}" for k, n in s["not_scored"].items()) or "none"
        yield f"\n== {kind}: {s['pairs']} pairs scored (not scored: {failed})"
        yield (
            f"  within {NEAR:g} points {s['within_5']}/{s['pairs']}, within {CLOSE:g} "
            f"{s['within_2']}/{s['pairs']}, median |diff| {s['median_abs_diff']}, worst "
            + (f"{worst['abs_diff']:.1f} ({Path(worst['file']).name})" if worst else "-")
        )
        for margin in ("5", "2"):
            over = s[f"over_{margin}"]
            if over["pairs"]:
                yield (
                    f"  {over['pairs']} pairs over {margin} points; largest sub-score difference: "
                    + _counts(over["largest_part"])
                )
                yield "    parses differ in: " + (_counts(over["differences"]) or "-")
    yield "\n== Pairs over 5 points (second format minus first: sub-scores, then the parses)"
    for row in report["pairs"]:
        if row["diff"] is not None and abs(row["diff"]) > NEAR:
            yield from _pair_lines(row)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {n}" for k, n in counts.items())


def _pair_lines(row: dict[str, Any]) -> Iterable[str]:
    first, second = row["first"], row["second"]
    parts = ", ".join(f"{k} {v:+.1f}" for k, v in row["part_diffs"].items())
    yield (
        f"  {row['kind']} {Path(row['file']).name}: {first['score']:.1f} -> "
        f"{second['score']:.1f} ({row['diff']:+.1f}); largest {row['largest_part']} "
        f"{row['largest_part_diff']:+.1f}; {parts}"
    )
    kinds = [" ".join(k) or "-" for k in row["section_kinds"]]
    yield (
        f"    sections [{kinds[0]}] vs [{kinds[1]}]; bullets {row['bullets'][0]} vs "
        f"{row['bullets'][1]}; entries {row['entries'][0]} vs {row['entries'][1]}; pages "
        f"{first['pages']} vs {second['pages']}; " + ("; ".join(row["differences"]) or "-")
    )


@click.command()
@corpus_option
@json_option("every pair (profiles and differences, no text)")
@click.option("--no-model", is_flag=True, help="Rules only, without the learned area model.")
@click.option("--verbose", is_flag=True, help="Name each pair on stderr as it is scored.")
def main(corpus: Path, json_path: Path | None, no_model: bool, verbose: bool) -> None:
    """How far apart a PDF and its text, and a DOCX and a PDF of it, score on the corpus."""
    if not (corpus / "resumes").is_dir():
        click.echo(f"{corpus}: corpus not found, nothing evaluated.")
        return
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    settings = AnalysisSettings(use_model=not no_model)
    say: Callable[[str], None] = (
        (lambda m: click.echo(m, err=True)) if verbose else (lambda _: None)
    )
    report = evaluate(corpus, settings, say)
    emit(render(report), report, json_path)


if __name__ == "__main__":
    main()
