"""The dashboard's figures without Qt: table 三's outcome groups as the format defines them (a 2021
report's （六） group still takes a 2019 single row), sums that keep blanks apart from 0, and rates."""

from __future__ import annotations

from decimal import Decimal

from gov_review.core.batch.figures import (
    OUTCOMES,
    cell_sum,
    correction_cells,
    outcome_rows,
    rate_band,
    rate_of,
)
from gov_review.core.model import BodyInfo, Cell, ReportData


def _data(fmt: str, values: dict[str, str | None]) -> ReportData:
    cells = {
        cid: Cell(id=cid, raw=v, value=None if v is None else Decimal(v), confidence=1.0, placement="label")
        for cid, v in values.items()
    }
    return ReportData(format=fmt, year=2022, body=BodyInfo(name="某区", level="district"), cells=cells)


def test_outcome_groups_follow_the_format():
    assert [g for _zh, _en, g in OUTCOMES] == [
        "r_open",
        "r_partial",
        "g_deny",
        "g_unable",
        "g_reject",
        "g_other",
        "r_total",
    ]
    d21 = _data("2021", {})
    assert outcome_rows(d21, "r_open") == ["r_open"]
    assert "r_other_nofee" in outcome_rows(d21, "g_other") and "r_other" in outcome_rows(d21, "g_other")
    assert len(outcome_rows(d21, "g_deny")) == 8  # 不予公开 has eight reasons


def test_a_blank_cell_is_left_out_of_a_sum_and_said_so():
    d = _data("2021", {"t3.r_open.c_total": "3", "t3.r_partial.c_total": None})
    assert cell_sum(d, ["t3.r_open.c_total", "t3.r_partial.c_total", "t3.r_absent.c_total"]) == (
        Decimal(3),
        True,
    )
    assert cell_sum(d, ["t3.r_partial.c_total"]) == (None, True)


def test_rates_need_every_cell_filled_and_a_positive_denominator():
    cells = {
        f"t4.{g}.{c}": "0"
        for g in ("review", "lit_direct", "lit_post")
        for c in ("c_corrected", "c_total", "c_pending")
    }
    cells |= {"t4.review.c_corrected": "1", "t4.review.c_total": "5", "t4.review.c_pending": "1"}
    num, den = correction_cells(None, ("review", "lit_direct", "lit_post"))
    state, rate, *_ = rate_of(_data("2021", cells), num, den)
    assert (state, rate) == ("ok", 0.25)  # 1 corrected of 4 concluded
    assert rate_band(rate) == 3  # 25–50 %
    assert rate_of(_data("2021", {**cells, "t4.review.c_total": None}), num, den)[0] == "blank"
    assert rate_of(_data("2021", {**cells, "t4.review.c_total": "1"}), num, den)[0] == "zero"
    assert [rate_band(r) for r in (0.0, 0.05, 0.1, 0.49, 0.5)] == [0, 1, 2, 3, 4]
