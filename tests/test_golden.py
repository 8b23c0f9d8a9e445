"""Whole resumes against stored golden JSON (`tests/golden/<name>.json`).

The golden files hold what a careful reader would call the correct parse, not whatever the
parser printed: after `UPDATE_GOLDEN=1 pytest tests/test_golden.py` rewrites them from the
parser's output, read every changed line before committing. Where the parser was wrong when
the files were written, they were corrected by hand:

- one_column_pdf: Education entry's title is "B.S. Computer Science" (the line under the
  school), leaving "GPA: 3.8/4.0" as its only bullet; the two Skills lines are two bullets.
- two_column_pdf: the three Skills lines are three bullets; "GPA: 3.8/4.0" is a bullet of the
  Education entry, not swallowed into its header.
- markdown: the unlabelled summary keeps its wrapped second line.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import builders as b
import pytest

from resume_analyzer.parsing import parse_resume

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(
    ("name", "make", "filename"),
    [
        pytest.param("one_column_pdf", b.one_column_pdf, "resume.pdf", id="one-column-pdf"),
        pytest.param("two_column_pdf", b.two_column_pdf, "resume.pdf", id="two-column-pdf"),
        pytest.param("markdown", b.MARKDOWN_RESUME.encode, "resume.md", id="markdown"),
    ],
)
def test_matches_golden(name: str, make: Callable[[], bytes], filename: str) -> None:
    actual = parse_resume(make(), filename=filename).to_dict()
    path = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", "utf-8")
    expected = json.loads(path.read_text("utf-8"))
    _assert_same(actual, expected)


def _assert_same(actual: dict[str, Any], expected: dict[str, Any]) -> None:
    """Compare piece by piece, so a failure names the section that differs."""
    assert actual["contact"] == expected["contact"]
    assert [s["kind"] for s in actual["sections"]] == [s["kind"] for s in expected["sections"]]
    for got, want in zip(actual["sections"], expected["sections"], strict=True):
        assert got["entries"] == want["entries"], f"entries of {want['kind']}"
        assert [bl["text"] for bl in got["bullets"]] == [bl["text"] for bl in want["bullets"]], (
            f"bullet texts of {want['kind']}"
        )
        assert got == want, f"section {want['kind']}"
    assert actual == expected
