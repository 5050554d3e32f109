"""Issue 12's small things: --selftest in --help, 撤销 (never 撤消) in the menus in Chinese and the
step named in English, info findings not called "Notes" in English, the status bar following a
language switch, and the restored review selected after crash recovery."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from gov_review.cli.main import build_parser
from gov_review.core.review.recovery import RecoveryStore
from gov_review.gui.dialogs.recovery import RecoveryDialog
from gov_review.gui.main_window import MainWindow
from gov_review.gui.workers import SyncPool
from tests.gui.conftest import seeds


def test_help_lists_the_selftest():
    assert "--selftest" in build_parser().format_help()


def test_undo_is_named_the_same_way_in_every_menu(seed002):
    w = seed002
    assert not w.act_undo.isEnabled()
    assert w.set_cell("t3.r_total.c_natural", "4")
    assert w.act_undo.isEnabled()
    assert w.act_undo.text().startswith("撤销") and "撤消" not in w.act_undo.text()
    w.act_undo.trigger()
    assert w.act_redo.text().startswith("重做") and w.act_redo.isEnabled()
    assert w.act_undo.text() == "撤销(&U)" and not w.act_undo.isEnabled()
    w.set_language("en")
    assert w.act_redo.text().startswith("&Redo ")  # the step keeps the words it was made with
    w.act_redo.trigger()
    assert w.current.session.cell("t3.r_total.c_natural").raw == "4"


def test_in_english_info_findings_are_not_notes(seed002):
    w = seed002
    w.set_language("en")
    model = w.findings.model
    tops = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert any(t.startswith("Info") for t in tops), tops
    assert not any(t.startswith("Notes") for t in tops)


def test_the_status_bar_follows_a_language_switch(seed002, qtbot):
    w = seed002
    qtbot.keyClick(w, Qt.Key.Key_F8)
    zh = w.statusBar().currentMessage()
    assert "正文" in zh
    w.set_language("en")
    en = w.statusBar().currentMessage()
    assert en and en != zh and "The text says" in en


def test_after_recovery_the_restored_review_is_selected(tmp_path, qtbot, monkeypatch):
    store = tmp_path / "shared_recovery"
    crashed = MainWindow(pool=SyncPool(), recovery=RecoveryStore(store))
    crashed.open_paths([seeds()[2]])
    assert crashed.set_cell("t3.r_total.c_natural", "4")
    assert crashed.autosave_now() == 1
    crashed.release_recovery_locks()  # as if its process had died

    monkeypatch.setattr(RecoveryDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    w = MainWindow(pool=SyncPool(), recovery=RecoveryStore(store))
    qtbot.addWidget(w)
    w.open_paths([seeds()[0]])  # something else open first
    assert w.current.name == "seed_000.txt"
    assert w.offer_recovery() == 1
    assert w.current.name == "seed_002.txt" and w.current.modified
    assert w.list_view.currentIndex().data() == "seed_002.txt *"
    for win in (w, crashed):
        for d in win.list_model.docs:
            d.stack.setClean()
            d.unsaved_recovery = False
    crashed.deleteLater()
