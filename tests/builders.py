"""Fixture resumes built in code, returned as bytes.

Every PDF is drawn with reportlab's canvas at explicit coordinates, so each test knows exactly
where every word sits. All people, companies and schools are invented: example.com addresses,
555 phone numbers.

Coordinates: `x` from the left edge, `y` the baseline's distance from the TOP of the page.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

PAGE_W, PAGE_H = letter  # 612 x 792 points
LEFT, RIGHT = 54.0, 558.0
BODY, BOLD = "Helvetica", "Helvetica-Bold"
SIZE, PITCH = 10.0, 13.0

NAME = "Jane Doe"
EMAIL = "jane.doe@example.com"
PHONE = "(415) 555-0134"
CITY = "San Francisco, CA"
LINKEDIN = "linkedin.com/in/janedoe-example"

# The `write_file` fixture (conftest.py): (file name, bytes or text) -> path under tmp_path.
WriteFile = Callable[[str, bytes | str], Path]

_DEJAVU_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
)


def unicode_font() -> str | None:
    """Register DejaVu Sans (for ➢, ▪ and the "ﬁ" ligature); None when it is not installed."""
    if "DejaVuSans" in pdfmetrics.getRegisteredFontNames():
        return "DejaVuSans"
    for path in _DEJAVU_PATHS:
        if Path(path).exists():
            pdfmetrics.registerFont(TTFont("DejaVuSans", path))
            return "DejaVuSans"
    return None


# --------------------------------------------------------------------------- drawing helpers


def _canvas(buffer: io.BytesIO, **kwargs: object) -> canvas.Canvas:
    # invariant=True: no timestamps or random ids, so the same call gives the same bytes.
    return canvas.Canvas(buffer, pagesize=letter, invariant=True, **kwargs)


class Sheet:
    """One page, addressed from the top-left corner."""

    def __init__(self, c: canvas.Canvas) -> None:
        self.c = c

    def text(self, x: float, y: float, s: str, *, font: str = BODY, size: float = SIZE) -> None:
        self.c.setFont(font, size)
        self.c.drawString(x, PAGE_H - y, s)

    def right(self, x: float, y: float, s: str, *, font: str = BODY, size: float = SIZE) -> None:
        self.c.setFont(font, size)
        self.c.drawRightString(x, PAGE_H - y, s)

    def centre(self, x: float, y: float, s: str, *, font: str = BODY, size: float = SIZE) -> None:
        self.c.setFont(font, size)
        self.c.drawCentredString(x, PAGE_H - y, s)

    def rule(self, x0: float, x1: float, y: float) -> None:
        self.c.setLineWidth(0.6)
        self.c.line(x0, PAGE_H - y, x1, PAGE_H - y)

    def link(self, url: str, x0: float, y0: float, x1: float, y1: float) -> None:
        """A link annotation over the box (top-left coordinates)."""
        self.c.linkURL(url, (x0, PAGE_H - y1, x1, PAGE_H - y0), relative=0, thickness=0)


@dataclass
class Column:
    """A text column with a cursor that moves down as things are drawn."""

    sheet: Sheet
    x0: float
    x1: float
    y: float

    def heading(self, title: str, *, rule: bool = True) -> None:
        """Headings are larger, bold and in capitals, with a thin rule under them."""
        self.y += 8
        self.sheet.text(self.x0, self.y, title.upper(), font=BOLD, size=12)
        if rule:
            self.sheet.rule(self.x0, self.x1, self.y + 3.5)
        self.y += 19

    def line(self, text: str, *, bold: bool = False, right: str | None = None) -> None:
        """One line at the column's left edge, with optional text set flush right."""
        self.sheet.text(self.x0, self.y, text, font=BOLD if bold else BODY)
        if right:
            self.sheet.right(self.x1, self.y, right)
        self.y += PITCH

    def bullet(
        self,
        text: str | Sequence[str],
        *,
        marker: str = "•",
        font: str = BODY,
        marker_font: str = BODY,
    ) -> None:
        """A bullet: the marker, then its text with wrapped lines under the text, not the glyph.

        A string is wrapped to the column's width; a sequence of strings gives the lines.
        """
        self.sheet.text(self.x0 + 4, self.y, marker, font=marker_font)
        lines = wrap(text, self.x1 - self.x0 - 16, font) if isinstance(text, str) else text
        for line in lines:
            self.sheet.text(self.x0 + 16, self.y, line, font=font)
            self.y += PITCH

    def gap(self, points: float = 6.0) -> None:
        self.y += points


