"""Fix suggestions: one cell change that satisfies the failed equations it takes part in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from .model import Finding, ReportData
from .rules.compiled import Plan, plan
from .rules.equation import fails_for_any_blank
from .rules.evaluator import compare, side_value
from .rules.pack import EquationInstance
from .templates import cell_info


@dataclass(frozen=True, slots=True)
class Suggestion:
    cell: str
    value: Decimal
    fixes: int  # failed equations this change satisfies
    breaks: int  # equations that hold now and would fail after it


def _fails(inst: EquationInstance, values: Mapping[str, Decimal | None]) -> bool:
    """The reference: whether an equation fails for certain (blanks taken into account)."""
    lv, lm = side_value(inst.formula.left, values)
    rv, rm = side_value(inst.formula.right, values)
    if lm or rm:
        return fails_for_any_blank(inst.formula, values, lv - rv)
    return not compare(lv, inst.formula.op, rv)


def _failed(values: Mapping[str, Decimal | None], fmt: str) -> set[int]:
    p = plan(fmt)
    try:
        candidates: list[int] | range = p.scan(values.get)  # the others hold with every cell filled
    except (ArithmeticError, TypeError):
        candidates = range(len(p.insts))
    return {i for i in candidates if _fails(p.insts[i], values)}


def suggest(
    data: ReportData,
    finding: Finding,
    failed_now: set[int] | None = None,
    values: Mapping[str, Decimal | None] | None = None,
) -> Suggestion | None:
    """The best single-cell change for an equation finding, or None when there is none."""
    if data.format is None or "formula" not in finding.params or not finding.assessable:
        return None
    fmt = data.format
    p = plan(fmt)
    if values is None:
        values = {cid: c.value for cid, c in data.cells.items()}
    if failed_now is None:
        failed_now = _failed(values, fmt)
    this = next((i for i in failed_now if p.insts[i].formula.source == finding.params["formula"]), None)
    if this is None:
        return None
    return _choose(p, fmt, this, finding.cells, values, failed_now)


def _choose(
    p: Plan,
    fmt: str,
    this: int,
    cells: list[str],
    values: Mapping[str, Decimal | None],
    failed_now: set[int],
) -> Suggestion | None:
    insts = p.insts
    targets = p.solve(this, values.get)  # evaluator.solve_for(missing_as_zero=True) for each cell
    best: Suggestion | None = None
    trial = dict(values)
    get = trial.get
    for cell in dict.fromkeys(cells):
        target = targets.get(cell)
        info = cell_info(cell, fmt)
        if target is None or info is None:
            continue
        if info.kind != "delta" and target < 0:
            continue
        if info.kind in ("count", "delta") and target != target.to_integral_value():
            continue
        had = cell in trial
        old = trial.get(cell)
        trial[cell] = target
        touched = p.by_cell.get(cell, ())
        after = set()
        for i in touched:
            fails = p.fails[i](get)
            if fails is None:  # a blank in it: what blanks allow is the reference's to say
                fails = _fails(insts[i], trial)
            if fails:
                after.add(i)
        if had:
            trial[cell] = old
        else:
            del trial[cell]
        involved = {i for i in touched if i in failed_now}
        if involved & after:
            continue  # it must satisfy every failed equation the cell takes part in
        cand = Suggestion(cell, target, fixes=len(involved), breaks=len(after - failed_now))
        if best is None or (cand.fixes, -cand.breaks, cell == cells[0]) > (
            best.fixes,
            -best.breaks,
            best.cell == cells[0],
        ):
            best = cand
    return best


def attach_suggestions(
    data: ReportData,
    findings: list[Finding],
    failed_now: set[int] | None = None,
    values: Mapping[str, Decimal | None] | None = None,
) -> None:
    """Fill ``Finding.suggestion`` for the equation errors and warnings (in place).

    ``failed_now`` (the equations that fail for certain) and ``values`` spare working them out again
    when the caller has them (the checker does).
    """
    wanted = [
        f for f in findings if f.assessable and "formula" in f.params and f.severity in ("error", "warning")
    ]
    if not wanted or data.format is None:
        return
    if values is None:
        values = {cid: c.value for cid, c in data.cells.items()}
    if failed_now is None:
        failed_now = _failed(values, data.format)
    for f in wanted:
        s = suggest(data, f, failed_now, values)
        f.suggestion = (
            None if s is None else {"cell": s.cell, "value": s.value, "fixes": s.fixes, "breaks": s.breaks}
        )
