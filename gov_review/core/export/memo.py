"""The review memo (审核意见) for the reporting body, in Chinese.

Per table, each finding with the place in the report it is about (the cell as written, or the
prose sentence), then what was done: the correction made, the question asked (the reviewer's notes
or a request to check), or the warning accepted and why. Built once as a list of blocks and
rendered as HTML (for the GUI's PDF, which must be made with Qt outside the core) and as .docx.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass, field
from datetime import datetime

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from gov_review.core.export.common import (
    OTHER_ZH,
    SEVERITY_ZH,
    TABLE_ZH,
    Correction,
    FindingState,
    corrections,
    excerpt,
    finding_states,
    label_of,
    table_of,
)
from gov_review.core.review.session import ReviewSession

NUMERALS = "一二三四五六七八九十"


@dataclass(slots=True)
class Item:
    heading: str  # "[错误] 表三“总计”列：…"
    lines: list[tuple[str, str]] = field(default_factory=list)  # (label, text): 原文 / 处理 / 审核意见


@dataclass(slots=True)
class Memo:
    title: str
    addressee: str
    intro: str
    sections: list[tuple[str, list[str | Item]]]  # heading, paragraphs and items
    corrections: list[Correction]
    signature: list[str]


def _date_zh(iso: str | None = None) -> str:
    t = datetime.fromisoformat(iso) if iso else datetime.now()
    return f"{t.year}年{t.month}月{t.day}日"


def _treatment(
    session: ReviewSession, st: FindingState, fixes: dict[str, Correction]
) -> list[tuple[str, str]]:
    f = st.finding
    out: list[tuple[str, str]] = []
    if st.status == "fixed":
        done = [fixes[c] for c in f.cells if c in fixes]
        if done:
            text = "；".join(
                f"{c.label}由“{c.original or '空白'}”更正为“{c.corrected or '空白'}”"
                + (f"（理由：{c.reason}）" if c.reason else "")
                for c in done
            )
            out.append(("处理", f"已更正：{text}。"))
        else:
            out.append(("处理", "相关数据更正后已符合要求。"))
    elif st.status == "waived":
        out.append(("处理", f"经审核予以接受，理由：{st.reason}"))
    elif st.status == "settled":
        out.append(("处理", f"已核实（{st.reason}）"))
    else:
        asks = [n.text for c in f.cells for n in session.notes_for(c)]
        if asks:
            out.append(("请核实", "；".join(dict.fromkeys(asks))))
        elif f.severity == "error":
            out.append(("请核实", "请核实并更正，更正后重新报送。"))
        else:
            out.append(("请核实", "请核实，如确有特殊情况请予说明。"))
    return out


def build_memo(session: ReviewSession, unwritten: list[str] | tuple[str, ...] = ()) -> Memo:
    """The memo; ``unwritten``: corrected cells the corrected .docx could not carry (their row is
    missing from the original file), which the reporting body must add itself."""
    data = session.data
    body = data.body.name or "报送单位"
    report_title = (data.title or f"{body}{data.year or ''}年政府信息公开工作年度报告").replace(" ", "")
    states = finding_states(session)
    fixes = {c.cell: c for c in corrections(session)}
    errors = sum(1 for s in states if s.finding.severity == "error")
    warnings = sum(1 for s in states if s.finding.severity == "warning")
    fixed = sum(1 for s in states if s.status == "fixed")
    waived = sum(1 for s in states if s.status == "waived")
    open_ = sum(1 for s in states if s.status == "open")
    n_settled = sum(1 for s in states if s.status == "settled")
    fmt = {"2019": "2019 年试行格式", "2021": "2021 年修订格式"}.get(data.format or "", "未能识别的格式")
    intro = (
        f"经审核，你单位报送的《{report_title}》（按{fmt}审核）共发现问题 {errors + warnings} 项，"
        f"其中错误 {errors} 项、警告 {warnings} 项。审核中已更正 {len(fixes)} 处数据，"
        f"解决问题 {fixed} 项；接受警告 {waived} 项；"
        + (f"已核实错误 {n_settled} 项；" if n_settled else "")
        + f"尚有 {open_} 项请你单位核实。具体意见如下。"
    )
    if not states:
        intro = f"经审核，你单位报送的《{report_title}》（按{fmt}审核）未发现需要更正的问题。"

    by_table: dict[str, list[FindingState]] = {}
    for st in states:
        by_table.setdefault(table_of(st.finding), []).append(st)
    sections: list[tuple[str, list[str | Item]]] = []
    per_table: list[str | Item] = []
    n = 0
    for key in ("t2", "t3", "t4", ""):
        group = by_table.get(key)
        if not group:
            continue
        per_table.append(f"（{NUMERALS[n]}）{TABLE_ZH.get(key, OTHER_ZH)}")
        n += 1
        for i, st in enumerate(group, start=1):
            f = st.finding
            item = Item(f"{i}. [{SEVERITY_ZH[f.severity]}·{st.status_zh}] {f.message}")
            src = excerpt(session, f)
            if src:
                item.lines.append(("原文", src))
            if f.equation:
                item.lines.append(("核对", f.equation))
            item.lines += _treatment(session, st, fixes)
            per_table.append(item)
    if per_table:
        sections.append(("逐表审核意见", per_table))

    finding_cells = {c for st in states for c in st.finding.cells}
    loose = [n for n in session.notes if n.cell not in finding_cells]
    if loose:
        sections.append(("其他审核意见", [f"{label_of(session, n.cell)}：{n.text}" for n in loose]))
    missing = [fixes[c] for c in unwritten if c in fixes]
    if missing:
        sections.append(
            (
                "更正稿中未能写入的数据",
                [
                    f"{c.label}：原报告无此行或此格，更正稿中未能写入，"
                    f"请你单位在报告中补充并填写 {c.corrected or '（空白）'}。"
                    for c in missing
                ],
            )
        )
    settled = [st for st in states if st.status == "settled"]
    if settled:
        sections.append(("已核实的错误", [f"已核实：{st.finding.message}（{st.reason}）" for st in settled]))
    accepted = [st for st in states if st.status == "waived"]
    if accepted:
        sections.append(("已接受的警告", [f"{st.finding.message}——接受理由：{st.reason}" for st in accepted]))
    reviewer = session.reviewer or "审核人"
    times = [e.time for e in session.edits] + [n.time for n in session.notes]
    return Memo(
        title=f"关于《{report_title}》的审核意见",
        addressee=f"{body}：",
        intro=intro,
        sections=sections,
        corrections=list(fixes.values()),
        signature=[f"审核人：{reviewer}", _date_zh(max(times) if times else None)],
    )


# ------------------------------------------------------------------------------------------------
# HTML (QTextDocument understands a subset of HTML 4 and CSS: keep to it)

CSS = """
body { font-family: 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', 'SimSun', sans-serif; font-size: 11pt; }
h1 { font-size: 16pt; text-align: center; }
h2 { font-size: 13pt; margin-top: 12px; }
h3 { font-size: 11pt; margin-top: 8px; }
p.item { font-weight: bold; margin-top: 6px; }
p.line { margin-left: 24px; }
table.fix { border-collapse: collapse; }
table.fix td, table.fix th { border: 1px solid #555; padding: 3px; }
p.sign { text-align: right; }
"""


def memo_html(memo: Memo) -> str:
    e = html.escape
    parts = [f"<html><head><meta charset='utf-8'><style>{CSS}</style></head><body>"]
    parts.append(f"<h1>{e(memo.title)}</h1>")
    parts.append(f"<p>{e(memo.addressee)}</p><p>{e(memo.intro)}</p>")
    k = 0
    for heading, content in memo.sections:
        parts.append(f"<h2>{NUMERALS[k]}、{e(heading)}</h2>")
        k += 1
        for block in content:
            if isinstance(block, Item):
                parts.append(f"<p class='item'>{e(block.heading)}</p>")
                for label, text in block.lines:
                    parts.append(f"<p class='line'><b>{e(label)}：</b>{e(text)}</p>")
            elif block.startswith("（"):
                parts.append(f"<h3>{e(block)}</h3>")
            else:
                parts.append(f"<p class='line'>{e(block)}</p>")
    if memo.corrections:
        parts.append(f"<h2>{NUMERALS[k]}、更正清单</h2>")
        parts.append("<table class='fix' cellspacing='0' cellpadding='3' border='1' width='100%'>")
        parts.append("<tr><th>单元格</th><th>原值</th><th>更正值</th><th>理由</th></tr>")
        for c in memo.corrections:
            parts.append(
                f"<tr><td>{e(c.label)}</td><td>{e(c.original or '空白')}</td>"
                f"<td>{e(c.corrected or '空白')}</td><td>{e(c.reason)}</td></tr>"
            )
        parts.append("</table>")
    parts += [f"<p class='sign'>{e(s)}</p>" for s in memo.signature]
    parts.append("</body></html>")
    return "\n".join(parts)


# ------------------------------------------------------------------------------------------------
# .docx


def _run(p, text: str, font: str = "仿宋_GB2312", size: float = 14, bold: bool = False) -> None:
    run = p.add_run(text)
    run.font.name = "Times New Roman"
    run.font.size = Pt(size)
    run.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def memo_docx(memo: Memo) -> bytes:
    doc = Document()
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, memo.title, "方正小标宋简体", 20)
    _run(doc.add_paragraph(), memo.addressee)
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(28)
    _run(p, memo.intro)
    k = 0
    for heading, content in memo.sections:
        _run(doc.add_paragraph(), f"{NUMERALS[k]}、{heading}", "黑体", 15)
        k += 1
        for block in content:
            if isinstance(block, Item):
                _run(doc.add_paragraph(), block.heading, bold=True, size=12)
                for label, text in block.lines:
                    q = doc.add_paragraph()
                    q.paragraph_format.left_indent = Pt(24)
                    _run(q, f"{label}：", size=12, bold=True)
                    _run(q, text, size=12)
            elif block.startswith("（"):
                _run(doc.add_paragraph(), block, "楷体_GB2312", 14, bold=True)
            else:
                q = doc.add_paragraph()
                q.paragraph_format.left_indent = Pt(24)
                _run(q, block, size=12)
    if memo.corrections:
        _run(doc.add_paragraph(), f"{NUMERALS[k]}、更正清单", "黑体", 15)
        table = doc.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ["单元格", "原值", "更正值", "理由"], strict=True):
            _run(cell.paragraphs[0], text, "宋体", 10.5, bold=True)
        for c in memo.corrections:
            cells = table.add_row().cells
            for cell, text in zip(
                cells, [c.label, c.original or "空白", c.corrected or "空白", c.reason], strict=True
            ):
                _run(cell.paragraphs[0], text, "宋体", 10.5)
    for s in memo.signature:
        q = doc.add_paragraph()
        q.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(q, s)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
