"""The summary workbook (汇总表): one row per report, and tables 三 and 四 summed over all reports.

A county office writes its region-wide report from these sums, so the sums are checked with the
same rules as any report (R01–R04 and the other table rules, on a ReportData built from the sums).
A cell is blank in the sum only if it is blank in every report — blank is missing, never 0 — and
each cell says how many reports contributed to it. Reports of the two formats are summed apart:
their table 三 rows differ.
"""

from __future__ import annotations

import io
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import xlsxwriter

from gov_review.core.batch.run import FIGURES, LeagueRow, row_from_report
from gov_review.core.formats.templates import FORMATS, get_template
from gov_review.core.model import BodyInfo, Cell, Finding, ReportData, SourceDocument
from gov_review.core.review.pipeline import Report
from gov_review.core.text.normalize import fmt_number

SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
FIGURE_NAMES = {
    "new": "本年新收",
    "new_natural": "新收·自然人",
    "new_org": "新收·法人或其他组织",
    "carry": "上年结转",
    "handled": "办理结果总计",
    "fwd": "结转下年度",
    "open": "予以公开",
    "partial": "部分公开",
    "deny": "不予公开",
    "unable": "无法提供",
    "reject": "不予处理",
    "other": "其他处理",
    "review": "行政复议",
    "review_corrected": "复议纠正",
    "litigation": "行政诉讼",
    "litigation_corrected": "诉讼纠正",
}


@dataclass(slots=True)
class Aggregate:
    """Tables 三 and 四 summed over the reports of one format, and what the rules say of the sums."""

    format: str
    reports: int = 0
    sums: dict[str, Decimal | None] = field(default_factory=dict)
    contributors: dict[str, int] = field(default_factory=dict)  # cell id -> reports with a value
    data: ReportData | None = None
    findings: list[Finding] = field(default_factory=list)


def _as_row(item: LeagueRow | Report, index: int) -> LeagueRow:
    if isinstance(item, LeagueRow):
        return item
    return row_from_report(index, item, with_cells=True)


def aggregate(rows: Iterable[LeagueRow | Report], fmt: str) -> Aggregate:
    """Sum tables 三 and 四 over the readable reports of format ``fmt`` and check the sums."""
    tpl = get_template(fmt)
    ids = [cid for cid in tpl.cells if cid.startswith(("t3.", "t4."))]
    agg = Aggregate(format=fmt, sums=dict.fromkeys(ids), contributors=dict.fromkeys(ids, 0))
    years: Counter[int] = Counter()
    for i, item in enumerate(rows):
        row = _as_row(item, i)
        if row.error is not None or row.format != fmt:
            continue
        if row.values is None:
            raise ValueError("the summary needs the rows' cell values (check_many(..., with_cells=True))")
        agg.reports += 1
        if row.year is not None:
            years[row.year] += 1
        for cid in ids:
            v = row.values.get(cid)
            if v is None:
                continue
            cur = agg.sums[cid]
            agg.sums[cid] = v if cur is None else cur + v
            agg.contributors[cid] += 1
    agg.data, agg.findings = check_sums(
        agg.sums, fmt, years.most_common(1)[0][0] if len(years) == 1 else None
    )
    return agg


def check_sums(
    sums: dict[str, Decimal | None], fmt: str, year: int | None = None
) -> tuple[ReportData, list[Finding]]:
    """Run the report checker on the sums and keep what concerns tables 三 and 四.

    The sums have no text and no table 二, so the document, narrative and table-二 findings would
    only say so; the table rules (R…) on 三/四 are the ones that judge the sums.
    """
    from gov_review.core.check.checker import check

    cells = {
        cid: Cell(id=cid, raw=None if v is None else fmt_number(v), value=v, placement="label")
        for cid, v in sums.items()
    }
    data = ReportData(
        format=fmt, year=year, body=BodyInfo(name="汇总", level=None), cells=cells, title="汇总"
    )
    data.tables_found = {"t2": False, "t3": True, "t4": True}
    doc = SourceDocument(path="汇总", kind="summary", blocks=[])
    findings = [
        f
        for f in check(doc, data)
        if f.rule.startswith("R") and f.cells and all(c.startswith(("t3.", "t4.")) for c in f.cells)
    ]
    return data, findings


def aggregate_all(rows: Sequence[LeagueRow | Report]) -> dict[str, Aggregate]:
    """One Aggregate per format present among the readable reports."""
    norm = [_as_row(r, i) for i, r in enumerate(rows)]
    present = {r.format for r in norm if r.error is None and r.format in FORMATS}
    return {fmt: aggregate(norm, fmt) for fmt in FORMATS if fmt in present}


# ------------------------------------------------------------------------------------------------
# The workbook


