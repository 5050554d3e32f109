"""When something goes wrong: the crash dialog with its report, the autosave, the rotating log."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QPushButton

from gov_review import logs
from gov_review.gui import crash


@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    folder = tmp_path / "logs"
    monkeypatch.setenv("GOV_REVIEW_LOG_DIR", str(folder))
    logs.shutdown()
    yield folder
    logs.shutdown()


@pytest.fixture
def shown(monkeypatch):
    """The crash dialogs that would have been shown (exec patched: offscreen nobody closes them)."""
    seen: list[crash.CrashDialog] = []

    def fake_exec(self):
        seen.append(self)
        # read now: the dialog is deleted after exec returns
        self.seen_text = (self.windowTitle(), self.message.text(), self.report.toPlainText())
        return 0

    monkeypatch.setattr(crash.CrashDialog, "exec", fake_exec)
    return seen


@pytest.fixture
def hooks(qapp):
    """Install the crash hooks for one test and give the test runner's hooks back afterwards."""
    installed: list[crash.CrashHandler] = []
    before = (sys.excepthook, threading.excepthook)

    def install(on_crash=None):
        handler = crash.install(qapp, on_crash=on_crash, interactive=True)
        installed.append(handler)
        return handler

    yield install
    for handler in installed:
        handler.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def _boom():
    raise RuntimeError("boom in a slot")


def test_an_error_in_a_slot_shows_the_report_and_keeps_the_review(qtbot, hooks, shown, log_dir):
    logs.setup()
    saves = []
    hooks(on_crash=lambda: saves.append(threading.current_thread()))
    button = QPushButton("go")
    qtbot.addWidget(button)
    button.clicked.connect(_boom)

    button.click()

    assert len(shown) == 1
    title, message, report = shown[0].seen_text
    assert title == "gov-review 出现意外错误"
    assert "已自动保存" in message
    assert "Traceback" in report and "RuntimeError: boom in a slot" in report and "_boom" in report
    for label in ("gov-review: 0.", "Python: 3.", "Qt: 6.", "PySide6: 6.", "OS: "):
        assert label in report
    assert f"Log: {log_dir / logs.LOG_NAME}" in report
    assert saves == [threading.main_thread()]
    assert "boom in a slot" in (log_dir / logs.LOG_NAME).read_text(encoding="utf-8")


def test_an_error_in_a_worker_thread_is_reported_in_the_gui_thread(qtbot, hooks, shown):
    saves = []
    hooks(on_crash=lambda: saves.append(threading.current_thread()))

    def work():
        raise ValueError("boom in a thread")

    t = threading.Thread(target=work, name="loader")
    t.start()
    t.join()
    qtbot.waitUntil(lambda: len(shown) == 1)

    report = shown[0].seen_text[2]
    assert "ValueError: boom in a thread" in report and "Thread: loader" in report
    assert saves == [threading.main_thread()]  # the autosave ran where Qt objects live


def test_a_failing_autosave_is_said_and_the_handler_does_not_raise(qtbot, hooks, shown):
    def broken_save():
        raise OSError("disk full")

    handler = hooks(on_crash=broken_save)
    try:
        raise KeyError("lost cell")
    except KeyError:
        handler.excepthook(*sys.exc_info())
    assert len(shown) == 1
    assert "自动保存未能完成" in shown[0].seen_text[1]
    assert "KeyError: 'lost cell'" in shown[0].seen_text[2]


def test_a_broken_dialog_falls_back_to_stderr(hooks, monkeypatch, capsys):
    def no_dialog(*_a, **_k):
        raise RuntimeError("no display")

    monkeypatch.setattr(crash, "CrashDialog", no_dialog)
    handler = hooks()
    try:
        raise ZeroDivisionError("division")
    except ZeroDivisionError:
        handler.excepthook(*sys.exc_info())  # must not raise
    assert "ZeroDivisionError: division" in capsys.readouterr().err


def test_copy_puts_the_whole_report_on_the_clipboard(qtbot):
    dialog = crash.CrashDialog("gov-review: 0.1.0\nTraceback …\nValueError: x", saved=None)
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QApplication.clipboard().text().endswith("ValueError: x")
    assert dialog.copy_button.text() == "已复制"


def test_the_log_is_written_and_rotates(log_dir):
    path = logs.setup(max_bytes=2_000, backups=2)
    assert path == log_dir / logs.LOG_NAME
    assert logs.setup() == path  # once per process
    logger = logging.getLogger("gov_review.test")
    for i in range(200):
        logger.info("line %03d of a long session with enough words to fill the file", i)
    names = sorted(p.name for p in log_dir.iterdir())
    assert names == ["gov-review.log", "gov-review.log.1", "gov-review.log.2"]  # no .3: old ones go
    assert "line 199" in path.read_text(encoding="utf-8")
    assert all(p.stat().st_size <= 2_000 for p in log_dir.iterdir())


def test_an_unwritable_log_folder_does_not_stop_the_app(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("GOV_REVIEW_LOG_DIR", str(blocker / "logs"))
    logs.shutdown()
    assert logs.setup() is None and logs.log_path() is None


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("win32", {"LOCALAPPDATA": "C:/Users/li/AppData/Local"}, "C:/Users/li/AppData/Local/gov-review/logs"),
        ("linux", {"XDG_STATE_HOME": "/home/li/.state"}, "/home/li/.state/gov-review/logs"),
        ("linux", {}, str(Path.home() / ".local/state/gov-review/logs")),
    ],
)
def test_the_log_folder_follows_the_platform(monkeypatch, platform, env, expected):
    for name in ("GOV_REVIEW_LOG_DIR", "LOCALAPPDATA", "XDG_STATE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "platform", platform)
    assert logs.log_dir() == Path(expected)
