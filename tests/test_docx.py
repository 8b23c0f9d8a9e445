"""read_docx on documents built here with python-docx: order, blocks, looks, links, pages."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_analyzer.errors import (
    CorruptDocumentError,
    DocumentError,
    DocumentTooLargeError,
    UnsupportedFileTypeError,
)
from resume_analyzer.parsing.docx import read_docx
from resume_analyzer.parsing.lines import Line, RawDocument, clean_text, split_marker
from resume_analyzer.settings import ParseSettings

NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
# A Word text box: DrawingML in mc:Choice, the same text again as VML in mc:Fallback.
TEXT_BOX = f"""<w:p {NAMESPACES}><w:r><mc:AlternateContent>
<mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="Text Box 1"/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Open to relocation</w:t></w:r></w:p>
</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>
</mc:Choice>
<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Open to relocation</w:t>
</w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
</mc:AlternateContent></w:r><w:r><w:t>Anchor paragraph</w:t></w:r></w:p>"""


def save(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def read(document: Any, limits: ParseSettings | None = None) -> RawDocument:
    return read_docx(save(document), "resume.docx", limits or ParseSettings())


def texts(raw: RawDocument) -> list[str]:
    return [line.text for line in raw.lines]


def line(raw: RawDocument, text: str) -> Line:
    (found,) = [candidate for candidate in raw.lines if candidate.text == text]
    return found


def add_hyperlink(paragraph: Any, url: str, text: str) -> None:
    rel_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link, run, content = OxmlElement("w:hyperlink"), OxmlElement("w:r"), OxmlElement("w:t")
    link.set(qn("r:id"), rel_id)
    content.text = text
    run.append(content)
    link.append(run)
    paragraph._p.append(link)


def add_bottom_border(paragraph: Any) -> None:
    borders = parse_xml(
        f'<w:pBdr {NAMESPACES}><w:bottom w:val="single" w:sz="6" w:space="1"/></w:pBdr>'
    )
    paragraph._p.get_or_add_pPr().append(borders)


def resume() -> Any:
    """A one-section resume with everything read_docx has to get right."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Jane Doe"
    add_hyperlink(section.header.add_paragraph(), "mailto:jane@example.com", "jane@example.com")
    section.footer.paragraphs[0].text = "Page 1"
    section.footer.add_paragraph("References on request")
    document.add_heading("Jane Doe", level=0)
    document.add_heading("Experience", level=1)
    document.add_paragraph().add_run("Projects").bold = True
    document.add_paragraph("Shipped onboarding flow", style="List Bullet")
    document.add_paragraph("Ran 12 user interviews", style="List Bullet")
    document.add_paragraph("• Led a team of 4 engineers")
    document.add_paragraph("Certiﬁed Scrum Product Owner")
    links = document.add_paragraph("Profile: ")
    add_hyperlink(links, "https://www.linkedin.com/in/someone", "linkedin.com/in/someone")
    document.add_paragraph("Before the table")
    layout = document.add_table(rows=1, cols=2)
    left, right = layout.cell(0, 0), layout.cell(0, 1)
    left.paragraphs[0].text = "Skills"
    left.add_paragraph("SQL, Figma")
    right.paragraphs[0].text = "Acme Corp"
    right.add_paragraph("Product intern")
    document.add_paragraph("After the table")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("Education")
    return document


def test_body_comes_in_document_order_with_header_lines_first() -> None:
    raw = read(resume())
    assert texts(raw) == [
        "Jane Doe",
        "jane@example.com",
        "References on request",
        "Jane Doe",
        "Experience",
        "Projects",
        "Shipped onboarding flow",
        "Ran 12 user interviews",
        "Led a team of 4 engineers",
        "Certified Scrum Product Owner",
        "Profile: linkedin.com/in/someone",
        "Before the table",
        "Skills",
        "SQL, Figma",
        "Acme Corp",
        "Product intern",
        "After the table",
        "Education",
    ]
    assert [item.in_header for item in raw.lines[:4]] == [True, True, True, False]
    assert raw.source_format == "docx"


def test_headings_lists_and_looks() -> None:
    raw = read(resume())
    title, experience = raw.lines[3], line(raw, "Experience")
    assert (title.heading_level, title.size, title.rule_below) == (0, 26.0, True)
    # Heading 1 is bold and 14 pt through its style, not through its runs.
    assert (experience.heading_level, experience.bold, experience.size) == (1, True, 14.0)
    projects = line(raw, "Projects")
    assert (projects.bold, projects.heading_level, projects.size) == (True, None, 11.0)
    assert line(raw, "Shipped onboarding flow").marker == "•"
    assert line(raw, "Led a team of 4 engineers").marker == "•"
    assert line(raw, "Before the table").marker is None
    assert not line(raw, "Before the table").bold


