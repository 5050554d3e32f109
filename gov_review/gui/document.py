"""One open report in the window: the core's Report and ReviewSession, plus its undo stack.

Everything the views show is read from ``session``; ``changed`` tells them to look again after an
undo command touched the session.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..core.pipeline import Report, analyse_file
from ..core.review import ReviewSession
from .i18n import pick


def load(path: str, reviewer: str = "") -> Any:
    """Read one file (runs on a worker thread): a Report, or a ReviewSession for a .grb bundle."""
    if path.lower().endswith(".grb"):
        try:
            from ..core.bundle import open_bundle  # written under issue 5
        except ImportError:
            return Report(path=path, error=_BundleUnavailable(path))
        return open_bundle(path)
    return analyse_file(path)


class _BundleUnavailable(Exception):
    code = "bundle_unavailable"

    def __init__(self, path: str) -> None:
        super().__init__(path)
        name = os.path.basename(path)
        self.message_zh = f"此版本还不能打开审核包“{name}”。"
        self.message_en = f"This version cannot open the review bundle “{name}” yet."


class ReportDocument(QObject):
    changed = Signal()  # the session changed: views look again
    stateChanged = Signal(object)

    def __init__(
        self, loaded: Report | ReviewSession, reviewer: str = "", parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        if isinstance(loaded, ReviewSession):
            self.session: ReviewSession | None = loaded
            self.report: Report = loaded.report
        else:
            self.report = loaded
            self.session = ReviewSession(loaded, reviewer) if loaded.error is None and loaded.data else None
        self.path = self.report.path
        self.bundle_path: str | None = self.path if self.path.lower().endswith(".grb") else None
        self.stack = QUndoStack(self)
        self.stack.cleanChanged.connect(self._emit_state)
        self.changed.connect(self._emit_state)

    def _emit_state(self, *_args: object) -> None:
        self.stateChanged.emit(self)

    # ------------------------------------------------------------------ what the views show

    @property
    def name(self) -> str:
        return os.path.basename(self.path)

    @property
    def ok(self) -> bool:
        return self.session is not None

    @property
    def modified(self) -> bool:
        return not self.stack.isClean()

    def error_message(self) -> str:
        err = self.report.error
        if err is None:
            return (
                ""
                if self.session is not None
                else pick("未能识别报告内容。", "The report could not be read.")
            )
        zh = getattr(err, "message_zh", None) or str(err)
        en = getattr(err, "message_en", None) or str(err)
        return pick(zh, en)

    def counts(self) -> dict[str, int]:
        if self.session is None:
            return {"error": 0, "warning": 0, "info": 0, "waived": 0}
        return self.session.counts()

    @property
    def body(self) -> str:
        if self.session is None:
            return ""
        data = self.session.data
        parts = [data.body.name or "", str(data.year or "")]
        return " ".join(p for p in parts if p)

    def notify(self) -> None:
        self.changed.emit()
