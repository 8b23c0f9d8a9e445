"""Skill specificity: the fitted table, how it scales a line's points, and how it is fitted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from resume_analyzer.models import artifact_path

from resume_analyzer import Analyzer
from resume_analyzer.errors import SpecificityError
from resume_analyzer.nlp.evidence import Evidence, LineEvidence
from resume_analyzer.nlp.impact import Impact
from resume_analyzer.nlp.metrics import Metric
from resume_analyzer.nlp.skills import Mention
from resume_analyzer.scoring.competencies import DEMONSTRATED, MEASURED, score_competencies
from resume_analyzer.scoring.specificity import FILENAME, FORMAT, NEUTRAL, Specificity
from resume_analyzer.settings import AnalysisSettings
from resume_analyzer.taxonomy import load_taxonomy
from training.specificity import CONTEXT_AREAS, FLOOR, fit

TAXONOMY = load_taxonomy()


def _mention(name: str, area: str) -> Mention:
    return Mention("skill", name.lower(), name, area, name.lower(), 0, len(name), "skill")


def _line(*mentions: Mention, measured: bool = False) -> LineEvidence:
    metrics = (Metric("percent", "12%", 0, 3),) if measured else ()
    impact = Impact(
        verb="Led", verb_lemma="lead", verb_tier="strong", verb_span=(0, 3), tense="past",
        metrics=metrics, outcome=measured, scope=False, words=12, findings=(),
    )  # fmt: skip
    return LineEvidence(0, 0, "experience", "a line", 1, 1, tuple(mentions), impact)


def _evidence_points(evidence: Evidence, table: Specificity, area: str) -> list[float]:
    found = {c.id: c for c in score_competencies(evidence, TAXONOMY, table)}
    return [line.points for line in found[area].evidence]


def test_a_less_specific_skill_earns_its_share_of_the_points() -> None:
    table = Specificity({"Teaching": 0.25}, frozenset())
    line = _line(_mention("Teaching", "communication_influence"))
    assert _evidence_points(Evidence((line,)), table, "communication_influence") == [
        pytest.approx(DEMONSTRATED * 0.25)
    ]
    assert _evidence_points(Evidence((line,)), NEUTRAL, "communication_influence") == [DEMONSTRATED]


def test_a_generic_area_takes_the_lines_most_specific_mention() -> None:
    table = Specificity({"Teaching": 0.25}, frozenset({"communication_influence"}))
    alone = _line(_mention("Teaching", "communication_influence"))
    with_roadmap = _line(
        _mention("Teaching", "communication_influence"), _mention("Roadmapping", "product_strategy")
    )
    assert _evidence_points(Evidence((alone,)), table, "communication_influence") == [
        pytest.approx(0.5)
    ]
    assert _evidence_points(Evidence((with_roadmap,)), table, "communication_influence") == [
        DEMONSTRATED
    ]


def test_a_context_area_line_with_no_product_skill_keeps_the_unflavoured_share() -> None:
    # "Presented lessons to parents" against "Presented the roadmap to leadership".
    areas = frozenset({"communication_influence", "cross_functional_execution"})
    table = Specificity({}, areas, unflavoured=0.3)
    alone = _line(_mention("Presentations", "communication_influence"))
    with_roadmap = _line(
        _mention("Presentations", "communication_influence"),
        _mention("Roadmapping", "product_strategy"),
    )
    # Another context area on the line is no product work either.
    with_teamwork = _line(
        _mention("Presentations", "communication_influence"),
        _mention("Cross-functional collaboration", "cross_functional_execution"),
    )
    # A domain term of a product area is product context too ("…a student marketplace").
    marketplace = Mention(
        "skill", "marketplace", "Two-sided marketplace", "product_strategy", "marketplace", 0, 11,
        "domain",
    )  # fmt: skip
    with_domain = _line(_mention("Presentations", "communication_influence"), marketplace)
    points = {
        name: _evidence_points(Evidence((line,)), table, "communication_influence")
        for name, line in (
            ("alone", alone),
            ("roadmap", with_roadmap),
            ("team", with_teamwork),
            ("domain", with_domain),
        )
    }
    assert points == {
        "alone": [pytest.approx(DEMONSTRATED * 0.3)],
        "roadmap": [DEMONSTRATED],
        "team": [pytest.approx(DEMONSTRATED * 0.3)],
        "domain": [DEMONSTRATED],
    }
    with pytest.raises(ValueError, match="unflavoured"):
        Specificity({}, areas, unflavoured=0.0)
    found = {c.id: c for c in score_competencies(Evidence((alone,)), TAXONOMY, table)}
    shown = found["communication_influence"]
    assert shown.evidence[0].to_dict()["product_context"] is False
    assert "no product work on the same line" in shown.advice


def test_a_measured_outcome_counts_in_full_for_ownership() -> None:
    table = Specificity({"Revenue growth": 0.2}, CONTEXT_AREAS)
    line = _line(_mention("Revenue growth", "impact_ownership"), measured=True)
    assert _evidence_points(Evidence((line,)), table, "impact_ownership") == [MEASURED]


def test_the_explanation_carries_the_share() -> None:
    table = Specificity({"Teaching": 0.25}, frozenset())
    line = _line(_mention("Teaching", "communication_influence"))
    found = {c.id: c for c in score_competencies(Evidence((line,)), TAXONOMY, table)}
    shown = found["communication_influence"].evidence[0].to_dict()
    assert shown["specificity"] == 0.25 and shown["points"] == 0.5


def test_weights_outside_zero_to_one_are_refused() -> None:
    with pytest.raises(ValueError, match="Teaching"):
        Specificity({"Teaching": 1.5})
    with pytest.raises(ValueError):
        Specificity({"Teaching": 0.0})


def test_a_broken_table_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "table.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(SpecificityError, match="make specificity"):
        Specificity.load(bad)
    bad.write_text(json.dumps({"format": "something else", "weights": {}}), encoding="utf-8")
    with pytest.raises(SpecificityError):
        Specificity.load(bad)
    analyzer = Analyzer(settings=AnalysisSettings(specificity_path=bad, budget=None))
    with pytest.raises(SpecificityError):
        analyzer.warm(parsers=False)


def test_a_table_round_trips(tmp_path: Path) -> None:
    table = Specificity(
        {"Teaching": 0.3, "Recruiting": 0.5}, frozenset({"impact_ownership"}), unflavoured=0.4
    )
    path = tmp_path / "table.json"
    path.write_text(json.dumps(table.to_dict(note="x")), encoding="utf-8")
    again = Specificity.load(path)
    assert dict(again.weights) == dict(table.weights)
    assert again.context_areas == table.context_areas
    assert again.unflavoured == table.unflavoured
    assert again.weight("Roadmapping") == 1.0


def test_the_shipped_table_is_current_with_the_taxonomy() -> None:
    data = json.loads(artifact_path(FILENAME).read_text(encoding="utf-8"))
    assert data["format"] == FORMAT
    table = Specificity.load(artifact_path(FILENAME))
    known = {skill.name for skill in TAXONOMY.skills}
    known |= {phrase for area in TAXONOMY.areas for phrase in area.evidence}
    assert table.weights, "the fitted table is empty"
    unknown = sorted(set(table.weights) - known)
    assert not unknown, f"names the taxonomy no longer has (run `make specificity`): {unknown}"
    assert all(FLOOR <= w < 1.0 for w in table.weights.values())
    assert table.context_areas <= {area.id for area in TAXONOMY.areas}
    # The card's figures are the cross-validated ones the fit stored.
    assert data["cross_validated"]["folds"] >= 5


def test_the_analyzer_scores_with_the_shipped_table() -> None:
    analyzer = Analyzer(settings=AnalysisSettings(budget=None))
    assert analyzer.specificity.weights == Specificity.load(artifact_path(FILENAME)).weights


# --- Fitting --------------------------------------------------------------------------------------


def test_a_skill_other_fields_show_far_more_often_is_floored() -> None:
    pm = [frozenset({"Roadmapping"})] * 20
    others = {f"c{i}": [frozenset({"Teaching"})] * 10 + [frozenset()] * 10 for i in range(5)}
    table = fit(pm, others)
    assert table.weight("Teaching") == FLOOR
    assert table.weight("Roadmapping") == 1.0


def test_a_skill_too_rare_to_judge_keeps_nearly_its_full_weight() -> None:
    pm = [frozenset()] * 20
    others = {"c0": [frozenset({"Patent"})] + [frozenset()] * 99, "c1": [frozenset()] * 100}
    assert fit(pm, others).weight("Patent") > 0.8  # expected 0.1 PM mentions: (0+.5)/(.1+.5)


def test_a_skill_shown_as_often_by_pms_counts_in_full() -> None:
    pm = [frozenset({"SQL"})] * 5 + [frozenset()] * 15
    others = {"c0": [frozenset({"SQL"})] * 5 + [frozenset()] * 15}
    assert fit(pm, others).weight("SQL") == 1.0


def test_the_advice_says_why_a_generic_line_counted_for_little() -> None:
    table = Specificity({"Coaching": 0.2}, frozenset())
    line = _line(_mention("Coaching", "communication_influence"))
    found = {c.id: c for c in score_competencies(Evidence((line,)), TAXONOMY, table)}
    area = found["communication_influence"]
    assert area.level != "strong"
    assert "through Coaching count for less" in area.advice
    neutral = {c.id: c for c in score_competencies(Evidence((line,)), TAXONOMY, NEUTRAL)}
    assert "count for less" not in neutral["communication_influence"].advice
