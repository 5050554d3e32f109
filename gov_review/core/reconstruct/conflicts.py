"""Two rows of a table that claim the same cell with different numbers: never a silent choice.

A row copied with other numbers (行政许可 twice, 4529 and 4530), or a row whose label was copied
from the next row (two rows reading （二）部分公开), used to leave one of the numbers in the cell
without a word — whichever row the placement preferred. Here every cell claimed by more than one
row of the plans with values that differ is left empty, with both values as candidates, and one
observation per pair of rows names both places and their values (the checks turn it into a finding).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from gov_review.core.model import Cell, RawCell
from gov_review.core.reconstruct.placement import PLACE
from gov_review.core.text.normalize import parse_value

# A claim: (row index in the table, the cell's text).
Claim = tuple[int, str]


def _claims(ops: tuple[tuple[Any, ...], ...]) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = {}
    for op in ops:
        if op[0] != PLACE:
            continue
        for c, cell_id, _confidence, _how in op[3]:
            if cell_id is not None:
                out.setdefault(cell_id, []).append((op[2], c))  # type: ignore[arg-type]
    return out


def _place(rows: list[list[RawCell]], claim: Claim) -> str:
    """Where a claim sits, as the reviewer finds it: the line of a text file, else the table row."""
    r, c = claim
    anchor = rows[r][c].anchor
    if anchor is not None and anchor.line_start:
        return f"原文第 {anchor.line_start} 行"
    if anchor is not None and anchor.page:
        return f"第 {anchor.page} 页表中第 {r + 1} 行"
    return f"表中第 {r + 1} 行"


def mark_conflicts(
    tables: tuple[tuple[Any, list[list[RawCell]]], ...],
    cells: dict[str, Cell],
    observations: list[tuple[str, dict[str, Any]]],
) -> None:
    """Empty every cell that rows claim with different values; add one observation per row pair."""
    for ops, rows in tables:
        groups: dict[tuple[str, int, int], list[tuple[str, str, str]]] = {}
        places: dict[tuple[str, int, int], tuple[str, str]] = {}
        table = ""
        for op in ops:
            if op[0] == PLACE:
                table = op[1]
                break
        for cell_id, claims in _claims(ops).items():
            if len(claims) < 2 or cell_id not in cells:
                continue
            texts = [(r, rows[r][c].text.strip()) for r, c in claims]
            values = [parse_value(t).value for _r, t in texts]
            if len(set(values)) < 2:
                continue  # the same number twice (a repeated row, a page header): nothing to choose
            other = next(i for i, v in enumerate(values) if v != values[0])
            (r1, t1), (r2, t2) = texts[0], texts[other]
            groups.setdefault((table, r1, r2), []).append((cell_id, t1, t2))
            places.setdefault((table, r1, r2), (_place(rows, claims[0]), _place(rows, claims[other])))
            cell = cells[cell_id]
            candidates = [Decimal(v) for v in dict.fromkeys(values) if v is not None]
            # The raw text holds both readings: no number from the file is the cell's until one is picked.
            both = " / ".join(dict.fromkeys(t for _r, t in texts))
            cells[cell_id] = Cell(
                cell.id,
                both,
                None,
                cell.anchor,
                0.3,
                "ambiguous",
                None,
                list(cell.notes),
                candidates or None,
            )
        for (tbl, r1, r2), found in groups.items():
            observations.append(
                (
                    "duplicate_conflict",
                    {
                        "table": tbl,
                        "cells": [cid for cid, _a, _b in found],
                        "places": list(places[(tbl, r1, r2)]),
                        "values": [[a for _c, a, _b in found], [b for _c, _a, b in found]],
                    },
                )
            )
