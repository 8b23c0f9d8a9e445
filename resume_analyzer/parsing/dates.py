"""Dates and date ranges as resumes print them, normalised to ISO partial dates.

"Jan 2020 – Present", "06/2019 - 08/2020", "Summer 2021", "2018–19", "Sept. 2019 to Current",
"Expected May 2026". A bare year counts only as a whole token, so "2019" in "ISO 2019" is a
date but "120193" is not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_POINT = (
    rf"(?:(?:{_MONTH}|{_SEASON})[ ,']*(?:{_YEAR}|'\d{{2}})|(?:0?[1-9]|1[0-2])[/.\-]{_YEAR}"
    rf"|(?:0?[1-9]|1[0-2])/\d{{2}}(?!\d)"
    rf"|{_YEAR}(?:[/.\-](?:0[1-9]|1[0-2]))?)"
)
_CURRENT = r"(?:present|current(?:ly)?|now|today|ongoing|till\s+date|to\s+date|date)"
_SEP = r"\s*(?:[-–—−~]+|\bto\b|\buntil\b|\bthrough\b|\bthru\b)\s*"
_RANGE = re.compile(
    rf"(?<![\w/])(?P<start>{_POINT})(?:{_SEP}(?P<end>{_POINT}|{_CURRENT}|\d{{2}}(?!\d)))?"
    rf"(?![\w/%+])",
    re.IGNORECASE,
)


# "Sep 22 – Jul 25": a month and two digits is a year only in a range whose other side is a
# month and two digits too, or "Present"; alone, "Sep 22" may be a day.
_SHORT_POINT = rf"{_MONTH}\s+\d{{2}}"
_SHORT_RANGE = re.compile(
    rf"(?<![\w/])(?P<start>{_SHORT_POINT}){_SEP}(?P<end>{_SHORT_POINT}|{_CURRENT})"
    # Not before a year: "Jan 21 – Mar 23, 2024" are days.
    r"(?![\w/%+.:])(?!\s*,?\s*(?:19|20)\d\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateRange:
    start: str | None
    end: str | None
    current: bool
    text: str
    span: tuple[int, int]


def _iso(point: str) -> str | None:
    point = point.strip().casefold().rstrip(".")
    year_match = re.search(_YEAR, point) or re.search(r"'(\d{2})$", point)
    word = re.match(r"[a-z]+", point)
    if word and year_match:
        name = word.group(0)
        month = _month_of(name) or _SEASONS.get(name)
        year = year_match.group(0)
        year = f"20{year[1:]}" if year.startswith("'") else year
        return f"{year}-{month:02d}" if month else year
    numeric = re.fullmatch(r"(\d{1,2})[/.\-](\d{2}|\d{4})", point)
    if numeric:
        year = numeric.group(2)
        year = year if len(year) == 4 else _full_year(year)
        return f"{year}-{int(numeric.group(1)):02d}"
    iso = re.fullmatch(rf"({_YEAR})(?:[/.\-](\d{{2}}))?", point)
    if iso:
        return f"{iso.group(1)}-{iso.group(2)}" if iso.group(2) else iso.group(1)
    return None


def find_date_range(text: str) -> DateRange | None:
    """The first date or date range in a line, or None."""
    if _DIGIT.search(text) is None:
        return None  # every date has a year: most lines of a resume end here
    # A typographic apostrophe abbreviates a year as a straight one does ("Sep’22 – Jul’25");
    # one character for one, so spans stay true to the line.
    plain = text.translate(_APOSTROPHES)
    found = _find_range(plain)
    short = _short_range(plain)
    if short is not None and (found is None or short.span[0] < found.span[0]):
        found = short
    if found is None or plain == text:
        return found
    start, end = found.span
    return replace(found, text=text[start:end].strip())


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_DIGIT = re.compile(r"\d")


def _short_range(text: str) -> DateRange | None:
    for match in _SHORT_RANGE.finditer(text):
        start = _short_iso(match.group("start"))
        end_text = match.group("end")
        if re.fullmatch(_CURRENT, end_text.strip(), re.IGNORECASE):
            return DateRange(start, None, True, match.group(0).strip(), match.span())
        end = _short_iso(end_text)
        if start <= end:  # "Oct 20 – Mar 15" runs backwards: days, not years
            return DateRange(start, end, False, match.group(0).strip(), match.span())
    return None


def _short_iso(point: str) -> str:
    name, digits = point.casefold().replace(".", " ").split()
    return f"{_full_year(digits)}-{_month_of(name):02d}"


def _month_of(name: str) -> int | None:
    """The month a (lower-case) month name or abbreviation names: "sept" → 9."""
    return _MONTHS.get(name[:4] if name.startswith("sept") else name[:3])


def _full_year(digits: str) -> str:
    """A two-digit year: 00–49 this century, 50–99 the last."""
    return f"20{digits}" if int(digits) < 50 else f"19{digits}"


def _find_range(text: str) -> DateRange | None:
    for match in _RANGE.finditer(text):
        start = _iso(match.group("start"))
        if start is None:
            continue
        end_text = match.group("end")
        if end_text is None:
            return DateRange(None, start, False, match.group(0).strip(), match.span())
        if re.fullmatch(_CURRENT, end_text.strip(), re.IGNORECASE):
            return DateRange(start, None, True, match.group(0).strip(), match.span())
        if re.fullmatch(r"\d{2}", end_text):  # "2018–19"
            end: str | None = start[:2] + end_text
        else:
            end = _iso(end_text)
        return DateRange(start, end, False, match.group(0).strip(), match.span())
    return None


# "(2 years 3 months)", "(1 yr 2 mos)", "(5 months)", "(less than a year)": the time a role took,
# printed after its dates by LinkedIn and some templates.
_DURATION = re.compile(
    r"\(\s*(less than a year|\d+\s+(?:years?|yrs?)(?:\s+\d+\s+(?:months?|mos?))?"
    r"|\d+\s+(?:months?|mos?))\s*\)",
    re.IGNORECASE,
)


def find_duration(text: str) -> tuple[str, tuple[int, int]] | None:
    """A parenthesised duration ("2 years 3 months") and its span, or None."""
    match = _DURATION.search(text)
    return (match.group(1), match.span()) if match else None
