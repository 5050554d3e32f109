"""The five seed reports: every finding SEEDS.md requires, on the right cells, and none invented."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import seed_path
from tests.core.helpers import codes, on

EQUATION_RULES = ("R01", "R02", "R03", "R04")


def test_all_seeds_are_2019_format_with_year_and_body(analysed):
    expected = {
        0: (2020, "township"),
        1: (2020, "township"),
        2: (2020, "street"),
        3: (2020, "street"),
        4: (2019, "township"),
    }
    for n, (year, level) in expected.items():
        r = analysed(seed_path(n))
        assert r.error is None
        assert r.data.format == "2019"
        assert r.data.year == year
        assert r.data.body.level == level
        assert all(r.data.tables_found.values()), n


def test_seed_000_blank_totals_and_lawsuits_without_applications(analysed):
    r = analysed(seed_path(0))
    f = r.findings
    # （七）总计: 自然人 1 and 总计 1 present, the five 法人 columns blank (R07): one error for the
    # row, its totals' own findings and the row's blank-cell note folded under it
    org = ["t3.r_total.c_biz", "t3.r_total.c_research", "t3.r_total.c_ngo", "t3.r_total.c_legal"]
    org.append("t3.r_total.c_org_other")
    blank = [x for x in f if x.rule == "R07" and "t3.r_total.c_biz" in x.cells]
    assert len(blank) == 1 and blank[0].code == "R07.total_blank_row" and blank[0].severity == "error"
    assert blank[0].cells == org
    assert blank[0].message == (
        "表三“（七）总计”行有 5 个合计栏为空（商业企业、科研机构、社会公益组织、法律服务机构、其他），"
        "其组成项已填写，请补填。"
    )
    assert blank[0].message_en.startswith("Table 3, row “（七）总计”: 5 totals are blank (Businesses, Research")
    assert {x.code for x in blank[0].folded} >= {"R07.total_blank", "R07.blank"}
    assert r.data.cells["t3.r_total.c_biz"].value is None  # blank is missing, not 0
    assert r.data.cells["t3.r_total.c_natural"].value == 1
    # R01 and R03 hold where assessable; R04 holds
    assert not [x for x in f if x.rule in EQUATION_RULES and x.severity == "error"]
    assert not on(f, "R01", "t3.r_total.c_natural") and not on(f, "R01", "t3.r_total.c_total")
    # 8 direct lawsuits against 1 application, no word of litigation → S04 warning
    s04 = [x for x in f if x.rule == "S04"]
    assert len(s04) == 1 and s04[0].severity == "warning"
    assert "t4.lit_direct.c_total" in s04[0].cells
    assert "D05.bookmark" in codes(f)


def test_seed_001_mostly_blank_table_three(analysed):
    r = analysed(seed_path(1))
    f = r.findings
    # 采购总金额 = 0万元: a unit inside the cell
    assert on(f, "R08", "t2.a9.r_procure.c_amount", "warning")
    assert r.data.cells["t2.a9.r_procure.c_amount"].unit == "万元"
    # one finding for the block of blank applicant columns, naming it and keeping every cell
    blocks = [x for x in f if x.code.startswith("R07.blank") and x.cells[0].startswith("t3.")]
    assert len(blocks) == 1 and blocks[0].severity == "warning"
    assert blocks[0].message.startswith("表三“申请人情况”6 列在 23 行中全部空白")
    assert len(blocks[0].cells) == 6 * 23 and "t3.r_fwd.c_org_other" in blocks[0].cells
    # R01/R03 assessable on 总计 only: they hold there; elsewhere "cannot verify" is folded under the block
    assert not on(f, "R01", "t3.r_total.c_total") and not on(f, "R03", "t3.r_total.c_total")
    assert not [x for x in f if x.code.endswith(".na") and x.cells[0].startswith("t3.")]
    na = [x for x in blocks[0].folded if x.code == "R01.na"]
    assert {x.cells[0] for x in na} == {
        f"t3.r_total.{c}" for c in ("c_natural", "c_biz", "c_research", "c_ngo", "c_legal", "c_org_other")
    }
    assert all(not x.assessable for x in na)
    # table 四: only positions 5, 9 and 15 filled; 未经复议直接起诉 cannot be assessed and says so
    t4 = {cid: c.value for cid, c in r.data.cells.items() if cid.startswith("t4.")}
    assert (
        t4["t4.review.c_total"] == 0 and t4["t4.lit_direct.c_pending"] == 0 and t4["t4.lit_post.c_total"] == 0
    )
    assert sum(v is not None for v in t4.values()) == 3
    every = f + [n for x in f for n in x.folded]
    r04 = [x for x in every if x.rule == "R04" and x.cells[0] == "t4.lit_direct.c_total"]
    assert len(r04) == 1 and not r04[0].assessable and "无法核验" in r04[0].message
    assert on(f, "R07", "t4.lit_direct.c_total", "error")  # its total is blank while a part is filled
    # the prose "共接到依申请公开办件0件" agrees with table 三
    assert not [x for x in f if x.rule == "N01"]


def test_seed_002_prose_and_total_errors(analysed):
    r = analysed(seed_path(2))
    f = r.findings
    n01 = [x for x in f if x.rule == "N01"]
    assert len(n01) == 1 and n01[0].severity == "error"
    assert n01[0].cells == ["t3.r_new.c_total"] and n01[0].found == "16" and n01[0].expected == "4"
    assert not [x for x in f if x.rule in ("N06", "N07")]  # 复议 4 and 诉讼 3 + 2 = 5 agree
    for rule in ("R01", "R03"):
        for cell in ("t3.r_total.c_natural", "t3.r_total.c_total"):
            hits = on(f, rule, cell, "error")
            assert len(hits) == 1, (rule, cell)
            assert hits[0].suggestion and hits[0].suggestion["cell"] == cell
            assert hits[0].suggestion["value"] == Decimal(4)
    r01 = on(f, "R01", "t3.r_total.c_natural")[0]
    assert r01.equation == "一 4 + 二 0 ≠ （七）0 + 四 0，差 4"
    # no R01/R03 error on any other column
    assert {x.cells[0] for x in f if x.rule in ("R01", "R03") and x.severity == "error"} == {
        "t3.r_total.c_natural",
        "t3.r_total.c_total",
    }
    # （五）4 and 5 missing → R06 errors
    missing = {x.cells[0].split(".")[1] for x in f if x.code == "R06.missing_row"}
    assert missing == {"r_reject_mass", "r_reject_confirm"}
    assert on(f, "R08", "t2.a9.r_procure.c_amount", "warning")


def test_seed_003_headings_extra_row_and_body_names(analysed):
    r = analysed(seed_path(3))
    f = r.findings
    assert not codes(f, "error")
    variants = [x for x in f if x.code == "D01.variant"]
    assert sorted(x.message[:4] for x in variants) == ["第一部分", "第四部分"]
    extra = [x for x in f if x.code == "D06.extra_row"]
    assert len(extra) == 1 and "发布总数量" in extra[0].message
    s03 = [x for x in f if x.code == "S03.inconsistent"]
    assert len(s03) == 1 and "其塔木镇" in s03[0].message
    assert all(c.value == 0 for cid, c in r.data.cells.items() if cid.startswith(("t3.", "t4.")))


def test_seed_004_township_makes_a_rule(analysed):
    r = analysed(seed_path(4))
    f = r.findings
    s01 = [x for x in f if x.rule == "S01"]
    assert len(s01) == 1 and s01[0].severity == "error" and s01[0].cells == ["t2.a1.r_reg.c_new_made"]
    assert on(f, "R10", "t2.a1.r_reg.c_new_made", "warning")
    assert on(f, "R10", "t2.a1.r_norm.c_new_made", "warning")
    assert not [x for x in f if x.rule == "R09"]
    assert not [x for x in f if x.rule in EQUATION_RULES and x.severity == "error"]
    assert codes(f, "error") == ["S01.not_allowed"]


@pytest.mark.parametrize("n", [0, 3, 4])
def test_no_balance_error_on_clean_seeds(analysed, n):
    r = analysed(seed_path(n))
    assert not [x for x in r.findings if x.rule in EQUATION_RULES and x.severity == "error"]
    assert not [x for x in r.findings if x.rule.startswith("N") and x.severity == "error"]


def test_every_finding_names_a_rule_of_the_pack_and_is_worded(analysed):
    from gov_review.core.formats.pack import load_pack

    pack = load_pack()
    for n in range(5):
        for x in analysed(seed_path(n)).findings:
            assert x.rule in pack
            assert x.message and x.message_en
            assert "{" not in x.message and "{" not in x.message_en, x.message
