"""From lines in reading order to a Resume: headings, sections, bullets, entries, contact.

This is the one step every format shares. The format readers only say what each line looks
like; deciding what it *is* happens here, the same way for PDF, DOCX and text.
"""

from __future__ import annotations

import dataclasses
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from resume_analyzer.document import (
    Box,
    Bullet,
    Contact,
    DocumentWarning,
    Entry,
    Resume,
    Role,
    Section,
    SectionKind,
)
from resume_analyzer.parsing.contact import (
    EMAIL,
    FIELD_LABEL,
    extract_contact,
    find_phone,
    unheld_parts,
)
from resume_analyzer.parsing.dates import find_date_range
from resume_analyzer.parsing.entries import names_title, parse_entry
from resume_analyzer.parsing.language import detect_language, language_warning
from resume_analyzer.parsing.lines import Line, RawDocument
from resume_analyzer.parsing.paragraphs import (
    Item,
    find_right_edges,
    join_lines,
    join_text,
    split_run_together,
)
from resume_analyzer.parsing.roles import ACHIEVEMENT_SECTIONS, line_role, mentions_a_year
from resume_analyzer.parsing.sections import (
    Typography,
    heading_score,
    kind_of,
    looks_like_entry_line,
    looks_upper,
)

ENTRY_KINDS: frozenset[str] = frozenset({"experience", "education", "projects", "leadership"})


def typography(lines: Sequence[Line]) -> Typography:
    """The body font size (weighted by characters) and the usual white gap between lines."""
    sizes: Counter[float] = Counter()
    for line in lines:
        if line.size:
            sizes[round(line.size * 2) / 2] += len(line.text)
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    gaps = [ln.gap_above for ln in lines if ln.gap_above is not None and ln.gap_above >= 0]
    pitch = statistics.median(gaps) if gaps else 0.0
    return Typography(body_size=body, pitch=pitch)


def _signature(line: Line, typo: Typography) -> tuple[float, bool, bool, bool, int | None] | None:
    """What a heading looks like, when that look is distinctive enough to recognise others."""
    upper = looks_upper(line)
    larger = bool(typo.body_size) and line.size >= typo.body_size * 1.12
    ruled = line.rule_below or line.rule_above
    if not (upper or larger or ruled or line.heading_level is not None):
        return None
    # The level too: under "## Experience", a "### Product Manager — Acme" is no section.
    return (round(line.size), line.bold, upper, larger, line.heading_level)


def _plain_heading(line: Line, current: SectionKind) -> bool:
    """The look of a heading in plain text: four words or fewer, each capitalised, with
    another section's head word ("Professional Experiences", "Academic Projects"). In Skills
    such lines label groups ("Programming Languages", "Cloud Technologies", "Certifications"),
    so there only the kinds no skill group is named after open a section."""
    words = [word for word in line.text.split() if word.casefold() not in _SMALL_WORDS]
    if not 0 < len(words) <= 4 or not all(word[:1].isupper() for word in words):
        return False
    kind = kind_of(line.text.strip().rstrip(":"))[0]
    if current == "skills":
        return kind in _NEVER_A_SKILL_GROUP and not line.text.rstrip().endswith(":")
    return kind is not None and kind != current


# Skills lists group their items under labels that name other sections' kinds ("Languages",
# "Certifications", "Tools"), but never under work, schooling or projects.
_NEVER_A_SKILL_GROUP = frozenset({"experience", "education", "projects"})


_SMALL_WORDS = frozenset({"and", "&", "of", "in", "for", "the", "a", "an", "to", "with"})


def find_headings(lines: Sequence[Line], typo: Typography) -> dict[int, SectionKind]:
    """Line index → section kind, for every line that opens a section."""
    scores = [heading_score(line, typo) for line in lines]
    headings: dict[int, SectionKind] = {}
    for i, line in enumerate(lines):
        if scores[i] < 3 or line.in_header:
            continue  # most lines stop here, before the vocabulary is consulted
        kind, _exact = kind_of(line.text.strip().rstrip(":"))
        if kind and not _labels_contact(lines, i):
            headings[i] = kind
    if not headings:
        return headings
    # Headings the vocabulary does not know ("WHAT I'VE BUILT") are found by looking like the
    # ones it does; only below the first known heading, so the name at the top is not one.
    signatures = {_signature(lines[i], typo) for i in headings} - {None}
    # Plain text has no type to tell headings by: its Title Case headings look like this.
    plain = not typo.body_size and all(line.heading_level is None for line in lines)
    first = min(headings)
    current = headings[first]
    for i, line in enumerate(lines[first + 1 :], start=first + 1):
        if i in headings:
            current = headings[i]
            continue
        if line.in_header or scores[i] < 1.0:
            continue
        if not (_signature(line, typo) in signatures or (plain and _plain_heading(line, current))):
            continue
        if not _opens_entry(lines, i, headings, current):
            headings[i] = current = kind_of(line.text.strip().rstrip(":"))[0] or "other"
    return headings


