"""The national format's tables as printed: grids of merged cells (captions, header blocks,
hierarchical row labels and the data cells, each with its row/column span), read from the templates.

The one description of the tables' layout: the window's grid shows these items (its view calls
``setSpan`` for every item wider or taller than one cell) and the .docx generator writes them as
Word's merged cells (export/docx_generate.py), so both read like ``template_2021.docx``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from gov_review.core.formats.templates import get_template

HEADER, LABEL, DATA = "header", "label", "data"


@dataclass(slots=True)
class GridItem:
    row: int
    col: int
    kind: str  # header | label | data
    zh: str = ""
    en: str = ""
    cell_id: str | None = None
    rowspan: int = 1
    colspan: int = 1


@dataclass(slots=True)
class GridLayout:
    table: str
    rows: int
    cols: int
    items: list[GridItem]
    header_rows: int = 0
    label_cols: int = 0
    at: dict[tuple[int, int], GridItem] = field(default_factory=dict)  # origin positions only
    where: dict[str, tuple[int, int]] = field(default_factory=dict)  # cell id -> position

    def __post_init__(self) -> None:
        for it in self.items:
            self.at[(it.row, it.col)] = it
            if it.cell_id:
                self.where[it.cell_id] = (it.row, it.col)

    def spans(self) -> list[GridItem]:
        return [it for it in self.items if it.rowspan > 1 or it.colspan > 1]


def _t2(fmt: str) -> GridLayout:
    tpl = get_template(fmt)
    width = max(len(sub["columns"]) for sub in tpl.t2_subtables)
    items: list[GridItem] = []
    r = 0
    for sub in tpl.t2_subtables:
        n = sub["id"][1:]
        items.append(GridItem(r, 0, HEADER, sub["caption"], f"Article 20 item ({n})", colspan=width + 1))
        r += 1
        cols = sub["columns"]
        spans = [1] * len(cols)
        spans[-1] = width - len(cols) + 1  # the last column fills the row, as the format prints it
        items.append(GridItem(r, 0, HEADER, "信息内容", "Information"))
        c = 1
        for col, span in zip(cols, spans, strict=True):
            items.append(GridItem(r, c, HEADER, col["label"], col["en"], colspan=span))
            c += span
        r += 1
        for row in sub["rows"]:
            items.append(GridItem(r, 0, LABEL, row["label"], row["en"]))
            c = 1
            for col, span in zip(cols, spans, strict=True):
                cid = f"t2.{sub['id']}.{row['id']}.{col['id']}"
                items.append(GridItem(r, c, DATA, cell_id=cid, colspan=span))
                c += span
            r += 1
    return GridLayout("t2", r, width + 1, items, header_rows=0, label_cols=1)


def _t3(fmt: str) -> GridLayout:
    tpl = get_template(fmt)
    t3 = tpl.raw["t3"]
    cols = t3["columns"]
    groups = {g["id"]: g for g in t3["row_groups"]}
    legal = next(g for g in t3["header_groups"] if g["id"] == "legal")
    applicant = next(g for g in t3["header_groups"] if g["id"] == "applicant")
    L = 3  # label columns
    items = [
        GridItem(
            0,
            0,
            HEADER,
            t3["corner"],
            "(Rule printed in the format: I + II = III + IV)",
            rowspan=3,
            colspan=L,
        ),
        GridItem(0, L, HEADER, applicant["label"], "Applicants", colspan=len(cols)),
        GridItem(1, L, HEADER, cols[0]["label"], cols[0]["en"], rowspan=2),
        GridItem(
            1, L + 1, HEADER, legal["label"], "Legal persons or other organisations", colspan=len(cols) - 2
        ),
        GridItem(1, L + len(cols) - 1, HEADER, cols[-1]["label"], cols[-1]["en"], rowspan=2),
    ]
    for i, col in enumerate(cols[1:-1], start=1):
        items.append(GridItem(2, L + i, HEADER, col["label"], col["en"]))
    rows = t3["rows"]
    first = 3
    # how many leaf rows each group covers, to span its label
    members: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        g = row.get("group")
        if g:
            members.setdefault(g, []).append(i)
            parent = groups.get(g, {}).get("parent")
            if parent:
                members.setdefault(parent, []).append(i)
    placed: set[str] = set()
    for i, row in enumerate(rows):
        r = first + i
        g = row.get("group")
        number = row.get("number", "")
        if not g:
            items.append(
                GridItem(r, 0, LABEL, number + row["label"], _en_number(number) + row["en"], colspan=L)
            )
        else:
            top = groups[g].get("parent") or g  # "outcomes"
            if top not in placed:
                placed.add(top)
                og = groups[top]
                items.append(
                    GridItem(
                        r, 0, LABEL, og["number"] + og["label"], "III. " + og["en"], rowspan=len(members[top])
                    )
                )
            if g == top:  # （一）（二）（六）（七）: a label over both inner columns
                items.append(GridItem(r, 1, LABEL, number + row["label"], number + row["en"], colspan=2))
            else:
                if g not in placed:
                    placed.add(g)
                    grp = groups[g]
                    items.append(
                        GridItem(
                            r,
                            1,
                            LABEL,
                            grp["number"] + grp["label"],
                            grp["number"] + grp["en"],
                            rowspan=len(members[g]),
                        )
                    )
                items.append(GridItem(r, 2, LABEL, number + row["label"], number + row["en"]))
        for j, col in enumerate(cols):
            items.append(GridItem(r, L + j, DATA, cell_id=f"t3.{row['id']}.{col['id']}"))
    return GridLayout("t3", first + len(rows), L + len(cols), items, header_rows=3, label_cols=L)


def _en_number(number: str) -> str:
    return {"一、": "I. ", "二、": "II. ", "三、": "III. ", "四、": "IV. "}.get(number, number)


def _t4(fmt: str) -> GridLayout:
    tpl = get_template(fmt)
    t4 = tpl.raw["t4"]
    cols = t4["columns"]
    n = len(cols)
    review, direct, post = (
        next(g for g in t4["groups"] if g["id"] == gid) for gid in ("review", "lit_direct", "lit_post")
    )
    lit = next(g for g in t4["header_groups"] if g["id"] == "litigation")
    # As the format prints it: 行政复议's five column labels span two rows beside 行政诉讼's two groups.
    items = [
        GridItem(0, 0, HEADER, review["label"], review["en"], colspan=n),
        GridItem(0, n, HEADER, lit["label"], "Administrative litigation", colspan=2 * n),
        GridItem(1, n, HEADER, direct["label"], direct["en"], colspan=n),
        GridItem(1, 2 * n, HEADER, post["label"], post["en"], colspan=n),
    ]
    items += [GridItem(1, j, HEADER, col["label"], col["en"], rowspan=2) for j, col in enumerate(cols)]
    for g, group in enumerate((review, direct, post)):
        for j, col in enumerate(cols):
            if g:
                items.append(GridItem(2, g * n + j, HEADER, col["label"], col["en"]))
            items.append(GridItem(3, g * n + j, DATA, cell_id=f"t4.{group['id']}.{col['id']}"))
    return GridLayout("t4", 4, 3 * n, items, header_rows=3, label_cols=0)


@cache
def layout_for(table: str, fmt: str) -> GridLayout:
    return {"t2": _t2, "t3": _t3, "t4": _t4}[table](fmt)
