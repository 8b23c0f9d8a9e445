"""`python -m evaluation.shapes`: does a resume's pasted plain text read like its PDF?

    python -m evaluation.shapes --corpus ../shared/corpus [--json report.json]

For each corpus PDF in resumes/pdf, resumes/pm and resumes/near, pdfplumber's plain text
(`page.extract_text()`, what a person gets by copying the PDF) is parsed as a text resume and
compared with the PDF's own parse: the same set of section kinds, and the same number of
experience entries. Only counts and file names are printed, never text.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import click
import pdfplumber

from evaluation import corpus_option, json_option
from resume_analyzer.document import Resume
from resume_analyzer.errors import DocumentError
from resume_analyzer.parsing import parse_resume

FOLDERS = ("resumes/pdf", "resumes/pm", "resumes/near")


@dataclass(frozen=True)
class Pair:
    """One PDF beside its copied text: section kinds and experience entries of each."""

    file: str
    pdf_kinds: list[str]
    text_kinds: list[str]
    pdf_entries: int
    text_entries: int
    error: str | None = None

    @property
    def same_kinds(self) -> bool:
        return self.error is None and self.pdf_kinds == self.text_kinds

    @property
    def same_entries(self) -> bool:
        return self.error is None and self.pdf_entries == self.text_entries


def corpus_pdfs(corpus: Path) -> Iterator[Path]:
    for folder in FOLDERS:
        yield from sorted((corpus / folder).glob("*.pdf"))


def plain_text(path: Path) -> str:
    """The text a person copies out of the PDF: pdfplumber's, page after page."""
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def kinds(resume: Resume) -> list[str]:
    """The section kinds a resume has, each once, sorted."""
    return sorted({section.kind for section in resume.sections})


def experience_entries(resume: Resume) -> int:
    return sum(len(s.entries) for s in resume.sections if s.kind == "experience")


def compare(path: Path) -> Pair:
    try:
        pdf = parse_resume(path)
        text = parse_resume(plain_text(path).encode("utf-8"), filename=path.stem + ".txt")
    except DocumentError as error:
        return Pair(path.name, [], [], 0, 0, error.code)
    return Pair(
        path.name, kinds(pdf), kinds(text), experience_entries(pdf), experience_entries(text)
    )


def render(pairs: list[Pair]) -> list[str]:
    n = len(pairs)
    both = sum(p.same_kinds and p.same_entries for p in pairs)
    lines = [
        f"PDF vs its plain text, {n} corpus PDFs ({', '.join(FOLDERS)}):",
        f"  same section kinds:        {sum(p.same_kinds for p in pairs)}/{n}",
        f"  same experience entries:   {sum(p.same_entries for p in pairs)}/{n}",
        f"  both:                      {both}/{n}",
        f"  errors:                    {sum(p.error is not None for p in pairs)}",
        "Differences (file: kinds only in PDF / only in text; entries PDF → text):",
    ]
    for p in pairs:
        if p.error:
            lines.append(f"  {p.file}: error {p.error}")
        elif not (p.same_kinds and p.same_entries):
            only_pdf = sorted(set(p.pdf_kinds) - set(p.text_kinds))
            only_text = sorted(set(p.text_kinds) - set(p.pdf_kinds))
            lines.append(
                f"  {p.file}: {only_pdf} / {only_text}; entries {p.pdf_entries} → {p.text_entries}"
            )
    return lines


@click.command()
@corpus_option
@json_option("the per-file comparison")
def main(corpus: Path, json_path: Path | None) -> None:
    """Compare each corpus PDF's parse with the parse of its copied plain text."""
    if not corpus.is_dir():
        click.echo(f"{corpus}: corpus not found, nothing evaluated.")
        return
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pairs = [compare(path) for path in corpus_pdfs(corpus)]
    for line in render(pairs):
        click.echo(line)
    if json_path is not None:
        rows = [asdict(p) for p in pairs]
        json_path.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
