"""Compound prose claims (``予以公开及部分公开13件``) are compared with the sum of the rows they name,
and a figure of another scope (全区各部门) is not compared with the body's own table. One test per
pattern of resources/rules/prose_claims.json, built from the pattern's own example."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from gov_review.core.check.claims import compounds
from gov_review.core.read.text import parse_text
from gov_review.core.review.pipeline import analyse, analyse_file

DATA = Path(__file__).resolve().parents[2] / "data"
CLEAN = (DATA / "text" / "report_2021_clean.txt").read_text(encoding="utf-8")
ANCHOR_LINE = "全年发生政府信息公开行政复议4件，行政诉讼2件。"


def _with_sentence(sentence: str):
    """The clean 2021 report with one more sentence in section 一 (its tables unchanged)."""
    doc = parse_text(CLEAN.replace(ANCHOR_LINE, ANCHOR_LINE + "\n" + sentence), "x.txt")
    return analyse(doc)


def _rows_sum(data, cells: dict[str, int]) -> Decimal:
    return sum((data.value(c) or Decimal(0) for c in cells), Decimal(0))


@pytest.mark.parametrize("c", compounds(), ids=lambda c: c.id)
def test_each_compound_claim_agrees_with_the_sum_of_its_rows(c):
    data, findings = _with_sentence(c.example + "。")
    # the example's figure is the sum of the rows it names in the clean report's tables
    assert {k: int(data.value(k)) for k in c.example_table} == c.example_table
    assert not [f for f in findings if f.rule.startswith("N")], [f.message for f in findings]


@pytest.mark.parametrize("c", compounds(), ids=lambda c: c.id)
def test_each_compound_claim_that_disagrees_is_reported_against_the_sum(c):
    n = sum(c.example_table.values())
    wrong = c.example.replace(str(n), str(n + 5))
    _data, findings = _with_sentence(wrong + "。")
    hits = [f for f in findings if f.rule == c.rule]
    assert len(hits) == 1, [f.message for f in findings]
    f = hits[0]
    assert f.message.endswith(f"表格中{c.zh}为 {n}，不一致。") and f"（{n + 5} 件）" in f.message
    assert set(c.example_table) <= set(f.cells)


def test_the_report_with_compound_claims_reads_as_a_reviewer_expects():
    report = analyse_file(DATA / "findings" / "compound_claims_2022.txt")
    n = [f for f in report.findings if f.rule.startswith("N")]
    # 予以公开及部分公开13件 (11 + 2), 不予公开和无法提供共9件 (2 + 7), 复议和诉讼共6件 (4 + 2) agree;
    # 全区各部门共收到95件 is another scope; 不予处理和其他处理共5件 against 1 + 2 = 3 does not agree
    assert [(f.code, f.severity, f.message) for f in n] == [
        (
            "N05.mismatch",
            "warning",
            "正文称“不予处理和其他处理共5件”（5 件），表格中（五）不予处理与（六）其他处理之和为 3，不一致。",
        )
    ]


def test_a_figure_that_includes_the_carried_over_is_compared_with_new_plus_carried():
    _data, findings = _with_sentence("本年度共受理政府信息公开申请26件（含上年结转2件）。")
    assert not [f for f in findings if f.rule == "N01"]
    _data, findings = _with_sentence("本年度共受理政府信息公开申请27件（含上年结转）。")
    (f,) = [f for f in findings if f.rule == "N01"]
    assert (
        f.message
        == "正文称“受理政府信息公开申请27件”（27 件，含上年结转），表三新收与上年结转之和为 26，不一致。"
    )


def test_a_district_wide_figure_is_not_compared_with_the_bodys_table():
    _data, findings = _with_sentence("全区各部门共收到政府信息公开申请95件。")
    assert not [f for f in findings if f.rule == "N01"]
    _data, findings = _with_sentence("本机关共收到政府信息公开申请95件。")
    assert [f.rule for f in findings if f.rule == "N01"] == ["N01"]
