"""Running the pack's equations on a report's values, and what fix suggestions need to know of them.

Each equation is worked out by the reference code (``equation.evaluate_instance``): its sides are
summed term by term and, only when it fails or has blanks, its texts are written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from gov_review.core.check.equation import evaluate_instance, fails_for_any_blank
from gov_review.core.formats.evaluator import compare, side_value
from gov_review.core.formats.pack import EquationInstance, equations
from gov_review.core.model import Finding, ReportData

Values = Mapping[str, "Decimal | None"]


@dataclass(frozen=True, slots=True)
class Plan:
    """A format's equations, and for solving equation ``i`` (suggest.py): its terms as
    (sign × side, cell or None, constant), each cell's coefficient, and the equations a cell is in."""

    insts: tuple[EquationInstance, ...]
    by_cell: Mapping[str, tuple[int, ...]]
    terms: tuple[tuple[tuple[int, str | None, Decimal], ...], ...]
    coefs: tuple[dict[str, int], ...]

    def fails(self, i: int, values: Values) -> bool:
        """Whether equation ``i`` fails for certain (blanks taken into account)."""
        return fails_for_sure(self.insts[i], values)


def fails_for_sure(inst: EquationInstance, values: Values) -> bool:
    lv, lm = side_value(inst.formula.left, values)
    rv, rm = side_value(inst.formula.right, values)
    if lm or rm:
        return fails_for_any_blank(inst.formula, values, lv - rv)
    return not compare(lv, inst.formula.op, rv)


_plans: dict[str, Plan] = {}


def plan(fmt: str) -> Plan:
    """The format's equations with their terms; built again when the pack was reloaded."""
    insts = equations(fmt)
    hit = _plans.get(fmt)
    if hit is None or hit.insts is not insts:
        hit = _plans[fmt] = _build(insts)
    return hit


def _build(insts: tuple[EquationInstance, ...]) -> Plan:
    terms = tuple(
        tuple(
            (t.sign * factor, t.cell, t.const)
            for side, factor in ((i.formula.left, 1), (i.formula.right, -1))
            for t in side
        )
        for i in insts
    )
    by_cell: dict[str, list[int]] = {}
    for i, inst in enumerate(insts):
        for c in dict.fromkeys(inst.formula.cells):
            by_cell.setdefault(c, []).append(i)
    coefs = []
    for ts in terms:
        coef: dict[str, int] = {}
        for k, cell, _const in ts:
            if cell is not None:
                coef[cell] = coef.get(cell, 0) + k
        coefs.append(coef)
    return Plan(insts, {c: tuple(ix) for c, ix in by_cell.items()}, terms, tuple(coefs))


def run_equations(data: ReportData, values: Values) -> tuple[list[Finding], set[int]]:
    """The equation findings in pack order, and the indexes (into ``equations(fmt)``) that fail."""
    if data.format is None:
        return [], set()
    findings: list[Finding] = []
    failed: set[int] = set()
    for i, inst in enumerate(equations(data.format)):
        finding, fails = evaluate_instance(inst, values)
        if fails:
            failed.add(i)
        if finding is not None:
            findings.append(finding)
    return findings, failed
