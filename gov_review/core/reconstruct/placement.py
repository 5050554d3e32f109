"""Where reconstruction puts each raw cell: the placements of one report, and the decoding of rows
whose digits ran together (by each row's own total, then by the format's row and column rules)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

from gov_review.core.formats.templates import get_template
from gov_review.core.model import Cell, RawCell, Unplaced
from gov_review.core.text.normalize import parse_value
from gov_review.core.text.runtogether import DIGITS_RE, MAX_STEPS, decode_bounded, narrow

# One placement: (raw cell, confidence, placement, candidates, note). A plain tuple rather than a
# class: a report places ~200 cells and a tuple costs a fraction of an object to build.
# ``candidates`` lists run-together digits with several valid splits; ``note`` explains a decision.
Placed = tuple[RawCell, float, str, list[int] | None, str | None]
CELL, CONFIDENCE, PLACEMENT, CANDIDATES, NOTE = range(5)


@dataclass(slots=True)
class Placements:
    placed: dict[str, Placed] = field(default_factory=dict)
    unplaced: list[Unplaced] = field(default_factory=list)
    observations: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    markers: set[str] = field(default_factory=set)
    found: dict[str, bool] = field(default_factory=dict)
    # run-together rows with several valid splits: (cell ids, blob cell, splits, observation index)
    ambiguous: list[tuple[list[str], RawCell, list[list[int]], int]] = field(default_factory=list)

    def place(
        self,
        cell_id: str,
        cell: RawCell,
        confidence: float,
        placement: str,
        candidates: list[int] | None = None,
    ) -> None:
        prev = self.placed.get(cell_id)
        if prev is not None and prev[CONFIDENCE] >= confidence:
            self.unplaced.append(Unplaced(cell_id.split(".")[0], cell.text, cell.anchor, "duplicate"))
            return
        self.placed[cell_id] = (cell, confidence, placement, candidates, None)

    def place_split(self, table: str, ids: list[str], blob: RawCell, ok: Callable[[list[int]], bool]) -> bool:
        """Decode a run-together row (``270020130``) onto ``ids``; False when it is not one."""
        text = blob.text.strip()
        if not DIGITS_RE.match(text):
            return False
        found, capped = _decode(text, len(ids), ok)
        options = [list(o) for o in found]
        if capped:
            params = {
                "table": table,
                "blob": text[:40],
                "cells": ids,
                "digits": len(text),
                "steps": MAX_STEPS,
            }
            self.observations.append(("runtogether_capped", params))
            return False
        if not options:
            self.observations.append(("runtogether_none", {"table": table, "blob": text, "cells": ids}))
            return False
        for i, cid in enumerate(ids):
            column = sorted({o[i] for o in options})
            if len(column) == 1:
                conf = 0.8 if len(options) == 1 else 0.6
                self.place(cid, RawCell(str(column[0]), blob.anchor), conf, "split")
            else:
                self.place(cid, RawCell(text, blob.anchor), 0.3, "ambiguous", column)
        code = "runtogether_split" if len(options) == 1 else "runtogether_ambiguous"
        if len(options) > 1:
            self.ambiguous.append((ids, blob, options, len(self.observations)))
        self.observations.append(
            (code, {"table": table, "blob": text, "cells": ids, "options": options[:10]})
        )
        return True

    def place_unread(
        self,
        table: str,
        ids: list[str],
        cells: list[RawCell],
        count: int,
        want: int,
        observe: bool,
        label: RawCell | None = None,
    ) -> None:
        """A row whose ``count`` values cannot be matched to its ``want`` columns: none is placed."""
        text = " ".join(c.text.strip() for c in cells if c.text.strip())
        anchor = cells[0].anchor if cells else None
        if not cells:
            # A row label with nothing after it (a layout that drops blank cells: a flattened table,
            # space-aligned columns): the row is there and blank. A later row of the same label wins.
            for cid in ids:
                if cid not in self.placed and label is not None:
                    self.placed[cid] = (RawCell("", label.anchor), 0.4, "blank_row", None, None)
            return
        note = f"该行有 {count} 个数，应为 {want} 个，无法确定对应的列（{count} values for {want} columns）"
        for cid in ids:
            if cid not in self.placed:
                self.placed[cid] = (RawCell(text, anchor), 0.0, "unread", None, note)  # type: ignore[arg-type]
        if observe:
            self.observations.append(
                ("row_unread", {"table": table, "cells": ids, "count": count, "want": want})
            )

    def narrow_runtogether(self, fmt: str) -> None:
        """Decide ambiguous run-together rows jointly by the format's column rules (R01, R03 …)."""
        known = {
            cid: parse_value(p[CELL].text).value for cid, p in self.placed.items() if p[CANDIDATES] is None
        }
        rows = [(ids, options) for ids, _blob, options, _obs in self.ambiguous]
        result = narrow(rows, known, _rules(fmt))
        for (ids, blob, before, obs), after in zip(self.ambiguous, result.options, strict=True):
            code, params = self.observations[obs]
            params = {**params, "column_check": result.status, "combinations": result.combinations}
            if result.status == "capped":
                params["cap"] = result.cap
            if len(after) == len(before):
                self.observations[obs] = (code, params)
                continue
            note = NOTE_BY_COLUMNS if len(after) == 1 else None
            for i, cid in enumerate(ids):
                column = sorted({o[i] for o in after})
                if len(column) == 1:
                    conf = 0.7 if len(after) == 1 else 0.6
                    self.placed[cid] = (RawCell(str(column[0]), blob.anchor), conf, "split", None, note)
                else:
                    self.placed[cid] = (
                        RawCell(blob.text.strip(), blob.anchor),
                        0.3,
                        "ambiguous",
                        column,
                        None,
                    )
            code = "runtogether_split_columns" if len(after) == 1 else code
            self.observations[obs] = (code, {**params, "options": after[:10], "row_options": len(before)})


