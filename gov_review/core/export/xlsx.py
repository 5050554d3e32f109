"""The corrections workbook (XlsxWriter): tables 二/三/四 in the national layout with corrected cells
highlighted and notes as cell comments, the findings, the corrections and the notes.

Colour is never the only mark (STYLE.md): a corrected cell is also bold with a comment, and the
findings sheet says each finding's state in words.
"""

from __future__ import annotations

import io

import xlsxwriter

from gov_review.core.export.common import SEVERITY_ZH, TABLE_ZH, corrections, finding_states, label_of
from gov_review.core.export.docx_generate import Entry, t2_grid, t3_grid, t4_grid
from gov_review.core.formats.templates import get_template
from gov_review.core.review.session import ReviewSession

CORRECTED_FILL = "#FFF2A8"
OPEN_ERROR_FILL = "#F8CBCB"


def _number(text: str):
    try:
        value = float(text)
    except ValueError:
        return None
    return int(value) if value.is_integer() and "." not in text else value


def corrections_xlsx(session: ReviewSession) -> bytes:
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    base = {
        "font_name": "宋体",
        "font_size": 10,
        "border": 1,
        "align": "center",
        "valign": "vcenter",
        "text_wrap": True,
    }
    fmt_label = wb.add_format(base)
    fmt_head = wb.add_format(base | {"bold": True, "bg_color": "#D9E1F2"})
    fmt_value = wb.add_format(base)
    fmt_fixed = wb.add_format(base | {"bold": True, "bg_color": CORRECTED_FILL})
    fmt_error = wb.add_format(base | {"bg_color": OPEN_ERROR_FILL, "italic": True})
    fmt_title = wb.add_format({"font_name": "黑体", "font_size": 14, "bold": True})
    fmt_text = wb.add_format(
        {"font_name": "宋体", "font_size": 10, "text_wrap": True, "valign": "top", "border": 1}
    )
    fmt_th = wb.add_format(
        {"font_name": "宋体", "font_size": 10, "bold": True, "bg_color": "#D9E1F2", "border": 1}
    )

    tpl = get_template(session.data.format or "2021")
    edited = set(session.edited_cells())
    open_error_cells = {c for f in session.active_findings() if f.severity == "error" for c in f.cells}
    notes: dict[str, list[str]] = {}
    for n in session.notes:
        notes.setdefault(n.cell, []).append(f"审核意见（{n.reviewer or session.reviewer}）：{n.text}")
    fixes = {c.cell: c for c in corrections(session)}

    def sheet(name: str, title: str, grid: tuple[int, list[Entry]], header_rows: int) -> None:
        ncols, entries = grid
        ws = wb.add_worksheet(name)
        ws.write(0, 0, title, fmt_title)
        ws.write(
            1,
            0,
            "黄色加粗 = 审核更正（批注中有原值和理由）；红色斜体 = 尚未解决的错误。",
            wb.add_format({"font_size": 9}),
        )
        top = 3
        ws.set_column(0, ncols - 1, 12)
        for r, c, cs, rs, text, cid in entries:
            is_header = cid is None and r < header_rows
            fmt = fmt_head if is_header else fmt_label
            value: object = text
            if cid is not None:
                fmt = fmt_fixed if cid in edited else (fmt_error if cid in open_error_cells else fmt_value)
                num = _number(text)
                value = num if num is not None else text
            if cs > 1 or rs > 1:
                ws.merge_range(top + r, c, top + r + rs - 1, c + cs - 1, value, fmt)
            else:
                ws.write(top + r, c, value, fmt)
            if cid is not None:
                lines = []
                if cid in fixes:
                    fx = fixes[cid]
                    lines.append(f"原填“{fx.original or '（空白）'}”，更正为“{fx.corrected or '（空白）'}”。")
                    if fx.reason:
                        lines.append(f"理由：{fx.reason}")
                    lines.append(f"审核人：{fx.reviewer}  {fx.time}")
                lines += notes.get(cid, [])
                if lines:
                    ws.write_comment(top + r, c, "\n".join(lines), {"x_scale": 2, "y_scale": 1.5})

    sheet("表二", "二、" + TABLE_ZH["t2"][3:], t2_grid(tpl, session), 0)
    sheet("表三", "三、" + TABLE_ZH["t3"][3:], t3_grid(tpl, session), 3)
    sheet("表四", "四、" + TABLE_ZH["t4"][3:], t4_grid(tpl, session), 3)

    ws = wb.add_worksheet("问题清单")
    heads = ["序号", "规则", "严重程度", "处理状态", "所在表格", "涉及单元格", "问题说明", "等式", "接受理由"]
    widths = [6, 16, 8, 10, 22, 40, 60, 40, 30]
    for i, (h, w) in enumerate(zip(heads, widths, strict=True)):
        ws.write(0, i, h, fmt_th)
        ws.set_column(i, i, w)
    for n, st in enumerate(finding_states(session), start=1):
        f = st.finding
        table = next(
            (TABLE_ZH[c.split(".")[0]] for c in f.cells if c.split(".")[0] in TABLE_ZH), "正文及结构"
        )
        row = [
            n,
            f.code or f.rule,
            SEVERITY_ZH[f.severity],
            st.status_zh + ("（更正后新出现）" if st.new else ""),
            table,
            "\n".join(label_of(session, c) for c in f.cells[:6])
            + (f"\n等 {len(f.cells)} 栏" if len(f.cells) > 6 else ""),
            f.message,
            f.equation or "",
            st.reason,
        ]
        for i, v in enumerate(row):
            ws.write(n, i, v, fmt_text)
    ws.freeze_panes(1, 0)

    ws = wb.add_worksheet("修改记录")
    heads = ["单元格编号", "单元格（中文）", "原值", "更正值", "理由", "审核人", "时间"]
    widths = [28, 44, 14, 14, 40, 12, 24]
    for i, (h, w) in enumerate(zip(heads, widths, strict=True)):
        ws.write(0, i, h, fmt_th)
        ws.set_column(i, i, w)
    for n, c in enumerate(fixes.values(), start=1):
        for i, v in enumerate([c.cell, c.label, c.original, c.corrected, c.reason, c.reviewer, c.time]):
            ws.write_string(n, i, v, fmt_text)
    ws.freeze_panes(1, 0)

    ws = wb.add_worksheet("审核备注")
    heads = ["单元格编号", "单元格（中文）", "备注", "审核人", "时间"]
    for i, (h, w) in enumerate(zip(heads, [28, 44, 60, 12, 24], strict=True)):
        ws.write(0, i, h, fmt_th)
        ws.set_column(i, i, w)
    for n, note in enumerate(session.notes, start=1):
        for i, v in enumerate([note.cell, label_of(session, note.cell), note.text, note.reviewer, note.time]):
            ws.write_string(n, i, v, fmt_text)
    wb.close()
    return buf.getvalue()
