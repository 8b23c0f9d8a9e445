"""LinkedIn profile exports ("Save to PDF"): the sidebar read apart from the main column.

An export has a fixed shape. A grey sidebar on the left holds Contact (email, phone, profile
URLs, each ending in a grey "(LinkedIn)"-style label, long URLs wrapped mid-word), then Top
Skills, Languages, Certifications, Honors-Awards, Publications. The main column holds the name
(largest type), the headline and the location, then Summary, Experience and Education under
large headings. A company is printed once with each of its positions under it: the title, one
line "Month YYYY - Present (N years M months)", the location, then the description. Every page
ends in "Page N of M". The PDF says what it is in its metadata (Author "LinkedIn", Subject
"Resume generated from profile"); a layout check on the first page covers a file whose
metadata was lost.

Sizes distinguish everything (the whole export is set in one font), so the roles here are read
from sizes relative to the body text, never from absolute sizes or colours. The output is the
ordinary `Line` list, laid out so that the shared structure step finds the right sections:
each position becomes one header line (dates first, so the position's dates are the ones
found), its description paragraphs become list items under it, and every joined item is its
own block so that nothing re-joins them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from resume_analyzer.document import Box
from resume_analyzer.parsing.contact import EMAIL
from resume_analyzer.parsing.dates import find_date_range
from resume_analyzer.parsing.layout import Segment, Word, group_rows, make_line, split_segments
from resume_analyzer.parsing.lines import Line
from resume_analyzer.parsing.paragraphs import Item, find_right_edges, join_lines

SIDEBAR, MAIN = 1, 2
_FOOTER = re.compile(r"^page \d+ of \d+$", re.IGNORECASE)
_SPAN = r"(?:less than a year|\d+ years?(?: \d+ months?)?|\d+ months?)"
_DURATION = re.compile(rf"\({_SPAN}\)\s*$", re.IGNORECASE)  # a position's own duration
_TENURE = re.compile(rf"^{_SPAN}$", re.IGNORECASE)  # a company's total, under its name
_LABEL = re.compile(r"\([A-Z][\w-]*(?: [\w-]+){0,2}\)$")  # "(LinkedIn)", "(Mobile)"
_GLYPH = re.compile(r"^[*•·](?=\w)")  # "*Fixed …": a bullet typed without its space


def is_export_metadata(metadata: Mapping[str, Any]) -> bool:
    """LinkedIn writes its name as the author and says what the file is in the subject."""
    author = str(metadata.get("Author") or "").strip()
    subject = str(metadata.get("Subject") or "").strip()
    return author == "LinkedIn" and subject.startswith("Resume generated from profile")


@dataclass
class ExportReader:
    """Decides once per document whether it is an export, then lays out each page."""

    found: bool

    @classmethod
    def from_metadata(cls, metadata: Mapping[str, Any]) -> ExportReader:
        return cls(is_export_metadata(metadata))

    def lay_out(self, words: Sequence[Word], width: float, page: int) -> list[Line] | None:
        """The page's lines, sidebar first, or None when the document is not an export."""
        if page == 1 and not self.found:
            self.found = looks_like_export(words, width)
        return lay_out_columns(words, width, page) if self.found else None


def looks_like_export(words: Sequence[Word], width: float) -> bool:
    """The first page of an export without its metadata: a "Contact" label in the left third,
    a "Page 1 of N" footer, and a position's "(N years M months)"."""
    if not any(w.text == "Contact" and w.x1 < width / 3 for w in words):
        return False
    if not any(w.text == "Page" for w in words):  # cheap checks first: most PDFs stop here
        return False
    texts = [" ".join(w.text for w in row) for row in group_rows(words)]
    footer = any(re.match(r"^page 1 of \d+$", t, re.IGNORECASE) for t in texts)
    return footer and any(_DURATION.search(t) for t in texts)


def profile_links(urls: Sequence[str]) -> list[str]:
    """An export's links without LinkedIn's tracking query ("?jobid=…&lipi=…"), which the
    printed profile URL does not have."""
    return [url.split("?", 1)[0] if "linkedin.com/" in url.casefold() else url for url in urls]


# --- Pages: the sidebar apart from the main column ----------------------------------------------


def lay_out_columns(words: Sequence[Word], width: float, page: int) -> list[Line]:
    """Sidebar lines (block page*10+1) then main-column lines (page*10+2), footers dropped."""
    rows = [split_segments(row) for row in group_rows(words)]
    left = _main_left([seg for row in rows for seg in row], width)
    lines: list[Line] = []
    for part in (SIDEBAR, MAIN):
        last_bottom: float | None = None
        for row in rows:
            segments = [s for s in row if (s.x0 < left - 2) == (part == SIDEBAR)]
            if not segments:
                continue
            line = make_line(segments, page, page * 10 + part)
            if not line.text or _FOOTER.match(line.text) or line.box is None:
                continue
            line.gap_above = line.box.top - last_bottom if last_bottom is not None else None
            last_bottom = line.box.bottom
            lines.append(line)
    return lines


