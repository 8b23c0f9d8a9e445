"""The groups issue 12's evaluation compares, each resume scored and reduced to figures.

- pm: resumes/pm, and the resumes/pdf and resumes/docx files whose MANIFEST role guess names
  product management (`evaluation.scoring.POSITIVE`; "APM-adjacent" is left out);
- far, near: N LiveCareer PDFs per category (the first N by SHA-256 of their bytes), each
  category placed by `LIVECAREER_GROUPS`;
- modern_near: resumes/near; linkedin: the exports of resumes/linkedin that are not a PM's
  (`linkedin_reads_pm`); corpus_other: the other resumes of resumes/pdf and resumes/docx;
- far_text: the far categories of UpdatedResumeDataSet.csv, read as pasted text.

One file per person (`dedupe`). A row keeps figures, hashes and, for the TF-IDF baseline
only, the resume's text in memory: nothing here prints or writes text or file names.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from evaluation.metrics import LAYOUT_FILE, LAYOUTS, LIVECAREER
from evaluation.scoring import LIVECAREER_GUESS, POSITIVE, RELATED, features_of, label_of
from evaluation.scoring import sample as first_by_hash
from resume_analyzer import Analyzer
from resume_analyzer.document import Resume
from resume_analyzer.errors import ResumeAnalyzerError
from resume_analyzer.parsing import read_raw
from resume_analyzer.scoring.result import Analysis

# LiveCareer PDFs per category: 24 categories at about a second each on a loaded 2-core
# machine, with the rest of the corpus, keeps a run near ten minutes.
PER_CATEGORY = 20
CSV_FILE = "labeled/zaid-ali753_Resume-Screening-101__UpdatedResumeDataSet.csv"
POSTINGS = "job_descriptions/pm"

# Where each LiveCareer folder goes. near: the fields APM applicants come from or PM is confused
# with, which share product vocabulary (requirements, stakeholders, users, launches):
# evaluation.scoring's RELATED plus DESIGNER, the "design" issue 12 names. far: work with no
# product vocabulary. A folder not listed here is left out until a person places it.
NEAR = (*RELATED, "DESIGNER")
FAR = tuple(
    "ACCOUNTANT ADVOCATE AGRICULTURE APPAREL ARTS AUTOMOBILE AVIATION BANKING BPO CHEF "
    "CONSTRUCTION FINANCE FITNESS HEALTHCARE HR PUBLIC-RELATIONS SALES TEACHER".split()
)
LIVECAREER_GROUPS = dict.fromkeys(NEAR, "near") | dict.fromkeys(FAR, "far")
# UpdatedResumeDataSet: only its categories as far from product work as LiveCareer's far ones
# (its software, data, testing, business-analyst and PMO categories are near, and left out).
# Its texts lost their layout (no bullet markers, sections run together) and the parser finds
# few achievement lines in them, so they are a group of their own: pooled with `far`, they
# would make that contrast easier for a reason that is the format, not the content.
CSV_FAR: tuple[str, ...] = ("Advocate", "Arts", "Civil Engineer", "Electrical Engineering", "HR")
CSV_FAR += ("Health and fitness", "Mechanical Engineer", "Sales")

GROUPS = {
    "pm": "PM/APM",
    "far": "far (LiveCareer)",
    "near": "near (LiveCareer)",
    "modern_near": "modern near (resumes/near)",
    "linkedin": "LinkedIn, not PM",
    "corpus_other": "other pdf/docx resumes",
    "far_text": "far, pasted text (CSV)",
}
CONTRASTS = tuple(GROUPS)[1:]
# Groups whose files carry real people's names: there, two files with one name are one person.
# LiveCareer and the CSV are anonymised; what the parser takes for a name there is a headline.
NAMED = frozenset({"pm", "modern_near", "linkedin", "corpus_other"})
CONTENT = ("competencies", "impact")  # the components left when presentation is taken out
TEXT_NAME = "resume.txt"


@dataclass(frozen=True)
class Item:
    """One resume to score: a file, or a CSV text."""

    group: str
    category: str | None
    path: Path | None = None
    text: str | None = None

    def data(self) -> tuple[bytes, str]:
        if self.path is not None:
            return self.path.read_bytes(), self.path.name
        return (self.text or "").encode("utf-8"), TEXT_NAME


@dataclass(frozen=True)
class Row:
    """One scored resume, reduced to figures. `text` feeds the TF-IDF baseline only."""

    item: Item
    status: str
    digest: str
    keys: tuple[str, ...] = ()
    features: tuple[tuple[str, float], ...] = ()
    bullets: int = 0
    text: str = ""
    # Kept for scoring again with weights fitted out of fold (evaluation.validity); never
    # printed or written.
    analysis: Analysis | None = field(default=None, repr=False, compare=False)

    @property
    def group(self) -> str:
        return self.item.group


# --- The groups -----------------------------------------------------------------------------------


def _files(folder: Path) -> list[Path]:
    found = folder.glob("*") if folder.is_dir() else ()
    return sorted(p for p in found if p.suffix.lower() in (".pdf", ".docx") and p.is_file())


def corpus_items(corpus: Path) -> Iterator[Item]:
    with (corpus / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        guesses = {row["local_path"]: row.get("role_guess") or "" for row in rows}
    copies = {LAYOUT_FILE.format(name) for name in LAYOUTS[1:]}  # one resume in three layouts
    yield from (Item("pm", None, p) for p in _files(corpus / "resumes" / "pm"))
    for kind in ("pdf", "docx"):
        for path in _files(corpus / "resumes" / kind):
            local = path.relative_to(corpus).as_posix()
            guess = guesses.get(local, "")
            found = LIVECAREER_GUESS.search(guess)
            label = label_of(found.group(1) if found else None, guess)
            if local not in copies and label != "unclear":
                yield Item("pm" if label == "pm" else "corpus_other", None, path)
    yield from (Item("modern_near", None, p) for p in _files(corpus / "resumes" / "near"))
    yield from (Item("linkedin", None, p) for p in _files(corpus / "resumes" / "linkedin"))


def all_items(corpus: Path, per_category: int = PER_CATEGORY) -> list[Item]:
    """Every item the groups hold: the corpus folders, LiveCareer, the CSV's texts."""
    return [*corpus_items(corpus), *livecareer_items(corpus, per_category), *csv_items(corpus)]