@lru_cache(maxsize=256)
def _decode(
    text: str, parts: int, ok: Callable[[list[int]], bool]
) -> tuple[tuple[tuple[int, ...], ...], bool]:
    """``decode_bounded``, cached: a plan asks whether a row splits, and applying the plan splits it."""
    options, capped = decode_bounded(text, parts, ok)
    return tuple(tuple(o) for o in options), capped


def splits(text: str, parts: int, ok: Callable[[list[int]], bool]) -> bool:
    """Whether ``Placements.place_split`` of a cell with this text onto ``parts`` cells succeeds."""
    text = text.strip()
    return bool(DIGITS_RE.match(text)) and bool(_decode(text, parts, ok)[0])


# ------------------------------------------------------------------------------------------------
# Plans: what one table puts where, by position in its rows
#
# Deciding where a table's cells go (labels matched, headers expanded, rows classified) depends only
# on the texts of its rows; the values and anchors then follow by position. A plan lists those
# decisions as operations on (row, cell) positions; apply_plan carries them out.

PLACE, UNPLACED, UNPLACED_TEXT, OBSERVE, MARK, FOUND, SPLIT, UNREAD = range(8)
# (PLACE, table, r, ((c, cell id or None, confidence, placement or unplaced reason), ...))
# (UNPLACED, table, r, c, reason)            the cell's own text and anchor
# (UNPLACED_TEXT, table, r, c, reason, text) a whole row's text, at the anchor of cell c
# (OBSERVE, code, params)  (MARK, marker)  (FOUND, table)
# (SPLIT, table, r, c, cell ids, row rule)   Placements.place_split of the cell
# (UNREAD, table, r, c, cell ids, count, want, observe)  a row whose values cannot be matched to its
#   columns (``count`` values for ``want`` columns): its cells are left unread, never filled from the left
Plan = tuple[tuple[Any, ...], ...]