def _opens_entry(
    lines: Sequence[Line], i: int, headings: dict[int, SectionKind], current: SectionKind
) -> bool:
    """A line set like the headings that starts an entry instead: it names a role, company
    or dates ("PRODUCT MANAGER"); it comes right under a heading (no section is empty); or,
    in a section of entries, a short dated line follows it ("CAMPUS MARKETPLACE" / "2021")."""
    if looks_like_entry_line(lines[i].text):
        return True
    # A heading marked up as one (Markdown "##", a Word heading style) is one.
    if lines[i].heading_level is not None:
        return False
    if i - 1 in headings:
        return True
    if current not in ENTRY_KINDS:
        return False
    return any(
        len(line.text.split()) <= 12 and find_date_range(line.text) is not None
        for line in lines[i + 1 : i + 3]
    )


def _keep_entries_in_their_section(
    headings: dict[int, SectionKind], lines: Sequence[Line]
) -> dict[int, SectionKind]:
    """Drop the "headings" that are an entry's first line: a company set in the same bold
    capitals as the section headings ("INTEL CORPORATION") looks like one, and read as a
    section of kind `other` it took the whole job out of Experience, unjudged. A heading the
    vocabulary does not list, inside a section of entries, with a date on one of the next
    three lines, opens an entry, not a section."""
    kept: dict[int, SectionKind] = {}
    current: SectionKind | None = None
    starts = sorted(headings)
    for n, i in enumerate(starts):
        following = starts[n + 1] if n + 1 < len(starts) else len(lines)
        kind = headings[i]
        # Only a heading the vocabulary does not know at all: "Certifications & Licenses"
        # over dated lines is a section of its own.
        unknown = kind == "other" and kind_of(lines[i].text.strip().rstrip(":"))[0] is None
        # The date must be its own: the next section's first line is not.
        dated = any(find_date_range(ln.text) for ln in lines[i : min(i + 4, following)])
        # A heading marked up as one (Markdown "##", a Word heading style) is one.
        marked_up = lines[i].heading_level is not None
        if unknown and current in ENTRY_KINDS and dated and not marked_up:
            continue
        kept[i] = kind
        current = kind
    return kept


def _labels_contact(lines: Sequence[Line], i: int) -> bool:
    """ "Portfolio" or "Contact" right above the email and phone is part of the header."""
    following = lines[i + 1] if i + 1 < len(lines) else None
    return i < 8 and following is not None and _is_contact_line(following.text)


# (section kind, item text, role) for every item of every section, in order: what the
# role evaluation labels. Entry header lines appear here with role "header".
Trace = list[tuple[str, str, str]]


def build_resume(raw: RawDocument, trace: Trace | None = None) -> Resume:
    lines = [line for line in raw.lines if line.text]
    typo = typography(lines)
    headings = _keep_entries_in_their_section(find_headings(lines, typo), lines)
    starts = sorted(headings)
    first = starts[0] if starts else len(lines)
    preamble = lines[:first]
    header_lines = [ln for ln in lines if ln.in_header]
    texts = [ln.text for ln in lines]
    contact = extract_contact(
        [*header_lines, *[ln for ln in preamble if not ln.in_header]], texts, raw.link_urls
    )
    sections: list[Section] = []
    context = _Context(
        # DOCX paragraphs arrive whole; PDF and text lines may be wrapped parts of one bullet.
        wrapped=raw.source_format != "docx",
        # Where most text is bold (a "Medium" body font, say) bold marks nothing out.
        bold_is_signal=sum(ln.bold for ln in lines) <= len(lines) / 2,
        right_edges=find_right_edges(lines),
    )
    summary = _summary_from_preamble(preamble, context)
    if summary is not None:
        sections.append(summary)
    leftover = _leftover_preamble(preamble, contact, summary)
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        body = [(i, ln) for i, ln in enumerate(lines[start + 1 : end], start=start + 1)]
        section = _build_section(headings[start], lines[start], start, body, context, trace)
        sections.append(section)
    warnings = list(raw.warnings)
    language = detect_language(texts)
    note = language_warning(language)
    if note:
        warnings.append(note)
    if not starts and lines:
        warnings.append(
            DocumentWarning(
                "no_sections",
                "No section headings were recognised (such as Experience, Education, Skills). "
                "Use clear, standard headings so that readers and applicant tracking systems "
                "can find each part.",
            )
        )
    return Resume(
        contact=contact,
        sections=tuple(sections),
        pages=raw.pages,
        source_format=raw.source_format,
        language=language,
        warnings=tuple(warnings),
        preamble=leftover,
    )


