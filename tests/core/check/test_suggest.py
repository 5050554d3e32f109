"""Fix suggestions (check/suggest.py) solve one sum for every cell of a failed equation: on values a
reviewer could produce (blanks, money with decimals, negatives, huge numbers) they must suggest the
same cell and value (its digits included) as solving every cell term by term.
"""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from gov_review.core.check.engine import run_equations
from gov_review.core.check.equation import fails_for_any_blank
from gov_review.core.check.suggest import Suggestion, suggest
from gov_review.core.formats.evaluator import compare, side_value, solve_for
from gov_review.core.formats.pack import equations
from gov_review.core.formats.templates import cell_info, get_template
from gov_review.core.model import BodyInfo, ReportData

FORMATS = ("2019", "2021")


def _random_values(rng: random.Random, cells: list[str]) -> dict[str, Decimal | None]:
    out: dict[str, Decimal | None] = {}
    for c in cells:
        r = rng.random()
        if r < 0.15:
            out[c] = None
        elif r < 0.70:
            out[c] = Decimal(rng.randint(0, 12))
        elif r < 0.80:
            out[c] = Decimal(rng.choice(["12.50", "0.05", "3.0", "7.125", "1E+2", "0.00"]))
        elif r < 0.85:
            out[c] = Decimal(-rng.randint(1, 5))
        elif r < 0.88:
            out[c] = Decimal(rng.choice(["1" + "0" * 25, "9" * 27, "0." + "0" * 20 + "1"]))
        else:
            out[c] = Decimal(rng.randint(0, 3))  # small values make equations hold more often
    return out


def _data(fmt: str) -> ReportData:
    return ReportData(format=fmt, year=2022, body=BodyInfo(name="某区", level="district"), cells={})


def _reference_fails(inst, values) -> bool:
    lv, lm = side_value(inst.formula.left, values)
    rv, rm = side_value(inst.formula.right, values)
    if lm or rm:
        return fails_for_any_blank(inst.formula, values, lv - rv)
    return not compare(lv, inst.formula.op, rv)


def _reference_suggestion(fmt, inst_index, cells, values, failed_now) -> Suggestion | None:
    """The suggestion as worked out before compiling: every cell solved term by term."""
    insts = equations(fmt)
    by_cell: dict[str, list[int]] = {}
    for i, inst in enumerate(insts):
        for c in dict.fromkeys(inst.formula.cells):
            by_cell.setdefault(c, []).append(i)
    best = None
    for cell in dict.fromkeys(cells):
        target = solve_for(insts[inst_index].formula, cell, values, missing_as_zero=True)
        info = cell_info(cell, fmt)
        if target is None or info is None:
            continue
        if info.kind != "delta" and target < 0:
            continue
        if info.kind in ("count", "delta") and target != target.to_integral_value():
            continue
        trial = {**values, cell: target}
        touched = by_cell.get(cell, [])
        after = {i for i in touched if _reference_fails(insts[i], trial)}
        involved = {i for i in touched if i in failed_now}
        if involved & after:
            continue
        cand = Suggestion(cell, target, fixes=len(involved), breaks=len(after - failed_now))
        if best is None or (cand.fixes, -cand.breaks, cell == cells[0]) > (
            best.fixes,
            -best.breaks,
            best.cell == cells[0],
        ):
            best = cand
    return best


@pytest.mark.parametrize("fmt", FORMATS)
def test_fix_suggestions_match_solving_every_cell_term_by_term(fmt):
    cells = list(get_template(fmt).cells)
    insts = equations(fmt)
    rng = random.Random("suggest" + fmt)
    compared = 0
    for _ in range(120):
        values = _random_values(rng, cells)
        data = _data(fmt)
        findings, failed = run_equations(data, values)
        assert failed == {i for i, inst in enumerate(insts) if _reference_fails(inst, values)}
        for f in findings:
            if not f.assessable or f.severity not in ("error", "warning"):
                continue
            this = next(i for i in failed if insts[i].formula.source == f.params["formula"])
            got = suggest(data, f, failed, values)
            want = _reference_suggestion(fmt, this, f.cells, values, failed)
            assert (got is None) == (want is None), f.message
            if got is not None:
                assert (got.cell, str(got.value), got.fixes, got.breaks) == (
                    want.cell,
                    str(want.value),
                    want.fixes,
                    want.breaks,
                )
                compared += 1
    assert compared > 20  # the random values did make suggestions to compare


def test_a_signalling_nan_in_a_cell_is_reported_by_the_reference_code_as_before():
    """A value Decimal arithmetic refuses is not silently taken for a number."""
    from decimal import InvalidOperation

    fmt = "2021"
    values = {c: Decimal(1) for c in get_template(fmt).cells}
    values["t3.r_new.c_natural"] = Decimal("sNaN")
    with pytest.raises(InvalidOperation):
        run_equations(_data(fmt), values)
