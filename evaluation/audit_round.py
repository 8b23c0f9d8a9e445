"""A labeling round for the feedback audit: what to judge today, and merging the judgements.

    python -m evaluation.audit_round export --corpus ../shared/corpus --out DIR [--seed N]
        [--new-resumes]
    python -m evaluation.audit_round merge --dir DIR --round N

`export` analyses the audit's resumes with today's code and writes, into DIR (which must lie
outside the repository: it holds resume text), two files of items for labelers:

- `first.jsonl`: every finding and rewrite made today that no label covers yet (the first
  labeler judges these, from `labels/AUDIT_GUIDE.md`);
- `second.jsonl`: a random quarter of everything made today, labeled or about to be, without
  the first judgement (a second labeler judges these blind).

Each item has an `id`, the line, its section, and the finding's code and message or the
rewrite. The labelers answer in DIR/first.json and DIR/second.json, each
`{"id": "true"|"false"|"pedantic"|"useful"|"neutral"|"harmful"}`;
`merge` stores their judgements in `labels/audit.json` as hashes only (never text), the new
items as a new round, the blind ones as `second`, and records the size of the pool the
quarter was drawn from.

`--new-resumes` exports instead every finding and rewrite made on resumes the audit has never
seen (a fixed, stratified pick: see `NEW_PICK`), for a held-out measure of rules written while
looking at the earlier rounds; merge adds those resumes to the audit's sources.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path
from typing import Any

import click

from evaluation import corpus_option
from evaluation.audit import LABELS, find_sources, judged_texts, text_key
from evaluation.roles import line_key, loose_key
from resume_analyzer import Analyzer
from resume_analyzer.errors import ResumeAnalyzerError
from resume_analyzer.settings import AnalysisSettings

REPO = Path(__file__).resolve().parent.parent
FINDING_LABELS = {"true", "false", "pedantic"}
REWRITE_LABELS = {"useful", "neutral", "harmful"}


def _item_id(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:16]


# Resumes for a held-out round, per folder: how many, taken in order of their bytes' hash
# among those the audit has not used. LiveCareer: one per category, from categories in order.
NEW_PICK = {"resumes/pm": 3, "resumes/near": 2, "resumes/linkedin": 2, "resumes/pdf": 2,
            "resumes/docx": 2, "labeled/livecareer_by_category": 6}  # fmt: skip


def _resumes_in(folder: Path) -> list[tuple[str, Path]]:
    """(digest, path) of every PDF and DOCX under a folder, in path order."""
    return [
        (hashlib.sha256(path.read_bytes()).hexdigest(), path)
        for path in sorted(folder.rglob("*"))
        if path.suffix.lower() in (".pdf", ".docx") and path.is_file()
    ]


def pick_new(corpus: Path, used: set[str]) -> list[tuple[str, Path]]:
    """(digest, path) of the resumes a held-out round takes."""
    chosen: list[tuple[str, Path]] = []
    for folder, count in NEW_PICK.items():
        files = sorted((d, p) for d, p in _resumes_in(corpus / folder) if d not in used)
        if folder.startswith("labeled/"):
            by_category: dict[str, tuple[str, Path]] = {}
            for digest, path in files:
                by_category.setdefault(path.parent.name, (digest, path))
            files = [by_category[c] for c in sorted(by_category)][::4]
        chosen += files[:count]
    return chosen


def pick_scan(corpus: Path, used: set[str], limit: int) -> list[tuple[str, Path]]:
    """(digest, path) of up to `limit` resumes the audit has never seen, taken in turn from
    each folder of NEW_PICK and each LiveCareer category, for a round on rare codes."""
    queues: list[list[tuple[str, Path]]] = []
    for folder in NEW_PICK:
        groups: dict[str, list[tuple[str, Path]]] = {}
        for digest, path in _resumes_in(corpus / folder):
            key = path.parent.name if folder.startswith("labeled/") else folder
            if digest not in used:
                groups.setdefault(key, []).append((digest, path))
        queues += groups.values()
    chosen: list[tuple[str, Path]] = []
    seen: set[str] = set()
    while len(chosen) < limit and any(queues):
        for queue in queues:
            if queue and len(chosen) < limit:
                digest, path = queue.pop(0)
                if digest not in seen:
                    seen.add(digest)
                    chosen.append((digest, path))
    return chosen


def only_codes(
    items: list[dict[str, Any]], codes: set[str], per_code: int, first_new: int, seed: int
) -> tuple[list[dict[str, Any]], list[int]]:
    """The findings of `codes` on new sources, at most `per_code` of each (a seeded sample),
    and the new source numbers they came from, renumbered in order after `first_new` so the
    audit's source list only grows by the resumes that gave an item."""
    rng = random.Random(seed)
    kept: list[dict[str, Any]] = []
    for code in sorted(codes):
        found = [
            i
            for i in items
            if i["kind"] == "finding" and i["code"] == code and i["source"] >= first_new
        ]
        kept += rng.sample(found, min(per_code, len(found)))
    used = sorted({i["source"] for i in kept})
    renumber = {old: first_new + n for n, old in enumerate(used)}
    return [i | {"source": renumber[i["source"]]} for i in kept], used


