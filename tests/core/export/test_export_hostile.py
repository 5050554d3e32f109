"""Saving never fails for a file that opened (issue 18): every hostile input that used to break the
save or the export now ends in a bundle that reopens and exports that open in Word/Excel, or in a
note saying which output was left out and why."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from gov_review.core.export.outputs import (
    SUFFIX_DOCX,
    SUFFIX_MEMO_DOCX,
    SUFFIX_XLSX,
    make_exports,
    save_with_exports,
)
from gov_review.core.review.bundle import open_bundle, read_bundle, remember_source
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import ReviewSession

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data" / "export_hostile"
DOCX2 = ROOT / "tests" / "data" / "docx" / "seed_002.docx"
DOC2 = ROOT / "tests" / "data" / "docx" / "seed_002.doc"

OPENING = sorted(p.name for p in DATA.iterdir() if p.suffix in (".txt", ".docx"))


def _session(path: Path) -> ReviewSession:
    report = analyse_file(path)
    assert report.error is None, report.error
    session = ReviewSession(report, "张三")
    remember_source(session)
    return session


def _save_and_reopen(session: ReviewSession, tmp_path: Path) -> dict[str, bytes]:
    target = tmp_path / "r.grb"
    save_with_exports(session, str(target))
    again = open_bundle(target)
    assert again.reviewer == "张三"
    assert {c: e.new_raw for c, e in ((e.cell, e) for e in again.edits)} == {
        e.cell: e.new_raw for e in session.edits
    }
    return read_bundle(target).exports


@pytest.mark.parametrize("name", OPENING)
def test_a_hostile_report_that_opened_saves_reopens_and_exports(name: str, tmp_path: Path) -> None:
    src = tmp_path / name
    shutil.copyfile(DATA / name, src)
    session = _session(src)
    # A correction, so that the corrected .docx and the corrections table have something to carry.
    target = next((c for c in ("t3.r_total.c_total", "t3.r_new.c_total") if c in session.data.cells), None)
    if target is not None:
        session.set_value(target, "7", "复核原始台账")
    exports = _save_and_reopen(session, tmp_path)
    corrected = next(d for n, d in exports.items() if n.endswith(SUFFIX_DOCX))
    memo = next(d for n, d in exports.items() if n.endswith(SUFFIX_MEMO_DOCX))
    book = next(d for n, d in exports.items() if n.endswith(SUFFIX_XLSX))
    docx.Document(io.BytesIO(corrected))  # Word's own reader opens them
    memo_text = "\n".join(p.text for p in docx.Document(io.BytesIO(memo)).paragraphs)
    assert "审核意见" in memo_text
    openpyxl.load_workbook(io.BytesIO(book))
    if target is not None:  # the corrected report carries the correction, patched or generated
        (tmp_path / "c.docx").write_bytes(corrected)
        assert analyse_file(tmp_path / "c.docx").data.cells[target].value == 7


@pytest.mark.parametrize("name", ["01_infinity.txt", "01_400_nines.txt", "01_numbers.txt"])
def test_a_number_excel_cannot_hold_is_written_as_text(name: str) -> None:
    session = _session(DATA / name)
    made = make_exports(session, kinds=("xlsx",))
    assert made.problems == []
    wb = openpyxl.load_workbook(io.BytesIO(next(iter(made.files.values()))))
    texts = [
        c.value
        for sheet in ("表二", "表三", "表四")
        for row in wb[sheet].iter_rows(min_row=4)
        for c in row
        if isinstance(c.value, str)
    ]
    numbers = [
        c.value for s in ("表二", "表三", "表四") for row in wb[s].iter_rows() for c in row if type(c.value) is float
    ]
    assert all(abs(v) < 1e300 for v in numbers)
    odd = {
        "01_infinity.txt": "Infinity",
        "01_400_nines.txt": "9" * 400,
    }.get(name)
    if odd:
        assert any(odd in t for t in texts), texts[:5]


def test_excel_numbers_are_exact_or_text() -> None:
    from gov_review.core.export.xlsx import _number

    assert _number("12") == 12 and type(_number("12")) is int
    assert _number("3.5") == 3.5
    for text in ("Infinity", "NaN", "-inf", "1e400", "9" * 309, "1234567890123456", "abc", ""):
        assert _number(text) is None, text


def test_control_characters_are_cleaned_from_every_output() -> None:
    session = _session(DATA / "04_vt_minimal.txt")
    session.add_note("t3.r_new.c_total", "请核实\x0b此数\x00")
    made = make_exports(session)
    assert made.problems == []
    memo = next(d for n, d in made.files.items() if n.endswith(SUFFIX_MEMO_DOCX))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(memo)).paragraphs)
    assert "请核实 此数" in text and "\x0b" not in text


def test_a_doc_read_through_a_converter_gets_a_generated_corrected_docx(tmp_path: Path) -> None:
    # What LibreOffice's conversion gives: a session read as .docx whose original bytes are a .doc.
    session = _session(DOCX2)
    remember_source(session, data=DOC2.read_bytes(), name="seed_002.doc")
    session.set_value("t3.r_total.c_total", "4", "合计")
    made = make_exports(session)  # (reopening a .doc needs the converter again: not tested here)
    assert made.problems == [] and made.notices == []
    corrected = next(d for n, d in made.files.items() if n.endswith(SUFFIX_DOCX))
    assert zipfile.is_zipfile(io.BytesIO(corrected))
    (tmp_path / "c.docx").write_bytes(corrected)
    assert analyse_file(tmp_path / "c.docx").data.cells["t3.r_total.c_total"].value == 4


def test_a_damaged_docx_says_its_corrected_copy_was_regenerated() -> None:
    session = _session(DATA / "03_docprops_app.docx")
    made = make_exports(session)
    assert made.problems == []
    assert made.notices == [
        "原 Word 文件已损坏、无法在原件上修改，更正稿已按国家规定格式重新生成（原件版式未保留）。"
    ]
    note = made.with_notice()[made.notice_name].decode("utf-8-sig")
    assert "更正稿已按国家规定格式重新生成" in note


def test_an_output_that_cannot_be_made_is_left_out_with_a_reason(monkeypatch, tmp_path: Path) -> None:
    from gov_review.core.export import xlsx

    def broken(_session):
        raise RuntimeError("XlsxWriter internals")

    monkeypatch.setattr(xlsx, "corrections_xlsx", broken)
    session = _session(DOCX2)
    exports = _save_and_reopen(session, tmp_path)
    assert not any(n.endswith(SUFFIX_XLSX) for n in exports)
    note = next(d for n, d in exports.items() if n.endswith("（导出说明）.txt")).decode("utf-8-sig")
    assert "修改记录（Excel）未能生成：报告中有本工具无法写入此类文件的内容。" in note
    assert "XlsxWriter" not in note  # never the library's own words
    assert any(n.endswith(SUFFIX_DOCX) for n in exports)


def test_a_legacy_wps_opens_and_saves_or_is_refused_in_one_sentence(tmp_path: Path) -> None:
    src = tmp_path / "input.wps"
    shutil.copyfile(DATA / "02_input.wps", src)
    report = analyse_file(src)
    if report.error is not None:  # no converter on this machine: the refusal is one sentence
        text = report.error.message("zh")
        assert text.endswith("。") and "Traceback" not in text and "\n" not in text
        return
    session = ReviewSession(report, "张三")
    remember_source(session)
    exports = _save_and_reopen(session, tmp_path)
    docx.Document(io.BytesIO(next(d for n, d in exports.items() if n.endswith(SUFFIX_DOCX))))
