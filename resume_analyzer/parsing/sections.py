"""Section headings: which lines are headings, and what kind of section each opens.

A heading is recognised from several signals at once (size against the body text, weight,
capitals, a rule under it, space above, shortness, and the words it uses), never from a word
list alone: "Experience" in a sentence is not a heading, and "WHAT I'VE BUILT" in large bold
capitals is one even though no list names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resume_analyzer.document import SectionKind
from resume_analyzer.parsing.contact import is_place_line
from resume_analyzer.parsing.dates import find_date_range
from resume_analyzer.parsing.entries import ORGANIZATION, ROLE
from resume_analyzer.parsing.lines import Line

# Phrases printed as headings, by kind. Matching is on the whole normalised heading, then on
# its head words, so "Relevant Work Experience" and "Experience & Internships" both match.
_VOCABULARY: dict[SectionKind, tuple[str, ...]] = {
    "summary": (
        "summary",
        "professional summary",
        "career summary",
        "profile",
        "professional profile",
        "about",
        "about me",
        "objective",
        "career objective",
        "objectives",
        "overview",
        "personal statement",
        "executive summary",
        "career overview",
        "introduction",
        "highlights",
        "summary of qualifications",
        "qualifications summary",
        "personal profile",
    ),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "relevant experience",
        "internships",
        "internship",
        "internship experience",
        "professional background",
        "career",
        "experiences",
        "industry experience",
        "product experience",
        "work",
        "positions",
        "professional history",
        "relevant work experience",
        "experience and internships",
        "internships and experience",
    ),
    "education": (
        "education",
        "academic background",
        "academics",
        "education and training",
        "educational background",
        "academic qualifications",
        "qualifications",
        "educational qualifications",
        "academic details",
        "education & training",
        "coursework",
        "relevant coursework",
        "academic profile",
        "scholastic achievements",
    ),
    "skills": (
        "skills",
        "technical skills",
        "core competencies",
        "competencies",
        "key skills",
        "skills and tools",
        "tools",
        "technologies",
        "skills & interests",
        "expertise",
        "areas of expertise",
        "technical proficiencies",
        "skill set",
        "skillset",
        "skills summary",
        "core skills",
        "hard skills",
        "soft skills",
        "tools and technologies",
        "technical expertise",
        "strengths",
        "key strengths",
        "it skills",
        "computer skills",
        "skill highlights",
        "additional skills",
        "software",
    ),
    "projects": (
        "projects",
        "personal projects",
        "academic projects",
        "selected projects",
        "key projects",
        "side projects",
        "project experience",
        "project",
        "product projects",
        "technical projects",
        "portfolio",
        "case studies",
        "hackathons",
        "notable projects",
    ),
    "leadership": (
        "leadership",
        "leadership experience",
        "activities",
        "extracurricular activities",
        "extracurriculars",
        "extra curricular activities",
        "leadership and activities",
        "volunteer",
        "volunteering",
        "volunteer experience",
        "community involvement",
        "campus involvement",
        "involvement",
        "positions of responsibility",
        "organizations",
        "student organizations",
        "community service",
        "affiliations",
        "professional affiliations",
        "memberships",
        "leadership & involvement",
    ),
    "certifications": (
        "certifications",
        "certification",
        "certificates",
        "licenses",
        "licenses and certifications",
        "courses",
        "training",
        "professional development",
        "certifications and training",
        "online courses",
        "trainings",
        "accreditations",
    ),
    "awards": (
        "awards",
        "honors",
        "honours",
        "achievements",
        "awards and honors",
        "honors and awards",
        "accomplishments",
        "recognition",
        "awards & achievements",
        "scholarships",
        "key achievements",
        "distinctions",
    ),
    "publications": (
        "publications",
        "research",
        "papers",
        "research experience",
        "presentations",
        "talks",
        "patents",
        "publications and presentations",
        "writing",
    ),
    "languages": ("languages", "language skills", "language proficiency", "spoken languages"),
    "interests": (
        "interests",
        "hobbies",
        "hobbies and interests",
        "personal interests",
        "interests and hobbies",
        "outside interests",
        "passions",
        "additional information",
        "personal",
        "personal details",
        "personal information",
        "other interests",
    ),
    "other": ("references", "reference", "declaration", "additional", "miscellaneous", "other"),
}

# Head words that decide the kind when the whole phrase is not listed ("Product Management
# Experience", "Teaching Experience"). Earlier entries win: "Leadership Experience" is
# leadership, not experience.
_HEAD_WORDS: tuple[tuple[str, SectionKind], ...] = (
    ("summary", "summary"),
    ("objective", "summary"),
    ("profile", "summary"),
    ("education", "education"),
    ("academic", "education"),
    ("leadership", "leadership"),
    ("volunteer", "leadership"),
    ("extracurricular", "leadership"),
    ("activities", "leadership"),
    ("involvement", "leadership"),
    ("project", "projects"),
    ("hackathon", "projects"),
    ("skill", "skills"),
    ("competenc", "skills"),
    ("technolog", "skills"),
    ("tools", "skills"),
    ("certific", "certifications"),
    ("licen", "certifications"),
    ("course", "certifications"),
    ("award", "awards"),
    ("honor", "awards"),
    ("honour", "awards"),
    ("achievement", "awards"),
    ("publication", "publications"),
    ("research", "publications"),
    ("language", "languages"),
    ("interest", "interests"),
    ("hobbies", "interests"),
    ("experience", "experience"),
    ("employment", "experience"),
    ("internship", "experience"),
    ("work history", "experience"),
)

_LOOKUP: dict[str, SectionKind] = {
    phrase: kind for kind, phrases in _VOCABULARY.items() for phrase in phrases
}
# The same phrases with their spaces removed; the first phrase listed wins, as in _LOOKUP.
_SPACED_LOOKUP: dict[str, SectionKind] = {}
for _phrase, _kind in _LOOKUP.items():
    _SPACED_LOOKUP.setdefault(_phrase.replace(" ", ""), _kind)


# "INFORMATION TECHNOLOGY MANAGER" at the top is a job title, not a skills heading.
_JOB_TITLE = re.compile(
    r"\b(?:manager|engineer|analyst|developer|designer|consultant|director|specialist|"
    r"assistant|coordinator|officer|intern|associate|accountant|teacher|representative)s?\b"
)


def normalise_heading(text: str) -> str:
    text = text.casefold().replace("&", " and ")
    return " ".join(_NOT_A_LETTER.sub(" ", text).split())


_NOT_A_LETTER = re.compile(r"[^a-z ]+")


def kind_of(heading: str) -> tuple[SectionKind | None, bool]:
    """The section kind a heading names, and whether the whole phrase is a listed one."""
    norm = normalise_heading(heading)
    if norm in _LOOKUP:
        return _LOOKUP[norm], True
    spaced = norm.replace(" ", "")
    if spaced in _SPACED_LOOKUP:  # letter-spaced "E X P E R I E N C E"
        return _SPACED_LOOKUP[spaced], True
    if len(norm.split()) <= 5 and not _JOB_TITLE.search(norm):
        for word, kind in _HEAD_WORDS:
            if word in norm:
                return kind, False
    return None, False


@dataclass(frozen=True)
class Typography:
    """What body text looks like in this document, to judge headings against."""

    body_size: float
    pitch: float


# "Globex — Product Manager", "Analyst, Acme", "Manager at Acme": parts of one entry line.
_ENTRY_SEPARATOR = re.compile(r"\s[–—|·•]\s|,\s|\sat\s|\s@\s", re.IGNORECASE)
_NOT_HEADING = re.compile(r"[@|•]|https?:|www\.|\d{4}|\.com\b")


def looks_like_entry_line(text: str) -> bool:
    """A job title, company, date or detail line ("PRODUCT MANAGER", "GLOBEX INC", "2021 –
    2023", "GPA: 3.8"): set like a heading in some resumes, but part of an entry, never a
    section of its own."""
    norm = text.strip().rstrip(":")
    if find_date_range(norm) is not None or _ENTRY_SEPARATOR.search(norm):
        return True
    if ":" in norm or any(ch.isdigit() for ch in norm):
        return True  # a label with its value ("GPA: 3.8/4.0"), a figure: an entry's detail
    return bool(ROLE.search(norm) or ORGANIZATION.search(norm)) and kind_of(norm)[0] is None


def looks_upper(line: Line) -> bool:
    """Set in capitals: by a style (DOCX all-caps) or in the letters themselves."""
    letters = [ch for ch in line.text if ch.isalpha()]
    return line.caps or (len(letters) >= 3 and all(ch.isupper() for ch in letters))


_TRAILING_NOTE = re.compile(r"\s*\([^()]{1,40}\)$")


def heading_score(line: Line, typo: Typography) -> float:
    """How strongly a line looks like a section heading; 3 or more counts as one."""
    text = line.text.strip().rstrip(":").strip()
    # "EXPERIENCE (7 YEARS 10 MONTHS)", "Projects (selected)": the heading is before the
    # bracket; what the bracket adds says nothing about whether this is a heading.
    text = _TRAILING_NOTE.sub("", text) or text
    words = text.split()
    if len(words) > 2 and all(len(w) == 1 for w in words):
        words = [text.replace(" ", "")]  # "W O R K E X P E R I E N C E" copied as text
    if not words or line.marker is not None or len(words) > 7 or _NOT_HEADING.search(text):
        return 0.0
    if "\t" in text and is_place_line(text.rsplit("\t", 1)[1], (2, 3)):
        return 0.0  # "Payfinancials Technology   Lagos, Nigeria": a company and its place
    kind, exact = kind_of(text)
    score = 3.0 if exact else (1.5 if kind else 0.0)
    if looks_upper(line):
        score += 1.5
    if line.heading_level is not None:
        score += 2.5
    if line.bold:
        score += 1.0
    if typo.body_size and line.size >= typo.body_size * 1.12:
        score += 1.5
    if line.rule_below or line.rule_above:
        score += 1.0
    if line.gap_above is not None and typo.pitch and line.gap_above > typo.pitch * 1.6:
        score += 0.5
    if text.endswith((".", ",", ";")):
        score -= 2.0
    if line.text.rstrip().endswith(":"):
        # "Languages:" or "Tools:" inside a skills section is a label, not a new section.
        score -= 1.5
    if len(words) > 4:
        score -= 1.0
    if not text[0].isupper() and not text[0].isdigit():
        score -= 2.0
    return score