def test_layout_table_reads_column_by_column_in_separate_blocks() -> None:
    raw = read(resume())
    before, skills, sql = (
        line(raw, "Before the table"),
        line(raw, "Skills"),
        line(raw, "SQL, Figma"),
    )
    acme, intern = line(raw, "Acme Corp"), line(raw, "Product intern")
    after = line(raw, "After the table")
    assert skills.block == sql.block
    assert acme.block == intern.block
    assert len({before.block, skills.block, acme.block, after.block}) == 4


def test_links_come_from_hyperlinks_in_header_and_body() -> None:
    document = resume()
    # A link on a picture or shape is a relationship with no w:hyperlink element.
    document.part.relate_to("https://github.com/jane", RT.HYPERLINK, is_external=True)
    assert read(document).link_urls == [
        "mailto:jane@example.com",
        "https://www.linkedin.com/in/someone",
        "https://github.com/jane",
    ]


def test_page_break_starts_page_two() -> None:
    raw = read(resume())
    assert line(raw, "After the table").page == 1
    assert line(raw, "Education").page == 2
    assert raw.pages == 2


def test_rendered_page_breaks_are_not_counted_twice_with_hard_breaks() -> None:
    document = docx.Document()
    document.add_paragraph("Page one")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    second = document.add_paragraph()
    second.add_run()._r.append(OxmlElement("w:lastRenderedPageBreak"))
    second.add_run("Page two")
    raw = read(document)
    assert [item.page for item in raw.lines] == [1, 2]
    assert raw.pages == 2


def test_columns_of_a_layout_table_share_their_pages() -> None:
    document = docx.Document()
    row = document.add_table(rows=1, cols=2).rows[0]
    for cell, column in zip(row.cells, "AB", strict=True):
        cell.paragraphs[0].text = f"{column} page one"
        second = cell.add_paragraph()
        second.add_run()._r.append(OxmlElement("w:lastRenderedPageBreak"))
        second.add_run(f"{column} page two")
    raw = read(document)
    assert [item.page for item in raw.lines] == [1, 2, 1, 2]
    assert raw.pages == 2


def test_merged_cells_are_read_once() -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Product Lead"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "2021 – 2023"
    table.cell(1, 1).text = "Beta"
    assert texts(read(document)) == ["Product Lead", "2021 – 2023", "Beta"]


def test_text_box_is_read_once_after_its_anchor() -> None:
    document = docx.Document()
    first = document.add_paragraph("Summary")
    first._p.addnext(parse_xml(TEXT_BOX))
    document.add_paragraph("Experience")
    raw = read(document)
    assert texts(raw) == ["Summary", "Anchor paragraph", "Open to relocation", "Experience"]
    box = line(raw, "Open to relocation")
    assert box.block not in {item.block for item in raw.lines if item is not box}
    assert line(raw, "Experience").block != line(raw, "Summary").block


def test_content_controls_and_tracked_changes() -> None:
    document = docx.Document()
    anchor = document.add_paragraph("Name")
    anchor._p.addnext(
        parse_xml(
            f"<w:sdt {NAMESPACES}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Inside a control</w:t>"
            "</w:r><w:del><w:r><w:delText>gone</w:delText><w:t>gone</w:t></w:r></w:del>"
            "<w:ins><w:r><w:t> kept</w:t></w:r></w:ins></w:p></w:sdtContent></w:sdt>"
        )
    )
    assert texts(read(document)) == ["Name", "Inside a control kept"]


def test_symbol_bullets_field_links_and_nested_tables() -> None:
    document = docx.Document()
    bullet = document.add_paragraph()
    bullet.add_run()._r.append(parse_xml(f'<w:sym {NAMESPACES} w:font="Symbol" w:char="F0B7"/>'))
    bullet.add_run(" Cut churn by 5%")
    field = document.add_paragraph("Portfolio: ")
    code = f'<w:instrText {NAMESPACES}> HYPERLINK "https://jane.dev" </w:instrText>'
    field.add_run()._r.append(parse_xml(code))
    field.add_run("jane.dev")
    outer = document.add_table(rows=1, cols=1).cell(0, 0)
    outer.paragraphs[0].text = "Outer"
    outer.add_table(rows=1, cols=1).cell(0, 0).text = "Inner"
    raw = read(document)
    assert texts(raw) == ["Cut churn by 5%", "Portfolio: jane.dev", "Outer", "Inner"]
    assert raw.lines[0].marker == "•"
    assert raw.link_urls == ["https://jane.dev"]
    assert line(raw, "Outer").block != line(raw, "Inner").block


def test_blocks_split_at_empty_paragraphs_and_lines_at_soft_breaks() -> None:
    document = docx.Document()
    document.add_paragraph("Acme Corp")
    wrapped = document.add_paragraph()
    wrapped.add_run("Product intern")
    wrapped.add_run().add_break()
    wrapped.add_run("Remote")
    document.add_paragraph("")
    document.add_paragraph("Beta Inc")
    raw = read(document)
    assert texts(raw) == ["Acme Corp", "Product intern", "Remote", "Beta Inc"]
    assert [item.block for item in raw.lines][:3] == [raw.lines[0].block] * 3
    assert raw.lines[3].block != raw.lines[0].block


