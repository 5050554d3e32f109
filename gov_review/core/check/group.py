"""One finding per problem: a step after the checks that merges the findings of one cause over a
block of cells and folds the notes that only follow from another finding.

- A table that is present but holds no value at all gives one error (``表三未填写数据``) that lists
  every cell; the per-cell blanks and "cannot verify" notes of that table go.
- Totals of one row left blank while their parts are filled (R07.total_blank, one per cell) become
  one error naming the row and its columns; the row's blank-cell note on the same cells goes under it.
- Blank cells (R07.blank, one finding per row) that share the same columns down several rows become
  one finding naming the block (``表三“法人或其他组织”5 列在 25 行中全部空白``) with all its cells.
- Rows of one table read the same uncertain way (each with one split of run-together digits, in the
  standard column order because the header was not recognised, or not at all because the count of
  their values does not match the columns) become one finding per table.
- A "cannot verify" note (``*.na``) whose blank cells are all explained by other findings (blank
  cells, absent rows, a 2019-format row) is folded under the first of them (``Finding.folded``).
"""

from __future__ import annotations

from gov_review.core.check.emit import emit
from gov_review.core.formats.templates import FORMATS, Template, get_template
from gov_review.core.model import Finding, ReportData
from gov_review.core.text.normalize import norm, parse_value

TABLE_ZH = {"t2": "表二", "t3": "表三", "t4": "表四"}
_ORG_COLS = ("c_biz", "c_research", "c_ngo", "c_legal", "c_org_other")
# Column blocks that have a name of their own in the national table 三.
_COL_BLOCK_NAMES = {
    _ORG_COLS: ("法人或其他组织", "legal persons or other organisations"),
    ("c_natural", *_ORG_COLS): ("申请人情况", "applicant"),
}
MIN_BLOCK_ROWS = 2  # the same columns blank in at least this many rows make a block


def consolidate(findings: list[Finding], data: ReportData) -> list[Finding]:
    """The findings with blocks merged and consequential notes folded (see the module's doc)."""
    if data.format not in FORMATS:
        return findings
    tpl = get_template(data.format)
    empty = _empty_tables(data, tpl)
    out: list[Finding] = []
    empty_cells: set[str] = set()
    for table in empty:
        cells = [c for c in tpl.ids_for(table) if c in data.cells and data.cells[c].placement != "missing"]
        empty_cells.update(cells)
        out.append(emit("R07", "table_empty", cells, table=TABLE_ZH[table], n=len(cells)))
    rest: list[Finding] = []
    for f in findings:
        if f.cells and empty_cells.issuperset(f.cells) and (f.code.startswith("R07") or not f.assessable):
            continue  # said once by the table's own finding
        rest.append(f)
    out += _merge_total_blanks(_merge_rows_per_table(_merge_blank_rows(rest, tpl), tpl), tpl)
    return _fold(_fold_labels(out, tpl))


def _is_blank(data: ReportData, cid: str) -> bool:
    cell = data.cells.get(cid)
    if cell is None or cell.placement == "missing":
        return True
    return cell.value is None and parse_value(cell.raw).status == "blank"


def _empty_tables(data: ReportData, tpl: Template) -> list[str]:
    """Tables that were found but whose every value cell is blank (a template sent back unfilled)."""
    out = []
    for table in ("t2", "t3", "t4"):
        if not data.tables_found.get(table):
            continue
        ids = [c for c in tpl.ids_for(table) if c in data.cells]
        present = [c for c in ids if data.cells[c].placement != "missing"]
        if present and all(_is_blank(data, c) for c in present):
            out.append(table)
    return out


