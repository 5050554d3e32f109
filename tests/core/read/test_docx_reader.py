"""The .docx reader: the seeds' Word twins read like their text, merged cells become spans, anchors
find their w:tc again, and hostile or broken files give a ReadError with the right code."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from gov_review.core.errors import ReadError
from gov_review.core.model import Anchor, RawCell
from gov_review.core.read import read_document
from gov_review.core.read.docx import W_MAIN, find_tc, parse_document_xml, read
from gov_review.core.text.normalize import norm

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data" / "docx"
SHARED = ROOT.parent / "shared"
SEEDS = {p.name[:3]: p for p in sorted((SHARED / "seeds").glob("*.txt"))}
TEMPLATE = SHARED / "real" / "template_2021.docx"
SEED_IDS = ["000", "001", "002", "003", "004"]
W = f"{{{W_MAIN}}}"

needs_shared = pytest.mark.skipif(len(SEEDS) != 5 or not TEMPLATE.exists(), reason="../shared not present")


def _docx(seed: str) -> Path:
    return DATA / f"seed_{seed}.docx"


def _origins(row: list[RawCell]) -> list[RawCell]:
    """One cell per w:tc: the first grid position that names it (as the seeds' text has them)."""
    seen: dict[int | None, RawCell] = {}
    for cell in row:
        seen.setdefault(cell.anchor.cell, cell)
    return list(seen.values())


def _tc_text(tc: etree._Element) -> str:
    paragraphs = tc.findall(f"{W}p")
    return "\n".join(
        "".join("\n" if el.tag == f"{W}br" else el.text or "" for el in p.iter(f"{W}t", f"{W}br"))
        for p in paragraphs
    )


def _document_xml(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as zf:
        return parse_document_xml(zf.read("word/document.xml"))


def _make_docx(body: str, extra: dict[str, bytes] | None = None) -> bytes:
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_MAIN}"><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", xml)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def _code(path: Path | str, data: bytes | None = None) -> str:
    with pytest.raises(ReadError) as info:
        read_document(path, data)
    return info.value.code


# ------------------------------------------------------------------------------------------------
# The seeds' Word twins


@needs_shared
@pytest.mark.parametrize("seed", SEED_IDS)
def test_seed_docx_has_the_paragraphs_of_its_text_twin(seed: str) -> None:
    text = read_document(SEEDS[seed])
    doc = read_document(_docx(seed))
    assert doc.kind == "docx"
    assert [norm(p.text) for p in doc.paragraphs] == [norm(p.text) for p in text.paragraphs]
    headings = [p.text for p in doc.paragraphs if p.style == "Heading 1"]
    assert len(headings) == 6 and headings[0].endswith("总体情况")


@needs_shared
@pytest.mark.parametrize("seed", SEED_IDS)
def test_seed_docx_cells_read_like_the_text_twin(seed: str) -> None:
    text = read_document(SEEDS[seed])
    doc = read_document(_docx(seed))
    assert len(doc.tables) == len(text.tables) == 3
    for want, have in zip(text.tables, doc.tables, strict=True):
        assert [[c.text for c in row] for row in want.rows] == [
            [c.text for c in _origins(row)] for row in have.rows
        ]


def test_table3_merges_become_spans() -> None:
    t3 = read_document(_docx("000")).tables[1]
    assert all(len(row) == 10 for row in t3.rows)  # the full grid: 3 label + 7 value columns
    corner = t3.rows[0][0]
    assert "勾稽关系" in corner.text and (corner.colspan, corner.rowspan) == (3, 3)
    covered = [t3.rows[r][c] for r in range(3) for c in range(3) if (r, c) != (0, 0)]
    assert all(c.merged and c.text == "" for c in covered)
    applicant = t3.rows[0][3]
    assert applicant.text == "申请人情况" and applicant.colspan == 7
    assert [(c.text, c.colspan, c.rowspan) for c in t3.rows[1][3:5]] == [
        ("自然人", 1, 2),
        ("法人或其他组织", 5, 1),
    ]
    assert (t3.rows[1][9].text, t3.rows[1][9].rowspan) == ("总计", 2)
    result = t3.rows[5][0]
    assert result.text == "三、本年度办理结果" and result.rowspan == 20  # （一） … （七）
    assert (t3.rows[7][1].text, t3.rows[7][1].rowspan) == ("（三）不予公开", 8)
    assert t3.rows[3][0].colspan == 3 and t3.rows[3][1].merged
    # The value cells are plain cells with their own anchors.
    total_row = t3.rows[-2]
    assert [c.text for c in total_row[3:]] == ["1", "", "", "", "", "", "1"]
    assert not any(c.merged for c in total_row[3:])


def test_seed_002_total_column_stands_in_the_first_header_row() -> None:
    t3 = read_document(_docx("002")).tables[1]
    assert t3.rows[0][3].colspan == 6
    total = t3.rows[0][9]
    assert total.text == "总计" and total.rowspan == 3
    assert t3.rows[1][9].merged and t3.rows[2][9].merged
    assert len(t3.rows) == 24  # （五）4 and 5 are missing, as in the report


