"""Render every source report's tables into each text layout a reviewer meets (issue 14).

Sources: the five seed texts (format 2019), the three real PDFs and the 2021 Word template (format 2021),
read with the tool's own readers. Each report's paragraphs are written one per line, and its tables 二/三/四
are written from its reconstructed canonical cells (the national form's labels, the values exactly as the
source has them) in one of these layouts:

- ``pipe``: ``| 一、本年新收… | 1 | 0 | … |`` rows with a ``|---|`` separator; ``pipe_bare``: no outer
  pipes, no separator. Blank cells are empty strings.
- ``cells``: every cell on its own line, blank cells as empty lines; ``cells_blank``: a blank line between
  cells; ``cells_pipe``: every cell line ends in `` |``.
- ``flat``: each table run together on one line with the heading before it, no separators (a crawler's
  text dump), after the site's navigation and metadata lines.
- ``aligned``: pdftotext -layout style: values right-aligned in columns, header words split over lines,
  long row labels wrapped onto a second line.
- ``vertical``: table 四's header one character per line, then its 15 values on one line; tables 二 and 三
  as ``cells``.
- ``furniture``: ``aligned`` with page breaks inside tables 二 and 三: a page number (``— 4 —``), a page
  header, and table 三's header repeated on the new page.
- ``mixed``: table 二 as ``pipe``, 三 as ``flat``, 四 as ``aligned``, after site chrome.

``expected.json`` records, for every fixture, the original's canonical cell values and its error findings
(rule code and cells); the layout tests compare against it. Regenerate with
``.venv/bin/python tests/data/text/make_layouts.py`` (needs /work/shared or the repository's copies).
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

from gov_review.core.formats.templates import get_template
from gov_review.core.model import RawTable
from gov_review.core.review.pipeline import analyse_file

HERE = Path(__file__).resolve().parent
OUT = HERE / "layouts"
ROOT = HERE.parents[2]
SOURCES = [
    *((f"seed_00{i}", ROOT / "resources" / "samples" / f"seed_00{i}.txt") for i in range(5)),
    ("hongze_2023", ROOT / "tests" / "data" / "pdf" / "hongze_district_2023.pdf"),
    ("hongze_2024", ROOT / "tests" / "data" / "pdf" / "hongze_district_2024.pdf"),
    ("huaian_2024", ROOT / "tests" / "data" / "pdf" / "huaian_city_2024.pdf"),
    ("template_2021", ROOT / "tests" / "data" / "docx" / "template_2021.docx"),
]
LAYOUTS = (
    "pipe",
    "pipe_bare",
    "cells",
    "cells_blank",
    "cells_pipe",
    "flat",
    "aligned",
    "vertical",
    "furniture",
    "mixed",
)
CHROME = [
    "首页 政务资讯 政务公开 政府信息公开年报",
    "标题: {title}",
    "发布时间: 2024-01-20 09:30",
    "来源: 政务公开办",
]
T3_HEADER = [
    ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
    ["自然人", "法人或其他组织", "总计"],
    ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
]
T4_HEADER = [
    ["行政复议", "行政诉讼"],
    ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"],
    ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2,
]
T3_COLS = ["c_natural", "c_biz", "c_research", "c_ngo", "c_legal", "c_org_other", "c_total"]
T4_COLS = [
    f"{g}.{c}"
    for g in ("review", "lit_direct", "lit_post")
    for c in ("c_upheld", "c_corrected", "c_other", "c_pending", "c_total")
]


# ------------------------------------------------------------------------------------------------
# The canonical tables as rows of cell texts: (kind, cells) with kind "caption" | "header" | "data"


def _raw(cells, cid: str) -> str | None:
    c = cells.get(cid)
    if c is None or c.placement == "missing" or c.raw is None:
        return None
    return c.raw.strip(" \u00a0\u3000") if c.raw.strip(" \u00a0\u3000") else ""


def table_rows(data) -> dict[str, list[tuple[str, list[str]]]]:
    tpl = get_template(data.format).raw
    cells = data.cells
    t2: list[tuple[str, list[str]]] = []
    for sub in tpl["t2"]["subtables"]:
        num = sub["id"][1:]
        cn = "一二三四五六七八九十"[int(num) - 1]
        t2.append(("caption", [f"第二十条第（{cn}）项"]))
        t2.append(("header", ["信息内容", *(c["label"] for c in sub["columns"])]))
        for row in sub["rows"]:
            vals = [_raw(cells, f"t2.{sub['id']}.{row['id']}.{c['id']}") for c in sub["columns"]]
            if all(v is None for v in vals):
                continue
            t2.append(("data", [row["label"], *(v or "" for v in vals)]))
    t3: list[tuple[str, list[str]]] = [("header", h) for h in T3_HEADER]
    groups = {g["id"]: g for g in tpl["t3"]["row_groups"]}
    seen: set[str] = set()
    rows21 = get_template("2021").raw["t3"]["rows"]
    old_other = next(r for r in get_template("2019").raw["t3"]["rows"] if r["id"] == "r_other")
    at = next(i for i, r in enumerate(rows21) if r["id"] == "r_other_nocorrect")
    for row in [*rows21[:at], old_other, *rows21[at:]]:
        vals = [_raw(cells, f"t3.{row['id']}.{c}") for c in T3_COLS]
        if all(v is None for v in vals):
            continue
        label = f"{row['number']}{row['label']}"
        lead: list[str] = []
        g = row.get("group")
        if g and g != "outcomes":
            lead = [f"{groups[g]['number']}{groups[g]['label']}" if g not in seen else ""]
            if g not in seen and "outcomes" not in seen:
                lead.insert(0, "三、本年度办理结果")
                seen.add("outcomes")
            seen.add(g)
        elif g == "outcomes" and "outcomes" not in seen and row["id"] != "r_total":
            lead = ["三、本年度办理结果"]
            seen.add("outcomes")
        t3.append(("data", [*lead, label, *(v or "" for v in vals)]))
    t4: list[tuple[str, list[str]]] = [("header", h) for h in T4_HEADER]
    t4.append(("data", [_raw(cells, f"t4.{c}") or "" for c in T4_COLS]))
    return {"t2": t2, "t3": t3, "t4": t4}


# ------------------------------------------------------------------------------------------------
# Layouts of one table


def width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def pad_left(s: str, w: int) -> str:
    return " " * max(0, w - width(s)) + s


def pad_right(s: str, w: int) -> str:
    return s + " " * max(0, w - width(s))


def render_pipe(rows, outer: bool = True) -> list[str]:
    out = []
    for i, (kind, cells) in enumerate(rows):
        line = " | ".join(cells)
        out.append(f"| {line} |" if outer else line)
        if outer and kind == "header" and (i + 1 == len(rows) or rows[i + 1][0] != "header"):
            out.append("|" + "---|" * len(cells))
    return out


def render_cells(rows, blank: bool = False, pipe: bool = False) -> list[str]:
    out = []
    for _kind, cells in rows:
        for i, c in enumerate(cells):
            if c == "" and _kind == "data" and not any(cells[:i]):
                continue  # an empty leading label cell: a merged label, not copied
            out.append(f"{c} |" if pipe else c)
            if blank:
                out.append("")
    return out


def render_flat(rows) -> str:
    return "".join("".join(cells) for _kind, cells in rows)


LABEL_W = 40
COL_W = 8


def _aligned_header(table: str) -> list[str]:
    """The national header drawn as pdftotext -layout draws it: leaf words split over lines."""
    if table == "t3":
        leaves = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
        top = [(" " * LABEL_W) + pad_left("申请人情况", COL_W * 4)]
        mid = [(" " * LABEL_W) + " " * COL_W + pad_left("法人或其他组织", COL_W * 3)]
    elif table == "t4":
        leaves = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3
        top = [pad_left("行政复议", COL_W * 3) + pad_left("行政诉讼", COL_W * 7)]
        mid = [
            " " * (COL_W * 5) + pad_left("未经复议直接起诉", COL_W * 3) + pad_left("复议后起诉", COL_W * 5)
        ]
    else:
        return []
    lead = " " * LABEL_W if table == "t3" else ""
    chunks = [[w[i : i + 3] for i in range(0, len(w), 3)] for w in leaves]
    lines = []
    for k in range(max(len(c) for c in chunks)):
        lines.append(lead + "".join(pad_left(c[k] if k < len(c) else "", COL_W) for c in chunks).rstrip())
    return top + mid + lines


def render_aligned(rows, table: str, page_break: int | None = None, page_no: int = 4) -> list[str]:
    out: list[str] = []
    data_seen = 0
    header_lines: list[str] = []
    for kind, cells in rows:
        if kind == "caption":
            out.append(cells[0])
            continue
        if kind == "header":
            if table == "t2":
                out.append(pad_right(cells[0], LABEL_W) + "".join(pad_left(c, COL_W + 12) for c in cells[1:]))
            elif not header_lines:
                header_lines = _aligned_header(table)
                out.extend(header_lines)
            continue
        if page_break is not None and data_seen == page_break:
            out += ["", f"— {page_no} —", "", "某某政府信息公开工作年度报告", ""]
            out.extend(header_lines)
        data_seen += 1
        if table == "t4":
            out.append("".join(pad_left(v, COL_W) for v in cells).rstrip())
            continue
        nvals = 7 if table == "t3" else len(cells) - 1
        labels = [c for c in cells[: len(cells) - nvals] if c]
        vals = cells[len(cells) - nvals :]
        label = " ".join(labels)
        w = COL_W if table == "t3" else COL_W + 12
        if width(label) > LABEL_W - 2:
            # wrapped onto a second line, as a PDF cell wraps a long label
            cut = len(label) // 2
            out.append(label[:cut])
            label = label[cut:]
        out.append((pad_right(label, LABEL_W) + "".join(pad_left(v, w) for v in vals)).rstrip())
    return out


def render_vertical_t4(rows) -> list[str]:
    out = []
    for kind, cells in rows:
        if kind == "header":
            for c in cells:
                out.extend(list(c))
        else:
            out.append(" ".join(v if v else "-" for v in cells))
    return out


# ------------------------------------------------------------------------------------------------
# A whole report


def render(doc, data, layout: str) -> str:
    tables = table_rows(data)
    order = ["t2", "t3", "t4"]
    lines: list[str] = []
    if layout in ("flat", "mixed"):
        lines += [c.format(title=data.title or "") for c in CHROME]
    t_index = 0
    pending_heading: str | None = None
    for block in doc.blocks:
        if not isinstance(block, RawTable):
            text = block.text.replace("\n", "")
            if pending_heading is not None:
                lines.append(pending_heading)
            pending_heading = text
            continue
        if t_index >= 3:
            continue
        table = order[t_index]
        t_index += 1
        rows = tables[table]
        style = layout
        if layout == "mixed":
            style = {"t2": "pipe", "t3": "flat", "t4": "aligned"}[table]
        if layout == "vertical":
            style = "vertical" if table == "t4" else "cells"
        if style == "flat":
            lines.append((pending_heading or "") + render_flat(rows))
            pending_heading = None
            continue
        if pending_heading is not None:
            lines.append(pending_heading)
            pending_heading = None
        if style == "pipe":
            lines += render_pipe(rows)
        elif style == "pipe_bare":
            lines += render_pipe(rows, outer=False)
        elif style == "cells":
            lines += render_cells(rows)
        elif style == "cells_blank":
            lines += render_cells(rows, blank=True)
        elif style == "cells_pipe":
            lines += render_cells(rows, pipe=True)
        elif style == "aligned":
            lines += render_aligned(rows, table)
        elif style == "furniture":
            brk = {"t2": 3, "t3": 9}.get(table)
            lines += render_aligned(rows, table, page_break=brk, page_no=3 + t_index)
        elif style == "vertical":
            lines += render_vertical_t4(rows)
        lines.append("")
    if pending_heading is not None:
        lines.append(pending_heading)
    return "\n".join(lines) + "\n"


def expected_of(report) -> dict:
    cells = {
        cid: (None if c.value is None else str(c.value))
        for cid, c in report.data.cells.items()
        if cid.startswith(("t2.", "t3.", "t4."))
    }
    errors = sorted(f"{f.code}|{','.join(f.cells)}" for f in report.findings if f.severity == "error")
    return {
        "format": report.data.format,
        "year": report.data.year,
        "body": report.data.body.name,
        "cells": cells,
        "errors": errors,
    }


def main() -> int:
    OUT.mkdir(exist_ok=True)
    expected: dict[str, dict] = {}
    for name, path in SOURCES:
        report = analyse_file(path)
        if report.error is not None or report.data is None:
            print(f"{path}: {report.error}", file=sys.stderr)
            return 1
        exp = expected_of(report)
        for layout in LAYOUTS:
            fname = f"{name}__{layout}.txt"
            (OUT / fname).write_text(render(report.source, report.data, layout), encoding="utf-8")
            expected[fname] = {"source": name, "layout": layout, **exp}
    (OUT / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"{len(expected)} fixtures in {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
