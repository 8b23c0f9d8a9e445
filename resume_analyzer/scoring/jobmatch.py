"""Match a resume against a job posting: the skills the posting asks for, ranked by how much
it stresses them, found or missing in the resume; and whether the resume names the title.

A posting's skills are found with the same taxonomy matchers as the resume's. A skill under a
"Requirements"/"Qualifications"/"You have" heading counts double; one that appears only under
"Preferred"/"Nice to have"/"Bonus" is listed as preferred. Each mention adds weight, so a skill
the posting names three times ranks above one named once.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from resume_analyzer.nlp.evidence import Evidence
from resume_analyzer.nlp.limits import make_docs
from resume_analyzer.nlp.skills import SkillMatcher, lemma_norms, reads_as_list, skill_matcher
from resume_analyzer.scoring.result import JobMatch
from resume_analyzer.settings import DEFAULT_SETTINGS, ParseSettings
from resume_analyzer.taxonomy import Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language

MAX_TITLE_CHARS = 200
SKILLS_SHARE = 85.0
TITLE_SHARE = 15.0
_REQUIRED = re.compile(
    r"requirement|qualification|must|minimum|basic|you have|you.?ll need|what we.?re looking"
    r"|who you are|you bring|skills|experience",
    re.I,
)
_PREFERRED = re.compile(r"prefer|nice to have|bonus|a plus|desired|ideal|extra credit", re.I)
_ROLE_WORDS = re.compile(
    r"\b(manager|analyst|engineer|designer|associate|intern|specialist|lead|director|scientist"
    r"|consultant|owner|developer|marketer|coordinator)\b",
    re.I,
)
_GENERIC_PREFIX = re.compile(
    r"^(?:job\s+description|job\s+posting|about\s+the\s+role)\s*[:–—-]\s*", re.I
)
_SENIORITY = re.compile(
    r"\b(associate|senior|junior|sr|jr|lead|staff|principal|intern|internship|i|ii|iii|2026|"
    r"2025|2027|new grad|entry.level|apm)\b|\(.*?\)|[-–—|,:].*$",
    re.I,
)


@dataclass(frozen=True)
class Posting:
    """What a job posting asks for: skill id → (name, weight, required?)."""

    title: str | None
    skills: dict[str, tuple[str, float, bool]]


def read_posting(
    text: str,
    taxonomy: Taxonomy,
    nlp: Language,
    *,
    matcher: SkillMatcher | None = None,
    limits: ParseSettings = DEFAULT_SETTINGS,
) -> Posting:
    matcher = matcher or skill_matcher(taxonomy, nlp)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    weights: dict[str, float] = defaultdict(float)
    names: dict[str, str] = {}
    required: dict[str, bool] = defaultdict(bool)
    region = "neutral"
    title = _title(lines)
    docs = make_docs(nlp, lines, limits, what="job posting")
    for line, doc in zip(lines, nlp.pipe(docs, disable=["parser"]), strict=True):
        if title and _GENERIC_PREFIX.sub("", line).strip() == title:
            continue  # "Associate Product Manager" names the role, not a skill it asks for
        if _is_heading(line):
            if _PREFERRED.search(line):
                region = "preferred"
            elif _REQUIRED.search(line):
                region = "required"
            elif line.endswith(":"):
                region = "neutral"
        here = "preferred" if _PREFERRED.search(line) else region
        for mention in matcher.find(lemma_norms(doc), listed=reads_as_list(doc)):
            if mention.skill is None:
                continue
            names[mention.skill] = mention.name
            weights[mention.skill] += 2.0 if here == "required" else 1.0
            required[mention.skill] |= here != "preferred"
    skills = {key: (names[key], weights[key], required[key]) for key in weights}
    return Posting(title=title, skills=skills)


def match_job(posting: Posting, evidence: Evidence, resume_text: str) -> JobMatch:
    have = {mention.skill for _, mention in evidence.mentions if mention.skill}
    ranked = sorted(posting.skills.items(), key=lambda item: (-item[1][1], item[1][0]))
    total = sum(weight for _, weight, _ in posting.skills.values())
    matched = sum(weight for key, (_, weight, _) in posting.skills.items() if key in have)
    title_match = _title_matches(posting.title, resume_text)
    if total:
        score = SKILLS_SHARE * matched / total + (TITLE_SHARE if title_match else 0.0)
    else:
        score = 100.0 if title_match else 0.0
    groups: dict[tuple[bool, bool], list[str]] = defaultdict(list)
    for key, (name, _, is_required) in ranked:
        groups[(is_required, key in have)].append(name)
    return JobMatch(
        title=posting.title,
        title_match=title_match,
        score=score,
        required_matched=tuple(groups[(True, True)]),
        required_missing=tuple(groups[(True, False)]),
        preferred_matched=tuple(groups[(False, True)]),
        preferred_missing=tuple(groups[(False, False)]),
    )


def _is_heading(line: str) -> bool:
    """A line that opens a part of the posting: "Requirements:", "Nice to have"."""
    if line[:1] in "-•*·–" or line[:1].isdigit():
        return False  # a list item
    words = line.rstrip(":").split()
    return line.endswith(":") or (len(words) <= 6 and not line.endswith("."))


def _title(lines: list[str]) -> str | None:
    lines = [_GENERIC_PREFIX.sub("", line).strip() for line in lines]
    for line in lines[:8]:
        labelled = re.match(r"(?:job\s+)?(?:title|position|role)\s*:\s*(.+)", line, re.I)
        # A title is a few words; matching a long line against the resume is not linear.
        if labelled and len(labelled.group(1)) <= MAX_TITLE_CHARS:
            return labelled.group(1).strip()
    for line in lines[:8]:
        if _ROLE_WORDS.search(line) and len(line.split()) <= 10:
            return line
    return None


def _title_matches(title: str | None, resume_text: str) -> bool:
    if not title:
        return False
    core = _SENIORITY.sub(" ", title)
    core = re.sub(r"\s+", " ", core).strip().lower()
    if not core:
        return False
    words = [re.escape(word) for word in core.split()]
    # "product manager" also matches "product management"
    words = [re.sub(r"manager$", "manag(?:er|ement)", w) for w in words]
    return bool(re.search(r"\b" + r"\s+".join(words), resume_text, re.I))