def livecareer_items(corpus: Path, per_category: int) -> Iterator[Item]:
    root = corpus / LIVECAREER
    for folder in sorted(d for d in root.iterdir() if d.is_dir()) if root.is_dir() else ():
        if (group := LIVECAREER_GROUPS.get(folder.name)) is not None:
            yield from (Item(group, folder.name, p) for p in first_by_hash(folder, per_category))


def csv_items(corpus: Path) -> Iterator[Item]:
    """The far categories' texts, each text once (the file repeats most of them)."""
    path = corpus / CSV_FILE
    if not path.is_file():
        return
    csv.field_size_limit(10_000_000)
    seen: set[str] = set()
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        for row in csv.DictReader(handle):
            text, category = row.get("Resume") or "", row.get("Category") or ""
            if category in CSV_FAR and text not in seen:
                seen.add(text)
                yield Item("far_text", category, None, text)


def postings(corpus: Path) -> list[str]:
    folder = corpus / POSTINGS
    files = sorted(folder.iterdir()) if folder.is_dir() else []
    return [p.read_text(encoding="utf-8", errors="replace") for p in files if p.is_file()]


# --- Scoring --------------------------------------------------------------------------------------


def content_score(analysis: Analysis) -> float:
    """The score without the presentation component: the content components, re-weighted."""
    parts = [c for c in analysis.components if c.id in CONTENT]
    total = sum(c.weight for c in parts)
    return sum(c.score * c.weight for c in parts) / total if total else 0.0