def test_table4_two_level_headers() -> None:
    t4 = read_document(_docx("000")).tables[2]
    assert [(c.text, c.colspan) for c in t4.rows[0] if not c.merged] == [("行政复议", 5), ("行政诉讼", 10)]
    assert [c.rowspan for c in t4.rows[1][:5]] == [2] * 5
    assert all(c.merged for c in t4.rows[2][:5])
    assert [c.text for c in t4.rows[3]] == ["0"] * 5 + ["8", "0", "0", "0", "8"] + ["0"] * 5


def test_table2_short_rows_span_to_the_right_edge() -> None:
    t2 = read_document(_docx("003")).tables[0]
    assert all(len(row) == 4 for row in t2.rows)
    assert t2.rows[0][0].colspan == 4 and t2.rows[0][0].text == "第二十条第（一）项"
    fee = next(row for row in t2.rows if row[0].text == "行政事业性收费")
    assert fee[2].colspan == 2 and fee[3].merged
    extra = t2.rows[-1][0]
    assert extra.text.startswith("2020年本行政区域") and extra.colspan == 4


# In the text, seed 000 carries a literal "[bookmark: _GoBack]" (D05: an artefact normalised); in
# Word that is a hidden bookmark nobody sees, so the .docx twin rightly has no such finding.
ONLY_IN_TEXT = {"000": {("D05", "info", ())}}


def _findings(report) -> set[tuple[str, str, tuple[str, ...]]]:
    return {(f.rule, f.severity, tuple(f.cells)) for f in report.findings}


@needs_shared
@pytest.mark.parametrize("seed", SEED_IDS)
def test_seed_docx_gives_the_cells_and_findings_of_its_text_twin(seed: str) -> None:
    from gov_review.core.review.pipeline import analyse_file

    text = analyse_file(SEEDS[seed])
    doc = analyse_file(_docx(seed))
    assert text.error is None and doc.error is None
    assert text.data is not None and doc.data is not None
    assert doc.data.format == text.data.format == "2019"
    assert {cid: c.value for cid, c in doc.data.cells.items()} == {
        cid: c.value for cid, c in text.data.cells.items()
    }
    assert {cid: norm(c.raw or "") for cid, c in doc.data.cells.items()} == {
        cid: norm(c.raw or "") for cid, c in text.data.cells.items()
    }
    assert _findings(text) - _findings(doc) == ONLY_IN_TEXT.get(seed, set())
    assert _findings(doc) - _findings(text) == set()


def test_seed_002_docx_findings_pin_the_total_row() -> None:
    from gov_review.core.review.pipeline import analyse_file

    report = analyse_file(_docx("002"))
    r03 = {tuple(f.cells) for f in report.findings if f.rule == "R03" and f.severity == "error"}
    assert any("t3.r_total.c_total" in cells for cells in r03)
    assert any(f.rule == "N01" and f.severity == "error" for f in report.findings)
    assert any(f.rule == "R06" and f.severity == "error" for f in report.findings)


# ------------------------------------------------------------------------------------------------
# Anchors


@needs_shared
@pytest.mark.parametrize("path", [*(_docx(s) for s in SEED_IDS), TEMPLATE], ids=lambda p: p.name)
def test_every_cell_anchor_finds_its_own_w_tc(path: Path) -> None:
    doc = read_document(path)
    root = _document_xml(path)
    checked = 0
    for table in doc.tables:
        for row in table.rows:
            for cell in row:
                tc = find_tc(root, cell.anchor)
                assert tc.tag == f"{W}tc"
                if not cell.merged:
                    assert _tc_text(tc) == cell.text
                    checked += 1
    assert checked > 200


def test_a_value_written_through_an_anchor_lands_in_that_cell(tmp_path: Path) -> None:
    """What the corrected-report writer will do: find the w:tc, change its text, save."""
    src = _docx("002")
    doc = read_document(src)
    total_row = doc.tables[1].rows[-2]
    assert total_row[1].text == "（七）总计"
    cell = total_row[3]  # 自然人
    root = _document_xml(src)
    tc = find_tc(root, cell.anchor)
    tc.find(f".//{W}t").text = "4"
    out = tmp_path / "fixed.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(info, data if info.filename == "word/document.xml" else zin.read(info))
    again = read_document(out)
    row = again.tables[1].rows[-2]
    assert row[3].text == "4" and row[3].anchor == cell.anchor
    assert [c.text for c in row[4:]] == [c.text for c in total_row[4:]]


def test_find_tc_refuses_an_anchor_that_is_not_there() -> None:
    root = _document_xml(_docx("000"))
    with pytest.raises(LookupError):
        find_tc(root, Anchor("docx", table=9, row=0, cell=0))
    with pytest.raises(LookupError):
        find_tc(root, Anchor("docx", table=1, row=3, cell=99))
    with pytest.raises(LookupError):
        find_tc(root, Anchor("docx", paragraph=3))


# ------------------------------------------------------------------------------------------------
# Word features in a hand-made file