def wrap(text: str, width: float, font: str = BODY, size: float = SIZE) -> list[str]:
    """Split `text` into lines no wider than `width` points."""
    return simpleSplit(text, font, size, width)


def _finish(c: canvas.Canvas, buffer: io.BytesIO) -> bytes:
    c.save()
    return buffer.getvalue()


def _header(sheet: Sheet) -> float:
    """Full-width header: name, then one contact line. Returns the y below it."""
    sheet.text(LEFT, 66, NAME, font=BOLD, size=22)
    contact = f"{EMAIL}  |  {PHONE}  |  {CITY}  |  {LINKEDIN}"
    sheet.text(LEFT, 86, contact, size=9.5)
    return 100.0


# --------------------------------------------------------------------------- resume content

# (title, company, dates, bullets): each bullet is wrapped to its column's width when drawn.
EXPERIENCE: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "Associate Product Manager",
        "Globex Inc",
        "Jan 2023 – Present",
        (
            "Launched a self-serve onboarding flow that cut time to first value by 35% for "
            "12,000 new accounts in two quarters",
            "Ran 14 A/B tests on pricing pages and lifted paid conversion by 8%",
        ),
    ),
    (
        "Product Management Intern",
        "Acme Corp",
        "May 2022 – Aug 2022",
        (
            "Interviewed 25 customers and turned the findings into a roadmap adopted by three "
            "engineering teams",
            "Wrote SQL dashboards that cut weekly reporting time from 6 hours to 1 hour",
        ),
    ),
)

# (title, dates, bullets)
PROJECTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "Campus Marketplace App",
        "Sep 2021 – May 2022",
        (
            "Built a student marketplace used by 1,800 students and grew weekly listings by 40% "
            "in one semester",
        ),
    ),
)

SKILLS = ("SQL, Python, Figma", "A/B Testing, Jira", "Roadmapping")
EDUCATION = ("University of Example", "B.S. Computer Science", "May 2024", "GPA: 3.8/4.0")
# The sidebar's tail in the longer-left variant: it runs on below the main column's end.
LANGUAGES = ("Spanish (fluent)", "Portuguese (basic)", "French (basic)")
INTERESTS = ("Trail running", "Chess openings", "Urban sketching", "Board game design", "Podcasts")


def experience_bullets() -> list[str]:
    """Every experience bullet as the parser should give it: wrapped lines joined."""
    return [text for *_, bullets in EXPERIENCE for text in bullets]


def project_bullets() -> list[str]:
    return [text for *_, bullets in PROJECTS for text in bullets]


def _experience(col: Column, *, wide: bool = True) -> None:
    col.heading("Experience")
    for title, company, dates, bullets in EXPERIENCE:
        col.line(title, bold=True, right=dates)
        col.line(company, right=CITY if wide else None)
        for text in bullets:
            col.bullet(text)
        col.gap()


def _projects(col: Column) -> None:
    col.heading("Projects")
    for title, dates, bullets in PROJECTS:
        col.line(title, bold=True, right=dates)
        for text in bullets:
            col.bullet(text)
        col.gap()


def _skills(col: Column) -> None:
    col.heading("Skills")
    for text in SKILLS:
        col.line(text)
    col.gap()


