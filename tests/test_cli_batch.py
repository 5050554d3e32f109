"""gov-review check --jobs/--out/--last-year and gov-review summary, as a reviewer runs them."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from gov_review.cli.main import main
from tests.conftest import DATA, seed_path

CROSS = DATA / "crossyear"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    reports = tmp_path / "报告"
    (reports / "子目录").mkdir(parents=True)
    for n in (2, 3, 4):
        shutil.copy(seed_path(n), reports / f"seed_{n:03d}.txt")
    shutil.copy(DATA / "docx" / "seed_003.docx", reports / "子目录" / "其塔木.docx")
    (reports / "子目录" / "空文件.docx").write_bytes(b"")
    return reports


def test_a_folder_with_a_bad_file_checks_the_others_and_exits_2(folder: Path, capsys):
    status = main(["check", "--jobs", "2", str(folder)])
    out = capsys.readouterr().out
    assert status == 2
    assert "空文件.docx" in out and "是空的（0 字节）" in out
    assert out.count("主体：") == 4  # the four readable reports were checked
    assert "安镇街道" in out and "齐都镇" in out


def test_jobs_2_writes_the_same_league_table_as_jobs_1(folder: Path, tmp_path: Path, capsys):
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert main(["check", "--jobs", "1", "--out", str(one), str(folder)]) == 2
    assert main(["check", "--jobs", "2", "--out", str(two), str(folder)]) == 2
    capsys.readouterr()
    assert one.read_bytes() == two.read_bytes()
    data = one.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel opens it as it is
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 5
    by_name = {Path(r["文件"]).name: r for r in rows}
    assert by_name["seed_002.txt"]["主体"] == "安镇街道" and int(by_name["seed_002.txt"]["错误"]) > 0
    assert "是空的" in by_name["空文件.docx"]["无法读取的原因"]


def test_league_table_as_xlsx_and_json(folder: Path, tmp_path: Path, capsys):
    xlsx, js = tmp_path / "league.xlsx", tmp_path / "league.json"
    main(["check", "--out", str(xlsx), str(folder)])
    main(["check", "--out", str(js), str(folder)])
    capsys.readouterr()
    ws = openpyxl.load_workbook(xlsx)["各报告"]
    lines = list(ws.iter_rows(values_only=True))
    assert lines[0][:5] == ("序号", "文件", "主体", "年度", "格式") and len(lines) == 6
    doc = json.loads(js.read_text(encoding="utf-8"))
    assert [Path(r["path"]).name for r in doc["reports"]] == [Path(line[1]).name for line in lines[1:]]


def test_json_contract_is_unchanged_with_jobs(folder: Path, capsys):
    main(["check", "--json", str(folder)])
    one = json.loads(capsys.readouterr().out)
    main(["check", "--json", "--jobs", "2", str(folder)])
    two = json.loads(capsys.readouterr().out)
    assert one == two
    entry = next(r for r in two["reports"] if r["path"].endswith("seed_002.txt"))
    assert set(entry) >= {"path", "format", "year", "body", "cells", "findings"}
    bad = next(r for r in two["reports"] if r["path"].endswith("空文件.docx"))
    assert bad["error"] and bad["findings"] == []


def test_last_year_finds_the_broken_carry_over(tmp_path: Path, capsys):
    last, this = tmp_path / "2022年", tmp_path / "2023年"
    last.mkdir()
    this.mkdir()
    shutil.copy(CROSS / "qingshan_county_2022.txt", last / "青山县.txt")
    shutil.copy(CROSS / "qingshan_county_2023.txt", this / "青山县.txt")
    status = main(["check", "--json", "--last-year", str(last), str(this)])
    doc = json.loads(capsys.readouterr().out)
    assert status == 1  # the 2023 report is clean on its own; the carry-over error makes it 1
    (entry,) = doc["reports"]
    x01 = [f for f in entry["findings"] if f["rule"] == "X01" and f["severity"] == "error"]
    assert len(x01) == 1
    assert x01[0]["cells"] == ["t3.r_carry.c_total"]
    assert x01[0]["other"] == {"path": str(last / "青山县.txt"), "year": 2022, "cells": ["t3.r_fwd.c_total"]}
    assert "3 ≠" in x01[0]["equation"]

    # Both years given together: the pair is found among them too.
    status = main(["check", "--cross-year", str(last), str(this)])
    out = capsys.readouterr().out
    assert status == 1 and "[错误] X01" in out


def test_summary_command_writes_the_workbook(folder: Path, tmp_path: Path, capsys):
    out = tmp_path / "汇总表.xlsx"
    status = main(["summary", str(folder), "--out", str(out), "--jobs", "2"])
    text = capsys.readouterr().out
    assert status == 2  # one file could not be read; the others are summed
    assert "汇总表已写入" in text and "空文件.docx" in text
    wb = openpyxl.load_workbook(out)
    assert "表三表四汇总（2019版）" in wb.sheetnames


def test_unknown_output_type_is_refused_with_a_sentence(folder: Path, tmp_path: Path, capsys):
    status = main(["check", "--out", str(tmp_path / "league.txt"), str(folder)])
    err = capsys.readouterr().err
    assert status == 2 and ".json、.csv 或 .xlsx" in err