def _leftover_preamble(
    preamble: Sequence[Line], contact: Contact, summary: Section | None
) -> tuple[str, ...]:
    """The lines above the first heading that no field holds: not the name's line, not
    contact details, not the summary, not a running header. A LinkedIn export's header lines
    count too: its headline ("Engineering Manager at Gumtree") is held nowhere else."""
    held = " ".join(b.text for b in summary.bullets) if summary else ""
    kept: list[str] = []
    for line in preamble:
        text = line.text.strip()
        if not text or text in held:
            continue
        parts = unheld_parts(text, contact)
        if _is_contact_line(text) or FIELD_LABEL.search(text) or not parts:
            kept += parts  # what the contact fields do not hold; nothing, for labels alone
            continue
        if contact.name and contact.name.casefold() in text.casefold():
            continue
        if text == contact.location:
            continue
        if line.in_header and contact.location and contact.location in text:
            continue
        kept.append(text)
    return tuple(kept)


def _is_contact_line(text: str) -> bool:
    return bool(EMAIL.search(text) or find_phone(text) or re.search(r"https?:|www\.|\.com/", text))


def _summary_from_preamble(preamble: Sequence[Line], context: _Context) -> Section | None:
    """Sentences under the name, before any heading, are an unlabelled summary: lines of
    eight words or more, with the short lines that end their paragraphs."""
    body: list[tuple[int, Line]] = []
    for i, ln in enumerate(preamble):
        if ln.in_header or _is_contact_line(ln.text):
            continue
        follows = bool(body) and body[-1][0] == i - 1 and body[-1][1].block == ln.block
        if len(ln.text.split()) >= 8 or (follows and len(body[-1][1].text.split()) >= 8):
            body.append((i, ln))
    if not body:
        return None
    items = join_lines(body, wrapped=context.wrapped, right_edges=context.right_edges)
    bullets = tuple(_bullet(item, None, "summary") for item in items)
    first_line = body[0][0] + 1
    return Section("summary", "", body[0][1].page, first_line, (), bullets)


@dataclass(frozen=True)
class _Context:
    wrapped: bool
    bold_is_signal: bool
    right_edges: dict[tuple[int, int], float]


@dataclass
class _Pending:
    items: list[Item]

    def has_date(self) -> bool:
        return any(find_date_range(item.text) for item in self.items)


