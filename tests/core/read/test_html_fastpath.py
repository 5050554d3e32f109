"""The HTML reader's shortcuts give what a browser shows: cell text with and without line breaks,
anchors that find the very cell in the page, hidden text, and a page's own UTF-8 bytes.

Each case is a shape the reader decides on before it reads a cell or paragraph (one Word paragraph,
text around a paragraph, a nested table, a leaf span, thead/tbody rows, th and td in one row).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import lxml.html
import pytest

from gov_review.core.model import RawTable, SourceDocument
from gov_review.core.read import read_document

DATA = Path(__file__).parents[2] / "data" / "html"
WORD_SAVED = DATA / "seed003_word_saved.htm"
SEEDS = Path(__file__).parents[4] / "shared" / "seeds"


def page(body: str) -> str:
    return f"<html><head><meta charset=utf-8></head><body>{body}</body></html>"


def read(html: str, encoding: str = "utf-8") -> SourceDocument:
    return read_document("page.html", html.encode(encoding))


def texts(table: RawTable) -> list[list[str | None]]:
    return [[None if c.merged else c.text for c in row] for row in table.rows]


def element_at(html: str, path: str):
    (element,) = lxml.html.document_fromstring(html).getroottree().xpath(path)
    return element


# --------------------------------------------------------------------------------------------
# Cell text: one paragraph, or lines


WORD_P = "<p class=MsoNormal><span lang=EN-US style='font-size:10.5pt'>{}</span><span><o:p></o:p></span></p>"


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        (WORD_P.format("本年新收"), "本年新收"),  # Word's usual cell: one paragraph, no break
        (WORD_P.format("本年") + WORD_P.format("新收"), "本年\n新收"),  # two paragraphs: two lines
        ("本年<p>新收</p>", "本年\n新收"),  # text beside the one paragraph is a line of its own
        ("<p>本年</p>新收", "本年\n新收"),
        ("\n  <p>本年新收</p>\n", "本年新收"),  # white space beside it is nothing
        ("<span>本年<br>新收</span>", "本年\n新收"),  # a break deep inside a span
        ("<div>本年</div>新收", "本年\n新收"),
        ("<span>本年</span><script>var a = '新收';</script>", "本年"),  # script text is never shown
        ("<p>&nbsp;</p>", ""),
        ("<p>&nbsp;3&nbsp;</p>", "3"),
        ("<b>法人或\n其他组织</b>", "法人或其他组织"),  # a source line wrap between CJK is no space
        ("<b>legal \n person</b>", "legal person"),
    ],
    ids=[
        "word-p",
        "two-p",
        "text-before-p",
        "text-after-p",
        "blank-beside-p",
        "br-in-span",
        "div",
        "script",
        "nbsp",
        "nbsp-3",
        "wrap",
        "latin",
    ],
)
def test_cell_text_as_a_browser_shows_it(cell: str, shown: str) -> None:
    doc = read(page(f"<table><tr><td>申请人情况</td><td>{cell}</td></tr></table>"))
    assert texts(doc.tables[0]) == [["申请人情况", shown]]


def test_cell_holding_a_nested_table_reads_both_tables_text_in_lines() -> None:
    html = page(
        "<table><tr><td>本年新收</td><td><p>外</p><table><tr><td>内一</td><td>内二</td></tr></table></td></tr>"
        "<tr><td><p>一</p></td><td>2</td></tr></table>"
    )
    doc = read(html)
    table = doc.tables[0]
    assert texts(table)[0][1] == "外\n内一\n内二"
    assert texts(table)[1] == ["一", "2"]  # the one-paragraph cell next to it stays one line


# --------------------------------------------------------------------------------------------
# Anchors: the source view finds the cell a value came from


def test_every_cell_anchor_finds_its_cell_in_thead_tbody_and_mixed_rows() -> None:
    html = page(
        "<table><thead><tr><th>申请人情况</th><th colspan=2>本年新收</th></tr></thead>"
        "<tbody><tr><th>自然人</th><td>1</td><td>2</td></tr><tr><th>法人</th><td>3</td><td>4</td></tr></tbody>"
        "<tbody><tr><th>其他</th><td>5</td><td>6</td></tr></tbody>"
        "<tfoot><tr><td>总计</td><td>9</td><td>12</td></tr></tfoot></table>"
    )
    doc = read(html)
    table = doc.tables[0]
    assert texts(table) == [
        ["申请人情况", "本年新收", None],
        ["自然人", "1", "2"],
        ["法人", "3", "4"],
        ["其他", "5", "6"],
        ["总计", "9", "12"],
    ]
    for row in table.rows:
        for cell in row:
            element = element_at(html, cell.anchor.path)
            assert element.tag in ("td", "th")
            if not cell.merged:
                assert element.text_content().strip() == cell.text
    # A covered position points at the cell that covers it.
    assert element_at(html, table.rows[0][2].anchor.path).text_content() == "本年新收"


def test_a_gap_left_by_a_short_row_is_an_empty_cell_anchored_on_its_row() -> None:
    html = page(
        "<table><tr><td>申请人情况</td><td>本年新收</td><td rowspan=2>总计</td></tr>"
        "<tr><td>自然人</td></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>"
    )
    table = read(html).tables[0]
    assert texts(table) == [["申请人情况", "本年新收", "总计"], ["自然人", "", None], ["1", "2", "3"]]
    gap = table.rows[1][1]
    assert element_at(html, gap.anchor.path).tag == "tr"
    assert element_at(html, table.rows[1][2].anchor.path).text_content() == "总计"


# --------------------------------------------------------------------------------------------
# Paragraphs


def test_hidden_inline_text_is_left_out_of_paragraphs() -> None:
    doc = read(
        page(
            "<p>三、收到和处理政府信息公开申请情况</p>"
            "<p>本年度<span style='DISPLAY: None'>隐藏</span>新收<font>申请</font>"
            "<a style='visibility:hidden'>链接</a>4件<span style='display:inline'>。</span></p>"
        )
    )
    assert [p.text for p in doc.paragraphs] == ["三、收到和处理政府信息公开申请情况", "本年度新收申请4件。"]


def test_utf8_page_that_declares_gb2312_reads_as_utf8() -> None:
    # A CMS template says gb2312 but the server wrote UTF-8: the bytes decide, not the label.
    html = (
        "<html><head><meta http-equiv=Content-Type content='text/html; charset=gb2312'></head><body>"
        "<p>三、收到和处理政府信息公开申请情况</p><p>审核：王镕、李堃</p>"
        "<table><tr><td>申请人情况</td><td>本年新收</td></tr></table></body></html>"
    )
    doc = read(html)
    assert doc.encoding == "utf-8"
    assert [p.text for p in doc.paragraphs] == ["三、收到和处理政府信息公开申请情况", "审核：王镕、李堃"]
    assert texts(doc.tables[0]) == [["申请人情况", "本年新收"]]


# --------------------------------------------------------------------------------------------
# A report Word saved as a web page


def test_word_saved_page_reads_its_three_tables_and_leaves_out_word_markup() -> None:
    doc = read_document(WORD_SAVED)
    assert doc.encoding == "gb18030"
    assert len(doc.tables) == 3
    everything = "\n".join(p.text for p in doc.paragraphs)
    for markup in ("Administrator", "font-family", "supportMisalignedColumns", "endif", "WordSection1"):
        assert markup not in everything
    assert doc.paragraphs[0].text == "长春市九台区其塔木街道办事处2020年"
    # NBSP written as &nbsp; pads the values as in Word.
    raw = WORD_SAVED.read_bytes()
    assert b"&nbsp;0" in raw or b"0&nbsp;" in raw


def test_word_saved_page_gives_the_seed_reports_values_and_findings() -> None:
    seed = SEEDS / "003_c927d918fc29d47b.txt"
    if not seed.exists():
        pytest.skip(f"the shared seeds are not checked out next to this repository ({SEEDS})")
    from gov_review.core.review.pipeline import analyse_file

    page_report, text_report = analyse_file(WORD_SAVED), analyse_file(seed)
    assert page_report.error is None
    values = {k: c.value for k, c in page_report.data.cells.items()}
    assert values == {k: c.value for k, c in text_report.data.cells.items()}
    assert values["t3.r_total.c_total"] == Decimal(0)
    findings = {(f.rule, f.severity, tuple(f.cells)) for f in page_report.findings if f.rule != "D05"}
    assert findings == {(f.rule, f.severity, tuple(f.cells)) for f in text_report.findings if f.rule != "D05"}
    assert any(rule == "D01" for rule, _, _ in findings)  # headings numbered 1、 … 4、
