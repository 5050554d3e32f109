"""Raw tables → canonical cells, by normalised labels, never by position alone.

Rows are classified into tables 二/三/四 by their labels (and by the section they sit in), then:
- a row's *label cells* name the row (with the group context of merged label columns);
- the header rows name the columns; header groups (申请人情况 → 自然人 | 法人或其他组织 → …) are
  expanded top-down, so reordered columns (seed 002's 总计 in the first header row) land right;
- a row's *value cells* are the cells after its last label, mapped in the header's column order.
Every cell records how it was placed and how sure the match is; what cannot be placed is reported.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from gov_review.core.formats.labels import TemplateIndexes, template_indexes, text_info
from gov_review.core.locate.meta import detect_body, find_title, find_year, stats_period_year
from gov_review.core.locate.sections import locate_sections, section_numbers, split_rows
from gov_review.core.model import RawCell, ReportData, SourceDocument
from gov_review.core.reconstruct.conflicts import mark_conflicts
from gov_review.core.reconstruct.headers import (
    T3_HEADER_STREAMS,
    T4_HEADER_STREAMS,
    expand_header,
    flat_keys,
    header_keys,
    rows_lost,
)
from gov_review.core.reconstruct.placement import (
    FOUND,
    MARK,
    OBSERVE,
    PLACE,
    SPLIT,
    UNPLACED,
    UNPLACED_TEXT,
    UNREAD,
    Placements,
    Plan,
    apply_plan,
    placed_cells,
    splits,
)
from gov_review.core.text.normalize import parse_value, strip_numbering
from gov_review.core.text.runtogether import any_row, t3_row_ok, t4_row_ok

_CAPTION_RE = re.compile(r"第二十条第?\(?([一二三四五六七八九十]+)\)?项")
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

MARKERS_2019 = {
    "c_new_made",
    "c_new_pub",
    "c_total_pub",
    "c_prev",
    "c_delta",
    "c_count",
    "c_amount",
    "a9",
    "r_other_service",
    "r_other",
}
MARKERS_2021 = {
    "c_issued",
    "c_repealed",
    "c_in_force",
    "c_amount_wan",
    "r_other_nocorrect",
    "r_other_nofee",
    "r_other_else",
}


# ------------------------------------------------------------------------------------------------
# Table 二


def _plan_t2(rows: list[list[RawCell]], fmt_hint: str | None) -> Plan:
    idx = template_indexes()
    plan: list[tuple[Any, ...]] = []
    sub: str | None = None
    header: list[tuple[str | None, float]] | None = None
    for r, cells in enumerate(rows):
        infos = [text_info(c.text) for c in cells]
        joined = "".join([n for n, _lab in infos])
        # The caption regex needs 第二十条: most rows are spared the search.
        m = _CAPTION_RE.search(joined) if "第二十条" in joined else None
        if m and len(joined) < 30:
            sub = f"a{_cn_number(m.group(1))}"
            header = None
            plan.append((FOUND, "t2"))
            if sub == "a9":
                plan.append((MARK, "a9"))
            continue
        first = next((i for i, (_n, lab) in enumerate(infos) if lab), None)
        if first is None:
            if joined:
                plan.extend(
                    (UNPLACED, "t2", r, c, "value_without_label") for c, (n, _lab) in enumerate(infos) if n
                )
            continue
        first_text = infos[first][0]
        if first_text == "信息内容" or strip_numbering(first_text) == "信息内容":
            header = [
                idx.t2_cols.match(c.text) if lab else (None, 0.0)
                for c, (_n, lab) in zip(cells[first + 1 :], infos[first + 1 :], strict=True)
            ]
            for col, _conf in header:
                if col in MARKERS_2019 or col in MARKERS_2021:
                    plan.append((MARK, col))
            continue
        key, conf = idx.t2_rows.match(cells[first].text)
        if key is None:
            text = " ".join(c.text for c in cells if c.text)
            plan.append((UNPLACED_TEXT, "t2", r, first, "extra_row", text))
            continue
        row_sub, row_id = key.split(".")
        if row_id in MARKERS_2019:
            plan.append((MARK, row_id))
        nvalues = len(cells) - first - 1
        if header is not None and sub == row_sub and len(header) >= nvalues:
            cols = header
            placement = "label"
        else:
            fmt = fmt_hint or "2021"
            cols = [(c, 0.8) for c in idx.t2_default_cols[fmt].get(row_sub, [])]
            placement = "order"
            plan.append((OBSERVE, "t2_no_header", {"row": row_id}))
        prefix = f"t2.{row_sub}.{row_id}."
        ncols = len([c for c, _conf in cols if c is not None])
        ids = tuple(prefix + c for c, _conf in cols if c is not None)
        filled = [c for c in range(first + 1, len(cells)) if infos[c][0]]
        tried_split = False
        if placement == "label" and len(filled) == 1 and nvalues < ncols and len(infos[filled[0]][0]) > 1:
            plan.append((SPLIT, "t2", r, filled[0], ids, any_row))
            if splits(cells[filled[0]].text, ncols, any_row):
                continue
            tried_split = True
        value_cells = _value_cells(infos, first + 1, ncols) if ncols else None
        if ncols and value_cells is None:
            plan.append((UNREAD, "t2", r, first + 1, ids, len(filled), ncols, not tried_split))
            continue
        if placement == "order" and value_cells is not None:
            positions = value_cells  # one per column of the standard order
        else:
            positions = list(range(first + 1, len(cells)))  # the header's columns, cell by cell
        items: list[tuple[int, str | None, float, str]] = []
        for i, c in enumerate(positions):
            col_id = cols[i][0] if i < len(cols) else None
            if col_id is None:
                if infos[c][0]:
                    items.append((c, None, 0.0, "extra_value"))
                continue
            items.append((c, prefix + col_id, min(conf, cols[i][1]), placement))
        if items:
            plan.append((PLACE, "t2", r, tuple(items)))
    return tuple(plan)


def _value_cells(infos: list[tuple[str, bool]], first_value: int, ncols: int) -> list[int] | None:
    """The cells that hold a row's values, one per column in column order, or None when they cannot
    be matched to the columns (such a row is never filled from the left):

    - fewer cells than columns, or more filled cells than columns;
    - more cells than columns with a value beyond the last column: a stray cell before it (an
      extra ``|``, an empty cell) would shift every value after it into the next column, and which
      cell is the stray one cannot be told. When every column has its value (as many filled cells
      as columns), the empty cells are the stray ones.
    """
    cells = list(range(first_value, len(infos)))
    filled = [c for c in cells if infos[c][0]]
    if len(cells) < ncols or len(filled) > ncols:
        return None
    if len(cells) == ncols:
        return cells
    if len(filled) == ncols:
        return filled
    if any(infos[c][0] for c in cells[ncols:]):
        return None
    return cells[:ncols]  # the cells past the last column are empty


def _cn_number(s: str) -> int:
    if s == "十":
        return 10
    if len(s) == 2 and s[0] == "十":
        return 10 + _CN_DIGITS.get(s[1], 0)
    return _CN_DIGITS.get(s, 0)


# ------------------------------------------------------------------------------------------------
# Table 三


T3_DEFAULT_COLS = ["c_natural", "c_biz", "c_research", "c_ngo", "c_legal", "c_org_other", "c_total"]
_T3_DEFAULT_SORTED = sorted(T3_DEFAULT_COLS)
T3_TOP_ROWS = {"r_new", "r_carry", "r_fwd"}
_T3_NAMED_GROUPS = frozenset(("deny", "unable", "reject", "other"))


def _plan_t3(rows: list[list[RawCell]]) -> Plan:
    idx = template_indexes()
    plan: list[tuple[Any, ...]] = []
    header_rows: list[list[str]] = []
    data_start = len(rows)
    for i, cells in enumerate(rows):
        if _t3_data_label(cells, idx) is not None:
            data_start = i
            break
        header_rows.append(header_keys(cells, idx.t3_header))
    if data_start < len(rows):
        plan.append((FOUND, "t3"))
    leaves = expand_header(header_rows, idx.t3_header_groups)
    cols = [p[-1] for p in leaves]
    col_conf = 1.0
    placement = "label"
    if rows_lost(header_rows, idx.t3_header_groups):
        cols = T3_DEFAULT_COLS if flat_keys(header_rows) in T3_HEADER_STREAMS else []
    if sorted(cols) != _T3_DEFAULT_SORTED:
        if header_rows and any(header_rows):
            plan.append((OBSERVE, "t3_header_unclear", {"found": cols}))
        cols = T3_DEFAULT_COLS
        col_conf = 0.7
        placement = "order"
    ncols = len(cols)
    group: str | None = None
    for r in range(data_start, len(rows)):
        cells = rows[r]
        infos = [text_info(c.text) for c in cells]
        label_idx = [i for i, (_n, lab) in enumerate(infos) if lab]
        if not label_idx:
            if any(n for n, _lab in infos):
                text = " ".join(c.text for c in cells)
                plan.append((UNPLACED_TEXT, "t3", r, 0, "value_without_label", text))
            continue
        # Group labels among the row's label cells set the context for the leaf.
        for i in label_idx[:-1]:
            g, _ = idx.t3_groups.match(cells[i].text)
            if g is not None:
                group = g
        last = label_idx[-1]
        leaf = cells[last]
        if len(label_idx) == 1 and last == len(cells) - 1:
            g, gconf = idx.t3_groups.match(leaf.text)
            if g is not None and gconf == 1.0:
                group = g  # a group label alone on its row (one cell per line: （六）其他处理)
                continue
        row_id, conf = _match_t3_row(leaf.text, group, idx)
        first_value = last + 1
        if row_id is None:
            g, _ = idx.t3_groups.match(leaf.text)
            if g is not None and not any(n for n, _lab in infos[first_value:]):
                group = g  # a group label alone on its row (e.g. 三、本年度办理结果 split off)
                continue
            text = " ".join(c.text for c in cells if c.text)
            plan.append((UNPLACED_TEXT, "t3", r, last, "extra_row", text))
            continue
        if row_id in T3_TOP_ROWS or idx.t3_row_group_of.get(row_id) == "outcomes":
            group = None if row_id != "r_other" else group
        if row_id in MARKERS_2019 or row_id in MARKERS_2021:
            plan.append((MARK, row_id))
        nvalues = len(cells) - first_value
        ids = [f"t3.{row_id}.{c}" for c in cols]
        filled = [c for c in range(first_value, len(cells)) if infos[c][0]]
        tried_split = False
        if len(filled) == 1 and nvalues < ncols and len(infos[filled[0]][0]) > 1:
            plan.append((SPLIT, "t3", r, filled[0], tuple(ids), t3_row_ok))
            if splits(cells[filled[0]].text, len(ids), t3_row_ok):
                continue
            tried_split = True
        value_cells = _value_cells(infos, first_value, ncols)
        if value_cells is None:
            plan.append((UNREAD, "t3", r, first_value, tuple(ids), len(filled), ncols, not tried_split))
            continue
        if nvalues != ncols:
            plan.append((OBSERVE, "t3_row_width", {"row": row_id, "found": nvalues, "expected": ncols}))
        width_conf = 1.0 if nvalues == ncols else 0.6
        confidence = min(conf, col_conf, width_conf)
        how = placement if width_conf == 1.0 else "order"
        items: list[tuple[int, str | None, float, str]] = [
            (c, ids[i], confidence, how) for i, c in enumerate(value_cells)
        ]
        if items:
            plan.append((PLACE, "t3", r, tuple(items)))
    return tuple(plan)


def _t3_data_label(cells: list[RawCell], idx: TemplateIndexes) -> str | None:
    for c in cells:
        if text_info(c.text)[1]:
            key, _ = idx.t3_rows.match(c.text, _T3_DATA_START)
            if key is not None:
                return key
    return None


_T3_DATA_START = frozenset({"r_new", "r_carry"})


@cache
def _t3_group_rows(group: str) -> frozenset[str]:
    return frozenset(r for r, g in template_indexes().t3_row_group_of.items() if g == group)


def _match_t3_row(text: str, group: str | None, idx: TemplateIndexes) -> tuple[str | None, float]:
    if group in _T3_NAMED_GROUPS:
        allowed = _t3_group_rows(group)
        key, conf = idx.t3_rows.match(text, allowed)
        if key is not None and conf >= 0.85:
            return key, conf
    key, conf = idx.t3_rows.match(text)
    if key == "r_other_else" and group != "other":
        return None, 0.0  # a bare 其他 outside （六） names nothing we know
    return key, conf


# ------------------------------------------------------------------------------------------------
# Table 四

T4_DEFAULT = [
    (g, c)
    for g in ("review", "lit_direct", "lit_post")
    for c in ("c_upheld", "c_corrected", "c_other", "c_pending", "c_total")
]
_T4_DEFAULT_SORTED = sorted(T4_DEFAULT)
_T4_GROUPS = frozenset(("review", "lit_direct", "lit_post"))


def _plan_t4(rows: list[list[RawCell]]) -> Plan:
    idx = template_indexes()
    plan: list[tuple[Any, ...]] = []
    header_rows: list[list[str]] = []
    data_rows: list[int] = []
    for r, cells in enumerate(rows):
        keys = header_keys(cells, idx.t4_header)
        has_values = any(parse_value(c.text).status == "ok" for c in cells)
        if keys and not has_values and not data_rows:
            header_rows.append(keys)
        elif header_rows or has_values:
            data_rows.append(r)
    leaves = expand_header(header_rows, idx.t4_header_groups)
    cols: list[tuple[str, str]] = []
    for path in leaves:
        groups_in_path = [p for p in path if p in _T4_GROUPS]
        if groups_in_path and path[-1].startswith("c_"):
            cols.append((groups_in_path[-1], path[-1]))
    if rows_lost(header_rows, idx.t4_header_groups):
        cols = T4_DEFAULT if flat_keys(header_rows) in T4_HEADER_STREAMS else []
    conf, placement = 1.0, "label"
    if sorted(cols) != _T4_DEFAULT_SORTED:
        if header_rows:
            plan.append((OBSERVE, "t4_header_unclear", {"found": [f"{g}.{c}" for g, c in cols]}))
        cols, conf, placement = T4_DEFAULT, 0.7, "order"
    if not data_rows:
        return tuple(plan)
    plan.append((FOUND, "t4"))
    r = data_rows[0]
    cells = rows[r]
    infos = [text_info(c.text) for c in cells]
    label_idx = [i for i, (_n, lab) in enumerate(infos) if lab]
    first_value = label_idx[-1] + 1 if label_idx else 0
    nvalues = len(cells) - first_value
    ncols = len(cols)
    ids = [f"t4.{g}.{c}" for g, c in cols]
    filled = [c for c in range(first_value, len(cells)) if infos[c][0]]
    tried_split = False
    if len(filled) == 1 and nvalues < ncols and len(infos[filled[0]][0]) > 1:
        plan.append((SPLIT, "t4", r, filled[0], tuple(ids), t4_row_ok))
        if splits(cells[filled[0]].text, ncols, t4_row_ok):
            return tuple(plan)
        tried_split = True
    value_cells = _value_cells(infos, first_value, ncols)
    if value_cells is None:
        plan.append((UNREAD, "t4", r, first_value, tuple(ids), len(filled), ncols, not tried_split))
        return tuple(plan)
    if nvalues != ncols:
        plan.append((OBSERVE, "t4_row_width", {"found": nvalues, "expected": ncols}))
    confidence = conf if nvalues == ncols else 0.6
    items: list[tuple[int, str | None, float, str]] = [
        (c, ids[i], confidence, placement) for i, c in enumerate(value_cells)
    ]
    if items:
        plan.append((PLACE, "t4", r, tuple(items)))
    for extra in data_rows[1:]:
        if any(text_info(c.text)[0] for c in rows[extra]):
            text = " ".join(c.text for c in rows[extra])
            plan.append((UNPLACED_TEXT, "t4", extra, 0, "extra_row", text))
    return tuple(plan)


# ------------------------------------------------------------------------------------------------


def detect_format(markers: set[str], year: int | None) -> tuple[str | None, dict[str, Any]]:
    m19 = sorted(markers & MARKERS_2019)
    m21 = sorted(markers & MARKERS_2021)
    by_year = None if year is None else ("2021" if year >= 2021 else "2019")
    if m19 and not m21:
        fmt = "2019"
    elif m21 and not m19:
        fmt = "2021"
    elif m19 and m21:
        fmt = "2021" if len(m21) > len(m19) else "2019" if len(m19) > len(m21) else (by_year or "2021")
    else:
        fmt = by_year
    evidence = {"markers_2019": m19, "markers_2021": m21, "by_year": by_year, "mixed": bool(m19 and m21)}
    return fmt, evidence


def reconstruct(doc: SourceDocument) -> ReportData:
    sections = locate_sections(doc)
    title, _ = find_title(doc, sections)
    year = find_year(title, doc)
    body, other_names = detect_body(title, doc)

    res = Placements()
    split, _texts = split_rows(doc, section_numbers(doc, sections))
    fmt_hint = None if year is None else ("2021" if year >= 2021 else "2019")
    p3, p4 = _plan_t3(split["t3"]), _plan_t4(split["t4"])
    apply_plan(p3, split["t3"], res)
    apply_plan(p4, split["t4"], res)
    # Table 二's defaults depend on the format, which table 三 may already have told us.
    t2_fmt = detect_format(set(res.markers), year)[0] or fmt_hint
    p2 = _plan_t2(split["t2"], t2_fmt)
    apply_plan(p2, split["t2"], res)
    fmt, evidence = detect_format(res.markers, year)
    if res.ambiguous and fmt is not None:
        res.narrow_runtogether(fmt)
    cells = placed_cells(fmt, res)

    observations = list(res.observations)
    mark_conflicts(((p3, split["t3"]), (p4, split["t4"]), (p2, split["t2"])), cells, observations)
    if other_names:
        observations.append(("body_names", {"names": sorted(set(other_names))}))
    period = stats_period_year(doc)
    if period is not None:
        observations.append(("stats_period", {"year": period[0]}))
    return ReportData(
        format=fmt,
        year=year,
        body=body,
        cells=cells,
        title=title,
        sections=sections,
        unplaced=res.unplaced,
        observations=observations,
        format_evidence=evidence,
        tables_found={t: res.found.get(t, False) for t in ("t2", "t3", "t4")},
    )
