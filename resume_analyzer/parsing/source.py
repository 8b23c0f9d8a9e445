"""Read the input (a path, bytes, or a file object) and tell its type from its bytes.

The extension is only used for messages: a DOCX renamed to .pdf is read as a DOCX, and a
JPEG renamed to .pdf is refused with a message that says it is an image.
"""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from resume_analyzer.document import DocumentWarning
from resume_analyzer.errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncryptedDocumentError,
    LegacyWordDocumentError,
    UnsupportedFileTypeError,
)
from resume_analyzer.settings import ParseSettings

Kind = Literal["pdf", "docx", "text"]
Source = str | os.PathLike[str] | bytes | BinaryIO


@dataclass(frozen=True)
class Loaded:
    data: bytes
    name: str


def load(source: Source, filename: str | None, settings: ParseSettings) -> Loaded:
    """Read at most `max_bytes` + 1 bytes, so a huge input is refused without reading it all."""
    limit = settings.max_bytes
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        name = filename or "upload"
    elif isinstance(source, str | os.PathLike):
        path = Path(source)
        name = filename or path.name
        try:
            with path.open("rb") as handle:
                data = handle.read(limit + 1)
        except FileNotFoundError:
            raise EmptyDocumentError(f"{path}: no such file.") from None
        except IsADirectoryError:
            raise UnsupportedFileTypeError(f"{path} is a folder, not a resume file.") from None
        except PermissionError:
            raise EmptyDocumentError(
                f"{path}: permission denied; check the file's permissions."
            ) from None
    else:
        name = filename or str(getattr(source, "name", "upload"))
        data = source.read(limit + 1)
        if not isinstance(data, bytes):
            raise UnsupportedFileTypeError("The file object must be opened in binary mode ('rb').")
    if len(data) > limit:
        raise DocumentTooLargeError(
            f"{name} is larger than the {human_size(limit)} limit; a resume is rarely over "
            "2 MiB. Export it again without embedded images, or raise the limit (max_bytes)."
        )
    if not data.strip():
        raise EmptyDocumentError(
            f"{name} is empty: there is nothing to analyze. Check that you picked the right "
            "file, or export the resume again as PDF or DOCX."
        )
    return Loaded(data=data, name=os.path.basename(name))


def human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.3g} MiB"
    if size >= 1024:
        return f"{size / 1024:.3g} KiB"
    return f"{size} bytes"


