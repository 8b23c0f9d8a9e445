"""Issue 12's evaluation: its pure parts on tiny made-up inputs (no corpus here).

AUC and its bootstrap interval, the weakening transform, the strip chart, one file per
person, and the group mapping. Every line, name and address below is invented in the test.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from click.testing import CliRunner

from evaluation.bootstrap import auc_interval, auc_intervals
from evaluation.chart import strip_chart
from evaluation.cohorts import (
    CSV_FAR,
    FAR,
    LIVECAREER_GROUPS,
    NEAR,
    Item,
    Row,
    content_score,
    dedupe,
    person_keys,
)
from evaluation.scoring import RELATED
from evaluation.validity import main
from evaluation.weakening import PREFIX, strip_numbers, weaken, weaken_text
from resume_analyzer.document import Contact, Resume
from resume_analyzer.scoring.result import Component

SVG = "{http://www.w3.org/2000/svg}"

# --- AUC and its interval -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("positives", "negatives", "expected"),
    [
        ([3, 4], [1, 2], 1.0),
        ([1, 2], [3, 4], 0.0),
        ([1], [1], 0.5),
        ([1, 3], [2], 0.5),
        ([2, 3, 4], [1, 2.5], 5 / 6),
    ],
)
def test_auc_on_known_inputs(
    positives: list[float], negatives: list[float], expected: float
) -> None:
    found = auc_interval(positives, negatives, resamples=200)
    assert found is not None
    assert found.auc == pytest.approx(expected, abs=1e-3)


def test_perfect_separation_has_a_degenerate_interval() -> None:
    found = auc_interval([5, 6, 7], [1, 2, 3, 4], resamples=300)
    assert found is not None
    assert (found.auc, found.low, found.high) == (1.0, 1.0, 1.0)


def test_interval_holds_the_estimate_and_is_the_same_for_a_seed() -> None:
    positives = [0.9, 0.4, 0.8, 0.7, 0.55, 0.62, 0.3, 0.95]
    negatives = [0.1, 0.5, 0.35, 0.6, 0.2, 0.45, 0.72, 0.05, 0.3]
    first = auc_interval(positives, negatives, seed=7)
    again = auc_interval(positives, negatives, seed=7)
    other = auc_interval(positives, negatives, seed=8)
    assert first is not None and other is not None
    assert first.low <= first.auc <= first.high
    assert first.low < first.high
    assert first == again
    assert (other.low, other.high) != (first.low, first.high)
    assert first.auc == other.auc  # the estimate does not depend on the draws


def test_features_of_one_contrast_share_the_draws() -> None:
    positives = {"a": [0.9, 0.4, 0.8, 0.7], "b": [0.9, 0.4, 0.8, 0.7]}
    negatives = {"a": [0.1, 0.5, 0.6, 0.2], "b": [0.1, 0.5, 0.6, 0.2]}
    found = auc_intervals(positives, negatives, resamples=500)
    assert found["a"] == found["b"]


def test_an_empty_side_has_no_auc() -> None:
    assert auc_interval([], [1.0, 2.0]) is None
    assert auc_interval([1.0], []) is None


# --- The weakening transform ----------------------------------------------------------------------

MADE_UP = "Grew weekly sign-ups by 35% to 12,400 in Q3 2023, saving $1.2M across 4 teams (3x)"


def test_weaken_keeps_no_digit_and_starts_with_responsible_for() -> None:
    weakened = weaken(MADE_UP)
    assert weakened.startswith("Responsible for grew weekly sign-ups")
    assert not re.search(r"\d", weakened)
    assert "%" not in weakened and "$" not in weakened and "()" not in weakened


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Launched a pricing page", "Responsible for launched a pricing page"),
        ("SQL dashboards for 3 squads", "Responsible for SQL dashboards for squads"),
        (
            "40% fewer tickets after the redesign",
            "Responsible for fewer tickets after the redesign",
        ),
    ],
)
def test_weaken_lower_cases_the_first_letter_unless_an_acronym(line: str, expected: str) -> None:
    assert weaken(line) == expected


def test_strip_numbers_tidies_where_figures_stood() -> None:
    assert strip_numbers("Cut costs by $40k (20%), in 2 weeks.") == "Cut costs by, in weeks."


def test_weaken_text_replaces_lines_even_when_wrapped() -> None:
    text = "Experience\n• Led a team of 5 to ship a\n  mobile app in 8 weeks\n• Wrote specs\n"
    lines = ["Led a team of 5 to ship a mobile app in 8 weeks", "Wrote specs", "Not in the text"]
    weakened, found = weaken_text(text, lines)
    assert found == 2
    assert weakened.startswith("Experience\n• ")
    assert f"{PREFIX}led a team of to ship a mobile app in weeks\n" in weakened
    assert f"• {PREFIX}wrote specs\n" in weakened


# --- The chart ------------------------------------------------------------------------------------


def test_chart_is_well_formed_with_one_series_per_group() -> None:
    groups = {"pm": [70.0, 80.5, 91.0], "far & wide": [20.0, 35.0], "empty": []}
    svg = strip_chart(groups, title="Scores <by> group", labels={"pm": "PM/APM"})
    root = ET.fromstring(svg.split("\n", 1)[1])  # after the XML declaration
    assert root.tag == f"{SVG}svg"
    series = [g for g in root.iter(f"{SVG}g") if g.get("class") == "series"]
    assert [g.get("data-group") for g in series] == list(groups)
    assert [len(g.findall(f"{SVG}circle")) for g in series] == [3, 2, 0]
    assert [t.text for t in series[0].findall(f"{SVG}text")] == ["PM/APM", "n=3, mean 80.5"]


def test_chart_is_the_same_on_every_run() -> None:
    groups = {"a": [10.0, 50.0, 90.0], "b": [30.0]}
    assert strip_chart(groups, title="t") == strip_chart(groups, title="t")


# --- Groups and people ----------------------------------------------------------------------------


def test_every_livecareer_category_is_placed_once() -> None:
    assert set(RELATED) <= set(NEAR)
    assert not set(NEAR) & set(FAR)
    assert len(LIVECAREER_GROUPS) == len(NEAR) + len(FAR) == 24
    assert {"Business Analyst", "PMO", "Data Science"}.isdisjoint(CSV_FAR)


def _resume(name: str | None, email: str | None) -> Resume:
    return Resume(Contact(name=name, email=email), (), 1, "pdf")


def test_person_keys_use_names_only_where_names_are_real() -> None:
    resume = _resume("Quilla Marbleton", " Quilla@Example.org ")
    named, anonymous = person_keys(resume, True), person_keys(resume, False)
    assert [k.split(":")[0] for k in named] == ["email", "name"]
    assert [k.split(":")[0] for k in anonymous] == ["email"]
    assert person_keys(_resume("Quilla Marbleton", "quilla@example.org"), True) == named
    assert not any("quilla" in key for key in named)  # hashes, never the name itself
    assert person_keys(_resume("Summary", None), True) == ()  # one word is no person's name


def _row(group: str, digest: str, *keys: str) -> Row:
    return Row(Item(group, None), "ok", digest, keys, (("score", 50.0),))


def test_dedupe_keeps_one_file_per_person_pm_first() -> None:
    rows = [
        _row("far", "f1", "email:x"),
        _row("pm", "p2", "email:x", "name:y"),
        _row("pm", "p1", "name:y"),
        _row("corpus_other", "p1"),  # the same bytes as a pm file
        _row("near", "n1"),
    ]
    kept, dropped = dedupe(rows)
    assert [(r.group, r.digest) for r in kept] == [("pm", "p1"), ("near", "n1")]
    assert dropped == {"pm": 1, "corpus_other": 1, "far": 1}


def test_content_score_leaves_presentation_out() -> None:
    components = (
        Component("competencies", "c", 80.0, 0.5),
        Component("impact", "i", 40.0, 0.3),
        Component("presentation", "p", 100.0, 0.2),
    )
    analysis: Any = SimpleNamespace(components=components)
    assert content_score(analysis) == pytest.approx((80 * 0.5 + 40 * 0.3) / 0.8)


def test_command_on_missing_corpus_exits_0(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--corpus", str(tmp_path / "nowhere")])
    assert result.exit_code == 0
    assert "corpus not found, nothing evaluated" in result.output
