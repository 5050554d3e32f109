"""Unexpected errors: log them, keep the review (autosave), show a report the user can copy.

``install(app, on_crash=window.autosave_now)`` replaces ``sys.excepthook`` (which PySide6 also calls
for an exception escaping a slot) and ``threading.excepthook``. A worker thread's error is carried to
the GUI thread by a queued signal, because both the autosave and the dialog must run there.

The handler must never raise: an exception inside an excepthook is printed and lost, and the next
error would find the same broken handler. Every step is guarded, and the last resort is stderr.

The dialog's words come from ``pick`` (Chinese and English inline), not from the Linguist catalogue:
a crash may happen before a translator is installed, or be caused by a broken one, and the one dialog
that reports it must read right regardless.
"""

from __future__ import annotations

import contextlib
import logging
import os
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from types import TracebackType

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gov_review import __version__, logs
from gov_review.gui.i18n import pick

log = logging.getLogger(__name__)
_handlers: list[CrashHandler] = []


def versions() -> list[tuple[str, str]]:
    """What a developer needs to reproduce: app, Python, Qt, PySide6, OS."""
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        qt, pyside = qVersion(), PySide6.__version__
    except Exception as exc:  # the report is still worth having without them
        qt = pyside = f"unknown ({exc})"
    frozen = " (frozen)" if getattr(sys, "frozen", False) else ""
    return [
        ("gov-review", __version__ + frozen),
        ("Python", sys.version.split()[0]),
        ("Qt", qt),
        ("PySide6", pyside),
        ("OS", platform.platform()),
    ]


def build_report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, thread: str = ""
) -> str:
    """The copyable text: versions, time, log path, thread and traceback."""
    lines = [f"{name}: {value}" for name, value in versions()]
    lines.append(f"Time: {datetime.now().isoformat(timespec='seconds')}")
    path = logs.log_path()
    lines.append(f"Log: {path if path else '(no log file)'}")
    if thread:
        lines.append(f"Thread: {thread}")
    lines.append("")
    lines.extend(traceback.format_exception(exc_type, exc, tb))
    return "\n".join(line.rstrip("\n") for line in lines)


class CrashDialog(QDialog):
    """The report in a read-only text box with a Copy button; tests patch ``exec``."""

    def __init__(self, report: str, saved: bool | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(pick("gov-review 出现意外错误", "gov-review: unexpected error"))
        text = pick(
            "程序出现了意外错误。请点击“复制报告”，把报告连同出错时打开的文件发给开发者。",
            "Something went wrong. Click “Copy report” and send the report, with the file that was open, "
            "to the developers.",
        )
        if saved is True:
            text += pick(
                "当前的审核工作已自动保存，下次启动时可以恢复。",
                " Your review work has been saved and will be offered for recovery at the next start.",
            )
        elif saved is False:
            text += pick(
                "自动保存未能完成，请尽快手动保存审核包（Ctrl+S）。",
                " The automatic save failed: save the review bundle yourself (Ctrl+S) as soon as you can.",
            )
        self.message = QLabel(text, self)
        self.message.setWordWrap(True)
        self.report = QPlainTextEdit(report, self)
        self.report.setObjectName("crashReport")
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(pick("复制报告", "Copy report"), self)
        self.copy_button.setObjectName("crashCopy")
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(pick("关闭", "Close"))
        self.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        lay = QVBoxLayout(self)
        for w in (self.message, self.report, self.buttons):
            lay.addWidget(w)
        self.resize(720, 460)

    def copy(self) -> None:
        QApplication.clipboard().setText(self.report.toPlainText())
        self.copy_button.setText(pick("已复制", "Copied"))


class CrashHandler(QObject):
    """Lives in the GUI thread; the hooks call ``handle`` from any thread."""

    _from_thread = Signal(str)

    def __init__(
        self,
        app: QApplication,
        on_crash: Callable[[], object] | None = None,
        interactive: bool | None = None,
    ) -> None:
        super().__init__(app)
        self.app = app
        self.on_crash = on_crash
        # Offscreen nobody could close the dialog: it would hang a headless run for ever.
        self.interactive = (
            interactive if interactive is not None else os.environ.get("QT_QPA_PLATFORM") != "offscreen"
        )
        self.reports: list[str] = []
        self._busy = False
        self._previous = (sys.excepthook, threading.excepthook)
        self._from_thread.connect(self._report_in_gui_thread)

    # -- the hooks -----------------------------------------------------------------------------

    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        try:
            if issubclass(exc_type, KeyboardInterrupt):  # Ctrl+C in a terminal: not a crash
                sys.__excepthook__(exc_type, exc, tb)
                return
            report = build_report(exc_type, exc, tb)
            log.critical("unexpected error\n%s", report)
            if self._in_gui_thread():
                self._report(report)
            else:
                self._from_thread.emit(report)
        except BaseException:
            self._last_resort(exc_type, exc, tb)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        try:
            if args.exc_type is SystemExit:
                return
            name = args.thread.name if args.thread is not None else "?"
            value = args.exc_value if args.exc_value is not None else args.exc_type()
            report = build_report(args.exc_type, value, args.exc_traceback, thread=name)
            log.critical("unexpected error in thread %s\n%s", name, report)
            self._from_thread.emit(report)
        except BaseException:
            self._last_resort(args.exc_type, args.exc_value, args.exc_traceback)

    # -- in the GUI thread ---------------------------------------------------------------------

    @Slot(str)
    def _report_in_gui_thread(self, report: str) -> None:
        try:
            self._report(report)
        except BaseException:
            sys.stderr.write(report + "\n")

    def _report(self, report: str) -> None:
        self.reports.append(report)
        if self._busy:  # an error while the dialog is up (or while saving): log it, do not stack dialogs
            return
        self._busy = True
        try:
            saved = self._keep_the_review()
            if self.interactive:
                dialog = CrashDialog(report, saved, self.app.activeWindow())
                try:
                    dialog.exec()
                finally:
                    dialog.deleteLater()
            else:
                sys.stderr.write(report + "\n")
        finally:
            self._busy = False

    def _keep_the_review(self) -> bool | None:
        if self.on_crash is None:
            return None
        try:
            self.on_crash()
        except Exception:
            log.exception("the autosave after an unexpected error failed")
            return False
        return True

    def _in_gui_thread(self) -> bool:
        return QThread.currentThread() == self.app.thread()

    @staticmethod
    def _last_resort(exc_type, exc, tb) -> None:
        # stderr itself may be gone (a windowed build): then nothing is left to report to.
        with contextlib.suppress(Exception):
            sys.stderr.write("".join(traceback.format_exception(exc_type, exc, tb)))

    def uninstall(self) -> None:
        """Put the previous hooks back (tests; or a window that hands over to another)."""
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous[0]
        if threading.excepthook == self.thread_excepthook:
            threading.excepthook = self._previous[1]
        if self in _handlers:
            _handlers.remove(self)


def install(
    app: QApplication, on_crash: Callable[[], object] | None = None, interactive: bool | None = None
) -> CrashHandler:
    """Route unexpected errors of every thread to the crash dialog; ``on_crash`` keeps the review."""
    for old in list(_handlers):
        old.uninstall()
    handler = CrashHandler(app, on_crash, interactive)
    sys.excepthook = handler.excepthook
    threading.excepthook = handler.thread_excepthook
    _handlers.append(handler)
    return handler
