"""文件 → 导出… from the window, who signs, why an edit was made, and what a saved bundle carries."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest
from PySide6.QtWidgets import QDialog

from gov_review.core.review.bundle import read_bundle
from gov_review.core.review.pipeline import analyse_file
from gov_review.gui import settings
from gov_review.gui.dialogs.export import ExportDialog
from gov_review.gui.dialogs.identity import IdentityDialog

ROOT = Path(__file__).resolve().parents[2]
DOCX2 = ROOT / "tests" / "data" / "docx" / "seed_002.docx"
TOTAL = "t3.r_total.c_total"
REASON = "依原始台账更正"


def _open_docx(window, tmp_path: Path) -> Path:
    src = tmp_path / "seed_002.docx"
    shutil.copyfile(DOCX2, src)
    window.open_paths([str(src)])
    assert window.current is not None and window.current.session is not None
    return src


def _type(window, cell: str, text: str) -> None:
    grid = window.grids[cell.split(".")[0]]
    assert grid.grid_model.setData(grid.grid_model.index_of(cell), text)


def test_a_hand_edit_keeps_the_reason_in_the_field_beside_the_tables(window, tmp_path: Path) -> None:
    _open_docx(window, tmp_path)
    window.reason_edit.setText(REASON)
    _type(window, TOTAL, "4")
    _type(window, "t3.r_total.c_natural", "4")  # the same reason offered again, nothing to retype
    session = window.current.session
    assert [e.reason for e in session.edits] == [REASON, REASON]
    window.reason_edit.clear()
    _type(window, "t3.r_new.c_total", "5")
    assert session.edits[-1].reason == ""  # optional
    from gov_review.core.export.csv import corrections_csv

    assert REASON in corrections_csv(session).decode("utf-8-sig")


def test_export_writes_the_chosen_outputs_off_the_gui_thread_and_offers_the_folder(
    window, tmp_path: Path, monkeypatch
) -> None:
    src = _open_docx(window, tmp_path)
    window.reason_edit.setText(REASON)
    _type(window, TOTAL, "4")
    out = tmp_path / "导出"
    chosen = {}

    def fake_exec(dlg):
        chosen["folder"] = dlg.folder_edit.text()  # the report's own folder is offered first
        dlg.folder_edit.setText(str(out))
        dlg.mode.setCurrentIndex(dlg.mode.findData("tracked"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", fake_exec)
    opened = []
    monkeypatch.setattr(type(window.exporter), "ask_open", lambda self, folder: True)
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    window.act_export.trigger()
    assert chosen["folder"] == str(tmp_path)
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        "seed_002" + s
        for s in ("（更正稿）.docx", "（审核意见）.docx", "（审核意见）.pdf", "（修改记录）.xlsx", "（修改记录）.csv")
    )
    assert opened == [str(out)]
    # The corrected report opens in Word's reader and holds the edit in the right cell.
    docx.Document(str(out / "seed_002（更正稿）.docx"))
    assert analyse_file(out / "seed_002（更正稿）.docx").data.cells[TOTAL].value == 4
    assert analyse_file(src).data.cells[TOTAL].value != 4  # the original is untouched
    # The memo is signed by the reviewer and issued by the unit; the reason is in words.
    memo = "\n".join(p.text for p in docx.Document(str(out / "seed_002（审核意见）.docx")).paragraphs)
    assert "测试审核单位" in memo and "（审核人：测试审核人）" in memo and REASON in memo
    wb = openpyxl.load_workbook(out / "seed_002（修改记录）.xlsx")
    assert REASON in [c.value for c in wb["修改记录"][2]]
    if shutil.which("pdffonts"):
        fonts = subprocess.run(
            ["pdffonts", str(out / "seed_002（审核意见）.pdf")], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert fonts and all(row.split()[-5] == "yes" for row in fonts)
    assert oct((out / "seed_002（审核意见）.pdf").stat().st_mode & 0o777) != oct(0o600)
    assert settings.get(settings.LAST_EXPORT_DIR) == str(out)
    assert settings.get(settings.EXPORT_DOCX_MODE) == "tracked"


def test_only_the_ticked_outputs_are_written(window, tmp_path: Path, monkeypatch) -> None:
    _open_docx(window, tmp_path)
    out = tmp_path / "out"

    def fake_exec(dlg):
        dlg.folder_edit.setText(str(out))
        for kind, box in dlg.checks.items():
            box.setChecked(kind == "memo_pdf")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", fake_exec)
    monkeypatch.setattr(type(window.exporter), "ask_open", lambda self, folder: False)
    window.act_export.trigger()
    assert [p.name for p in out.iterdir()] == ["seed_002（审核意见）.pdf"]


def test_reviewer_and_unit_are_asked_once_at_the_first_save_and_sign_the_bundle(
    window, tmp_path: Path, monkeypatch
) -> None:
    settings.put(settings.REVIEWER, "")
    settings.put(settings.UNIT, "")
    settings.put(settings.IDENTITY_ASKED, False)
    asked = []

    def fake_exec(dlg):
        asked.append(dlg.reviewer_edit.text())
        dlg.reviewer_edit.setText("张三")
        dlg.unit_edit.setText("某某区政务公开办公室")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(IdentityDialog, "exec", fake_exec)
    _open_docx(window, tmp_path)
    _type(window, TOTAL, "4")
    bundle = tmp_path / "r.grb"
    assert window.save_document(window.current, str(bundle))
    _type(window, TOTAL, "5")
    assert window.save_document(window.current, str(bundle))
    assert asked == [settings.login_name()]  # once, the login name only suggested
    assert settings.reviewer() == "张三" and settings.unit() == "某某区政务公开办公室"
    contents = read_bundle(bundle)
    assert contents.manifest["reviewer"] == "张三"
    pdf = next(data for name, data in contents.exports.items() if name.endswith("（审核意见）.pdf"))
    assert pdf.startswith(b"%PDF")
    memo = next(data for name, data in contents.exports.items() if name.endswith("（审核意见）.docx"))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(memo)).paragraphs)
    assert "某某区政务公开办公室" in text and "（审核人：张三）" in text


def test_cancelling_the_identity_dialog_still_saves_unsigned_and_asks_again(
    window, tmp_path: Path, monkeypatch
) -> None:
    settings.put(settings.REVIEWER, "")
    settings.put(settings.IDENTITY_ASKED, False)
    asked = []
    monkeypatch.setattr(IdentityDialog, "exec", lambda dlg: asked.append(1) or QDialog.DialogCode.Rejected)
    window.reviewer = settings.reviewer()  # as a window started with no reviewer set
    _open_docx(window, tmp_path)
    _type(window, TOTAL, "4")
    bundle = tmp_path / "r.grb"
    assert window.save_document(window.current, str(bundle))
    assert window.save_document(window.current, str(bundle))
    assert len(asked) == 2
    memo = next(d for n, d in read_bundle(bundle).exports.items() if n.endswith("（审核意见）.docx"))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(memo)).paragraphs)
    assert f"审核人：{settings.login_name()}" not in text and "（审核人：\u3000" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_export_dialog_speaks_the_interface_language(qapp, lang: str) -> None:
    from gov_review.gui import i18n

    i18n.install(qapp, lang)
    dlg = ExportDialog("/tmp")
    try:
        text = dlg.checks["memo_pdf"].text()
        assert text == ("审核意见（PDF）" if lang == "zh" else "Review memo (PDF)")
    finally:
        dlg.deleteLater()
