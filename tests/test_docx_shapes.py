"""DOCX as people lay it out: soft line breaks, header rows as tables, a sidebar table, text
boxes and numbered list paragraphs, read into the right sections, entries and bullets.

Documents are built with python-docx; text boxes and numbering need a little raw XML, kept
here. All people and companies are invented.
"""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest
from docx.oxml import parse_xml

from resume_analyzer.document import Resume, Section
from resume_analyzer.parsing import parse_resume

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
BULLETS = (
    "Launched a self-serve billing page that cut support tickets by 22%",
    "Ran 6 pricing experiments that lifted paid conversion by 9%",
)


def parse(document: Any) -> Resume:
    buffer = io.BytesIO()
    document.save(buffer)
    return parse_resume(buffer.getvalue(), filename="resume.docx")


def section(resume: Resume, kind: str) -> Section:
    return next(s for s in resume.sections if s.kind == kind)


def paragraphs_xml(texts: list[str]) -> str:
    return "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in texts)


def text_box(texts: list[str], *, fallback: bool = True) -> Any:
    """A paragraph anchoring a Word text box: DrawingML in mc:Choice and, as Word writes it,
    the same text again as VML in mc:Fallback; or a VML text box alone (older Word)."""
    content = f"<w:txbxContent>{paragraphs_xml(texts)}</w:txbxContent>"
    vml = f"<w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict>"
    drawing = (
        "<w:drawing><wp:anchor><wp:docPr id='1' name='Text Box 1'/><a:graphic>"
        "<a:graphicData uri='http://schemas.microsoft.com/office/word/2010/wordprocessingShape'>"
        f"<wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing>"
    )
    run = (
        f"<mc:AlternateContent><mc:Choice Requires='wps'>{drawing}</mc:Choice>"
        f"<mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent>"
        if fallback
        else vml
    )
    return parse_xml(f"<w:p {NAMESPACES}><w:r>{run}</w:r></w:p>")


def soft_broken(document: Any, parts: list[str], style: str | None = None) -> None:
    """One paragraph whose parts are separated by Shift+Enter (w:br)."""
    paragraph = document.add_paragraph(style=style)
    for n, part in enumerate(parts):
        run = paragraph.add_run(part)
        if n < len(parts) - 1:
            run.add_break()


def numbered(document: Any, text: str) -> None:
    """A list paragraph by direct numbering (w:numPr), in the Normal style."""
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
    )


def start(document: Any) -> None:
    document.add_paragraph("Jordan Example", style="Title")
    document.add_paragraph("jordan@example.com | (415) 555-0199")
    document.add_heading("Experience", level=1)


@pytest.mark.parametrize(
    ("parts", "style", "bullets"),
    [
        # A Shift+Enter wrap inside a list bullet keeps one bullet, whatever case follows.
        (["Launched a self-serve billing page that", "Cut support tickets by 22%"], "List Bullet",
         ["Launched a self-serve billing page that Cut support tickets by 22%"]),
        (["Ran 6 pricing experiments with", "design and data science"], "List Bullet",
         ["Ran 6 pricing experiments with design and data science"]),
        # In a plain paragraph a lower-case continuation joins too.
        (["Ran 6 pricing experiments with the growth team that", "lifted conversion by 9%"],
         None, ["Ran 6 pricing experiments with the growth team that lifted conversion by 9%"]),
        # A part with its own glyph is a new bullet.
        (["• Cut churn by 4%", "• Grew revenue by 10%"], None,
         ["Cut churn by 4%", "Grew revenue by 10%"]),
    ],
)  # fmt: skip
def test_soft_line_break_inside_a_bullet_does_not_split_it(
    parts: list[str], style: str | None, bullets: list[str]
) -> None:
    document = docx.Document()
    start(document)
    document.add_paragraph("Product Manager | Globex Inc | 2021 – 2023")
    soft_broken(document, parts, style)
    experience = section(parse(document), "experience")
    assert [b.text for b in experience.bullets] == bullets
    assert {b.entry for b in experience.bullets} == {0}


