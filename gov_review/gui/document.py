"""One open report in the window: the core's Report and ReviewSession, plus its undo stack.

Everything the views show is read from ``session``; ``changed`` tells them to look again after an
undo command touched the session.
"""

from __future__ import annotations

import contextlib
import os

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..core.pipeline import Report, analyse_file
from ..core.review import ReviewSession
from .i18n import pick


def load(path: str, reviewer: str = "") -> Report | ReviewSession:
    """Read one file (runs on a worker thread): a ReviewSession ready for review, or the Report of
    a file that could not be read (its error says why). A .grb bundle opens with its review."""
    if path.lower().endswith(".grb"):
        from ..core.bundle import open_bundle
        from ..core.errors import GovReviewError

        try:
            return open_bundle(path)
        except GovReviewError as exc:
            return Report(path=path, error=exc)
    report = analyse_file(path)
    if report.error is None and report.data is not None and report.source is not None:
        # the session (its findings index) is built here too, not on the GUI thread, and the
        # original's bytes are kept now: the bundle must carry what was checked, even if the file
        # changes on disk afterwards
        from ..core.bundle import remember_source
        from ..core.errors import GovReviewError

        session = ReviewSession(report, reviewer)
        # the file vanished after reading: saving will say so, reviewing still works
        with contextlib.suppress(GovReviewError):
            remember_source(session)
        return session
    return report


class ReportDocument(QObject):
    changed = Signal()  # the session changed: views look again
    stateChanged = Signal(object)

    def __init__(
        self, loaded: Report | ReviewSession, reviewer: str = "", parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.bundle_path: str | None = None
        if isinstance(loaded, ReviewSession):
            self.session: ReviewSession | None = loaded
            self.report: Report = loaded.report
            from ..core.bundle import bundle_info

            self.bundle_path = bundle_info(loaded).bundle_path
        else:
            self.report = loaded
            self.session = ReviewSession(loaded, reviewer) if loaded.error is None and loaded.data else None
        # a bundle is listed (and reopened) as the bundle file, not the original inside it
        self.path = self.bundle_path or self.report.path
        self.unsaved_recovery = False  # restored from an autosave: not in any file yet
        self._counts: tuple[int, dict[str, int]] | None = None
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
        return self.unsaved_recovery or not self.stack.isClean()

    def mark_saved(self, bundle_path: str) -> None:
        self.bundle_path = bundle_path
        self.unsaved_recovery = False
        self.stack.setClean()
        self.stateChanged.emit(self)

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
        # the list asks for every cell of every row on each repaint or sort: count once per change
        if self._counts is None or self._counts[0] != self.session.revision:
            self._counts = (self.session.revision, self.session.counts())
        return self._counts[1]

    @property
    def body(self) -> str:
        if self.session is None:
            return ""
        data = self.session.data
        parts = [data.body.name or "", str(data.year or "")]
        return " ".join(p for p in parts if p)

    def notify(self) -> None:
        self.changed.emit()
