"""Tables published as text with the digits of adjacent cells run together (``270020130``)."""

from __future__ import annotations

from decimal import Decimal

from gov_review.core.runtogether import decode, t3_row_ok, t4_row_ok
from tests.conftest import DATA

REPORT = DATA / "text" / "runtogether_2020.txt"  # hand-made: seed 002's tables flattened to text


def test_unique_split_is_used():
    assert decode("4000004", 7, t3_row_ok) == [[4, 0, 0, 0, 0, 0, 4]]
    assert decode("400041110300022", 15, t4_row_ok) == [[4, 0, 0, 0, 4, 1, 1, 1, 0, 3, 0, 0, 0, 2, 2]]


def test_several_valid_splits_are_all_returned():
    assert decode("270020130", 7, t3_row_ok) == [[2, 7, 0, 0, 20, 1, 30], [27, 0, 0, 2, 0, 1, 30]]


def test_spaces_are_real_boundaries_and_impossible_rows_give_nothing():
    assert decode("4 0 0 0 0 0 4", 7, t3_row_ok) == [[4, 0, 0, 0, 0, 0, 4]]
    assert decode("12 0000 0 12", 7, t3_row_ok) == [[12, 0, 0, 0, 0, 0, 12]]
    assert decode("1011232", 7, t3_row_ok) == []
    assert decode("12a4", 7, t3_row_ok) == []


def test_report_with_run_together_rows(analysed):
    r = analysed(REPORT)
    cells = r.data.cells
    assert cells["t3.r_new.c_natural"].value == 4 and cells["t3.r_new.c_total"].value == 4
    assert cells["t3.r_new.c_total"].placement == "split"
    assert [
        cells[f"t4.lit_direct.{c}"].value
        for c in ("c_upheld", "c_corrected", "c_other", "c_pending", "c_total")
    ] == [1, 1, 1, 0, 3]
    # the ambiguous row: never guessed — the cells that differ between the splits carry candidates
    amb = cells["t3.r_open.c_natural"]
    assert amb.value is None and amb.placement == "ambiguous" and amb.candidates == [Decimal(2), Decimal(27)]
    assert cells["t3.r_open.c_total"].value == 30  # every valid split agrees on the total
    warning = [f for f in r.findings if f.code == "R06.ambiguous"]
    assert len(warning) == 1 and warning[0].severity == "warning"
    assert "270020130" in warning[0].message and "27 0 0 2 0 1 30" in warning[0].message
    assert [f for f in r.findings if f.code == "R06.split" and f.cells[0].startswith("t4.")]
