"""Fix suggestions: one cell change that satisfies the failed equations it takes part in."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .model import Finding, ReportData
from .rules.evaluator import compare, side_value, solve_for
from .rules.pack import equations, fails_for_any_blank
from .templates import cell_info


@dataclass(frozen=True, slots=True)
class Suggestion:
    cell: str
    value: Decimal
    fixes: int  # failed equations this change satisfies
    breaks: int  # equations that hold now and would fail after it


def _failed(values: dict[str, Decimal | None], fmt: str) -> set[int]:
    out = set()
    for i, inst in enumerate(equations(fmt)):
        lv, lm = side_value(inst.formula.left, values)
        rv, rm = side_value(inst.formula.right, values)
        if lm or rm:
            if fails_for_any_blank(inst.formula, values, lv - rv):
                out.add(i)
        elif not compare(lv, inst.formula.op, rv):
            out.add(i)
    return out


def suggest(data: ReportData, finding: Finding) -> Suggestion | None:
    """The best single-cell change for an equation finding, or None when there is none."""
    if data.format is None or "formula" not in finding.params or not finding.assessable:
        return None
    fmt = data.format
    insts = equations(fmt)
    values = {cid: c.value for cid, c in data.cells.items()}
    failed_now = _failed(values, fmt)
    this = next((i for i in failed_now if insts[i].formula.source == finding.params["formula"]), None)
    if this is None:
        return None
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
        failed_after = _failed(trial, fmt)
        involved = {i for i in failed_now if cell in insts[i].formula.cells}
        if involved & failed_after:
            continue  # it must satisfy every failed equation the cell takes part in
        cand = Suggestion(cell, target, fixes=len(involved), breaks=len(failed_after - failed_now))
        if best is None or (cand.fixes, -cand.breaks, cell == finding.cells[0]) > (
            best.fixes,
            -best.breaks,
            best.cell == finding.cells[0],
        ):
            best = cand
    return best


def attach_suggestions(data: ReportData, findings: list[Finding]) -> None:
    """Fill ``Finding.suggestion`` for the equation errors and warnings (in place)."""
    for f in findings:
        if f.assessable and "formula" in f.params and f.severity in ("error", "warning"):
            s = suggest(data, f)
            f.suggestion = (
                None
                if s is None
                else {"cell": s.cell, "value": s.value, "fixes": s.fixes, "breaks": s.breaks}
            )
