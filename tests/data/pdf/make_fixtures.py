"""Regenerate the small synthetic PDFs of this folder (run once; the tests only read the results).

    pip install --target /tmp/pypdf_tool pypdf && PYTHONPATH=/tmp/pypdf_tool python make_fixtures.py

pypdf is needed only here, to encrypt; the test suite does not import it.
"""

from __future__ import annotations

import io
from pathlib import Path

HERE = Path(__file__).parent


def minimal_pdf(content: bytes, with_font: bool = True) -> bytes:
    """A one-page PDF around a content stream, with a correct xref table."""
    font = b"/Resources << /Font << /F1 5 0 R >> >>" if with_font else b"/Resources << >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] " + font + b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
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


TEXT = b"BT /F1 14 Tf 72 760 Td (Annual report 2024) Tj ET"


def main() -> None:
    from pypdf import PdfReader, PdfWriter

    plain = minimal_pdf(TEXT)
    for name, user, owner in (("encrypted_user_password.pdf", "secret", "owner"), ("encrypted_owner_only.pdf", "", "owner")):
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain)))
        writer.encrypt(user_password=user, owner_password=owner, algorithm="AES-128")
        buf = io.BytesIO()
        writer.write(buf)
        (HERE / name).write_bytes(buf.getvalue())


if __name__ == "__main__":
    main()
