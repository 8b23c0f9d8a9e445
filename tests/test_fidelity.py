"""Text fidelity on PDFs: each defect of real producers drawn at exact coordinates.

Ligature glyphs from another font and with a width that does not match their advance,
letter-spaced headings (regular and irregular), justified lines positioned word by word with
no space characters, fake bold, line-end and soft hyphens, and glyphs without Unicode.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import builders as b
import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from resume_analyzer.document import Resume
from resume_analyzer.parsing import parse_resume, read_raw
from resume_analyzer.parsing.glyphs import (
    SYMBOL,
    Glyph,
    build_words,
    glyphs_of,
    unreadable_warning,
)

Draw = Callable[[canvas.Canvas], None]
FONT, SIZE = b.BODY, b.SIZE


def pdf(draw: Draw) -> bytes:
    """A one-page resume: name, contact, an EXPERIENCE heading and one job; then `draw`."""
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=b.letter, invariant=True)
    sheet = b.Sheet(c)
    sheet.text(b.LEFT, 60, b.NAME, font=b.BOLD, size=20)
    sheet.text(b.LEFT, 80, f"{b.EMAIL} | {b.PHONE}")
    sheet.text(b.LEFT, 120, "EXPERIENCE", font=b.BOLD, size=12)
    sheet.text(b.LEFT, 140, "Product Manager, Acme Corp", font=b.BOLD)
    sheet.right(b.RIGHT, 140, "2021 – Present")
    draw(c)
    c.showPage()
    c.save()
    return buffer.getvalue()


def put(c: canvas.Canvas, x: float, y: float, text: str, font: str = FONT) -> float:
    """Draw `text` with its baseline `y` points from the top; return where it ends."""
    c.setFont(font, SIZE)
    c.drawString(x, b.PAGE_H - y, text)
    return x + stringWidth(text, font, SIZE)


def bullet(c: canvas.Canvas, y: float) -> float:
    """A bullet glyph on its own (Helvetica's has no Unicode mapping: "(cid:127)"), and where
    the bullet's text starts."""
    put(c, b.LEFT, y, "•")
    return b.LEFT + 10


def words_at(c: canvas.Canvas, y: float, words: list[str], gap: float) -> None:
    """A justified line positioned word by word, with no space characters between words."""
    x = bullet(c, y)
    for word in words:
        x = put(c, x, y, word) + gap


def line_texts(data: bytes) -> list[str]:
    return [line.text for line in read_raw(data, filename="resume.pdf").lines]


def bullets(resume: Resume) -> list[str]:
    return [bullet.text for section in resume.sections for bullet in section.bullets]


def needs_dejavu() -> str:
    font = b.unicode_font()
    if font is None:
        pytest.skip("DejaVu Sans is not installed: cannot draw ligature glyphs")
    return font


# --- Ligatures ---------------------------------------------------------------------------------


@pytest.mark.parametrize("slack", [0.0, 1.2, 2.5])
def test_ligature_from_another_font_stays_inside_its_word(slack: float) -> None:
    """ "De" + "ﬁ" (another font, its width off by `slack` points on each side) + "ned"."""
    lig_font = needs_dejavu()

    def draw(c: canvas.Canvas) -> None:
        x = put(c, bullet(c, 160), 160, "De")
        x = put(c, x + slack, 160, "\ufb01", lig_font)
        x = put(c, x + slack, 160, "ned the workflows with Confluence")

    assert "De fi ned" not in " ".join(line_texts(pdf(draw)))
    assert "Defined the workflows with Confluence" in bullets(
        parse_resume(pdf(draw), filename="r.pdf")
    )


@pytest.mark.parametrize("space", [0.26, 0.333])
def test_word_space_before_a_same_font_ligature_is_kept(space: float) -> None:
    """LaTeX draws "ﬁ" in the body font and no space characters: "Developed ﬁrmware" has an
    interword gap of about a third of the size before the ligature, and none inside words."""
    chars = []
    x = 0.0
    for text in ["D", "e", "v", "\ufb01", "r", "m", "SPACE", "\ufb01", "l", "e", "s"]:
        if text == "SPACE":
            x += space * 10
            continue
        chars.append(
            {
                "text": text,
                "x0": x,
                "x1": x + 5,
                "top": 0,
                "bottom": 10,
                "size": 10,
                "fontname": "CMR10",
            }
        )
        x += 5
    assert [w.text for w in build_words(glyphs_of(chars)).words] == ["Dev\ufb01rm", "\ufb01les"]


def test_a_soft_hyphen_drawn_inside_a_line_is_a_hyphen() -> None:
    """Some fonts map their hyphen glyph to U+00AD: "high\u00adimpact" drawn mid-line reads
    "high-impact"; at the row's end it stays a soft hyphen for the line joiner."""
    chars = [
        {"text": t, "x0": x, "x1": x + 5, "top": 0, "bottom": 10, "size": 10, "fontname": "F"}
        for t, x in [("h", 0), ("i", 5), ("\u00ad", 10), ("o", 15), ("n", 20), ("\u00ad", 25)]
    ]
    assert [w.text for w in build_words(glyphs_of(chars)).words] == ["hi-on\u00ad"]
    # Drawn with no width, it is invisible: left for the line cleaner to drop.
    unseen = [
        {"text": t, "x0": x, "x1": x + w, "top": 0, "bottom": 10, "size": 10, "fontname": "F"}
        for t, x, w in [("h", 0, 5), ("i", 5, 5), ("\u00ad", 10, 0), ("o", 10, 5)]
    ]
    assert [w.text for w in build_words(glyphs_of(unseen)).words] == ["hi\u00ado"]


def test_private_use_ligatures_read_as_letters() -> None:
    chars = [
        {"text": t, "x0": x, "x1": x + 5, "top": 0, "bottom": 10, "size": 10, "fontname": "F"}
        for t, x in [("o", 0), ("\uf002", 5), ("o", 10), ("w", 15)]
    ]
    assert [w.text for w in build_words(glyphs_of(chars)).words] == ["oflow"]


# --- Letter spacing ----------------------------------------------------------------------------


@pytest.mark.parametrize("spacing", [2.0, 4.0, 7.0])
def test_letter_spaced_heading_reads_as_one_word(spacing: float) -> None:
    def draw(c: canvas.Canvas) -> None:
        text = c.beginText(b.LEFT, b.PAGE_H - 200)
        text.setFont(b.BOLD, 12)
        text.setCharSpace(spacing)
        text.textOut("EDUCATION")
        c.drawText(text)
        put(c, b.LEFT, 220, "University of Somewhere, B.S. Economics")

    resume = parse_resume(pdf(draw), filename="r.pdf")
    assert [s.heading for s in resume.sections] == ["EXPERIENCE", "EDUCATION"]
    assert [s.kind for s in resume.sections] == ["experience", "education"]


def test_irregular_letter_spacing_keeps_its_two_words() -> None:
    """Letter gaps of 4–7 points, one pair kerned tight ("ST"), a wider gap between words."""
    gaps = {"CASE": [5, 7, 4, 0], "STUDIES": [0.5, 6, 5, 7, 4, 0.3, 0]}  # after each letter

    def draw(c: canvas.Canvas) -> None:
        x = b.LEFT
        for word, word_gaps in gaps.items():
            for letter, gap in zip(word, word_gaps, strict=True):
                x = put(c, x, 200, letter, b.BOLD) + gap
            x += 12

    assert "CASE STUDIES" in line_texts(pdf(draw))


# --- Word spaces -------------------------------------------------------------------------------


@pytest.mark.parametrize("gap", [1.2, 1.4, 3.0])
def test_justified_line_without_space_characters_keeps_its_spaces(gap: float) -> None:
    words = "Saved the team 40 hours a week by automating reports".split()

    def draw(c: canvas.Canvas) -> None:
        words_at(c, 160, words, gap)

    assert "Saved the team 40 hours a week by automating reports" in bullets(
        parse_resume(pdf(draw), filename="r.pdf")
    )


def test_fake_bold_letters_are_not_doubled() -> None:
    def draw(c: canvas.Canvas) -> None:
        for offset in (0.0, 0.3):
            put(c, b.LEFT + offset, 200, "SKILLS", b.BOLD)
        put(c, b.LEFT, 220, "SQL, Python, Figma")

    assert "SKILLS" in line_texts(pdf(draw))


def test_punctuation_in_another_font_stays_on_its_word() -> None:
    def draw(c: canvas.Canvas) -> None:
        x = put(c, bullet(c, 160), 160, "Grew retention by 30", b.BOLD)
        x = put(c, x, 160, "% in two ")
        put(c, x, 160, "markets", b.BOLD)

    assert "Grew retention by 30% in two markets" in bullets(
        parse_resume(pdf(draw), filename="r.pdf")
    )


# --- Hyphens -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("Took the idea-to-", "MVP process to a two-week cycle", "idea-to-MVP process"),
        ("Partnered on the manage-", "ment of four releases", "the management of four"),
        ("Led a cross-", "functional team of nine", "a cross-functional team"),
    ],
)
def test_line_end_hyphen(first: str, second: str, joined: str) -> None:
    def draw(c: canvas.Canvas) -> None:
        put(c, bullet(c, 160), 160, first)
        put(c, b.LEFT + 10, 173, second)

    (text,) = bullets(parse_resume(pdf(draw), filename="r.pdf"))
    assert joined in text