_IMAGES = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes, name: str) -> Kind:
    """Decide the format from the bytes; refuse anything we cannot read, saying what it is."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(data, name)
    if head.startswith(_OLE2):
        if "EncryptedPackage".encode("utf-16-le") in data:
            # Word saves a password-protected .docx inside this older container.
            raise EncryptedDocumentError(
                f"{name} is a password-protected Word document. Open it in Word, remove the "
                "password (File › Info › Protect Document), save it and upload it again."
            )
        raise LegacyWordDocumentError(
            f"{name} is a legacy Word 97–2003 document (.doc). "
            "Open it in Word, LibreOffice or Google Docs and save it as .docx or PDF."
        )
    for magic, what in _IMAGES.items():
        if head.startswith(magic):
            raise UnsupportedFileTypeError(
                f"{name} is {what}, not a document. Upload the resume as PDF or DOCX "
                "(an image has no text to analyze)."
            )
    if head.lstrip().startswith(b"{\\rtf"):
        raise UnsupportedFileTypeError(
            f"{name} is a Rich Text (RTF) file. Save it as .docx or PDF and try again."
        )
    if _looks_like_text(head):
        return "text"
    raise UnsupportedFileTypeError(
        f"{name} is not a PDF, DOCX or plain-text file. Export the resume as PDF or DOCX."
    )


# What each format is called in a message, and the extensions that name it.
_FORMAT_NAMES: dict[Kind, str] = {
    "pdf": "a PDF",
    "docx": "a Word document",
    "text": "a plain-text file",
}
_EXTENSIONS: dict[str, Kind] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
}
_PREFERRED_EXTENSION: dict[Kind, str] = {"pdf": ".pdf", "docx": ".docx", "text": ".txt"}


def extension_mismatch(name: str, kind: Kind) -> DocumentWarning | None:
    """A warning when the file's extension names another format than its bytes are.

    The bytes decide how the file is read; the warning tells the person, because other tools
    (an applicant tracking system, a recruiter's viewer) trust the extension and may refuse it.
    An unknown or missing extension says nothing either way, so it gets no warning.
    """
    extension = os.path.splitext(name)[1].casefold()
    named = _EXTENSIONS.get(extension)
    if named is None or named == kind:
        return None
    right = _PREFERRED_EXTENSION[kind]
    return DocumentWarning(
        "extension_mismatch",
        f"This file is named {extension} but is {_FORMAT_NAMES[kind]}; it was read as one. "
        f"Rename it to {right} before sending it anywhere else: other tools go by the "
        f"name and may refuse it or show it as garbage.",
    )


def _sniff_zip(data: bytes, name: str) -> Kind:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise CorruptDocumentError(
            f"{name} looks like a DOCX (a zip archive) but is damaged or truncated. "
            "Open it in Word or LibreOffice and save it again, or export it as PDF."
        ) from None
    if "word/document.xml" in names:
        return "docx"
    if any(n.startswith("xl/") for n in names):
        what = "an Excel workbook"
    elif any(n.startswith("ppt/") for n in names):
        what = "a PowerPoint presentation"
    elif "content.xml" in names:
        what = "an OpenDocument file"
    else:
        what = "a zip archive"
    raise UnsupportedFileTypeError(
        f"{name} is {what}, not a resume document. Save the resume as PDF or DOCX."
    )


def _looks_like_text(head: bytes) -> bool:
    if _bom(head) is not None:
        return True
    if b"\x00" in head and _bare_unicode(head) is not None:
        return True
    # Otherwise a NUL is a control character like any other: text copied out of a PDF keeps
    # one for each glyph its font does not map, and a few of those do not make it binary.
    try:
        sample = head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is still UTF-8.
        if error.start < len(head) - 4:
            return _mostly_printable(head.decode("latin-1"))
        sample = head[: error.start].decode("utf-8")
    return _mostly_printable(sample)


def _mostly_printable(sample: str) -> bool:
    if not sample:
        return False
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t\f\v")
    return bad / len(sample) < 0.02


# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _bom(data: bytes) -> tuple[int, str] | None:
    """(length, encoding) of the byte-order mark that `data` starts with."""
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return len(mark), encoding
    return None


def _bare_unicode(head: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, told by where the NUL bytes fall: text in
    Latin script has NUL high bytes and a non-NUL low byte in nine code units out of ten."""
    if len(head) < 8:
        return None
    for width, order in ((4, "le"), (4, "be"), (2, "le"), (2, "be")):
        usable = len(head) - len(head) % width
        units = [head[i : i + width] for i in range(0, usable, width)]
        latin = sum(
            (unit[1:] if order == "le" else unit[:-1]) == bytes(width - 1)
            and (unit[0] if order == "le" else unit[-1]) != 0
            for unit in units
        )
        if latin >= 0.9 * len(units):
            return f"utf-{width * 8}-{order}"
    return None


def decode_text(data: bytes) -> str:
    """Decode a text resume; never raises. A byte-order mark decides (UTF-8, UTF-16, UTF-32),
    then UTF-16/32 told by its NUL bytes, then UTF-8, then charset-normalizer's best guess,
    then cp1252. Bytes that do not decode (an odd byte count, a lone surrogate) become U+FFFD.
    """
    bom = _bom(data)
    if bom is not None:
        length, encoding = bom
        return data[length:].decode(encoding, errors="replace")
    if b"\x00" in data[:1024]:
        bare = _bare_unicode(data[:1024])
        if bare is not None:
            return data.decode(bare, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    guess = from_bytes(data).best()
    encoding = guess.encoding if guess is not None else "cp1252"
    return data.decode(encoding, errors="replace")
