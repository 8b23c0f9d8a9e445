"""The feedback audit: are the findings right, and do the rewrites help?

    python -m evaluation.audit --corpus ../shared/corpus [--json audit.json]

`evaluation/labels/audit.json` holds judgements of findings (true / false / pedantic) and of
rewrites (useful / neutral / harmful) with the guide in `labels/AUDIT_GUIDE.md`: rounds 1-3
on 45 corpus resumes (round 3: everything said on them on 2026-11-29), round 4 on 17
resumes never seen before (`audit_round export --new-resumes`), so the feedback rules written
while reading rounds 1-3 are measured on data they were not fitted to. In each of rounds 3
and 4 a second labeler, working blind, judged a random quarter. Only hashes are stored: of
the file's bytes, of the line (exactly and by its letters and digits alone, as
`evaluation.roles` does) and of the rewrite's text.

The resumes are analysed again with today's code. A labeled finding that is still made (same
line, same code) counts with its judgement; one no longer made is "withdrawn", and the report
says how many true, false and pedantic findings were withdrawn. A rewrite counts only when
today's text is the one judged; a changed rewrite is unjudged until labeled again. Findings
never labeled are counted, not judged. Prints counts and ratios only, never text.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from evaluation import corpus_option, json_option, run_report
from evaluation.roles import kappa, line_key, loose_key
from resume_analyzer import Analysis, Analyzer
from resume_analyzer.codes import BULLET, Codes
from resume_analyzer.errors import ResumeAnalyzerError
from resume_analyzer.scoring.result import FeedbackItem, pick_top
from resume_analyzer.settings import AnalysisSettings

LABELS = Path(__file__).parent / "labels" / "audit.json"
FOLDERS = ("resumes", "labeled/livecareer_by_category")


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def find_sources(corpus: Path, wanted: set[str]) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for folder in FOLDERS:
        for path in sorted((corpus / folder).rglob("*")):
            if path.suffix.lower() in (".pdf", ".docx") and path.is_file():
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                if digest in wanted:
                    found.setdefault(digest, path)
    return found


# Notes about a whole passage rather than one line (the summary's critique): judged as a line's
# findings are, on the passage's text, which is shown and keyed whole.
PASSAGE_CODES = frozenset({Codes.SUMMARY_GENERIC.code})
BULLET_CODES = frozenset(code.code for code in BULLET)


@dataclass(frozen=True)
class PassageNote:
    section: str
    text: str
    code: str
    message: str


def passage_notes(analysis: Analysis) -> list[PassageNote]:
    """The notes of PASSAGE_CODES, each with the text of the section it is about."""
    notes = []
    for item in analysis.feedback:
        where = item.location
        if item.code not in PASSAGE_CODES or where is None:
            continue
        section = next(
            (
                s
                for s in analysis.resume.sections
                if s.bullets and (s.bullets[0].page, s.bullets[0].line) == (where.page, where.line)
            ),
            None,
        )
        if section is not None:
            text = " ".join(bullet.text for bullet in section.bullets)
            notes.append(PassageNote(section.kind, text, item.code, item.message))
    return notes


@dataclass(frozen=True)
class JudgedText:
    """A line (or a passage) as the audit judges it: its findings and its rewrite."""

    text: str
    section: str
    findings: tuple[tuple[str, str], ...]  # (code, message)
    suggestion: str | None = None


def judged_texts(analysis: Analysis) -> list[JudgedText]:
    """Every bullet with its findings and rewrite, then every passage note."""
    texts = [
        JudgedText(b.text, b.section, tuple((f.code, f.message) for f in b.findings), b.suggestion)
        for b in analysis.bullets
    ]
    texts += [
        JudgedText(n.text, n.section, ((n.code, n.message),)) for n in passage_notes(analysis)
    ]
    return texts


@dataclass(frozen=True)
class Today:
    """What today's code says of one audited resume, keyed as the labels are."""

    findings: set[tuple[str, str]]  # (line key, code), with "loose:" keys too
    rewrites: dict[str, str]  # line key → rewrite hash
    # The top fixes that are about one line, as ((line key, loose key), code): ranked as the
    # analysis ranks them (gain × confidence), and by gain alone, to compare.
    top_fixes: tuple[tuple[tuple[str, str], str], ...] = ()
    top_by_gain: tuple[tuple[tuple[str, str], str], ...] = ()


