"""Built-in checks on the tables themselves: R05–R08, R12, and the reader/reconstruction notes
that become D05/D06 findings."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from gov_review.core.check.emit import emit
from gov_review.core.formats.pack import load_pack
from gov_review.core.formats.templates import CellInfo, Template, get_template
from gov_review.core.model import Finding, ReportData, SourceDocument
from gov_review.core.text.normalize import ParsedValue, fmt_number, norm, parse_value

TABLE_ZH = {"t2": "表二", "t3": "表三", "t4": "表四", "?": "表格"}
FORMAT_ZH = {"2019": "2019 版（试行）", "2021": "2021 版"}
# Totals and their parts, for "a total is blank while its parts are filled" (R07 error).
T3_PARTS = ["c_natural", "c_biz", "c_research", "c_ngo", "c_legal", "c_org_other"]
T4_PARTS = ["c_upheld", "c_corrected", "c_other", "c_pending"]


@dataclass(frozen=True, slots=True)
class _Layout:
    """What the table checks need from a format's template, worked out once per format."""

    # (table, row id, its cell ids, its label if all its cells share it) in print order
    rows: tuple[tuple[str, str, tuple[str, ...], str | None], ...]
    totals: tuple[tuple[str, tuple[str, ...]], ...]  # (total cell, its parts)


_LAYOUTS: dict[str, tuple[Template, _Layout]] = {}


def _layout(tpl: Template) -> _Layout:
    hit = _LAYOUTS.get(tpl.format)
    if hit is None or hit[0] is not tpl:
        rows: dict[tuple[str, str, str | None], list[CellInfo]] = {}
        for info in tpl.cells.values():
            rows.setdefault((info.table, info.row, info.sub), []).append(info)
        totals = [(f"t3.{r}.c_total", [f"t3.{r}.{c}" for c in T3_PARTS]) for r in tpl.t3_rows]
        totals += [
            (f"t3.r_total.{c}", [f"t3.{r}.{c}" for r in tpl.groups["g_outcomes"]]) for c in tpl.t3_cols
        ]
        totals += [(f"t4.{g}.c_total", [f"t4.{g}.{c}" for c in T4_PARTS]) for g in tpl.t4_groups]
        layout = _Layout(
            rows=tuple(
                (t, r, tuple(i.id for i in infos), _shared({i.row_label for i in infos}))
                for (t, r, _sub), infos in rows.items()
            ),
            totals=tuple((cid, tuple(parts)) for cid, parts in totals),
        )
        hit = _LAYOUTS[tpl.format] = (tpl, layout)
    return hit[1]


def _shared(labels: set[str]) -> str | None:
    return next(iter(labels)) if len(labels) == 1 else None


def check_tables(doc: SourceDocument, data: ReportData) -> list[Finding]:
    out: list[Finding] = []
    if data.format is None:
        for table in ("t2", "t3", "t4"):
            out.append(emit("R06", "missing_table", table=TABLE_ZH[table]))
        return out
    tpl = get_template(data.format)
    by_rows, old_other = _from_rows(data, tpl)
    out = by_rows
    out += _runtogether(data, tpl.cells)
    out += _conflicts(data, tpl.cells)
    seen: dict[str, tuple[ParsedValue, bool]] = {}  # every distinct cell text, filled by _values
    out += _values(data, tpl.cells, seen)
    out += _format(data, old_other)
    raws = "".join(seen)
    odd = [ch for ch in ODD_CHARS if ch in raws]
    out += _notes(doc, data, odd)
    return out


ODD_CHARS = ("．", "\\", "／")  # a full-width dot or a slash where a number or label is expected


