"""The batch's outputs: a JSONL journal written as it goes, and the files derived from it.

Every row is appended to the journal as one line, flushed and fsynced before the next input
is counted as done, so a run killed at any moment (even SIGKILL, even a power cut once the
line has reached the disk) loses only the inputs in flight. `--resume` reads the journal
back: a last line cut short by the kill is dropped (and cut from the file, so the next append
starts on a clean line); any other line that is not a row is an error, because it means the
file is not a journal this command wrote.

At the end, CSV and JSON are derived from the journal, sorted by file name; with
`--format jsonl` the journal itself is rewritten sorted (atomically, through a temporary
file and a rename, so a kill at that moment leaves the old journal intact).
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from resume_analyzer.batch.rows import (
    REPORT_KEYS,
    Row,
    competency_ids,
    flatten,
    row_fields,
    row_ident,
    row_key,
)
from resume_analyzer.errors import ResumeAnalyzerError

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


class JournalError(ResumeAnalyzerError):
    """The output file exists but is not a batch journal; nothing was overwritten."""

    code = "invalid_journal"


class Journal:
    """An append-only JSONL file of rows. Use as a context manager."""

    def __init__(self, path: Path, *, resume: bool) -> None:
        self.path = path
        self.rows: list[Row] = read_journal(path, repair=True) if resume else []
        self.keys = {row_ident(row) for row in self.rows}
        path.parent.mkdir(parents=True, exist_ok=True)
        self._handle: IO[str] = path.open("a" if resume else "w", encoding="utf-8")

    def append(self, row: Row) -> None:
        """Write one row durably. Report text the worker attached is left out."""
        clean = {key: value for key, value in row.items() if key not in REPORT_KEYS}
        self._handle.write(dumps(clean) + "\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self.rows.append(clean)
        self.keys.add(row_ident(clean))

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def dumps(row: Row) -> str:
    return json.dumps(row, ensure_ascii=False, sort_keys=False, separators=(",", ":"))


def read_journal(path: Path, *, repair: bool = False) -> list[Row]:
    """The rows of a journal; [] when it does not exist.

    A last line without its newline that is not valid JSON was cut by a kill: it is dropped,
    and with `repair` cut from the file too. Raises JournalError for any other bad line.
    """
    if not path.exists():
        return []
    raw = path.read_bytes()
    rows: list[Row] = []
    offset = 0
    lines = [line + b"\n" for line in raw.split(b"\n")]
    lines[-1] = lines[-1][:-1]  # what follows the last newline: b"" or a line cut short
    for number, line in enumerate(filter(None, lines), 1):
        complete = line.endswith(b"\n")
        try:
            row = json.loads(line)
        except ValueError:
            row = None
        if not isinstance(row, dict) or "file" not in row:
            if complete or offset + len(line) != len(raw):
                raise JournalError(
                    f"{path} line {number} is not a batch row, so the file is not a journal "
                    "this command wrote. Pass another --output, or delete the file."
                )
            if repair:
                os.truncate(path, offset)  # the row cut short by the kill
            break
        rows.append(row)
        offset += len(line)
        if not complete and repair:
            with path.open("ab") as handle:  # a whole row that lost only its newline
                handle.write(b"\n")
    return dedupe(rows)


def dedupe(rows: Iterable[Row]) -> list[Row]:
    """The first row for each (file, key): a journal never lists an input twice."""
    seen: set[tuple[str, str]] = set()
    unique = []
    for row in rows:
        ident = (str(row["file"]), row_key(row))
        if ident not in seen:
            seen.add(ident)
            unique.append(row)
    return unique


def sorted_rows(rows: Iterable[Row]) -> list[Row]:
    return sorted(dedupe(rows), key=lambda row: (str(row["file"]), row_key(row)))


def to_csv(
    rows: Sequence[Row], competencies: Sequence[str] | None = None, *, sort: bool = True
) -> str:
    """The CSV text: sorted by file (the journal's completion order is not meaningful), or
    in the given order (`sort=False`: a coach batch's upload order)."""
    ids = list(competencies) if competencies is not None else competency_ids(rows)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=row_fields(ids), lineterminator="\n")
    writer.writeheader()
    for row in sorted_rows(rows) if sort else dedupe(rows):
        writer.writerow(_safe_cells(flatten(row, ids)))
    return buffer.getvalue()


def to_json(rows: Sequence[Row]) -> str:
    return json.dumps(sorted_rows(rows), ensure_ascii=False, indent=2) + "\n"


def to_jsonl(rows: Sequence[Row]) -> str:
    return "".join(dumps(row) + "\n" for row in sorted_rows(rows))


def write_outputs(rows: Sequence[Row], output: Path, output_format: str) -> None:
    """Write the final `output` in its format (the journal's rows, sorted by file name)."""
    render = {"csv": to_csv, "json": to_json, "jsonl": to_jsonl}[output_format]
    write_atomic(output, render(rows))


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` in one step: readers see the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def journal_path(output: Path, output_format: str) -> Path:
    """Where rows are journaled: the output itself for JSONL, else `<output>.jsonl` beside it."""
    return output if output_format == "jsonl" else output.with_name(output.name + ".jsonl")


def safe_cell(value: object) -> object:
    """Keep spreadsheet apps from running resume-derived text as a formula (CSV injection)."""
    return "'" + value if isinstance(value, str) and value[:1] in _FORMULA else value


def _safe_cells(cells: dict[str, Any]) -> dict[str, Any]:
    return {key: safe_cell(value) for key, value in cells.items()}
