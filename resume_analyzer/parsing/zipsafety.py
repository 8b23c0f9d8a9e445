"""Refuse DOCX archives built to exhaust memory or to reach outside themselves, before parsing.

A DOCX is a zip of XML parts. The checks read the central directory first, then inflate
every member in bounded chunks from its raw bytes, so a hostile file costs at most
`max_uncompressed_bytes` of work and a few chunks of memory, whatever sizes it declares.

Entities: python-docx 1.2 parses every part with `docx.oxml.parser.oxml_parser`, an lxml
parser built with `resolve_entities=False` (and lxml never fetches DTDs over the network by
default). Refusing any DTD here is a second lock on the same door: a future change in either
library cannot reopen billion-laughs or external-entity (XXE) attacks, and a DOCX part never
has a DTD, so no honest file is refused.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator

from resume_analyzer.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
    UnsafeDocumentError,
)
from resume_analyzer.settings import MIB, ParseSettings

_CHUNK = 64 * 1024
# Small parts may legitimately compress very well (repetitive XML), so the ratio limit only
# applies to parts big enough to hurt.
_BOMB_MIN_SIZE = 1 * MIB
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")
# Searched in every encoding OPC allows for XML parts (UTF-8 and UTF-16).
_DTD_MARKERS = tuple(
    word.encode(codec)
    for word in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("ascii", "utf-16-le", "utf-16-be")
)
_OVERLAP = max(len(marker) for marker in _DTD_MARKERS) - 1
# Embedded media that may hold a DTD of their own (SVG icons, HTML alt-chunks); python-docx
# keeps them as opaque bytes and never parses them.
_OPAQUE_TEXT = (".svg", ".htm", ".html", ".mht", ".mhtml", ".xhtml")
_XML_PARTS = (".xml", ".rels")
_DECLARED_ENCODING = re.compile(rb"^<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")
# ASCII-compatible encodings and UTF-16 keep the markers above visible; anything else (UTF-7,
# UTF-32, EBCDIC) could hide a DTD from the scan, and OPC forbids it anyway.
_SAFE_ENCODING = re.compile(
    rb"(?i)utf-?8|utf-?16(le|be)?|(us-)?ascii|iso-?8859-\d+|(windows|cp)-?125\d|latin-?1"
)
_FIX = "Open it in Word or LibreOffice and save it again, or export it as PDF."


def check_zip(data: bytes, name: str, settings: ParseSettings) -> None:
    """Raise a `DocumentError` unless the archive is safe to hand to python-docx."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError):
        raise CorruptDocumentError(_damaged(name)) from None
    _check_directory(members, name, settings)
    # Each member is stopped as soon as it inflates past its declared size, so the declared
    # total checked above also bounds the real total.
    for info in members:
        _check_member(data, info, name)


def _check_directory(members: list[zipfile.ZipInfo], name: str, settings: ParseSettings) -> None:
    """Limits that the central directory alone can enforce, before inflating a byte."""
    if len(members) > settings.max_zip_members:
        raise UnsafeDocumentError(
            f"{name} holds {len(members):,} files inside; the limit is "
            f"{settings.max_zip_members:,} and a Word document has a few dozen. {_FIX}"
        )
    if any(info.flag_bits & 0x1 for info in members):
        raise EncryptedDocumentError(
            f"{name} is password-protected. Remove the password in Word "
            "(File > Info > Protect Document) and save it again, or export it as PDF."
        )
    for info in members:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _BOMB_MIN_SIZE and ratio > settings.max_compression_ratio:
            raise UnsafeDocumentError(
                f"{name} contains a part ({info.filename}) that expands {ratio:,.0f} times "
                f"when unpacked; the limit is {settings.max_compression_ratio} times. "
                f"Files built like this are zip bombs, so it was not opened. {_FIX}"
            )
    if sum(info.file_size for info in members) > settings.max_uncompressed_bytes:
        raise DocumentTooLargeError(
            f"{name} unpacks to more than the limit of {settings.max_uncompressed_bytes / MIB:g} "
            "MiB. Remove large embedded images or videos and save it again, or export it as PDF."
        )


def _check_member(data: bytes, info: zipfile.ZipInfo, name: str) -> None:
    """Inflate one member in chunks, because declared sizes can lie, and look for a DTD."""
    lower = info.filename.lower()
    scan = not lower.endswith(_OPAQUE_TEXT)
    total, tail, head = 0, b"", b""
    for piece in _inflate(_raw_bytes(data, info, name), info.compress_type, name):
        total += len(piece)
        if total > info.file_size:
            raise UnsafeDocumentError(
                f"{name} is damaged or has been tampered with: its part {info.filename} unpacks "
                f"to more than the {info.file_size:,} bytes it declares, a trick zip bombs use, "
                f"so it was not opened. {_FIX}"
            )
        window = tail + piece
        if scan and any(marker in window for marker in _DTD_MARKERS):
            raise UnsafeDocumentError(_dtd_message(name, info.filename))
        tail = window[-_OVERLAP:]
        head = head or window[:512]
    if lower.endswith(_XML_PARTS) and not _safe_encoding(head):
        raise UnsafeDocumentError(
            f"{name} declares a text encoding in {info.filename} that Word never uses and that "
            f"can hide attacks on the reader, so it was not opened. {_FIX}"
        )


def _raw_bytes(data: bytes, info: zipfile.ZipInfo, name: str) -> memoryview:
    """The compressed bytes of a member, found through its local header."""
    start = info.header_offset
    header = data[start : start + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size or not header.startswith(b"PK\x03\x04"):
        raise CorruptDocumentError(_damaged(name))
    *_, name_length, extra_length = _LOCAL_HEADER.unpack(header)
    offset = start + _LOCAL_HEADER.size + name_length + extra_length
    raw = memoryview(data)[offset : offset + info.compress_size]
    if len(raw) < info.compress_size:
        raise CorruptDocumentError(_damaged(name))
    return raw


def _inflate(raw: memoryview, method: int, name: str) -> Iterator[bytes]:
    """Yield the member's content in pieces of at most `_CHUNK` bytes."""
    if method == zipfile.ZIP_STORED:
        for start in range(0, len(raw), _CHUNK):
            yield bytes(raw[start : start + _CHUNK])
        return
    if method != zipfile.ZIP_DEFLATED:
        # OPC allows only stored and deflated parts; Word never writes anything else.
        raise CorruptDocumentError(_damaged(name))
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    try:
        for start in range(0, len(raw), _CHUNK):
            pending = bytes(raw[start : start + _CHUNK])
            while pending and not inflater.eof:
                yield inflater.decompress(pending, _CHUNK)
                pending = inflater.unconsumed_tail
        # zlib may still hold output after the last input byte (a long back-reference).
        while not inflater.eof and (piece := inflater.decompress(b"", _CHUNK)):
            yield piece
    except zlib.error:
        raise CorruptDocumentError(_damaged(name)) from None


def _safe_encoding(head: bytes) -> bool:
    """UTF-8, UTF-16 or another encoding in which the DTD scan above sees the markers."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")):
        return True
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not head:
        return True
    if not head.startswith(b"<"):
        return False
    declared = _DECLARED_ENCODING.match(head)
    return declared is None or _SAFE_ENCODING.fullmatch(declared.group(1)) is not None


def _dtd_message(name: str, part: str) -> str:
    return (
        f"{name} contains XML declarations (a DTD or entities, in {part}) that Word never "
        "writes and that can be used to attack the reader, so it was not opened. " + _FIX
    )


def _damaged(name: str) -> str:
    return f"{name} is damaged or truncated and cannot be read as a Word document. {_FIX}"