def _main_left(segments: Sequence[Segment], width: float) -> float:
    """Where the main column starts: the left edge most lines share, right of the sidebar."""
    counts = Counter(round(s.x0) for s in segments if 0.25 * width <= s.x0 <= 0.6 * width)
    return float(counts.most_common(1)[0][0]) if counts else 0.0


# --- The document: roles from sizes, then lines the structure step reads right -------------------


def rebuild(lines: Sequence[Line]) -> list[Line]:
    """Header (name, headline, location, contact), sidebar sections, then main sections."""
    side = [ln for ln in lines if ln.block % 10 == SIDEBAR]
    main = [ln for ln in lines if ln.block % 10 == MAIN]
    out = _Output()
    top, sections = _split_main(main)
    side_head, side_sections = _split_sidebar(side)
    out.header(_top_lines(top))
    out.header(_contact_items(side_head))
    for heading, body in side_sections:
        if heading.text.strip().casefold() == "contact":
            out.header(_contact_items(body))
            continue
        out.heading(heading)
        out.items(_sidebar_items(body))
    right_edges = find_right_edges(main)
    for heading, body in sections:
        out.heading(heading)
        _emit_section(out, body, right_edges)
    return out.lines


def _body_size(lines: Sequence[Line]) -> float:
    """The smallest size that sets a tenth of the text: descriptions, not a long summary."""
    chars: Counter[float] = Counter()
    for line in lines:
        chars[round(line.size * 2) / 2] += len(line.text)
    total = sum(chars.values()) or 1
    common = [size for size, n in chars.items() if n >= 0.1 * total]
    return min(common) if common else 0.0


Part = tuple[Line, list[Line]]


def _split_main(main: Sequence[Line]) -> tuple[list[Line], list[Part]]:
    """The lines above the first heading, and each heading with the lines under it."""
    if not main:
        return [], []
    body = _body_size(main)
    start = 0
    if main[0].size >= 2 * body:  # the name: twice the body size and more
        while start < len(main) and abs(main[start].size - main[0].size) < 0.5:
            start += 1
    heads = [i for i in range(start, len(main)) if main[i].size >= 1.35 * body]
    return _parts(main, heads)


def _split_sidebar(side: Sequence[Line]) -> tuple[list[Line], list[Part]]:
    if not side:
        return [], []
    sizes = Counter(round(ln.size * 2) / 2 for ln in side)
    body = sizes.most_common(1)[0][0]
    heads = [i for i, ln in enumerate(side) if ln.size >= 1.15 * body]
    return _parts(side, heads)


def _parts(lines: Sequence[Line], heads: Sequence[int]) -> tuple[list[Line], list[Part]]:
    """The lines before the first heading, and each heading with the lines under it."""
    if not heads:
        return list(lines), []
    ends = [*heads[1:], len(lines)]
    parts = [(lines[h], list(lines[h + 1 : end])) for h, end in zip(heads, ends, strict=True)]
    return list(lines[: heads[0]]), parts


def _top_lines(top: Sequence[Line]) -> list[list[Line]]:
    """Name, headline (wrapped lines joined) and location (the last line), one item each."""
    if not top:
        return []
    name = [ln for ln in top if abs(ln.size - top[0].size) < 0.5]
    rest = list(top[len(name) :])
    if len(rest) < 2:
        return [name, rest] if rest else [name]
    return [name, rest[:-1], rest[-1:]]


def _contact_items(lines: Sequence[Line]) -> list[list[Line]]:
    """Contact lines grouped into items: each ends with its grey label, or is an email once
    its wrapped parts are joined ("jane.doe@example" + ".com")."""
    items: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        current.append(line)
        joined = _join_wrapped([ln.text for ln in current])
        if _LABEL.search(joined) or EMAIL.fullmatch(joined):
            items.append(current)
            current = []
    if current:
        items.append(current)
    return items


def _sidebar_items(lines: Sequence[Line]) -> list[list[Line]]:
    """Sidebar entries: a wrapped entry's lines sit closer together than two entries do."""
    items: list[list[Line]] = []
    for line in lines:
        close = line.gap_above is not None and line.gap_above <= 0.4 * line.size
        if items and close and line.page == items[-1][-1].page:
            items[-1].append(line)
        else:
            items.append([line])
    return items


def _join_wrapped(texts: Sequence[str]) -> str:
    """Join an item's lines; a URL or email broken mid-word ("…/in/jane-" + "doe-12",
    "jane@example" + ".com") without a space, its "(Label)" with one."""
    joined = ""
    for raw in texts:
        text = raw.strip()
        last = joined.rsplit(" ", 1)[-1]
        address = "/" in last or "@" in last or last.startswith("www.")
        if joined and address and not text.startswith("("):
            joined += text
        else:
            joined = f"{joined} {text}" if joined else text
    return joined


