"""Batch scoring: `analyze()` mapped over files, folders and zip archives.

inputs  -> BatchInput (name + bytes) or InputError, in a deterministic order
runner  -> rows as they complete, from worker processes or a Dask cluster
output  -> the JSONL journal (one fsynced line per row), CSV and JSON derived at the end
report  -> the cohort's HTML/CSV report and one report per student
"""

from __future__ import annotations

from resume_analyzer.batch.charts import Gap, gaps
from resume_analyzer.batch.inputs import BatchInput, InputError, collect_inputs
from resume_analyzer.batch.output import to_csv
from resume_analyzer.batch.rows import (
    Row,
    error_row,
    flatten,
    row_fields,
    row_from_analysis,
    score_row,
)
from resume_analyzer.batch.runner import run_batch
from resume_analyzer.batch.worker import ScoreTask, score_bytes

__all__ = [
    "BatchInput",
    "Gap",
    "InputError",
    "Row",
    "ScoreTask",
    "collect_inputs",
    "error_row",
    "flatten",
    "gaps",
    "row_fields",
    "row_from_analysis",
    "run_batch",
    "score_bytes",
    "score_row",
    "to_csv",
]