def test_soft_line_break_separates_the_parts_of_a_header() -> None:
    document = docx.Document()
    start(document)
    soft_broken(document, ["Globex Inc", "Product Manager\tJan 2021 – Present"])
    for text in BULLETS:
        document.add_paragraph(text, style="List Bullet")
    soft_broken(document, ["Hooli — Senior Analyst", "Austin, TX", "2018 – 2020"])
    document.add_paragraph(BULLETS[0], style="List Bullet")
    experience = section(parse(document), "experience")
    entries = [(e.title, e.organization, e.location, e.start, e.end) for e in experience.entries]
    assert entries == [
        ("Product Manager", "Globex Inc", None, "2021-01", None),
        ("Senior Analyst", "Hooli", "Austin, TX", "2018", "2020"),
    ]
    assert [b.entry for b in experience.bullets] == [0, 0, 1]


def test_header_row_laid_out_as_a_table() -> None:
    document = docx.Document()
    start(document)
    for company, dates, title in (
        ("Globex Inc", "Jan 2021 – Present", "Product Manager"),
        ("Initech", "Jun 2019 – Dec 2020", "Business Analyst"),
    ):
        row = document.add_table(rows=1, cols=2).rows[0]
        row.cells[0].text, row.cells[1].text = company, dates
        document.add_paragraph(title)
        for text in BULLETS:
            document.add_paragraph(text, style="List Bullet")
    experience = section(parse(document), "experience")
    assert [(e.title, e.organization, e.start, e.end) for e in experience.entries] == [
        ("Product Manager", "Globex Inc", "2021-01", None),
        ("Business Analyst", "Initech", "2019-06", "2020-12"),
    ]
    assert [b.entry for b in experience.bullets] == [0, 0, 1, 1]


def test_two_column_layout_table_with_a_sidebar() -> None:
    document = docx.Document()
    document.add_paragraph("Jordan Example", style="Title")
    sidebar, main = document.add_table(rows=1, cols=2).rows[0].cells
    sidebar.paragraphs[0].text = "jordan@example.com"
    sidebar.add_paragraph("SKILLS").runs[0].bold = True
    sidebar.add_paragraph("SQL, Python, Figma")
    sidebar.add_paragraph("LANGUAGES").runs[0].bold = True
    sidebar.add_paragraph("Spanish (fluent)")
    main.paragraphs[0].text = "EXPERIENCE"
    main.paragraphs[0].runs[0].bold = True
    main.add_paragraph("Product Manager | Globex Inc | 2021 – Present")
    for text in BULLETS:
        main.add_paragraph(text, style="List Bullet")
    main.add_paragraph("EDUCATION").runs[0].bold = True
    main.add_paragraph("University of Example | B.S. Economics | 2020")
    resume = parse(document)
    assert [s.kind for s in resume.sections] == ["skills", "languages", "experience", "education"]
    experience = section(resume, "experience")
    assert [(e.title, e.organization) for e in experience.entries] == [
        ("Product Manager", "Globex Inc")
    ]
    assert [b.text for b in experience.bullets] == list(BULLETS)
    assert resume.contact.email == "jordan@example.com"


@pytest.mark.parametrize("fallback", [True, False], ids=["drawingml-and-vml", "vml-only"])
def test_text_box_content_is_read_once_in_place(fallback: bool) -> None:
    document = docx.Document()
    start(document)
    document.add_paragraph("Product Manager | Globex Inc | 2021 – Present")
    anchor = document.add_paragraph(BULLETS[0], style="List Bullet")
    anchor._p.addnext(text_box(["SKILLS", "SQL, Python, Figma", "Roadmapping, A/B testing"]))
    document.add_heading("Education", level=1)
    document.add_paragraph("University of Example | B.S. Economics | 2020")
    resume = parse(document)
    assert [s.kind for s in resume.sections] == ["experience", "skills", "education"]
    skills = section(resume, "skills")
    assert [b.text for b in skills.bullets] == ["SQL, Python, Figma", "Roadmapping, A/B testing"]
    every_text = [b.text for s in resume.sections for b in s.bullets]
    assert len(every_text) == len(set(every_text))


def test_numbered_paragraphs_are_bullets_of_their_entry() -> None:
    document = docx.Document()
    start(document)
    document.add_paragraph("Product Manager | Globex Inc | 2021 – Present")
    for text in BULLETS:
        numbered(document, text)
    document.add_paragraph("Senior Analyst | Initech | 2018 – 2020")
    numbered(document, BULLETS[1])
    experience = section(parse(document), "experience")
    assert [(e.title, e.organization) for e in experience.entries] == [
        ("Product Manager", "Globex Inc"),
        ("Senior Analyst", "Initech"),
    ]
    assert [(b.entry, b.marker) for b in experience.bullets] == [(0, "•"), (0, "•"), (1, "•")]