def _education_narrow(col: Column) -> None:
    col.heading("Education")
    school, degree, date, gpa = EDUCATION
    col.line(school, bold=True)
    col.line(f"{degree}, {date}")
    col.line(gpa)
    col.gap()


# --------------------------------------------------------------------------- the PDFs


def one_column_pdf() -> bytes:
    """A classic one-column resume: header, summary, experience, projects, education, skills."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    sheet = Sheet(c)
    col = Column(sheet, LEFT, RIGHT, _header(sheet))
    col.heading("Summary")
    col.line("Product-minded computer science graduate who ships data-informed features with")
    col.line("engineering and design teams.")
    col.gap()
    _experience(col)
    _projects(col)
    col.heading("Education")
    school, degree, date, gpa = EDUCATION
    col.line(school, bold=True, right=date)
    col.line(degree)
    col.line(gpa)
    col.gap()
    col.heading("Skills")
    col.line("Product: Roadmapping, A/B Testing, User Research")
    col.line("Tools: SQL, Python, Figma, Jira")
    return _finish(c, buffer)


# Column geometry of the sidebar layouts: a 150-point sidebar and a wide main column.
SIDEBAR_W = 150.0
GUTTER = 24.0


def two_column_pdf(*, longer_left: bool = False) -> bytes:
    """Full-width header over a narrow left sidebar (Skills, Education[, Languages]) and a
    wide right column (Experience, Projects).

    With `longer_left` the sidebar runs on below the end of the right column.
    """
    buffer = io.BytesIO()
    c = _canvas(buffer)
    sheet = Sheet(c)
    top = _header(sheet)
    left = Column(sheet, LEFT, LEFT + SIDEBAR_W, top)
    main = Column(sheet, LEFT + SIDEBAR_W + GUTTER, RIGHT, top)
    _skills(left)
    _education_narrow(left)
    _experience(main, wide=False)
    _projects(main)
    if longer_left:
        left.heading("Languages")
        for text in LANGUAGES:
            left.line(text)
        left.gap()
        left.heading("Interests")
        for text in INTERESTS:
            left.line(text)
        assert left.y > main.y + 3 * PITCH, "the sidebar must run on below the main column"
    return _finish(c, buffer)


def sidebar_right_pdf() -> bytes:
    """The mirror image: wide main column on the left, narrow sidebar on the right."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    sheet = Sheet(c)
    top = _header(sheet)
    main = Column(sheet, LEFT, RIGHT - SIDEBAR_W - GUTTER, top)
    side = Column(sheet, RIGHT - SIDEBAR_W, RIGHT, top)
    _experience(main, wide=False)
    _projects(main)
    _skills(side)
    _education_narrow(side)
    return _finish(c, buffer)


RUNNING_HEADER = f"{NAME} — Resume"


def multi_page_pdf(pages: int = 2) -> bytes:
    """A resume over `pages` pages, each with a running header and a "Page N of M" footer.

    Page 1 holds the header and Experience; each further page a Projects section with one
    bullet naming its page ("… on page 2").
    """
    buffer = io.BytesIO()
    c = _canvas(buffer)
    for number in range(1, pages + 1):
        sheet = Sheet(c)
        sheet.centre(PAGE_W / 2, 34, RUNNING_HEADER, size=9)
        sheet.centre(PAGE_W / 2, PAGE_H - 30, f"Page {number} of {pages}", size=9)
        if number == 1:
            col = Column(sheet, LEFT, RIGHT, _header(sheet))
            _experience(col)
            col.heading("Education")
            col.line(EDUCATION[0], bold=True, right=EDUCATION[2])
            col.line(EDUCATION[1])
        else:
            col = Column(sheet, LEFT, RIGHT, 70)
            col.heading("Projects" if number == 2 else "Leadership")
            col.line(f"Analytics Side Project {number}", bold=True, right="Sep 2021 – May 2022")
            col.bullet(
                [f"Shipped a usage dashboard read by 300 students, written up on page {number}"]
            )
            col.bullet(["Grew weekly active users from 120 to 450 in eight weeks"])
        c.showPage()
    return _finish(c, buffer)


