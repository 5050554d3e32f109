"""Hostile inputs for the readers (issue 18): legacy sector chains, huge numbers, 10⁵-row HTML tables,
a GBK page that declares iso-8859-1. Each ends in a sentence or a finished open, save and reopen.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from gov_review.core.export.outputs import save_with_exports
from gov_review.core.review.bundle import open_bundle, save_bundle
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import InvalidValue, ReviewSession
from gov_review.core.text.normalize import parse_value
from gov_review.core.text.numerals import cn_to_int

ROOT = Path(__file__).resolve().parents[3]
HOSTILE = ROOT / "tests" / "data" / "hostile"
HTML = ROOT / "tests" / "data" / "html"
SEED_002 = ROOT / "resources" / "samples" / "seed_002.txt"


@pytest.mark.parametrize("case", ["14", "29", "30"])
def test_broken_legacy_sector_chains_are_a_sentence(case: str) -> None:
    # 14: the WordDocument stream starts past the end of the file; 29/30: a DIFAT chain that loops
    # on itself (took 2 GiB, or never ended).
    started = time.monotonic()
    report = analyse_file(HOSTILE / f"{case}_input.doc")
    assert time.monotonic() - started < 5
    assert report.error is not None and report.error.code == "corrupt"
    assert (
        report.error.message_zh
        == f"文件“{case}_input.doc”已损坏，无法打开（OLE 复合文档结构损坏）；请向报送单位索取完好的文件。"
    )


def test_the_unmodified_legacy_seed_still_gets_past_the_container_check() -> None:
    report = analyse_file(ROOT / "tests" / "data" / "docx" / "seed_002.doc")
    assert report.error is None or report.error.code in ("needs_libreoffice", "conversion_failed")


def _save_and_reopen(report, tmp_path: Path, exports: bool = True) -> ReviewSession:
    session = ReviewSession(report, "李审核")
    target = tmp_path / "r.grb"
    if exports:
        save_with_exports(session, str(target))
    else:
        save_bundle(session, target)
    again = open_bundle(target)
    assert again.to_dict()["values"] == session.to_dict()["values"]
    return again


def test_a_run_of_100000_digits_in_the_prose_opens_saves_and_reopens(tmp_path: Path) -> None:
    report = analyse_file(HOSTILE / "21_input.txt")
    assert report.error is None
    _save_and_reopen(report, tmp_path)


def test_numbers_longer_than_any_count_are_not_numbers() -> None:
    assert cn_to_int("9" * 5000) is None
    assert cn_to_int("1万2千") == 12000
    assert cn_to_int("123456789012345") == 123456789012345
    assert parse_value("9" * 400).status == "invalid"
    assert parse_value("12,345").value == 12345


def test_a_cell_of_400_digits_is_a_finding_and_the_review_saves(tmp_path: Path) -> None:
    # Seed 002 lays table 三 out one cell a line: the first value under 一、本年新收 becomes 400 digits.
    lines = SEED_002.read_text(encoding="utf-8").split("\n")
    at = next(i for i, ln in enumerate(lines) if "一、本年新收政府信息公开申请数量" in ln) + 1
    assert lines[at].strip() == "4"
    big = "9" * 400
    lines[at] = "\t" + big
    src = tmp_path / "big.txt"
    src.write_text("\n".join(lines), encoding="utf-8")
    report = analyse_file(src)
    big_cells = [cid for cid, c in report.data.cells.items() if c.raw == big]
    assert big_cells and all(report.data.cells[c].value is None for c in big_cells)
    assert any(f.rule == "R05" and f.cells[0] in big_cells for f in report.findings)
    # (The exports of such a cell are the "outputs" work of issue 18; the bundle itself is checked here.)
    again = _save_and_reopen(report, tmp_path, exports=False)
    with pytest.raises(InvalidValue):
        again.set_value("t3.r_new.c_total", big)


def _html_rows(rows: int, tmp_path: Path, in_report: bool, labels: bool = True) -> Path:
    head = "<tr><td>本年新收政府信息公开申请数量</td><td>自然人</td><td>总计</td></tr>" if labels else ""
    body = "".join(f"<tr><td>行{i}</td><td>{i % 7}</td><td>{i % 7}</td></tr>" for i in range(rows))
    table = f"<table>{head}{body}</table>"
    if in_report:
        seed = (HTML / "seed000_utf8_layout.html").read_text(encoding="utf-8")
        at = seed.rfind("</body>")
        page = seed[:at] + table + seed[at:]
    else:
        page = f"<html><head><meta charset=utf-8></head><body>{table}</body></html>"
    path = tmp_path / "rows.html"
    path.write_text(page, encoding="utf-8")
    return path


@pytest.mark.parametrize("in_report", [False, True], ids=["alone", "in_report"])
def test_an_html_statistics_table_of_100000_rows_is_refused(tmp_path: Path, in_report: bool) -> None:
    # Campaign cases 22/23 (99–314 s, 771 MB): refused with a sentence in a few seconds.
    path = _html_rows(100_000, tmp_path, in_report)
    started = time.monotonic()
    report = analyse_file(path)
    assert time.monotonic() - started < 15
    assert report.error is not None and report.error.code == "table_too_long"
    assert report.error.message_zh == (
        "文件“rows.html”中的统计表有 100001 行，远多于任何年度报告（上限 500 行），已停止读取；"
        "请确认选对了文件，或向报送单位索取正常导出的报告。"
    )


def test_a_long_chrome_table_beside_a_report_is_read_in_linear_time(tmp_path: Path) -> None:
    # 10⁵ rows of links under a report: not a statistics table, so the report opens as usual.
    path = _html_rows(100_000, tmp_path, in_report=True, labels=False)
    started = time.monotonic()
    report = analyse_file(path)
    assert time.monotonic() - started < 20
    assert report.error is None
    plain = analyse_file(HTML / "seed000_utf8_layout.html")
    assert {k: c.value for k, c in report.data.cells.items()} == {
        k: c.value for k, c in plain.data.cells.items()
    }


def test_a_gbk_page_declaring_iso_8859_1_is_read_by_its_content(tmp_path: Path) -> None:
    good = (HTML / "seed002_gbk_site.html").read_bytes()
    assert good.count(b'charset="gb2312"') == 1
    path = tmp_path / "latin.html"
    path.write_bytes(good.replace(b'charset="gb2312"', b'charset="iso-8859-1"'))
    report = analyse_file(path)
    plain = analyse_file(HTML / "seed002_gbk_site.html")
    assert report.error is None and report.source.encoding == "gb18030"
    assert {k: c.value for k, c in report.data.cells.items()} == {
        k: c.value for k, c in plain.data.cells.items()
    }
    assert [f.code for f in report.findings] == [f.code for f in plain.findings]


def test_a_latin_page_declaring_iso_8859_1_keeps_its_charset(tmp_path: Path) -> None:
    path = tmp_path / "latin.html"
    path.write_bytes(
        '<html><head><meta charset="iso-8859-1"></head><body><p>café 2021</p></body></html>'.encode("latin-1")
    )
    from gov_review.core.read import read_document

    doc = read_document(path)
    assert doc.encoding == "iso8859-1"


def test_a_word_statistics_table_of_100000_rows_is_refused(tmp_path: Path) -> None:
    from tests.core.helpers import docx_bytes

    def tc(text: str) -> str:
        return f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"

    head = "<w:tr>" + tc("本年新收政府信息公开申请数量") + tc("自然人") + tc("总计") + "</w:tr>"
    rows = "".join(f"<w:tr>{tc(f'行{i}')}{tc(str(i % 7))}{tc(str(i % 7))}</w:tr>" for i in range(100_000))
    path = tmp_path / "rows.docx"
    path.write_bytes(
        docx_bytes(
            f"<w:p><w:r><w:t>三、收到和处理政府信息公开申请情况</w:t></w:r></w:p><w:tbl>{head}{rows}</w:tbl>"
        )
    )
    started = time.monotonic()
    report = analyse_file(path)
    assert time.monotonic() - started < 15  # was 190 s
    assert report.error is not None and report.error.code == "table_too_long"
    assert report.error.message_zh.startswith("文件“rows.docx”中的统计表有 100001 行")
