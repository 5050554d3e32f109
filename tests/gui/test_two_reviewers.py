"""Two windows, one bundle (issue 18): the second save asks instead of replacing the first one's
work; a bundle or original changed on disk is told; the first change is autosaved within a second."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from gov_review.core.review.bundle import open_bundle, save_bundle
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.recovery import RecoveryStore
from gov_review.core.review.session import ReviewSession
from gov_review.gui.dialogs import confirm
from gov_review.gui.dialogs.conflict import CANCEL, RELOAD, SAVE_AS, ConflictDialog
from gov_review.gui.main_window import MainWindow
from gov_review.gui.workers import SyncPool
from tests.conftest import seed_path

NAT, TOT = "t3.r_total.c_natural", "t3.r_total.c_total"


@pytest.fixture
def shared(tmp_path) -> Path:
    target = tmp_path / "shared.grb"
    save_bundle(ReviewSession(analyse_file(seed_path(2)), "甲"), target, exports=False)
    return target


@pytest.fixture
def second(qtbot, tmp_path):
    """A second window (another reviewer on the same machine, or the same one twice)."""
    win = MainWindow(pool=SyncPool(), recovery=RecoveryStore(tmp_path / "recovery2"))
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    for doc in win.list_model.docs:
        doc.stack.setClean()
    win.close()
    win.deleteLater()


def _both_open(window, second, shared):
    for w in (window, second):
        w.open_paths([str(shared)])
        assert w.current is not None and w.current.ok


def _asked(monkeypatch, choice: str) -> list[str]:
    asked: list[str] = []

    def answer(_parent, name):
        asked.append(name)
        return choice

    monkeypatch.setattr(ConflictDialog, "answer", answer)
    return asked


def test_the_second_window_is_asked_and_save_as_keeps_both(window, second, shared, monkeypatch, tmp_path):
    _both_open(window, second, shared)
    assert window.set_cell(TOT, "4")
    assert window.save_current()
    assert second.set_cell(NAT, "4")
    asked = _asked(monkeypatch, SAVE_AS)
    theirs = tmp_path / "乙.grb"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(theirs), ""))
    assert second.save_current()
    assert asked == ["shared.grb"]
    assert [e.cell for e in open_bundle(shared).edits] == [TOT]  # A's work is still there
    assert [e.cell for e in open_bundle(theirs).edits] == [NAT]  # and B's is in the new file
    assert second.current.bundle_path == str(theirs) and not second.current.modified


def test_cancel_leaves_the_review_unsaved_and_the_file_untouched(window, second, shared, monkeypatch):
    _both_open(window, second, shared)
    window.set_cell(TOT, "4")
    window.save_current()
    before = shared.read_bytes()
    second.set_cell(NAT, "4")
    _asked(monkeypatch, CANCEL)
    assert not second.save_current()
    assert shared.read_bytes() == before and second.current.modified


def test_reload_opens_their_version(window, second, shared, monkeypatch):
    _both_open(window, second, shared)
    window.set_cell(TOT, "4")
    window.save_current()
    second.set_cell(NAT, "4")
    _asked(monkeypatch, RELOAD)
    assert not second.save_current()
    assert second.list_model.rowCount() == 1
    doc = second.current
    assert doc is not None and not doc.modified
    assert [e.cell for e in doc.session.edits] == [TOT]


def test_a_bundle_saved_elsewhere_is_told_when_the_window_is_focused_again(
    window, second, shared, monkeypatch
):
    _both_open(window, second, shared)
    told: list[str] = []
    monkeypatch.setattr(confirm, "inform", lambda _p, _t, text: told.append(text))
    assert second.check_disk_changes() == []
    window.set_cell(TOT, "4")
    window.save_current()
    second._application_state(Qt.ApplicationState.ApplicationActive)
    assert told == [
        "审核包“shared.grb”已被他人（或另一个窗口）保存过；您在此处的修改尚未保存，保存时可选择“另存为”或重新打开对方的版本。"
    ]
    second._application_state(Qt.ApplicationState.ApplicationActive)
    assert len(told) == 1  # once per change, not on every focus


def test_an_original_rewritten_on_disk_is_told(window, monkeypatch, tmp_path):
    src = tmp_path / "seed_002.txt"
    shutil.copyfile(seed_path(2), src)
    window.open_paths([str(src)])
    told: list[str] = []
    monkeypatch.setattr(confirm, "inform", lambda _p, _t, text: told.append(text))
    src.write_text(src.read_text(encoding="utf-8") + "\n补充一行。\n", encoding="utf-8")
    assert window.check_disk_changes() == [
        "报告原件“seed_002.txt”在打开之后被改动过，当前审核的仍是打开时的内容；如需审核新内容，请重新打开该文件。"
    ]
    assert told


def test_the_first_change_is_autosaved_within_a_second(window, qtbot, tmp_path):
    window.open_paths([str(seed_path(2))])
    rec = tmp_path / "recovery"
    started = time.monotonic()
    assert window.set_cell(NAT, "4")
    qtbot.waitUntil(lambda: rec.is_dir() and any(rec.glob("*.json")), timeout=3000)
    assert time.monotonic() - started < 1.5
    assert window.autosave_timer.interval() == 5000  # then on the usual interval


def test_temp_files_beside_a_recent_bundle_go_at_the_next_start(window, shared, tmp_path):
    import os

    from gov_review.gui import settings

    settings.add_recent(str(shared))
    leftover = shared.parent / ".shared.grb.k1ll3d.tmp"
    leftover.write_bytes(b"x" * 150_000)  # a save killed half way
    past = time.time() - 3600
    os.utime(leftover, (past, past))
    assert window.offer_recovery() == 0
    assert not leftover.exists() and shared.exists()