# (margin label, entry header, bullets): dates in a left margin, content in one column.
DATE_MARGIN_ENTRIES = (
    (
        "2023 – Present",
        "Associate Product Manager, Globex Inc",
        (
            "Launched a referral program that added 2,400 paying users",
            "Cut churn by 12% by redesigning the cancellation flow",
            "Ran weekly experiment reviews with design and data science",
        ),
    ),
    (
        "2022 – 2023",
        "Product Analyst, Acme Corp",
        (
            "Built a retention model that flagged at-risk accounts a month early",
            "Automated board reporting and saved 10 hours a month",
            "Wrote the first metrics glossary used by 40 staff",
        ),
    ),
    (
        "2021 – 2022",
        "Product Intern, Initech",
        (
            "Shadowed customer calls and logged 60 feature requests",
            "Prioritised the backlog with a RICE score sheet",
            "Presented a pricing teardown to the leadership team",
        ),
    ),
)


def date_margin_pdf() -> bytes:
    """Dates in a left margin beside each entry; the content is a single column."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    sheet = Sheet(c)
    top = _header(sheet)
    content = Column(sheet, 150, RIGHT, top)
    content.heading("Experience")
    for label, header, bullets in DATE_MARGIN_ENTRIES:
        sheet.text(LEFT, content.y, label, size=9)
        content.line(header, bold=True)
        for text in bullets:
            content.bullet([text])
        content.gap()
    content.heading("Skills")
    content.line("SQL, Python, Amplitude, Figma")
    return _finish(c, buffer)


LINKEDIN_URL = "https://www.linkedin.com/in/jane-doe-example"


def linked_pdf() -> bytes:
    """Contact links only as annotations: a LinkedIn icon and the word "Email" (mailto:)."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    sheet = Sheet(c)
    sheet.text(LEFT, 66, NAME, font=BOLD, size=22)
    # An icon: a filled square with no text in it, the link behind it.
    c.setFillColorRGB(0.0, 0.47, 0.71)
    c.rect(LEFT, PAGE_H - 90, 10, 10, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    sheet.link(LINKEDIN_URL, LEFT, 80, LEFT + 10, 90)
    sheet.text(LEFT + 16, 88, "Email", size=9.5)
    sheet.link(f"mailto:{EMAIL}", LEFT + 16, 80, LEFT + 42, 90)
    sheet.text(LEFT + 56, 88, PHONE, size=9.5)
    col = Column(sheet, LEFT, RIGHT, 104)
    _experience(col)
    return _finish(c, buffer)


# The bullets of `typography_pdf`: (marker, lines as drawn). Read back, each is one bullet
# whose text is its lines joined by a space.
GLYPH_BULLETS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "•",
        ("Led a pricing experiment across three markets that lifted average order", "value by 6%"),
    ),
    (
        "▪",
        ("Mapped the onboarding funnel with design and found two steps that lost", "18% of users"),
    ),
    (
        "➢",
        ("Wrote 30 user stories for the mobile checkout and kept the sprint", "scope in check"),
    ),
    ("–", ("Presented quarterly results to the leadership team",)),
    ("-", ("Reduced support tickets by 22% with an in-app help center",)),
    ("*", ("Coordinated a beta program with 50 pilot customers",)),
    (
        "1.",
        (
            "Prioritised a backlog of 120 requests with a weighted scoring model that",
            "sales and support agreed on",
        ),
    ),
)
UNICODE_MARKERS = frozenset({"▪", "➢"})  # outside WinAnsi: drawn with DejaVu Sans
# (as drawn, with U+FB01 "ﬁ" ligatures; as it should read)
LIGATURE_BULLET = (
    "Deﬁned success metrics for the ﬁrst release",
    "Defined success metrics for the first release",
)
# (lines as drawn, with words broken at line ends; as it should read)
HYPHEN_BULLET = (
    ("Partnered with engineering on the manage-", "ment of a cross-", "functional release train"),
    "Partnered with engineering on the management of a cross-functional release train",
)
TYPOGRAPHY_ENTRY = (
    "Product Manager Intern | Vandelay Industries | Chicago, IL | Jun 2023 – Aug 2023"
)