def _num(v: Decimal | None) -> int | float | None:
    if v is None:
        return None
    return int(v) if v == v.to_integral_value() else float(v)


class _Formats:
    def __init__(self, wb: Any) -> None:
        base = {"font_name": "宋体", "font_size": 10, "border": 1, "valign": "vcenter", "text_wrap": True}
        self.head = wb.add_format(base | {"bold": True, "bg_color": "#D9E1F2", "align": "center"})
        self.label = wb.add_format(base)
        self.value = wb.add_format(base | {"align": "center"})
        self.blank = wb.add_format(base | {"align": "center", "bg_color": "#EDEDED", "italic": True})
        self.error = wb.add_format(base | {"align": "center", "bg_color": "#F8CBCB", "bold": True})
        self.count = wb.add_format(base | {"align": "center", "font_color": "#595959"})
        self.title = wb.add_format({"font_name": "黑体", "font_size": 14, "bold": True})
        self.note = wb.add_format({"font_name": "宋体", "font_size": 10, "italic": True})
        self.text = wb.add_format(base | {"valign": "top"})


def summary_xlsx(rows: Sequence[LeagueRow | Report]) -> bytes:
    """The 汇总表 as XLSX bytes. Rows need cell values (``with_cells=True``)."""
    norm = [_as_row(r, i) for i, r in enumerate(rows)]
    aggs = aggregate_all(norm)
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    fm = _Formats(wb)
    _league_sheet(wb, fm, norm)
    for agg in aggs.values():
        _tables_sheet(wb, fm, agg)
    _findings_sheet(wb, fm, aggs)
    wb.close()
    return buf.getvalue()


def write_summary(rows: Sequence[LeagueRow | Report], out: str | os.PathLike[str]) -> None:
    """Write the 汇总表 to ``out`` atomically (a half-written workbook never replaces a good one)."""
    from gov_review.core.review.bundle import atomic_write

    atomic_write(out, summary_xlsx(rows))


def _league_sheet(wb: Any, fm: _Formats, rows: Sequence[LeagueRow]) -> None:
    ws = wb.add_worksheet("各报告")
    heads, values = league_columns(rows)
    ws.write_row(0, 0, heads, fm.head)
    for i, row in enumerate(values, start=1):
        for col, v in enumerate(row):
            if v is None:
                ws.write_blank(i, col, None, fm.blank)
            else:
                ws.write(i, col, v, fm.label if isinstance(v, str) else fm.value)
    ws.freeze_panes(1, 3)
    ws.autofilter(0, 0, max(1, len(values)), len(heads) - 1)
    ws.set_column(1, 1, 40)
    ws.set_column(2, 2, 24)
    ws.set_column(len(heads) - 1, len(heads) - 1, 50)


def _tables_sheet(wb: Any, fm: _Formats, agg: Aggregate) -> None:
    tpl = get_template(agg.format)
    name = {"2019": "2019版", "2021": "2021版"}[agg.format]
    ws = wb.add_worksheet(f"表三表四汇总（{name}）")
    error_cells = {c for f in agg.findings if f.severity == "error" for c in f.cells[:1]}
    ws.write(0, 0, f"汇总：{agg.reports} 份{name}报告", fm.title)
    ws.write(
        1,
        0,
        "空白表示所有报告均未填写（按缺失处理，不按 0 计）；右侧为填写了该单元格的报告数。",
        fm.note,
    )
    # Table 3 in the national layout: corner, 申请人情况 over 7 columns, 法人或其他组织 over 5.
    top = 3
    ws.merge_range(
        top, 0, top + 2, 0, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", fm.head
    )
    ws.merge_range(top, 1, top, 7, "申请人情况", fm.head)
    ws.merge_range(top + 1, 1, top + 2, 1, "自然人", fm.head)
    ws.merge_range(top + 1, 2, top + 1, 6, "法人或其他组织", fm.head)
    ws.merge_range(top + 1, 7, top + 2, 7, "总计", fm.head)
    for j, col in enumerate(tpl.t3_cols[1:6]):
        ws.write(top + 2, 2 + j, tpl.cells[f"t3.r_new.{col}"].col_label, fm.head)
    ws.merge_range(top, 9, top + 2, 15, "填写该单元格的报告数", fm.head)
    r = top + 3
    for row_id in tpl.t3_rows:
        ws.write(r, 0, tpl.cells[f"t3.{row_id}.c_total"].row_label, fm.label)
        for j, col in enumerate(tpl.t3_cols):
            _value(ws, fm, r, 1 + j, f"t3.{row_id}.{col}", agg, error_cells)
            ws.write(r, 9 + j, agg.contributors[f"t3.{row_id}.{col}"], fm.count)
        r += 1
    # Table 4: 行政复议 (5) | 行政诉讼: 未经复议直接起诉 (5), 复议后起诉 (5); one row of 15 numbers.
    r += 1
    ws.write(r, 0, "四、政府信息公开行政复议、行政诉讼情况", fm.title)
    r += 1
    ws.merge_range(r, 1, r + 1, 5, "行政复议", fm.head)
    ws.merge_range(r, 6, r, 15, "行政诉讼", fm.head)
    ws.merge_range(r + 1, 6, r + 1, 10, "未经复议直接起诉", fm.head)
    ws.merge_range(r + 1, 11, r + 1, 15, "复议后起诉", fm.head)
    ws.write(r, 0, "", fm.head)
    ws.write(r + 1, 0, "", fm.head)
    ws.write(r + 2, 0, "", fm.head)
    cids = [f"t4.{g}.{c}" for g in tpl.t4_groups for c in tpl.t4_cols]
    for j, cid in enumerate(cids):
        ws.write(r + 2, 1 + j, tpl.cells[cid].col_label, fm.head)
        _value(ws, fm, r + 3, 1 + j, cid, agg, error_cells)
        ws.write(r + 4, 1 + j, agg.contributors[cid], fm.count)
    ws.write(r + 3, 0, "合计", fm.label)
    ws.write(r + 4, 0, "填写报告数", fm.label)
    ws.set_column(0, 0, 46)
    ws.set_column(1, 15, 11)


