"""Entry headers: the lines above a role's bullets, split into title, organisation, location
and dates.

"Product Intern | Acme Corp | San Francisco, CA | May 2022 – Aug 2022" and the two-line
"Acme Corp            San Francisco, CA / Product Intern        May 2022 – Aug 2022" both
give title "Product Intern", organisation "Acme Corp". Which part is the title is decided by
role words ("intern", "manager", "B.S."), falling back on order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from resume_analyzer.document import Entry, SectionKind
from resume_analyzer.parsing.contact import find_location, is_place_line
from resume_analyzer.parsing.dates import find_date_range, find_duration
from resume_analyzer.parsing.linkedin_entries import DURATION as LINKEDIN_DURATION

ROLE = re.compile(
    r"\b(?:intern(?:ship)?|engineer|manager|analyst|associate|developer|designer|lead|"
    r"consultant|assistant|coordinator|director|president|vice|founder|co-founder|cofounder|"
    r"scientist|researcher|specialist|officer|head|member|volunteer|fellow|chair|captain|"
    r"representative|executive|administrator|architect|strategist|owner|advisor|adviser|"
    r"tutor|teacher|instructor|ambassador|organizer|organiser|treasurer|secretary|mentor|"
    r"trainee|apprentice|creator|maintainer|builder|partner|clerk|technician|programmer|writer|editor|contributor|"
    r"student|graduate|accountant|cashier|server|supervisor|"
    r"chief|ceo|cto|cpo|vp|svp|pm|apm|sde|swe|ta|ra)\b",
    re.IGNORECASE,
)
_DEGREE = re.compile(
    r"\b(?:b\.?\s?s\.?c?|b\.?\s?a\.?|b\.?\s?e\.?|b\.?\s?tech|m\.?\s?s\.?c?|m\.?\s?a\.?|"
    r"m\.?\s?tech|mba|ph\.?\s?d|bachelor(?:'s)?|master(?:'s)?|doctor(?:ate)?|associate's|"
    r"diploma|degree|minor|major|certificate|high school|a\.?\s?a\.?s?|b\.?\s?com|bba|"
    r"m\.?\s?eng|b\.?\s?eng|concentration)\b",
    re.IGNORECASE,
)
ORGANIZATION = re.compile(
    r"\b(?:inc|llc|ltd|corp(?:oration)?|company|co|university|college|school|institute|"
    r"academy|labs?|technologies|group|bank|foundation|association|society|club|"
    r"hospital|agency|partners|capital|ventures|studio|solutions|systems|services|"
    r"consulting|limited|pvt|gmbh|startup|council|committee|department|team)\b\.?",
    re.IGNORECASE,
)
_AT = re.compile(r"\s(?:at|@)\s+(?=\w)", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:\||｜|·|•|◦|▪|♦|\s[-–—]\s|,\s|\t|\s{3,}|\bat\b|@)\s*")
# "University of Texas at Austin", "SUNY College at Brockport": a school whose name has "at"
# in it. Split there like "Analyst at Initech", the school lost "at Austin" to the details.
_SCHOOL_AT = re.compile(
    r"\b(?:University|College|Institute)(?:\s+of)?(?:\s+[A-Z][\w.&'’-]*)*\s+(at)\s+(?=[A-Z])"
)
_KEPT_AT = "\ue000"  # a private-use character: no word, so `_SPLIT`'s "at" passes it by


def _shield(text: str) -> str:
    """`text` with a school's own "at" hidden from the separators."""

    def keep(match: re.Match[str]) -> str:
        if ROLE.search(match.group(0)):  # "University Relations Manager at Google"
            return match.group(0)
        start, end = match.span(1)
        text = match.group(0)
        return text[: start - match.start()] + _KEPT_AT + text[end - match.start() :]

    return _SCHOOL_AT.sub(keep, text)


def _split(part: str) -> list[str]:
    """A header line's segments, split at separators and at "at"; a school's own "at" kept."""
    return [s.replace(_KEPT_AT, "at") for s in _SPLIT.split(_shield(part))]


