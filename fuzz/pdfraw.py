"""A minimal PDF writer: one page from raw content-stream bytes, with an honest xref.

Hostile PDFs (a text operator holding a megabyte string, a content stream that inflates to
hundreds of MiB, a broken ToUnicode CMap) are easier to state as operators than to coax out
of reportlab.
"""

from __future__ import annotations

import zlib


def stream(body: bytes, *, compress: bool = True, extra: bytes = b"") -> bytes:
    """A stream object's dictionary and data (FlateDecode unless told otherwise)."""
    data = zlib.compress(body, 9) if compress else body
    filters = b" /Filter /FlateDecode" if compress else b""
    return b"<< /Length %d%s%s >>\nstream\n%s\nendstream" % (len(data), filters, extra, data)


def build(objects: list[bytes]) -> bytes:
    """Objects numbered from 1; object 1 must be the catalog."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def one_page(content: bytes, *, compress: bool = True, font: bytes | None = None) -> bytes:
    """A letter page showing `content`, with Helvetica as /F1 (or the given font object)."""
    font_obj = font or b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    return build(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            font_obj,
            stream(content, compress=compress),
        ]
    )


def text_lines(lines: list[str], size: float = 10.0) -> bytes:
    """Content that shows each line below the last, from the top of the page."""
    ops = [b"BT /F1 %.1f Tf 54 740 Td %.1f TL" % (size, size * 1.3)]
    for line in lines:
        escaped = line.encode("latin-1", "replace").replace(b"\\", b"\\\\")
        escaped = escaped.replace(b"(", b"\\(").replace(b")", b"\\)")
        ops.append(b"(%s) Tj T*" % escaped)
    ops.append(b"ET")
    return b"\n".join(ops)
