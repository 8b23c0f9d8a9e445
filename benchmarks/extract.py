"""What the extraction step costs (skills, evidence, impact), and which spaCy components pay.

    python benchmarks/extract.py [--corpus ../shared/corpus] [--rounds 3] [--json FILE]

Inputs, parsed once before any timing: N synthetic one-page APM resumes (~450 words, plain
text built here with a fixed seed) and, when the corpus exists, the first 30 of its
resumes/pdf that parse. Timed: `extract(resume, taxonomy, nlp=...)` per
resume, median [min–max] over rounds; with the area model too when it is installed.

Ablation against our default pipeline (en_core_web_sm without NER): the full model with NER;
without the parser too (tok2vec + tagger + attribute_ruler + lemmatizer; the tagger needs
tok2vec); without the tagger too (lemmas fall back to the lower-cased word). For each: words/s
and how many findings and skill/evidence mentions differ from the default's, by code.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import platform
import random
import resource
import statistics
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from resume_analyzer.document import Resume
from resume_analyzer.nlp.evidence import Evidence, extract
from resume_analyzer.parsing import parse_resume
from resume_analyzer.taxonomy import Taxonomy, load_taxonomy

if TYPE_CHECKING:
    from spacy.language import Language

REAL_FILES = 30
SYNTHETIC = 20
WORDS = 450

# --- Synthetic resumes --------------------------------------------------------------------------

# fmt: off
TITLES = ("Associate Product Manager", "Product Analyst", "Product Management Intern",
          "Business Analyst", "Growth Analyst")
COMPANIES = ("Globex Inc", "Acme Corp", "Initech", "Hooli", "Umbrella Labs", "Vandelay Co")
VERBS = ("Launched", "Led", "Built", "Analyzed", "Designed", "Defined", "Shipped", "Ran",
         "Prioritized", "Wrote", "Reduced", "Partnered on", "Managed", "Owned", "Automated")
WEAK = ("Responsible for", "Helped with", "Worked on", "Assisted with", "Involved in")
PASSIVE = ("launched", "redesigned", "rolled out", "rebuilt", "tested")
OBJECTS = ("a self-serve onboarding flow", "the pricing page redesign", "a referral program",
           "weekly experiment reviews", "a churn dashboard in SQL and Tableau",
           "user interviews with 25 customers", "a PRD for the mobile checkout",
           "the Q3 product roadmap", "A/B tests on the signup funnel",
           "a customer feedback survey", "the go-to-market plan for a new tier",
           "an API for partner integrations", "a cohort analysis of retention in Python",
           "the backlog for two agile scrum teams", "a Figma prototype for search",
           "a metrics glossary used across the company", "competitive analysis of 6 rivals")
PARTNERS = ("with engineering and design", "across three teams", "with the data science team",
            "alongside marketing and sales", "", "")
RESULTS = ("that cut time to first value by 35%", "which increased activation by 12%",
           "resulting in $1.2M in new ARR", "lifting weekly active users from 1,200 to 4,500",
           "reducing support tickets by 18% in two quarters", "adopted by 40 staff",
           "and improved NPS by 9 points", "", "", "")
SKILLS = ("SQL", "Python", "Figma", "Jira", "Tableau", "Amplitude", "Excel", "A/B testing",
          "roadmapping", "user research", "Agile", "Scrum", "Looker", "R", "Go", "Mixpanel")
# fmt: on


def bullet(rng: random.Random) -> str:
    obj, partner, result = rng.choice(OBJECTS), rng.choice(PARTNERS), rng.choice(RESULTS)
    roll = rng.random()
    if roll < 0.12:
        head = f"{rng.choice(WEAK)} {obj}"
    elif roll < 0.24:
        aux = "was" if obj.split()[0] in {"a", "an", "the"} else "were"
        head = f"{obj[0].upper()}{obj[1:]} {aux} {rng.choice(PASSIVE)}"
    elif roll < 0.30:
        head = f"I {rng.choice(VERBS).lower()} {obj}"
    else:
        head = f"{rng.choice(VERBS)} {obj}"
    return " ".join(part for part in (head, partner, result) if part)


def synthetic_text(rng: random.Random) -> str:
    lines = ["# Alex Example", "", "alex@example.com | (415) 555-0100 | Springfield, IL", ""]
    lines += ["Product-minded analyst who ships data-informed features with engineering.", ""]
    lines += ["## Experience", ""]
    words, year = 0, 2025
    while words < WORDS - 120:  # the bullets; headings, entries and skills make up the rest
        start = year - rng.randint(1, 2)
        end = "Present" if year == 2025 else f"Dec {year - 1}"
        title, company = rng.choice(TITLES), rng.choice(COMPANIES)
        lines += [f"**{title} | {company} | Austin, TX | Jan {start} – {end}**", ""]
        for _ in range(rng.randint(4, 6)):
            text = bullet(rng)
            lines.append(f"- {text}")
            words += len(text.split())
        lines.append("")
        year = start
    lines += ["## Education", "", "**University of Example — B.S. Economics, May 2019**", ""]
    lines += ["## Skills", ""]
    lines += [f"- {', '.join(rng.sample(SKILLS, 6))}" for _ in range(2)]
    return "\n".join(lines) + "\n"


def synthetic_resumes(count: int) -> list[Resume]:
    rng = random.Random(2024)  # fixed seed: the same resumes every run
    return [parse_resume(synthetic_text(rng).encode(), filename="r.txt") for _ in range(count)]


def real_resumes(corpus: Path | None, limit: int) -> list[Resume]:
    """The first `limit` corpus PDFs that parse and have bullets (parsing is not timed)."""
    if corpus is None or not (corpus / "resumes" / "pdf").is_dir():
        return []
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    found: list[Resume] = []
    for path in sorted((corpus / "resumes" / "pdf").glob("*.pdf")):
        try:
            resume = parse_resume(path)
        except Exception:  # a refused file is simply not part of the set
            continue
        if resume.bullets:
            found.append(resume)
        if len(found) >= limit:
            break
    return found


# --- Pipelines ----------------------------------------------------------------------------------


def _model(exclude: Sequence[str]) -> Language:
    import spacy

    from resume_analyzer.nlp.pipeline import MODEL_PACKAGES

    for package in MODEL_PACKAGES:
        try:
            return spacy.load(package, exclude=list(exclude))
        except OSError:
            continue
    raise SystemExit("The spaCy English model is not installed.")


CONFIGS: dict[str, Callable[[], Language]] = {
    "full (incl. NER)": lambda: _model(()),
    "default (no NER)": lambda: _model(("ner",)),
    "no NER, no parser": lambda: _model(("ner", "parser")),
    # Without the tagger the lemmatizer has no POS: its lemmas are the lower-cased words (W108),
    # which is the floor the matchers can run on (the taxonomy's LEMMA patterns need lemmas).
    "no tagger (lemmas = lower case)": lambda: _model(("ner", "parser", "tagger", "tok2vec")),
}
DEFAULT = "default (no NER)"
WITH_MODEL = "default + area model"
Found = tuple[tuple[str, ...], tuple[str, ...]]


@dataclass
class Config:
    name: str
    nlp: Language
    load_ms: float
    use_model: bool = False
    ms: dict[str, list[float]] = field(default_factory=dict)  # set -> ms per resume, per round
    findings: Counter[str] = field(default_factory=Counter)
    mentions: Counter[str] = field(default_factory=Counter)
    # (resume, section, page, line, bullet) -> (finding codes, mentions): lines may come and go
    # (entry headers are kept only when they name something), so they are matched by place.
    per_line: dict[tuple[object, ...], Found] = field(default_factory=dict)


def load_config(name: str) -> Config:
    started = time.perf_counter()
    nlp = CONFIGS[name]()
    return Config(name, nlp, (time.perf_counter() - started) * 1000)


def area_model_status() -> str | None:
    """None when the area model loads; otherwise why it is left out."""
    try:
        from resume_analyzer.nlp.areas import AreaModel  # type: ignore[import-not-found,unused-ignore]

        AreaModel.load()
    except Exception as exc:  # not installed, not trained, or broken: the row is skipped
        return f"{type(exc).__name__}: {exc}"[:120]
    return None


def run(config: Config, resumes: Sequence[Resume], taxonomy: Taxonomy) -> list[Evidence]:
    from resume_analyzer.nlp.areas import AreaModel

    model = AreaModel.load() if config.use_model else None
    return [extract(r, taxonomy, nlp=config.nlp, area_model=model) for r in resumes]


def warm(config: Config, sets: dict[str, list[Resume]], taxonomy: Taxonomy) -> None:
    """One resume per set, untimed: builds the matcher, fills caches, fails early if unusable."""
    for resumes in sets.values():
        run(config, resumes[:1], taxonomy)


def note(config: Config, name: str, found: Sequence[Evidence]) -> None:
    """What the configuration finds, line by line (from the first round, outside the timing)."""
    for index, evidence in enumerate(found):
        for line in evidence.lines:
            codes = tuple(sorted(f.code for f in line.impact.findings)) if line.impact else ()
            mentions = tuple(sorted(m.skill or f"evidence:{m.area}" for m in line.mentions))
            config.findings.update(codes)
            config.mentions.update(mentions)
            place = (name, index, line.section, line.page, line.line, line.bullet)
            config.per_line[place] = (codes, mentions)


def time_rounds(
    configs: Sequence[Config], sets: dict[str, list[Resume]], rounds: int, taxonomy: Taxonomy
) -> None:
    """Each round times every configuration on every set, rotating which goes first."""
    for number in range(rounds):
        order = list(configs[number % len(configs) :]) + list(configs[: number % len(configs)])
        for config in order:
            for name, resumes in sets.items():
                gc.collect()
                started = time.perf_counter()
                found = run(config, resumes, taxonomy)
                ms = (time.perf_counter() - started) * 1000 / len(resumes)
                config.ms.setdefault(name, []).append(ms)
                if number == 0:
                    note(config, name, found)
        print(f"round {number + 1}/{rounds} done", file=sys.stderr)


def matcher_build_ms(nlp: Language, taxonomy: Taxonomy, rounds: int) -> list[float]:
    from resume_analyzer.nlp.skills import SkillMatcher

    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        SkillMatcher(taxonomy, nlp)
        times.append((time.perf_counter() - started) * 1000)
    return times


# --- Report -------------------------------------------------------------------------------------


def spread(values: Sequence[float], digits: int = 1) -> str:
    if not values:
        return "-"
    low, high = min(values), max(values)
    return f"{statistics.median(values):,.{digits}f} [{low:,.{digits}f}–{high:,.{digits}f}]"


def delta(config: Counter[str], default: Counter[str]) -> dict[str, int]:
    keys = sorted(set(config) | set(default))
    return {k: config[k] - default[k] for k in keys if config[k] != default[k]}


def changed_lines(config: Config, default: Config) -> tuple[int, int]:
    """Lines whose findings, and lines whose mentions, differ from the default's."""
    none: Found = ((), ())
    places = config.per_line.keys() | default.per_line.keys()
    pairs = [(config.per_line.get(p, none), default.per_line.get(p, none)) for p in places]
    return sum(a[0] != b[0] for a, b in pairs), sum(a[1] != b[1] for a, b in pairs)