def parse_entry(texts: Sequence[str], kind: SectionKind, page: int, line: int) -> Entry:
    joined = "\n".join(texts)
    dates = find_date_range(joined)
    rest = joined
    qualifier = ""
    if dates:
        rest = joined[: dates.span[0]] + " " + joined[dates.span[1] :]
        # "Expected May 2026": the word says the date is still to come; it is kept as a
        # detail, not read as the school or the degree.
        qualifier = " ".join(m.group(1) for m in _QUALIFIER.finditer(rest))
        rest = _QUALIFIER.sub(" ", rest)
    duration = find_duration(rest)
    if duration:
        rest = rest[: duration[1][0]] + " " + rest[duration[1][1] :]
    # "Acme, Inc.": a company's legal suffix after a comma is part of its name, not a part
    # of the header of its own.
    rest = re.sub(r",\s+(?=(?:Inc|LLC|L\.L\.C|Ltd|Corp|Co|GmbH|plc|S\.A|AG)\b\.?)", " ", rest)
    # A template's "Company Name" placeholder right after the title, with no separator
    # ("Network Analyst Company Name ｜ City , State"): the two are apart.
    rest = re.sub(r"(?<=\S)\s+(?=Company Name\b)", " | ", rest)
    position = _linkedin_position(texts)
    location = _linkedin_place(texts) if position and duration else None
    if location is None:
        location = find_location(rest.split("\n"))
        location = _place_only(location) if location else None
    if location is None and duration and len(texts) > 2:
        # Another position printing a duration: a line under the company shaped
        # "Place, Region[, Country]" is the place, even where no list of regions knows it.
        location = next(
            (
                t.strip()
                for t in texts[2:]
                if is_place_line(t, (2, 3)) and not ORGANIZATION.search(t)
            ),
            None,
        )
    if location:
        # "Germany (Remote)": how the place was worked belongs to it.
        mode = re.search(rf"{re.escape(location)}\s*(\((?:{_WORK_MODES})\))", rest, re.I)
        if mode:
            location = f"{location} {mode.group(1)}"
        rest = rest.replace(location, " ")
    segments = [t for part in rest.split("\n") for s in _split(part) if (t := _trimmed(s))]
    if location is None:
        # "Acme Corp, Remote": a work mode alone is where the work was, never the title.
        mode_only = [s for s in segments if re.fullmatch(_WORK_MODES, s, re.I)]
        if mode_only and len(segments) > 1:
            location = mode_only[0]
            segments = [s for s in segments if s is not mode_only[0]]
    if position:
        title, organization = position
        remaining = [t.strip() for t in texts[2:] if t.strip() != location]
    else:
        title, organization, remaining = _title_and_org(segments, kind)
    employer = _after_at(rest) if position is None else None
    if kind != "education" and employer and employer != organization:
        # "Engineer, Payments Team at Initech": what follows "at" is the employer.
        remaining += [organization] if organization else []
        title = title if title != employer else organization
        organization = employer
    details = [qualifier] if qualifier else []
    details += [s for s in remaining if s not in (title, organization)]
    return Entry(
        title=title,
        organization=organization,
        location=location,
        start=dates.start if dates else None,
        end=dates.end if dates else None,
        current=dates.current if dates else False,
        dates=dates.text if dates else None,
        page=page,
        line=line,
        duration=duration[0] if duration else None,
        details=tuple(details),
    )


_QUALIFIER = re.compile(r"\b(expected|anticipated|graduat(?:ed|ion|ing))\b:?", re.IGNORECASE)
_WORK_MODES = r"remote|hybrid|on-?site|in-?office"


def _linkedin_position(texts: Sequence[str]) -> tuple[str | None, str | None] | None:
    """The title and company of a LinkedIn position, as `linkedin_entries` hands it on
    ("dates<tab>title" / "company|(duration)" / place), each taken whole. Split at commas
    and dashes like other headers, "Refinitiv, an LSEG business" lost its tail and
    "Development Team Lead" was read as the organization ("Team"), the company as the
    title."""
    if len(texts) < 2 or "\t" not in texts[0]:
        return None
    duration = LINKEDIN_DURATION.search(texts[1])
    if duration is None:
        return None
    title = texts[0].split("\t", 1)[1].strip()
    company = texts[1][: duration.start()].rstrip("| ").strip()
    return title or None, company or None


def _linkedin_place(texts: Sequence[str]) -> str | None:
    """A LinkedIn position's place (the caller has read `texts` as one), alone on its third
    line: taken whole ("Athens, Attiki, Greece", "Taguig", "West Bank"), where a list of
    regions would keep only a tail it knows ("Attiki, Greece") or nothing."""
    if len(texts) < 3:
        return None
    place = texts[2].strip()
    return place if is_place_line(place) else None


