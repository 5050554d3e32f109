"""Bad input gets one clear sentence (Chinese, with English), in bounded time, and never stops the others."""

from __future__ import annotations

import json
import os

import pytest

from gov_review.cli.main import main
from gov_review.core.errors import ReadError
from gov_review.core.review.pipeline import analyse_file
from tests.conftest import seed_path


def _error(path):
    r = analyse_file(path)
    assert r.error is not None, path
    assert isinstance(r.error, ReadError)
    assert r.error.message_zh and r.error.message_en
    assert "{" not in r.error.message_zh
    return r.error


def test_empty_file(tmp_path):
    p = tmp_path / "空报告.txt"
    p.write_bytes(b"")
    err = _error(p)
    assert err.code == "empty" and "空报告.txt" in err.message_zh and "0 字节" in err.message_zh


def test_binary_garbage(tmp_path):
    p = tmp_path / "garbage.txt"
    p.write_bytes(os.urandom(4096) + b"\x00" * 100)
    assert _error(p).code == "binary"


def test_missing_file(tmp_path):
    assert _error(tmp_path / "nope.txt").code == "not_found"


def test_text_with_no_tables_is_checked_and_says_tables_are_missing(tmp_path):
    p = tmp_path / "prose.txt"
    p.write_text(
        "某镇2021年政府信息公开工作年度报告\n一、总体情况\n本年度新收政府信息公开申请3件。\n",
        encoding="utf-8",
    )
    r = analyse_file(p)
    assert r.error is None
    missing = [f for f in r.findings if f.code == "R06.missing_table"]
    assert len(missing) == 3 and all(f.severity == "error" for f in missing)
    assert all(c.value is None for c in r.data.cells.values())  # nothing invented
    # the prose number cannot be compared with a table that is not there: no N01 either way
    assert not [f for f in r.findings if f.rule == "N01"]
    assert [f for f in r.findings if f.code == "D01.missing"]


def test_truncated_table(tmp_path):
    lines = seed_path(2).read_text(encoding="utf-8").splitlines()
    cut = next(i for i, line in enumerate(lines) if "（三）不予公开" in line)
    p = tmp_path / "truncated.txt"
    p.write_text("\n".join(lines[:cut]) + "\n", encoding="utf-8")
    r = analyse_file(p)
    assert r.error is None
    cells = r.data.cells
    assert cells["t3.r_new.c_total"].value == 4  # what is there is read
    assert cells["t3.r_total.c_total"].placement == "missing"  # what is not is missing, not 0
    assert not [f for f in r.findings if f.rule in ("R01", "R03") and f.severity == "error"]
    assert [f for f in r.findings if f.code == "R06.missing_row"]


def test_gb18030_and_bom_texts_decode(tmp_path):
    text = seed_path(4).read_text(encoding="utf-8")
    for name, data in (
        ("gbk.txt", text.encode("gb18030")),
        ("bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8")),
    ):
        p = tmp_path / name
        p.write_bytes(data)
        r = analyse_file(p)
        assert r.error is None and r.data.year == 2019
        assert r.data.cells["t2.a1.r_norm.c_total_pub"].value == 194


@pytest.mark.slow
def test_fifty_megabyte_text_is_refused_quickly_and_others_still_checked(tmp_path, capsys):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing it
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    status = main(["check", "--json", str(big), str(seed_path(2)), str(empty)])
    out = json.loads(capsys.readouterr().out)
    assert status == 2
    by_path = {r["path"]: r for r in out["reports"]}
    assert "MB" in by_path[str(big)]["error"] and by_path[str(big)]["error_code"] == "too_large"
    assert by_path[str(empty)]["error_code"] == "empty"
    assert by_path[str(seed_path(2))]["findings"]  # the good file in between was checked


def test_english_messages(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    assert "empty" in _error(p).message("en")
