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
each position becomes a few short header lines (dates first, so the position's dates are the
ones found; `linkedin_entries.py`), its description paragraphs become list items under it,
and every joined item is its own block so that nothing re-joins them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from resume_analyzer.document import Box
from resume_analyzer.parsing.contact import EMAIL, is_place_line
from resume_analyzer.parsing.dates import find_date_range
from resume_analyzer.parsing.layout import Segment, Word, group_rows, make_line, split_segments
from resume_analyzer.parsing.lines import Line
from resume_analyzer.parsing.linkedin_entries import DURATION, EntryHeader, body_size, read_units
from resume_analyzer.parsing.paragraphs import Item, find_right_edges, join_lines

SIDEBAR, MAIN = 1, 2
_FOOTER = re.compile(r"^page \d+ of \d+$", re.IGNORECASE)
_LABEL = re.compile(r"\([A-Z][\w-]*(?: [\w-]+){0,2}\)$")  # "(LinkedIn)", "(Mobile)"
_GLYPH = re.compile(r"^[*•·](?=\w)")  # "*Fixed …": a bullet typed without its space


# The warning every export carries, so a reader (and the not-a-resume check) knows what it read.
EXPORT_WARNING = "linkedin_export"
EXPORT_NOTE = (
    "Read as a LinkedIn profile export: the sidebar (contact, top skills) and the main column "
    "were read apart. A profile is not a resume: a resume written for the role reads better."
)


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
    return footer and any(DURATION.search(t) for t in texts)


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
    name_and_headline, place = _top_lines(top)
    out.header(name_and_headline)
    if place:
        out.header([place], place=is_place_line(" ".join(ln.text for ln in place)))
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


Part = tuple[Line, list[Line]]


def _split_main(main: Sequence[Line]) -> tuple[list[Line], list[Part]]:
    """The lines above the first heading, and each heading with the lines under it."""
    if not main:
        return [], []
    body = body_size(main)
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


def _top_lines(top: Sequence[Line]) -> tuple[list[list[Line]], list[Line]]:
    """Name and headline (wrapped lines joined), one item each, and the location: the last
    line, where there are lines enough for all three."""
    if not top:
        return [], []
    name = [ln for ln in top if abs(ln.size - top[0].size) < 0.5]
    rest = list(top[len(name) :])
    if len(rest) < 2:
        return ([name, rest] if rest else [name]), []
    return [name, rest[:-1]], rest[-1:]


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


# --- Main sections: entry headers and paragraphs -------------------------------------------------


def _emit_section(
    out: _Output, body: Sequence[Line], right_edges: dict[tuple[int, int], float]
) -> None:
    paragraph: list[Line] = []

    def flush() -> None:
        if paragraph:
            out.paragraphs(join_lines(list(enumerate(paragraph)), right_edges=right_edges))
            paragraph.clear()

    for unit in read_units(body):
        if isinstance(unit, EntryHeader):
            flush()
            out.entry_header(unit)
        else:
            paragraph.append(unit)
    flush()


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

    def header(self, items: Sequence[Sequence[Line]], place: bool = False) -> None:
        for item in items:
            if item:
                text = _join_wrapped([ln.text for ln in item])
                self._add(item, text, in_header=True, place=place)

    def heading(self, line: Line) -> None:
        self._add([line], line.text.strip(), heading_level=1)

    def items(self, items: Sequence[Sequence[Line]]) -> None:
        for item in items:
            self._add(item, _join_wrapped([ln.text for ln in item]), marker=_listed(None))

    def entry_header(self, header: EntryHeader) -> None:
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