def today_items(
    corpus: Path, labels: dict[str, Any], new: list[tuple[str, Path]] | None = None
) -> list[dict[str, Any]]:
    """Every finding and rewrite made today on the audit's resumes (or on `new` ones, whose
    sources are numbered after the audit's), with text, marking the ones a label already
    covers (`labeled`: the index of that label in its list)."""
    sources: list[str] = list(labels["sources"])
    if new is None:
        paths = find_sources(corpus, set(sources))
    else:
        sources += [digest for digest, _ in new]
        paths = dict(new)
    analyzer = Analyzer(settings=AnalysisSettings(budget=None))
    finding_index: dict[tuple[int, str, str], int] = {}
    for i, f in enumerate(labels["findings"]):
        finding_index.setdefault((f["source"], f["key"], f["code"]), i)
        finding_index.setdefault((f["source"], "loose:" + f["loose"], f["code"]), i)
    rewrite_index: dict[tuple[int, str, str], int] = {}
    for i, r in enumerate(labels["rewrites"]):
        rewrite_index.setdefault((r["source"], r["key"], r["rewrite"]), i)
        rewrite_index.setdefault((r["source"], "loose:" + r["loose"], r["rewrite"]), i)

    items: list[dict[str, Any]] = []
    for source, digest in enumerate(sources):
        path = paths.get(digest)
        if path is None:
            continue
        try:
            analysis = analyzer.analyze(path)
        except ResumeAnalyzerError:
            continue
        for judged in judged_texts(analysis):
            key, loose = line_key(judged.text), loose_key(judged.text)
            base = {"source": source, "key": key, "loose": loose, "line": judged.text}
            base["section"] = judged.section
            for code, message in judged.findings:
                known = finding_index.get((source, key, code))
                if known is None:
                    known = finding_index.get((source, "loose:" + loose, code))
                items.append(
                    {
                        **base,
                        "id": _item_id(source, key, code),
                        "kind": "finding",
                        "code": code,
                        "message": message,
                        "labeled": known,
                    }
                )
            if judged.suggestion:
                rewrite = text_key(judged.suggestion)
                known = rewrite_index.get((source, key, rewrite))
                if known is None:
                    known = rewrite_index.get((source, "loose:" + loose, rewrite))
                items.append(
                    {
                        **base,
                        "id": _item_id(source, key, rewrite),
                        "kind": "rewrite",
                        "rewrite_text": judged.suggestion,
                        "rewrite": rewrite,
                        "labeled": known,
                    }
                )
    # One item per id: the same line twice in a resume is judged once.
    unique = {item["id"]: item for item in items}
    return list(unique.values())


def _public(item: dict[str, Any]) -> dict[str, Any]:
    """What a labeler sees: the line and the finding or rewrite, never a judgement."""
    keep = ("id", "kind", "section", "line", "code", "message", "rewrite_text")
    return {k: item[k] for k in keep if k in item}


@click.group()
def main() -> None:
    """Export items for a labeling round of the feedback audit, and merge the judgements."""


