"""A single pathological PDF page is refused in bounded time, with a message the reviewer can act on."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from gov_review.core.errors import ReadError
from gov_review.core.read import read_document
from gov_review.core.review.pipeline import analyse_file

pytest.importorskip("pdfplumber", reason="the PDF reader needs the gov-review[pdf] extra")

sys.path.insert(0, str(Path(__file__).parents[2] / "data" / "pdf"))
from make_fixtures import pdf_with_pages


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