# A resume not found or not readable today: no findings, no rewrites.
NOTHING = Today(set(), {})


def current_feedback(analyzer: Analyzer, path: Path) -> Today:
    """Today's findings, rewrites and top fixes on the resume at `path`."""
    try:
        analysis = analyzer.analyze(path)
    except ResumeAnalyzerError:
        return NOTHING
    findings: set[tuple[str, str]] = set()
    rewrites: dict[str, str] = {}
    for judged in judged_texts(analysis):
        keys = (line_key(judged.text), f"loose:{loose_key(judged.text)}")
        for code, _message in judged.findings:
            findings.update((key, code) for key in keys)
        if judged.suggestion:
            for key in keys:
                rewrites[key] = text_key(judged.suggestion)

    def on_lines(items: Sequence[FeedbackItem]) -> tuple[tuple[tuple[str, str], str], ...]:
        return tuple(
            ((line_key(i.location.text), f"loose:{loose_key(i.location.text)}"), i.code)
            for i in items
            if i.location.text and i.code in BULLET_CODES
        )

    by_gain = pick_top(analysis.feedback, lambda item: item.gain)
    return Today(findings, rewrites, on_lines(analysis.top_fixes), on_lines(by_gain))


def evaluate(corpus: Path, settings: AnalysisSettings | None = None) -> dict[str, Any]:
    """The audit's figures for today's findings; `settings` of the analyzer that makes them."""
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    sources: list[str] = labels["sources"]
    paths = find_sources(corpus, set(sources))
    analyzer = Analyzer(settings=settings or AnalysisSettings(budget=None))
    today = {digest: current_feedback(analyzer, path) for digest, path in paths.items()}

    kept: list[dict[str, Any]] = []
    withdrawn: Counter[str] = Counter()
    judgement: dict[tuple[str, str, str], str] = {}
    for finding in labels["findings"]:
        digest, code = sources[finding["source"]], finding["code"]
        judgement[(digest, finding["key"], code)] = finding["judgement"]
        judgement[(digest, f"loose:{finding['loose']}", code)] = finding["judgement"]
        made = today.get(digest, NOTHING).findings
        if (finding["key"], code) in made or (f"loose:{finding['loose']}", code) in made:
            kept.append(finding)
        else:
            withdrawn[finding["judgement"]] += 1
    per_code: dict[str, Counter[str]] = defaultdict(Counter)
    for finding in kept:
        per_code[finding["code"]][finding["judgement"]] += 1
    judged = Counter(f["judgement"] for f in kept)
    by_round: dict[int, Counter[str]] = defaultdict(Counter)
    for finding in kept:
        by_round[finding.get("round", 1)][finding["judgement"]] += 1
    unlabeled = _unlabeled_findings(labels, today)

    # A line's rewrite may have been judged in more than one round, one text each.
    judged_rewrites: dict[tuple[int, str, str], dict[str, str]] = defaultdict(dict)
    for rewrite in labels["rewrites"]:
        line = (rewrite["source"], rewrite["key"], rewrite["loose"])
        judged_rewrites[line][rewrite["rewrite"]] = rewrite["judgement"]
    rewrites: Counter[str] = Counter()
    for (source, key, loose), texts in judged_rewrites.items():
        suggested = today.get(sources[source], NOTHING).rewrites
        now = suggested.get(key) or suggested.get(f"loose:{loose}")
        if now is None:
            rewrites["withdrawn"] += 1
        elif now in texts:
            rewrites[texts[now]] += 1
        else:
            rewrites["changed, unjudged"] += 1

    return {
        "files": len(sources),
        "files_found": len(paths),
        "findings": {
            "labeled": len(labels["findings"]),
            "still_made": len(kept),
            **_shares(judged),
            "withdrawn": dict(withdrawn),
            "unlabeled_now": unlabeled,
            "per_code": {code: _shares(c) for code, c in sorted(per_code.items())},
            "per_round": {str(r): _shares(c) for r, c in sorted(by_round.items())},
        },
        "rewrites": {"lines": len(judged_rewrites), **dict(rewrites)},
        "top_fixes": {
            "ranked": _judged_fixes(today, judgement, "top_fixes"),
            "by_gain_alone": _judged_fixes(today, judgement, "top_by_gain"),
        },
        "agreement": _agreement(labels),
    }


