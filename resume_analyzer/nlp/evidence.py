"""From a parsed resume to evidence: every line's skill mentions and, for achievement
bullets, its impact. This is the extraction step of the pipeline (parse → extract → score).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from resume_analyzer.codes import Codes
from resume_analyzer.document import Entry, Resume, Section
from resume_analyzer.nlp.impact import Finding, Impact, analyze_impact
from resume_analyzer.nlp.limits import make_docs
from resume_analyzer.nlp.questions import ask_all
from resume_analyzer.nlp.skills import Mention, SkillMatcher, lemma_norms, skill_matcher
from resume_analyzer.parsing.language import has_no_english
from resume_analyzer.settings import DEFAULT_SETTINGS, ParseSettings
from resume_analyzer.taxonomy import Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language

    from resume_analyzer.nlp.areas import AreaModel
    from resume_analyzer.nlp.spelling import Speller

# Sections whose bullets show work done; a skill named there is demonstrated, not just listed.
ACHIEVEMENT_KINDS = frozenset({"experience", "projects", "leadership"})
# A leading verb used this many times or more is flagged from its OVERUSE-th bullet on. Not
# from the third: on the feedback audit both labelers found a verb used three times not worth
# the applicant's attention (13 of 13 such notes pedantic), and four or more times worth it.
OVERUSE = 4


@dataclass(frozen=True)
class LineEvidence:
    """One line of the resume and what it shows: a bullet or paragraph (`bullet` is its index
    in the section), or an entry's header ("B.S. Computer Science · State University";
    `entry` is its index and `bullet` is None)."""

    section: int
    bullet: int | None
    section_kind: str
    text: str
    page: int
    line: int
    mentions: tuple[Mention, ...]
    impact: Impact | None
    model_areas: frozenset[str] = field(default=frozenset())
    entry: int | None = None

    @property
    def demonstrated(self) -> bool:
        # An achievement judged under an unlisted heading shows its skills in use too.
        return self.section_kind in ACHIEVEMENT_KINDS or self.impact is not None

    @property
    def areas(self) -> frozenset[str]:
        """Areas this line evidences: by the taxonomy's rules, and by the learned model."""
        return frozenset(m.area for m in self.mentions) | self.model_areas


@dataclass(frozen=True)
class Evidence:
    lines: tuple[LineEvidence, ...]

    @property
    def mentions(self) -> list[tuple[LineEvidence, Mention]]:
        return [(line, mention) for line in self.lines for mention in line.mentions]

    @property
    def achievements(self) -> list[LineEvidence]:
        return [line for line in self.lines if line.impact is not None]

    def to_dict(self) -> dict[str, Any]:
        return {"lines": [_line_dict(line) for line in self.lines]}


def extract(
    resume: Resume,
    taxonomy: Taxonomy,
    *,
    nlp: Language | None = None,
    matcher: SkillMatcher | None = None,
    area_model: AreaModel | None = None,
    limits: ParseSettings = DEFAULT_SETTINGS,
    check: Callable[[], None] | None = None,
    speller: Speller | None = None,
) -> Evidence:
    """Skills, evidence phrases and impact for every line of a parsed resume.

    `area_model`: the learned area tagger whose areas are added to achievement lines; None
    for the taxonomy's rules alone. An `Analyzer` passes what it holds. `limits`: what spaCy
    may be given (`nlp/limits.py`): DocumentTooLargeError past `max_tokens`. `check`: called
    between lines; it raises to stop a document past its time budget. `speller`: checks
    achievement lines for typos; None for no spelling check.
    """
    from resume_analyzer.nlp.pipeline import load_nlp

    nlp = nlp or load_nlp()
    matcher = matcher or skill_matcher(taxonomy, nlp)
    places = [
        (s, b) for s, section in enumerate(resume.sections) for b in range(len(section.bullets))
    ]
    docs = make_docs(nlp, (resume.sections[s].bullets[b].text for s, b in places), limits)
    lines = _entry_lines(resume, nlp, matcher, limits)
    for (s, b), doc in zip(places, nlp.pipe(docs, batch_size=64), strict=True):
        if check is not None:
            check()
        section = resume.sections[s]
        bullet = section.bullets[b]
        lemma_norms(doc)
        impact = None
        # Headers the entry finder missed, skills lists, labels and page furniture share the
        # section with achievements but report no work: judged, they became top fixes.
        if bullet.role == "achievement" and section.kind in (*ACHIEVEMENT_KINDS, "other"):
            impact = analyze_impact(
                doc, taxonomy.lexicons, past_role=past_role(section, b), nlp=nlp
            )
        mentions = matcher.find(doc, listed=section.kind == "skills")
        lines.append(
            LineEvidence(
                section=s,
                bullet=b,
                section_kind=section.kind,
                text=bullet.text,
                page=bullet.page,
                line=bullet.line,
                mentions=tuple(mentions),
                impact=impact,
            )
        )
    lines.sort(key=lambda line: (line.section, line.page, line.line, line.bullet is not None))
    lines = _flag_overused_verbs(lines)
    lines = _flag_duplicates(lines)
    # The dictionary is English: in another language every word would look misspelled.
    if speller is not None and resume.language in (None, "en"):
        lines = _flag_typos(lines, speller, resume)
    if area_model is not None:
        lines = _with_model_areas(lines, area_model)
    return Evidence(tuple(_with_questions(lines, nlp)))


