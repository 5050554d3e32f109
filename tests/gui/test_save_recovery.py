"""Saving the review from the window (Ctrl+S, Save As, closing), failed saves, autosave and
recovery after a crash — all through the real window, with only the file dialogs answered."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from gov_review.core.review.recovery import RecoveryStore
from gov_review.gui.dialogs import confirm
from gov_review.gui.dialogs.note import NoteDialog
from gov_review.gui.dialogs.recovery import RecoveryDialog
from gov_review.gui.dialogs.waiver import WaiverDialog
from gov_review.gui.main_window import MainWindow
from gov_review.gui.models.report_list import COL_NAME
from gov_review.gui.models.table_grid import StateRole
from gov_review.gui.states import CellState
from gov_review.gui.workers import SyncPool
from tests.conftest import seed_path

NAT, TOT, PROCURE = "t3.r_total.c_natural", "t3.r_total.c_total", "t2.a9.r_procure.c_amount"
ROOT = Path(__file__).resolve().parents[2]


def shown(w, cell_id):
    return w.grid_for(cell_id).grid_model.index_of(cell_id).data()


def state(w, cell_id) -> CellState:
    return CellState(w.grid_for(cell_id).grid_model.index_of(cell_id).data(StateRole))


@pytest.fixture
def report(tmp_path) -> Path:
    """Seed 002 where a reviewer keeps it: in a folder of their own."""
    folder = tmp_path / "reports"
    folder.mkdir()
    path = folder / "seed_002.txt"
    shutil.copyfile(seed_path(2), path)
    return path


@pytest.fixture
def opened(window, report):
    window.open_paths([str(report)])
    assert window.current is not None and window.current.ok
    return window


def review(w, monkeypatch) -> None:
    """An edit, a note and an accepted warning, as the reviewer makes them."""
    assert w.set_cell(NAT, "4")

    def note(self):
        self.text_edit.setPlainText("已电话核实：总计应为 4")
        return QDialog.DialogCode.Accepted

    def waive(self):
        self.reason_edit.setPlainText("单位“元”已在正文说明")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NoteDialog, "exec", note)
    monkeypatch.setattr(WaiverDialog, "exec", waive)
    w.add_note(TOT)
    w.waive_finding(next(f for f in w.current.session.findings if f.rule == "R08"))


def answer_save_dialog(monkeypatch, path: Path) -> list[str]:
    asked: list[str] = []

    def dialog(_parent, _title, suggested, _filter):
        asked.append(suggested)
        return str(path), "Review bundle (*.grb)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return asked


def test_ctrl_s_saves_a_bundle_that_reopens_with_the_whole_review(opened, monkeypatch, tmp_path, qtbot):
    w = opened
    review(w, monkeypatch)
    findings_before = sorted((f.rule, tuple(f.cells)) for f in w.current.session.findings)
    counts_before = w.current.session.counts()
    target = tmp_path / "out" / "审核.grb"
    target.parent.mkdir()
    asked = answer_save_dialog(monkeypatch, target)
    w.activateWindow()
    qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert target.is_file()
    assert asked == [str(tmp_path / "reports" / "seed_002.grb")]  # offered beside the report
    assert not w.isWindowModified() and not w.list_model.index(0, COL_NAME).data().endswith("*")

    # a second Ctrl+S writes the same bundle without asking again
    w.set_cell("t3.r_new.c_natural", "5")
    qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1
    w.undo_group.undo()
    qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    w.close_current()  # saved: closes without asking
    assert w.list_model.rowCount() == 0
    w.open_paths([str(target)])
    doc = w.current
    assert doc is not None and doc.name == "审核.grb" and not doc.modified
    assert shown(w, NAT) == "4" and state(w, NAT) & CellState.EDITED
    assert not state(w, NAT) & CellState.ERROR
    assert [n.text for n in doc.session.notes_for(TOT)] == ["已电话核实：总计应为 4"]
    assert state(w, TOT) & CellState.NOTE
    assert state(w, PROCURE) & CellState.WAIVED
    assert [wv.reason for wv in doc.session.waivers.values()] == ["单位“元”已在正文说明"]
    assert sorted((f.rule, tuple(f.cells)) for f in doc.session.findings) == findings_before
    assert doc.session.counts() == counts_before
    # the edit history came back: the 4 typed, then the 5 typed and undone before the last save
    assert [(e.cell, e.old_raw, e.new_raw) for e in doc.session.edits][:1] == [(NAT, "0", "4")]
    assert doc.session.edits[0].reviewer == w.reviewer and doc.session.edits[0].time
    # the reopened bundle is saved to itself
    w.set_cell("t3.r_new.c_natural", "5")
    assert w.save_current() and len(asked) == 1


def test_save_as_writes_a_second_bundle_and_follows_it(opened, monkeypatch, tmp_path, qtbot):
    w = opened
    w.set_cell(NAT, "4")
    first, second = tmp_path / "a.grb", tmp_path / "b"
    answer_save_dialog(monkeypatch, first)
    assert w.save_current()
    w.set_cell(TOT, "4")
    answer_save_dialog(monkeypatch, second)
    w.activateWindow()
    qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    b = tmp_path / "b.grb"  # the extension is added when the reviewer leaves it out
    assert b.is_file() and w.current.bundle_path == str(b) and not w.isWindowModified()
    from gov_review.core.review.bundle import open_bundle

    assert open_bundle(first).data.value(TOT) != 4  # the first bundle kept what was saved in it
    assert open_bundle(b).data.value(TOT) == 4


def test_a_bundle_is_never_open_twice_nor_saved_over_by_another_report(opened, monkeypatch, tmp_path):
    """Found by the long monkey run: a report saved to a bundle, then the bundle opened again,
    made two reviews of one file in one window, each saving over the other (and a conflict)."""
    w = opened
    first = w.current
    w.set_cell(NAT, "4")
    bundle = tmp_path / "a.grb"
    answer_save_dialog(monkeypatch, bundle)
    assert w.save_current()
    # opening the bundle again shows the review that is open, no second copy
    w.open_paths([str(seed_path(3))])
    other = next(d for d in w.list_model.docs if d is not first)
    w.set_current(other)
    assert w.open_paths([str(bundle)]) == 0
    assert w.list_model.rowCount() == 2 and w.current is first
    assert "已经打开" in w.statusBar().currentMessage() or "already open" in w.statusBar().currentMessage()
    # another report saved as that bundle is refused with a sentence; the bundle keeps its review
    warned: list[str] = []
    monkeypatch.setattr(confirm, "warn", lambda _p, _title, text: warned.append(text))
    w.set_current(other)
    w.set_cell("t3.r_new.c_natural", "7")
    before = bundle.read_bytes()
    assert not w.save_current()
    assert warned and "a.grb" in warned[0] and other.modified
    assert bundle.read_bytes() == before
    w.set_current(first)
    w.set_cell(TOT, "4")
    assert w.save_current() and not first.modified  # the bundle's own review still saves to it


def test_a_read_only_folder_leaves_the_review_open_and_unsaved(opened, monkeypatch, tmp_path):
    w = opened
    w.set_cell(NAT, "4")
    folder = tmp_path / "只读"
    folder.mkdir()
    if os.name == "posix" and os.geteuid() != 0:
        folder.chmod(0o555)
    else:  # root writes anywhere: refuse as the kernel would for a read-only folder
        real = tempfile.mkstemp

        def mkstemp(*a, **k):
            if Path(k.get("dir", "")) == folder:
                raise PermissionError(errno.EACCES, "Permission denied")
            return real(*a, **k)

        monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    shown_messages: list[str] = []
    monkeypatch.setattr(confirm, "warn", lambda _p, _t, text: shown_messages.append(text))
    answer_save_dialog(monkeypatch, folder / "r.grb")
    try:
        assert not w.save_current()
    finally:
        folder.chmod(0o755)
    assert len(shown_messages) == 1
    text = shown_messages[0]
    assert "无法写入" in text and str(folder) in text and "仍在内存中" in text
    assert text.count("。") == 1 and text.endswith("。")  # one sentence
    assert list(folder.iterdir()) == []  # nothing half-written
    assert w.isWindowModified() and w.current.modified and shown(w, NAT) == "4"
    assert w.current.bundle_path is None
    assert w.statusBar().currentMessage() == text


def test_closing_a_modified_report_asks_and_can_save(opened, monkeypatch, tmp_path):
    w = opened
    w.set_cell(NAT, "4")
    asked: list[str] = []

    def ask(_parent, name):
        asked.append(name)
        return confirm.SAVE

    monkeypatch.setattr(confirm, "ask_save", ask)
    answer_save_dialog(monkeypatch, tmp_path / "closed.grb")
    w.close_current()
    assert asked == ["seed_002.txt"]
    assert (tmp_path / "closed.grb").is_file() and w.list_model.rowCount() == 0


def test_quitting_with_unsaved_work_asks_and_cancel_keeps_the_window(opened, monkeypatch):
    w = opened
    w.set_cell(NAT, "4")
    monkeypatch.setattr(confirm, "ask_save", lambda *_a: confirm.CANCEL)
    assert not w.close()
    assert w.isVisible() and w.list_model.rowCount() == 1 and shown(w, NAT) == "4"


# ------------------------------------------------------------------------------ autosave


def entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.json")) if folder.is_dir() else []


def test_autosave_writes_only_unsaved_reports_and_a_save_removes_the_entry(opened, monkeypatch, tmp_path):
    w = opened
    rec = tmp_path / "recovery"
    assert not w.autosave_timer.isActive() and w.autosave_now() == 0 and entries(rec) == []
    w.set_cell(NAT, "4")
    assert w.autosave_timer.isActive()  # ticks only while something is unsaved
    assert w.autosave_now() == 1 and len(entries(rec)) == 1
    assert w.autosave_now() == 0  # nothing changed since
    w.undo_group.undo()  # back to the state on disk: the entry would restore nothing real
    assert entries(rec) == [] and not w.autosave_timer.isActive()
    w.undo_group.redo()
    w.autosave_now()
    assert len(entries(rec)) == 1
    answer_save_dialog(monkeypatch, tmp_path / "saved.grb")
    assert w.save_current()
    assert entries(rec) == [] and list(rec.glob("*.src")) == [] and not w.autosave_timer.isActive()


def test_closing_without_saving_by_choice_removes_the_entry(opened, monkeypatch, tmp_path):
    w = opened
    w.set_cell(NAT, "4")
    w.autosave_now()
    assert len(entries(tmp_path / "recovery")) == 1
    monkeypatch.setattr(confirm, "ask_save", lambda *_a: confirm.DISCARD)
    w.close_current()
    assert entries(tmp_path / "recovery") == []


CRASH = """
import os, signal, sys
from PySide6.QtCore import QSettings
from gov_review.core.review.recovery import RecoveryStore
from gov_review.gui.app import make_app
app = make_app("zh")
from gov_review.gui.main_window import MainWindow
from gov_review.gui.workers import SyncPool
w = MainWindow(pool=SyncPool(), recovery=RecoveryStore(sys.argv[2]))
w.show()
w.open_paths([sys.argv[1]])
assert w.set_cell("t3.r_total.c_natural", "4")
assert w.autosave_now() == 1
os.kill(os.getpid(), signal.SIGKILL)  # the crash: no clean close, the lock file stays behind
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs a process that can be killed outright")
def test_after_a_crash_the_next_window_offers_recovery_and_restores_the_edit(
    report, tmp_path, qtbot, monkeypatch
):
    rec = tmp_path / "recovery"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    proc = subprocess.run(
        [sys.executable, "-c", CRASH, str(report), str(rec)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode(errors="replace")
    assert len(entries(rec)) == 1 and list(rec.glob("*.lock"))  # what the crash left

    offered: list[list[str]] = []

    def restore(self):
        offered.append([self.list.item(i).text() for i in range(self.list.count())])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RecoveryDialog, "exec", restore)
    w = MainWindow(pool=SyncPool(), recovery=RecoveryStore(rec))
    w.show()
    try:
        assert w.offer_recovery() == 1
        assert len(offered) == 1 and "seed_002.txt" in offered[0][0] and "1" in offered[0][0]
        assert shown(w, NAT) == "4" and state(w, NAT) & CellState.EDITED
        assert w.current.modified and w.isWindowModified()  # restored work is not in any file yet
        assert w.list_model.index(0, COL_NAME).data() == "seed_002.txt *"
        # it is this window's entry now: saving removes it
        answer_save_dialog(monkeypatch, tmp_path / "recovered.grb")
        assert w.save_current()
        assert entries(rec) == [] and not w.current.modified
    finally:
        for d in w.list_model.docs:
            d.stack.setClean()
        w.close()
        w.deleteLater()


def test_recovery_can_be_discarded_or_left_for_later(opened, monkeypatch, tmp_path):
    w = opened
    w.set_cell(NAT, "4")
    w.autosave_now()
    rec = tmp_path / "recovery"
    w.release_recovery_locks()  # as if this window had crashed: nobody holds the entry
    other = MainWindow(pool=SyncPool(), recovery=RecoveryStore(rec))
    try:
        monkeypatch.setattr(RecoveryDialog, "exec", lambda self: QDialog.DialogCode.Rejected)  # decide later
        assert other.offer_recovery() == 0 and len(entries(rec)) == 1
        monkeypatch.setattr(RecoveryDialog, "exec", lambda self: 2)  # the Discard button
        assert other.offer_recovery() == 0 and entries(rec) == []
        assert other.list_model.rowCount() == 0
    finally:
        other.close()
        other.deleteLater()


def test_a_window_still_running_keeps_its_entries(opened, tmp_path):
    w = opened
    w.set_cell(NAT, "4")
    w.autosave_now()
    second = MainWindow(pool=SyncPool(), recovery=RecoveryStore(tmp_path / "recovery"))
    try:
        assert second.offer_recovery() == 0  # no dialog: the entry belongs to a live window
        assert len(entries(tmp_path / "recovery")) == 1
    finally:
        second.close()
        second.deleteLater()


def test_leftovers_of_an_interrupted_save_are_swept_at_start(tmp_path, monkeypatch):
    rec = tmp_path / "recovery"
    rec.mkdir()
    old = time.time() - 3600
    stale = [rec / ".abc.json.x1y2.tmp", rec / "deadbeef.src"]  # a state never written next to it
    for p in stale:
        p.write_bytes(b"half")
        os.utime(p, (old, old))
    fresh = rec / ".def.json.z9.tmp"  # another window saving right now
    fresh.write_bytes(b"half")
    w = MainWindow(pool=SyncPool(), recovery=RecoveryStore(rec))
    try:
        assert w.offer_recovery() == 0  # nothing to offer: no dialog
        assert sorted(p.name for p in rec.iterdir()) == [fresh.name]
    finally:
        w.close()
        w.deleteLater()
