"""Hostile inputs, built in code: the shapes the fuzzer (`fuzz/`) found hanging, exhausting
memory or crashing the analyzer, each reduced to a small generator.

Text inputs come in two sizes. "Whole" is the fuzzer's file, under 300 KB: a single line of
hundreds of thousands of characters, refused by the shape limits before any work. "Inside"
puts a run of the same shape, just under the line limit, into a real resume: it must be read
in linear time, which only shows if it is.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable
from xml.sax.saxutils import escape

from resumes import APM, to_docx, to_text

Make = Callable[[], bytes]
# Just under ParseSettings.max_line_chars (10,000).
RUN = 9_000


def resume_with(line: str) -> bytes:
    """The APM resume as text, with `line` added to its first experience bullet."""
    text = to_text(APM)
    first = text.index("\n- ") + 1
    end = text.index("\n", first)
    return (text[:end] + " " + line + text[end:]).encode("utf-8", "surrogatepass")


def repeat(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


# The small text files, whole: each one line (or many lines) past a shape limit.
WHOLE_TEXT: dict[str, str] = {
    "digit-groups": "12 " * 96_000,
    "hyphen-domain": "a-" * 145_000 + ".com",
    "capitals-comma": "Aa " * 90_000 + ",",
    "unclosed-bold": "**" + "a " * 140_000,
    "brackets": "[" * 290_000,
    "backticks": "`" * 290_000,
    "hashes": "#" * 290_000,
    "date-ranges": "Jan 2020 – Mar 2021, " * 12_000,
    "dash-lines": "- a\n" * 72_000,
    "emoji": "😀" * 50_000,
}

# The same shapes inside a resume, each on one line just under the limit.
INSIDE_TEXT: dict[str, str] = {
    "digit-groups": repeat("12 ", RUN),
    "hyphen-domain": repeat("a-", RUN - 5) + ".comx",
    "capitals-comma": repeat("Aa ", RUN - 4) + ", CA",
    "unclosed-bold": "**" + repeat("led ", RUN),
    "unclosed-underline": "__" + repeat("a ", RUN) + " __x",
    "brackets": repeat("[", RUN),
    "link-openers": repeat("[a](", RUN),
    "backticks": repeat("`a ", RUN),
    "stars": repeat("* ", RUN) + "x",
    "hashes": "# " + repeat("#", RUN) + "x",
    "heading-spaces": "# a" + " " * RUN + "#x",
    "bold-spaces": "**a**" + " " * RUN + "x",
    "date-ranges": repeat("Jan 2020 – Mar 2021, ", RUN),
    "numeric-dates": repeat("01/2020-", RUN),
    "emoji": repeat("😀", RUN),
    "quotes": repeat("'", RUN) + "1",
    "parentheses": repeat("(", RUN),
    "phones": repeat("+1 (", RUN),
    "thousands": repeat("1,", RUN),
    "percent": repeat("1.", RUN) + "%",
    "emails": repeat("a@", RUN) + "b.com",
    "urls": repeat("http://a.com/", RUN),
    "spaces-colon": "a" + " " * RUN + ":",
    "combining": "a" + "\u0301" * RUN,
    "long-word": "a" * RUN,
}


# --------------------------------------------------------------------------- PDF


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1; 1 is the catalog) with an honest xref."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _stream(body: bytes, *, length: int | None = None) -> bytes:
    data = zlib.compress(body, 9)
    size = len(data) if length is None else length
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (size, data)


def page_pdf(content: bytes, *, font: bytes | None = None, length: int | None = None) -> bytes:
    """One letter page drawing `content` (compressed), with Helvetica (or `font`) as /F1."""
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            font or b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            _stream(content, length=length),
        ]
    )


def long_string_pdf() -> bytes:
    """A 4 KB PDF whose one text operator shows four million characters."""
    return page_pdf(b"BT /F1 10 Tf 54 700 Td (" + b"A" * 4_000_000 + b") Tj ET")


def many_rectangles_pdf() -> bytes:
    return page_pdf(b"".join(b"%d %d 50 0.5 re f\n" % (i % 560, i % 790) for i in range(100_000)))


def many_lines_pdf() -> bytes:
    return page_pdf(b"0 0 m 612 792 l S\n" * 100_000)


def path_bomb_pdf(mib: int = 64) -> bytes:
    """A content stream that inflates to `mib` MiB of path operators (a 64 KB file)."""
    packer = zlib.compressobj(9)
    unit = b"0 0 m 612 792 l 0 792 m 612 0 l S\n"
    chunk = unit * (1024 * 1024 // len(unit))
    data = b"".join(packer.compress(chunk) for _ in range(mib)) + packer.flush()
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(data), data)
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            stream,
        ]
    )


def busy_stream_pdf(mib: int = 64) -> bytes:
    """A content stream of `mib` MiB of "q Q" (save and restore the graphics state): nothing
    is drawn, so no count stops it, and pdfminer works through it for minutes."""
    packer = zlib.compressobj(9)
    chunk = b"q Q\n" * (1024 * 1024 // 4)
    data = b"".join(packer.compress(chunk) for _ in range(mib)) + packer.flush()
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(data), data)
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            stream,
        ]
    )


def broken_cmap_pdf() -> bytes:
    """A font whose ToUnicode CMap maps a range of four billion codes: pdfminer fills a table
    with every one of them."""
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange\nendcmap end end"
    )
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type0 /BaseFont /Foo /Encoding /Identity-H "
            b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
            _stream(b"BT /F1 10 Tf 54 700 Td <00410042> Tj ET"),
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Foo "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
            _stream(cmap),
        ]
    )


def wrong_length_pdf() -> bytes:
    """The resume's lines as PDF text, with its content stream's /Length far too large."""
    lines = to_text(APM).splitlines()
    ops = [b"BT /F1 10 Tf 54 740 Td 13 TL"]
    for line in lines:
        text = line.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
        ops.append(b"(%s) Tj T*" % text.replace(b"\\", b"/"))
    return page_pdf(b"\n".join([*ops, b"ET"]), length=999_999_999)


# --------------------------------------------------------------------------- DOCX


def docx_with(body_xml: bytes) -> bytes:
    """The APM resume as DOCX with `body_xml` added at the end of its body."""
    source = zipfile.ZipFile(io.BytesIO(to_docx(APM)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:sectPr", body_xml + b"<w:sectPr", 1)
            target.writestr(info.filename, data)
    return out.getvalue()


def docx_paragraph(text: str) -> bytes:
    return docx_with(b"<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % escape(text).encode())


def nested_tables_docx(depth: int = 2_000) -> bytes:
    cell = b"<w:tbl><w:tr><w:tc>" * depth + b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    return docx_with(cell + b"</w:tc></w:tr></w:tbl>" * depth)


# --------------------------------------------------------------------------- encodings


def encoded(encoding: str, *, bom: bool, damage: str = "") -> bytes:
    """The resume's text in `encoding` (UTF-16 or UTF-32, LE or BE), with or without its
    byte-order mark, then damaged at the end of its first line: "odd" drops the last byte,
    "surrogate" inserts a lone high surrogate, "nul" eight NUL characters."""
    marks = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}
    marks |= {"utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff"}
    text = to_text(APM).replace("–", "-")
    first_line = text.index("\n")
    head, tail = text[:first_line].encode(encoding), text[first_line:].encode(encoding)
    width = 2 if encoding.startswith("utf-16") else 4
    order = "little" if encoding.endswith("le") else "big"
    middle = b""
    if damage == "surrogate":
        middle = (0xD800).to_bytes(width, order)
    elif damage == "nul":
        middle = b"\x00" * width * 8
    data = (marks[encoding] if bom else b"") + head + middle + tail
    return data[:-1] if damage == "odd" else data