def _judged_fixes(
    today: dict[str, Today], judgement: dict[tuple[str, str, str], str], which: str
) -> dict[str, Any]:
    """How the top fixes about one line were judged, where a label covers them."""
    counts: Counter[str] = Counter()
    for digest, now in today.items():
        for keys, code in getattr(now, which):
            found = next(
                (judgement[(digest, k, code)] for k in keys if (digest, k, code) in judgement), None
            )
            counts[found or "unlabeled"] += 1
    labelled = counts["true"] + counts["false"] + counts["pedantic"]
    return {
        "on_lines": sum(counts.values()),
        "labeled": labelled,
        **{k: counts[k] for k in ("true", "false", "pedantic")},
        "true_share": round(counts["true"] / labelled, 3) if labelled else None,
    }


def _shares(counts: Counter[str]) -> dict[str, Any]:
    total = sum(counts.values())
    out: dict[str, Any] = {"n": total}
    for label in ("true", "false", "pedantic"):
        out[label] = round(counts[label] / total, 3) if total else None
    out["counts"] = {label: counts[label] for label in ("true", "false", "pedantic")}
    return out


def _unlabeled_findings(labels: dict[str, Any], today: dict[str, Today]) -> int:
    """Findings made today on the labeled files that no label covers (exact keys only)."""
    labeled = {(labels["sources"][f["source"]], f["key"], f["code"]) for f in labels["findings"]}
    count = 0
    for digest, now in today.items():
        made = now.findings
        exact = [(key, code) for key, code in made if not key.startswith("loose:")]
        count += sum((digest, key, code) not in labeled for key, code in exact)
    return count


def _agreement(labels: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for kind in ("findings", "rewrites"):
        pairs = [(item["judgement"], item["second"]) for item in labels[kind] if "second" in item]
        if not pairs:
            continue
        out[kind] = {
            "n": len(pairs),
            "agreement": round(sum(a == b for a, b in pairs) / len(pairs), 3),
            "kappa": kappa(pairs),
        }
    return out


def render(report: dict[str, Any]) -> list[str]:
    f = report["findings"]
    out = [
        f"Feedback audit: {report['files_found']}/{report['files']} files; "
        f"{f['still_made']}/{f['labeled']} labeled findings still made: {f['true']} true, "
        f"{f['false']} false, {f['pedantic']} pedantic; withdrawn {f['withdrawn']}; "
        f"{f['unlabeled_now']} findings made today have no label",
    ]
    for code, c in f["per_code"].items():
        out.append(
            f"  {code:15} n={c['n']:3} true {c['true']} false {c['false']} pedantic {c['pedantic']}"
        )
    for number, c in f["per_round"].items():
        out.append(
            f"  round {number:>2}: n={c['n']:3} true {c['true']} false {c['false']} "
            f"pedantic {c['pedantic']}"
        )
    r = report["rewrites"]
    out.append("  rewrites: " + ", ".join(f"{k} {v}" for k, v in r.items()))
    for name, t in report["top_fixes"].items():
        out.append(
            f"  top fixes on a line, {name.replace('_', ' ')}: {t['on_lines']}, "
            f"{t['labeled']} labeled: true {t['true']}, false {t['false']}, "
            f"pedantic {t['pedantic']} (true {t['true_share']})"
        )
    for kind, a in report["agreement"].items():
        out.append(
            f"  second labeler on {a['n']} {kind}: agreement {a['agreement']:.1%}, "
            f"kappa {a['kappa']}"
        )
    return out


@click.command()
@corpus_option
@json_option("the audit report")
def main(corpus: Path, json_path: Path | None) -> None:
    """Precision of findings and judgement of rewrites on the labeled audit set."""
    run_report(corpus, json_path, evaluate, render)


if __name__ == "__main__":
    main()
