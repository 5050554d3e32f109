"""Hand-made 2021-format reports (tests/data/text, made by make_2021_fixtures.py): one clean, one not."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import DATA
from tests.core.helpers import codes, on

CLEAN = DATA / "text" / "report_2021_clean.txt"
ERRORS = DATA / "text" / "report_2021_errors.txt"


def test_clean_2021_report_has_no_error_or_warning(analysed):
    r = analysed(CLEAN)
    assert r.data.format == "2021" and r.data.year == 2022
    assert r.data.body.level == "county"
    assert codes(r.findings, "error") == [] and codes(r.findings, "warning") == []
    cells = r.data.cells
    assert len([c for c in cells if c.startswith("t3.")]) == 25 * 7
    # the 2021-only rows and columns are read
    assert cells["t3.r_other_nofee.c_biz"].value == 1
    assert cells["t3.r_other_nocorrect.c_total"].value == 1
    assert cells["t3.r_other_else.c_total"].value == 0
    assert cells["t2.a1.r_norm.c_in_force"].value == 30
    assert cells["t2.a5.r_license.c_decisions"].value == 1200
    assert cells["t2.a8.r_fee.c_amount_wan"].value == Decimal("85.6")
    assert "t3.r_other.c_total" not in cells  # the 2019 row does not exist in 2021


def test_2021_report_with_errors(analysed):
    r = analysed(ERRORS)
    f = r.findings
    assert r.data.format == "2021"
    # R11: issued 3 > in force 2
    assert on(f, "R11", "t2.a1.r_norm.c_issued", "warning")
    # R12: a （九）项 sub-table of the 2019 format mixed into a 2021 report
    mixed = [x for x in f if x.rule == "R12"]
    assert len(mixed) == 1 and mixed[0].severity == "warning" and mixed[0].code == "R12.other_labels"
    assert "“采购项目数量”（2021版无此栏目）、“采购总金额”（2021版无此栏目）" in mixed[0].message
    # S05: 1 application dropped for an unpaid fee, section 六 says only 无
    s05 = [x for x in f if x.rule == "S05"]
    assert len(s05) == 1 and s05[0].cells == ["t3.r_other_nofee.c_total"]
    # a street office makes 规章 and issues normative documents
    assert on(f, "S01", "t2.a1.r_reg.c_issued", "error")
    assert on(f, "S02", "t2.a1.r_norm.c_issued", "warning")
    # the balance errors on （七）总计·自然人
    assert on(f, "R01", "t3.r_total.c_natural", "error")
    assert on(f, "R03", "t3.r_total.c_natural", "error")
    assert on(f, "R02", "t3.r_total.c_total", "error")
    n01 = [x for x in f if x.rule == "N01"]
    assert n01 and n01[0].found == "30" and n01[0].expected == "24"


def test_clean_report_mentions_fees_so_no_s05(analysed):
    assert not [x for x in analysed(CLEAN).findings if x.rule == "S05"]


def test_2019_labels_in_a_2021_year_are_an_error(analysed, tmp_path):
    from tests.conftest import seed_path

    text = seed_path(2).read_text(encoding="utf-8").replace("2020年", "2022年")
    p = tmp_path / "seed002_as_2022.txt"
    p.write_text(text, encoding="utf-8")
    r = analysed(p)
    assert r.data.year == 2022 and r.data.format == "2019"  # the labels decide the layout …
    r12 = [x for x in r.findings if x.code == "R12.format_year"]
    assert len(r12) == 1 and r12[0].severity == "error"  # … and the mismatch with the year is reported
