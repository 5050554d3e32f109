"""One open report in the window: the core's Report and ReviewSession, plus its undo stack.

Everything the views show is read from ``session``; ``changed`` tells them to look again after an
undo command touched the session.

A document also carries *extra findings*: checks that are not the report's own, such as the
cross-year X01–X06 findings the cross-year panel computes against last year's report. They are
shown on the grid and in the findings panel like the report's own (``findings()``,
``findings_for()``), but they are not part of the ReviewSession and are not saved in the bundle:
they depend on which other reports are open or which folder was chosen, and are recomputed each
time. ``extraFindingsChanged`` tells the views. A warning among them can still be accepted; the
waiver is the session's (saved) like any other, found again by the finding's key.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from gov_review.core.model import Finding
from gov_review.core.review.opening import open_for_review as load  # noqa: F401  (where the window's workers find it)
from gov_review.core.review.pipeline import Report
from gov_review.core.review.session import ReviewSession
from gov_review.gui.i18n import pick


class ReportDocument(QObject):
    changed = Signal()  # the session changed: views look again
    stateChanged = Signal(object)
    extraFindingsChanged = Signal()  # findings from outside the report's own check (cross-year)

    def __init__(
        self, loaded: Report | ReviewSession, reviewer: str = "", parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.bundle_path: str | None = None
        if isinstance(loaded, ReviewSession):
            self.session: ReviewSession | None = loaded
            self.report: Report = loaded.report
            from gov_review.core.review.bundle import bundle_info

            self.bundle_path = bundle_info(loaded).bundle_path
        else:
            self.report = loaded
            self.session = ReviewSession(loaded, reviewer) if loaded.error is None and loaded.data else None
        # a bundle is listed (and reopened) as the bundle file, not the original inside it
        self.path = self.bundle_path or self.report.path
        self.unsaved_recovery = False  # restored from an autosave: not in any file yet
        self._counts: tuple[int, dict[str, int]] | None = None
        self.extra_findings: list[Finding] = []
        self.extra_revision = 0  # bumped when the extra findings change (views cache by it)
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
            return {"error": 0, "warning": 0, "info": 0, "waived": 0, "settled": 0}
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

    # ------------------------------------------------------------------ extra findings

    def set_extra_findings(self, findings: list[Finding]) -> bool:
        """Replace the extra findings; True (and ``extraFindingsChanged``) if they differ."""
        new = list(findings)

        def look(fs: list[Finding]) -> list[tuple]:
            return [(f.key, f.severity, f.message, f.equation) for f in fs]

        if look(new) == look(self.extra_findings):
            self.extra_findings = new  # the same findings, newer objects
            return False
        self.extra_findings = new
        self.extra_revision += 1
        self.extraFindingsChanged.emit()
        return True

    def is_extra(self, finding: Finding) -> bool:
        return any(finding is f for f in self.extra_findings)

    def findings(self) -> list[Finding]:
        """The report's own findings, then the extra ones."""
        own = self.session.findings if self.session is not None else []
        return [*own, *self.extra_findings] if self.extra_findings else list(own)

    def findings_for(self, cell_id: str) -> list[Finding]:
        """The findings on a cell, its own and the extra ones."""
        own = self.session.findings_for(cell_id) if self.session is not None else []
        extra = [f for f in self.extra_findings if cell_id in f.cells]
        return [*own, *extra] if extra else own

    def counts_with_extra(self) -> dict[str, int]:
        """``counts()`` plus the extra findings (an accepted one counts as accepted)."""
        out = dict(self.counts())
        if self.session is None:
            return out
        for f in self.extra_findings:
            out["waived" if self.session.is_waived(f) else f.severity] += 1
        return out
