"""The memo PDF carries its Chinese font, so it reads the same on the receiving office's computer."""

from __future__ import annotations

import ctypes
import shutil
import subprocess
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest

from gov_review.core.export.memo import build_memo, memo_html
from gov_review.gui.memo_pdf import cjk_family, memo_pdf_bytes
from tests.core.helpers import WAIVE, review_002

ROOT = Path(__file__).resolve().parents[2]
SEED2 = ROOT / "resources" / "samples" / "seed_002.txt"


def _html() -> str:
    return memo_html(build_memo(review_002(SEED2)))


def test_memo_pdf_embeds_a_cjk_font_and_reads_back(qapp, tmp_path: Path) -> None:
    assert cjk_family() is not None, "no Chinese font installed (fonts-wqy-microhei)"
    data = memo_pdf_bytes(_html())
    assert data.startswith(b"%PDF")
    text, fonts = _text_and_fonts(data)
    squashed = "".join(text.split())
    assert "关于《安镇街道2020年政府信息公开工作年度报告》的审核意见" in squashed
    assert "更正为“4”" in squashed and "".join(WAIVE.split()) in squashed
    assert fonts and all("WenQuanYi" in f or "CJK" in f or "Hei" in f or "Song" in f for f in fonts)
    if shutil.which("pdffonts"):
        pdf_path = tmp_path / "memo.pdf"
        pdf_path.write_bytes(data)
        out = subprocess.run(["pdffonts", str(pdf_path)], capture_output=True, text=True, check=True).stdout
        rows = out.splitlines()[2:]
        assert rows and all(r.split()[-5] == "yes" for r in rows)  # the "emb" column


def _text_and_fonts(data: bytes) -> tuple[str, set[str]]:
    """The PDF's text (a glyph Qt draws twice for emulated bold read once) and its fonts' names."""
    pdf = pypdfium2.PdfDocument(data)
    chars: list[tuple[str, float, float]] = []
    fonts: set[str] = set()
    name = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    for page in pdf:
        textpage = page.get_textpage()
        for i in range(textpage.count_chars()):
            box = textpage.get_charbox(i)
            ch = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i))
            if ch.strip() and not (chars and chars[-1][0] == ch and abs(chars[-1][1] - box[0]) < 1.0):
                chars.append((ch, box[0], box[1]))
            if ch.strip() and pdfium_c.FPDFText_GetFontInfo(textpage.raw, i, name, 256, flags):
                fonts.add(name.value.decode("utf-8", "replace"))
        textpage.close()
        page.close()
    pdf.close()
    return "".join(c[0] for c in chars), fonts


@pytest.mark.slow
def test_memo_pdf_command_line(tmp_path: Path) -> None:
    import sys

    html = tmp_path / "memo.html"
    html.write_text(_html(), encoding="utf-8")
    out = tmp_path / "memo.pdf"
    subprocess.run(
        [sys.executable, "-m", "gov_review.gui.memo_pdf", str(html), str(out)],
        check=True,
        cwd=ROOT,
        timeout=120,
    )
    assert out.read_bytes().startswith(b"%PDF")
