"""How reports come into the main window: Open (Ctrl+O), Open folder, recent files, drag and drop,
the command line. Files are read on the worker pool; each result is added as it arrives, so one
bad file never blocks the others and the list fills while the rest load. Cancel stops the files
not read yet and keeps those already open.

A mixin of MainWindow.
"""

from __future__ import annotations

import os
from functools import partial
from typing import Any

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog

from gov_review.core.batch.files import REPORT_EXTENSIONS, collect_files
from gov_review.core.review.pipeline import Report
from gov_review.gui import heap, settings
from gov_review.gui.document import ReportDocument, load
from gov_review.gui.workers import ProcessTaskPool, TaskFailed, TaskPool

SLICE_MS = 12  # results added per turn of the event loop: the window repaints and reacts between
# From this many files at once, reading goes to worker processes (ProcessTaskPool): starting them
# costs a few hundred ms, while worker threads reading a whole folder starve the window of the GIL.
PROCESSES_FROM = 12


class _LoadJob:
    def __init__(self, total: int) -> None:
        self.total, self.done, self.cancelled = total, 0, False


class OpeningMixin:
    """Open files and folders off the GUI thread, with progress and cancel."""

    _job: _LoadJob | None

    def _init_opening(self) -> None:
        # Results of a folder arrive faster than they can be shown; adding them all in one turn of
        # the event loop froze the window for seconds. They queue here and are added in slices.
        self._arrived: list[tuple[str, _LoadJob, Any]] = []
        self._slice = QElapsedTimer()
        self._slice_open = False
        self._drain_timer = QTimer(self)
        self._drain_timer.setObjectName("openDrainTimer")
        self._drain_timer.setSingleShot(True)
        self._drain_timer.setInterval(0)
        self._drain_timer.timeout.connect(self._next_slice)
        self._processes: ProcessTaskPool | None = None

    def open_dialog(self) -> None:
        exts = " ".join(f"*{e}" for e in sorted(REPORT_EXTENSIONS))
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Open reports"),
            settings.get(settings.LAST_DIR),
            self.tr("Reports ({exts})").format(exts=exts),
        )
        if files:
            settings.put(settings.LAST_DIR, os.path.dirname(files[0]))
            self.open_paths(files)

    def open_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Open folder"), settings.get(settings.LAST_DIR)
        )
        if folder:
            settings.put(settings.LAST_DIR, folder)
            self.open_paths([folder])

    def _fill_recent(self) -> None:
        self.menu_recent.clear()
        for path in settings.get(settings.RECENT_FILES):
            self.menu_recent.addAction(path, partial(self.open_paths, [path]))
        if self.menu_recent.isEmpty():
            a = self.menu_recent.addAction(self.tr("(none)"))
            a.setEnabled(False)

    def open_paths(self, paths: list[str], remember: bool = True) -> int:
        """Open files and folders (recursively); returns how many files will be read.

        What the reviewer named (a file or a whole folder) goes into the recent files, not each
        file of a folder: a folder of 300 reports would push everything else out.
        """
        if remember:
            for p in reversed(paths):
                if os.path.exists(p):
                    settings.add_recent(os.path.abspath(p))
        # A report is open under its file and, once saved, under its bundle too: a bundle opened
        # a second time would be two reviews of one file, each saving over the other.
        open_now: dict[str, ReportDocument] = {}
        for d in self.list_model.docs:
            for p in (d.path, d.bundle_path):
                if p:
                    open_now[os.path.abspath(p)] = d
        wanted = collect_files(paths)
        files = [p for p in wanted if os.path.abspath(p) not in open_now]
        if not files:
            already = [open_now[os.path.abspath(p)] for p in wanted if os.path.abspath(p) in open_now]
            if already:  # all of it is open: show it rather than do nothing
                if already[0].ok:
                    self.set_current(already[0])
                self.statusBar().showMessage(
                    self.tr("“{name}” is already open").format(name=already[0].name), 5000
                )
            return 0
        if self._job is not None:  # another batch still loading: this one adds to the bar
            job = self._job
            job.total += len(files)
        else:
            job = _LoadJob(len(files))
            self._job = job
            self.progress.setValue(0)
        self.progress.setRange(0, job.total)
        self.progress.show()
        self.cancel_button.show()
        reviewer = self.reviewer
        if isinstance(self.pool, TaskPool) and len(files) >= PROCESSES_FROM:
            if self._processes is None:
                self._processes = ProcessTaskPool(self)
            for path in files:  # the task goes to another process: a picklable call, no job flag
                self._processes.run_task(partial(load, path, reviewer), partial(self._loaded, path, job))
            return len(files)
        for path in files:
            self.pool.run_task(partial(_load_one, path, reviewer, job), partial(self._loaded, path, job))
        return len(files)

    def stop_workers(self) -> None:
        """On close: wait for the reading threads, stop the worker processes."""
        self.pool.wait()
        if self._processes is not None:
            self._processes.shutdown()

    def _loaded(self, path: str, job: _LoadJob, result: Any) -> None:
        """A worker's result is back on the GUI thread."""
        if not isinstance(self.pool, TaskPool):  # synchronous pools (tests, --screenshot): at once
            self._add_loaded(path, job, result)
            self._show_progress()
            heap.settle()
            return
        self._arrived.append((path, job, result))
        if self._drain_timer.isActive():
            return  # a slice is already waiting for the next turn of the event loop
        if not self._slice_open:
            self._slice_open = True
            self._slice.start()
            QTimer.singleShot(0, self._close_slice)  # the event loop had its turn
        self._drain()

    def _close_slice(self) -> None:
        self._slice_open = False

    def _next_slice(self) -> None:
        self._slice_open = True
        self._slice.start()
        QTimer.singleShot(0, self._close_slice)
        self._drain()

    def _drain(self) -> None:
        added = bool(self._arrived)
        while self._arrived and self._slice.elapsed() < SLICE_MS:
            self._add_loaded(*self._arrived.pop(0))
        if added:
            heap.settle()
        self._show_progress()
        if self._arrived:
            self._drain_timer.start()

    def _show_progress(self) -> None:
        # QProgressBar.setValue repaints at once (synchronously) whenever the bar visibly moves:
        # ~40 ms a call while a folder loads. With updates off it only schedules a paint, which
        # joins the window's next one.
        job = self._job
        if job is not None:
            self.progress.setUpdatesEnabled(False)
            self.progress.setValue(job.done)
            self.progress.setUpdatesEnabled(True)

    def _add_loaded(self, path: str, job: _LoadJob, result: Any) -> None:
        job.done += 1
        if result is not None and not job.cancelled:
            if isinstance(result, TaskFailed):
                result = Report(path=path, error=_Unexpected(path, result.exc))
            self.add_document(ReportDocument(result, self.reviewer, self))
        if self._job is job and job.done >= job.total:
            self._finish_job(job)

    def _finish_job(self, job: _LoadJob) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self._job = None
        if job.cancelled:
            self.statusBar().showMessage(
                self.tr("Opening cancelled; {n} reports open").format(n=len(self.list_model.docs)), 8000
            )
        else:
            self.statusBar().showMessage(
                self.tr("{n} reports open").format(n=len(self.list_model.docs)), 5000
            )
            self._after_batch_opened(job.total)

    def cancel_loading(self) -> None:
        """Stop reading the files not read yet; the reports already open stay usable."""
        job = self._job
        if job is not None:
            job.cancelled = True
            if self._processes is not None:
                self._processes.cancel_pending()
            self._arrived.clear()  # read but not shown yet: dropped with the rest
            self._drain_timer.stop()
            self._finish_job(job)  # the tasks still queued return at once and are dropped

    def loading(self) -> bool:
        return self._job is not None

    def add_document(self, doc: ReportDocument) -> None:
        self.list_model.add(doc)
        self.undo_group.addStack(doc.stack)
        doc.stateChanged.connect(self._document_state_changed)
        if self.current is None and doc.ok:
            self.set_current(doc)

    # ------------------------------------------------------------------------ drag & drop

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: Any) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.open_paths(paths)
            event.acceptProposedAction()


def _load_one(path: str, reviewer: str, job: _LoadJob) -> Any:
    """Runs on a worker thread: read, rebuild and check one file (the whole of the heavy work)."""
    if job.cancelled:
        return None
    return load(path, reviewer)


class _Unexpected(Exception):
    """A file whose reading failed in a way the core did not expect; shown like any bad file."""

    def __init__(self, path: str, exc: BaseException) -> None:
        super().__init__(str(exc))
        name = os.path.basename(path)
        self.message_zh = f"读取“{name}”时出现意外错误（{type(exc).__name__}: {exc}）；请把此文件发给开发者。"
        self.message_en = f"Unexpected error reading “{name}” ({type(exc).__name__}: {exc}); please send the file to the developers."