def _build_section(
    kind: SectionKind,
    heading: Line,
    index: int,
    body: list[tuple[int, Line]],
    context: _Context,
    trace: Trace | None = None,
) -> Section:
    items = join_lines(body, wrapped=context.wrapped, right_edges=context.right_edges)
    if kind in ACHIEVEMENT_SECTIONS:
        # Sections whose paragraphs report work: one that runs achievements together is cut.
        items = split_run_together(items)
    entries: list[Entry] = []
    bullets: list[Bullet] = []
    pending = _Pending([])
    # A section "marks its bullets" when a fair share of its items carry a marker; one or two
    # stray glyphs (a Courier "o" in a DOCX of plain paragraphs) do not make every unmarked
    # line a header.
    marked = sum(item.marker is not None for item in items)
    uses_markers = marked >= max(1, len(items) // 4)
    outer = _outer_indent(items)
    # A section under a heading nobody lists ("What I've Shipped", "Ventures") with dated
    # header lines reports work as Projects does: it is read like one, so its achievements
    # are judged instead of skipped. Its kind stays "other".
    reading: SectionKind = kind
    if kind == "other" and any(i.marker is None and find_date_range(i.text) for i in items):
        reading = "projects"

    def flush() -> None:
        if pending.items:
            first = pending.items[0]
            texts = [item.text for item in pending.items]
            entries.append(parse_entry(texts, reading, first.page, first.line))
            pending.items.clear()

    for item in items:
        outdented = outer is not None and _indent(item) <= outer + 3
        header = reading in ENTRY_KINDS and (
            _is_entry_header(item, uses_markers, context.bold_is_signal, outdented)
            or _completes_header(pending, item, reading)
        )
        if header:
            dated = find_date_range(item.text) is not None
            if len(pending.items) >= 3 or (dated and pending.has_date()):
                flush()
            pending.items.append(item)
            if trace is not None:
                trace.append((kind, item.text, "header"))
            continue
        flush()
        entry = len(entries) - 1 if entries else None
        if bullets and bullets[-1].entry == entry and _continues_bullet(bullets[-1], item):
            bullets[-1] = _joined(bullets[-1], item, reading)
            if trace is not None:
                trace[-1] = (kind, bullets[-1].text, bullets[-1].role)
            continue
        bullets.append(_bullet(item, entry, reading))
        if trace is not None:
            trace.append((kind, bullets[-1].text, bullets[-1].role))
    flush()
    heading_text = heading.text.strip().rstrip(":").strip()
    return Section(kind, heading_text, heading.page, index + 1, tuple(entries), tuple(bullets))


def _indent(item: Item) -> float:
    first = item.lines[0]
    if first.box is not None:
        return first.box.x0
    return first.indent if first.indent is not None else 0.0


def _outer_indent(items: Sequence[Item]) -> float | None:
    """The left edge of header lines, where a section sets its body text deeper.

    Some resumes draw no bullet glyphs at all but indent the bullets under each role; the
    lines at the outer edge are then the entry headers. None when there is one level only.
    """
    lefts = [_indent(item) for item in items]
    if len(lefts) < 3:
        return None
    outer = min(lefts)
    deeper = [x for x in lefts if x >= outer + 8]
    return outer if len(deeper) >= 2 else None


def _completes_header(pending: _Pending, item: Item, kind: SectionKind) -> bool:
    """A short line naming a degree or a role, right under an entry's first line, is part
    of that entry's header ("University of X   May 2024" / "B.S. Computer Science")."""
    if not pending.items or len(pending.items) >= 3 or item.marker is not None:
        return False
    if len(item.text.split()) > 10 or item.text.rstrip().endswith("."):
        return False
    return names_title(item.text, kind)


def _is_entry_header(item: Item, uses_markers: bool, bold_is_signal: bool, outdented: bool) -> bool:
    if item.marker is not None:
        return False
    if item.text[:1].islower() and find_date_range(item.text) is None:
        return False  # a wrapped bullet's tail, not a company or a title
    words = len(item.text.split())
    if words > 25:
        return False
    dates = find_date_range(item.text)
    if dates is not None and words <= 20 and not mentions_a_year(item.text, dates):
        return True
    if item.text.rstrip().endswith((".", ";")) or words > 12:
        return False
    if (item.bold and bold_is_signal) or outdented:
        return True
    # Where the section marks its bullets, a short unmarked line is a header, not a bullet.
    return uses_markers


def _continues_bullet(previous: Bullet, item: Item) -> bool:
    """A line that starts in lower case under a bullet that has not ended is that bullet's
    tail, even where the line joiner kept them apart (a wider gap, a change of block): left
    apart, the head is judged as a statement cut short and the tail as a statement without
    a verb."""
    if item.marker is not None or not item.text[:1].islower() or item.page != previous.page:
        return False
    return not previous.text.rstrip().endswith((".", "!", "?", ":"))


def _joined(previous: Bullet, item: Item, kind: SectionKind) -> Bullet:
    box = previous.box
    if box is not None and item.box is not None:
        box = Box(min(box.x0, item.box.x0), box.top, max(box.x1, item.box.x1), item.box.bottom)
    text = join_text(previous.text, item.text.replace("\t", "  "))
    role = line_role(text, kind, marker=previous.marker)
    return dataclasses.replace(previous, text=_spaced(text, role), box=box, role=role)


def _bullet(item: Item, entry: int | None, kind: SectionKind) -> Bullet:
    role = line_role(item.text, kind, marker=item.marker)
    return Bullet(
        text=_spaced(item.text, role),
        page=item.page,
        line=item.line,
        box=item.box,
        marker=item.marker,
        entry=entry,
        role=role,
    )


def _spaced(text: str, role: Role) -> str:
    """Cells far apart on one row ("SQL      Python") stay apart, without a tab in the text;
    in a statement the wide gaps are a justified line's word spaces ("Owned   API   payment")."""
    if role == "achievement":
        return re.sub(r"\s*\t\s*|  +", " ", text)
    return text.replace("\t", "  ")
