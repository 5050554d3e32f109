"""The review memo tells the reporting body, per table, what was found where, what was corrected,
what it must check and which warnings were accepted and why."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from gov_review.core.export.memo import build_memo, memo_html
from gov_review.core.export.memo_docx import memo_docx
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import ReviewSession
from tests.core.helpers import NOTE, REASON, WAIVE, review_002

ROOT = Path(__file__).resolve().parents[3]
SEEDS = [ROOT / "resources" / "samples" / f"seed_{i:03d}.txt" for i in range(5)]
DOCX2 = ROOT / "tests" / "data" / "docx" / "seed_002.docx"


def memo_text(session: ReviewSession) -> str:
    d = docx.Document(io.BytesIO(memo_docx(build_memo(session))))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        parts += ["|".join(c.text for c in row.cells) for row in t.rows]
    return "\n".join(parts)


@pytest.mark.parametrize("src", [SEEDS[2], DOCX2], ids=["text", "docx"])
def test_memo_shows_corrections_questions_and_accepted_warnings(src: Path) -> None:
    text = memo_text(review_002(src))
    assert "关于《安镇街道2020年政府信息公开工作年度报告》的审核意见" in text
    assert [line for line in text.splitlines() if line][1] == "安镇街道："
    # Per table, in order.
    assert text.index("表二 主动公开政府信息情况") < text.index("表三 收到和处理政府信息公开申请情况")
    # The correction, with the cell, old and new value and reason.
    assert f"表三 · （七）总计 · 总计由“0”更正为“4”（理由：{REASON}）" in text
    # The question asked, with the prose sentence it is about.
    assert "本年度街道新收政府信息公开申请数量16条" in text
    assert NOTE in text
    # The accepted warning and why, with the cell as written.
    assert "“39173777.52元”" in text and WAIVE in text
    # The corrections table and the signature.
    assert "表三 · （七）总计 · 自然人|0|4|" + REASON in text
    assert "审核人：李审核" in text
    # Missing rows are asked about, not silently dropped.
    assert "4.无正当理由大量反复申请" in text


def test_memo_html_is_the_same_memo() -> None:
    memo = build_memo(review_002(SEEDS[2]))
    html = memo_html(memo)
    assert html.startswith("<html>") and "charset='utf-8'" in html
    assert "已更正" in html and "已接受" in html and "待核实" in html
    assert "&lt;" not in memo.title  # nothing double-escaped in the model
    assert html.count("<tr>") == 1 + len(memo.corrections)


@pytest.mark.parametrize("src", SEEDS, ids=lambda p: p.name)
def test_unreviewed_memo_lists_each_error_and_warning(src: Path) -> None:
    session = ReviewSession(analyse_file(src), "")
    text = memo_text(session)
    shown = [f for f in session.findings if f.severity != "info"]
    for f in shown:
        assert f.message in text
    assert f"共发现问题 {len(shown)} 项" in text or (not shown and "未发现" in text)
    assert f"按{session.data.format}年试行格式审核" in text or f"按{session.data.format}年修订格式审核" in text
    assert "·已更正]" not in text


def test_memo_asks_for_a_correction_the_docx_could_not_carry() -> None:
    from gov_review.core.export.outputs import SUFFIX_MEMO_DOCX, export_all

    session = review_002(DOCX2)
    session.set_value("t3.r_reject_mass.c_total", "0", "补填缺少的行")  # the row is not in the file
    files = export_all(session)
    memo = next(data for name, data in files.items() if name.endswith(SUFFIX_MEMO_DOCX))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(memo)).paragraphs)
    assert "更正稿中未能写入的数据" in text
    assert "4.无正当理由大量反复申请 · 总计：原报告无此行或此格，更正稿中未能写入" in text
    # a text source gets a generated .docx with every row: nothing to ask there
    assert "更正稿中未能写入" not in memo_text(review_002(SEEDS[2]))


def test_memo_docx_is_in_the_national_form() -> None:
    """GB/T 9704-2012: A4 and its margins, the fonts a Chinese Windows has, no Word heading styles,
    page numbers "— 1 —", unit and date at the foot, the reviewer in a note, reasons in words."""
    session = review_002(DOCX2)
    session.reviewer, session.unit = "张三", "某某区政务公开办公室"
    d = docx.Document(io.BytesIO(memo_docx(build_memo(session, date="2026-03-05T10:00:00"))))
    sec = d.sections[0]
    assert (round(sec.page_width.mm), round(sec.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin)] == [
        37,
        35,
        28,
        26,
    ]
    paras = [p for p in d.paragraphs if p.text.strip()]
    assert {p.style.name for p in d.paragraphs} == {"Normal"}  # no blue Heading styles

    def east_asia(p) -> set[str]:
        return {r._element.rPr.rFonts.get(qn("w:eastAsia")) for r in p.runs}

    def size(p) -> set[float]:
        return {r.font.size.pt for r in p.runs}

    title = paras[0]
    assert east_asia(title) == {"方正小标宋简体"} and size(title) == {22}
    body = next(p for p in paras if p.text.startswith("经审核"))
    assert east_asia(body) == {"仿宋_GB2312"} and size(body) == {16}
    h1 = next(p for p in paras if p.text.startswith("一、"))
    assert east_asia(h1) == {"黑体"}
    h2 = next(p for p in paras if p.text.startswith("（一）"))
    assert east_asia(h2) == {"楷体_GB2312"}
    foot = [p.text.strip() for p in paras[-12:]]
    assert "某某区政务公开办公室" in foot and "2026年3月5日" in foot and "（审核人：张三）" in foot
    assert foot.index("某某区政务公开办公室") + 1 == foot.index("2026年3月5日")
    # Reasons in words; no rule ids or sub-codes in the text a reader sees.
    text = "\n".join(p.text for p in d.paragraphs)
    assert not re.search(r"\b[A-Z]{1,2}\d{2}\b", text) and ".mismatch" not in text
    # Page numbers: a PAGE field between em dashes, odd right and even left.
    assert d.settings.odd_and_even_pages_header_footer
    for footer, align in ((sec.footer, "RIGHT"), (sec.even_page_footer, "LEFT")):
        p = footer.paragraphs[0]
        assert p.text.startswith("— ") and p.text.endswith(" —") and str(p.alignment).startswith(align)
        assert " PAGE " in p._p.xml
    # The fonts' Windows alternates are named in the font table.
    font_table = next(r.target_part for r in d.part.rels.values() if r.reltype.endswith("/fontTable"))
    assert "仿宋_GB2312" in font_table.blob.decode("utf-8") and 'w:val="仿宋"' in font_table.blob.decode("utf-8")


def test_a_memo_without_a_reviewer_leaves_room_to_sign_never_the_login_name() -> None:
    session = review_002(SEEDS[2], reviewer="")
    text = memo_text(session)
    assert "（审核人：\u3000\u3000\u3000\u3000\u3000\u3000）" in text
    assert "审核人：审核人" not in text and "root" not in text
