"""The coach's reports: one cohort page (HTML + CSV) and one report per student.

Every page is a single self-contained file: CSS in the page, charts as inline SVG drawn by the
template, no script, no font, no image or link to fetch, and a Content-Security-Policy that
forbids loading anything, so a coach can email a student their page as it is. All text that
comes from a resume (names, lines, file names) is escaped by Jinja's autoescape.

Files written under the report folder:
  index.html                the cohort: ranking, score distribution, competency gaps, failures
  ranking.csv               rank, file, name, score, component and competency scores, top fix
  score_distribution.csv    students per score band
  competency_gaps.csv       per competency: students missing, weak, solid, strong in it
  students/<stem>.html|.md  each student's report (stem: file name + a hash, never a path)
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any

from resume_analyzer.batch import charts
from resume_analyzer.batch.output import safe_cell, sorted_rows, write_atomic
from resume_analyzer.batch.rows import COMPONENT_IDS, Row, competency_ids, failed
from resume_analyzer.scoring.result import Analysis

STUDENTS = "students"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@cache
def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(
        loader=PackageLoader("resume_analyzer.batch", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _render(template: str, **context: Any) -> str:
    return str(_environment().get_template(template).render(**context))


def student_html(analysis: Analysis, file_name: str) -> str:
    """A student's own report: score, competencies, fixes with suggestions, every bullet."""
    return _render(
        "student.html",
        a=analysis,
        file_name=file_name,
        name=analysis.resume.contact.name or PurePosixPath(file_name).name,
        colours=charts.LEVEL_COLOURS,
    )


def student_stem(row: Row) -> str:
    """The student's report file name (no suffix): safe on every file system, and unique."""
    base = _UNSAFE.sub("-", PurePosixPath(str(row["file"])).stem).strip("-._")[:60] or "resume"
    digest = str(row.get("sha256") or hashlib.sha256(str(row["file"]).encode()).hexdigest())
    return f"{base}-{digest[:10]}"


def write_student_report(directory: Path, row: Row) -> None:
    """Write the report text a worker attached to `row` (when it scored the file)."""
    if "report_html" not in row:
        return
    folder = directory / STUDENTS
    folder.mkdir(parents=True, exist_ok=True)
    stem = student_stem(row)
    write_atomic(folder / f"{stem}.md", str(row["report_markdown"]))
    write_atomic(folder / f"{stem}.html", str(row["report_html"]))


def write_cohort_report(
    rows: Sequence[Row], directory: Path, names: Mapping[str, str] | None = None
) -> Path:
    """Write the cohort page and its CSV files; return the page's path."""
    names = dict(names or {})
    rows = sorted_rows(rows)
    ranked = charts.ranking(rows)
    bins = charts.distribution(rows)
    found = charts.gaps(rows, names)
    directory.mkdir(parents=True, exist_ok=True)
    write_atomic(directory / "ranking.csv", _ranking_csv(ranked, competency_ids(rows)))
    write_atomic(directory / "score_distribution.csv", _csv(["scores", "students"], bins))
    write_atomic(
        directory / "competency_gaps.csv",
        _csv(
            ["competency", "name", "missing", "weak", "solid", "strong", "missing_or_weak"],
            [
                (g.id, g.name, *(g.counts[level] for level in charts.LEVELS), g.missing_or_weak)
                for g in found
            ],
        ),
    )
    links = {
        row["file"]: f"{STUDENTS}/{student_stem(row)}.html"
        for row in rows
        if (directory / STUDENTS / f"{student_stem(row)}.html").exists()
    }
    scores = [int(row["score"]) for row in rows if not failed(row)]
    page = _render(
        "cohort.html",
        total=len(rows),
        scored=len(scores),
        failures=[row for row in rows if failed(row)],
        mean=sum(scores) / len(scores) if scores else None,
        median=_median(scores),
        ranked=ranked,
        bars=charts.histogram(bins),
        gaps=charts.gap_bars(found),
        levels=charts.LEVELS,
        colours=charts.LEVEL_COLOURS,
        names=names,
        components=COMPONENT_IDS,
        links=links,
    )
    path = directory / "index.html"
    write_atomic(path, page)
    return path


def _ranking_csv(ranked: Sequence[charts.Ranked], ids: Sequence[str]) -> str:
    header = ["rank", "file", "name", "score", *COMPONENT_IDS, *ids, "fix_1"]
    body = []
    for item in ranked:
        row = item.row
        components, scores = row.get("components") or {}, row.get("competencies") or {}
        fixes = row.get("top_fixes") or []
        body.append(
            (
                item.rank,
                row["file"],
                row.get("name") or "",
                row["score"],
                *(components.get(cid, "") for cid in COMPONENT_IDS),
                *(scores.get(cid, "") for cid in ids),
                fixes[0]["message"] if fixes else "",
            )
        )
    return _csv(header, body)


def _csv(header: Sequence[str], body: Sequence[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([safe_cell(cell) for cell in line] for line in body)
    return buffer.getvalue()


def _median(values: Sequence[int]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2
