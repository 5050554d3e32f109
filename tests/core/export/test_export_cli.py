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
    from gov_review.core.export import to_folder as cli

    monkeypatch.setattr(cli, "memo_pdf", lambda html, target: "Qt 不可用")  # the rest must not depend on it
    src = tmp_path / "seed_002.txt"
    shutil.copyfile(SEED2, src)
    out = tmp_path / "out"
    assert main(["export", str(src), "--out", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted("seed_002" + s for s in SUFFIXES)
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
