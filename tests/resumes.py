"""One resume's content, rendered as PDF (reportlab), DOCX (python-docx) and Markdown text,
so tests can check that the format does not change the analysis.

All people, companies and schools are invented.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field, replace

from builders import BOLD, LEFT, RIGHT, Column, Sheet, _canvas, _finish


@dataclass(frozen=True)
class Role:
    title: str
    organization: str
    dates: str
    bullets: tuple[str, ...]


@dataclass(frozen=True)
class Spec:
    name: str = "Jordan Example"
    contact: str = "jordan@example.com | (415) 555-0199 | Austin, TX | linkedin.com/in/jordan-ex"
    summary: str | None = None
    experience: tuple[Role, ...] = ()
    projects: tuple[Role, ...] = ()
    education: tuple[str, ...] = ("B.S. Computer Science | University of Example | May 2024",)
    skills: tuple[str, ...] = ("SQL, Python, Figma, Jira", "A/B testing, user interviews")
    extra: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The glyph before each experience and project line; "" draws none (a PDF's lines are only
    # indented, the DOCX's are plain paragraphs, the Markdown's plain lines).
    marker: str = "•"

    def with_bullet(self, role: int, bullet: int, text: str) -> Spec:
        """The same resume with one experience bullet replaced."""
        roles = list(self.experience)
        bullets = list(roles[role].bullets)
        bullets[bullet] = text
        roles[role] = replace(roles[role], bullets=tuple(bullets))
        return replace(self, experience=tuple(roles))


APM = Spec(
    summary="Product-minded engineer who ships data-informed features with design and sales.",
    experience=(
        Role(
            "Product Management Intern",
            "Globex Inc",
            "May 2023 – Aug 2023",
            (
                "Interviewed 18 customers about onboarding and turned the findings into a "
                "prioritized backlog for two engineering squads",
                "Wrote the PRD and user stories for a self-serve billing page that launched on "
                "time and cut support tickets by 22%",
                "Ran 6 A/B tests on the pricing page with SQL and Amplitude, lifting paid "
                "conversion by 9%",
            ),
        ),
        Role(
            "Software Engineering Intern",
            "Initech",
            "Jun 2022 – Aug 2022",
            (
                "Built a REST API in Python that served 40,000 requests a day for the "
                "partner dashboard",
                "Presented a latency analysis to the engineering director, which led to a "
                "caching project that cut p95 latency by 30%",
            ),
        ),
    ),
    projects=(
        Role(
            "Campus Marketplace",
            "Hackathon project",
            "Sep 2021 – May 2022",
            ("Led a team of 4 to build a student marketplace used by 1,200 students",),
        ),
    ),
)

# The same resume with one line a rewrite can fix by itself (a weak opener before a gerund):
# the pages that show rewrites need one.
APM_TO_POLISH = APM.with_bullet(
    1,
    1,
    "Responsible for presenting a latency analysis to the engineering director, which led to "
    "a caching project that cut p95 latency by 30%",
)


def to_pdf(spec: Spec) -> bytes:
    buffer = io.BytesIO()
    c = _canvas(buffer)
    sheet = Sheet(c)
    sheet.text(LEFT, 60, spec.name, font=BOLD, size=20)
    sheet.text(LEFT, 80, spec.contact, size=9.5)
    col = Column(sheet, LEFT, RIGHT, 96.0)
    if spec.summary:
        col.heading("Summary")
        col.bullet(spec.summary, marker="")
        col.gap()
    for heading, roles in (("Experience", spec.experience), ("Projects", spec.projects)):
        if not roles:
            continue
        col.heading(heading)
        for role in roles:
            col.line(role.title, bold=True, right=role.dates)
            col.line(role.organization)
            for text in role.bullets:
                col.bullet(text, marker=spec.marker)
            col.gap()
    col.heading("Education")
    for line in spec.education:
        col.line(line)
    col.gap()
    col.heading("Skills")
    for line in spec.skills:
        col.line(line)
    for heading, lines in spec.extra.items():
        col.heading(heading)
        for line in lines:
            col.line(line)
    return _finish(c, buffer)


def to_docx(spec: Spec) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(spec.name, style="Title")
    document.add_paragraph(spec.contact)
    if spec.summary:
        document.add_heading("Summary", level=1)
        document.add_paragraph(spec.summary)
    for heading, roles in (("Experience", spec.experience), ("Projects", spec.projects)):
        if not roles:
            continue
        document.add_heading(heading, level=1)
        for role in roles:
            document.add_paragraph(f"{role.title} | {role.organization} | {role.dates}")
            for text in role.bullets:
                document.add_paragraph(text, style="List Bullet" if spec.marker else None)
    document.add_heading("Education", level=1)
    for line in spec.education:
        document.add_paragraph(line)
    document.add_heading("Skills", level=1)
    for line in spec.skills:
        document.add_paragraph(line)
    for heading, lines in spec.extra.items():
        document.add_heading(heading, level=1)
        for line in lines:
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def to_text(spec: Spec) -> str:
    out = [f"# {spec.name}", "", spec.contact, ""]
    if spec.summary:
        out += ["## Summary", "", spec.summary, ""]
    for heading, roles in (("Experience", spec.experience), ("Projects", spec.projects)):
        if not roles:
            continue
        out += [f"## {heading}", ""]
        for role in roles:
            out += [f"**{role.title} | {role.organization} | {role.dates}**", ""]
            out += [f"- {text}" if spec.marker else text for text in role.bullets]
            out.append("")
    out += ["## Education", "", *spec.education, "", "## Skills", ""]
    out += [f"- {line}" for line in spec.skills]
    for heading, lines in spec.extra.items():
        out += ["", f"## {heading}", "", *lines]
    return "\n".join(out) + "\n"