def typography_pdf() -> bytes:
    """Bullets of many glyphs with wrapped lines, a ligature and words hyphenated at line ends.

    ▪, ➢ and the "ﬁ" ligature need DejaVu Sans; without it those bullets are left out (tests
    for them skip when `unicode_font()` is None).
    """
    font = unicode_font()
    buffer = io.BytesIO()
    c = _canvas(buffer)
    sheet = Sheet(c)
    col = Column(sheet, LEFT, RIGHT, _header(sheet))
    col.heading("Experience")
    col.line(TYPOGRAPHY_ENTRY, bold=True)
    for marker, lines in GLYPH_BULLETS:
        if marker not in UNICODE_MARKERS:
            col.bullet(lines, marker=marker)
        elif font is not None:
            col.bullet(lines, marker=marker, marker_font=font)
    if font is not None:
        col.bullet([LIGATURE_BULLET[0]], font=font)
    col.bullet(HYPHEN_BULLET[0])
    return _finish(c, buffer)


Row = tuple[str, bool, str | None]  # (text at the left, bold, right-aligned text or None)


ENTRY_BULLET = "Worked with design and engineering to ship two features on time"


def entry_pdf(kind: str, rows: Sequence[Row], *, bullet: str | None = ENTRY_BULLET) -> bytes:
    """One section (heading `kind`) holding one entry drawn as `rows`, then one bullet."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    sheet = Sheet(c)
    col = Column(sheet, LEFT, RIGHT, _header(sheet))
    col.heading(kind)
    for text, bold, right in rows:
        col.line(text, bold=bold, right=right)
    if bullet is not None:
        col.bullet(bullet)
    return _finish(c, buffer)


# --------------------------------------------------------------------------- bad inputs


def png_bytes(width: int = 400, height: int = 300) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    for y in range(20, height - 20, 14):  # grey bars that look like lines of text
        draw.rectangle((20, y, width - 40, y + 6), fill=(90, 90, 90))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def jpeg_bytes() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (32, 32), "white").save(out, format="JPEG")
    return out.getvalue()


def scanned_pdf(*, text_page_first: bool = False) -> bytes:
    """A page that holds only an image, no text layer; optionally after a real text page."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    if text_page_first:
        sheet = Sheet(c)
        col = Column(sheet, LEFT, RIGHT, _header(sheet))
        _experience(col)
        c.showPage()
    c.drawImage(ImageReader(io.BytesIO(png_bytes())), 36, 36, width=PAGE_W - 72, height=PAGE_H - 72)
    c.showPage()
    return _finish(c, buffer)


def encrypted_pdf() -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption

    buffer = io.BytesIO()
    c = _canvas(buffer, encrypt=StandardEncryption("userpw", ownerPassword="o"))
    sheet = Sheet(c)
    col = Column(sheet, LEFT, RIGHT, _header(sheet))
    _experience(col)
    return _finish(c, buffer)


def broken_page_box_pdf() -> bytes:
    """A real PDF whose page size (/MediaBox) holds a name where a number should be."""
    data = one_column_pdf()
    broken = data.replace(b"/MediaBox [ 0 0 612 792 ]", b"/MediaBox [ 0 0 612 /XY ]")
    assert broken != data
    return broken