def apply_plan(plan: Plan, rows: list[list[RawCell]], res: Placements) -> None:
    """Carry out a table's plan on these rows (whose texts are the ones the plan was made from)."""
    placed = res.placed
    unplaced = res.unplaced
    for op in plan:
        kind = op[0]
        if kind == PLACE:
            table = op[1]
            row = rows[op[2]]
            for c, cell_id, confidence, how in op[3]:
                cell = row[c]
                if cell_id is None:
                    unplaced.append(Unplaced(table, cell.text, cell.anchor, how))
                    continue
                prev = placed.get(cell_id)
                if prev is not None and prev[CONFIDENCE] >= confidence:
                    unplaced.append(Unplaced(table, cell.text, cell.anchor, "duplicate"))
                else:
                    placed[cell_id] = (cell, confidence, how, None, None)
        elif kind == UNPLACED:
            cell = rows[op[2]][op[3]]
            unplaced.append(Unplaced(op[1], cell.text, cell.anchor, op[4]))
        elif kind == UNPLACED_TEXT:
            unplaced.append(Unplaced(op[1], op[5], rows[op[2]][op[3]].anchor, op[4]))
        elif kind == OBSERVE:
            # Each report gets its own params: reconstruction and later steps may rewrite them.
            params = {k: list(v) if isinstance(v, list) else v for k, v in op[2].items()}
            res.observations.append((op[1], params))
        elif kind == MARK:
            res.markers.add(op[1])
        elif kind == FOUND:
            res.found[op[1]] = True
        elif kind == SPLIT:
            res.place_split(op[1], list(op[4]), rows[op[2]][op[3]], op[5])
        else:  # UNREAD
            row = rows[op[2]]
            label = row[op[3] - 1] if 0 < op[3] <= len(row) else None
            res.place_unread(op[1], list(op[4]), row[op[3] :], op[5], op[6], op[7], label)


def placed_cells(fmt: str | None, res: Placements) -> dict[str, Cell]:
    """The format's cells (then any of the other format's) from placements made one by one."""
    placed = res.placed
    cells: dict[str, Cell] = {}
    used = 0  # placements that landed on a cell of the format
    if fmt is not None:
        get = placed.get
        for cid in get_template(fmt).cells:
            p = get(cid)
            if p is None:
                cells[cid] = Cell(id=cid, raw=None, value=None, anchor=None, confidence=0.0, placement="missing")
                continue
            used += 1
            cells[cid] = make_cell(cid, p)
    if used < len(placed):
        for cid, p in placed.items():
            if cid not in cells:
                cells[cid] = make_cell(cid, p)  # a cell of the other format (R12 reports it)
    return cells


def make_cell(cid: str, placed: Placed) -> Cell:
    cell, confidence, placement, candidates, note = placed
    if placement == "unread":  # seen but not read: shown as not settled, with the row's text
        return Cell(
            id=cid,
            raw=cell.text,
            value=None,
            anchor=cell.anchor,
            confidence=0.0,
            placement="ambiguous",
            notes=[note] if note else [],
        )
    if candidates:
        return Cell(
            id=cid,
            raw=cell.text,
            value=None,
            anchor=cell.anchor,
            confidence=confidence,
            placement="ambiguous",
            candidates=[Decimal(v) for v in candidates],
        )
    parsed = parse_value(cell.text)
    if cell.how is not None and not note:  # placed by where it stands (a space-aligned row with blanks)
        confidence, placement = min(confidence, 0.75), cell.how
    return Cell(
        id=cid,
        raw=cell.text,
        value=parsed.value,
        anchor=cell.anchor,
        confidence=confidence,
        placement=placement,
        unit=parsed.unit,
        notes=[note] if note else [],
    )


NOTE_BY_COLUMNS = "按行、列合计关系唯一确定的拆分（decoded by row and column rules）"


@cache
def _rules(fmt: str) -> tuple[tuple[tuple[tuple[int, str | None, Decimal], ...], str], ...]:
    """The format's equations as ``left − right op 0`` term lists, for narrowing run-together rows."""
    from gov_review.core.formats.pack import equations

    out = []
    for inst in equations(fmt):
        f = inst.formula
        terms = tuple((t.sign, t.cell, t.const) for t in f.left) + tuple(
            (-t.sign, t.cell, t.const) for t in f.right
        )
        out.append((terms, f.op))
    return tuple(out)