def test_soft_hyphens_join_a_broken_word_and_read_as_drawn_mid_line() -> None:
    """At a line's end a soft hyphen joins the word's halves; mid-line, DejaVu draws U+00AD as
    a hyphen, so the page shows (and the parse reads) "dis-covery"."""
    font = needs_dejavu()

    def draw(c: canvas.Canvas) -> None:
        put(c, bullet(c, 160), 160, "Ran dis\u00adcovery for the manage\u00ad", font)
        put(c, b.LEFT + 10, 173, "ment console", font)

    assert bullets(parse_resume(pdf(draw), filename="r.pdf")) == [
        "Ran dis-covery for the management console"
    ]


# --- Glyphs without Unicode --------------------------------------------------------------------


def glyph(text: str, x: float) -> Glyph:
    return Glyph(text, x, x + 5, 0, 10, 10, "F")


def test_unreadable_glyphs_inside_words_are_dropped_and_counted() -> None:
    glyphs = [glyph(t, x) for t, x in [("a", 0), ("(cid:7)", 5), ("b", 10), ("c", 30)]]
    built = build_words(glyphs)
    assert [w.text for w in built.words] == ["ab", "c"]
    assert built.unreadable == 1


def test_a_wide_unreadable_glyph_between_letters_keeps_the_words_apart() -> None:
    """LaTeX's arrow in "research→production" has no Unicode: as wide as the type (10 pt
    here), it is a symbol between two words; a narrow one (a ligature) is inside one."""
    arrow = Glyph("(cid:25)", 10, 20, 0, 10, 10, "F")
    glyphs = [glyph("a", 0), glyph("b", 5), arrow, glyph("c", 20), glyph("d", 25)]
    built = build_words(glyphs)
    assert [w.text for w in built.words] == ["ab cd"]
    assert built.unreadable == 1


