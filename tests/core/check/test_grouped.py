"""One finding per problem: a block of blank cells is one finding that lists every cell, notes that
only follow from it are folded under it, and a template sent back unfilled is an error per table."""

from __future__ import annotations

import json
from pathlib import Path

from gov_review.cli.main import main as cli
from gov_review.core.export.memo import build_memo
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import ReviewSession

DATA = Path(__file__).resolve().parents[2] / "data"
BLOCK = DATA / "findings" / "blank_block_2022.txt"
TEMPLATE = DATA / "docx" / "template_2021_blank.docx"
ORG = ("c_biz", "c_research", "c_ngo", "c_legal", "c_org_other")


def test_a_block_of_blank_columns_is_one_warning_naming_the_block():
    report = analyse_file(BLOCK)
    blanks = [f for f in report.findings if f.rule == "R07"]
    assert len(blanks) == 1
    block = blanks[0]
    assert block.severity == "warning" and block.code == "R07.blank_block"
    assert block.message.startswith("表三“法人或其他组织”5 列在 25 行中全部空白")
    assert "共 125 个单元格" in block.message
    rows = ("r_new", "r_open", "r_deny_secret", "r_total", "r_fwd")
    assert set(block.cells) >= {f"t3.{r}.{c}" for r in rows for c in ORG} and len(block.cells) == 125
    # the column sums it leaves unverifiable are folded under it, not listed again
    assert not [f for f in report.findings if f.code.endswith(".na")]
    assert block.folded and all(n.code.endswith(".na") for n in block.folded)
    assert len(report.findings) <= 5


def test_the_json_lists_every_cell_of_the_block(capsys):
    assert cli(["check", "--json", str(BLOCK)]) == 0  # warnings only
    out = json.loads(capsys.readouterr().out)["reports"][0]
    (block,) = [f for f in out["findings"] if f["rule"] == "R07"]
    assert block["severity"] == "warning" and len(block["cells"]) == 125
    assert block["message"].startswith("表三“法人或其他组织”5 列在 25 行中全部空白")
    assert all(n["code"].endswith(".na") for n in block["folded"])


def test_a_blank_template_is_one_error_per_empty_table(capsys):
    report = analyse_file(TEMPLATE)
    empty = [f for f in report.findings if f.code == "R07.table_empty"]
    assert [f.message[:7] for f in empty] == ["表二未填写数据", "表三未填写数据", "表四未填写数据"]
    assert all(f.severity == "error" for f in empty)
    t3 = empty[1]
    assert len(t3.cells) == 175 and "t3.r_total.c_total" in t3.cells
    # no per-cell noise: no blank rows, no "cannot verify" lines
    assert not [f for f in report.findings if f.code in ("R07.blank", "R07.blank_block")]
    assert not [f for f in report.findings if f.code.endswith(".na")]
    assert len(report.findings) <= 7
    assert cli(["check", str(TEMPLATE)]) == 1  # an empty report is not a clean report
    capsys.readouterr()


def test_a_blank_template_gives_a_memo_of_a_few_lines():
    memo = build_memo(ReviewSession(analyse_file(TEMPLATE), "李审核"))
    items = [i for _title, lines in memo.sections for i in lines if not isinstance(i, str)]
    texts = [i.heading for i in items]
    assert any("表三未填写数据" in t for t in texts)
    assert len(items) <= 7
    assert "错误 3 项" in memo.intro


def test_a_single_blank_row_stays_a_row_finding():
    """Grouping needs the same columns in several rows: one blank row is reported as it was."""
    seed = analyse_file(DATA.parent.parent / "resources" / "samples" / "seed_001.txt")
    rows = [f for f in seed.findings if f.code == "R07.blank"]
    assert [f.message[:20] for f in rows] == ["表四“未经复议直接起诉”行有 4 个空白"]