def _from_rows(data: ReportData, tpl: Template) -> tuple[list[Finding], bool]:
    """The findings about tables and rows (absent, partly absent, placed by order, blank)."""
    out: list[Finding] = []
    found = data.tables_found
    for table in ("t2", "t3", "t4"):
        if not found.get(table):
            out.append(emit("R06", "missing_table", tpl.ids_for(table), table=TABLE_ZH[table]))
    old_other = _old_other_row(data)
    if old_other:
        out.append(old_other)
    by_id = data.cells
    for table, row, ids, label in _layout(tpl).rows:
        if not found.get(table) or (old_other and row.startswith("r_other_")):
            continue
        cells = [by_id[cid] for cid in ids if cid in by_id]
        if not cells:
            continue
        missing = []
        ordered = []
        blanks = []
        for c in cells:
            placement = c.placement
            if placement == "missing":
                missing.append(c)
                continue
            if placement == "order":
                ordered.append(c)
            if c.value is None and parse_value(c.raw).status == "blank":
                blanks.append(c)
        if not (missing or ordered or blanks):
            continue
        where = (tpl, TABLE_ZH[table], label if label is not None else tpl.cells[cells[0].id].row_label)
        if missing and len(missing) == len(cells):
            out.append(_row_finding("R06", "missing_row", cells, where))
            continue
        if missing:
            out.append(_row_finding("R06", "missing_cells", missing, where))
        if ordered:
            out.append(_row_finding("R06", "order_only", ordered, where))
        if blanks:
            out.append(_row_finding("R07", "blank", blanks, where))
    out += _totals_blank(data, tpl)
    return out, old_other is not None


def _row_finding(rule: str, code: str, subset: list, where: tuple) -> Finding:
    """A finding about some cells of one table row, named by table, row and columns."""
    tpl, table, row = where
    info = tpl.cells
    cols = "、".join([info[c.id].col_label for c in subset])
    cols_en = ", ".join(info[c.id].col_en for c in subset)
    return emit(
        rule, code, [c.id for c in subset], table=table, row=row, n=len(subset), cols=cols, cols_en=cols_en
    )


def _old_other_row(data: ReportData) -> Finding | None:
    """A 2021 report that writes （六）其他处理 as the 2019 format's single row."""
    if data.format != "2021":
        return None
    old = [f"t3.r_other.{c}" for c in [*T3_PARTS, "c_total"]]
    if not any(c in data.cells and data.cells[c].placement != "missing" for c in old):
        return None
    new_rows = [c for c in data.cells if c.startswith("t3.r_other_")]
    if any(data.cells[c].placement != "missing" for c in new_rows):
        return None
    values = " ".join(fmt_number(data.value(c)) for c in old)
    return emit("R12", "old_other_row", old, values=values)


MARKER_ZH = {
    "a9": "第二十条第（九）项",
    "c_new_made": "本年新制作数量",
    "c_new_pub": "本年新公开数量",
    "c_total_pub": "对外公开总数量",
    "c_prev": "上一年项目数量",
    "c_delta": "本年增/减",
    "c_count": "采购项目数量",
    "c_amount": "采购总金额",
    "r_other_service": "其他对外管理服务事项",
    "r_other": "（六）其他处理（一行）",
    "c_issued": "本年制发件数",
    "c_repealed": "本年废止件数",
    "c_in_force": "现行有效件数",
    "c_amount_wan": "本年收费金额（万元）",
    "r_other_nocorrect": "（六）1",
    "r_other_nofee": "（六）2",
    "r_other_else": "（六）3",
}


def _zh(markers: list[str]) -> str:
    return "、".join(MARKER_ZH.get(m, m) for m in markers)


def _runtogether(data: ReportData, infos: dict[str, CellInfo]) -> list[Finding]:
    out: list[Finding] = []
    rule = load_pack()["R06"]
    codes = {
        "runtogether_split": "split",
        "runtogether_split_columns": "split_columns",
        "runtogether_ambiguous": "ambiguous",
        "runtogether_none": "unsplittable",
        "row_unread": "row_width",  # a row whose values cannot be matched to its columns
        "runtogether_capped": "too_long",  # a digit run too long to decode within the work cap
    }
    for code, params in data.observations:
        if code not in codes:
            continue
        cells = params["cells"]
        info = infos.get(cells[0])
        row = info.row_label if info else ""
        options = params.get("options", [])
        finding = emit(
            "R06",
            codes[code],
            cells,
            table=TABLE_ZH.get(params["table"], "表格"),
            row=row if params["table"] == "t3" else "数据行",
            blob=params.get("blob", ""),
            values=" ".join(map(str, options[0])) if options else "",
            n=len(options),
            options="；".join(" ".join(map(str, o)) for o in options[:4]),
            **{k: params[k] for k in ("row_options", "cap", "count", "want", "digits") if k in params},
        )
        if "cap" in params:
            # Too many combinations of ambiguous rows to try against the column rules: say so.
            note = {k: params[k] for k in ("combinations", "cap")}
            finding.message += rule.message("cap_note", "zh").format(**note)
            finding.message_en += rule.message("cap_note", "en").format(**note)
        out.append(finding)
    return out