def resume_text(resume: Resume) -> str:
    """The resume's words as parsed, without contact details: what the baseline compares."""
    parts = [*resume.preamble]
    for section in resume.sections:
        parts.append(section.heading)
        parts += [f for e in section.entries for f in (e.title, e.organization, e.location) if f]
        parts += [b.text for b in section.bullets]
    return "\n".join(parts)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def person_keys(resume: Resume, named: bool) -> tuple[str, ...]:
    """Hashes that identify the person: the email, and (where names are real) the name."""
    keys = []
    if email := (resume.contact.email or "").strip().casefold():
        keys.append("email:" + _hash(email))
    name = " ".join(re.findall(r"[^\W\d_]+", (resume.contact.name or "").casefold()))
    if named and len(name.split()) >= 2:
        keys.append("name:" + _hash(name))
    return tuple(keys)


def linkedin_reads_pm(data: bytes, filename: str, resume: Resume) -> bool:
    """Whether a LinkedIn export is a product manager's: its headline, or its current (first)
    position's title, matches `evaluation.scoring.POSITIVE`.

    The headline is the reader's line under the name: the structure step keeps the name but
    drops the headline (Resume.preamble stays empty for these exports), so it is read there.
    A past PM position does not make a PM.
    """
    lines = [line.text.strip() for line in read_raw(data, filename=filename).lines]
    name = resume.contact.name
    at = lines.index(name) + 1 if name in lines else len(lines)
    headline = lines[at] if at < len(lines) else ""
    first = next(
        (e.title for s in resume.sections if s.kind == "experience" for e in s.entries), ""
    )
    return any(POSITIVE.search(text or "") for text in (headline, *resume.preamble, first))


def score_item(analyzer: Analyzer, item: Item) -> Row:
    data, filename = item.data()
    digest = hashlib.sha256(data).hexdigest()
    try:
        analysis = analyzer.analyze(data, filename=filename)
        if item.group == "linkedin" and linkedin_reads_pm(data, filename, analysis.resume):
            item = replace(item, group="linkedin_pm")  # left out: a PM, in another format
    except ResumeAnalyzerError as exc:
        return Row(item, exc.code, digest)
    except Exception as exc:  # a bug: keep its type, never its message (it may quote text)
        return Row(item, f"bug:{type(exc).__name__}", digest)
    features = features_of(analysis) | {"content": content_score(analysis)}
    text = item.text if item.text is not None else resume_text(analysis.resume)
    keys = person_keys(analysis.resume, item.group in NAMED)
    bullets = len(analysis.bullets)
    return Row(item, "ok", digest, keys, tuple(features.items()), bullets, text, analysis)


def dedupe(rows: Sequence[Row]) -> tuple[list[Row], Counter[str]]:
    """One row per person, in the group order of GROUPS (pm first) and by file hash within a
    group: a row sharing its bytes, email or (named groups) name with a kept row is dropped,
    so one person never counts twice, nor on both sides of a contrast."""
    order = {group: n for n, group in enumerate(GROUPS)}
    owner: dict[str, int] = {}
    kept: list[Row] = []
    dropped: Counter[str] = Counter()
    for row in sorted(rows, key=lambda r: (order.get(r.group, len(order)), r.digest)):
        keys = (f"bytes:{row.digest}", *row.keys)
        known = [owner[k] for k in keys if k in owner]
        person = known[0] if known else len(kept)
        for key in keys:
            owner.setdefault(key, person)
        if known:
            dropped[row.group] += 1
        else:
            kept.append(row)
    return kept, dropped


def tfidf_cosines(posting_texts: Sequence[str], texts: Sequence[str]) -> list[float]:
    """Per text, its highest TF-IDF cosine to a posting; fitted on postings and texts together."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(
        [*posting_texts, *texts]
    )
    cut = len(posting_texts)
    cosines = (matrix[cut:] @ matrix[:cut].T).toarray()  # rows are L2-normalised
    return [float(v) for v in cosines.max(axis=1)]