def test_a_real_report_with_three_problems_shows_a_handful_of_findings():
    """洪泽区 2023 (a real PDF): table 四's two totals of 0, and （六） written as the 2019 single row.
    The ten sums its absent （六）1–3 rows leave unverifiable are folded under that one finding."""
    report = analyse_file(DATA / "pdf" / "hongze_district_2023.pdf")
    assert [f.code for f in report.findings if f.severity != "info"] == ["R04", "R04", "R12.old_other_row"]
    assert len(report.findings) <= 10
    (old,) = [f for f in report.findings if f.code == "R12.old_other_row"]
    assert len(old.folded) == 10 and all(n.code.endswith(".na") for n in old.folded)


LAYOUTS = DATA / "text" / "layouts"


def test_rows_read_in_the_standard_column_order_are_one_warning_per_table(tmp_path):
    """seed 000 with table 三's column words not the national ones (甲类 … 戊类): the header is not
    recognised and its 23 rows are read in the standard column order, said once for the table."""
    src = (LAYOUTS / "seed_000__pipe.txt").read_text(encoding="utf-8")
    odd = src.replace(
        "| 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |", "| 甲类 | 乙类 | 丙类 | 丁类 | 戊类 |"
    )
    assert odd != src
    path = tmp_path / "odd_header.txt"
    path.write_text(odd, encoding="utf-8")
    report = analyse_file(path)
    assert not [f for f in report.findings if f.code == "R06.order_only"]
    merged = [f for f in report.findings if f.code == "R06.order_rows"]
    assert len(merged) == 1
    t3 = merged[0]
    assert t3.severity == "warning" and t3.cells[0].startswith("t3.")
    assert (
        t3.message
        == "表三表头未能识别，23 行（如“一、本年新收政府信息公开申请数量”）按标准列序读取，请核对。"
    )
    rows = [f for f in t3.folded if f.code == "R06.order_only"]
    assert len(rows) == 23
    assert report.data.cells["t3.r_new.c_natural"].certainty == "inferred"


def test_aligned_headers_split_over_lines_are_read_by_their_labels():
    """pdftotext -layout splits header words over two lines (商业企 / 业, 结果维 / 持): joined back, the
    headers of tables 三 and 四 are the national ones and the full rows are placed by their labels."""
    report = analyse_file(LAYOUTS / "seed_002__aligned.txt")
    cells = report.data.cells
    full = [c for c in cells.values() if c.id.startswith("t3.") and c.placement != "missing"]
    assert full and all(c.placement == "label" and c.certainty == "exact" for c in full)
    assert cells["t3.r_new.c_natural"].value == 4 and cells["t3.r_new.c_total"].value == 4
    assert not [f for f in report.findings if f.code.startswith("R06.order")]
    # table 四: 结果维 / 持 … over its one row of numbers, also joined and read by its labels
    t4 = [cells[f"t4.{g}.{c}"] for g in ("review", "lit_direct", "lit_post") for c in ("c_upheld", "c_total")]
    assert [c.value for c in t4] == [4, 4, 1, 3, 0, 2]
    assert all(c.placement == "label" and c.certainty == "exact" for c in t4)


def test_rows_whose_values_do_not_match_the_columns_are_one_warning_per_table():
    """seed 001 as pdftotext -layout writes it: table 三 has a number only in its 总计 column, so no
    row shows where the columns are; 23 rows are left unread, said once."""
    report = analyse_file(LAYOUTS / "seed_001__aligned.txt")
    t3 = [
        f for f in report.findings if f.code.startswith("R06.") and f.cells and f.cells[0].startswith("t3.")
    ]
    assert [f.code for f in t3] == ["R06.width_rows"]
    merged = t3[0]
    assert merged.severity == "warning"
    assert merged.message == (
        "表三有 23 行的数字个数与列数不符（如“一、本年新收政府信息公开申请数量”行有 1 个数，应为 7 个），"
        "无法确定对应的列，未读取，请对照原文核对。"
    )
    rows = [f for f in merged.folded if f.code == "R06.row_width"]
    assert len(rows) == 23
    assert set(merged.cells) >= {c for f in rows for c in f.cells}
    # nothing was guessed: the unread cells hold no value
    assert all(report.data.cells[c].value is None for c in merged.cells)
