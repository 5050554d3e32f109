"""The two national formats, loaded from ``resources/templates/format_*.json``.

A Template knows every canonical cell id of its format (FORMATS.md), each cell's Chinese and English
label path, its kind (count / delta / money) and the short labels used in equations.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

FORMATS = ("2019", "2021")


@dataclass(frozen=True, slots=True)
class CellInfo:
    id: str
    table: str  # t2 | t3 | t4
    sub: str | None  # a1/a5/... for t2, None otherwise
    row: str  # row id (t4: the group id)
    col: str
    kind: str  # count | delta | money
    label_zh: str  # "表三 · （七）总计 · 总计"
    label_en: str
    row_short: str  # "（七）"
    col_short: str  # "总计"
    unit: str | None = None
    row_label: str = ""  # "（七）总计", "（三）1.属于国家秘密", "规章", "行政复议"
    col_label: str = ""  # "总计", "本年新制作数量", "结果维持"

    @property
    def col_en(self) -> str:
        """The column's name in English (the last part of ``label_en``)."""
        return self.label_en.rsplit(" · ", 1)[-1]


@dataclass(slots=True)
class Template:
    format: str
    raw: dict[str, Any]
    cells: dict[str, CellInfo] = field(default_factory=dict)  # ordered as the format prints them
    t3_rows: list[str] = field(default_factory=list)
    t3_cols: list[str] = field(default_factory=list)
    t4_groups: list[str] = field(default_factory=list)
    t4_cols: list[str] = field(default_factory=list)
    groups: dict[str, list[str]] = field(default_factory=dict)  # g_deny -> [r_deny_secret, ...]

    @property
    def sections(self) -> list[dict[str, Any]]:
        return self.raw["sections"]

    @property
    def t2_subtables(self) -> list[dict[str, Any]]:
        return self.raw["t2"]["subtables"]

    def t3_row(self, row_id: str) -> dict[str, Any]:
        return next(r for r in self.raw["t3"]["rows"] if r["id"] == row_id)

    def ids_for(self, table: str) -> list[str]:
        return [cid for cid, info in self.cells.items() if info.table == table]


def _build(fmt: str, raw: dict[str, Any]) -> Template:
    tpl = Template(format=fmt, raw=raw)
    # Table 2
    for sub in raw["t2"]["subtables"]:
        caption = sub["caption"]
        for row in sub["rows"]:
            for col in sub["columns"]:
                cid = f"t2.{sub['id']}.{row['id']}.{col['id']}"
                tpl.cells[cid] = CellInfo(
                    id=cid,
                    table="t2",
                    sub=sub["id"],
                    row=row["id"],
                    col=col["id"],
                    kind=col.get("kind", "count"),
                    label_zh=f"表二 · {caption} · {row['label']} · {col['label']}",
                    label_en=f"Table 2 · Art. 20 ({sub['id'][1:]}) · {row['en']} · {col['en']}",
                    row_short=row["label"],
                    col_short=col["short"],
                    unit=col.get("unit"),
                    row_label=row["label"],
                    col_label=col["label"],
                )
    # Table 3
    t3 = raw["t3"]
    groups = {g["id"]: g for g in t3["row_groups"]}
    tpl.t3_cols = [c["id"] for c in t3["columns"]]
    for row in t3["rows"]:
        tpl.t3_rows.append(row["id"])
        group = groups.get(row.get("group", ""))
        path = [row["number"] + row["label"]] if row.get("number") else [row["label"]]
        row_label = row.get("number", "") + row["label"]
        if group and group["id"] != "outcomes":
            path.insert(0, group["number"] + group["label"])
            row_label = group["number"] + row_label
        if row["id"] == "r_partial":
            row_label = "（二）部分公开"
        for col in t3["columns"]:
            cid = f"t3.{row['id']}.{col['id']}"
            tpl.cells[cid] = CellInfo(
                id=cid,
                table="t3",
                sub=None,
                row=row["id"],
                col=col["id"],
                kind="count",
                label_zh="表三 · " + " · ".join([*path, col["label"]]),
                label_en=f"Table 3 · {row['en']} · {col['en']}",
                row_short=row["short"],
                col_short=col["short"],
                row_label=row_label,
                col_label=col["label"],
            )
    for gid in ("deny", "unable", "reject"):
        tpl.groups[f"g_{gid}"] = [r["id"] for r in t3["rows"] if r.get("group") == gid]
    tpl.groups["g_other"] = (
        ["r_other"] if fmt == "2019" else [r["id"] for r in t3["rows"] if r.get("group") == "other"]
    )
    tpl.groups["g_outcomes"] = [
        "r_open",
        "r_partial",
        *tpl.groups["g_deny"],
        *tpl.groups["g_unable"],
        *tpl.groups["g_reject"],
        *tpl.groups["g_other"],
    ]
    # Table 4
    t4 = raw["t4"]
    tpl.t4_cols = [c["id"] for c in t4["columns"]]
    for group in t4["groups"]:
        tpl.t4_groups.append(group["id"])
        parent = "行政诉讼 · " if group.get("parent") == "litigation" else ""
        for col in t4["columns"]:
            cid = f"t4.{group['id']}.{col['id']}"
            tpl.cells[cid] = CellInfo(
                id=cid,
                table="t4",
                sub=None,
                row=group["id"],
                col=col["id"],
                kind="count",
                label_zh=f"表四 · {parent}{group['label']} · {col['label']}",
                label_en=f"Table 4 · {group['en']} · {col['en']}",
                row_short=group["label"],
                col_short=col["short"],
                row_label=group["label"],
                col_label=col["label"],
            )
    return tpl


def _load_json(name: str) -> dict[str, Any]:
    ref = resources.files("gov_review.resources").joinpath(name)
    return json.loads(ref.read_text(encoding="utf-8"))


@cache
def get_template(fmt: str) -> Template:
    if fmt not in FORMATS:
        raise KeyError(fmt)
    return _build(fmt, _load_json(f"templates/format_{fmt}.json"))


@cache
def all_cell_info() -> dict[str, CellInfo]:
    """Every cell id of either format (2021 wins where both define the same id)."""
    out: dict[str, CellInfo] = {}
    for fmt in FORMATS:
        out.update(get_template(fmt).cells)
    return out


def cell_info(cell_id: str, fmt: str | None = None) -> CellInfo | None:
    if fmt in FORMATS:
        info = get_template(fmt).cells.get(cell_id)
        if info is not None:
            return info
    return all_cell_info().get(cell_id)
