"""A whole batch run, from paths to files: what `resume-analyzer batch` does, as a function.

inputs → run_batch → journal (a row at a time) → student reports as rows arrive → the final
CSV/JSON/JSONL and the cohort report at the end. Each row reaches the journal only after its
student report is on disk, so a resumed run never misses a report it skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from resume_analyzer.batch.inputs import collect_inputs
from resume_analyzer.batch.output import Journal, journal_path, write_outputs
from resume_analyzer.batch.report import write_cohort_report, write_student_report
from resume_analyzer.batch.rows import Row, failed
from resume_analyzer.batch.runner import run_batch
from resume_analyzer.batch.worker import make_task
from resume_analyzer.settings import DEFAULT_BUDGET, Budget

FORMATS = ("jsonl", "csv", "json")
# Called once per input: with its new row, or with None when `--resume` skipped it.
Progress = Callable[[Row | None], None]


@dataclass(frozen=True)
class Summary:
    """What a run left behind. `failed` counts every failed row in the output, old ones too."""

    output: Path
    journal: Path
    rows: int
    failed: int
    scored_now: int
    skipped: int
    report: Path | None

    @property
    def ok(self) -> bool:
        return self.failed == 0


def batch_files(
    paths: Sequence[Path],
    *,
    output: Path,
    output_format: str = "jsonl",
    workers: int = 1,
    scheduler: str | None = None,
    job_text: str | None = None,
    taxonomy_path: Path | None = None,
    use_model: bool = True,
    resume: bool = False,
    report_dir: Path | None = None,
    progress: Progress | None = None,
    budget: Budget | None = DEFAULT_BUDGET,
) -> Summary:
    """Score every input under `paths` into `output`; see the CLI's `batch --help`.

    Raises ResumeAnalyzerError for a problem that stops the whole batch (taxonomy, posting,
    model, an output that is not a journal); rows written before it stay in the journal.
    """
    if output_format not in FORMATS:
        raise ValueError(f"output_format must be one of {', '.join(FORMATS)}")
    task = make_task(
        job_text=job_text,
        taxonomy_path=taxonomy_path,
        use_model=use_model,
        want_report=report_dir is not None,
        budget=budget,
    )
    journal_file = journal_path(output, output_format)
    if report_dir is not None:
        report_dir.mkdir(parents=True, exist_ok=True)
    exclude = own_files(output, output_format, report_dir)
    skipped = 0

    def skip_one(_item: object) -> None:
        nonlocal skipped
        skipped += 1
        if progress is not None:
            progress(None)

    with Journal(journal_file, resume=resume) as journal:
        before = len(journal.rows)
        rows = run_batch(
            collect_inputs(paths, exclude=exclude),
            workers=workers,
            scheduler=scheduler,
            skip=set(journal.keys),
            task=task,
            on_skip=skip_one,
        )
        for row in rows:
            if report_dir is not None:
                write_student_report(report_dir, row)
            journal.append(row)
            if progress is not None:
                progress(row)
        all_rows = list(journal.rows)
    write_outputs(all_rows, output, output_format)
    report = None
    if report_dir is not None:
        report = write_cohort_report(all_rows, report_dir, competency_names(taxonomy_path))
    return Summary(
        output=output,
        journal=journal_file,
        rows=len(all_rows),
        failed=sum(1 for row in all_rows if failed(row)),
        scored_now=len(all_rows) - before,
        skipped=skipped,
        report=report,
    )


def own_files(output: Path, output_format: str, report_dir: Path | None) -> list[Path]:
    """The batch's own files, never inputs even when they sit in a folder being scored."""
    found = [output, journal_path(output, output_format)]
    return found + ([report_dir] if report_dir is not None else [])


def competency_names(taxonomy_path: Path | None) -> dict[str, str]:
    """Competency id → display name, for the cohort report."""
    from resume_analyzer.taxonomy import load_taxonomy

    return {area.id: area.name for area in load_taxonomy(taxonomy_path).areas}
