"""The memo PDF carries its Chinese font, so it reads the same on the receiving office's computer."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from gov_review.core.export.memo import build_memo, memo_html
from gov_review.gui.memo_pdf import cjk_family, memo_pdf_bytes
from tests.core.helpers import WAIVE, review_002

ROOT = Path(__file__).resolve().parents[2]
SEED2 = ROOT / "resources" / "samples" / "seed_002.txt"


def _html() -> str:
    return memo_html(build_memo(review_002(SEED2)))


def _poppler(tool: str, pdf: Path, *args: str) -> str:
    return subprocess.run([tool, *args, str(pdf), "-"] if tool == "pdftotext" else [tool, *args, str(pdf)],
                          capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(not shutil.which("pdffonts"), reason="poppler-utils not installed")
def test_memo_pdf_embeds_a_cjk_font_and_reads_back(qapp, tmp_path: Path) -> None:
    assert cjk_family() is not None, "no Chinese font installed (fonts-wqy-microhei)"
    session = review_002(SEED2)
    session.reviewer, session.unit = "张三", "某某区政务公开办公室"
    data = memo_pdf_bytes(memo_html(build_memo(session)))
    assert data.startswith(b"%PDF")
    pdf = tmp_path / "memo.pdf"
    pdf.write_bytes(data)
    text = _poppler("pdftotext", pdf, "-layout")
    squashed = "".join(text.split())
    assert "关于《安镇街道2020年政府信息公开工作年度报告》的审核意见" in squashed
    assert "更正为“4”" in squashed and "".join(WAIVE.split()) in squashed
    assert "某某区政务公开办公室" in squashed and "（审核人：张三）" in squashed
    # GB/T 9704-2012: A4, page numbers "— n —" on every page, odd right and even left.
    info = _poppler("pdfinfo", pdf)
    assert "(A4)" in info
    pages = text.split("\f")[:-1]
    assert len(pages) >= 2
    for n, page in enumerate(pages, start=1):
        last = [line for line in page.splitlines() if line.strip()][-1]
        assert last.strip() == f"— {n} —", last
        # In the bottom margin (35 mm = 99 pt), on the right of an odd page and the left of an even one.
        crop = ["-f", str(n), "-l", str(n), "-y", "745", "-H", "97", "-W", "297"]
        left = _poppler("pdftotext", pdf, *crop, "-x", "0").strip()
        right = _poppler("pdftotext", pdf, *crop, "-x", "298").strip()
        assert (right, left) == ((f"— {n} —", "") if n % 2 else ("", f"— {n} —")), (n, left, right)
    rows = _poppler("pdffonts", pdf).splitlines()[2:]
    assert rows and all(r.split()[-5] == "yes" for r in rows)  # the "emb" column: every font embedded
    assert any("Hei" in r or "CJK" in r or "Ming" in r or "Kai" in r or "Song" in r for r in rows)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_memo_pdf_text_is_the_memo_once_over_page_breaks(qapp, tmp_path: Path) -> None:
    """What a reader copies or searches in the PDF is the memo's text, each line once. A paragraph
    that ran over a page break had its last line on the first page written again (invisibly) at the
    top of the next."""
    from PySide6.QtGui import QTextDocument

    html = _html()
    pdf = tmp_path / "memo.pdf"
    pdf.write_bytes(memo_pdf_bytes(html))
    text = _poppler("pdftotext", pdf)
    assert text.count("\f") >= 3  # pages enough for paragraphs to run over breaks
    got = re.sub(r"—\d+—", "", "".join(text.split()))  # without the page numbers
    doc = QTextDocument()
    doc.setHtml(html)
    assert got == "".join(doc.toPlainText().split())


def test_memo_pdf_body_is_never_a_sans_serif_when_a_serif_cjk_font_exists(qapp, tmp_path: Path) -> None:
    from PySide6.QtGui import QFontDatabase

    if "AR PL UMing CN" not in QFontDatabase.families():
        pytest.skip("fonts-arphic-uming not installed")
    pdf = tmp_path / "memo.pdf"
    pdf.write_bytes(memo_pdf_bytes(_html()))
    fonts = _poppler("pdffonts", pdf)
    assert "UMing" in fonts  # the body, in place of 仿宋
    assert "UKai" in fonts  # the second-level headings, in place of 楷体


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