def _with_questions(lines: list[LineEvidence], nlp: Language) -> list[LineEvidence]:
    """Each achievement's question, and no_outcome only where there is one.

    "Says what you did, not what changed" is right on a line that reports building, leading,
    studying or writing a named thing, and it is there that the question can be specific.
    On routine duties ("Answered calls", "Organized files") it was pedantic or wrong: on the
    feedback audit (1,068 findings on 45 resumes, judged by two labelers) no_outcome was
    right on 77% of the lines with a question and 48% of the rest, alike in both halves of
    the resumes. Precision before recall: the rest keep their lower score, without the note.
    """
    judged = [(i, line.text, line.impact) for i, line in enumerate(lines) if line.impact]
    asked = ask_all(nlp, [(text, impact) for _, text, impact in judged])
    out = list(lines)
    for (i, _, impact), question in zip(judged, asked, strict=True):
        if question is None and Codes.NO_OUTCOME.code in impact.codes():
            kept = tuple(f for f in impact.findings if f.code != Codes.NO_OUTCOME.code)
            out[i] = replace(lines[i], impact=replace(impact, findings=kept))
        elif question is not None:
            out[i] = replace(lines[i], impact=replace(impact, question=question))
    return out


def _entry_lines(
    resume: Resume, nlp: Language, matcher: SkillMatcher, limits: ParseSettings
) -> list[LineEvidence]:
    """Entry headers, for what they name: a degree, a hackathon, a club."""
    places = [
        (s, e, header)
        for s, section in enumerate(resume.sections)
        for e, entry in enumerate(section.entries)
        if (header := " · ".join(part for part in (entry.title, entry.organization) if part))
    ]
    docs = make_docs(nlp, (header for *_, header in places), limits)
    lines = []
    for (s, e, header), doc in zip(places, nlp.pipe(docs, disable=["parser"]), strict=True):
        section, entry = resume.sections[s], resume.sections[s].entries[e]
        mentions = matcher.find(lemma_norms(doc))
        if mentions:
            lines.append(
                LineEvidence(
                    section=s,
                    bullet=None,
                    section_kind=section.kind,
                    text=header,
                    page=entry.page,
                    line=entry.line,
                    mentions=tuple(mentions),
                    impact=None,
                    entry=e,
                )
            )
    return lines


def rule_areas(texts: Sequence[str], taxonomy: Taxonomy) -> list[frozenset[str]]:
    """The areas each line evidences by the taxonomy's rules alone (for the model's card)."""
    from resume_analyzer.nlp.pipeline import load_nlp

    nlp = load_nlp()
    matcher = skill_matcher(taxonomy, nlp)
    found = []
    for doc in nlp.pipe(texts, batch_size=64):
        lemma_norms(doc)
        areas = {mention.area for mention in matcher.find(doc)}
        impact = analyze_impact(doc, taxonomy.lexicons, past_role=None)
        if impact.metrics and impact.outcome:
            areas.add("impact_ownership")  # a measured outcome is the area's core evidence
        found.append(frozenset(areas))
    return found


def past_role(section: Section, index: int) -> bool | None:
    """True when the bullet's entry has ended, False when current, None when undated."""
    entry_index = section.bullets[index].entry
    if entry_index is None or entry_index >= len(section.entries):
        return None
    entry: Entry = section.entries[entry_index]
    if entry.current:
        return False
    return True if entry.end else None


