"""Seed documents the fuzzer mutates, generated here (never copied from real resumes).

An invented applicant in four formats: a one-column and a two-column PDF (reportlab, content
streams left uncompressed so that mutations can edit the operators), a DOCX (python-docx) and
plain text / Markdown. Each seed is a complete resume that scores, so that a mutation which
breaks it is the mutation's doing.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

NAME = "Robin Example"
CONTACT = "robin.example@example.com | (415) 555-0199 | Austin, TX | linkedin.com/in/robin-ex"
SUMMARY = (
    "Product-minded engineering graduate who ships data-informed features with design and "
    "engineering teams, and measures what changed."
)
ROLES = (
    (
        "Associate Product Manager | Globex Inc | Austin, TX | Jan 2023 – Present",
        (
            "Launched a self-serve onboarding flow that cut time to first value by 35% for "
            "12,000 new accounts in two quarters",
            "Ran 14 A/B tests on pricing pages and lifted paid conversion by 8%",
            "Wrote PRDs for three roadmap themes and aligned engineering, design and sales",
        ),
    ),
    (
        "Product Management Intern | Acme Corp | San Francisco, CA | May 2022 – Aug 2022",
        (
            "Interviewed 25 customers and turned the findings into a roadmap adopted by three "
            "engineering teams",
            "Built a SQL dashboard in Tableau that cut weekly reporting time by 6 hours",
        ),
    ),
)
EDUCATION = "University of Example — B.S. Computer Science, May 2024"
SKILLS = "SQL, Python, Figma, Jira, Roadmapping, A/B Testing, User Research, Tableau"


@dataclass(frozen=True)
class Seed:
    name: str
    kind: str  # pdf, docx, text
    data: bytes


def resume_lines(markdown: bool = False) -> list[str]:
    """The resume as lines of text; Markdown headings and bullets when asked."""
    head = "## " if markdown else ""
    lines = [f"# {NAME}" if markdown else NAME, CONTACT, "", SUMMARY, "", f"{head}Experience"]
    for title, bullets in ROLES:
        lines += ["", f"**{title}**" if markdown else title]
        lines += [f"- {bullet}" for bullet in bullets]
    lines += ["", f"{head}Education", EDUCATION, "", f"{head}Skills", SKILLS]
    return lines


def text_seed(markdown: bool = False) -> bytes:
    return ("\n".join(resume_lines(markdown)) + "\n").encode()


def pdf_seed(two_column: bool) -> bytes:
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=letter, invariant=True, pageCompression=0)
    height = letter[1]
    c.setFont("Helvetica-Bold", 20)
    c.drawString(54, height - 60, NAME)
    c.setFont("Helvetica", 9)
    c.drawString(54, height - 78, CONTACT)
    x0, x1 = (210.0, 558.0) if two_column else (54.0, 558.0)
    y = height - 110

    def heading(x: float, y: float, text: str, right: float) -> float:
        c.setFont("Helvetica-Bold", 12)
        c.drawString(x, y, text.upper())
        c.setLineWidth(0.6)
        c.line(x, y - 3.5, right, y - 3.5)
        return y - 20

    def para(x: float, y: float, text: str, right: float, bullet: bool = False) -> float:
        c.setFont("Helvetica", 10)
        if bullet:
            c.drawString(x + 4, y, "•")
            x += 16
        for line in simpleSplit(text, "Helvetica", 10, right - x):
            c.drawString(x, y, line)
            y -= 13
        return y

    y = heading(x0, y, "Summary", x1)
    y = para(x0, y, SUMMARY, x1) - 6
    y = heading(x0, y, "Experience", x1)
    for title, bullets in ROLES:
        c.setFont("Helvetica-Bold", 10)
        c.drawString(x0, y, title.split(" | ")[0])
        c.setFont("Helvetica", 10)
        c.drawRightString(x1, y, title.split(" | ")[-1])
        y = para(x0, y - 13, " | ".join(title.split(" | ")[1:3]), x1)
        for bullet in bullets:
            y = para(x0, y, bullet, x1, bullet=True)
        y -= 6
    side_x, side_right = (54.0, 190.0) if two_column else (x0, x1)
    side_y = height - 110 if two_column else y
    side_y = heading(side_x, side_y, "Education", side_right)
    side_y = para(side_x, side_y, EDUCATION, side_right) - 6
    side_y = heading(side_x, side_y, "Skills", side_right)
    para(side_x, side_y, SKILLS, side_right)
    c.showPage()
    c.save()
    return buffer.getvalue()


def docx_seed() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(NAME, style="Title")
    document.add_paragraph(CONTACT)
    document.add_paragraph(SUMMARY)
    document.add_heading("Experience", level=1)
    for title, bullets in ROLES:
        document.add_paragraph(title)
        for bullet in bullets:
            document.add_paragraph(bullet, style="List Bullet")
    document.add_heading("Education", level=1)
    document.add_paragraph(EDUCATION)
    document.add_heading("Skills", level=1)
    table = document.add_table(rows=1, cols=2)
    left, right = SKILLS.split(", Roadmapping")
    table.cell(0, 0).text = left
    table.cell(0, 1).text = "Roadmapping" + right
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def all_seeds() -> list[Seed]:
    return [
        Seed("one_column.pdf", "pdf", pdf_seed(two_column=False)),
        Seed("two_column.pdf", "pdf", pdf_seed(two_column=True)),
        Seed("resume.docx", "docx", docx_seed()),
        Seed("resume.txt", "text", text_seed()),
        Seed("resume.md", "text", text_seed(markdown=True)),
    ]
