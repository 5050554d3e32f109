"""Tables 二/三/四 of seeds 000, 002 and 004, every cell, against values read by eye from the files."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import seed_path

COLS = ["c_natural", "c_biz", "c_research", "c_ngo", "c_legal", "c_org_other", "c_total"]
ROWS_2019 = [
    "r_new", "r_carry", "r_open", "r_partial",
    "r_deny_secret", "r_deny_lawban", "r_deny_safety", "r_deny_third", "r_deny_internal",
    "r_deny_process", "r_deny_enforce", "r_deny_query",
    "r_unable_nohold", "r_unable_make", "r_unable_unclear",
    "r_reject_petition", "r_reject_repeat", "r_reject_pub", "r_reject_mass", "r_reject_confirm",
    "r_other", "r_total", "r_fwd",
]  # fmt: skip
T4 = [
    f"t4.{g}.{c}"
    for g in ("review", "lit_direct", "lit_post")
    for c in ("c_upheld", "c_corrected", "c_other", "c_pending", "c_total")
]
ZERO = [0] * 7
N = None


def _t3(report) -> dict[str, list]:
    return {r: [report.data.cells[f"t3.{r}.{c}"].value for c in COLS] for r in ROWS_2019}


def _d(rows: dict[str, list]) -> dict[str, list]:
    return {r: [None if v is None else Decimal(v) for v in vals] for r, vals in rows.items()}


def test_seed_002_table_three(analysed):
    expected = {r: ZERO for r in ROWS_2019}
    expected.update(
        {
            "r_new": [4, 0, 0, 0, 0, 0, 4],
            "r_unable_nohold": [1, 0, 0, 0, 0, 0, 1],
            "r_unable_make": [2, 0, 0, 0, 0, 0, 2],
            "r_reject_mass": [N] * 7,  # the row is absent from the report
            "r_reject_confirm": [N] * 7,
            "r_other": [1, 0, 0, 0, 0, 0, 1],
            "r_total": ZERO,  # the error: should be 4
        }
    )
    r = analysed(seed_path(2))
    assert _t3(r) == _d(expected)
    assert r.data.cells["t3.r_reject_mass.c_total"].placement == "missing"
    assert r.data.cells["t3.r_reject_mass.c_total"].raw is None


def test_seed_002_table_four(analysed):
    r = analysed(seed_path(2))
    got = [r.data.cells[c].value for c in T4]
    assert got == [Decimal(v) for v in [4, 0, 0, 0, 4, 1, 1, 1, 0, 3, 0, 0, 0, 2, 2]]


def test_seed_000_table_three(analysed):
    expected = {r: ZERO for r in ROWS_2019}
    expected.update(
        {
            "r_new": [1, 0, 0, 0, 0, 0, 1],
            "r_open": [1, 0, 0, 0, 0, 0, 1],
            "r_total": [1, N, N, N, N, N, 1],
        }
    )
    r = analysed(seed_path(0))
    assert _t3(r) == _d(expected)
    assert r.data.cells["t3.r_total.c_biz"].raw == ""  # present in the file, but blank


def test_seed_000_table_four(analysed):
    r = analysed(seed_path(0))
    got = [r.data.cells[c].value for c in T4]
    assert got == [Decimal(v) for v in [0, 0, 0, 0, 0, 8, 0, 0, 0, 8, 0, 0, 0, 0, 0]]


def test_seed_002_table_two_with_procurement_in_yuan(analysed):
    r = analysed(seed_path(2))
    cells = r.data.cells
    t2 = {cid: c.value for cid, c in cells.items() if cid.startswith("t2.")}
    assert len(t2) == 22  # the 2019 table 二: 6 + 6 + 6 + 2 + 2
    assert cells["t2.a9.r_procure.c_count"].value == 16
    amount = cells["t2.a9.r_procure.c_amount"]
    assert amount.value == Decimal("39173777.52") and amount.unit == "元" and amount.raw == "39173777.52元"
    assert all(v == 0 for cid, v in t2.items() if not cid.startswith("t2.a9."))


def test_seed_004_table_two(analysed):
    r = analysed(seed_path(4))
    v = {cid: c.value for cid, c in r.data.cells.items() if cid.startswith("t2.a1.")}
    assert v == {
        "t2.a1.r_reg.c_new_made": 1,
        "t2.a1.r_reg.c_new_pub": 0,
        "t2.a1.r_reg.c_total_pub": 0,
        "t2.a1.r_norm.c_new_made": 11,
        "t2.a1.r_norm.c_new_pub": 4,
        "t2.a1.r_norm.c_total_pub": 194,
    }


def test_cells_carry_text_anchors_into_the_source(analysed):
    r = analysed(seed_path(2))
    cell = r.data.cells["t3.r_total.c_natural"]
    text = r.source.text
    assert cell.anchor.kind == "text"
    assert text[cell.anchor.char_start : cell.anchor.char_end] == "0"
    assert text.splitlines()[cell.anchor.line_start - 1] == "\t0"
    # and the line before the row's values is the row label
    assert "（七）总计" in text.splitlines()[cell.anchor.line_start - 2]


def test_reordered_and_split_headers_land_on_labels(analysed):
    """Seed 002 puts 总计 in the first header row and splits 商业/企业 over a blank line."""
    r = analysed(seed_path(2))
    assert all(r.data.cells[f"t3.r_new.{c}"].placement == "label" for c in COLS)
    assert r.data.cells["t3.r_new.c_total"].value == 4
    assert r.data.cells["t3.r_new.c_biz"].value == 0
