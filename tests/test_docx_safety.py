"""Hostile and broken DOCX files are refused quickly, with a DocumentError, before parsing."""

from __future__ import annotations

import functools
import io
import os
import struct
import time
import zipfile
from collections.abc import Iterable, Iterator

import docx
import pytest
from docx.oxml.parser import parse_xml
from hypothesis import given, settings
from hypothesis import strategies as st

from resume_analyzer.errors import (
    CorruptDocumentError,
    DocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
    UnsafeDocumentError,
)
from resume_analyzer.parsing.docx import read_docx
from resume_analyzer.parsing.zipsafety import check_zip
from resume_analyzer.settings import MIB, ParseSettings

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CHUNK = 64 * 1024  # how much the scanner inflates at a time
BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE w:document [\n<!ENTITY lol "lol">\n'
    + "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">\n' for n in range(2, 10)).replace(
        "&lol1;", "&lol;"
    )
    + f']>\n<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
    "</w:body></w:document>"
).encode()
XXE = (
    '<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body>'
    "</w:document>"
).encode()


def plain_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Jane Doe")
    document.add_paragraph("Product Manager")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def replace(data: bytes, member: str, content: bytes) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w") as target:
        for info in source.infolist():
            body = content if info.filename == member else source.read(info)
            target.writestr(info, body, compress_type=zipfile.ZIP_DEFLATED)
    return output.getvalue()


def append(data: bytes, member: str, chunks: Iterable[bytes]) -> bytes:
    """Add a deflated member written chunk by chunk, so a big one never sits in memory."""
    buffer = io.BytesIO(data)
    with (
        zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open(member, "w") as handle,
    ):
        for chunk in chunks:
            handle.write(chunk)
    return buffer.getvalue()