def many_pages_pdf(n: int) -> bytes:
    """`n` pages with one word each: cheap to build, however many pages."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    for number in range(1, n + 1):
        c.setFont(BODY, SIZE)
        c.drawString(LEFT, PAGE_H / 2, f"Page{number}")
        c.showPage()
    return _finish(c, buffer)


SPANISH_LINES = (
    "María Pérez",
    "maria.perez@example.com | +34 600 555 012 | Madrid, Spain",
    "Perfil",
    "Gerente de producto asociada con experiencia en comercio electrónico y en el análisis de "
    "datos de clientes para mejorar la conversión.",
    "Experiencia",
    "Gerente de Producto Asociada | Compañía Ejemplo | Madrid, Spain | Ene 2022 – Actual",
    "• Lancé una nueva función de pagos que aumentó las ventas un 15% en seis meses.",
    "• Coordiné a los equipos de diseño, ingeniería y marketing durante el lanzamiento.",
    "• Entrevisté a cuarenta clientes para entender sus necesidades y priorizar el trabajo.",
    "Educación",
    "Universidad de Ejemplo — Grado en Ingeniería Informática, 2021",
    "Habilidades",
    "Análisis de datos, investigación de usuarios, gestión de proyectos, SQL",
)


SPANISH_HEADINGS = frozenset({"Perfil", "Experiencia", "Educación", "Habilidades"})


def spanish_text() -> str:
    return "\n".join(SPANISH_LINES) + "\n"


def non_english_pdf() -> bytes:
    """The Spanish resume as a one-column PDF (all its characters are in WinAnsi)."""
    buffer = io.BytesIO()
    c = _canvas(buffer)
    sheet = Sheet(c)
    name, *rest = SPANISH_LINES
    sheet.text(LEFT, 66, name, font=BOLD, size=22)
    col = Column(sheet, LEFT, RIGHT, 86)
    for text in rest:
        if text in SPANISH_HEADINGS:
            col.heading(text)
        elif text.startswith("• "):
            col.bullet(text[2:])
        else:
            for line in wrap(text, RIGHT - LEFT):
                col.line(line)
    return _finish(c, buffer)


def docx_bytes() -> bytes:
    """A small DOCX resume (python-docx), for the "DOCX renamed to .pdf" case."""
    import docx

    document = docx.Document()
    document.add_paragraph(NAME, style="Title")
    document.add_paragraph(f"{EMAIL} | {PHONE} | {CITY}")
    document.add_heading("Experience", level=1)
    document.add_paragraph("Product Intern | Acme Corp | San Francisco, CA | May 2022 – Aug 2022")
    document.add_paragraph(
        "Interviewed 25 customers and turned the findings into a roadmap", style="List Bullet"
    )
    document.add_heading("Education", level=1)
    document.add_paragraph("University of Example — B.S. Computer Science, May 2024")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


MARKDOWN_RESUME = """\
# Jane Doe

jane.doe@example.com | (415) 555-0134 | San Francisco, CA | [LinkedIn](https://www.linkedin.com/in/janedoe-example)

Product-minded computer science graduate who ships data-informed features with
engineering and design teams.

## Experience

**Associate Product Manager | Globex Inc | Austin, TX | Jan 2023 – Present**

- Launched a self-serve onboarding flow that cut time to first value by 35% for
  12,000 new accounts in two quarters
- Ran 14 A/B tests on pricing pages and lifted paid conversion by 8%

**Product Management Intern | Acme Corp | San Francisco, CA | May 2022 – Aug 2022**

- Interviewed 25 customers and turned the findings into a roadmap adopted by three
  engineering teams

Projects
--------

Campus Marketplace App — Sep 2021 – May 2022

* Built a student marketplace used by 1,800 students and grew weekly listings by
  40% in one semester

## Leadership Experience

**President | Product Club | Sep 2022 – May 2024**

1. Grew membership from 40 to 160 students by running monthly product teardowns
2. Organised a case competition with three sponsor companies

## Education

**University of Example — B.S. Computer Science, May 2024**

- GPA: 3.8/4.0

## Skills

- SQL, Python, Figma, Jira
- Roadmapping, A/B Testing, User Research
"""