@main.command()
@corpus_option
@click.option("--out", "out", type=click.Path(path_type=Path), required=True)
@click.option("--seed", type=int, default=29, show_default=True)
@click.option("--new-resumes", is_flag=True, help="Resumes the audit has never seen.")
@click.option(
    "--codes",
    default=None,
    help="Comma-separated finding codes: a round of only these codes, on up to --scan "
    "resumes the audit has never seen (for codes too rare in the held-out rounds).",
)
@click.option("--scan", default=400, show_default=True, help="Resumes read for --codes.")
@click.option("--per-code", default=40, show_default=True, help="Items kept per code.")
def export(
    corpus: Path,
    out: Path,
    seed: int,
    new_resumes: bool,
    codes: str | None,
    scan: int,
    per_code: int,
) -> None:
    """Write first.jsonl (unlabeled items) and second.jsonl (a blind quarter) into OUT."""
    if out.resolve().is_relative_to(REPO):
        raise click.UsageError("OUT holds resume text: put it outside the repository")
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    known = len(labels["sources"])
    new = None
    if codes:
        new = pick_scan(corpus, set(labels["sources"]), scan)
    elif new_resumes:
        new = pick_new(corpus, set(labels["sources"]))
    items = today_items(corpus, labels, new)
    if new is not None:
        items = [i for i in items if i["source"] >= known]
        if codes:
            items, used = only_codes(items, set(codes.split(",")), per_code, known, seed)
            new = [new[source - known] for source in used]
        out.mkdir(parents=True, exist_ok=True)
        (out / "new_sources.json").write_text(json.dumps([d for d, _ in new]), encoding="utf-8")
    out.mkdir(parents=True, exist_ok=True)
    first = [i for i in items if i["labeled"] is None]
    rng = random.Random(seed)
    second = rng.sample(items, len(items) // 4)
    for name, chosen in (("first", first), ("second", second)):
        with (out / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for item in sorted(chosen, key=lambda i: i["id"]):
                fh.write(json.dumps(_public(item), ensure_ascii=False) + "\n")
    # The hashes each id stands for, so merge needs no corpus and no text.
    (out / "index.json").write_text(
        json.dumps(
            {
                i["id"]: {k: i[k] for k in ("source", "key", "loose", "kind", "labeled")}
                | ({"code": i["code"]} if i["kind"] == "finding" else {"rewrite": i["rewrite"]})
                for i in items
            }
        ),
        encoding="utf-8",
    )
    pool = {"findings": sum(i["kind"] == "finding" for i in items)}
    pool["rewrites"] = len(items) - pool["findings"]
    (out / "pool.json").write_text(json.dumps(pool), encoding="utf-8")
    click.echo(f"{len(items)} items today {pool}; {len(first)} unlabeled; {len(second)} blind")


def _judgements(path: Path | None) -> dict[str, str]:
    return json.loads(path.read_text(encoding="utf-8")) if path else {}


@main.command()
@click.option("--dir", "folder", type=click.Path(path_type=Path, exists=True), required=True)
@click.option("--round", "round_no", type=int, required=True)
def merge(folder: Path, round_no: int) -> None:
    """Store first.json and second.json of FOLDER in labels/audit.json (hashes only)."""
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    index: dict[str, dict[str, Any]] = json.loads((folder / "index.json").read_text())
    if (folder / "new_sources.json").exists():
        added = json.loads((folder / "new_sources.json").read_text())
        if any(digest in labels["sources"] for digest in added):
            raise click.ClickException("these resumes are in the audit already: merged twice?")
        labels["sources"] += added
    first = _judgements(folder / "first.json" if (folder / "first.json").exists() else None)
    second = _judgements(folder / "second.json" if (folder / "second.json").exists() else None)
    new_at: dict[str, tuple[str, int]] = {}
    for item_id, judgement in sorted(first.items()):
        item = index[item_id]
        kind = "findings" if item["kind"] == "finding" else "rewrites"
        allowed = FINDING_LABELS if kind == "findings" else REWRITE_LABELS
        if judgement not in allowed or item["labeled"] is not None:
            raise click.ClickException(f"{item_id}: {judgement!r} for a new {kind[:-1]}")
        entry = {k: item[k] for k in ("source", "key", "loose")}
        entry |= {"code": item["code"]} if kind == "findings" else {"rewrite": item["rewrite"]}
        entry |= {"judgement": judgement, "round": round_no}
        labels[kind].append(entry)
        new_at[item_id] = (kind, len(labels[kind]) - 1)
    for item_id, judgement in sorted(second.items()):
        item = index[item_id]
        if item["labeled"] is not None:
            kind = "findings" if item["kind"] == "finding" else "rewrites"
            at = item["labeled"]
        elif item_id in new_at:
            kind, at = new_at[item_id]
        else:
            continue  # the first labeler has not judged it: nothing to agree with
        allowed = FINDING_LABELS if kind == "findings" else REWRITE_LABELS
        if judgement not in allowed:
            raise click.ClickException(f"{item_id}: {judgement!r} is not a label for a {kind[:-1]}")
        labels[kind][at]["second"] = judgement
    if second:
        labels["second_pool"] = json.loads((folder / "pool.json").read_text())
    LABELS.write_text(json.dumps(labels, indent=1) + "\n", encoding="utf-8")
    click.echo(f"merged {len(first)} first and {len(second)} second judgements")


if __name__ == "__main__":
    main()
