"""Regenerate the small synthetic PDFs of this folder (run once; the tests only read the results).

    pip install --target /tmp/pypdf_tool pypdf && PYTHONPATH=/tmp/pypdf_tool python make_fixtures.py

pypdf is needed only here, to encrypt; the test suite does not import it. The tests do import the
writers below (``minimal_pdf``, ``pdf_with_pages``) to build their other PDFs in memory.
"""

from __future__ import annotations

import io
import zlib
from pathlib import Path

HERE = Path(__file__).parent


def write_pdf(objects: list[bytes]) -> bytes:
    """The objects numbered from 1 (the first is the catalogue), with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def minimal_pdf(content: bytes, with_font: bool = True) -> bytes:
    """A one-page PDF around a content stream, with a correct xref table."""
    font = b"/Resources << /Font << /F1 5 0 R >> >>" if with_font else b"/Resources << >>"
    return write_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " + font + b" /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def pdf_with_pages(contents: list[bytes], flate: bool = False) -> bytes:
    """A PDF of one page per content stream (Helvetica as /F1), optionally Flate-compressed."""
    n = len(contents)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, content in enumerate(contents):
        data = zlib.compress(content) if flate else content
        filt = b" /Filter /FlateDecode" if flate else b""
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
            b" /Contents %d 0 R >>" % (5 + 2 * i)
        )
        objects.append(b"<< /Length %d%s >>\nstream\n" % (len(data), filt) + data + b"\nendstream")
    return write_pdf(objects)


TEXT = b"BT /F1 14 Tf 72 760 Td (Annual report 2024) Tj ET"


def main() -> None:
    from pypdf import PdfReader, PdfWriter

    plain = minimal_pdf(TEXT)
    for name, user, owner in (
        ("encrypted_user_password.pdf", "secret", "owner"),
        ("encrypted_owner_only.pdf", "", "owner"),
    ):
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
        writer.encrypt(user_password=user, owner_password=owner, algorithm="AES-128")
        buf = io.BytesIO()
        writer.write(buf)
        (HERE / name).write_bytes(buf.getvalue())


if __name__ == "__main__":
    main()