def test_a_lone_unreadable_glyph_is_a_symbol() -> None:
    built = build_words([glyph("(cid:3)", 0), glyph("L", 20), glyph("e", 25), glyph("d", 30)])
    assert [w.text for w in built.words] == [SYMBOL, "Led"]
    assert built.unreadable == 0


def test_a_word_of_unreadable_glyphs_is_dropped() -> None:
    built = build_words([glyph("(cid:3)", 0), glyph("(cid:4)", 5)])
    assert built.words == []
    assert built.unreadable == 2


def test_unreadable_warning_says_how_many_and_what_to_do() -> None:
    warning = unreadable_warning(3)
    assert warning.code == "unmapped_glyphs"
    assert warning.message.startswith("3 characters")
    assert "fonts embedded" in warning.message and "DOCX" in warning.message
    assert unreadable_warning(1).message.startswith("1 character of")


def test_soft_hyphen_at_a_wrapped_text_line_joins_the_word() -> None:
    text = (
        "Jane Doe\njane.doe@example.com\n\nEXPERIENCE\n\nProduct Manager, Acme Corp, 2021 – "
        "Present\n- Ran the manage\u00ad\n  ment console for four teams\n"
    )
    assert "Ran the management console for four teams" in bullets(
        parse_resume(text.encode(), filename="resume.txt")
    )


def test_a_space_drawn_over_a_letter_separates_nothing() -> None:
    glyphs = [glyph("P", 0), glyph(" ", 0.5), glyph("o", 5), glyph("l", 10), glyph(" ", 15)]
    glyphs[1].x1 = 3.0  # the stray space lies inside the "P"
    assert [w.text for w in build_words(glyphs).words] == ["Pol"]


