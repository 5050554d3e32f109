"""The PDF reader on the three real reports of tests/data/pdf and on PDFs a reviewer cannot use."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from gov_review.core.errors import ReadError
from gov_review.core.model import Paragraph, RawTable, SourceDocument
from gov_review.core.read import read_document

pytest.importorskip("pdfplumber", reason="the PDF reader needs the gov-review[pdf] extra")

DATA = Path(__file__).parents[2] / "data" / "pdf"
sys.path.insert(0, str(DATA))
from make_fixtures import TEXT, minimal_pdf  # noqa: E402

HUAIAN = DATA / "huaian_city_2024.pdf"
HONGZE_2023 = DATA / "hongze_district_2023.pdf"
HONGZE_2024 = DATA / "hongze_district_2024.pdf"

_cache: dict[Path, SourceDocument] = {}


def doc_of(path: Path) -> SourceDocument:
    if path not in _cache:
        _cache[path] = read_document(path)
    return _cache[path]


def texts(row) -> list[str | None]:
    """A row as the reviewer sees it: None where a merged cell covers the position."""
    return [None if c.merged else c.text for c in row]


def table_with(doc: SourceDocument, word: str) -> RawTable:
    matches = [t for t in doc.tables if any(word in c.text for row in t.rows for c in row)]
    assert len(matches) == 1, f"expected one table holding {word!r}, got {len(matches)}"
    return matches[0]


def row_labelled(table: RawTable, label: str) -> list:
    for row in table.rows:
        if any(label in c.text for c in row if not c.merged):
            return row
    raise AssertionError(f"no row labelled {label!r}")


def values(row) -> list[str]:
    return [c.text for c in row if not c.merged and c.text.isdigit()]


# --------------------------------------------------------------------------------------------
# Real reports


@pytest.mark.parametrize("path", [HUAIAN, HONGZE_2023, HONGZE_2024], ids=lambda p: p.stem)
def test_exactly_the_three_report_tables_are_found(path: Path) -> None:
    doc = doc_of(path)
    assert doc.kind == "pdf"
    assert len(doc.tables) == 3
    t2, t3, t4 = doc.tables
    # No prose swallowed into table 二 (WPS paints every paragraph on an invisible white box).
    assert t2.rows[0][0].text.replace(" ", "") == "第二十条第（一）项"
    assert "勾稽" in t3.rows[0][0].text
    assert texts(t4.rows[0])[0] == "行政复议"


@pytest.mark.parametrize("path", [HUAIAN, HONGZE_2023, HONGZE_2024], ids=lambda p: p.stem)
def test_table_three_is_one_table_across_the_page_break(path: Path) -> None:
    t3 = doc_of(path).tables[1]
    pages = {c.anchor.page for row in t3.rows for c in row if not c.merged}
    assert len(pages) == 2
    labels = [c.text for row in t3.rows for c in row if not c.merged and c.text]
    assert labels.count("三、本年度办理结果") == 1  # the merged group label is not lost nor doubled
    assert "（四）无法提供" in labels
    assert labels[-8] == "四、结转下年度继续办理"
    # The merged label spans every outcome row, on both pages.
    origin = next(c for row in t3.rows for c in row if c.text == "三、本年度办理结果")
    covered = [row for row in t3.rows if row[0].merged and row[0].anchor == origin.anchor]
    assert origin.rowspan == len(covered) + 1 >= 18


def test_huaian_label_split_by_the_page_break_is_joined() -> None:
    t3 = doc_of(HUAIAN).tables[1]
    unable = next(c for row in t3.rows for c in row if "无法提供" in c.text)
    assert unable.text == "（四）无法提供"
    assert unable.rowspan == 3
    row = row_labelled(t3, "2.没有现成信息需要另行制作")
    assert texts(row)[:3] == [None, None, "2.没有现成信息需要另行制作"]
    assert values(row) == ["11", "0", "0", "0", "0", "0", "11"]


def test_huaian_values_and_cjk_wrapping() -> None:
    doc = doc_of(HUAIAN)
    t3 = doc.tables[1]
    assert values(row_labelled(t3, "一、本年新收")) == ["3001", "53", "0", "0", "61", "4", "3119"]
    assert values(row_labelled(t3, "（七）总计")) == ["2932", "53", "0", "0", "61", "4", "3050"]
    # A label wrapped over three lines inside its cell reads as one label.
    assert any(
        c.text == "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
        for row in t3.rows
        for c in row
    )
    header = [c.text for c in t3.rows[2] if not c.merged]
    assert header == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    t4 = doc.tables[2]
    assert texts(t4.rows[-1]) == [
        "72",
        "64",
        "178",
        "37",
        "351",
        "13",
        "4",
        "8",
        "1",
        "26",
        "12",
        "1",
        "1",
        "6",
        "20",
    ]
    assert texts(t4.rows[1])[5] == "未经复议直接起诉" and t4.rows[1][5].colspan == 5


def test_hongze_2023_table_four_as_printed() -> None:
    t4 = doc_of(HONGZE_2023).tables[2]
    assert texts(t4.rows[-1]) == ["10", "1", "0", "0", "0", "0", "0", "0", "0", "0", "5", "0", "0", "0", "0"]


def test_hongze_2024_blank_label_cell_does_not_become_a_value() -> None:
    t3 = doc_of(HONGZE_2024).tables[1]
    row = row_labelled(t3, "（七）总计")
    assert texts(row)[:3] == [None, "（七）总计", None]
    assert values(row) == ["95", "0", "0", "0", "0", "0", "95"]


def test_anchors_point_at_page_and_box() -> None:
    t3 = doc_of(HUAIAN).tables[1]
    cell = row_labelled(t3, "一、本年新收")[3]
    assert cell.text == "3001"
    assert cell.anchor.kind == "pdf" and cell.anchor.page == 4
    x0, top, x1, bottom = cell.anchor.bbox
    assert 0 < x0 < x1 < 595 and 0 < top < bottom < 842


def test_paragraphs_follow_reading_order_without_page_numbers() -> None:
    doc = doc_of(HUAIAN)
    paras = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    headings = [p for p in paras if p[:2] in ("一、", "二、", "三、", "四、", "五、", "六、")]
    assert headings == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]
    assert not any(p.replace(" ", "").strip("-") in {"1", "2", "3", "4", "5", "6"} for p in paras)
    # Heading 三 comes right before table 三 in the blocks.
    i = next(
        i for i, b in enumerate(doc.blocks) if isinstance(b, Paragraph) and b.text.startswith("三、收到")
    )
    assert isinstance(doc.blocks[i + 1], RawTable)
    # A paragraph broken by a page break is one paragraph (page 1 → page 2).
    assert any("主动公开各类政府信息 5500 余条" in p and "努力传递政府声音" in p for p in paras)


# --------------------------------------------------------------------------------------------
# Files that cannot be reviewed


def read_bytes(name: str, data: bytes) -> SourceDocument:
    return read_document(name, data)


def test_scan_without_text_layer() -> None:
    scan = minimal_pdf(b"0 0 0 RG 72 72 400 600 re S 0.5 g 100 100 50 50 re f", with_font=False)
    with pytest.raises(ReadError) as info:
        read_bytes("scan.pdf", scan)
    assert info.value.code == "no_text_layer"
    assert "扫描" in info.value.message_zh


@pytest.mark.parametrize("fraction", [0.02, 0.5, 0.97])
def test_truncated_pdf_is_corrupt(fraction: float) -> None:
    data = HUAIAN.read_bytes()
    with pytest.raises(ReadError) as info:
        read_bytes("cut.pdf", data[: int(len(data) * fraction)])
    assert info.value.code == "corrupt"


def test_garbage_after_a_pdf_header_is_corrupt() -> None:
    with pytest.raises(ReadError) as info:
        read_bytes("junk.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 64)
    assert info.value.code == "corrupt"


def test_password_protected_pdf() -> None:
    with pytest.raises(ReadError) as info:
        read_document(DATA / "encrypted_user_password.pdf")
    assert info.value.code == "encrypted"


def test_pdf_with_only_an_owner_password_opens() -> None:
    doc = read_document(DATA / "encrypted_owner_only.pdf")
    assert [p.text for p in doc.paragraphs] == ["Annual report 2024"]


def test_small_text_pdf_without_tables() -> None:
    doc = read_bytes("note.pdf", minimal_pdf(TEXT))
    assert doc.tables == [] and doc.paragraphs[0].anchor.page == 1


def test_missing_pdf_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    with pytest.raises(ReadError) as info:
        read_bytes("a.pdf", minimal_pdf(TEXT))
    assert info.value.code == "needs_pdf_extra"


# --------------------------------------------------------------------------------------------
# Through the pipeline


def _errors(report, rules: tuple[str, ...] = ("R01", "R02", "R03", "R04")) -> list:
    return [f for f in report.findings if f.severity == "error" and f.rule in rules]


def test_pipeline_huaian_balances() -> None:
    from gov_review.core.review.pipeline import analyse_file

    report = analyse_file(HUAIAN)
    assert report.error is None
    assert report.data.format == "2021"
    cells = report.data.cells
    assert cells["t3.r_new.c_total"].value == 3119
    assert cells["t3.r_unable_make.c_natural"].value == 11  # the row right after the page break
    assert cells["t3.r_total.c_total"].value == 3050
    assert cells["t4.review.c_total"].value == 351
    assert cells["t4.lit_post.c_pending"].value == 6
    assert _errors(report) == []


def test_pipeline_hongze_2023_table_four_errors() -> None:
    from gov_review.core.review.pipeline import analyse_file

    report = analyse_file(HONGZE_2023)
    assert report.data.format == "2021"
    r04 = [f for f in _errors(report) if f.rule == "R04"]
    assert any("t4.review.c_total" in f.cells for f in r04)
    assert any("t4.lit_post.c_total" in f.cells for f in r04)
    assert not any("t4.lit_direct.c_total" in f.cells for f in r04)
    assert [f for f in _errors(report) if f.rule != "R04"] == []


def test_pipeline_hongze_2024_balances() -> None:
    from gov_review.core.review.pipeline import analyse_file

    report = analyse_file(HONGZE_2024)
    assert report.data.format == "2021"
    assert report.data.cells["t3.r_total.c_total"].value == 95
    assert report.data.cells["t3.r_carry.c_total"].value == 0
    assert _errors(report) == []
