"""Measure how often each finding code is right: `python -m training.finding_confidence`.

    python -m training.finding_confidence --corpus ../shared/corpus

Runs the feedback audit (`evaluation.audit`: today's findings on the audited corpus resumes,
matched to the labels of `evaluation/labels/audit.json`) and writes, per code, the count of
findings still made and of those judged TRUE, with the confidence the top fixes are ranked by:
the share TRUE with one TRUE and one not added (Laplace), so that a code judged a handful of
times is not taken as certain. Codes no label covers take the whole audit's share, smoothed
the same way. Writes models/finding_confidence.json (card: models/finding_confidence.md).
Prints counts and shares, never text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from evaluation import corpus_option
from evaluation.audit import evaluate, render
from resume_analyzer.scoring.confidence import FILENAME, FORMAT, Confidence
from resume_analyzer.settings import AnalysisSettings

TARGET = Path(__file__).resolve().parent.parent / "models" / FILENAME


def smoothed(true: int, n: int) -> float:
    return (true + 1) / (n + 2)


def table(report: dict[str, Any]) -> dict[str, Any]:
    """The JSON written to models/: per code its counts and confidence, and the default."""
    findings = report["findings"]
    codes = {}
    for code, shares in sorted(findings["per_code"].items()):
        n, true = int(shares["n"]), int(shares["counts"]["true"])
        codes[code] = {"n": n, "true": true, "confidence": round(smoothed(true, n), 3)}
    n_all, true_all = int(findings["n"]), int(findings["counts"]["true"])
    return {
        "format": FORMAT,
        "about": (
            "Share of findings judged TRUE on the feedback audit, per code, with one TRUE and "
            "one not added. Written by `make confidence`; see finding_confidence.md."
        ),
        "audited_files": report["files_found"],
        "default": round(smoothed(true_all, n_all), 3),
        "findings": {"n": n_all, "true": true_all},
        "codes": codes,
    }


@click.command()
@corpus_option
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Default: models/.")
@click.option(
    "--report",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="An `evaluation.audit --json` report of today's code, instead of running the audit.",
)
def main(corpus: Path, out: Path | None, report: Path | None) -> None:
    """Write models/finding_confidence.json from the feedback audit."""
    if report is not None:
        audit = json.loads(report.read_text(encoding="utf-8"))
    elif corpus.is_dir():
        # Findings do not depend on the table being rebuilt, so it is not read.
        audit = evaluate(corpus, AnalysisSettings(budget=None, rank_by_confidence=False))
    else:
        raise click.ClickException(f"{corpus}: corpus not found; the audit needs its resumes.")
    for line in render(audit):
        click.echo(line)
    data = table(audit)
    path = out or TARGET
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    Confidence.load(path)
    click.echo(f"{data['findings']['n']} findings judged; default confidence {data['default']}")
    for code, row in data["codes"].items():
        click.echo(
            f"  {code:16} n={row['n']:4} true={row['true']:4} confidence {row['confidence']}"
        )
    click.echo(f"wrote {path}")


if __name__ == "__main__":
    main()