def test_run_formatting_indent_and_borders() -> None:
    document = docx.Document()
    mixed = document.add_paragraph()
    mixed.add_run("Acme").bold = True
    mixed.add_run(" Corp")
    document.add_paragraph().add_run("Remote").italic = True
    document.add_paragraph().add_run("Bold face").font.name = "Cambria Bold"
    document.add_paragraph().add_run("Skills").font.all_caps = True
    document.add_paragraph("EDUCATION")
    large = document.add_paragraph().add_run("Big")
    large.font.size = Pt(16)
    indented = document.add_paragraph("Indented")
    indented.paragraph_format.left_indent = Pt(18)
    add_bottom_border(document.add_paragraph("Underlined"))
    raw = read(document)
    assert not line(raw, "Acme Corp").bold
    assert line(raw, "Remote").italic and not line(raw, "Remote").bold
    assert line(raw, "Bold face").bold and not line(raw, "Bold face").italic
    assert line(raw, "Skills").caps and not line(raw, "EDUCATION").caps
    assert line(raw, "Big").size == 16.0
    assert (line(raw, "Indented").indent, line(raw, "Acme Corp").indent) == (18.0, None)
    assert line(raw, "Underlined").rule_below and not line(raw, "Indented").rule_below


def test_header_lines_are_deduplicated_across_sections() -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Jane Doe · jane@example.com"
    document.add_paragraph("First section")
    second = document.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "Jane Doe · jane@example.com"
    second.footer.is_linked_to_previous = False
    second.footer.paragraphs[0].text = "Page 2 of 2"
    document.add_paragraph("Second section")
    raw = read(document)
    assert texts(raw) == ["Jane Doe · jane@example.com", "First section", "Second section"]
    assert [item.page for item in raw.lines] == [1, 1, 2]  # a new section starts a page


def test_too_much_text_is_refused() -> None:
    document = docx.Document()
    for _ in range(20):
        document.add_paragraph("x" * 100)
    with pytest.raises(DocumentTooLargeError, match="max_text_chars"):
        read(document, ParseSettings(max_text_chars=1000))


def rewrite(data: bytes, member: str, transform: Any) -> bytes:
    """Copy a zip, passing one member's bytes through `transform`."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info, transform(content) if info.filename == member else content)
    return output.getvalue()


def test_malformed_xml_is_reported_as_damaged() -> None:
    data = rewrite(save(resume()), "word/document.xml", lambda xml: xml[: len(xml) // 2])
    with pytest.raises(CorruptDocumentError, match=r"damaged.*save it again") as caught:
        read_docx(data, "resume.docx", ParseSettings())
    assert "Traceback" not in str(caught.value)


def test_macro_enabled_document_is_refused_with_advice() -> None:
    macro = b"application/vnd.ms-word.document.macroEnabled.main+xml"
    data = rewrite(
        save(resume()),
        "[Content_Types].xml",
        lambda xml: re.sub(
            rb"application/vnd\.openxmlformats[^\"]*document\.main\+xml", macro, xml
        ),
    )
    with pytest.raises(UnsupportedFileTypeError, match=r"\.docx"):
        read_docx(data, "resume.docm", ParseSettings())


# Characters python-docx can write: no controls, surrogates or non-characters; tabs and line
# breaks (written as w:tab and w:br) included.
PARAGRAPH_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cc", "Cs", "Cn")), st.sampled_from(" \t\n")
    ),
    max_size=40,
)


@given(st.lists(PARAGRAPH_TEXT, max_size=6))
@settings(max_examples=60, deadline=None)
def test_paragraph_texts_round_trip(paragraphs: list[str]) -> None:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    # A line break makes a new line, unless what follows only continues the sentence (lower
    # case after no full stop), when the wrap is undone; a typed bullet or number moves into
    # `marker`. Either way no character is lost or moved.
    expected = [
        split_marker(clean_text(part))[1]
        for text in paragraphs
        for part in text.split("\n")
        if clean_text(part)
    ]
    found = texts(read(document))
    assert len(found) <= len(expected)

    def bare(parts: list[str]) -> str:
        return "".join(ch for part in parts for ch in part if not ch.isspace() and ch != "-")

    assert bare(found) == bare(expected)


CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "resumes" / "docx"


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not available")
def test_corpus_documents_read_without_error() -> None:
    for path in sorted(CORPUS.glob("*.docx")):
        try:
            raw = read_docx(path.read_bytes(), path.name, ParseSettings())
        except DocumentError as error:
            pytest.fail(f"{path.name}: {error.code}")
        assert raw.lines, path.name
        assert raw.pages >= 1
