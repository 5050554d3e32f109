"""Fix suggestions: one cell change that satisfies the failed equations it takes part in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from .model import Finding, ReportData
from .rules.evaluator import compare, side_value, solve_for
from .rules.pack import EquationInstance, equations, fails_for_any_blank
from .templates import cell_info


@dataclass(frozen=True, slots=True)
class Suggestion:
    cell: str
    value: Decimal
    fixes: int  # failed equations this change satisfies
    breaks: int  # equations that hold now and would fail after it


@cache
def _by_cell(fmt: str) -> dict[str, list[int]]:
    """Which equations each cell takes part in, so a trial change re-evaluates only those."""
    out: dict[str, list[int]] = {}
    for i, inst in enumerate(equations(fmt)):
        for c in dict.fromkeys(inst.formula.cells):
            out.setdefault(c, []).append(i)
    return out


def _fails(inst: EquationInstance, values: Mapping[str, Decimal | None]) -> bool:
    lv, lm = side_value(inst.formula.left, values)
    rv, rm = side_value(inst.formula.right, values)
    if lm or rm:
        return fails_for_any_blank(inst.formula, values, lv - rv)
    return not compare(lv, inst.formula.op, rv)


def _failed(values: Mapping[str, Decimal | None], fmt: str) -> set[int]:
    return {i for i, inst in enumerate(equations(fmt)) if _fails(inst, values)}


def suggest(
    data: ReportData, finding: Finding, failed_now: set[int] | None = None
) -> Suggestion | None:
    """The best single-cell change for an equation finding, or None when there is none."""
    if data.format is None or "formula" not in finding.params or not finding.assessable:
        return None
    fmt = data.format
    insts = equations(fmt)
    values = {cid: c.value for cid, c in data.cells.items()}
    if failed_now is None:
        failed_now = _failed(values, fmt)
    this = next((i for i in failed_now if insts[i].formula.source == finding.params["formula"]), None)
    if this is None:
        return None
    by_cell = _by_cell(fmt)
    best: Suggestion | None = None
    for cell in dict.fromkeys(finding.cells):
        target = solve_for(insts[this].formula, cell, values, missing_as_zero=True)
        info = cell_info(cell, fmt)
        if target is None or info is None:
            continue
        if info.kind != "delta" and target < 0:
            continue
        if info.kind in ("count", "delta") and target != target.to_integral_value():
            continue
        trial = dict(values)
        trial[cell] = target
        touched = by_cell.get(cell, [])
        after = {i for i in touched if _fails(insts[i], trial)}
        involved = {i for i in touched if i in failed_now}
        if involved & after:
            continue  # it must satisfy every failed equation the cell takes part in
        cand = Suggestion(cell, target, fixes=len(involved), breaks=len(after - failed_now))
        if best is None or (cand.fixes, -cand.breaks, cell == finding.cells[0]) > (
            best.fixes,
            -best.breaks,
            best.cell == finding.cells[0],
        ):
            best = cand
    return best


def attach_suggestions(data: ReportData, findings: list[Finding]) -> None:
    """Fill ``Finding.suggestion`` for the equation errors and warnings (in place)."""
    wanted = [f for f in findings if f.assessable and "formula" in f.params and f.severity in ("error", "warning")]
    if not wanted or data.format is None:
        return
    values = {cid: c.value for cid, c in data.cells.items()}
    failed_now = _failed(values, data.format)
    for f in wanted:
        s = suggest(data, f, failed_now)
        f.suggestion = None if s is None else {"cell": s.cell, "value": s.value, "fixes": s.fixes, "breaks": s.breaks}
