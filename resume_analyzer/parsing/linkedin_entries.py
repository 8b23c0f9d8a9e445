"""LinkedIn exports' main column: entry headers from sizes and spacing (see `linkedin.py`).

A position is printed as larger lines (the company for its first position, then the title)
with body-size lines set tightly under them: "Month YYYY - Present (N years M months)" and the
location. A school is a larger line with "Degree, Field · (2019 - 2023)" under it. Each header
is handed on as a few short lines the shared structure step reads as one entry.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from resume_analyzer.parsing.dates import find_date_range
from resume_analyzer.parsing.lines import Line

_SPAN = r"(?:less than a year|\d+ years?(?: \d+ months?)?|\d+ months?)"
DURATION = re.compile(rf"\({_SPAN}\)\s*$", re.IGNORECASE)  # a position's own duration
TENURE = re.compile(rf"^{_SPAN}$", re.IGNORECASE)  # a company's total, under its name


def body_size(lines: Sequence[Line]) -> float:
    """The smallest size that sets a tenth of the text: descriptions, not a long summary."""
    chars: Counter[float] = Counter()
    for line in lines:
        chars[round(line.size * 2) / 2] += len(line.text)
    total = sum(chars.values()) or 1
    common = [size for size, n in chars.items() if n >= 0.1 * total]
    return min(common) if common else 0.0


@dataclass
class EntryHeader:
    """An entry's header as lines the structure step groups into one entry and never reads
    as a heading or a bullet. The first carries the dates (a dated line opens an entry);
    parts are joined by "|" (which no heading has) and kept to a few words each (a longer
    undated line is read as a bullet); an undated entry gets three lines where it has three
    parts, because three header lines close an entry there. All are set at the body size: a
    larger bold "Blades Technology" would otherwise pass for a Skills heading."""

    texts: list[str]
    lines: list[Line]
    size: float


def read_units(body: Sequence[Line]) -> Iterator[EntryHeader | Line]:
    """Entry headers and body lines. A header is a run of larger lines (company, title,
    school) and the body-size lines set tightly under it (dates, location, degree)."""
    size = body_size(body)
    larger: list[Line] = []
    company: str | None = None
    i = 0
    while i < len(body):
        line = body[i]
        if line.size > size + 0.25:
            larger.append(line)
            i += 1
            continue
        if not larger:
            yield line
            i += 1
            continue
        if TENURE.match(line.text.strip()):
            i += 1  # a company's total time, under its name: each position has its own
            continue
        tail: list[Line] = []
        while i < len(body) and body[i].size <= size + 0.25 and _tight(body[i], tail):
            tail.append(body[i])
            i += 1
        if tail and _is_position_dates(tail[0]):
            title, new_company = _title_and_company(larger)
            company = new_company or company
            yield _position(title, company, tail[0], tail[1:], [*larger, *tail], size)
        else:
            # Wrapped lines of "Degree, Field · (dates)" joined before it is split at "·".
            texts = [ln.text for ln in larger] + [" ".join(ln.text for ln in tail)] * bool(tail)
            yield _entry(texts, larger + tail, size)
        larger = []
    if larger:
        yield _entry([ln.text for ln in larger], larger, size)


def _tight(line: Line, tail: Sequence[Line]) -> bool:
    """Under a header's larger lines: set at the header's spacing or wrapped, closer than the
    description below. After a page break (spacing unknown) a line continues a header that
    has not reached its dates yet."""
    if line.marker:
        return False
    if line.gap_above is None:
        return not any(find_date_range(ln.text) for ln in tail)
    return line.gap_above <= 0.75 * line.size


def _is_position_dates(line: Line) -> bool:
    """ "Month YYYY - Present (N years M months)": a date range with a duration, or alone."""
    text = line.text.strip()
    dates = find_date_range(text)
    if dates is None:
        return False
    rest = (text[: dates.span[0]] + text[dates.span[1] :]).strip()
    return bool(DURATION.search(text)) or not rest


def _title_and_company(larger: Sequence[Line]) -> tuple[str, str | None]:
    """The title is the smaller type right above the dates; a company name sits above it in
    larger type, only for a company's first position."""
    title_size = larger[-1].size
    k = len(larger)
    while k > 0 and abs(larger[k - 1].size - title_size) < 0.25:
        k -= 1
    title = " ".join(ln.text for ln in larger[k:])
    company = " ".join(ln.text for ln in larger[:k]) or None
    return title, company


def _position(
    title: str,
    company: str | None,
    dates: Line,
    rest: Sequence[Line],
    lines: list[Line],
    size: float,
) -> EntryHeader:
    """ "dates<tab>title" / "company|(duration)" / "location"."""
    text = dates.text.strip()
    duration = DURATION.search(text)
    span = text[: duration.start()].strip() if duration else text
    second = "|".join(p for p in (company, duration.group(0).strip() if duration else "") if p)
    texts = [f"{span}\t{title}", second, " ".join(ln.text.strip() for ln in rest)]
    return EntryHeader([t for t in texts if t], lines, size)


def _entry(texts: Sequence[str], lines: list[Line], size: float) -> EntryHeader:
    """A school (or another entry) with its "Degree, Field · (2019 - 2023)"."""
    pieces = [p.strip() for t in texts for p in re.split(r"\s+·\s+|\t", t) if p.strip()]
    dated = [p for p in pieces if find_date_range(p) is not None]
    if dated and len(pieces) > 1:
        pieces.remove(dated[0])
        return EntryHeader([f"{dated[0]}\t{pieces[0]}", "|".join(pieces[1:])], lines, size)
    if len(pieces) == 2 and ", " in pieces[1]:
        pieces[1:] = pieces[1].split(", ", 1)
    if len(pieces) > 3:
        pieces[2:] = ["|".join(pieces[2:])]
    return EntryHeader(pieces, lines, size)