def _place_only(location: str) -> str:
    """ "San Francisco, CA" from "Globex Inc San Francisco, CA": copied text keeps one space
    between a company and its city, and a company's suffix ("Inc", "Labs") ends it."""
    city = location.split(",", 1)[0]
    suffixes = list(ORGANIZATION.finditer(city))
    if not suffixes or not location[suffixes[-1].end() :].strip(" ,"):
        return location
    return location[suffixes[-1].end() :].strip(" ,")


def _after_at(text: str) -> str | None:
    """The part after "at" or "@" in "Title at Company": one segment, up to a separator."""
    shielded = _shield(text)
    match = _AT.search(shielded)
    if match is None:
        return None
    after = shielded[match.end() :].split("\n", maxsplit=1)[0]
    part = _SPLIT.split(after, maxsplit=1)[0].replace(_KEPT_AT, "at")
    return _trimmed(part) or None


def _role_in_brackets(segment: str) -> list[str]:
    """ "AI Automation Agency (Founder & Product Lead)": a name, then the role held there in
    brackets, read as two segments so that the role is the title."""
    match = _BRACKETED_END.fullmatch(segment)
    if match is None or not ROLE.search(match["inner"]) or ORGANIZATION.search(match["inner"]):
        return [segment]
    return [match["outer"].strip(), match["inner"].strip()]


_BRACKETED_END = re.compile(r"(?P<outer>.*\S)\s*\((?P<inner>[^()]+)\)")


def _trimmed(part: str) -> str:
    """A header segment without the separators and brackets around it; a closing bracket
    whose opening one is kept stays ("Data Analyst (Health AI)")."""
    trimmed = part.strip(" ,;:|-–—()")
    if trimmed.count("(") > trimmed.count(")") and part.rstrip(" ,;:|-–—").endswith(")"):
        return trimmed + ")"
    return trimmed


def names_title(text: str, kind: SectionKind) -> bool:
    """Whether a line names a degree (education) or a role (other sections)."""
    pattern = _DEGREE if kind == "education" else ROLE
    return bool(pattern.search(text)) and not ORGANIZATION.search(text)


_ABBREVIATED_DEGREE = re.compile(r"^(?:[A-Z][A-Za-z.]{0,5}|[A-Z]\.?[A-Z][a-z]*\.?)$")
_SCHOOL = re.compile(
    r"\b(?:university|college|school|institute|academy|polytechnic)\b", re.IGNORECASE
)
_GRADE = re.compile(r"\b(?:c?gpa|grade|percentage|score)\b|^\W*\d", re.IGNORECASE)


def _with_field(title: str, segments: list[str], remaining: list[str]) -> str:
    """The degree with what follows it on the line: its abbreviation and its field of study
    ("Bachelor of Science - BS, Economics" → "Bachelor of Science (BS), Economics"), which
    would otherwise be dropped. Grades and other parts stay out."""
    start = segments.index(title) + 1 if title in segments else len(segments)
    if title.count("(") > title.count(")"):
        title += ")"  # "Master of Technology (M.Tech.)" lost its ")" to the segment trim
    for segment in segments[start:]:
        if segment not in remaining or _GRADE.search(segment) or _SCHOOL.search(segment):
            break
        if _ABBREVIATED_DEGREE.match(segment) and "(" not in title:
            title = f"{title} ({segment})"
        else:
            title = f"{title}, {segment}"
        remaining.remove(segment)
    return title


def _title_and_org(
    segments: list[str], kind: SectionKind
) -> tuple[str | None, str | None, list[str]]:
    """The title, the organization, and the segments that are neither (a grade, a tech stack,
    a link's label)."""
    if not segments:
        return None, None, []
    if kind != "education":
        segments = [part for segment in segments for part in _role_in_brackets(segment)]
    title_pattern = _DEGREE if kind == "education" else ROLE
    titles = [s for s in segments if title_pattern.search(s) and not ORGANIZATION.search(s)]
    orgs = [s for s in segments if ORGANIZATION.search(s) and s not in titles]
    title = titles[0] if titles else None
    organization = orgs[0] if orgs else None
    remaining = [s for s in segments if s not in (title, organization)]
    if kind == "education":
        # Schools come first on most education lines, degrees second.
        organization = organization or (remaining.pop(0) if remaining else None)
        title = title or (remaining.pop(0) if remaining else None)
        if title is not None:
            title = _with_field(title, segments, remaining)
    else:
        title = title or (remaining.pop(0) if remaining else None)
        organization = organization or (remaining.pop(0) if remaining else None)
    return title, organization, remaining
