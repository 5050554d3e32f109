"""Hostile text reports (issue 18, ../shared/hostile/18, 19, 20, 38, 39), rebuilt here from their
descriptions: each ends in its outcome — a finding or a sentence — within the issue's bound (~10 s)."""

from __future__ import annotations

import time

from gov_review.core.review.pipeline import analyse_file
from gov_review.core.text.runtogether import decode_bounded, t3_row_ok, t4_row_ok
from tests.conftest import DATA

BOUND_S = 10.0
AMBIGUOUS = (DATA / "text" / "runtogether_columns_ambiguous_2020.txt").read_text(encoding="utf-8")
CLEAN_2021 = (DATA / "text" / "report_2021_clean.txt").read_text(encoding="utf-8")


def _timed(path):
    start = time.perf_counter()
    report = analyse_file(path)
    return report, time.perf_counter() - start


def _with_t4_digits(tmp_path, digits: str):
    lines = AMBIGUOUS.splitlines()
    at = next(i for i, ln in enumerate(lines) if ln.strip().isdigit() and len(ln.strip()) == 15)
    lines[at] = digits
    path = tmp_path / "digits.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_30_digit_run_is_decoded_at_once(tmp_path):  # hostile 18: 32 s before
    report, took = _timed(_with_t4_digits(tmp_path, "9" * 30))
    assert took < BOUND_S
    said = [f for f in report.findings if f.code == "R06.unsplittable"]
    assert said and said[0].cells[0].startswith("t4.")
    assert all(report.data.cells[c].value is None for c in said[0].cells)


def test_a_realistic_20_digit_table_four_run(tmp_path):  # hostile 18: 10 s before
    report, took = _timed(_with_t4_digits(tmp_path, "36124110101213024402"))
    assert took < BOUND_S
    assert any(f.code == "R06.unsplittable" for f in report.findings)


def test_a_digit_run_beyond_the_work_cap_is_reported_not_decoded(tmp_path):
    assert decode_bounded("9" * 188, 15, t4_row_ok) == ([], True)
    assert decode_bounded("9" * 188, 7, t3_row_ok) == ([], True)
    report, took = _timed(_with_t4_digits(tmp_path, "9" * 188))
    assert took < BOUND_S
    said = [f for f in report.findings if f.code == "R06.too_long"]
    assert len(said) == 1 and "共 188 位" in said[0].message


def test_table_three_with_1e5_rows_is_refused_with_a_sentence(tmp_path):  # hostile 19
    at = CLEAN_2021.index("\t1.属于国家秘密")
    row = "\t1.属于国家秘密\n" + "\t0\n" * 7 + "\n"
    path = tmp_path / "rows.txt"
    path.write_text(CLEAN_2021[:at] + row * 100_000 + CLEAN_2021[at:], encoding="utf-8")
    report, took = _timed(path)
    assert took < BOUND_S
    assert report.error is not None and report.error.code == "table_too_long"
    assert "上限 500 行" in report.error.message("zh")


def test_a_table_of_1e5_rows_alone_and_in_pipe_rows_is_refused(tmp_path):  # hostile 20
    path = tmp_path / "alone.txt"
    rows = ("\t一、本年新收政府信息公开申请数量\n" + "\t0\n" * 7 + "\n") * 100_000
    path.write_text(CLEAN_2021 + "\n\n" + rows, encoding="utf-8")
    report, took = _timed(path)
    assert took < BOUND_S and report.error is not None and report.error.code == "table_too_long"
    pipe = tmp_path / "pipe.txt"
    base = (DATA / "text" / "layouts" / "seed_002__pipe.txt").read_text(encoding="utf-8")
    at = base.index("| 四、结转下年度")
    pipe.write_text(base[:at] + "| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n" * 100_000 + base[at:])
    report, took = _timed(pipe)
    assert took < BOUND_S and report.error is not None and report.error.code == "table_too_long"


def test_1e5_section_headings_are_read_within_the_bound(tmp_path):  # hostile 38
    path = tmp_path / "headings.txt"
    path.write_text(CLEAN_2021 + "\n二、主动公开政府信息情况\n" * 100_000, encoding="utf-8")
    report, took = _timed(path)
    assert took < BOUND_S
    assert report.error is None and report.data.cells["t3.r_new.c_total"].value is not None


def test_a_19_mb_text_of_repeated_reports_is_refused_quickly(tmp_path):  # hostile 39
    path = tmp_path / "big.txt"
    path.write_text(CLEAN_2021 * 4700, encoding="utf-8")
    report, took = _timed(path)
    assert took < BOUND_S
    assert report.error is not None and report.error.code == "too_many_tables"
    assert "多份报告" in report.error.message("zh")
