"""Measure skill extraction against the DataTurks "Skills" labels in the development corpus.

    python -m evaluation.skills --corpus ../shared/corpus [--json report.json]

Gold G: the taxonomy skills our matcher finds in a resume's labeled Skills spans, line by line,
read as a list. Predicted P: those it finds in the whole text, line by line, with no section
information. Micro precision/recall/F1 over resumes with a Skills span; "in spans" counts only
skills mentioned inside a span (an unlabeled experience line is no false positive). Coverage:
share of the labeled items (spans split at commas, bullets, lines…) with any taxonomy skill.
Missed items are corpus text: printed to the terminal only, never written to the JSON report.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from evaluation import (
    DATATURKS_GLOB,
    corpus_option,
    emit,
    json_option,
    rate,
    timing_stats,
)
from resume_analyzer.nlp.skills import Mention, SkillMatcher, lemma_norms, skill_matcher
from resume_analyzer.taxonomy import Taxonomy, load_taxonomy

if TYPE_CHECKING:
    from spacy.language import Language

LABEL = "Skills"
ITEM_SEPARATORS = re.compile(r"[,;:()\n\t|•●▪◦·*]+|\s[-–]\s")
# Not items: durations from "Skill Details" tables ("less than 1 year"), bare numbers, and the
# span's own headings.
NOT_ITEM = re.compile(
    r"^(?:(?:less )?than )?[\d.+ ]*(?:years?|months?)?$|^less$"
    r"|^(?:additional information|(?:technical |key |computer |it )?skills?(?: set| details)?"
    r"|(?:programming )?languages|tools|operating systems)$",
    re.IGNORECASE,
)
MAX_ITEM_WORDS = 6  # a longer "item" is a sentence, not a listed skill
SHOWN = 30
Span = tuple[int, int]  # [start, end) in the resume's text


@dataclass(frozen=True)
class Labeled:
    """One DataTurks resume: its text and its Skills spans (whitespace trimmed)."""

    content: str
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Result:
    spans: int
    gold: frozenset[str]
    predicted: frozenset[str]
    in_spans: frozenset[str]  # predicted skills with a mention inside a labeled span
    items: int
    missed: tuple[str, ...]  # normalised item strings: terminal only
    ms: float


# --- Reading the labels ---------------------------------------------------------------------


def read_labeled(path: Path) -> list[Labeled]:
    with path.open(encoding="utf-8") as handle:
        return [labeled(json.loads(line)) for line in handle if line.strip()]


def labeled(record: dict[str, Any]) -> Labeled:
    content = str(record.get("content") or "")
    spans = [
        _trim(content, _locate(content, int(point["start"]), str(point.get("text", ""))))
        for point in _skill_points(record)
    ]
    return Labeled(content, tuple(sorted(span for span in spans if span[0] < span[1])))


def _skill_points(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for annotation in record.get("annotation") or []:
        labels = annotation.get("label") or []
        if LABEL in ([labels] if isinstance(labels, str) else labels):
            yield from annotation.get("points") or []


def _locate(content: str, start: int, text: str) -> Span:
    """Where the labeled text is: at its offset, else its nearest occurrence (some offsets
    are shifted by a few characters), else the offset as given."""
    if content[start : start + len(text)] == text:
        return start, start + len(text)
    found = [m.start() for m in re.finditer(re.escape(text), content)] if text else []
    if found:
        nearest = min(found, key=lambda at: abs(at - start))
        return nearest, nearest + len(text)
    return start, min(len(content), start + len(text))


def _trim(content: str, span: Span) -> Span:
    text = content[span[0] : span[1]]
    return span[0] + len(text) - len(text.lstrip()), span[1] - len(text) + len(text.rstrip())


def split_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for each line with any text in it."""
    out: list[tuple[int, str]] = []
    at = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((at, line))
        at += len(line) + 1
    return out


def split_items(text: str) -> list[str]:
    """The listed items of a Skills span, normalised; sentences are left out."""
    items = (
        " ".join(part.strip(" :-–()[]").rstrip(".").split()) for part in ITEM_SEPARATORS.split(text)
    )
    return [
        item
        for item in items
        if item and len(item.split()) <= MAX_ITEM_WORDS and not NOT_ITEM.match(item)
    ]


# --- Matching -------------------------------------------------------------------------------


class Finder:
    """The taxonomy's skill matcher over the shared pipeline."""

    def __init__(self, taxonomy: Taxonomy, nlp: Language) -> None:
        self.nlp = nlp
        self.matcher: SkillMatcher = skill_matcher(taxonomy, nlp)

    def mentions(self, lines: Sequence[str], *, listed: bool) -> list[list[Mention]]:
        """Skill mentions per line. `listed=False` leaves it to the matcher, which reads a
        line as a list when it looks like one (`reads_as_list`)."""
        found = []
        for doc in self.nlp.pipe(lines, batch_size=64):
            mentions = self.matcher.find(lemma_norms(doc), listed=listed)
            found.append([m for m in mentions if m.kind == "skill"])
        return found


