"""Saving the review (Ctrl+S, Save As) as a .grb bundle, and closing reports (Ctrl+W, quitting)
without losing unsaved work. A failed save (read-only folder, full disk) says so in one sentence
and leaves the review open and still marked unsaved. A mixin of MainWindow.
"""

from __future__ import annotations

import os

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFileDialog

from gov_review.core.errors import BundleConflict, GovReviewError, SaveError
from gov_review.gui import heap, i18n
from gov_review.gui.dialogs import confirm
from gov_review.gui.dialogs.conflict import RELOAD, SAVE_AS, ConflictDialog
from gov_review.gui.document import ReportDocument


class SavingMixin:
    def save_current(self) -> bool:
        """Ctrl+S: save to the report's bundle, asking where the first time."""
        doc = self.current
        if doc is None or doc.session is None:
            return False
        return self.save_document(doc, doc.bundle_path)

    def save_current_as(self) -> bool:
        doc = self.current
        if doc is None or doc.session is None:
            return False
        return self.save_document(doc, None)

    def save_document(self, doc: ReportDocument, path: str | None) -> bool:
        if path is None:
            suggested = doc.bundle_path or os.path.splitext(doc.report.path)[0] + ".grb"
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save review bundle"), suggested, self.tr("Review bundle (*.grb)")
            )
            if not path:
                return False
            if not path.lower().endswith(".grb"):
                path += ".grb"
            other = next(
                (
                    d
                    for d in self.list_model.docs
                    if d is not doc
                    and d.bundle_path
                    and os.path.abspath(d.bundle_path) == os.path.abspath(path)
                ),
                None,
            )
            if other is not None:  # saving there would replace another open review's bundle
                text = self.tr(
                    "“{file}” is the review bundle of “{name}”, which is open: choose another name."
                ).format(file=os.path.basename(path), name=other.name)
                self.statusBar().showMessage(text, 15000)
                confirm.warn(self, self.tr("Not saved"), text)
                return False
        from gov_review.core.review.bundle import save_bundle  # zip and exports: only when saving

        self.exporter.ensure_identity()
        self.exporter.sign(doc.session)
        exports, left_out = self.exporter.bundle_exports(doc.session)
        try:
            save_bundle(doc.session, path, exports=exports)
        except BundleConflict:
            return self._resolve_conflict(doc, path)
        except GovReviewError as exc:
            text = exc.message(i18n.current_lang())
            self.statusBar().showMessage(text, 15000)
            confirm.warn(self, self.tr("Not saved"), text)
            return False
        doc.mark_saved(path)
        self.discard_recovery(doc)
        self.list_model.document_changed(doc)
        self._update_title()
        if left_out:  # the review is saved; an output that could not be made is said, not hidden
            self.statusBar().showMessage(
                self.tr("Saved {path}; left out: {what}").format(path=path, what=" ".join(left_out)), 15000
            )
        else:
            self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 5000)
        return True

    def _resolve_conflict(self, doc: ReportDocument, path: str) -> bool:
        """Someone else saved the bundle since this window opened it: never overwrite silently."""
        answer = ConflictDialog.answer(self, os.path.basename(path))
        if answer == SAVE_AS:
            return self.save_document(doc, None)
        if answer == RELOAD:
            doc.unsaved_recovery = False
            doc.stack.setClean()  # the reviewer chose their version over this window's changes
            self.close_document(doc)
            self.open_paths([path], remember=False)
        return False

    def check_disk_changes(self) -> list[str]:
        """Tell the reviewer (once per change) when an open report's bundle or original file was
        changed on disk by someone else; called when the window regains focus. Returns the sentences."""
        from gov_review.core.review.ondisk import bundle_changed, source_changed

        told: list[str] = []
        for doc in list(self.list_model.docs):
            session = doc.session
            if session is None or session.source is None:
                continue
            if bundle_changed(session.source):
                code, name = "bundle_changed_on_disk", os.path.basename(doc.bundle_path or doc.path)
            elif source_changed(session):
                code, name = "source_changed", os.path.basename(session.report.path)
            else:
                continue
            key = (code, _mtime(doc.bundle_path if code == "bundle_changed_on_disk" else session.report.path))
            if getattr(doc, "disk_notice", None) == key:
                continue
            doc.disk_notice = key
            told.append(SaveError(code, name=name).message(i18n.current_lang()))
        if told:
            text = "\n".join(told)
            self.statusBar().showMessage(told[-1], 15000)
            confirm.inform(self, self.tr("Changed on disk"), text)
        return told

    def close_document(self, doc: ReportDocument) -> bool:
        """Close one report, asking first when it has unsaved review work. False: still open."""
        if doc.modified:
            answer = confirm.ask_save(self, doc.name)
            if answer == confirm.CANCEL:
                return False
            if answer == confirm.SAVE and not self.save_document(doc, doc.bundle_path):
                return False
        self.discard_recovery(doc)  # saved, or closed without saving by choice
        self.undo_group.removeStack(doc.stack)
        self.list_model.remove(doc)
        if doc is self.current:
            self.current = None
            nxt = next((d for d in self.list_model.docs if d.ok), None)
            self.set_current(nxt)
            if nxt is None:
                for view in (*self.grids.values(), self.source_pane, self.findings, self.annotations):
                    view.set_document(None)
        if self.stats is not None and self.tabs.currentWidget() is self.stats:
            self.stats.update_reports(self.list_model.docs, self.current)  # no bar for a closed report
        doc.deleteLater()
        if not self.list_model.docs:
            heap.release()
        self._schedule_autosave()
        self._update_title()  # the last report closed: the title no longer names it
        return True

    def close_current(self) -> None:
        index = self.list_view.currentIndex()
        from gov_review.gui.models.report_list import DocumentRole

        doc = index.data(DocumentRole) if index.isValid() else self.current
        if doc is not None:
            self.close_document(doc)

    def closeEvent(self, event: QCloseEvent) -> None:
        for doc in list(self.list_model.docs):
            if doc.modified and not self.close_document(doc):
                event.ignore()
                return
        self.autosave_timer.stop()
        self.watch_disk(False)
        if self._job is not None:
            self._job.cancelled = True
        self.stop_workers()
        self.save_layout()
        self.release_recovery_locks()
        heap.release(collect=False)  # what the reports left frozen can go once the window has
        event.accept()


def _mtime(path: str | None) -> float:
    try:
        return os.path.getmtime(path) if path else 0.0
    except OSError:
        return 0.0
