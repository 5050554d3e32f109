"""Running the pack's equations: the compiled scan (compiled.py) picks the equations that fail or
have blanks, and only those are worked out with their texts by the reference code
(``pack.evaluate_instance``); an equation that holds costs a few Decimal additions and no text.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from gov_review.core.check.compiled import plan
from gov_review.core.check.equation import evaluate_instance
from gov_review.core.model import Finding, ReportData


def run_equations(data: ReportData, values: Mapping[str, Decimal | None]) -> tuple[list[Finding], set[int]]:
    """The equation findings in pack order, and the indexes (into ``equations(fmt)``) that fail."""
    fmt = data.format
    if fmt is None:
        return [], set()
    p = plan(fmt)
    get = values.get
    try:
        candidates = [(i, p.sides[i](get)) for i in p.scan(get)]
    except (ArithmeticError, TypeError):
        # A value the arithmetic refuses (a NaN, say): every equation goes to the reference code,
        # which reports (or raises) exactly as it always did.
        candidates = [(i, None) for i in range(len(p.insts))]
    findings: list[Finding] = []
    failed: set[int] = set()
    insts = p.insts
    for i, sides in candidates:
        finding, fails = evaluate_instance(insts[i], values, sides)
        if fails:
            failed.add(i)
        if finding is not None:
            findings.append(finding)
    return findings, failed
