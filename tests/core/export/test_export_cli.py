"""``gov-review export`` writes every output headlessly, from a bundle or a plain report, and the
core never loads Qt to do it."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from gov_review.cli.main import main
from gov_review.core.export.outputs import ExportProblem
from gov_review.core.review.bundle import save_bundle
from gov_review.core.review.pipeline import analyse_file
from tests.core.helpers import review_002

ROOT = Path(__file__).resolve().parents[3]
SEED2 = ROOT / "resources" / "samples" / "seed_002.txt"
DOCX2 = ROOT / "tests" / "data" / "docx" / "seed_002.docx"
SUFFIXES = [
    "（更正稿）.docx",
    "（修改记录）.xlsx",
    "（修改记录）.csv",
    "（审核记录）.json",
    "（审核意见）.docx",
    "（审核意见）.html",
]


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["clean", "tracked"])
def test_export_from_a_bundle(tmp_path: Path, mode: str, capsys) -> None:
    src = tmp_path / "seed_002.docx"
    shutil.copyfile(DOCX2, src)
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    bundle = tmp_path / "r.grb"
    save_bundle(review_002(src), bundle)
    out = tmp_path / "out"
    assert main(["export", str(bundle), "--out", str(out), "--docx-mode", mode]) == 0
    names = sorted(p.name for p in out.iterdir())
    for suffix in [*SUFFIXES, "（审核意见）.pdf"]:
        assert "seed_002" + suffix in names, suffix
    corrected = analyse_file(out / "seed_002（更正稿）.docx")
    assert corrected.data.cells["t3.r_total.c_total"].value == 4
    review = json.loads((out / "seed_002（审核记录）.json").read_text(encoding="utf-8"))
    assert review["review"]["reviewer"] == "李审核"
    assert "已写出" in capsys.readouterr().out
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before


def test_export_of_an_unreviewed_report(tmp_path: Path, monkeypatch) -> None:
    from gov_review.cli import memo_pdf_child as cli

    def no_qt(html: str) -> bytes:
        raise ExportProblem("本机的 Qt 图形组件不可用。")

    monkeypatch.setattr(cli, "child_pdf", no_qt)  # the rest must not depend on it
    src = tmp_path / "seed_002.txt"
    shutil.copyfile(SEED2, src)
    out = tmp_path / "out"
    assert main(["export", str(src), "--out", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted("seed_002" + s for s in [*SUFFIXES, "（导出说明）.txt"])
    notice = (out / "seed_002（导出说明）.txt").read_text(encoding="utf-8-sig")
    assert "审核意见（PDF）未能生成：本机的 Qt 图形组件不可用。" in notice
    wb = openpyxl.load_workbook(out / "seed_002（修改记录）.xlsx")
    assert wb["修改记录"].max_row == 1  # nothing corrected
    statuses = {r[3].value for r in wb["问题清单"].iter_rows(min_row=2)}
    assert statuses == {"待核实"}


def test_export_failure_is_one_sentence_and_status_2(tmp_path: Path, capsys) -> None:
    assert main(["export", str(tmp_path / "missing.docx"), "--out", str(tmp_path / "o")]) == 2
    out = capsys.readouterr().out.strip()
    assert out.startswith("找不到文件") and out.count("\n") == 0
    bad = tmp_path / "bad.grb"
    bad.write_bytes(b"PK\x03\x04 not really")
    assert main(["export", str(bad), "--out", str(tmp_path / "o")]) == 2
    assert "审核包" in capsys.readouterr().out


def test_the_core_never_imports_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, gov_review.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'gov_review.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "from gov_review.core.export.outputs import export_all\n"
        "from gov_review.core.review.pipeline import analyse_file\n"
        "from gov_review.core.review.session import ReviewSession\n"
        f"export_all(ReviewSession(analyse_file({str(DOCX2)!r}), 'x'), docx_mode='comments')\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'pyqtgraph', 'gov_review.gui'))]\n"
        "print(bad)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert proc.stdout.strip() == "[]"


def test_exported_files_get_the_users_umask_not_0600(tmp_path: Path, monkeypatch) -> None:
    import os

    from gov_review.cli import memo_pdf_child as cli

    monkeypatch.setattr(cli, "child_pdf", lambda html: b"%PDF-1.4 stand-in")
    src = tmp_path / "seed_002.txt"
    shutil.copyfile(SEED2, src)
    old = os.umask(0o022)
    try:
        assert main(["export", str(src), "--out", str(tmp_path / "a")]) == 0
        os.umask(0o027)
        assert main(["export", str(src), "--out", str(tmp_path / "b")]) == 0
    finally:
        os.umask(old)
    modes_a = {p.stat().st_mode & 0o777 for p in (tmp_path / "a").iterdir()}
    modes_b = {p.stat().st_mode & 0o777 for p in (tmp_path / "b").iterdir()}
    assert modes_a == {0o644} and modes_b == {0o640}


def test_cli_memo_is_signed_by_the_reviewer_and_issued_by_the_unit(tmp_path: Path, monkeypatch) -> None:
    import docx

    from gov_review.cli import memo_pdf_child as cli

    monkeypatch.setattr(cli, "child_pdf", lambda html: b"%PDF-1.4 stand-in")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-settings"))
    src = tmp_path / "seed_002.txt"
    shutil.copyfile(SEED2, src)
    out = tmp_path / "out"
    assert main(["export", str(src), "--out", str(out), "--reviewer", "张三", "--unit", "某某区政务公开办公室"]) == 0
    memo = docx.Document(str(out / "seed_002（审核意见）.docx"))
    lines = [p.text.strip() for p in memo.paragraphs if p.text.strip()]
    assert "某某区政务公开办公室" in lines
    assert any("张三" in line and "审核人" in line for line in lines)
    assert not any("root" in line or line == "审核人：审核人" for line in lines)
    review = json.loads((out / "seed_002（审核记录）.json").read_text(encoding="utf-8"))
    assert review["review"]["reviewer"] == "张三" and review["review"]["unit"] == "某某区政务公开办公室"


def test_cli_falls_back_to_the_windows_settings_then_to_blank(tmp_path: Path, monkeypatch) -> None:
    import docx

    from gov_review.cli import memo_pdf_child as cli

    monkeypatch.setattr(cli, "child_pdf", lambda html: b"%PDF-1.4 stand-in")
    src = tmp_path / "seed_002.txt"
    shutil.copyfile(SEED2, src)
    ini = tmp_path / "cfg" / "gov-review" / "gov-review.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text('[review]\nreviewer=李四\nunit="某市政务公开办公室, 二科"\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    assert main(["export", str(src), "--out", str(tmp_path / "a")]) == 0
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "a" / "seed_002（审核意见）.docx")).paragraphs)
    assert "李四" in text and "某市政务公开办公室, 二科" in text
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "nothing-here"))
    assert main(["export", str(src), "--out", str(tmp_path / "b")]) == 0
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "b" / "seed_002（审核意见）.docx")).paragraphs)
    assert "李四" not in text and "root" not in text


def test_the_memo_pdf_child_names_a_module_that_exists():
    """The PDF maker starts the GUI's memo module by name in a child process: a rename must fail here."""
    import importlib.util

    from gov_review.cli.memo_pdf_child import MEMO_PDF_MODULE

    assert importlib.util.find_spec(MEMO_PDF_MODULE) is not None
