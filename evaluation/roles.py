"""Line roles against labels: is a line the parser judges for impact an achievement?

    python -m evaluation.roles --corpus ../shared/corpus [--json roles.json]

`evaluation/labels/roles.json` holds two labelers' roles for 352 lines of 35 corpus resumes,
by hashes of the text (see its `normalization`). The parser's role of each labeled line is
found by re-parsing the file and hashing its lines the same way (exactly, or by its letters
and digits alone when only spacing or glyphs were repaired); a line the parser now reads
differently (other words, other joins) is counted as not found rather than guessed.

Files are split in two by the hash of their bytes, so lines of one person are never on both
sides: `fit` is where the role rules were written, `held-out` the rest. Prints counts and
ratios only, never text.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import click

from evaluation import corpus_option, json_option, run_report
from resume_analyzer.parsing import read_raw
from resume_analyzer.parsing.structure import Trace, build_resume

LABELS = Path(__file__).parent / "labels" / "roles.json"
FOLDERS = ("resumes/pdf", "resumes/docx", "resumes/pm", "resumes/near", "resumes/linkedin")


def line_key(text: str) -> str:
    text = " ".join(unicodedata.normalize("NFC", text).split()).casefold()
    return hashlib.sha256(text.encode()).hexdigest()


def loose_key(text: str) -> str:
    """The letters and digits alone: the same line after a repair of its spacing, ligatures
    or hyphens ("De fi ned" → "Defined") keeps this key."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return hashlib.sha256("".join(ch for ch in folded if ch.isalnum()).encode()).hexdigest()


def split_of(source: str) -> str:
    """Half the files, by their bytes' hash: stable, and blind to what they contain."""
    return "held-out" if int(source[:8], 16) % 2 else "fit"


def predicted_roles(path: Path) -> dict[str, str]:
    """Line key (and "loose:" key) → the parser's role, for the lines of Experience, Projects
    and Leadership."""
    trace: Trace = []
    build_resume(read_raw(path), trace)
    roles: dict[str, str] = {}
    for kind, text, role in trace:
        if kind in ("experience", "projects", "leadership"):
            roles.setdefault(line_key(text), role)
            roles.setdefault(f"loose:{loose_key(text)}", role)
    return roles


def precision_recall(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """(predicted, gold) → precision and recall of "achievement"."""
    tp = sum(p == "achievement" and g == "achievement" for p, g in pairs)
    fp = sum(p == "achievement" and g != "achievement" for p, g in pairs)
    fn = sum(p != "achievement" and g == "achievement" for p, g in pairs)
    return {
        "lines": len(pairs),
        "precision": round(tp / (tp + fp), 3) if tp + fp else None,
        "recall": round(tp / (tp + fn), 3) if tp + fn else None,
        "false_achievements": fp,
        "missed_achievements": fn,
    }


def kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa: agreement beyond what the two labelers' label rates give by chance."""
    if not pairs:
        return None
    observed = sum(a == b for a, b in pairs) / len(pairs)
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(left[r] * right[r] for r in left.keys() | right.keys()) / len(pairs) ** 2
    return round((observed - chance) / (1 - chance), 3) if chance < 1 else None


def evaluate(corpus: Path) -> dict[str, Any]:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    wanted = set(labels["sources"])
    paths: dict[str, Path] = {}
    for folder in FOLDERS:
        for path in sorted((corpus / folder).glob("*")):
            if path.suffix.lower() in (".pdf", ".docx"):
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                if digest in wanted:
                    paths.setdefault(digest, path)
    predicted = {digest: predicted_roles(path) for digest, path in paths.items()}
    rows: list[dict[str, Any]] = []
    for line in labels["lines"]:
        source = labels["sources"][line["source"]]
        roles = predicted.get(source, {})
        role = roles.get(line["key"]) or roles.get(f"loose:{line['loose']}")
        rows.append({**line, "split": split_of(source), "predicted": role})
    found = [r for r in rows if r["predicted"] is not None]
    report: dict[str, Any] = {
        "labeled_lines": len(rows),
        "files": len(labels["sources"]),
        "files_found": len(paths),
        "lines_found": len(found),
        "label_counts": dict(Counter(r["role"] for r in rows)),
    }
    for split in ("fit", "held-out", "all"):
        part = [r for r in found if split == "all" or r["split"] == split]
        report[split] = precision_recall([(r["predicted"], r["role"]) for r in part])
        report[split]["files"] = len({r["source"] for r in part})
        report[split]["vs_second_labeler"] = precision_recall(
            [(r["predicted"], r["second"]) for r in part]
        )
    both = [(r["role"], r["second"]) for r in rows]
    binary = [(a == "achievement", b == "achievement") for a, b in both]
    report["labelers"] = {
        "agreement": round(sum(a == b for a, b in both) / len(both), 3),
        "kappa": kappa(both),
        "achievement_agreement": round(sum(a == b for a, b in binary) / len(binary), 3),
        "achievement_kappa": kappa([(str(a), str(b)) for a, b in binary]),
    }
    report["confusion"] = dict(
        Counter(f"{r['role']}->{r['predicted']}" for r in found if r["role"] != r["predicted"])
    )
    return report


def render(report: dict[str, Any]) -> list[str]:
    out = [
        f"Line roles: {report['lines_found']}/{report['labeled_lines']} labeled lines found in "
        f"{report['files_found']}/{report['files']} files",
    ]
    for split in ("fit", "held-out", "all"):
        r = report[split]
        second = r["vs_second_labeler"]
        out.append(
            f"  {split:9} {r['files']:2} files {r['lines']:3} lines  achievement precision "
            f"{r['precision']} recall {r['recall']} ({r['false_achievements']} false, "
            f"{r['missed_achievements']} missed); vs second labeler: precision "
            f"{second['precision']} recall {second['recall']}"
        )
    lab = report["labelers"]
    out.append(
        f"  labelers agree on {lab['agreement']:.1%} of roles (kappa {lab['kappa']}), on "
        f"achievement-or-not {lab['achievement_agreement']:.1%} (kappa {lab['achievement_kappa']})"
    )
    errors = sorted(report["confusion"].items(), key=lambda kv: -kv[1])
    out.append("  disagreements (label->predicted): " + ", ".join(f"{k} {v}" for k, v in errors))
    return out


@click.command()
@corpus_option
@json_option("the role report")
def main(corpus: Path, json_path: Path | None) -> None:
    """Precision and recall of "achievement" on the labeled lines, fit and held-out."""
    run_report(corpus, json_path, evaluate, render)


if __name__ == "__main__":
    main()
