"""The .docx reader's one-pass path (readers/docx_fast.py) reads every file exactly as the general
walk does: same paragraphs, cells, spans, anchors, style names and notes. It must be taken on the
common shape of a report (or it would be dead code) and give way on anything else."""

from __future__ import annotations

from pathlib import Path

import pytest

from gov_review.core.read import docx as docx_reader
from gov_review.core.read import docx_fast, ooxml, read_document
from tests.core.helpers import docx_bytes

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "docx"
TEMPLATE = ROOT.parent / "shared" / "real" / "template_2021.docx"
FILES = sorted(DATA.glob("*.docx")) + ([TEMPLATE] if TEMPLATE.exists() else [])
FAST_SHAPED = ["seed_000", "seed_001", "seed_002", "seed_003", "seed_004", "layout", "layout_strict"]


def _general_walk_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_fast, "walk", lambda *args: None)


def _fast_result(data: bytes) -> docx_fast.FastResult | None:
    zf = ooxml.open_zip("x.docx", data)
    root = ooxml.parse_xml("x.docx", "word/document.xml", zf.read(ooxml.main_part(zf, "x.docx", "x.docx")))
    tags = docx_reader.tags_for(root)
    return docx_fast.walk(
        docx_reader._body(root, tags), tags, docx_reader._cell_anchor, docx_reader._paragraph_anchor
    )


def _same_read(path: str, data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = read_document(path, data)
    with monkeypatch.context() as m:
        _general_walk_only(m)
        general = read_document(path, data)
    assert fast.blocks == general.blocks
    assert fast.notes == general.notes


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_fixture_reads_the_same_either_way(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _same_read(str(path), path.read_bytes(), monkeypatch)


@pytest.mark.parametrize("stem", FAST_SHAPED)
def test_report_shaped_files_take_the_fast_path(stem: str) -> None:
    result = _fast_result((DATA / f"{stem}.docx").read_bytes())
    assert result is not None
    assert any(getattr(b, "rows", None) for b in result.blocks)


@pytest.mark.skipif(not TEMPLATE.exists(), reason="../shared not present")
def test_the_2021_template_takes_the_fast_path() -> None:
    assert _fast_result(TEMPLATE.read_bytes()) is not None


def test_content_controls_tracked_changes_and_nested_tables_take_the_general_walk() -> None:
    assert _fast_result((DATA / "special.docx").read_bytes()) is None


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


# ------------------------------------------------------------------------------------------------
# Unusual shapes: whichever path reads them, the result is the general walk's


def _p(text: str, props: str = "") -> str:
    return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"


def _tc(inner: str, props: str = "") -> str:
    return f"<w:tc>{props}{inner}</w:tc>"


SHAPES = {
    "text outside any paragraph": f"<w:tbl><w:tr>{_tc('<w:r><w:t>stray</w:t></w:r>' + _p('1'))}</w:tr></w:tbl>",
    "two tcPr, the first with a span": "<w:tbl><w:tr>"
    + _tc(_p("a"), '<w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:tcPr/>')
    + _tc(_p("b"))
    + "</w:tr></w:tbl>",
    "two tcPr, the last with a span": "<w:tbl><w:tr>"
    + _tc(_p("a"), '<w:tcPr/><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>')
    + "</w:tr></w:tbl>",
    "style in a second pPr": _p("标题", '<w:pPr/><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'),
    "two styles in one pPr": _p(
        "标题", '<w:pPr><w:pStyle w:val="Heading2"/><w:pStyle w:val="Heading1"/></w:pPr>'
    ),
    "empty style id": _p("正文", '<w:pPr><w:pStyle w:val=""/></w:pPr>'),
    "gridBefore after a cell": '<w:tbl><w:tr><w:tc><w:p/></w:tc><w:trPr><w:gridBefore w:val="2"/></w:trPr>'
    + _tc(_p("x"))
    + "</w:tr></w:tbl>",
    "odd gridBefore and gridSpan values": '<w:tbl><w:tr><w:trPr><w:gridBefore w:val=" 2 "/></w:trPr>'
    + _tc(_p("x"), '<w:tcPr><w:gridSpan w:val="x"/></w:tcPr>')
    + _tc(_p("y"), '<w:tcPr><w:gridSpan w:val="99999"/></w:tcPr>')
    + "</w:tr></w:tbl>",
    "paragraph inside a hyperlink": "<w:p><w:hyperlink><w:p><w:r><w:t>inner</w:t></w:r></w:p></w:hyperlink>"
    "<w:r><w:t>outer</w:t></w:r></w:p>",
    "nested table": "<w:tbl><w:tr>"
    + _tc("<w:tbl><w:tr>" + _tc(_p("in")) + "</w:tr></w:tbl><w:p/>")
    + "</w:tr></w:tbl>",
    "paragraph directly in a table": "<w:tbl><w:p><w:r><w:t>loose</w:t></w:r></w:p><w:tr>"
    + _tc(_p("1"))
    + "</w:tr></w:tbl>",
    "vMerge without and with an empty val": "<w:tbl>"
    + "<w:tr>"
    + _tc(_p("top"), '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>')
    + "</w:tr>"
    + "<w:tr>"
    + _tc(_p("hidden"), "<w:tcPr><w:vMerge/></w:tcPr>")
    + "</w:tr>"
    + "<w:tr>"
    + _tc(_p("new"), '<w:tcPr><w:vMerge w:val=""/></w:tcPr>')
    + "</w:tr>"
    + "<w:tr>"
    + _tc(_p("x"), "<w:tcPr><w:vMerge/></w:tcPr>")
    + "</w:tr>"
    + "</w:tbl>",
    "bookmark artefacts and odd spaces": _p("[bookmark: _GoBack]\u3000正文")
    + "<w:tbl><w:tr>"
    + _tc(_p("[bookmark: a]1") + _p("\u00a0"))
    + "</w:tr></w:tbl>",
    "a tracked row deletion": '<w:tbl><w:tr><w:trPr><w:del w:id="1" w:author="a"/></w:trPr>'
    + _tc(_p("gone"))
    + "</w:tr><w:tr>"
    + _tc(_p("kept"))
    + "</w:tr></w:tbl>",
    "tab stop, tab, break and hyphen": '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
    "<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:noBreakHyphen/><w:cr/></w:r></w:p>",
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_unusual_shapes_read_the_same_either_way(shape: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _same_read("odd.docx", docx_bytes(SHAPES[shape]), monkeypatch)


def test_shapes_the_fast_path_cannot_read_exactly_go_to_the_general_walk() -> None:
    for shape in ("two tcPr, the first with a span", "style in a second pPr", "gridBefore after a cell"):
        assert _fast_result(docx_bytes(SHAPES[shape])) is None, shape
    for shape in ("nested table", "paragraph inside a hyperlink", "a tracked row deletion"):
        assert _fast_result(docx_bytes(SHAPES[shape])) is None, shape
    for shape in ("two tcPr, the last with a span", "vMerge without and with an empty val", "empty style id"):
        assert _fast_result(docx_bytes(SHAPES[shape])) is not None, shape