def summarize(configs: Sequence[Config], sets: dict[str, list[Resume]]) -> list[dict[str, Any]]:
    default = next(c for c in configs if c.name == DEFAULT)
    words = {
        name: sum(len(b.text.split()) for r in rs for b in r.bullets) for name, rs in sets.items()
    }
    rows = []
    for c in configs:
        finding_lines, mention_lines = changed_lines(c, default)
        rows.append(
            {
                "config": c.name,
                "pipes": list(c.nlp.pipe_names) + (["area model"] if c.use_model else []),
                "load_ms": round(c.load_ms, 1),
                "ms_per_resume": {n: [round(v, 2) for v in c.ms[n]] for n in sets},
                "words_per_s": {
                    n: [round(words[n] / len(sets[n]) / v * 1000) for v in c.ms[n]] for n in sets
                },
                "findings": sum(c.findings.values()),
                "findings_delta": delta(c.findings, default.findings),
                "finding_lines_changed": finding_lines,
                "mentions": sum(c.mentions.values()),
                "mentions_delta": delta(c.mentions, default.mentions),
                "mention_lines_changed": mention_lines,
            }
        )
    return rows


def render(summary: dict[str, Any]) -> list[str]:
    sets = summary["sets"]
    head = ["configuration", "components", "load ms"]
    head += [f"ms/resume, {n}" for n in sets] + [f"words/s, {n}" for n in sets]
    head += ["findings (lines changed)", "mentions (lines changed)"]
    out = [
        f"Python {summary['python']}, spaCy {summary['spacy']}, {summary['cpus']} CPUs, load "
        f"{summary['load_before']} -> {summary['load_after']}; N = {summary['rounds']} rounds, "
        "median [min–max]; "
        + ", ".join(f"{n}: {v['resumes']} resumes, {v['words']} words" for n, v in sets.items()),
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    for row in summary["rows"]:
        cells = [row["config"], " + ".join(row["pipes"]) or "(none)", f"{row['load_ms']:,.0f}"]
        cells += [spread(row["ms_per_resume"][n]) for n in sets]
        cells += [spread(row["words_per_s"][n], 0) for n in sets]
        cells += [f"{row['findings']} ({row['finding_lines_changed']})"]
        cells += [f"{row['mentions']} ({row['mention_lines_changed']})"]
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    for row in summary["rows"]:
        for what in ("findings", "mentions"):
            if changes := row[f"{what}_delta"]:
                out.append(f"- {row['config']}, {what} vs default: {_largest(changes)}")
    out += [f"- {key}: {value}" for key, value in summary["other"].items()]
    return out


def _largest(changes: dict[str, int], shown: int = 12) -> str:
    ordered = sorted(changes.items(), key=lambda item: (-abs(item[1]), item[0]))
    more = f", … ({len(ordered) - shown} more)" if len(ordered) > shown else ""
    return ", ".join(f"{k} {v:+d}" for k, v in ordered[:shown]) + more


def peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


# --- Command ------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None, help="the corpus folder, if any")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (default 3)")
    parser.add_argument("--synthetic", type=int, default=SYNTHETIC, help="synthetic resumes")
    parser.add_argument("--real", type=int, default=REAL_FILES, help="corpus PDFs at most")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.synthetic < 1:
        parser.error("--rounds and --synthetic must be at least 1")
    warnings.filterwarnings("ignore", message=r"\[W108\]")  # no POS without the tagger
    load_before = round(os.getloadavg()[0], 2)
    other: dict[str, Any] = {}
    started = time.perf_counter()
    import spacy

    other["import spacy, ms"] = round((time.perf_counter() - started) * 1000)
    taxonomy = load_taxonomy()
    sets = {"synthetic": synthetic_resumes(args.synthetic)}
    if real := real_resumes(args.corpus, args.real):
        sets["corpus PDFs"] = real
    print(f"parsed {', '.join(f'{len(v)} {k}' for k, v in sets.items())}", file=sys.stderr)
    default = load_config(DEFAULT)
    other["taxonomy skills"] = len(taxonomy.skills)
    other["matcher build ms, default pipeline"] = spread(
        matcher_build_ms(default.nlp, taxonomy, args.rounds)
    )
    warm(default, sets, taxonomy)
    other["peak RSS MiB, after parsing, default pipeline loaded and warm"] = peak_rss_mib()
    configs = [default]
    if (why := area_model_status()) is None:
        configs.append(Config(WITH_MODEL, default.nlp, default.load_ms, use_model=True))
        warm(configs[-1], sets, taxonomy)
        other["peak RSS MiB, with area model"] = peak_rss_mib()
    else:
        other["area model"] = f"not timed ({why})"
    for name in CONFIGS:
        if name == DEFAULT:
            continue
        config = load_config(name)
        try:
            warm(config, sets, taxonomy)
        except ValueError as exc:  # e.g. the taxonomy's LEMMA patterns need a lemmatizer
            other[name] = f"cannot run: {str(exc)[:110]}"
            continue
        configs.append(config)
    time_rounds(configs, sets, args.rounds, taxonomy)
    other["peak RSS MiB, all pipelines loaded"] = peak_rss_mib()
    summary = {
        "python": platform.python_version(),
        "spacy": spacy.about.__version__,
        "cpus": os.cpu_count(),
        "rounds": args.rounds,
        "load_before": load_before,
        "load_after": round(os.getloadavg()[0], 2),
        "sets": {
            n: {
                "resumes": len(rs),
                "words": sum(len(b.text.split()) for r in rs for b in r.bullets),
            }
            for n, rs in sets.items()
        },
        "rows": summarize(configs, sets),
        "other": other,
    }
    print("\n".join(render(summary)))
    if args.json is not None:
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
