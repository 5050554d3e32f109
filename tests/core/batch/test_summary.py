"""The summary workbook (汇总表): sums of tables 三/四 over the reports, re-read with openpyxl."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from gov_review.core.batch.run import check_many
from gov_review.core.batch.summary import aggregate_all, write_summary
from gov_review.core.formats.templates import get_template
from gov_review.core.review.pipeline import analyse_file
from tests.conftest import DATA, seed_path

INPUTS_2019 = [seed_path(n) for n in range(5)]
INPUTS_2021 = [DATA / "text" / "report_2021_clean.txt", DATA / "crossyear" / "qingshan_county_2023.txt"]


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> tuple[Path, list]:
    out = tmp_path_factory.mktemp("summary") / "汇总表.xlsx"
    rows = check_many([str(p) for p in INPUTS_2019 + INPUTS_2021], with_cells=True)
    write_summary(rows, out)
    return out, rows


def sheet_values(ws, fmt: str) -> tuple[dict[str, object], dict[str, object]]:
    """Cell id → (sum, contributors) as laid out on a 表三表四 sheet, found by the row labels."""
    tpl = get_template(fmt)
    labels = {tpl.cells[f"t3.{r}.c_total"].row_label: r for r in tpl.t3_rows}
    sums, counts = {}, {}
    rows = list(ws.iter_rows(values_only=True))
    for line in rows:
        row_id = labels.get(line[0])
        if row_id is None:
            continue
        for j, col in enumerate(tpl.t3_cols):
            sums[f"t3.{row_id}.{col}"] = line[1 + j]
            counts[f"t3.{row_id}.{col}"] = line[9 + j]
    t4 = [f"t4.{g}.{c}" for g in tpl.t4_groups for c in tpl.t4_cols]
    total_line = next(line for line in rows if line[0] == "合计")
    count_line = next(line for line in rows if line[0] == "填写报告数")
    for j, cid in enumerate(t4):
        sums[cid], counts[cid] = total_line[1 + j], count_line[1 + j]
    return sums, counts


@pytest.mark.parametrize("fmt, inputs", [("2019", INPUTS_2019), ("2021", INPUTS_2021)])
def test_the_totals_are_the_sums_of_the_reports(workbook, fmt, inputs):
    path, _rows = workbook
    wb = openpyxl.load_workbook(path)
    name = {"2019": "2019版", "2021": "2021版"}[fmt]
    sums, counts = sheet_values(wb[f"表三表四汇总（{name}）"], fmt)
    reports = [analyse_file(p) for p in inputs]
    ids = [c for c in get_template(fmt).cells if c.startswith(("t3.", "t4."))]
    assert set(sums) == set(ids)
    for cid in ids:
        present = [r.data.value(cid) for r in reports if r.data.value(cid) is not None]
        if present:
            assert Decimal(str(sums[cid])) == sum(present), cid
        else:
            assert sums[cid] is None, cid  # blank everywhere stays blank, never 0
        assert counts[cid] == len(present), cid


def test_blank_in_some_reports_is_left_out_and_counted(workbook):
    path, _rows = workbook
    wb = openpyxl.load_workbook(path)
    sums, counts = sheet_values(wb["表三表四汇总（2019版）"], "2019")
    # seed 000's （七）总计 leaves the five 法人 columns blank; the other four seeds fill them.
    assert analyse_file(seed_path(0)).data.value("t3.r_total.c_biz") is None
    assert counts["t3.r_total.c_biz"] < len(INPUTS_2019)
    assert sums["t3.r_total.c_biz"] is not None


def test_one_row_per_report_and_the_checked_sums(workbook):
    path, rows = workbook
    wb = openpyxl.load_workbook(path)
    league = list(wb["各报告"].iter_rows(values_only=True))
    head = league[0]
    assert len(league) == 1 + len(INPUTS_2019) + len(INPUTS_2021)
    by_file = {Path(line[head.index("文件")]).name: line for line in league[1:]}
    seed2 = by_file["seed_002.txt"]
    assert seed2[head.index("主体")] == "安镇街道" and seed2[head.index("年度")] == 2020
    assert seed2[head.index("错误")] == analyse_file(seed_path(2)).counts()["error"]
    assert seed2[head.index("本年新收")] == 4
    # The sums are checked like a report: seed 002's （七）总计 0 carries into the 2019 sums.
    aggs = aggregate_all(rows)
    listed = list(wb["汇总数据核验"].iter_rows(values_only=True))[1:]
    assert [(line[0], line[1], line[3].split(", ")[0]) for line in listed] == [
        (fmt, f.rule, f.cells[0]) for fmt, agg in aggs.items() for f in agg.findings
    ]
    r03 = [f for f in aggs["2019"].findings if f.rule == "R03" and f.severity == "error"]
    assert "t3.r_total.c_total" in [f.cells[0] for f in r03]
