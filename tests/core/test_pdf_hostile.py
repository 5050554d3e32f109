"""A single pathological PDF page is refused in bounded time, with a message the reviewer can act on."""

from __future__ import annotations

import io
import zlib

import pytest

from gov_review.core.errors import ReadError
from gov_review.core.pipeline import analyse_file
from gov_review.core.readers import read_document

pytest.importorskip("pdfplumber", reason="the PDF reader needs the gov-review[pdf] extra")


def pdf_with_pages(contents: list[bytes], flate: bool = False) -> bytes:
    """A PDF of one page per content stream (Helvetica as /F1), with a correct xref table."""
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


def tiny_text_objects(count: int) -> bytes:
    """``count`` one-letter text objects at 0.1 pt, scattered over the page: nothing a person can read."""
    return b"".join(
        b"BT /F1 0.1 Tf %d %d Td (x) Tj ET\n" % (20 + i % 550, 20 + (i // 550) % 800) for i in range(count)
    )


NORMAL = b"BT /F1 14 Tf 72 760 Td (Annual report 2024) Tj ET"


@pytest.mark.parametrize("flate", [False, True], ids=["plain", "flate"])
def test_page_of_200000_tiny_text_objects_is_too_complex(tmp_path, flate: bool) -> None:
    path = tmp_path / "hostile.pdf"
    path.write_bytes(pdf_with_pages([NORMAL, tiny_text_objects(200_000)], flate=flate))
    with pytest.raises(ReadError) as info:
        read_document(path)
    assert info.value.code == "too_complex"
    message = info.value.message("zh")
    assert "hostile.pdf" in message and "第 2 页" in message and "过于复杂" in message
    assert "Page 2" in info.value.message("en")


def test_the_pipeline_reports_it_and_goes_on(tmp_path) -> None:
    hostile = tmp_path / "hostile.pdf"
    hostile.write_bytes(pdf_with_pages([tiny_text_objects(200_000)]))
    normal = tmp_path / "note.pdf"
    normal.write_bytes(pdf_with_pages([NORMAL]))
    bad, good = analyse_file(hostile), analyse_file(normal)
    assert bad.error is not None and bad.error.code == "too_complex" and "第 1 页" in bad.error.message("zh")
    assert good.error is None and "Annual report 2024" in " ".join(p.text for p in good.source.paragraphs)


def test_a_page_with_an_ordinary_amount_of_text_is_read(tmp_path) -> None:
    path = tmp_path / "dense.pdf"
    # 95 lines of 30 text objects each (2,850): more than a report page holds, far below the limit
    parts = []
    for i in range(95):
        y = 800 - i * 8
        parts.append(b"BT /F1 6 Tf 40 %d Td (L%d) Tj ET\n" % (y, i))
        parts += [b"BT /F1 6 Tf %d %d Td (ab) Tj ET\n" % (70 + j * 16, y) for j in range(29)]
    path.write_bytes(pdf_with_pages([b"".join(parts)]))
    text = " ".join(p.text for p in read_document(path).paragraphs)
    assert "L0" in text and "L94" in text and text.count("ab") == 95 * 29
