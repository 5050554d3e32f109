"""Tables published as text with the digits of adjacent cells run together (``270020130``)."""

from __future__ import annotations

from decimal import Decimal

from gov_review.core.text.runtogether import decode, t3_row_ok, t4_row_ok
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


# Rows that their own total cannot settle, settled (or not) by the column rules of table 三.
COLUMNS = DATA / "text" / "runtogether_columns_2020.txt"
COLUMNS_AMBIGUOUS = DATA / "text" / "runtogether_columns_ambiguous_2020.txt"
T3_COLS = ("c_natural", "c_biz", "c_research", "c_ngo", "c_legal", "c_org_other", "c_total")


def _row(cells, row):
    return [cells[f"t3.{row}.{c}"] for c in T3_COLS]


def test_row_ambiguous_alone_is_decided_by_the_column_totals(analysed):
    assert "（一）予以公开 112000013" in COLUMNS.read_text(encoding="utf-8")
    assert len(decode("112000013", 7, t3_row_ok)) == 2  # 1 12 … 13 and 11 2 … 13 both fit the row
    r = analysed(COLUMNS)
    row = _row(r.data.cells, "r_open")
    assert [c.value for c in row] == [11, 2, 0, 0, 0, 0, 13]
    assert all(c.placement == "split" and c.candidates is None for c in row)
    assert all("decoded by row and column rules" in " ".join(c.notes) for c in row)
    decided = [f for f in r.findings if f.code == "R06.split_columns" and f.cells[0] == "t3.r_open.c_natural"]
    assert len(decided) == 1 and "各列合计" in decided[0].message and "11 2 0 0 0 0 13" in decided[0].message
    assert not [f for f in r.findings if f.code == "R06.ambiguous"]
    # the decided values balance the table: no arithmetic error is left on it
    assert not [f for f in r.findings if f.rule in ("R01", "R02", "R03")]


def test_rows_the_columns_cannot_tell_apart_stay_ambiguous(analysed):
    r = analysed(COLUMNS_AMBIGUOUS)
    cells = r.data.cells
    # 一 and （七）read 2970220260 (two ways each); the columns leave one way for both
    assert len(decode("2970220260", 7, t3_row_ok)) == 2
    for row in ("r_new", "r_total"):
        assert [c.value for c in _row(cells, row)] == [29, 7, 0, 2, 20, 2, 60]
    # （一）and （二）both read 270020130: swapping them keeps every total, so the reviewer chooses
    for row in ("r_open", "r_partial"):
        natural = cells[f"t3.{row}.c_natural"]
        assert natural.value is None and natural.placement == "ambiguous"
        assert natural.candidates == [Decimal(2), Decimal(27)]
        assert cells[f"t3.{row}.c_total"].value == 30  # every remaining split agrees on it
    ambiguous = [f for f in r.findings if f.code == "R06.ambiguous"]
    assert sorted(f.cells[0] for f in ambiguous) == ["t3.r_open.c_natural", "t3.r_partial.c_natural"]


def test_too_many_combinations_are_not_tried_and_the_reviewer_is_told(monkeypatch):
    from gov_review.core.review.pipeline import analyse_file
    from gov_review.core.text import runtogether

    monkeypatch.setattr(runtogether, "MAX_COMBINATIONS", 8)  # the fixture has 2 × 2 × 2 × 2 = 16
    r = analyse_file(COLUMNS_AMBIGUOUS)
    total_ngo = r.data.cells["t3.r_total.c_ngo"]  # 2 or 22: decided by the columns when they are tried
    assert total_ngo.placement == "ambiguous" and total_ngo.candidates == [Decimal(2), Decimal(22)]
    ambiguous = [f for f in r.findings if f.code == "R06.ambiguous"]
    assert len(ambiguous) == 4  # 一, （一）, （二）, （七）: none narrowed
    assert all("超过上限 8" in f.message and "exceed the limit of 8" in f.message_en for f in ambiguous)
