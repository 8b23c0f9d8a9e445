"""The typed resume: what every parser produces and everything downstream reads.

Frozen dataclasses; `to_dict()` gives the stable JSON shape documented in CONTRACTS.md.
Every entry and bullet records where it came from (page, line number in reading order and,
for PDFs, its box on the page) so feedback can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SectionKind = Literal[
    "summary",
    "experience",
    "education",
    "skills",
    "projects",
    "leadership",
    "certifications",
    "awards",
    "publications",
    "languages",
    "interests",
    "other",
]
SECTION_KINDS: tuple[str, ...] = SectionKind.__args__  # type: ignore[attr-defined]

# What a line of a section is (parsing/roles.py): only an achievement is judged for impact.
Role = Literal["achievement", "text", "header", "list", "label", "furniture", "fragment"]
ROLES: tuple[str, ...] = Role.__args__  # type: ignore[attr-defined]

SourceFormat = Literal["pdf", "docx", "text"]
LinkKind = Literal["linkedin", "github", "portfolio", "other"]


@dataclass(frozen=True)
class Box:
    """A rectangle on a PDF page, in points from the top-left corner."""

    x0: float
    top: float
    x1: float
    bottom: float

    def to_dict(self) -> dict[str, float]:
        return {
            "x0": round(self.x0, 1),
            "top": round(self.top, 1),
            "x1": round(self.x1, 1),
            "bottom": round(self.bottom, 1),
        }


@dataclass(frozen=True)
class DocumentWarning:
    """A non-fatal problem met while reading the document."""

    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class Link:
    kind: LinkKind
    url: str

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "url": self.url}


@dataclass(frozen=True)
class Contact:
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    location: str | None = None
    links: tuple[Link, ...] = ()

    def link(self, kind: LinkKind) -> str | None:
        return next((link.url for link in self.links if link.kind == kind), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "email": self.email,
            "phone": self.phone,
            "location": self.location,
            "links": [link.to_dict() for link in self.links],
            "linkedin": self.link("linkedin"),
            "github": self.link("github"),
            "portfolio": self.link("portfolio"),
        }


@dataclass(frozen=True)
class Entry:
    """One role, degree, project or activity: the header lines above its bullets.

    `start` and `end` are ISO partial dates ("2021", "2021-06"); `current` is true when the
    end reads "Present", "Current", "Now" or similar. `duration` is the time the entry says it
    took ("2 years 3 months", as LinkedIn prints it), None when it says none. `details` is what
    else the header says, in its order: a grade ("GPA 3.8/4.0"), "Expected", a tech stack, a
    link's label, a second organization.
    """

    title: str | None
    organization: str | None
    location: str | None
    start: str | None
    end: str | None
    current: bool
    dates: str | None
    page: int
    line: int
    duration: str | None = None
    details: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        # "duration" and "details" only where printed, so documents without them keep their
        # exact shape.
        extra: dict[str, Any] = {"duration": self.duration} if self.duration else {}
        if self.details:
            extra["details"] = list(self.details)
        return {
            "title": self.title,
            "organization": self.organization,
            "location": self.location,
            "start": self.start,
            "end": self.end,
            "current": self.current,
            "dates": self.dates,
            "page": self.page,
            "line": self.line,
        } | extra


@dataclass(frozen=True)
class Bullet:
    """A bullet point or a paragraph of body text, with wrapped lines joined.

    `marker` is the glyph or number that started it (None for a plain paragraph), `entry` the
    index of the entry in the same section it belongs to (None when it sits before any entry).
    `role` says what the line is (see parsing/roles.py); only an "achievement" is judged.
    """

    text: str
    page: int
    line: int
    box: Box | None = None
    marker: str | None = None
    entry: int | None = None
    role: Role = "achievement"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "page": self.page,
            "line": self.line,
            "box": self.box.to_dict() if self.box else None,
            "marker": self.marker,
            "entry": self.entry,
            "role": self.role,
        }


@dataclass(frozen=True)
class Section:
    kind: SectionKind
    heading: str
    page: int
    line: int
    entries: tuple[Entry, ...] = ()
    bullets: tuple[Bullet, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "heading": self.heading,
            "page": self.page,
            "line": self.line,
            "entries": [entry.to_dict() for entry in self.entries],
            "bullets": [bullet.to_dict() for bullet in self.bullets],
        }


@dataclass(frozen=True)
class Resume:
    contact: Contact
    sections: tuple[Section, ...]
    pages: int
    source_format: SourceFormat
    language: str | None = None
    warnings: tuple[DocumentWarning, ...] = field(default=())
    # Lines above the first section that are neither the name, contact details nor a
    # summary: a tagline ("Product Manager | B2B SaaS"), profile facts ("Notice period: 1
    # month"), a street address. Kept so that nothing the page says is silently dropped.
    preamble: tuple[str, ...] = field(default=())

    def section(self, kind: SectionKind) -> Section | None:
        """The first section of that kind, or None."""
        return next((s for s in self.sections if s.kind == kind), None)

    @property
    def bullets(self) -> tuple[Bullet, ...]:
        return tuple(b for s in self.sections for b in s.bullets)

    def to_dict(self) -> dict[str, Any]:
        return {
            "contact": self.contact.to_dict(),
            "sections": [section.to_dict() for section in self.sections],
            "pages": self.pages,
            "source_format": self.source_format,
            "language": self.language,
            "warnings": [w.to_dict() for w in self.warnings],
            "preamble": list(self.preamble),
        }