def _flag_overused_verbs(lines: list[LineEvidence]) -> list[LineEvidence]:
    counts = Counter(
        line.impact.verb_lemma for line in lines if line.impact and line.impact.verb_lemma
    )
    seen: Counter[str] = Counter()
    out = []
    for line in lines:
        impact = line.impact
        if impact is None or impact.verb_lemma is None or counts[impact.verb_lemma] < OVERUSE:
            out.append(line)
            continue
        seen[impact.verb_lemma] += 1
        if seen[impact.verb_lemma] < OVERUSE:
            out.append(line)
            continue
        finding = Finding.of(
            Codes.VERB_OVERUSED,
            impact.verb_span,
            verb=impact.verb,
            count=counts[impact.verb_lemma],
        )
        out.append(replace(line, impact=replace(impact, findings=(*impact.findings, finding))))
    return out


def _flag_duplicates(lines: list[LineEvidence]) -> list[LineEvidence]:
    """The second and later copies of an achievement: the same words (case, punctuation and
    order of a few words aside) pasted under another role or section. Lines of eight words
    or more only, and nine in ten of their words shared: two short duties alike by chance
    ("Answered phone calls") are not a copy."""
    first: list[tuple[frozenset[str], LineEvidence]] = []
    out = []
    for line in lines:
        words = re.findall(r"[a-z0-9]+", line.text.casefold())
        if line.impact is None or len(words) < 8:
            out.append(line)
            continue
        bag = frozenset(words)
        original = next((seen for key, seen in first if _alike(key, bag)), None)
        if original is None:
            first.append((bag, line))
            out.append(line)
            continue
        finding = Finding.of(Codes.DUPLICATE_LINE, page=original.page, line=original.line)
        impact = line.impact
        out.append(replace(line, impact=replace(impact, findings=(*impact.findings, finding))))
    return out


def _flag_typos(lines: list[LineEvidence], speller: Speller, resume: Resume) -> list[LineEvidence]:
    """Typos in achievement lines; every other text of the resume (headers, skills, contact)
    counts as known words and as uses (see nlp/spelling.py)."""
    judged = [
        i
        for i, line in enumerate(lines)
        if line.impact is not None and not has_no_english(line.text)
    ]
    others = [line.text for line in lines if line.impact is None]
    others += [resume.contact.name or "", *resume.preamble]
    others += [s.heading for s in resume.sections]
    found = speller.typos([lines[i].text for i in judged], others)
    out = list(lines)
    for i, typos in zip(judged, found, strict=True):
        impact = lines[i].impact
        assert impact is not None
        extra = tuple(
            Finding.of(Codes.SPELLING, (t.start, t.end), word=t.word, suggestion=t.suggestion)
            for t in typos
        )
        if extra:
            out[i] = replace(lines[i], impact=replace(impact, findings=(*impact.findings, *extra)))
    return out


def _alike(a: frozenset[str], b: frozenset[str]) -> bool:
    return len(a & b) >= 0.9 * len(a | b)


def _with_model_areas(lines: list[LineEvidence], model: AreaModel) -> list[LineEvidence]:
    """Add the learned model's areas to achievement lines."""
    targets = [i for i, line in enumerate(lines) if line.impact is not None]
    if not targets:
        return lines
    predicted = model.predict([lines[i].text for i in targets])
    out = list(lines)
    for i, areas in zip(targets, predicted, strict=True):
        out[i] = replace(out[i], model_areas=frozenset(areas))
    return out


def _line_dict(line: LineEvidence) -> dict[str, Any]:
    impact = line.impact
    return {
        "section": line.section,
        "bullet": line.bullet,
        "entry": line.entry,
        "section_kind": line.section_kind,
        "text": line.text,
        "page": line.page,
        "line": line.line,
        "skills": [
            {
                "kind": m.kind,
                "skill": m.skill,
                "name": m.name,
                "area": m.area,
                "text": m.text,
                "span": [m.start, m.end],
            }
            for m in line.mentions
        ],
        "model_areas": sorted(line.model_areas),
        "impact": None
        if impact is None
        else {
            "verb": impact.verb,
            "verb_tier": impact.verb_tier,
            "tense": impact.tense,
            "metrics": [m.to_dict() for m in impact.metrics],
            "outcome": impact.outcome,
            "scope": impact.scope,
            "words": impact.words,
            "findings": [f.to_dict() for f in impact.findings],
        },
    }
