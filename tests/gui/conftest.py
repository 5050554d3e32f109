"""GUI test fixtures: offscreen Qt, settings in a temporary folder, no modal dialog left to block,
and a check that fails any test which leaves worker threads or pending tasks behind.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from tests.conftest import seed_path


@pytest.fixture(autouse=True)
def _none_guard(qapp):
    from gov_review.gui import none_guard

    none_guard.install(qapp)
    yield
    none_guard.top_up()


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, qapp, monkeypatch):
    """Settings and autosaves of a test go to its tmp_path, never to the user's own."""
    from PySide6.QtCore import QSettings

    from gov_review.core.review import recovery

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    from gov_review.gui import settings

    # A reviewer who has already said who they are: the first save asks only in the tests of that.
    settings.put(settings.REVIEWER, "测试审核人")
    settings.put(settings.UNIT, "测试审核单位")
    settings.put(settings.IDENTITY_ASKED, True)
    monkeypatch.setattr(recovery, "default_dir", lambda: tmp_path / "recovery")
    yield


@pytest.fixture(autouse=True)
def _chinese(qapp):
    from gov_review.gui import i18n

    i18n.install(qapp, "zh")
    yield
    i18n.install(qapp, "zh")


@pytest.fixture(autouse=True)
def _no_blocking_dialogs(monkeypatch):
    """A dialog a test did not expect would wait forever offscreen: fail instead."""
    from PySide6.QtWidgets import QFileDialog

    from gov_review.gui.dialogs import confirm
    from gov_review.gui.dialogs.conflict import ConflictDialog
    from gov_review.gui.dialogs.export import ExportDialog
    from gov_review.gui.dialogs.identity import IdentityDialog
    from gov_review.gui.dialogs.note import NoteDialog
    from gov_review.gui.dialogs.pair import PairDialog
    from gov_review.gui.dialogs.recovery import RecoveryDialog
    from gov_review.gui.dialogs.settle import SettleDialog
    from gov_review.gui.dialogs.waiver import WaiverDialog

    def unexpected(*_a, **_k):
        raise AssertionError("a modal dialog was opened that the test did not expect")

    monkeypatch.setattr(WaiverDialog, "exec", unexpected)
    monkeypatch.setattr(SettleDialog, "exec", unexpected)
    monkeypatch.setattr(NoteDialog, "exec", unexpected)
    monkeypatch.setattr(RecoveryDialog, "exec", unexpected)
    monkeypatch.setattr(PairDialog, "exec", unexpected)
    monkeypatch.setattr(ConflictDialog, "answer", unexpected)
    monkeypatch.setattr(IdentityDialog, "exec", unexpected)
    monkeypatch.setattr(ExportDialog, "exec", unexpected)
    monkeypatch.setattr(confirm, "ask_save", unexpected)
    monkeypatch.setattr(confirm, "warn", unexpected)
    monkeypatch.setattr(confirm, "inform", unexpected)
    for name in ("getOpenFileNames", "getExistingDirectory", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, unexpected)


@pytest.fixture(autouse=True)
def _no_leftover_work(qapp):
    """Fail a test that leaves worker threads running, tasks undelivered or timers ticking."""
    yield
    from PySide6.QtCore import QThreadPool, QTimer

    from gov_review.gui.workers import POOLS

    for pool in list(POOLS):
        assert pool.wait(5000), "a worker task was still running after the test"
        qapp.processEvents()
        assert pool.pending() == 0, f"{pool.pending()} worker results were never delivered"
        assert pool.active_threads() == 0
    assert QThreadPool.globalInstance().activeThreadCount() == 0
    for widget in qapp.topLevelWidgets():
        if widget.isVisible():
            running = [
                t
                for t in widget.findChildren(QTimer)
                if t.isActive() and t.objectName() != "qt_scrollarea_hcontainer"
            ]
            assert not running, f"timers left running on {widget!r}: {running}"


@pytest.fixture
def window(qtbot, tmp_path):
    """The main window with a synchronous worker pool (files open at once)."""
    from gov_review.core.review.recovery import RecoveryStore
    from gov_review.gui.main_window import MainWindow
    from gov_review.gui.workers import SyncPool

    win = MainWindow(pool=SyncPool(), recovery=RecoveryStore(tmp_path / "recovery"))
    # not qtbot.addWidget: pytest-qt would close it before this fixture marks the work saved
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    yield win
    for doc in win.list_model.docs:  # teardown closes the window: nothing left to ask about
        doc.stack.setClean()
    win.close()
    win.deleteLater()


@pytest.fixture
def seed002(window):
    window.open_paths([str(seed_path(2))])
    assert window.current is not None
    return window


def seeds():
    return [str(seed_path(n)) for n in range(5)]
