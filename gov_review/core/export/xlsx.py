"""The corrections workbook (XlsxWriter): tables 二/三/四 in the national layout with corrected cells
highlighted and notes as cell comments, the findings, the corrections and the notes.

Colour is never the only mark (STYLE.md): a corrected cell is also bold with a comment, and the
findings sheet says each finding's state in words.
"""

from __future__ import annotations

import io
from decimal import Decimal, InvalidOperation

import xlsxwriter

from gov_review.core.export.common import (
    SEVERITY_ZH,
    TABLE_ZH,
    clean_text,
    corrections,
    finding_states,
    label_of,
)
from gov_review.core.export.docx_generate import Entry, grid
from gov_review.core.formats.templates import get_template
from gov_review.core.review.session import ReviewSession

CORRECTED_FILL = "#FFF2A8"
OPEN_ERROR_FILL = "#F8CBCB"


# Excel keeps 15 significant digits: a longer number would print as another number.
EXCEL_DIGITS = 15


def _number(text: str) -> int | float | None:
    """The cell as a number Excel shows exactly, or None to write it as text (not a number at all,
    Infinity, NaN, 1e400, a run of 309 digits, or more digits than Excel keeps)."""
    try:
        value = Decimal(text.strip())
    except (InvalidOperation, ValueError):
        return None
    if not value.is_finite():
        return None
    digits = value.as_tuple().digits
    if len(digits) > EXCEL_DIGITS or abs(value.adjusted()) > 300:
        return None
    if value == value.to_integral_value() and "." not in text and "e" not in text.lower():
        return int(value)
    return float(value)


def _width(text: str) -> float:
    """Text width in Excel column units: a Chinese character is about two digits wide."""
    return sum(2.0 if ord(ch) > 0x2E7F else 1.1 for ch in text)


def _row_heights(entries: list[Entry], widths: list[float], top: int) -> dict[int, float]:
    """Row heights (points) that show every wrapped label whole, merged cells included."""
    line = 13.5  # one line of 10-point 宋体
    heights: dict[int, float] = {}
    for r, c, cs, rs, text, _cid in sorted(entries, key=lambda e: e[3]):
        room = max(1.0, sum(widths[c : c + cs]) - 1.0)
        lines = sum(max(1, -(-int(_width(part)) // int(room))) for part in (text or " ").split("\n"))
        need = lines * line + 4
        rows = range(top + r, top + r + rs)
        have = sum(heights.get(x, line + 4) for x in rows)
        if need > have:
            extra = (need - have) / rs
            for x in rows:
                heights[x] = heights.get(x, line + 4) + extra
    return heights


def _print_setup(ws, repeat_to: int | None) -> None:
    """A4 landscape, one page wide, the header rows on every page."""
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.center_horizontally()
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.set_footer("&C第 &P 页，共 &N 页")
    if repeat_to is not None:
        ws.repeat_rows(0, repeat_to)


def corrections_xlsx(session: ReviewSession) -> bytes:
    buf = io.BytesIO()
    # Text is text: a label or note starting with "=" or "http" is never made a formula or a link.
    wb = xlsxwriter.Workbook(
        buf,
        {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "nan_inf_to_errors": True},
    )
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

    def sheet(
        name: str, title: str, grid: tuple[int, list[Entry]], header_rows: int, label_widths: list[float]
    ) -> None:
        ncols, entries = grid
        ws = wb.add_worksheet(name)
        widths = (label_widths + [9.0] * ncols)[:ncols]
        ws.write(0, 0, title, fmt_title)
        ws.write(
            1,
            0,
            "黄色加粗 = 审核更正（批注中有原值和理由）；红色斜体 = 尚未解决的错误。",
            wb.add_format({"font_size": 9}),
        )
        top = 3
        for i, w in enumerate(widths):
            ws.set_column(i, i, w)
        for row, height in _row_heights(entries, widths, top).items():
            ws.set_row(row, height)
        _print_setup(ws, top + header_rows - 1 if header_rows else 1)
        for r, c, cs, rs, text, cid in entries:
            is_header = cid is None and r < header_rows
            fmt = fmt_head if is_header else fmt_label
            text = clean_text(text)
            value: object = text
            if cid is not None:
                fmt = fmt_fixed if cid in edited else (fmt_error if cid in open_error_cells else fmt_value)
                num = _number(text)
                value = num if num is not None else text
            if cs > 1 or rs > 1:
                ws.merge_range(top + r, c, top + r + rs - 1, c + cs - 1, "", fmt)
            if isinstance(value, str):
                ws.write_string(top + r, c, value, fmt)
            else:
                ws.write_number(top + r, c, value, fmt)
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
                    ws.write_comment(top + r, c, clean_text("\n".join(lines)), {"x_scale": 2, "y_scale": 1.5})

    sheet("表二", "二、" + TABLE_ZH["t2"][3:], grid("t2", tpl.format, session), 0, [34.0, 16.0, 16.0, 16.0])
    sheet("表三", "三、" + TABLE_ZH["t3"][3:], grid("t3", tpl.format, session), 3, [6.0, 14.0, 30.0])
    sheet("表四", "四、" + TABLE_ZH["t4"][3:], grid("t4", tpl.format, session), 3, [])

    def listing(name: str, heads: list[str], widths: list[int], rows: list[list[object]]) -> None:
        ws = wb.add_worksheet(name)
        for i, (h, w) in enumerate(zip(heads, widths, strict=True)):
            ws.write_string(0, i, h, fmt_th)
            ws.set_column(i, i, w)
        for n, row in enumerate(rows, start=1):
            for i, v in enumerate(row):
                if isinstance(v, int):
                    ws.write_number(n, i, v, fmt_text)
                else:
                    ws.write_string(n, i, clean_text(str(v)), fmt_text)
        ws.freeze_panes(1, 0)
        _print_setup(ws, 0)

    findings_rows: list[list[object]] = []
    for n, st in enumerate(finding_states(session), start=1):
        f = st.finding
        table = next(
            (TABLE_ZH[c.split(".")[0]] for c in f.cells if c.split(".")[0] in TABLE_ZH), "正文及结构"
        )
        findings_rows.append(
            [
                n,
                f.rule,  # the rule's id only: its sub-codes are the program's, not the reader's
                SEVERITY_ZH[f.severity],
                st.status_zh + ("（更正后新出现）" if st.new else ""),
                table,
                "\n".join(label_of(session, c) for c in f.cells[:6])
                + (f"\n等 {len(f.cells)} 栏" if len(f.cells) > 6 else ""),
                f.message,
                f.equation or "",
                st.reason,
            ]
        )
    listing(
        "问题清单",
        ["序号", "规则", "严重程度", "处理状态", "所在表格", "涉及单元格", "问题说明", "等式", "接受理由"],
        [6, 8, 8, 10, 22, 40, 60, 40, 30],
        findings_rows,
    )
    listing(
        "修改记录",
        ["单元格编号", "单元格（中文）", "原值", "更正值", "理由", "审核人", "时间"],
        [28, 44, 14, 14, 40, 12, 24],
        [[c.cell, c.label, c.original, c.corrected, c.reason, c.reviewer, c.time] for c in fixes.values()],
    )
    listing(
        "审核备注",
        ["单元格编号", "单元格（中文）", "备注", "审核人", "时间"],
        [28, 44, 60, 12, 24],
        [[n.cell, label_of(session, n.cell), n.text, n.reviewer, n.time] for n in session.notes],
    )
    wb.close()
    return buf.getvalue()
