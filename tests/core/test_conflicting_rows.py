"""No silent choice between conflicting numbers (issue 18): a table row duplicated with other numbers,
or a row label copied from the next row, ends in one finding naming both places and values, and the
cell stays empty (with both values as candidates) until the reviewer picks. Real fixtures, perturbed.
"""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import ReviewSession

ROOT = Path(__file__).resolve().parents[2]
CLEAN_2021 = ROOT / "tests" / "data" / "text" / "report_2021_clean.txt"
DOCX_002 = ROOT / "tests" / "data" / "docx" / "seed_002.docx"
LICENSE = "t2.a5.r_license.c_decisions"
ROW = "\t行政许可\n\t1200\n"


def _report(tmp_path: Path, text: str, name: str = "r.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    report = analyse_file(path)
    assert report.error is None
    return report


def _conflicts(report) -> list[str]:
    return [f.message for f in report.findings if f.rule == "R06" and "出现了两次" in f.message]


@pytest.mark.parametrize("copy_above", [False, True], ids=["copy_below", "copy_above"])
def test_a_table_2_row_duplicated_with_other_numbers(tmp_path: Path, copy_above: bool) -> None:
    src = CLEAN_2021.read_text(encoding="utf-8")
    assert src.count(ROW) == 1
    copy = "\t行政许可\n\t1201\n"
    text = src.replace(ROW, copy + "\n" + ROW if copy_above else ROW + "\n" + copy)
    report = _report(tmp_path, text)
    cell = report.data.cells[LICENSE]
    assert cell.value is None and cell.placement == "ambiguous"
    assert sorted(cell.candidates) == [Decimal(1200), Decimal(1201)]
    first, second = ("1201", "1200") if copy_above else ("1200", "1201")
    assert _conflicts(report) == [
        f"表二“行政许可”出现了两次且数字不同（原文第 31 行为 {first}，原文第 34 行为 {second}），"
        "无法确定哪一处正确，已留空；请对照原件核实后填入。"
    ]
    finding = next(f for f in report.findings if "出现了两次" in f.message)
    assert finding.cells == [LICENSE] and finding.severity == "warning"
    # The reviewer picks: the cell takes the value and the conflict is no longer what it shows.
    session = ReviewSession(report)
    session.set_value(LICENSE, "1200")
    assert session.cell(LICENSE).value == 1200


def test_the_same_row_twice_with_the_same_numbers_is_no_conflict(tmp_path: Path) -> None:
    src = CLEAN_2021.read_text(encoding="utf-8")
    report = _report(tmp_path, src.replace(ROW, ROW + "\n" + ROW))
    assert report.data.cells[LICENSE].value == 1200 and _conflicts(report) == []


def test_a_row_label_copied_from_the_next_row(tmp_path: Path) -> None:
    # （一）予以公开 relabelled as （二）部分公开: two rows read （二）; its numbers were （一）'s before.
    src = CLEAN_2021.read_text(encoding="utf-8")
    text = src.replace("\t（一）予以公开\n", "\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\n")
    report = _report(tmp_path, text)
    cells = report.data.cells
    assert all(cells[f"t3.r_partial.{c}"].value is None for c in ("c_natural", "c_biz", "c_total"))
    assert cells["t3.r_partial.c_total"].candidates == [Decimal(11), Decimal(2)]
    assert cells["t3.r_partial.c_research"].value == 0  # both rows say 0: nothing to choose
    assert _conflicts(report) == [
        "表三“（二）部分公开”出现了两次且数字不同（原文第 91 行为 10 1 11，原文第 101 行为 2 0 2），"
        "无法确定哪一处正确，已留空；请对照原件核实后填入。"
    ]


def test_a_docx_row_duplicated_with_other_numbers(tmp_path: Path) -> None:
    with zipfile.ZipFile(DOCX_002) as zin:
        members = {i.filename: zin.read(i) for i in zin.infolist()}
    xml = members["word/document.xml"].decode("utf-8")
    at = xml.find("本年新收")
    start, end = xml.rfind("<w:tr>", 0, at), xml.find("</w:tr>", at) + len("</w:tr>")
    row = xml[start:end]
    assert re.findall(r"<w:t[^>]*>([^<]*)</w:t>", row)[1:] == ["4", "0", "0", "0", "0", "0", "4"]
    copy = row.replace(">4<", ">5<")
    members["word/document.xml"] = (xml[:end] + copy + xml[end:]).encode("utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in members.items():
            zout.writestr(name, data)
    path = tmp_path / "dup.docx"
    path.write_bytes(buf.getvalue())
    report = analyse_file(path)
    assert report.error is None
    for cid in ("t3.r_new.c_natural", "t3.r_new.c_total"):
        assert report.data.cells[cid].value is None
        assert report.data.cells[cid].candidates == [Decimal(4), Decimal(5)]
    assert report.data.cells["t3.r_new.c_biz"].value == 0
    (message,) = _conflicts(report)
    assert "表三“一、本年新收政府信息公开申请数量”出现了两次且数字不同" in message
    assert "为 4 4，" in message and "为 5 5）" in message