def _value(ws: Any, fm: _Formats, r: int, c: int, cid: str, agg: Aggregate, error_cells: set[str]) -> None:
    v = agg.sums.get(cid)
    if v is None:
        ws.write_blank(r, c, None, fm.blank)
    else:
        ws.write_number(r, c, _num(v), fm.error if cid in error_cells else fm.value)


def _findings_sheet(wb: Any, fm: _Formats, aggs: dict[str, Aggregate]) -> None:
    ws = wb.add_worksheet("汇总数据核验")
    ws.write_row(0, 0, ["格式", "规则", "级别", "单元格", "说明", "算式"], fm.head)
    r = 1
    for fmt, agg in aggs.items():
        for f in agg.findings:
            ws.write_row(
                r,
                0,
                [fmt, f.rule, SEVERITY_ZH[f.severity], ", ".join(f.cells), f.message, f.equation or ""],
                fm.text,
            )
            r += 1
    if r == 1:
        ws.write(1, 0, "汇总数据符合表三、表四的全部勾稽规则。", fm.text)
    ws.set_column(3, 3, 30)
    ws.set_column(4, 4, 80)
    ws.set_column(5, 5, 50)


# ------------------------------------------------------------------------------------------------
# The league table alone (``gov-review check --out``)


def league_columns(rows: Sequence[LeagueRow]) -> tuple[list[str], list[list[Any]]]:
    """Header and values of the league table: one row per report, counts per severity and per rule."""
    rules = sorted({r for row in rows for r in row.by_rule})
    heads = ["序号", "文件", "主体", "年度", "格式"]
    heads += [FIGURE_NAMES[k] for k in FIGURES]
    heads += ["错误", "警告", "提示", *rules, "无法读取的原因"]
    out = []
    for i, row in enumerate(rows, start=1):
        values: list[Any] = [i, row.path, row.body or "", row.year or "", row.format or ""]
        values += [_num(row.figures.get(k)) for k in FIGURES]
        values += [row.counts["error"], row.counts["warning"], row.counts["info"]]
        values += [row.by_rule.get(r, 0) for r in rules]
        values.append(row.error or "")
        out.append(values)
    return heads, out


def league_csv(rows: Sequence[LeagueRow]) -> bytes:
    """The league table as CSV, UTF-8 with BOM (Excel on a Chinese Windows opens it as it is)."""
    import csv

    heads, values = league_columns(rows)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(heads)
    for row in values:
        writer.writerow(["" if v is None else v for v in row])
    return buf.getvalue().encode("utf-8-sig")


def league_xlsx(rows: Sequence[LeagueRow]) -> bytes:
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    _league_sheet(wb, _Formats(wb), rows)
    wb.close()
    return buf.getvalue()


def league_json(rows: Sequence[LeagueRow]) -> bytes:
    import json

    doc = {"reports": [row.to_dict() for row in rows]}
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_league(rows: Sequence[LeagueRow], out: str | os.PathLike[str]) -> None:
    """Write the league table as .json, .csv or .xlsx, by the file's extension."""
    from gov_review.core.review.bundle import atomic_write

    ext = os.path.splitext(str(out))[1].lower()
    writers = {".json": league_json, ".csv": league_csv, ".xlsx": league_xlsx}
    if ext not in writers:
        raise ValueError(ext)
    atomic_write(out, writers[ext](rows))