def _conflicts(data: ReportData, infos: dict[str, CellInfo]) -> list[Finding]:
    """Two rows claiming the same cells with different numbers (reconstruct/conflicts.py)."""
    out: list[Finding] = []
    for code, params in data.observations:
        if code != "duplicate_conflict":
            continue
        cells = params["cells"]
        info = infos.get(cells[0])
        first, second = params["places"]
        out.append(
            emit(
                "R06",
                "conflict",
                cells,
                table=TABLE_ZH.get(params["table"], "表格"),
                row=info.row_label if info else "",
                first=first,
                second=second,
                a=" ".join(params["values"][0]),
                b=" ".join(params["values"][1]),
            )
        )
    return out


def _totals_blank(data: ReportData, tpl: Template) -> list[Finding]:
    """A total left blank while some of its parts are filled."""
    out: list[Finding] = []
    cells = data.cells
    said: set[str] = set()  # a cell that totals its row and its column is named once
    for total_id, parts in _layout(tpl).totals:
        cell = cells.get(total_id)
        if cell is None or cell.placement == "missing" or cell.value is not None or total_id in said:
            continue
        if parse_value(cell.raw).status != "blank":
            continue
        for part in parts:
            c = cells.get(part)
            if c is not None and c.value is not None:  # a part is filled
                out.append(emit("R07", "total_blank", [total_id], label=tpl.cells[total_id].label_zh))
                said.add(total_id)
                break
    return out


def _values(
    data: ReportData, infos: dict[str, CellInfo], seen: dict[str, tuple[ParsedValue, bool]] | None = None
) -> list[Finding]:
    """Values that are not numbers, negative, fractional counts, units written into cells (R05, R08).

    ``seen`` is filled with every distinct cell text (the caller looks for odd characters in them).
    """
    out: list[Finding] = []
    info_of = infos.get
    # A report has a few distinct cell texts ("0" in a hundred cells): each is looked at once per
    # check. A whole number ≥ 0 without a unit, read from the cell's own text, gives nothing to
    # say about a count or an increase; only money has more to check (its magnitude).
    if seen is None:
        seen = {}
    money = _money_ids(infos)
    for cid, cell in data.cells.items():
        raw = cell.raw
        if raw is None:
            continue
        try:
            parsed, plain = seen[raw]
        except KeyError:
            parsed = parse_value(raw)
            plain = _plain(parsed)
            seen[raw] = (parsed, plain)
        if plain and cell.value is parsed.value:
            if cid in money and cell.placement != "ambiguous":
                out += _money(cid, raw.strip(), cell.value, parsed.unit, infos[cid])
            continue
        info = info_of(cid)
        if info is None or cell.placement == "ambiguous":
            continue
        label = info.label_zh
        if parsed.status == "invalid":
            out.append(emit("R05", "not_number", [cid], label=label, raw=raw.strip(), found=raw.strip()))
            continue
        value = cell.value
        if value is None:
            continue
        kind = info.kind
        if value < _ZERO and kind != "delta":
            out.append(emit("R05", "negative", [cid], label=label, value=fmt_number(value)))
        if (kind == "count" or kind == "delta") and value != value.to_integral_value():
            out.append(emit("R05", "decimal", [cid], label=label, value=fmt_number(value)))
        unit = parsed.unit
        if unit and kind != "money":
            out.append(
                emit(
                    "R08",
                    "unit_in_count",
                    [cid],
                    label=label,
                    raw=raw.strip(),
                    unit=unit,
                    value=fmt_number(value),
                )
            )
        elif kind == "money":
            out += _money(cid, raw.strip(), value, unit, info)
    return out


_ZERO = Decimal(0)


_MONEY: dict[int, tuple[dict[str, CellInfo], frozenset[str]]] = {}


def _money_ids(infos: dict[str, CellInfo]) -> frozenset[str]:
    """The money cells of a template's cells (worked out once per template)."""
    hit = _MONEY.get(id(infos))
    if hit is None or hit[0] is not infos:
        hit = _MONEY[id(infos)] = (infos, frozenset(c for c, i in infos.items() if i.kind == "money"))
    return hit[1]