def evaluate_resume(finder: Finder, resume: Labeled) -> Result:
    started = time.perf_counter()
    lines = split_lines(resume.content)
    per_line = finder.mentions([text for _, text in lines], listed=False)
    ms = (time.perf_counter() - started) * 1000
    found = [
        (offset + m.start, offset + m.end, m.skill or "")
        for (offset, _), mentions in zip(lines, per_line, strict=True)
        for m in mentions
    ]
    span_texts = [resume.content[a:b] for a, b in resume.spans]
    gold_lines = [line for text in span_texts for _, line in split_lines(text)]
    gold = {m.skill or "" for line in finder.mentions(gold_lines, listed=True) for m in line}
    items = [item for text in span_texts for item in split_items(text)]
    hits = finder.mentions(items, listed=True)
    return Result(
        spans=len(resume.spans),
        gold=frozenset(gold),
        predicted=frozenset(skill for *_, skill in found),
        in_spans=frozenset(skill for a, b, skill in found if _inside(a, b, resume.spans)),
        items=len(items),
        missed=tuple(item.lower() for item, hit in zip(items, hits, strict=True) if not hit),
        ms=ms,
    )


def _inside(start: int, end: int, spans: Iterable[Span]) -> bool:
    return any(start < b and a < end for a, b in spans)


# --- Figures --------------------------------------------------------------------------------


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    rates = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3)}
    return {"tp": tp, "fp": fp, "fn": fn, **rates}


def summarize(results: Sequence[Result], taxonomy_skills: int) -> dict[str, Any]:
    """The report: counts and taxonomy skill ids only, never corpus text."""
    scored = [r for r in results if r.spans]
    overall = prf(*_counts((r.gold, r.predicted) for r in scored))
    spans = prf(*_counts((r.gold, r.in_spans) for r in scored))
    false_pos: Counter[str] = Counter(s for r in scored for s in r.predicted - r.gold)
    false_neg: Counter[str] = Counter(s for r in scored for s in r.gold - r.predicted)
    items = sum(r.items for r in scored)
    covered = items - sum(len(r.missed) for r in scored)
    return {
        "resumes": len(results),
        "resumes_with_skills_spans": len(scored),
        "taxonomy_skills": taxonomy_skills,
        "overall": overall,
        "in_spans": {"precision": spans["precision"], "tp": spans["tp"], "fp": spans["fp"]},
        "coverage": {
            "items": items,
            "covered": covered,
            "share": rate(covered, items),
            "distinct_missed_items": len({m for r in scored for m in r.missed}),
        },
        "gold_skills_per_resume": rate(sum(len(r.gold) for r in scored), len(scored)),
        "false_positives": dict(false_pos.most_common(SHOWN)),
        "false_negatives": dict(false_neg.most_common(SHOWN)),
        "ms_per_resume": timing_stats([r.ms for r in results]),
    }


def _counts(pairs: Iterable[tuple[frozenset[str], frozenset[str]]]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for gold, predicted in pairs:
        tp += len(gold & predicted)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    return tp, fp, fn


def render(report: dict[str, Any]) -> list[str]:
    o, c, t = report["overall"], report["coverage"], report["ms_per_resume"]
    return [
        f"DataTurks skills: {report['resumes_with_skills_spans']} of {report['resumes']} resumes "
        f"carry Skills spans; taxonomy of {report['taxonomy_skills']} skills",
        f"  whole text vs Skills spans: precision {o['precision']}, recall {o['recall']}, "
        f"F1 {o['f1']} (tp {o['tp']}, fp {o['fp']}, fn {o['fn']}); "
        f"{report['gold_skills_per_resume']} gold skills per resume",
        f"  precision inside Skills spans: {report['in_spans']['precision']} "
        f"(tp {report['in_spans']['tp']}, fp {report['in_spans']['fp']})",
        f"  coverage: {c['covered']} of {c['items']} labeled items match a taxonomy skill "
        f"({c['share']}); {c['distinct_missed_items']} distinct items missed",
        f"  ms per resume (whole text): median {t['median']}, p95 {t['p95']}, max {t['max']}",
        "  most frequent false positives (skill id: resumes): " + _ids(report["false_positives"]),
        "  most frequent false negatives (skill id: resumes): " + _ids(report["false_negatives"]),
    ]


def _ids(counts: dict[str, int]) -> str:
    return ", ".join(f"{skill} {n}" for skill, n in counts.items()) or "none"


def render_missed(results: Sequence[Result]) -> list[str]:
    """The labeled items the taxonomy misses most often. Terminal only: this is corpus text."""
    missed = Counter(item for r in results for item in set(r.missed))
    rows = [f"    {n:3d}  {item}" for item, n in missed.most_common(SHOWN)]
    return [f"  {SHOWN} most frequent labeled items the taxonomy misses (resumes):", *rows]


# --- Command --------------------------------------------------------------------------------


@click.command()
@corpus_option
@json_option("the figures (counts and skill ids only)")
def main(corpus: Path, json_path: Path | None) -> None:
    """Skill extraction precision, recall and coverage against the DataTurks Skills labels."""
    path = next(iter(sorted((corpus / "labeled").glob(DATATURKS_GLOB))), None)
    if path is None:
        click.echo(f"{corpus}: no DataTurks file, nothing evaluated.")
        return
    from resume_analyzer.nlp.pipeline import load_nlp

    taxonomy = load_taxonomy()
    finder = Finder(taxonomy, load_nlp())
    results = [evaluate_resume(finder, resume) for resume in read_labeled(path)]
    report = summarize(results, len(taxonomy.skills))
    emit([*render(report), *render_missed(results)], report, json_path)


if __name__ == "__main__":
    main()
