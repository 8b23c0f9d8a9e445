"""One row per input: the batch's JSONL/JSON shape and its flat CSV columns.

JSONL/JSON row: `{"file", "sha256", "name", "score", "components": {id: score},
"competencies": {id: score}, "levels": {id: level}, "top_fixes": [{code, message, line}, …3],
"error": null | {"code", "message"}}`. A failed input has `score` null, empty mappings and its
`error`. Scores are rounded as in the analyze JSON (`score` whole, the others to 0.1), so a row
is the same bytes whichever machine scored it.

CSV columns (`row_fields()`; `ROW_FIELDS` for the built-in taxonomy): file, sha256, score, the
component scores (competencies, impact, presentation, job_match), one column per competency id
in the taxonomy's order, fix_1..fix_3, error_code, error_message.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from resume_analyzer.errors import DocumentError, ResumeAnalyzerError

if TYPE_CHECKING:
    from resume_analyzer.analyzer import Analyzer
    from resume_analyzer.scoring.result import Analysis

Row = dict[str, Any]

COMPONENT_IDS = ("competencies", "impact", "presentation", "job_match")
TOP_FIXES = 3
_HEAD = ("file", "sha256", "score", *COMPONENT_IDS)
_TAIL = (*(f"fix_{n}" for n in range(1, TOP_FIXES + 1)), "error_code", "error_message")
# Keys a worker may add for the per-student report; they never reach the journal.
REPORT_KEYS = ("report_markdown", "report_html", "report_json")
INTERNAL_ERROR = "internal_error"


def row_from_analysis(name: str, sha256: str, analysis: Analysis) -> Row:
    """The row of a scored input."""
    return {
        "file": name,
        "sha256": sha256,
        "name": analysis.resume.contact.name,
        "score": round(analysis.score),
        "components": {c.id: round(c.score, 1) for c in analysis.components},
        "competencies": {c.id: round(c.score, 1) for c in analysis.competencies},
        "levels": {c.id: c.level for c in analysis.competencies},
        "top_fixes": [
            {"code": item.code, "message": item.message, "line": item.location.line}
            for item in analysis.top_fixes[:TOP_FIXES]
        ],
        "error": None,
    }


def score_row(
    analyzer: Analyzer,
    name: str,
    data: bytes,
    *,
    job_text: str | None = None,
    want_report: bool = False,
) -> Row:
    """Score one input into its row, with the one error rule every door follows.

    A problem of this file (`DocumentError`) or an unexpected exception becomes its error row
    (the latter as `internal_error`, by its type only: its text may quote the resume). Any
    other `ResumeAnalyzerError` is a setup problem that every file would meet (taxonomy,
    spaCy model) and is raised, to stop the batch with one message. With `want_report` the
    row also carries `report_markdown`, `report_html` and `report_json` (the analyze JSON),
    which the journal drops.
    """
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        analysis = analyzer.analyze(data, job_description=job_text, filename=name)
        row = row_from_analysis(name, sha256, analysis)
        if want_report:
            from resume_analyzer.batch.report import student_html
            from resume_analyzer.report import to_markdown

            row["report_markdown"] = to_markdown(analysis)
            row["report_html"] = student_html(analysis, name)
            row["report_json"] = analysis.to_dict()
    except DocumentError as error:
        return error_row(name, sha256, error)
    except ResumeAnalyzerError:
        raise
    except Exception as error:
        return error_row(name, sha256, error)
    return row


class Failure(Protocol):
    """What an error row needs: a `ResumeAnalyzerError`, an `InputError`, …"""

    @property
    def code(self) -> str: ...

    @property
    def message(self) -> str: ...


def error_row(name: str, sha256: str | None, error: Failure | BaseException) -> Row:
    """The row of an input that could not be scored; the batch goes on.

    `error`: a `ResumeAnalyzerError` or an `InputError` (their code and message), or any other
    exception, which is reported as `internal_error` without its text (it may quote the resume).
    """
    code, message = getattr(error, "code", None), getattr(error, "message", None)
    if not isinstance(code, str) or not isinstance(message, str):
        code, message = INTERNAL_ERROR, _internal_message(error)
    return {
        "file": name,
        "sha256": sha256,
        "name": None,
        "score": None,
        "components": {},
        "competencies": {},
        "levels": {},
        "top_fixes": [],
        "error": {"code": code, "message": message},
    }


def _internal_message(error: object) -> str:
    return (
        f"An unexpected error ({type(error).__name__}) stopped the analysis of this file; the "
        "rest of the batch was scored. Please report it with the file."
    )


def row_key(row: Row) -> str:
    """A row's content key: its content hash, else (never read) its name."""
    sha = row.get("sha256")
    return str(sha) if sha else f"file:{row.get('file')}"


def row_ident(row: Row) -> tuple[str, str]:
    """What `--resume` matches an input on: its path and its content. Two files with the same
    bytes are two inputs and get two rows; an edited file is scored again."""
    return str(row.get("file")), row_key(row)


def failed(row: Row) -> bool:
    return row.get("error") is not None


def competency_ids(rows: Iterable[Row]) -> list[str]:
    """Competency ids in the order the rows list them (the taxonomy's order)."""
    ids: dict[str, None] = {}
    for row in rows:
        ids.update(dict.fromkeys(row.get("competencies") or {}))
    return list(ids)


def row_fields(competencies: Sequence[str] | None = None) -> list[str]:
    """The CSV header: fixed columns around one column per competency id (by default, the
    built-in taxonomy's)."""
    ids = _builtin_ids() if competencies is None else competencies
    return [*_HEAD, *ids, *_TAIL]


def __getattr__(name: str) -> tuple[str, ...]:
    # ROW_FIELDS is read from the built-in taxonomy on first use, not at import.
    if name == "ROW_FIELDS":
        return tuple(row_fields())
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _builtin_ids() -> list[str]:
    from resume_analyzer.taxonomy import load_taxonomy

    return [area.id for area in load_taxonomy().areas]


def flatten(row: Row, competencies: Sequence[str] | None = None) -> dict[str, object]:
    """A row as CSV cells (missing scores are empty cells); by default the row's own
    competency columns."""
    components = row.get("components") or {}
    scores = row.get("competencies") or {}
    ids = list(scores) if competencies is None else competencies
    fixes = row.get("top_fixes") or []
    error = row.get("error") or {}
    cells: dict[str, object] = {
        "file": row["file"],
        "sha256": row.get("sha256") or "",
        "score": _cell(row.get("score")),
    }
    cells.update({cid: _cell(components.get(cid)) for cid in COMPONENT_IDS})
    cells.update({cid: _cell(scores.get(cid)) for cid in ids})
    for n in range(TOP_FIXES):
        cells[f"fix_{n + 1}"] = _fix_text(fixes[n]) if n < len(fixes) else ""
    cells["error_code"] = error.get("code", "")
    cells["error_message"] = error.get("message", "")
    return cells


def _fix_text(fix: dict[str, Any]) -> str:
    line = fix.get("line")
    return f"{fix['message']} (line {line})" if line else str(fix["message"])


def _cell(value: object) -> object:
    return "" if value is None else value