def test_tracked_changes_content_controls_nested_tables_and_grid_before() -> None:
    doc = read_document(DATA / "special.docx")
    assert ("tracked_changes", {"insertions": 2, "deletions": 2}) in doc.notes
    texts = [p.text for p in doc.paragraphs]
    assert texts == ["三、收到和处理政府信息公开申请情况", "本年新收申请4件。", "完。"]  # 5 was deleted
    outer, inner = doc.tables
    assert [c.text for c in outer.rows[1]] == ["一、本年新收 申请数量", "4", "4"]  # w:tab, w:sdt, w:ins
    # gridBefore: the missing first position is not emitted; the cell keeps its w:tc index.
    assert [c.text for c in outer.rows[2]] == ["外", "尾"]
    assert [c.anchor.cell for c in outer.rows[2]] == [0, 1]
    # The nested table is its own table, numbered after its parent, and its text stays out of the
    # outer cell.
    assert (outer.index, inner.index) == (0, 1) and inner.anchor.table == 1
    assert [c.text for c in inner.rows[0]] == ["内1", "内2\n第二行"]
    root = _document_xml(DATA / "special.docx")
    assert _tc_text(find_tc(root, inner.rows[0][0].anchor)) == "内1"


def test_placeholder_of_an_empty_content_control_is_not_a_value() -> None:
    body = (
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>总计</w:t></w:r></w:p></w:tc><w:tc><w:p>"
        "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:t>单击此处输入文字。</w:t></w:r>"
        "</w:sdtContent></w:sdt></w:p></w:tc></w:tr></w:tbl>"
    )
    doc = read("x.docx", _make_docx(body))
    assert [c.text for c in doc.tables[0].rows[0]] == ["总计", ""]
    assert not any(code == "tracked_changes" for code, _ in doc.notes)


def test_a_literal_bookmark_artefact_is_stripped_and_noted() -> None:
    body = "<w:p><w:r><w:t>[bookmark: _GoBack]二、主动公开政府信息情况</w:t></w:r></w:p>"
    doc = read("x.docx", _make_docx(body))
    assert doc.paragraphs[0].text == "二、主动公开政府信息情况"
    assert ("bookmark_removed", {"count": 1}) in doc.notes


def test_tab_stops_in_paragraph_properties_are_not_text() -> None:
    body = '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>一、总体情况</w:t></w:r></w:p>'
    assert read("x.docx", _make_docx(body)).paragraphs[0].text == "一、总体情况"


# ------------------------------------------------------------------------------------------------
# The real 2021 template


@needs_shared
def test_template_2021_tables_are_fully_located() -> None:
    doc = read_document(TEMPLATE)
    t2, t3, t4 = doc.tables
    assert len(t2.rows) == 14 and all(len(r) == 4 for r in t2.rows)
    assert len(t3.rows) == 28 and all(len(r) == 10 for r in t3.rows)
    assert len(t4.rows) == 4 and all(len(r) == 15 for r in t4.rows)
    assert (t3.rows[0][0].colspan, t3.rows[0][0].rowspan) == (3, 3)
    assert (
        t3.rows[5][0].text == "三、本年度办理结果" and t3.rows[5][0].rowspan == 22
    )  # （六） has 3 rows in 2021
    values = [c for row in t3.rows[3:] for c in row[3:]] + list(t4.rows[3])
    assert len(values) == 25 * 7 + 15
    assert all(not c.merged and norm(c.text) == "" for c in values)


@needs_shared
def test_template_2021_reconstructs_as_an_empty_2021_report() -> None:
    from gov_review.core.review.pipeline import analyse_file

    report = analyse_file(TEMPLATE)
    assert report.error is None and report.data is not None
    assert report.data.format == "2021"
    assert len(report.data.cells) >= 175 + 15 + 10
    assert all(c.value is None for c in report.data.cells.values())
    assert all(c.placement != "missing" for c in report.data.cells.values())  # every cell was located
    assert not report.data.unplaced


def test_the_layout_fixture_reads_as_typed() -> None:
    doc = read_document(DATA / "layout.docx")
    texts = [b.text for b in doc.paragraphs]
    assert "本年度主动公开信息 共计 120 条。" in texts  # the tab character, not the tab stop
    assert "联系电话：0517-83600000\n地址：某路 1 号" in texts
    assert [b.style for b in doc.paragraphs if b.text == "一、总体情况"] == ["Heading 1"]
    rows = doc.tables[0].rows
    assert (rows[0][0].text, rows[0][0].colspan) == ("第二十条第（一）项", 4)
    assert (rows[2][0].text, rows[2][0].rowspan, rows[3][0].merged) == ("规章", 2, True)
    assert rows[3][2].text == "1\n（含修订）"
    # The last row starts after one unused grid column, so it has three positions.
    assert [(c.text, c.merged) for c in rows[4]] == [("合计", False), ("", True), ("", True)]
    assert (rows[4][0].anchor.row, rows[4][0].anchor.cell) == (4, 0)


def test_the_strict_namespace_reads_like_the_transitional_one() -> None:
    strict = read_document(DATA / "layout_strict.docx")
    assert [b.text for b in strict.paragraphs] == [
        b.text for b in read_document(DATA / "layout.docx").paragraphs
    ]
