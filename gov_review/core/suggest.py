"""Fix suggestions: one cell change that satisfies the failed equations it takes part in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from .model import Finding, ReportData
from .rules.engine import plan
from .rules.evaluator import compare, side_value, solve_for
from .rules.memo import results
from .rules.pack import EquationInstance, equations, fails_for_any_blank
from .templates import cell_info


@dataclass(frozen=True, slots=True)
class Suggestion:
    cell: str
    value: Decimal
    fixes: int  # failed equations this change satisfies
    breaks: int  # equations that hold now and would fail after it


_BY_CELL: dict[str, tuple[tuple[EquationInstance, ...], dict[str, list[int]]]] = {}


def _by_cell(fmt: str) -> dict[str, list[int]]:
    """Which equations each cell takes part in, so a trial change re-evaluates only those.

    Built again when the pack's equations are (a reloaded, user-edited pack).
    """
    insts = equations(fmt)
    hit = _BY_CELL.get(fmt)
    if hit is None or hit[0] is not insts:
        out: dict[str, list[int]] = {}
        for i, inst in enumerate(insts):
            for c in dict.fromkeys(inst.formula.cells):
                out.setdefault(c, []).append(i)
        hit = _BY_CELL[fmt] = (insts, out)
    return hit[1]


def _fails(inst: EquationInstance, values: Mapping[str, Decimal | None]) -> bool:
    lv, lm = side_value(inst.formula.left, values)
    rv, rm = side_value(inst.formula.right, values)
    if lm or rm:
        return fails_for_any_blank(inst.formula, values, lv - rv)
    return not compare(lv, inst.formula.op, rv)


def _failed(values: Mapping[str, Decimal | None], fmt: str) -> set[int]:
    return {i for i, inst in enumerate(equations(fmt)) if _fails(inst, values)}


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
    insts = plan(fmt)[0]  # (re)built first: the memories below speak of its equations by index
    if values is None:
        values = {cid: c.value for cid, c in data.cells.items()}
    if failed_now is None:
        failed_now = _failed(values, fmt)
    this = next((i for i in failed_now if insts[i].formula.source == finding.params["formula"]), None)
    if this is None:
        return None
    # Which cell, and how many equations it fixes/breaks, depends only on the values of the cells
    # of the equations those cells take part in: remember it under them. The value is solved again
    # each time, so it keeps the digits (Decimal exponent) of the values at hand.
    cells = tuple(finding.cells)
    memo = results(f"suggest/{fmt}", limit=4096)  # keys of up to ~100 values
    try:
        key = (this, cells, tuple(map(values.get, _near(fmt, cells))))
        choice = memo.get(key, _MISS)
    except TypeError:  # an unhashable value (a signalling NaN): work it out, keep nothing
        key, choice = None, _MISS
    if choice is _MISS:
        choice = _choose(fmt, this, cells, values, failed_now)
        if key is not None:
            memo[key] = choice
    if choice is None:
        return None
    cell, fixes, breaks = choice
    target = solve_for(insts[this].formula, cell, values, missing_as_zero=True)
    assert target is not None  # the same values solved it when the choice was made
    return Suggestion(cell, target, fixes=fixes, breaks=breaks)


_MISS = object()


def _near(fmt: str, cells: tuple[str, ...]) -> tuple[str, ...]:
    """Every cell of every equation that one of ``cells`` takes part in."""
    memo = results(f"near/{fmt}")
    hit = memo.get(cells)
    if hit is None:
        insts = equations(fmt)
        by_cell = _by_cell(fmt)
        out: dict[str, None] = {}
        for c in cells:
            out[c] = None
            for i in by_cell.get(c, []):
                out.update(dict.fromkeys(insts[i].formula.cells))
        hit = memo[cells] = tuple(out)
    return hit


def _choose(
    fmt: str,
    this: int,
    cells: tuple[str, ...],
    values: Mapping[str, Decimal | None],
    failed_now: set[int],
) -> tuple[str, int, int] | None:
    insts = equations(fmt)
    by_cell = _by_cell(fmt)
    best: Suggestion | None = None
    trial = dict(values)
    for cell in dict.fromkeys(cells):
        target = solve_for(insts[this].formula, cell, values, missing_as_zero=True)
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
        touched = by_cell.get(cell, [])
        after = {i for i in touched if _fails(insts[i], trial)}
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
    return None if best is None else (best.cell, best.fixes, best.breaks)


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