def test_a_justified_line_with_space_characters_and_wide_gaps_has_single_spaces() -> None:
    """Word's justified lines draw a space and then move on by a wide gap ("Owned   API"):
    gaps wide enough to be cells of a row, but inside a statement they are word spaces."""
    words = "Owned API payment products for 40 partners, keeping 99% uptime".split()

    def draw(c: canvas.Canvas) -> None:
        x = bullet(c, 160)
        for word in words:
            x = put(c, x, 160, word + " ") + 9.0

    assert "Owned API payment products for 40 partners, keeping 99% uptime" in bullets(
        parse_resume(pdf(draw), filename="r.pdf")
    )


def test_a_bullet_dot_drawn_too_small_to_see_is_not_a_line() -> None:
    """A builder's bullet drawn at 0.75 pt beside 10 pt text, a little below its baseline:
    read as a line of its own it became a "•" item between every two bullets."""
    lines = ["Led the redesign of onboarding, lifting activation 18%", "Ran 30 user interviews"]

    def draw(c: canvas.Canvas) -> None:
        for i, text in enumerate(lines):
            y = 160 + 14 * i
            c.setFont(FONT, 0.75)
            c.drawString(b.LEFT, b.PAGE_H - y - 3, "•")
            put(c, b.LEFT, y, text)

    resume = parse_resume(pdf(draw), filename="r.pdf")
    assert bullets(resume) == lines
    assert all("•" not in text for text in line_texts(pdf(draw)))


def test_a_raised_small_glyph_stays_in_its_word() -> None:
    """An ordinal's superscript ("4th") and the LaTeX logo's small raised "A": their baseline
    is not the line's, so they made a line of their own ("th" joined to the line above,
    "LTEX"). A line of small type just above a line is still a line of its own."""

    def draw(c: canvas.Canvas) -> None:
        x = put(c, b.LEFT, 160, "Ran the Bybit 4")
        c.setFont(FONT, SIZE * 0.63)
        c.drawString(x, b.PAGE_H - 160 + 3.5, "th")
        put(c, x + stringWidth("th", FONT, SIZE * 0.63), 160, " Anniversary campaign for 2M users")
        x = put(c, b.LEFT, 174, "Wrote the guide in L")
        c.setFont(FONT, SIZE * 0.7)
        c.drawString(x - 3.6, b.PAGE_H - 174 + 2.8, "A")
        put(c, x - 0.9, 174, "TEX for 40 analysts")
        c.setFont(FONT, SIZE * 0.7)
        c.drawString(b.LEFT, b.PAGE_H - 192, "Remote, part time")
        put(c, b.LEFT, 202, "Cut support tickets by 30% with a new help center")

    texts = line_texts(pdf(draw))
    assert "Ran the Bybit 4th Anniversary campaign for 2M users" in texts
    assert "Wrote the guide in LATEX for 40 analysts" in texts
    assert "Remote, part time" in texts
    assert not any(t in ("th", "A") for t in texts)


def test_a_company_line_with_its_place_is_not_a_heading() -> None:
    """ "Payfinancials Technology   Lagos, Nigeria" in bold: "Technology" names skills
    headings, but a company with its place on the right opens an entry."""

    def draw(c: canvas.Canvas) -> None:
        put(c, bullet(c, 160), 160, "Led pricing for 3 markets, growing revenue 12% in a year")
        put(c, b.LEFT, 190, "Payfinancials Technology", b.BOLD)
        c.setFont(FONT, SIZE)
        c.drawRightString(b.RIGHT, b.PAGE_H - 190, "Lagos, Nigeria")
        put(c, b.LEFT, 204, "Product Manager", b.BOLD)
        c.drawRightString(b.RIGHT, b.PAGE_H - 204, "Oct 2022 – Mar 2023")
        put(c, bullet(c, 218), 218, "Launched a rewards program that raised retention by 10%")

    resume = parse_resume(pdf(draw), filename="r.pdf")
    assert [s.kind for s in resume.sections] == ["experience"]
    entries = resume.sections[0].entries
    assert [(e.organization, e.location) for e in entries][-1] == (
        "Payfinancials Technology",
        "Lagos, Nigeria",
    )
