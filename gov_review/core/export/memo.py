"""The review memo (审核意见) for the reporting body, in Chinese, in the form of GB/T 9704-2012.

Per table, each finding with the place in the report it is about (the cell as written, or the
prose sentence), then what was done: the correction made, the question asked (the reviewer's notes
or a request to check), or the warning accepted and why. Signed as a government office issues a
letter: the reviewing unit's name and the date at the foot, the reviewer in a note below them, the
corrections as an attachment. Built once as a list of blocks and rendered as HTML (laid out by Qt
into the memo PDF, outside the core: gov_review.gui.memo_pdf) and as .docx (memo_docx.py, which builds on this module).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import datetime

from gov_review.core.export.common import (
    OTHER_ZH,
    SEVERITY_ZH,
    TABLE_ZH,
    Correction,
    FindingState,
    clean_text,
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
    heading: str  # "1．表三“总计”列：…（错误，已更正）"
    lines: list[tuple[str, str]] = field(default_factory=list)  # (label, text): 原文 / 处理 / 审核意见


@dataclass(slots=True)
class Memo:
    title: str
    addressee: str
    intro: str
    sections: list[tuple[str, list[str | Item]]]  # heading, paragraphs and items
    corrections: list[Correction]
    unit: str = ""  # 发文机关署名: the reviewing unit
    reviewer: str = ""  # 审核人, in the note under the date ("" leaves room to sign by hand)
    date: str = ""  # 成文日期, "2026年12月6日"

    @property
    def signature(self) -> list[str]:
        """The foot of the memo as a reader sees it: unit, date, (审核人：…)."""
        return [line for line in (self.unit, self.date, reviewer_note(self.reviewer)) if line]


ATTACHMENT = "更正清单"
BLANK_SIGNATURE = "\u3000" * 6  # room to sign by hand


def reviewer_note(reviewer: str) -> str:
    return f"（审核人：{reviewer.strip() or BLANK_SIGNATURE}）"


def _date_zh(iso: str | None = None) -> str:
    t = datetime.fromisoformat(iso) if iso else datetime.now()
    return f"{t.year}年{t.month}月{t.day}日"  # GB/T 9704-2012: Arabic numerals, no leading zeros


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


def build_memo(
    session: ReviewSession, unwritten: list[str] | tuple[str, ...] = (), date: str | None = None
) -> Memo:
    """The memo; ``unwritten``: corrected cells the corrected .docx could not carry (their row is
    missing from the original file), which the reporting body must add itself; ``date``: ISO time
    it is issued (default now)."""
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
    fmt = {"2019": "2019年试行格式", "2021": "2021年修订格式"}.get(data.format or "", "未能识别的格式")
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
            item = Item(f"{i}．{f.message}（{SEVERITY_ZH[f.severity]}，{st.status_zh}）")
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
    return Memo(
        title=f"关于《{report_title}》的审核意见",
        addressee=f"{body}：",
        intro=intro,
        sections=sections,
        corrections=list(fixes.values()),
        unit=getattr(session, "unit", "").strip(),
        reviewer=session.reviewer.strip(),
        date=_date_zh(date),  # the day it is issued, not the day of the last edit
    )


# ------------------------------------------------------------------------------------------------
# HTML, for the PDF (QTextDocument understands a subset of HTML 4 and CSS: keep to it; it ignores pt
# for lengths, so lengths are written in px standing for points, and gov_review.gui.memo_pdf scales
# them to the page). Font sizes are the
# national ones: 二号 22 pt (title), 三号 16 pt (body), 四号 14 pt. The families are those a Chinese
# Windows has, then free ones with the same look (AR PL UMing is a Song face, closer to 仿宋 than any
# sans; AR PL UKai a 楷体) so that the layout machine's fallback is never a sans-serif body.

FANGSONG = "'仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong', 'AR PL UMing CN', 'SimSun'"
KAITI = "'楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', 'AR PL UKai CN'"
HEITI = "'黑体', 'SimHei', 'STHeiti', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei'"
XIAOBIAOSONG = "'方正小标宋简体', 'FZXiaoBiaoSong-B05S', " + HEITI
SONG = "'宋体', 'SimSun', 'AR PL UMing CN', " + FANGSONG

CSS = f"""
body {{ font-family: {FANGSONG}; font-size: 16pt; }}
p {{ margin-top: 0; margin-bottom: 0; }}
p.title {{ font-family: {XIAOBIAOSONG}; font-size: 22pt; text-align: center; }}
p.to {{ }}
p.body {{ text-indent: 32px; }}
p.h1 {{ font-family: {HEITI}; text-indent: 32px; }}
p.h2 {{ font-family: {KAITI}; text-indent: 32px; }}
p.h3 {{ text-indent: 32px; font-weight: bold; }}
p.unit, p.date {{ text-align: right; }}
p.att {{ font-family: {HEITI}; page-break-before: always; }}
p.atitle {{ font-family: {XIAOBIAOSONG}; font-size: 22pt; text-align: center; }}
table.fix {{ border-collapse: collapse; }}
table.fix td {{ font-family: {SONG}; font-size: 12pt; }}
table.fix th {{ font-family: {HEITI}; font-size: 12pt; font-weight: normal; }}
"""


def _width(text: str) -> float:
    """Width in characters of 三号: a Chinese character is one, an ASCII digit or letter half."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def signature_indents(memo: Memo) -> tuple[float, float]:
    """Right indents (in characters) of the unit and the date, per GB/T 9704-2012 7.3.5.2 (a memo not
    sealed): the unit two characters in from the right, the date starting two characters to the
    right of where the unit starts."""
    unit, date = _width(memo.unit), _width(memo.date)
    if not memo.unit:
        return 0.0, 2.0
    return 2.0, max(0.0, 2.0 + unit - 2.0 - date)