def _merge_blank_rows(findings: list[Finding], tpl: Template) -> list[Finding]:
    """R07.blank row findings of one table that share columns down several rows become one."""
    info = tpl.cells
    by_table: dict[str, list[Finding]] = {}
    for f in findings:
        if f.code == "R07.blank" and f.cells:
            by_table.setdefault(info[f.cells[0]].table, []).append(f)
    replaced: dict[int, list[Finding]] = {}  # id of the first merged row finding -> what replaces it
    dropped: set[int] = set()
    for table, rows in by_table.items():
        if len(rows) < MIN_BLOCK_ROWS:
            continue
        # columns (in print order) -> the row findings whose blank cells are exactly those columns
        by_cols: dict[tuple[str, ...], list[Finding]] = {}
        for f in rows:
            by_cols.setdefault(tuple(info[c].col for c in f.cells), []).append(f)
        for cols, group in by_cols.items():
            if len(group) < MIN_BLOCK_ROWS:
                continue
            cells = [c for f in group for c in f.cells]
            merged = _block_finding(table, cols, group, cells, tpl)
            replaced[id(group[0])] = [merged]
            dropped.update(id(f) for f in group[1:])
    out: list[Finding] = []
    for f in findings:
        if id(f) in dropped:
            continue
        out += replaced.get(id(f), [f])
    return out


# Row findings of one cause merged per table: the row finding's code → the merged one's.
_PER_TABLE = {
    "R06.split": "split_rows",
    "R06.split_columns": "split_rows",
    "R06.order_only": "order_rows",
    "R06.row_width": "width_rows",
}


def _merge_rows_per_table(findings: list[Finding], tpl: Template) -> list[Finding]:
    """Rows of one table read the same uncertain way (run-together digits with one split, a header
    not recognised, a count of values that does not match the columns): one finding that names how
    many rows, with each row's own folded under it."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for f in findings:
        if f.code in _PER_TABLE and f.cells and f.cells[0] in tpl.cells:
            groups.setdefault((f.code, tpl.cells[f.cells[0]].table), []).append(f)
    replaced: dict[int, Finding] = {}
    dropped: set[int] = set()
    for (code, table), group in groups.items():
        if len(group) < MIN_BLOCK_ROWS:
            continue
        first = group[0]
        merged = emit(
            "R06",
            _PER_TABLE[code],
            [c for f in group for c in f.cells],
            **{  # the first row's own words (its values, its count) as the example
                **first.params,
                "table": TABLE_ZH[table],
                "nrows": len(group),
                "row": tpl.cells[first.cells[0]].row_label,
            },
        )
        merged.folded.extend(group)
        replaced[id(first)] = merged
        dropped.update(id(f) for f in group[1:])
    return [replaced.get(id(f), f) for f in findings if id(f) not in dropped]


def _merge_total_blanks(findings: list[Finding], tpl: Template) -> list[Finding]:
    """Totals of one row left blank while their parts are filled (R07.total_blank, one per cell):
    one error that names the row and its blank columns, each cell's own folded under it, and the
    row's note on the same blank cells (R07.blank) too."""
    info = tpl.cells
    rows: dict[tuple[str, str, str], list[Finding]] = {}
    for f in findings:
        if f.code == "R07.total_blank" and len(f.cells) == 1 and f.cells[0] in info:
            i = info[f.cells[0]]
            rows.setdefault((i.table, i.sub, i.row), []).append(f)
    replaced: dict[int, Finding] = {}
    dropped: set[int] = set()
    for (table, _sub, _row), group in rows.items():
        if len(group) < 2:
            continue
        first = info[group[0].cells[0]]
        merged = emit(
            "R07",
            "total_blank_row",
            [f.cells[0] for f in group],
            table=TABLE_ZH[table],
            row=first.row_label,
            n=len(group),
            cols="、".join(info[f.cells[0]].col_label for f in group),
            cols_en=", ".join(info[f.cells[0]].col_en for f in group),
        )
        merged.folded.extend(group)
        replaced[id(group[0])] = merged
        dropped.update(id(f) for f in group[1:])
        said = set(merged.cells)
        for f in findings:
            if f.code == "R07.blank" and f.cells and said.issuperset(f.cells):
                merged.folded.append(f)
                dropped.add(id(f))
    return [replaced.get(id(f), f) for f in findings if id(f) not in dropped]


