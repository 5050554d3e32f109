"""Fix suggestions: one cell change that satisfies the failed equations it takes part in."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import (
    Context,
    Decimal,
    Inexact,
    InvalidOperation,
    Overflow,
    Rounded,
    Underflow,
    localcontext,
)

from gov_review.core.check.engine import Plan, fails_for_sure, plan
from gov_review.core.formats.evaluator import solve_for
from gov_review.core.formats.templates import cell_info, get_template
from gov_review.core.model import Finding, ReportData


@dataclass(frozen=True, slots=True)
class Suggestion:
    cell: str
    value: Decimal
    fixes: int  # failed equations this change satisfies
    breaks: int  # equations that hold now and would fail after it


def _failed(values: Mapping[str, Decimal | None], fmt: str) -> set[int]:
    return {i for i, inst in enumerate(plan(fmt).insts) if fails_for_sure(inst, values)}


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
    formula = p.insts[this].formula
    rough = _rough_targets(p, this, values.get)
    best: Suggestion | None = None
    trial: dict[str, Decimal | None] | None = None
    infos = get_template(fmt).cells
    for cell in dict.fromkeys(cells):
        guess = _UNKNOWN if rough is None else rough.get(cell, _UNKNOWN)
        if guess is None:
            continue  # the equation cannot be solved for this cell (solve_for gives None)
        info = infos.get(cell) or cell_info(cell, fmt)
        if info is None:
            continue
        # Most cells of a long sum would have to go negative or fractional: passed over without
        # solving the equation for them term by term.
        if guess is not _UNKNOWN and not _allowed(guess, info.kind):
            continue
        touched = p.by_cell.get(cell, ())
        involved = {i for i in touched if i in failed_now}
        if best is not None and len(involved) < best.fixes:
            continue  # it fixes fewer failed equations than the best so far: it cannot win
        target = solve_for(formula, cell, values, missing_as_zero=True)
        if target is None or not _allowed(target, info.kind):
            continue
        if trial is None:
            trial = dict(values)
        had = cell in trial
        old = trial.get(cell)
        trial[cell] = target
        after = set()
        for i in touched:
            if p.fails(i, trial):
                after.add(i)
        if had:
            trial[cell] = old
        else:
            del trial[cell]
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


def _allowed(target: Decimal, kind: str) -> bool:
    """Counts are whole and not negative; an increase/decrease is whole."""
    if kind != "delta" and target < 0:
        return False
    return kind not in ("count", "delta") or target == target.to_integral_value()


_UNKNOWN = Decimal("NaN")  # a marker only (compared by identity)
# Values whose sum of magnitudes has at most 20 digits: every sum solve_for makes of them is exact.
_SHORT = Context(prec=20, traps=[Rounded, Inexact, InvalidOperation, Overflow, Underflow])
_Z = Decimal(0)


def _rough_targets(p: Plan, i: int, get: Callable[[str], Decimal | None]) -> dict[str, Decimal | None] | None:
    """Each cell's solved value in equation ``i``, right in sign and in being whole or not, or None
    when the values are too long (or not finite) to be sure of that.

    solve_for gives ``-(rest)/coef`` with ``rest`` the other terms' sum (blanks 0). When every
    partial sum is exact (the magnitudes add up within 20 digits, under the 28 of Decimal's
    context), ``rest`` is exactly ``S - coef·v`` with ``S`` left − right, so the value is
    ``v - S/coef``: one sum for all cells instead of one per cell. Its division rounds at 28 digits
    at most, far below what could change the sign or make a fraction whole. A cell with no
    coefficient is None (solve_for's None); an over-large coefficient is left out (solved exactly).
    """
    if p.insts[i].formula.op != "==":
        return dict.fromkeys(p.coefs[i])  # solve_for solves equalities only
    try:
        with localcontext(_SHORT):  # every sum below is exact, or this raises
            size = total = _Z
            for k, cell, const in p.terms[i]:
                v = const if cell is None else get(cell)
                if v is not None:
                    size = size + abs(v)
                    total = total + k * v
    except ArithmeticError:
        return None
    if not size.is_finite():
        return None
    out: dict[str, Decimal | None] = {}
    for cell, coef in p.coefs[i].items():
        if coef == 0:
            out[cell] = None
        elif abs(coef) <= 1000:
            v = get(cell)
            out[cell] = (_Z if v is None else v) - total / coef
    return out


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
