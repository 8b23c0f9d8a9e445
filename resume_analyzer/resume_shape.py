"""Does a parsed document read as a resume at all? Two signs that it does not: it has none of
a resume's structure (no section headings, no dates, no contact details), or most of its
lines are one line repeated (filler, a placeholder, a test file).

Each rule needs all its signs at once, so a short or unusual resume is never refused: one
heading, one date or one email is enough to be read as a resume.
"""

from __future__ import annotations

from collections import Counter

from resume_analyzer.document import Resume
from resume_analyzer.parsing.dates import find_date_range

# A line repeated this share of all lines (or more) means the text is not a resume; it takes
# at least this many lines to tell.
REPEATED_SHARE = 0.5
MIN_LINES_FOR_REPEATS = 4


def not_a_resume_reason(resume: Resume, name: str) -> str | None:
    """Why the document does not read as a resume, in words for its owner; None when it does."""
    lines = _lines(resume)
    if len(lines) >= MIN_LINES_FOR_REPEATS:
        _, repeats = Counter(" ".join(line.casefold().split()) for line in lines).most_common(1)[0]
        if repeats >= REPEATED_SHARE * len(lines):
            return (
                f"{name} repeats one line in {repeats} of its {len(lines)} lines, so it does not "
                "read as a resume. Upload the resume itself (PDF, DOCX or text), with its "
                "experience, education and skills."
            )
    if not (_has_sections(resume) or _has_dates(resume, lines) or _has_contact(resume)):
        return (
            f"{name} does not look like a resume: it has no resume sections (such as "
            "Experience, Education or Skills), no dates and no contact details. Upload your "
            "resume as PDF, DOCX or text."
        )
    return None


def _lines(resume: Resume) -> list[str]:
    lines = [section.heading for section in resume.sections if section.heading.strip()]
    for section in resume.sections:
        lines += [" ".join(p for p in (e.title, e.organization) if p) for e in section.entries]
        lines += [bullet.text for bullet in section.bullets]
    return [line for line in lines if line.strip()]


def _has_sections(resume: Resume) -> bool:
    """A heading the parser recognised (an unlabelled preamble has no heading)."""
    return any(s.kind != "other" and s.heading.strip() for s in resume.sections)


def _has_dates(resume: Resume, lines: list[str]) -> bool:
    entries = (e for s in resume.sections for e in s.entries)
    if any(e.start or e.end or e.current for e in entries):
        return True
    return any(find_date_range(line) is not None for line in lines)


def _has_contact(resume: Resume) -> bool:
    contact = resume.contact
    return bool(contact.email or contact.phone or contact.links)


# A "word" of this many letters with no "/" or "@" is several words whose spaces were lost.
GLUED_LETTERS = 25
# Refuse when at least this many lines, and this share of them, run together: on the 631
# development resumes read for the score's validity the most was 15% (3 lines).
MIN_GLUED = 3
GLUED_SHARE = 0.4


def words_run_together(text: str) -> bool:
    """Whether a line holds a "word" of 25+ letters that is no address or link."""
    return any(
        sum(c.isalpha() for c in word) >= GLUED_LETTERS and not {"/", "@"} & set(word)
        for word in text.split()
    )


def run_together_reason(resume: Resume, name: str) -> str | None:
    """Why the resume's words cannot be judged, when most lines lost their spaces."""
    glued = sum(words_run_together(b.text) for b in resume.bullets)
    if glued < MIN_GLUED or glued < GLUED_SHARE * len(resume.bullets):
        return None
    return (
        f"In {glued} of {len(resume.bullets)} lines of {name} the words run together "
        "with no spaces between them: the text was probably copied out of a PDF that "
        "stores none. Upload the PDF itself, or copy the text again from another viewer."
    )
