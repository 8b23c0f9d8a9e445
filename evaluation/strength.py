"""Bullet strength (weak / solid / strong) against hand labels, and its thresholds by
cross-validation.

    python -m evaluation.strength --corpus ../shared/corpus [--json strength.json]

`evaluation/labels/strength.json` holds one labeler's strength for 409 achievement lines of
43 resumes (guide: `labels/STRENGTH_GUIDE.md`), a quarter of them judged again by a second
labeler working blind (`second`), by hashes only. The resumes are analysed
again; each labeled line found (exactly, or by its letters and digits alone) gives a pair
(the analyzer's quality, the label). Reported: agreement of today's strength with the labels,
and the agreement of thresholds on quality chosen on four fifths of the resumes and tested on
the fifth left out (five folds, grouped by resume): the figure the thresholds in
`scoring/bullets.py` were chosen by. Prints counts and ratios only, never text.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path
from typing import Any

import click

from evaluation import corpus_option, json_option, run_report
from evaluation.audit import find_sources
from evaluation.roles import kappa, line_key, loose_key
from resume_analyzer import Analyzer
from resume_analyzer.errors import ResumeAnalyzerError
from resume_analyzer.scoring.bullets import SOLID, STRONG
from resume_analyzer.settings import AnalysisSettings

LABELS = Path(__file__).parent / "labels" / "strength.json"
GRID = [(solid, strong) for solid in range(20, 80, 5) for strong in range(solid + 5, 100, 5)]
FOLDS = 5

Pair = tuple[int, float, str]  # (resume, quality, label)


def grade(quality: float, solid: float, strong: float) -> str:
    return "strong" if quality >= strong else "solid" if quality >= solid else "weak"


def accuracy(pairs: list[Pair], solid: float, strong: float) -> float:
    return sum(grade(q, solid, strong) == label for _, q, label in pairs) / len(pairs)


def cross_validate(pairs: list[Pair], seed: int = 0) -> dict[str, Any]:
    """Thresholds chosen on four fifths of the resumes, scored on the fifth left out."""
    resumes = sorted({r for r, _, _ in pairs})
    random.Random(seed).shuffle(resumes)
    correct = 0.0
    chosen = []
    for k in range(FOLDS):
        held = set(resumes[k::FOLDS])
        fit = [p for p in pairs if p[0] not in held]
        test = [p for p in pairs if p[0] in held]
        if not fit or not test:
            continue
        best = max(GRID, key=lambda t: (accuracy(fit, *t), -abs(t[0] - SOLID)))
        chosen.append(best)
        correct += accuracy(test, *best) * len(test)
    return {"accuracy": round(correct / len(pairs), 3), "thresholds": chosen}


def evaluate(corpus: Path) -> dict[str, Any]:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    paths = find_sources(corpus, set(labels["sources"]))
    analyzer = Analyzer(settings=AnalysisSettings(budget=None))
    quality: dict[tuple[int, str], float] = {}
    for index, digest in enumerate(labels["sources"]):
        if digest not in paths:
            continue
        try:
            analysis = analyzer.analyze(paths[digest])
        except ResumeAnalyzerError:
            continue
        for bullet in analysis.bullets:
            quality.setdefault((index, line_key(bullet.text)), bullet.quality)
            quality.setdefault((index, "loose:" + loose_key(bullet.text)), bullet.quality)
    pairs: list[Pair] = []
    for line in labels["lines"]:
        if line["label"] == "not":
            continue
        found = quality.get((line["source"], line["key"]))
        if found is None:
            found = quality.get((line["source"], "loose:" + line["loose"]))
        if found is not None:
            pairs.append((line["source"], found, line["label"]))
    today = Counter((grade(q, SOLID, STRONG), label) for _, q, label in pairs)
    twice = [(line["label"], line["second"]) for line in labels["lines"] if "second" in line]
    return {
        "labeled": len(labels["lines"]),
        "found": len(pairs),
        "thresholds": {"solid": SOLID, "strong": STRONG},
        "agreement": round(accuracy(pairs, SOLID, STRONG), 3) if pairs else None,
        "confusion": {f"{p}->{g}": n for (p, g), n in sorted(today.items())},
        "cross_validated": cross_validate(pairs) if pairs else None,
        "labelers": {
            "n": len(twice),
            "agreement": round(sum(a == b for a, b in twice) / len(twice), 3) if twice else None,
            "kappa": kappa(twice),
        },
    }


def render(report: dict[str, Any]) -> list[str]:
    cv = report["cross_validated"] or {}
    return [
        f"Strength: {report['found']}/{report['labeled']} labeled lines found; with solid from "
        f"{report['thresholds']['solid']} and strong from {report['thresholds']['strong']}, "
        f"agreement {report['agreement']}",
        f"  thresholds chosen on 4/5 of the resumes, tested on the rest: agreement "
        f"{cv.get('accuracy')} (chosen {cv.get('thresholds')})",
        "  predicted->label: " + ", ".join(f"{k} {v}" for k, v in report["confusion"].items()),
        f"  second labeler, blind, on {report['labelers']['n']} lines: agreement "
        f"{report['labelers']['agreement']}, kappa {report['labelers']['kappa']}",
    ]


@click.command()
@corpus_option
@json_option("the strength report")
def main(corpus: Path, json_path: Path | None) -> None:
    """Bullet strength against hand labels."""
    run_report(corpus, json_path, evaluate, render)


if __name__ == "__main__":
    main()
