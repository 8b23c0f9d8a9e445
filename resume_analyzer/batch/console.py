"""The batch command's terminal side: where the output goes, the progress bar, the summary."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from resume_analyzer.batch.inputs import count_inputs
from resume_analyzer.batch.rows import Row, failed
from resume_analyzer.batch.session import FORMATS, Progress, Summary

DEFAULT_OUTPUT = "batch-results"


def resolve_output(output: Path | None, output_format: str | None) -> tuple[Path, str]:
    """--format wins; else the output's extension; else JSONL in batch-results.jsonl."""
    if output_format is None:
        suffix = output.suffix.lower().lstrip(".") if output is not None else ""
        output_format = suffix if suffix in FORMATS else "jsonl"
    return output or Path(f"{DEFAULT_OUTPUT}.{output_format}"), output_format


@contextmanager
def progress_bar(
    paths: Sequence[Path], *, enabled: bool, exclude: Sequence[Path] = ()
) -> Iterator[Progress]:
    """A tqdm bar on stderr (rate, ETA, failures so far); a no-op when not `enabled`.
    `exclude`: the batch's own files, which are not inputs (`session.own_files`)."""
    if not enabled:
        yield lambda _row: None
        return
    tqdm: Any = importlib.import_module("tqdm").tqdm  # no type stubs installed

    failures = 0
    with tqdm(
        total=count_inputs(paths, exclude=exclude),
        unit="resume",
        desc="Scoring",
        file=sys.stderr,
        smoothing=0.1,
    ) as bar:
        bar.set_postfix(failed=0)

        def advance(row: Row | None) -> None:
            nonlocal failures
            if row is not None and failed(row):
                failures += 1
                bar.set_postfix(failed=failures, refresh=False)
            bar.update(1)

        yield advance


def summary_line(summary: Summary) -> str:
    """One line for stderr: what was done and where it went."""
    if summary.rows == 0:
        return f"No files found to score; {summary.output} lists no inputs."
    parts = [f"{summary.scored_now} scored now"]
    if summary.skipped:
        parts.append(f"{summary.skipped} already in the output")
    text = (
        f"{summary.rows} inputs ({', '.join(parts)}); {summary.failed} could not be scored. "
        f"Results: {summary.output}"
    )
    if summary.report is not None:
        text += f"; report: {summary.report}"
    return text
