"""Never lose work: every few seconds the reports with unsaved changes are written to the recovery
folder (only those that changed since the last autosave); at start-up what a crash left there is
offered back; saving a report, or closing it with or without saving by choice, removes its entry.

Several gov-review windows may run at once and share the folder, so each window holds a lock
file (QLockFile, ``<id>.lock``) on the entries it writes: an entry is offered only when its lock is
free or stale (its process died). A mixin of MainWindow.
"""

from __future__ import annotations

import contextlib
import os

from PySide6.QtCore import QLockFile, Qt, QTimer
from PySide6.QtGui import QGuiApplication

from gov_review.core.errors import GovReviewError
from gov_review.core.review.recovery import RecoveryStore
from gov_review.gui import i18n
from gov_review.gui.dialogs.recovery import DISCARD, LATER, RecoveryDialog
from gov_review.gui.document import ReportDocument

AUTOSAVE_MS = 5000
FIRST_AUTOSAVE_MS = 800  # the first change is written soon: a crash right after it loses nothing


class RecoveryMixin:
    recovery: RecoveryStore

    def _init_recovery(self, store: RecoveryStore | None) -> None:
        self.recovery = store if store is not None else RecoveryStore()
        self._locks: dict[str, QLockFile] = {}
        self._autosave_warned = False
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setObjectName("autosaveTimer")
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave_now)
        self.watch_disk(True)

    def watch_disk(self, on: bool) -> None:
        """Look for bundles or originals changed on disk whenever the application regains focus."""
        app = QGuiApplication.instance()
        if app is None:
            return
        with contextlib.suppress(RuntimeError, TypeError):
            if on:
                app.applicationStateChanged.connect(self._application_state)
            else:
                app.applicationStateChanged.disconnect(self._application_state)

    def _application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check_disk_changes()

    def _schedule_autosave(self) -> None:
        """Tick only while some report has unsaved work (called when a report's state changes)."""
        if any(d.modified for d in self.list_model.docs):
            if not self.autosave_timer.isActive():
                self.autosave_timer.start(FIRST_AUTOSAVE_MS)  # then every AUTOSAVE_MS
        else:
            # undone back to the saved state: the entry would restore work that no longer exists
            self.autosave_now()

    def autosave_now(self) -> int:
        """Write the recovery entry of every report with unsaved changes that changed since the
        last autosave; returns how many were written. Never raises (the crash handler calls it)."""
        written = 0
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        for doc in list(self.list_model.docs):
            if doc.session is None:
                continue
            try:
                if doc.modified:
                    path = self.recovery.save(doc.session)
                    if path is not None:
                        written += 1
                        self._hold(path.stem)
                elif self.recovery.id_of(doc.session) is not None:
                    self.discard_recovery(doc)
            except GovReviewError as exc:
                if not self._autosave_warned:  # once, not every five seconds
                    self._autosave_warned = True
                    self.statusBar().showMessage(
                        self.tr("Autosave failed: {reason}").format(reason=exc.message(i18n.current_lang())),
                        15000,
                    )
        if not any(d.modified for d in self.list_model.docs):
            self.autosave_timer.stop()
        return written

    def discard_recovery(self, doc: ReportDocument) -> None:
        """The report was saved or closed by choice: its autosave is no longer needed."""
        if doc.session is None:
            return
        rid = self.recovery.id_of(doc.session)
        self.recovery.discard(doc.session)
        if rid is not None:
            self._release(rid)

    # ------------------------------------------------------------------------------ start-up

    def offer_recovery(self) -> int:
        """At start-up: sweep leftovers of interrupted saves, then offer the reviews a crash left
        behind (those no other running window holds). Returns how many reports were restored."""
        self.recovery.sweep()
        self._sweep_bundle_temps()
        entries = [e for e in self.recovery.pending() if self._claim(e.id)]
        if not entries:
            return 0
        answer = RecoveryDialog.ask(entries, self)
        if answer == LATER:
            for e in entries:
                self._release(e.id)
            return 0
        restored, first = 0, None
        for e in entries:
            if answer == DISCARD or e.damaged:
                self.recovery.discard(e)
                self._release(e.id)
                continue
            try:
                session = self.recovery.load(e)
            except GovReviewError as exc:
                self._release(e.id)  # kept on disk: a later start may still read it
                self.statusBar().showMessage(exc.message(i18n.current_lang()), 15000)
                continue
            doc = ReportDocument(session, self.reviewer, self)
            doc.unsaved_recovery = True
            self.add_document(doc)
            first = first or doc
            restored += 1
        if first is not None:
            self.set_current(first)  # the review the reviewer came back for, not a file opened before
        if restored:
            self.statusBar().showMessage(self.tr("Restored {n} unsaved reviews").format(n=restored), 10000)
            self._schedule_autosave()
        return restored

    def _sweep_bundle_temps(self) -> None:
        """Temp files an interrupted save left beside the recent bundles (and beside the bundle a
        recent report is saved to by default) go at start-up at the latest."""
        from gov_review.core.review.ondisk import sweep_temp_files
        from gov_review.gui import settings

        for path in settings.get(settings.RECENT_FILES):
            path = str(path)
            sweep_temp_files(path if path.lower().endswith(".grb") else os.path.splitext(path)[0] + ".grb")

    # --------------------------------------------------------------------------------- locks

    def _lock_path(self, rid: str) -> str:
        return str(self.recovery.folder / f"{rid}.lock")

    def _hold(self, rid: str) -> None:
        if rid not in self._locks:
            self._claim(rid)

    def _claim(self, rid: str) -> bool:
        """Take the entry's lock; False when another live process holds it (or it is ours)."""
        if rid in self._locks:
            return False
        lock = QLockFile(self._lock_path(rid))
        lock.setStaleLockTime(0)  # stale only when its process is gone, however long it lived
        if not lock.tryLock(0):
            return False
        self._locks[rid] = lock
        return True

    def _release(self, rid: str) -> None:
        lock = self._locks.pop(rid, None)
        if lock is not None:
            with contextlib.suppress(RuntimeError):  # already destroyed with the window
                lock.unlock()

    def release_recovery_locks(self) -> None:
        for rid in list(self._locks):
            self._release(rid)
