"""The label sets under evaluation/labels hold hashes and judgements, never resume text."""

from __future__ import annotations

import json
import re
from pathlib import Path

from evaluation.roles import kappa

LABELS = Path(__file__).resolve().parent.parent / "evaluation" / "labels"
HEX = re.compile(r"^[0-9a-f]{64}$")


def test_the_audit_holds_hashes_and_judgements_only() -> None:
    audit = json.loads((LABELS / "audit.json").read_text())
    assert all(HEX.match(s) for s in audit["sources"])
    assert len(audit["findings"]) >= 400 and len(audit["rewrites"]) >= 150
    for finding in audit["findings"]:
        assert set(finding) <= {"source", "key", "loose", "code", "judgement", "second", "round"}
        assert HEX.match(finding["key"]) and HEX.match(finding["loose"])
        assert re.fullmatch(r"[a-z_]+", finding["code"])
        assert finding["judgement"] in {"true", "false", "pedantic"}
        assert finding.get("second", "true") in {"true", "false", "pedantic"}
    for rewrite in audit["rewrites"]:
        assert set(rewrite) <= {"source", "key", "loose", "rewrite", "judgement", "second", "round"}
        assert HEX.match(rewrite["rewrite"])
        assert rewrite["judgement"] in {"useful", "neutral", "harmful"}
        assert rewrite.get("second", "useful") in {"useful", "neutral", "harmful"}


def test_a_quarter_of_the_audit_is_judged_twice() -> None:
    """The second labeler judged a random quarter of everything the analyzer said on the audit's
    resumes in the latest round (`second_pool`: how many findings and rewrites that was)."""
    audit = json.loads((LABELS / "audit.json").read_text())
    for kind in ("findings", "rewrites"):
        twice = sum("second" in item for item in audit[kind])
        assert twice >= 0.95 * (audit["second_pool"][kind] // 4)


def test_kappa() -> None:
    assert kappa([("a", "a"), ("b", "b")]) == 1.0
    # Agreement no better than the labelers' rates give by chance scores 0.
    assert kappa([("a", "a"), ("a", "b"), ("b", "a"), ("b", "b")]) == 0.0
    assert kappa([]) is None


def test_the_strength_labels_hold_hashes_and_labels_only() -> None:
    labels = json.loads((LABELS / "strength.json").read_text())
    assert all(HEX.match(s) for s in labels["sources"])
    assert len(labels["lines"]) >= 300
    for line in labels["lines"]:
        assert set(line) <= {"source", "key", "loose", "label", "second"}
        assert line.get("second", "weak") in {"weak", "solid", "strong", "not"}
        assert HEX.match(line["key"]) and HEX.match(line["loose"])
        assert line["label"] in {"weak", "solid", "strong", "not"}
        assert 0 <= line["source"] < len(labels["sources"])


def test_strength_thresholds_are_cross_validated_by_resume() -> None:
    from evaluation.strength import cross_validate, grade

    assert grade(90, 75, 85) == "strong" and grade(80, 75, 85) == "solid"
    assert grade(10, 75, 85) == "weak"
    # Labels that follow quality exactly: thresholds found on the other resumes fit perfectly.
    pairs = [(r, q, grade(q, 50, 80)) for r in range(10) for q in (20, 60, 90)]
    assert cross_validate(pairs)["accuracy"] == 1.0