def _block_finding(table: str, cols: tuple[str, ...], group: list[Finding], cells: list[str], tpl: Template):
    info = tpl.cells
    first = [info[f.cells[0]] for f in group]
    name = _COL_BLOCK_NAMES.get(cols)
    col_zh = name[0] if name else "、".join(info[group[0].cells[i]].col_label for i in range(len(cols)))
    cols_en = name[1] if name else ", ".join(info[group[0].cells[i]].col_en for i in range(len(cols)))
    n_rows_table = len({(i.sub, i.row) for i in info.values() if i.table == table})
    rows = [i.row_label for i in first]
    if len(group) == n_rows_table:
        rows_zh, rows_en = "", "all rows"
    else:
        shown = rows[:3]
        rows_zh = (
            "（" + "、".join(f"“{r}”" for r in shown) + (f"等 {len(rows)} 行" if len(rows) > 3 else "") + "）"
        )
        rows_en = ", ".join(i.row_short for i in first)
    return emit(
        "R07",
        "blank_block",
        cells,
        table=TABLE_ZH[table],
        cols=col_zh,
        cols_en=cols_en,
        ncols=len(cols),
        nrows=len(group),
        rows=rows_zh,
        rows_en=rows_en,
        n=len(cells),
    )


def _fold_labels(findings: list[Finding], tpl: Template) -> list[Finding]:
    """Cells missing because their column or row carries the other format's label (R06) are folded
    under the R12 finding that names the label; it lists their cells and, as they were errors (the
    format's cells are not in the table), becomes an error itself."""
    hosts = [f for f in findings if f.code == "R12.other_labels" and f.params.get("replaced")]
    if not hosts:
        return findings
    out: list[Finding] = []
    for f in findings:
        if f.code in ("R06.missing_cells", "R06.missing_row") and f.cells:
            for host in hosts:
                names = {norm(n) for n in host.params["replaced"]}
                infos = [tpl.cells.get(c) for c in f.cells]
                if all(
                    i is not None and (norm(i.col_label) in names or norm(i.row_label) in names)
                    for i in infos
                ):
                    host.folded.append(f)
                    if f.severity == "error":
                        host.severity = "error"
                    host.cells.extend(c for c in f.cells if c not in host.cells)
                    break
            else:
                out.append(f)
            continue
        out.append(f)
    return out


def _explained_cells(f: Finding) -> set[str]:
    """The cells a finding explains the blankness of."""
    cells = set(f.cells)
    if f.code == "R12.old_other_row":  # the three 2021 rows are absent because of it
        for c in f.cells:
            col = c.rsplit(".", 1)[1]
            cells.update(f"t3.{r}.{col}" for r in ("r_other_nocorrect", "r_other_nofee", "r_other_else"))
    return cells


_EXPLAINERS = (
    "R06.",
    "R07.",
    "R12.old_other_row",
    "R12.other_labels",
)  # codes whose cells explain a note's blanks


def _fold(findings: list[Finding]) -> list[Finding]:
    """Fold each ``*.na`` note whose blank cells are all explained by other findings under the
    first of those findings."""
    explainers = [(f, _explained_cells(f)) for f in findings if f.code.startswith(_EXPLAINERS)]
    if not explainers:
        return findings
    out: list[Finding] = []
    for f in findings:
        missing = f.params.get("missing") if f.code.endswith(".na") else None
        if missing:
            need = set(missing)
            hosts = [(h, cells) for h, cells in explainers if not need.isdisjoint(cells)]
            covered = set().union(*(cells for _h, cells in hosts)) if hosts else set()
            if hosts and need <= covered:
                hosts[0][0].folded.append(f)
                continue
        out.append(f)
    return out