def _plain(parsed: ParsedValue) -> bool:
    v = parsed.value
    return (
        parsed.status == "ok" and not parsed.unit and v is not None and v >= 0 and v == v.to_integral_value()
    )


def _money(cid: str, raw: str, value: Decimal, unit: str | None, info: CellInfo) -> list[Finding]:
    out: list[Finding] = []
    label = info.label_zh
    if unit:
        if unit == "元":
            converted = f"{fmt_number(value / 10000)} 万元"
        elif unit in ("万元", "万"):
            converted = f"{fmt_number(value * 10000)} 元"
        else:
            converted = raw
        out.append(
            emit(
                "R08",
                "unit_in_money",
                [cid],
                label=label,
                raw=raw,
                unit=unit,
                value=fmt_number(value),
                converted=converted,
            )
        )
    # Implausible magnitudes: a fee above 1 亿 in 万元 (= 1 万亿 元), or procurement over 1 万亿 元.
    yuan = value * 10000 if (info.unit == "万元" and unit != "元") or unit in ("万元", "万") else value
    if yuan > Decimal("1e12"):
        out.append(
            emit(
                "R08",
                "implausible",
                [cid],
                label=label,
                value=fmt_number(value),
                unit=unit or info.unit or "",
            )
        )
    return out


def _format(data: ReportData, has_old_other: bool) -> list[Finding]:
    out: list[Finding] = []
    ev = data.format_evidence
    m19, m21 = ev.get("markers_2019", []), ev.get("markers_2021", [])
    if has_old_other:
        m19 = [m for m in m19 if m != "r_other"]  # reported on its own, with the cells
    if data.year is not None:
        expected = "2021" if data.year >= 2021 else "2019"
        labels_fmt = "2019" if m19 and not m21 else "2021" if m21 and not m19 else None
        if labels_fmt is not None and labels_fmt != expected:
            markers = _zh(m19 if labels_fmt == "2019" else m21)
            out.append(
                emit(
                    "R12",
                    "format_year",
                    year=data.year,
                    expected_fmt=FORMAT_ZH[expected],
                    labels_fmt=FORMAT_ZH[labels_fmt],
                    markers=markers,
                )
            )
    if m19 and m21:
        expected = data.format or "2021"
        out.append(emit("R12", "mixed", m19=_zh(m19), m21=_zh(m21), expected_fmt=FORMAT_ZH[expected]))
    return out


def _notes(doc: SourceDocument, data: ReportData, odd: list[str]) -> list[Finding]:
    """The reader's notes (D05), odd characters in labels or cells, rows and values left over (D06)."""
    out: list[Finding] = []
    for code, params in doc.notes:
        if code == "bookmark_removed":
            out.append(emit("D05", "bookmark", count=params.get("count", 1)))
        elif code == "odd_spaces":
            out.append(emit("D05", "spaces", count=params.get("count", 1)))
        elif code == "tracked_changes":
            out.append(
                emit(
                    "D05",
                    "tracked_changes",
                    insertions=params.get("insertions", 0),
                    deletions=params.get("deletions", 0),
                )
            )
        elif code == "extension_mismatch":
            out.append(emit("D05", "extension", ext=params.get("ext", ""), actual=params.get("actual", "")))
    labels_odd = _odd_label_chars(doc)
    if labels_odd or odd:
        out.append(emit("D05", "label_chars", chars=" ".join(sorted(set(labels_odd) | set(odd)))))
    for u in data.unplaced:
        if u.reason in ("extra_row", "value_without_label"):
            out.append(
                emit(
                    "D06",
                    "extra_row",
                    anchor=u.anchor,
                    table=TABLE_ZH.get(u.table, "表格"),
                    text=norm(u.text)[:60],
                )
            )
        elif u.reason == "extra_value":
            out.append(
                emit(
                    "D06",
                    "extra_value",
                    anchor=u.anchor,
                    table=TABLE_ZH.get(u.table, "表格"),
                    text=u.text.strip()[:30],
                )
            )
    return out


def _odd_label_chars(doc: SourceDocument) -> list[str]:
    text = "\n".join([c.text for table in doc.tables for row in table.rows for c in row])
    return [ch for ch in ODD_CHARS if ch in text]