# --- Main sections: positions, other entries, paragraphs -----------------------------------------


@dataclass
class _Header:
    """An entry's header as lines the structure step groups into one entry and never reads
    as a heading or a bullet. The first carries the dates (a dated line opens an entry);
    parts are joined by "|" (which no heading has) and kept to a few words each (a longer
    undated line is read as a bullet); an undated entry gets three lines where it has three
    parts, because three header lines close an entry there. All are set at the body size: a
    larger bold "Blades Technology" would otherwise pass for a Skills heading."""

    texts: list[str]
    lines: list[Line]
    size: float


def _emit_section(
    out: _Output, body: Sequence[Line], right_edges: dict[tuple[int, int], float]
) -> None:
    paragraph: list[Line] = []

    def flush() -> None:
        if paragraph:
            out.paragraphs(join_lines(list(enumerate(paragraph)), right_edges=right_edges))
            paragraph.clear()

    for unit in _units(body):
        if isinstance(unit, _Header):
            flush()
            out.entry_header(unit)
        else:
            paragraph.append(unit)
    flush()


def _units(body: Sequence[Line]) -> Iterator[_Header | Line]:
    """Entry headers and body lines. A header is a run of larger lines (company, title,
    school) and the body-size lines set tightly under it (dates, location, degree)."""
    size = _body_size(body)
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
        if _TENURE.match(line.text.strip()):
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
    return bool(_DURATION.search(text)) or not rest


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
) -> _Header:
    """ "dates<tab>title" / "company|(duration)" / "location"."""
    text = dates.text.strip()
    duration = _DURATION.search(text)
    span = text[: duration.start()].strip() if duration else text
    second = "|".join(p for p in (company, duration.group(0).strip() if duration else "") if p)
    texts = [f"{span}\t{title}", second, " ".join(ln.text.strip() for ln in rest)]
    return _Header([t for t in texts if t], lines, size)


def _entry(texts: Sequence[str], lines: list[Line], size: float) -> _Header:
    """A school (or another entry) with its "Degree, Field · (2019 - 2023)"."""
    pieces = [p.strip() for t in texts for p in re.split(r"\s+·\s+|\t", t) if p.strip()]
    dated = [p for p in pieces if find_date_range(p) is not None]
    if dated and len(pieces) > 1:
        pieces.remove(dated[0])
        return _Header([f"{dated[0]}\t{pieces[0]}", "|".join(pieces[1:])], lines, size)
    if len(pieces) == 2 and ", " in pieces[1]:
        pieces[1:] = pieces[1].split(", ", 1)
    if len(pieces) > 3:
        pieces[2:] = ["|".join(pieces[2:])]
    return _Header(pieces, lines, size)


# --- Output: new lines, each item its own block ---------------------------------------------------


@dataclass
class _Output:
    lines: list[Line] = field(default_factory=list)
    block: int = 0

    def _add(self, parts: Sequence[Line], text: str, **looks: Any) -> None:
        self.block += 1
        first = parts[0]
        same_page = [ln.box for ln in parts if ln.box is not None and ln.page == first.page]
        box = (
            Box(
                min(b.x0 for b in same_page),
                min(b.top for b in same_page),
                max(b.x1 for b in same_page),
                max(b.bottom for b in same_page),
            )
            if same_page
            else None
        )
        fields: dict[str, Any] = {"marker": None, "bold": False, "heading_level": None}
        fields.update(looks)
        self.lines.append(replace(first, text=text, box=box, block=100_000 + self.block, **fields))

    def header(self, items: Sequence[Sequence[Line]]) -> None:
        for item in items:
            if item:
                self._add(item, _join_wrapped([ln.text for ln in item]), in_header=True)

    def heading(self, line: Line) -> None:
        self._add([line], line.text.strip(), heading_level=1)

    def items(self, items: Sequence[Sequence[Line]]) -> None:
        for item in items:
            self._add(item, _join_wrapped([ln.text for ln in item]), marker=_listed(None))

    def entry_header(self, header: _Header) -> None:
        # The first line is dated or bold, the others bold: how the structure step tells an
        # entry's header lines from its items.
        for n, text in enumerate(header.texts):
            looks: dict[str, Any] = {"size": header.size}
            if n:
                looks["gap_above"] = None  # one header: no space above its later lines
            self._add(header.lines, text, bold=find_date_range(text) is None, **looks)

    def paragraphs(self, items: Sequence[Item]) -> None:
        for item in items:
            text, marker = item.text, item.marker
            glyph = _GLYPH.match(text)
            if marker is None and glyph:
                text, marker = text[glyph.end() :], glyph.group(0)
            self._add(item.lines, text, marker=_listed(marker))


def _listed(marker: str | None) -> str:
    """Every body item keeps its glyph, or gets "" (an item without one): a marker is what
    keeps the structure step from reading a one-word skill ("Leadership") as a heading, or a
    short description line as an entry header."""
    return marker if marker is not None else ""
