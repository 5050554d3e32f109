"""The HTML reader on pages as users save them, and on pages a reviewer cannot use."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from gov_review.core.errors import ReadError
from gov_review.core.model import RawTable, SourceDocument
from gov_review.core.read import read_document

DATA = Path(__file__).parents[2] / "data" / "html"
GBK_SITE = DATA / "seed002_gbk_site.html"
UTF8_LAYOUT = DATA / "seed000_utf8_layout.html"
UNCLOSED = DATA / "seed002_unclosed.html"
SEEDS = Path(__file__).parents[4] / "shared" / "seeds"


def texts(row) -> list[str | None]:
    return [None if c.merged else c.text for c in row]


def grid(table: RawTable) -> list[list[str | None]]:
    return [texts(r) for r in table.rows]


def read_html(html: str, encoding: str = "utf-8", name: str = "page.html") -> SourceDocument:
    return read_document(name, html.encode(encoding))


# --------------------------------------------------------------------------------------------
# A site page saved from a browser: GBK, chrome, tables pasted from Word


@pytest.fixture(scope="module")
def gbk() -> SourceDocument:
    return read_document(GBK_SITE)


def test_gbk_page_is_decoded_whole(gbk: SourceDocument) -> None:
    # 镕 (outside GB2312) sits in the metadata table before the article: had the bytes been handed
    # to lxml under <meta charset=gb2312>, everything after it would be gone.
    raw = GBK_SITE.read_bytes()
    assert "镕".encode("gbk") in raw and b'charset="gb2312"' in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("gb2312")  # what the page declares would not even decode it
    assert gbk.encoding == "gb18030"
    assert gbk.paragraphs[-1].text == "安镇街道办事处（审核：李堃）"
    assert len(gbk.tables) == 3


def test_site_chrome_is_left_out(gbk: SourceDocument) -> None:
    everything = "\n".join(p.text for p in gbk.paragraphs)
    for chrome in (
        "首页",
        "办事服务",
        "索引号",
        "发布机构",
        "ICP",
        "分享到",
        "打印本页",
        "隐藏的文字",
        "统计代码",
        "搜索",
    ):
        assert chrome not in everything
    assert gbk.paragraphs[0].text == "安镇街道2020年政府信息公开工作年度报告"  # the title above the article
    assert gbk.paragraphs[1].text == "一、总体情况"


def test_word_source_line_wraps_are_not_spaces(gbk: SourceDocument) -> None:
    texts_ = [p.text for p in gbk.paragraphs]
    assert "本年度街道新收政府信息公开申请数量16条，行政复议4条，行政诉讼5条。" in texts_


def test_table_three_merges_as_in_word(gbk: SourceDocument) -> None:
    t3 = gbk.tables[1]
    assert texts(t3.rows[0])[:4] == [
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        None,
        None,
        "申请人情况",
    ]
    assert texts(t3.rows[0])[-1] == "总计"  # seed 002 puts 总计 in the first header row
    assert texts(t3.rows[1]) == [None, None, None, "自然人", "法人或其他组织", None, None, None, None, None]
    assert texts(t3.rows[2])[4:9] == ["商业\n企业", "科研\n机构", "社会公益组织", "法律服务机构", "其他"]
    result = next(c for r in t3.rows for c in r if c.text == "三、本年度办理结果")
    assert result.rowspan == 18
    deny = next(r for r in t3.rows if any(c.text == "（三）不予公开" for c in r))
    assert texts(deny) == [None, "（三）不予公开", "1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0"]
    assert texts(next(r for r in t3.rows if any(c.text == "2.重复申请" for c in r)))[:3] == [
        None,
        None,
        "2.重复申请",
    ]
    total = next(r for r in t3.rows if any(c.text == "（七）总计" for c in r))
    assert texts(total) == [None, "（七）总计", None, "0", "0", "0", "0", "0", "0", "0"]
    # Every covered position carries the anchor of its origin, so the source view can highlight it.
    assert deny[0].anchor == result.anchor


def test_table_four_two_header_levels(gbk: SourceDocument) -> None:
    t4 = gbk.tables[2]
    assert texts(t4.rows[0]) == ["行政复议", *[None] * 4, "行政诉讼", *[None] * 9]
    assert texts(t4.rows[1])[5:11] == ["未经复议直接起诉", None, None, None, None, "复议后起诉"]
    assert texts(t4.rows[2])[:5] == [None] * 5
    assert texts(t4.rows[3]) == ["4", "0", "0", "0", "4", "1", "1", "1", "0", "3", "0", "0", "0", "2", "2"]


def test_anchors_are_xpaths_to_the_cells(gbk: SourceDocument) -> None:
    root = lxml.html.document_fromstring(GBK_SITE.read_bytes().decode("gb18030"))
    cell = gbk.tables[2].rows[3][4]
    (element,) = root.getroottree().xpath(cell.anchor.path)
    assert element.tag == "td" and element.text_content().strip() == "4"
    heading = next(p for p in gbk.paragraphs if p.text.startswith("三、"))
    (element,) = root.getroottree().xpath(heading.anchor.path)
    assert element.tag == "p"


# --------------------------------------------------------------------------------------------
# UTF-8, a page laid out with tables; hand-written HTML with unclosed tags


def test_layout_tables_hold_the_report_tables() -> None:
    doc = read_document(UTF8_LAYOUT)
    assert doc.encoding == "utf-8"
    assert len(doc.tables) == 3
    assert [p.text for p in doc.paragraphs[:2]] == ["台儿庄区张山子镇", "2020年政府信息公开工作年度报告"]
    everything = "\n".join(p.text for p in doc.paragraphs)
    assert "机构职能" not in everything and "版权所有" not in everything
    total = next(r for r in doc.tables[1].rows if any(c.text == "（七）总计" for c in r))
    assert texts(total)[3:] == ["1", "", "", "", "", "", "1"]  # blank stays blank, not 0


def test_unclosed_cells_read_like_the_closed_page(gbk: SourceDocument) -> None:
    doc = read_document(UNCLOSED)
    assert [grid(t) for t in doc.tables] == [grid(t) for t in gbk.tables]
    # The hand-written page has no signature line; everything else is the same.
    assert [p.text for p in doc.paragraphs] == [p.text for p in gbk.paragraphs[:-1]]


def test_br_and_paragraphs_inside_cells_and_nbsp_padding() -> None:
    doc = read_html(
        "<html><body><p>三、收到和处理政府信息公开申请情况</p><p>第一行<br>第二行</p>"
        "<table><tr><td>申请人情况</td><td>本年<br/>新收</td><td><p>&nbsp;</p></td><td>&nbsp;3&nbsp;</td></tr></table>"
        "</body></html>"
    )
    assert [p.text for p in doc.paragraphs] == ["三、收到和处理政府信息公开申请情况", "第一行", "第二行"]
    assert texts(doc.tables[0].rows[0]) == ["申请人情况", "本年\n新收", "", "3"]


def test_hostile_spans_are_clamped() -> None:
    doc = read_html(
        '<table><tr><td rowspan="65534" colspan="99999">申请人情况</td><td>1</td></tr><tr><td>2</td></tr></table>'
    )
    rows = doc.tables[0].rows
    assert len(rows) == 2
    assert rows[0][0].rowspan == 2 and rows[0][0].colspan == 1000
    assert texts(rows[1])[-1] == "2" and len(rows[1]) == 1001


def test_a_span_of_thousands_of_digits_is_clamped_not_a_traceback() -> None:
    # found by bench_fuzz: int() refuses strings of more than 4,300 digits
    span = "9" * 5000
    doc = read_html(
        f'<table><tr><td colspan="{span}">申请人情况</td><td>1</td></tr><tr><td>2</td></tr></table>'
    )
    assert doc.tables[0].rows[0][0].colspan == 1000
    doc = read_html(f'<table><tr><td rowspan="{"0" * 5000}7">申请人情况</td><td>1</td></tr></table>')
    assert doc.tables[0].rows[0][0].rowspan == 1


def test_chrome_table_inside_the_article_becomes_text() -> None:
    doc = read_html(
        "<body><div id=nav><a>首页</a></div><div class=article>"
        "<p>一、总体情况</p><table><tr><td>联系人</td><td>张三</td></tr></table>"
        "<p>三、收到和处理政府信息公开申请情况</p><table><tr><td>本年新收</td><td>4</td></tr></table>"
        "<p>四、政府信息公开行政复议、行政诉讼情况</p></div></body>"
    )
    assert len(doc.tables) == 1
    assert [p.text for p in doc.paragraphs] == [
        "一、总体情况",
        "联系人 张三",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    ]


# --------------------------------------------------------------------------------------------
# Files that cannot be reviewed


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02<html>\xff\xfe\x00\x00" * 200, "binary"),
        (b"<html><head><title>x</title><script>var a;</script></head><body>  </body></html>", "html_no_text"),
    ],
    ids=["empty", "binary", "no-text"],
)
def test_unusable_pages(data: bytes, code: str) -> None:
    with pytest.raises(ReadError) as info:
        read_document("bad.html", data)
    assert info.value.code == code
    assert info.value.message_zh


# --------------------------------------------------------------------------------------------
# Through the pipeline: the same report as HTML gives what the seed's text gives


def _summary(report) -> tuple[dict, set]:
    cells = {k: (c.raw, c.value) for k, c in report.data.cells.items()}
    # D05 reports a Word bookmark the text extraction left behind; a web page has none.
    findings = {(f.rule, f.severity, tuple(f.cells)) for f in report.findings if f.rule != "D05"}
    return cells, findings


@pytest.mark.parametrize(
    ("page", "seed"),
    [
        (GBK_SITE, "002_60c3416880e5604d.txt"),
        (UNCLOSED, "002_60c3416880e5604d.txt"),
        (UTF8_LAYOUT, "000_6a7134ba6c38d59e.txt"),
    ],
    ids=["gbk-site", "unclosed", "utf8-layout"],
)
def test_pipeline_html_page_equals_text_seed(page: Path, seed: str) -> None:
    if not (SEEDS / seed).exists():
        pytest.skip(f"the shared seeds are not checked out next to this repository ({SEEDS})")
    from gov_review.core.review.pipeline import analyse_file

    html_report, text_report = analyse_file(page), analyse_file(SEEDS / seed)
    assert html_report.error is None
    assert _summary(html_report) == _summary(text_report)


def test_pipeline_seed_002_page_findings() -> None:
    from gov_review.core.review.pipeline import analyse_file

    report = analyse_file(GBK_SITE)
    errors = {(f.rule, c) for f in report.findings if f.severity == "error" for c in f.cells}
    assert ("N01", "t3.r_new.c_total") in errors
    assert ("R03", "t3.r_total.c_total") in errors and ("R03", "t3.r_total.c_natural") in errors
    assert ("R01", "t3.r_total.c_total") in errors
    assert any(rule == "R06" for rule, _ in errors)
