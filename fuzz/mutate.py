"""Mutations: each turns a seed (or nothing) into one hostile input, deterministically from the
case's random generator. `MUTATORS` maps a name to (weight, function); the weights make a mix of
byte damage, PDF object edits, huge content streams, pathological text and odd encodings.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
import zlib
from collections.abc import Callable
from xml.sax.saxutils import escape

import pdfraw
from seeds import Seed, resume_lines
from texts import MAKERS

Mutator = Callable[[random.Random, list[Seed]], tuple[str, bytes]]
TEXT_BYTES = 300_000  # the small text files: well inside the 10 MiB upload limit


def _pick(rng: random.Random, seeds: list[Seed], kind: str | None = None) -> Seed:
    return rng.choice([s for s in seeds if kind is None or s.kind == kind])


def _size(rng: random.Random, low: int = 100, high: int = 150_000) -> int:
    """Log-uniform, so small and huge sizes are both common."""
    return int(low * (high / low) ** rng.random())


# ---------------------------------------------------------------- bytes of any format


def flip(rng: random.Random, seeds: list[Seed]) -> tuple[str, bytes]:
    seed = _pick(rng, seeds)
    data = bytearray(seed.data)
    for _ in range(rng.randint(1, 24)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return seed.name, bytes(data)


def truncate(rng: random.Random, seeds: list[Seed]) -> tuple[str, bytes]:
    seed = _pick(rng, seeds)
    return seed.name, seed.data[: rng.randrange(1, len(seed.data))]


def splice(rng: random.Random, seeds: list[Seed]) -> tuple[str, bytes]:
    """Insert random bytes, or repeat a chunk of the file many times."""
    seed = _pick(rng, seeds)
    data, at = seed.data, rng.randrange(len(seed.data))
    if rng.random() < 0.5:
        middle = rng.randbytes(rng.randint(1, 4096))
    else:
        start = rng.randrange(len(data))
        middle = data[start : start + rng.randint(1, 200)] * rng.randint(2, 2000)
    return seed.name, data[:at] + middle + data[at:]


# ---------------------------------------------------------------- PDF object edits

_NUMBER = re.compile(rb"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])")
_WEIRD = [b"0", b"-1", b"99999999", b"2147483648", b"1e308", b"-0.0", b"3.4e38", b"65536"]


def pdf_number(rng: random.Random, seeds: list[Seed]) -> tuple[str, bytes]:
    """A number in the file (a /Length, a /Count, an object id, a coordinate) made absurd."""
    seed = _pick(rng, seeds, "pdf")
    data = seed.data
    for _ in range(rng.randint(1, 3)):
        matches = list(_NUMBER.finditer(data))
        m = rng.choice(matches)
        data = data[: m.start()] + rng.choice(_WEIRD) + data[m.end() :]
    return seed.name, data


def pdf_length(rng: random.Random, seeds: list[Seed]) -> tuple[str, bytes]:
    seed = _pick(rng, seeds, "pdf")
    value = rng.choice([b"0", b"1", b"10", b"999999999", b"-5", b"/Foo", b"5 0 R"])
    return seed.name, re.sub(rb"/Length \d+", b"/Length " + value, seed.data, count=1)


def pdf_repeat_operator(rng: random.Random, seeds: list[Seed]) -> tuple[str, bytes]:
    """One drawing or text operator repeated thousands of times: a huge content stream."""
    seed = _pick(rng, seeds, "pdf")
    start = seed.data.index(b"stream\n") + 7
    end = seed.data.index(b"endstream", start)
    body = seed.data[start:end]
    ops = [op for op in body.split(b"\n") if op.strip()]
    chosen = rng.choice(ops)
    body = body + b"\n" + (chosen + b"\n") * _size(rng, 1000, 200_000)
    return seed.name, pdfraw.one_page(body)


def pdf_structure(rng: random.Random, seeds: list[Seed]) -> tuple[str, bytes]:
    """Break the xref, nest arrays deeply, or cut the trailer."""
    seed = _pick(rng, seeds, "pdf")
    data = seed.data
    choice = rng.randrange(4)
    if choice == 0:
        return seed.name, re.sub(rb"startxref\n\d+", b"startxref\n12", data)
    if choice == 1:
        depth = _size(rng, 100, 100_000)
        return seed.name, data.replace(b"/Kids [", b"/Kids " + b"[" * depth, 1)
    if choice == 2:
        return seed.name, data.replace(b"xref", b"xrfe")
    return seed.name, data.replace(b"/Type /Pages", b"/Type /Pages /Kids [2 0 R]", 1)


# ---------------------------------------------------------------- generated hostile PDFs


def pdf_long_string(rng: random.Random, seeds: list[Seed]) -> tuple[str, bytes]:
    """One text operator holding a very long string (a 4 KB file)."""
    n = _size(rng, 10_000, 4_000_000)
    return "long_string.pdf", pdfraw.one_page(b"BT /F1 10 Tf 54 700 Td (" + b"A" * n + b") Tj ET")


def pdf_many_objects(rng: random.Random, seeds: list[Seed]) -> tuple[str, bytes]:
    """Tens of thousands of characters, lines or rectangles on one page."""
    n = _size(rng, 2_000, 300_000)
    kind = rng.choice(["chars", "lines", "rects", "curves", "words"])
    if kind == "chars":
        body = (
            b"BT /F1 4 Tf 0 780 Td 5 TL\n" + b"(Led the team with data) Tj T*\n" * (n // 20) + b"ET"
        )
    elif kind == "words":
        lines = [" ".join(["growth"] * 30) for _ in range(n // 180)]
        return "many_words.pdf", pdfraw.one_page(pdfraw.text_lines(lines, 2.0))
    elif kind == "lines":
        body = b"".join(
            b"%d %d m %d %d l S\n" % (i % 600, i % 790, i % 600 + 50, i % 790) for i in range(n)
        )
    elif kind == "rects":
        body = b"".join(b"%d %d 50 0.5 re f\n" % (i % 560, i % 790) for i in range(n))
    else:
        body = b"".join(b"%d 10 m 20 30 40 50 %d 60 c S\n" % (i % 600, i % 500) for i in range(n))
    return f"many_{kind}.pdf", pdfraw.one_page(body)


def pdf_path_bomb(rng: random.Random, seeds: list[Seed]) -> tuple[str, bytes]:
    """A content stream that inflates to tens or hundreds of MiB of path operators."""
    mib = rng.choice([16, 64, 200, 400])
    unit = b"0 0 m 612 792 l 0 792 m 612 0 l S\n"
    packer = zlib.compressobj(9)
    chunk = unit * (1024 * 1024 // len(unit))
    data = b"".join(packer.compress(chunk) for _ in range(mib)) + packer.flush()
    body = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(data), data)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        body,
    ]
    return "path_bomb.pdf", pdfraw.build(objects)


def pdf_bad_cmap(rng: random.Random, seeds: list[Seed]) -> tuple[str, bytes]:
    """A Type0 font whose ToUnicode CMap claims an absurd range of codes."""
    end = rng.choice([b"FFFF", b"FFFFFF", b"FFFFFFFF"])
    start = b"0" * len(end)
    keyword = rng.choice([b"bfrange", b"cidrange"])
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        b"1 begin%s <%s> <%s> <0041> end%s\nendcmap end end" % (keyword, start, end, keyword)
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Foo /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        pdfraw.stream(b"BT /F1 10 Tf 54 700 Td <00410042> Tj ET"),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Foo "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
        pdfraw.stream(cmap, compress=rng.random() < 0.5),
    ]
    return "bad_cmap.pdf", pdfraw.build(objects)


def pdf_text(rng: random.Random, seeds: list[Seed]) -> tuple[str, bytes]:
    """The resume as PDF text with a pathological line among its lines."""
    lines = resume_lines()
    maker = rng.choice(sorted(MAKERS))
    hostile = MAKERS[maker](rng, _size(rng, 100, 20_000)).split("\n")
    at = rng.randrange(len(lines))
    return f"text_{maker}.pdf", pdfraw.one_page(
        pdfraw.text_lines([*lines[:at], *hostile, *lines[at:]])
    )


# ---------------------------------------------------------------- text and encodings


def text_pathological(rng: random.Random, seeds: list[Seed]) -> tuple[str, bytes]:
    """A seed text with a pathological run on one of its lines (or alone)."""
    maker = rng.choice(sorted(MAKERS))
    hostile = MAKERS[maker](rng, _size(rng, 100, 150_000))
    seed = _pick(rng, seeds, "text")
    lines = seed.data.decode().split("\n")
    if rng.random() < 0.3:
        text = hostile
    else:
        at = rng.randrange(len(lines))
        glue = rng.choice(["", " ", "\n"])
        lines[at] = lines[at] + glue + hostile
        text = "\n".join(lines)
    data = text.encode("utf-8", "surrogatepass")[:TEXT_BYTES]
    return f"{maker}{'.md' if seed.name.endswith('.md') else '.txt'}", data


_ENCODINGS = ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "cp1252", "latin-1", "shift_jis"]
_BOMS = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-32-le": b"\xff\xfe\x00\x00"}
_BOMS |= {"utf-32-be": b"\x00\x00\xfe\xff", "utf-8": b"\xef\xbb\xbf"}


def text_encoding(rng: random.Random, seeds: list[Seed]) -> tuple[str, bytes]:
    """The text in another encoding: with or without BOM, odd lengths, lone surrogates, NULs."""
    seed = _pick(rng, seeds, "text")
    text = seed.data.decode().replace("—", "-") + rng.choice(["", "Résumé café naïve ", "日本語 "])
    encoding = rng.choice([*_ENCODINGS, "utf-8"])
    data = text.encode(encoding, "replace")
    if rng.random() < 0.6 and encoding in _BOMS:
        data = _BOMS[encoding] + data
    damage = rng.randrange(5)
    if damage == 0:
        data = data[:-1]  # an odd byte count
    elif damage == 1 and encoding.startswith("utf-16"):
        surrogate = b"\x00\xd8" if encoding.endswith("le") else b"\xd8\x00"
        at = rng.randrange(len(data) // 2) * 2
        data = data[:at] + surrogate + data[at:]
    elif damage == 2:
        at = rng.randrange(len(data))
        data = data[:at] + b"\x00" * rng.randint(1, 50) + data[at:]
    return seed.name, data


# ---------------------------------------------------------------- DOCX


def _docx_with(seed: Seed, edit: Callable[[bytes], bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(seed.data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(
                info.filename, edit(data) if info.filename == "word/document.xml" else data
            )
    return out.getvalue()


def _xml_text(text: str) -> bytes:
    cleaned = "".join(
        ch for ch in text if ch in "\t\n" or (ch >= " " and not 0xD800 <= ord(ch) <= 0xDFFF)
    )
    return escape(cleaned).encode()


def docx_text(rng: random.Random, seeds: list[Seed]) -> tuple[str, bytes]:
    """A paragraph of pathological text, or thousands of paragraphs, inside the DOCX body."""
    seed = _pick(rng, seeds, "docx")
    maker = rng.choice(sorted(MAKERS))
    hostile = MAKERS[maker](rng, _size(rng, 100, 100_000))
    if rng.random() < 0.5:
        paragraphs = b"<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % _xml_text(hostile)
    else:
        pieces = hostile.split() or [hostile]
        paragraphs = b"".join(
            b"<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % _xml_text(p) for p in pieces[:50_000]
        )

    def edit(xml: bytes) -> bytes:
        return xml.replace(b"<w:sectPr", paragraphs + b"<w:sectPr", 1)

    return f"{maker}.docx", _docx_with(seed, edit)


def docx_nesting(rng: random.Random, seeds: list[Seed]) -> tuple[str, bytes]:
    """Tables nested thousands deep, or a run with a huge number of breaks."""
    seed = _pick(rng, seeds, "docx")
    depth = _size(rng, 10, 5_000)
    if rng.random() < 0.5:
        cell = b"<w:tbl><w:tr><w:tc>" * depth + b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
        block = cell + b"</w:tc></w:tr></w:tbl>" * depth
    else:
        block = b"<w:p><w:r>" + b"<w:t>a</w:t><w:br/>" * depth * 10 + b"</w:r></w:p>"
    return seed.name, _docx_with(
        seed, lambda xml: xml.replace(b"<w:sectPr", block + b"<w:sectPr", 1)
    )


def docx_xml_damage(rng: random.Random, seeds: list[Seed]) -> tuple[str, bytes]:
    """Bytes flipped inside document.xml, the zip itself kept valid."""
    seed = _pick(rng, seeds, "docx")

    def edit(xml: bytes) -> bytes:
        data = bytearray(xml)
        for _ in range(rng.randint(1, 10)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)

    return seed.name, _docx_with(seed, edit)


MUTATORS: dict[str, tuple[int, Mutator]] = {
    "flip": (10, flip),
    "truncate": (6, truncate),
    "splice": (6, splice),
    "pdf_number": (8, pdf_number),
    "pdf_length": (3, pdf_length),
    "pdf_repeat_operator": (4, pdf_repeat_operator),
    "pdf_structure": (3, pdf_structure),
    "pdf_long_string": (2, pdf_long_string),
    "pdf_many_objects": (3, pdf_many_objects),
    "pdf_path_bomb": (1, pdf_path_bomb),
    "pdf_bad_cmap": (1, pdf_bad_cmap),
    "pdf_text": (6, pdf_text),
    "text_pathological": (22, text_pathological),
    "text_encoding": (8, text_encoding),
    "docx_text": (8, docx_text),
    "docx_nesting": (2, docx_nesting),
    "docx_xml_damage": (4, docx_xml_damage),
}


def make_case(index: int, seed: int, seeds: list[Seed]) -> tuple[str, str, bytes]:
    """(mutator, file name, bytes) of case `index`: the same on every run with the same seed."""
    rng = random.Random(seed * 1_000_003 + index)
    names = sorted(MUTATORS)
    mutator = rng.choices(names, weights=[MUTATORS[n][0] for n in names])[0]
    name, data = MUTATORS[mutator][1](rng, seeds)
    return mutator, name, data