def zeros(total: int) -> Iterator[bytes]:
    chunk = bytes(MIB)
    for _ in range(total // MIB):
        yield chunk


def patch_central_directory(data: bytes, member: str, offset: int, value: int) -> bytes:
    """Overwrite a 2- or 4-byte field of `member`'s central directory entry."""
    patched = bytearray(data)
    position = patched.find(b"PK\x01\x02")
    while position != -1:
        (name_length,) = struct.unpack_from("<H", patched, position + 28)
        if patched[position + 46 : position + 46 + name_length] == member.encode():
            field = "<H" if offset in (8, 10) else "<I"
            struct.pack_into(field, patched, position + offset, value)
            return bytes(patched)
        position = patched.find(b"PK\x01\x02", position + 46)
    raise AssertionError(f"{member} not in the central directory")


def refuse(data: bytes, error: type[DocumentError], limits: ParseSettings | None = None) -> str:
    """Read `data`, expect `error` within a second, and return its message."""
    assert issubclass(error, DocumentError)
    started = time.perf_counter()
    with pytest.raises(error) as caught:
        read_docx(data, "resume.docx", limits or ParseSettings())
    assert time.perf_counter() - started < 1.0
    message = str(caught.value)
    assert "resume.docx" in message and "Traceback" not in message
    return message


def test_plain_docx_passes() -> None:
    data = plain_docx()
    check_zip(data, "resume.docx", ParseSettings())
    assert [line.text for line in read_docx(data, "resume.docx", ParseSettings()).lines] == [
        "Jane Doe",
        "Product Manager",
    ]


def test_zip_bomb_is_refused_from_the_directory() -> None:
    bomb = append(plain_docx(), "word/media/image1.png", zeros(60 * MIB))
    assert "zip bomb" in refuse(bomb, UnsafeDocumentError)


def test_declared_total_over_the_limit_is_too_large() -> None:
    # Random bytes do not compress: no bomb, just more than this limit allows.
    big = append(plain_docx(), "word/media/image1.png", [os.urandom(3 * MIB)])
    message = refuse(big, DocumentTooLargeError, ParseSettings(max_uncompressed_bytes=MIB))
    assert "1 MiB" in message


def test_too_many_members_are_refused() -> None:
    data = plain_docx()
    for n in range(60):
        data = append(data, f"customXml/extra{n}.xml", [b"<a/>"])
    assert "limit is 50" in refuse(data, UnsafeDocumentError, ParseSettings(max_zip_members=50))


def test_billion_laughs_is_refused() -> None:
    data = replace(plain_docx(), "word/document.xml", BILLION_LAUGHS)
    assert "DTD" in refuse(data, UnsafeDocumentError)


def test_external_entity_is_refused_and_never_read() -> None:
    data = replace(plain_docx(), "word/document.xml", XXE)
    message = refuse(data, UnsafeDocumentError)
    assert "root:" not in message


def test_dtd_behind_padding_is_still_found() -> None:
    padded = b"<!--" + b" " * (200 * 1024) + b"-->" + XXE[XXE.index(b"\n") + 1 :]
    refuse(replace(plain_docx(), "word/document.xml", padded), UnsafeDocumentError)


def test_dtd_split_across_inflated_chunks_is_found() -> None:
    # The scanner reads 64 KiB at a time: put the marker across every nearby chunk boundary.
    document = f'<w:document xmlns:w="{W}"><w:body/></w:document>'
    body = b'<!DOCTYPE w:document SYSTEM "https://attacker.invalid/x.dtd">' + document.encode()
    for shift in range(1, len(b"<!DOCTYPE")):
        padded = b"<!--" + b" " * (2 * CHUNK - shift - 7) + b"-->" + body
        assert padded.index(b"<!DOCTYPE") == 2 * CHUNK - shift
        refuse(replace(plain_docx(), "word/document.xml", padded), UnsafeDocumentError)


def test_utf16_dtd_is_found() -> None:
    utf16 = XXE.replace(b'<?xml version="1.0"?>', b'<?xml version="1.0" encoding="UTF-16"?>')
    data = replace(plain_docx(), "word/document.xml", utf16.decode().encode("utf-16"))
    refuse(data, UnsafeDocumentError)


def test_encoding_that_could_hide_a_dtd_is_refused() -> None:
    utf7 = b'<?xml version="1.0" encoding="UTF-7"?>+ADw-w:document/+AD4-'
    assert "encoding" in refuse(
        replace(plain_docx(), "word/document.xml", utf7), UnsafeDocumentError
    )


def test_svg_icon_with_its_own_doctype_is_accepted() -> None:
    svg = b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd"><svg/>'
    data = append(plain_docx(), "word/media/icon.svg", [svg])
    assert read_docx(data, "resume.docx", ParseSettings()).lines


def test_python_docx_parser_does_not_expand_entities() -> None:
    # The second lock: even without check_zip, python-docx's parser (resolve_entities=False)
    # never reads the external file, and libxml2 refuses the amplification outright.
    document = parse_xml(XXE)
    assert "root:" not in "".join(document.itertext())
    with pytest.raises(SyntaxError, match="amplification"):  # lxml's XMLSyntaxError
        parse_xml(BILLION_LAUGHS)


def test_truncated_docx_is_corrupt() -> None:
    data = plain_docx()
    message = refuse(data[: len(data) // 2], CorruptDocumentError)
    assert "damaged" in message and "save it again" in message


def test_encrypted_member_is_refused() -> None:
    data = patch_central_directory(plain_docx(), "word/document.xml", 8, 0x1)
    assert "password" in refuse(data, EncryptedDocumentError)


def test_lying_declared_size_is_caught_while_inflating() -> None:
    # 20 MiB of zeros declared as 1 KiB: the directory looks harmless (small, low ratio).
    bomb = append(plain_docx(), "word/padding.xml", zeros(20 * MIB))
    bomb = patch_central_directory(bomb, "word/padding.xml", 24, 1024)
    assert "tampered" in refuse(bomb, UnsafeDocumentError)


@pytest.mark.parametrize("size", [CHUNK * k + d for k in (1, 2) for d in range(-300, 300, 11)])
def test_one_byte_lie_is_caught_at_any_size(size: int) -> None:
    # Sizes around chunk boundaries, where zlib keeps output back after the last input byte.
    data = append(plain_docx(), "word/media/image1.png", [bytes(size)])
    check_zip(data, "resume.docx", ParseSettings())
    lying = patch_central_directory(data, "word/media/image1.png", 24, size - 1)
    with pytest.raises(UnsafeDocumentError):
        check_zip(lying, "resume.docx", ParseSettings())


def test_lying_size_of_the_main_document_is_caught() -> None:
    data = patch_central_directory(plain_docx(), "word/document.xml", 24, 100)
    refuse(data, UnsafeDocumentError)


def test_garbage_after_a_valid_header_is_corrupt() -> None:
    data = plain_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename)
    broken = bytearray(data)
    broken[start : start + 64] = b"\xff" * 64  # deflate block type 3 does not exist
    refuse(bytes(broken), CorruptDocumentError)


@functools.cache
def fuzz_base() -> bytes:
    document = docx.Document()
    document.add_heading("Experience", level=1)
    for n in range(10):
        document.add_paragraph(f"Shipped feature {n}", style="List Bullet")
    document.add_table(rows=2, cols=2).cell(0, 0).text = "Skills"
    document.sections[0].header.paragraphs[0].text = "Jane Doe"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@given(
    flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), max_size=8),
    keep=st.floats(0.05, 1),
)
@settings(max_examples=150, deadline=None)
def test_damaged_bytes_only_ever_raise_document_errors(
    flips: list[tuple[float, int]], keep: float
) -> None:
    data = bytearray(fuzz_base())
    for where, value in flips:
        data[int(where * len(data))] = value
    started = time.perf_counter()
    try:
        read_docx(bytes(data[: max(1, int(keep * len(data)))]), "resume.docx", ParseSettings())
    except DocumentError as error:
        assert "resume.docx" in error.message
    assert time.perf_counter() - started < 1.0
