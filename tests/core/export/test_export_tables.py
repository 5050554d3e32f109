"""The corrections workbook, CSV and review JSON show every correction, note and accepted warning."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from gov_review.core.export.csv import corrections_csv
from gov_review.core.export.outputs import review_json
from gov_review.core.export.xlsx import CORRECTED_FILL, corrections_xlsx
from tests.core.helpers import NOTE, REASON, WAIVE, review_002

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "resources" / "samples" / "seed_002.txt"
DOCX = ROOT / "tests" / "data" / "docx" / "seed_002.docx"


def _find(ws, text: str):
    return next(c for row in ws.iter_rows() for c in row if c.value == text)


@pytest.mark.parametrize("src", [SEED, DOCX], ids=["text", "docx"])
def test_workbook_tables_highlights_comments_and_sheets(src: Path) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(corrections_xlsx(review_002(src))))
    assert wb.sheetnames == ["表二", "表三", "表四", "问题清单", "修改记录", "审核备注"]
    t3 = wb["表三"]
    # National layout: the corner spans 3×3, 申请人情况 spans the 7 data columns.
    merged = {str(r) for r in t3.merged_cells.ranges}
    assert "A4:C6" in merged and "D4:J4" in merged and "E5:I5" in merged
    total_row = _find(t3, "（七）总计").row
    natural, total = t3.cell(total_row, 4), t3.cell(total_row, 10)
    for c in (natural, total):
        assert c.value == 4
        assert c.fill.fgColor.rgb.endswith(CORRECTED_FILL[1:])
        assert c.font.bold
        assert "原填“0”" in c.comment.text and REASON in c.comment.text
    untouched = t3.cell(total_row, 5)
    assert untouched.comment is None and not untouched.font.bold
    new_total = t3.cell(_find(t3, "一、本年新收政府信息公开申请数量").row, 10)
    assert NOTE in new_total.comment.text
    assert {str(r) for r in wb["表四"].merged_cells.ranges} >= {"A4:E4", "F4:O4", "F5:J5", "K5:O5"}

    findings = wb["问题清单"]
    rows = [[c.value for c in r] for r in findings.iter_rows(min_row=2)]
    status = {(r[1], r[3]) for r in rows}
    assert ("R01", "已更正") in status and ("R03", "已更正") in status
    assert ("R08", "已接受") in status  # the rule id, never its sub-code (unit_in_money)
    assert ("N01", "待核实") in status
    assert any(r[8] == WAIVE for r in rows)

    fixes = [[c.value for c in r] for r in wb["修改记录"].iter_rows(min_row=2)]
    assert [tuple(r[:6]) for r in fixes] == [
        ("t3.r_total.c_natural", "表三 · （七）总计 · 自然人", "0", "4", REASON, "李审核"),
        ("t3.r_total.c_total", "表三 · （七）总计 · 总计", "0", "4", REASON, "李审核"),
    ]
    assert all(r[6] for r in fixes)  # time
    notes = [[c.value for c in r] for r in wb["审核备注"].iter_rows(min_row=2)]
    assert notes[0][0] == "t3.r_new.c_total" and notes[0][2] == NOTE


def test_csv_has_bom_and_the_corrections() -> None:
    data = corrections_csv(review_002(SEED))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:4] == ["单元格编号", "单元格（中文）", "原值", "更正值"]
    assert [r[0] for r in rows[1:]] == ["t3.r_total.c_natural", "t3.r_total.c_total"]
    assert all(r[2] == "0" and r[3] == "4" and r[4] == REASON and r[5] == "李审核" for r in rows[1:])


def test_review_json_carries_the_whole_review() -> None:
    doc = json.loads(review_json(review_002(SEED)))
    assert doc["source"]["name"] == "seed_002.txt"
    assert len(doc["source"]["sha256"]) == 64
    assert [e["cell"] for e in doc["review"]["edits"]] == ["t3.r_total.c_natural", "t3.r_total.c_total"]
    assert doc["review"]["notes"][0]["text"] == NOTE
    assert doc["review"]["waivers"][0]["reason"] == WAIVE
    states = {s["code"]: s["status"] for s in doc["finding_states"]}
    assert (
        states["R01"] == "fixed"
        and states["R08.unit_in_money"] == "waived"
        and states["N01.mismatch"] == "open"
    )


def test_workbook_prints_on_a4_landscape_one_page_wide_with_headers_repeated() -> None:
    wb = openpyxl.load_workbook(io.BytesIO(corrections_xlsx(review_002(SEED))))
    for name in ("表二", "表三", "表四", "问题清单", "修改记录"):
        ws = wb[name]
        assert ws.page_setup.orientation == "landscape", name
        assert ws.page_setup.paperSize == 9, name  # A4
        # fitToWidth 1 is the file format's default, which XlsxWriter leaves implicit
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth in (None, 1), name
        assert ws.page_setup.fitToHeight == 0, name
        assert ws.print_title_rows, name
    assert wb["表三"].print_title_rows == "$1:$6"  # title, legend, blank, three header rows


def test_table_three_labels_have_the_height_they_need() -> None:
    """Each label's wrapped lines fit its row (or its merged rows): no label drawn over the next."""
    from gov_review.core.export.xlsx import _width

    ws = openpyxl.load_workbook(io.BytesIO(corrections_xlsx(review_002(SEED))))["表三"]
    widths = {c: ws.column_dimensions[c].width for c in "ABCDEFGHIJ"}
    merged = {str(r).split(":")[0]: r for r in ws.merged_cells.ranges}
    checked = 0
    for row in ws.iter_rows(min_row=4, max_col=3):
        for cell in row:
            if not isinstance(cell.value, str) or not cell.value:
                continue
            rng = merged.get(cell.coordinate)
            cols = range(rng.min_col, rng.max_col + 1) if rng else [cell.column]
            rows = range(rng.min_row, rng.max_row + 1) if rng else [cell.row]
            room = sum(widths[openpyxl.utils.get_column_letter(c)] for c in cols) - 1
            lines = -(-_width(cell.value) // room)
            height = sum(ws.row_dimensions[r].height or 15 for r in rows)
            assert height >= lines * 13.5, (cell.coordinate, cell.value, height, lines)
            checked += 1
    assert checked > 20


def test_csv_never_hands_excel_a_formula() -> None:
    """A reason or value starting with = + - @ is written after an apostrophe; a number is left alone."""
    from gov_review.core.review.pipeline import analyse_file
    from gov_review.core.review.session import ReviewSession

    s = ReviewSession(analyse_file(SEED), "李审核")
    s.set_value("t3.r_total.c_natural", "4", '=HYPERLINK("http://example.com","核对")')
    s.set_value("t2.a5.r_license.c_delta", "-1", "+号后为说明")  # the change column may be negative
    s.set_value("t3.r_new.c_natural", "16", "@备注")
    rows = list(csv.reader(io.StringIO(corrections_csv(s).decode("utf-8-sig"))))[1:]
    got = {r[0]: (r[3], r[4]) for r in rows}
    assert got == {
        "t3.r_total.c_natural": ("4", "'=HYPERLINK(\"http://example.com\",\"核对\")"),
        "t2.a5.r_license.c_delta": ("-1", "'+号后为说明"),  # a number stays a number
        "t3.r_new.c_natural": ("16", "'@备注"),
    }
