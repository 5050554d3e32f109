"""Running the pack's equations fast: each is worked out once per set of values of its own cells.

An equation's finding depends only on the values of the cells in it (its texts print them with
``fmt_number``, which prints equal values alike), so it is remembered under that tuple of values.
A check looks up ~100 small tuples; after an edit only the equations of the edited cell are worked
out again, by the very code that worked them out the first time (``pack.evaluate_instance``).

The plan (each equation's distinct cells) is built from ``equations(fmt)``, i.e. from the rule
pack's JSON as loaded; a reloaded pack makes a new plan and empties the memory (memo.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from ..model import Finding, ReportData
from .memo import clone, forget, results
from .pack import EquationInstance, equations, evaluate_instance

_plans: dict[str, tuple[tuple[EquationInstance, ...], tuple[tuple[str, ...], ...]]] = {}


def plan(fmt: str) -> tuple[tuple[EquationInstance, ...], tuple[tuple[str, ...], ...]]:
    """The format's equations and, for each, its distinct cells in formula order."""
    insts = equations(fmt)
    hit = _plans.get(fmt)
    if hit is None or hit[0] is not insts:
        hit = (insts, tuple(tuple(dict.fromkeys(i.formula.cells)) for i in insts))
        _plans[fmt] = hit
        forget()  # what is remembered speaks of another pack's equations (by index)
    return hit


def run_equations(data: ReportData, values: Mapping[str, Decimal | None]) -> tuple[list[Finding], set[int]]:
    """The equation findings in pack order, and the indexes (into ``equations(fmt)``) that fail."""
    fmt = data.format
    if fmt is None:
        return [], set()
    insts, cells_of = plan(fmt)
    memo = results(f"equations/{fmt}")
    get = values.get
    findings: list[Finding] = []
    failed: set[int] = set()
    for i, inst in enumerate(insts):
        key = (i, tuple(map(get, cells_of[i])))
        try:
            hit = memo.get(key)
        except TypeError:  # an unhashable value (a signalling NaN): work it out, keep nothing
            hit = None
            key = None
        if hit is None:
            hit = evaluate_instance(inst, values)
            if key is not None:
                memo[key] = hit
        proto, fails = hit
        if fails:
            failed.add(i)
        if proto is not None:
            findings.append(clone(proto))
    return findings, failed