def memo_html(memo: Memo) -> str:
    def e(text: str) -> str:
        return html.escape(clean_text(text))

    unit_indent, date_indent = signature_indents(memo)
    parts = [f"<html><head><meta charset='utf-8'><style>{CSS}</style></head><body>"]
    parts.append(f"<p class='title'>{e(memo.title)}</p><p class='body'>&nbsp;</p>")
    parts.append(f"<p class='to'>{e(memo.addressee)}</p><p class='body'>{e(memo.intro)}</p>")
    for k, (heading, content) in enumerate(memo.sections):
        parts.append(f"<p class='h1'>{NUMERALS[k]}、{e(heading)}</p>")
        for block in content:
            if isinstance(block, Item):
                parts.append(f"<p class='h3'>{e(block.heading)}</p>")
                for label, text in block.lines:
                    parts.append(f"<p class='body'>{e(label)}：{e(text)}</p>")
            elif block.startswith("（"):
                parts.append(f"<p class='h2'>{e(block)}</p>")
            else:
                parts.append(f"<p class='body'>{e(block)}</p>")
    if memo.corrections:
        parts.append(f"<p class='body'>&nbsp;</p><p class='body'>附件：{ATTACHMENT}</p>")
    parts.append("<p class='body'>&nbsp;</p><p class='body'>&nbsp;</p>")
    if memo.unit:
        parts.append(f"<p class='unit' style='margin-right: {unit_indent * 16:g}px'>{e(memo.unit)}</p>")
    parts.append(f"<p class='date' style='margin-right: {date_indent * 16:g}px'>{e(memo.date)}</p>")
    parts.append(f"<p class='body'>{e(reviewer_note(memo.reviewer))}</p>")
    if memo.corrections:
        parts.append("<p class='att'>附件</p><p class='body'>&nbsp;</p>")
        parts.append(f"<p class='atitle'>{ATTACHMENT}</p><p class='body'>&nbsp;</p>")
        parts.append("<table class='fix' cellspacing='0' cellpadding='4' border='1' width='100%'>")
        parts.append(
            "<tr><th width='8%'>序号</th><th width='40%'>单元格</th><th width='12%'>原值</th>"
            "<th width='12%'>更正值</th><th width='28%'>理由</th></tr>"
        )
        for n, c in enumerate(memo.corrections, start=1):
            parts.append(
                f"<tr><td align='center'>{n}</td><td>{e(c.label)}</td>"
                f"<td align='center'>{e(c.original or '空白')}</td>"
                f"<td align='center'>{e(c.corrected or '空白')}</td><td>{e(c.reason or '—')}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)
