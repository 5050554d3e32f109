"""The review workspace: report list | source | tables over findings and notes.

One set of views is rebound to whichever report is current; every open report keeps its own
ReviewSession and QUndoStack (grouped, so the Edit menu follows the current report).
"""

from __future__ import annotations

import os
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..cli import SUPPORTED_EXTENSIONS, expand_paths
from ..core.model import Finding
from ..core.pipeline import Report
from ..core.review import Note, WaiverNotAllowed
from . import i18n, none_guard, settings
from .commands import (
    AddNoteCommand,
    EditCellCommand,
    RemoveNoteCommand,
    UnwaiveCommand,
    WaiveCommand,
    cell_label,
)
from .dialogs.confirm import CANCEL, SAVE, ask_save
from .dialogs.note import NoteDialog
from .dialogs.waiver import WaiverDialog
from .document import ReportDocument, load
from .grid_view import GridView
from .models.report_list import COL_NAME, COL_STATUS, DocumentRole, ReportFilterProxy, ReportListModel
from .panels import AnnotationsPanel, FindingsPanel
from .source_view import SourceView
from .workers import SyncPool, TaskFailed, TaskPool

TABLES = ("t2", "t3", "t4")


def walk_findings(session: Any) -> list[Finding]:
    """What F8 walks: findings pinned on a cell, in the session's order; infos only if assessable."""
    return [f for f in session.findings if f.cells and (f.severity != "info" or f.assessable)]


class _LoadJob:
    def __init__(self, total: int) -> None:
        self.total, self.done, self.cancelled = total, 0, False


class MainWindow(QMainWindow):
    def __init__(self, pool: TaskPool | SyncPool | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        none_guard.install(QApplication.instance())
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.pool = pool if pool is not None else TaskPool(self)
        self.reviewer = settings.reviewer()
        self.current: ReportDocument | None = None
        self.undo_group = QUndoGroup(self)
        self._job: _LoadJob | None = None
        self._finding_key: str | None = None
        self._finding_pos = -1
        self.stats = None  # created when the statistics tab is first shown
        self._build()
        self._build_actions()
        self.retranslate()
        self._restore_layout()
        self.undo_group.cleanChanged.connect(lambda _c: self._update_title())

    # ------------------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.list_model = ReportListModel(self)
        self.proxy = ReportFilterProxy(self)
        self.proxy.setSourceModel(self.list_model)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("reportFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.list_view = QTableView(self)
        self.list_view.setObjectName("reportList")
        self.list_view.setModel(self.proxy)
        self.list_view.setSortingEnabled(True)
        self.list_view.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.list_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.list_view.verticalHeader().hide()
        self.list_view.setWordWrap(False)
        header = self.list_view.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.Stretch)
        self.list_view.setColumnWidth(COL_NAME, 150)
        self.list_view.setColumnWidth(1, 54)
        self.list_view.setColumnWidth(2, 54)
        self.list_view.selectionModel().currentRowChanged.connect(self._list_current_changed)
        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.filter_edit)
        ll.addWidget(self.list_view)

        self.source = SourceView(self)
        self.source.cellClicked.connect(lambda cid: self.select_cell(cid, from_source=True))

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tableTabs")
        self.grids: dict[str, GridView] = {}
        for t in TABLES:
            grid = GridView(t, self)
            grid.cellSelected.connect(self._grid_cell_selected)
            grid.contextRequested.connect(self._grid_context)
            grid.grid_model.editRejected.connect(lambda msg, _i: self.statusBar().showMessage(msg, 8000))
            self.grids[t] = grid
            self.tabs.addTab(grid, "")
        self.stats_placeholder = QLabel(self)
        self.tabs.addTab(self.stats_placeholder, "")
        self.tabs.currentChanged.connect(self._tab_changed)

        self.findings = FindingsPanel(self)
        self.findings.findingActivated.connect(self.go_to_finding)
        self.findings.fixRequested.connect(self.apply_suggestion)
        self.findings.waiveRequested.connect(self.waive_finding)
        self.annotations = AnnotationsPanel(self)
        self.annotations.cellActivated.connect(self.select_cell)
        self.annotations.removeRequested.connect(self.remove_annotation)
        self.side_tabs = QTabWidget(self)
        self.side_tabs.addTab(self.findings, "")
        self.side_tabs.addTab(self.annotations, "")

        self.right_split = QSplitter(Qt.Orientation.Vertical, self)
        self.right_split.setObjectName("rightSplitter")
        self.right_split.addWidget(self.tabs)
        self.right_split.addWidget(self.side_tabs)
        self.right_split.setStretchFactor(0, 3)
        self.right_split.setStretchFactor(1, 2)
        self.main_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_split.setObjectName("mainSplitter")
        self.main_split.addWidget(left)
        self.main_split.addWidget(self.source)
        self.main_split.addWidget(self.right_split)
        self.main_split.setSizes([300, 440, 860])
        self.right_split.setSizes([600, 360])
        self.setCentralWidget(self.main_split)

        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel_loading)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()

    def _build_actions(self) -> None:
        def act(shortcut: Any = None, slot: Any = None, name: str = "") -> QAction:
            a = QAction(self)
            if name:
                a.setObjectName(name)
            if shortcut is not None:
                if isinstance(shortcut, list):
                    a.setShortcuts(shortcut)
                else:
                    a.setShortcut(shortcut)
            if slot is not None:
                a.triggered.connect(slot)
            self.addAction(a)
            return a

        self.act_open = act(QKeySequence.StandardKey.Open, self.open_dialog, "actOpen")
        self.act_open_folder = act(None, self.open_folder_dialog, "actOpenFolder")
        self.act_save = act(QKeySequence.StandardKey.Save, self.save_current, "actSave")
        self.act_close = act(QKeySequence("Ctrl+W"), self.close_current, "actClose")
        self.act_quit = act(QKeySequence("Ctrl+Q"), self.close, "actQuit")
        self.act_undo = self.undo_group.createUndoAction(self)
        self.act_undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.act_redo = self.undo_group.createRedoAction(self)
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addActions([self.act_undo, self.act_redo])
        self.act_note = act(QKeySequence("Ctrl+M"), lambda: self.add_note(), "actNote")
        self.act_waive = act(None, lambda: self.waive_finding(self.findings.current_finding()), "actWaive")
        self.act_fix = act(
            QKeySequence("Ctrl+Return"),
            lambda: self.apply_suggestion(self.findings.current_finding()),
            "actFix",
        )
        self.act_next = act(QKeySequence("F8"), self.next_finding, "actNext")
        self.act_prev = act(QKeySequence("Shift+F8"), self.previous_finding, "actPrev")
        self.act_stats = act(None, lambda: self.tabs.setCurrentIndex(len(TABLES)), "actStats")
        self.act_zh = act(None, lambda: self.set_language("zh"), "actZh")
        self.act_en = act(None, lambda: self.set_language("en"), "actEn")
        for a in (self.act_zh, self.act_en):
            a.setCheckable(True)
        group = QActionGroup(self)
        group.addAction(self.act_zh)
        group.addAction(self.act_en)
        (self.act_zh if i18n.current_lang() == "zh" else self.act_en).setChecked(True)
        self.act_about = act(None, self.about, "actAbout")

        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_recent = QMenu(self)
        self.menu_recent.aboutToShow.connect(self._fill_recent)
        self.menu_file.addActions([self.act_open, self.act_open_folder])
        self.menu_file.addMenu(self.menu_recent)
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.act_save, self.act_close])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = bar.addMenu("")
        self.menu_edit.addActions([self.act_undo, self.act_redo])
        self.menu_edit.addSeparator()
        self.menu_edit.addActions([self.act_note, self.act_waive, self.act_fix])
        self.menu_review = bar.addMenu("")
        self.menu_review.addActions([self.act_next, self.act_prev])
        self.menu_view = bar.addMenu("")
        self.menu_view.addAction(self.act_stats)
        self.menu_lang = self.menu_view.addMenu("")
        self.menu_lang.addActions([self.act_zh, self.act_en])
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_about)

    def retranslate(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr("Filter reports…"))
        for i, name in enumerate(
            (self.tr("Table 2"), self.tr("Table 3"), self.tr("Table 4"), self.tr("Statistics"))
        ):
            self.tabs.setTabText(i, name)
        if self.stats is None:
            self.stats_placeholder.setText(self.tr("Statistics appear here."))
        else:
            self.stats.retranslate()
        self.side_tabs.setTabText(0, self.tr("Findings"))
        self.side_tabs.setTabText(1, self.tr("Notes and accepted warnings"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_recent.setTitle(self.tr("Recent files"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_review.setTitle(self.tr("&Review"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_lang.setTitle(self.tr("Language"))
        self.menu_help.setTitle(self.tr("&Help"))
        texts = {
            self.act_open: self.tr("&Open…"),
            self.act_open_folder: self.tr("Open &folder…"),
            self.act_save: self.tr("&Save review bundle"),
            self.act_close: self.tr("&Close report"),
            self.act_quit: self.tr("E&xit"),
            self.act_note: self.tr("Add &note…"),
            self.act_waive: self.tr("&Accept warning…"),
            self.act_fix: self.tr("Apply &suggested fix"),
            self.act_next: self.tr("&Next finding"),
            self.act_prev: self.tr("&Previous finding"),
            self.act_stats: self.tr("&Statistics"),
            self.act_zh: "中文",
            self.act_en: "English",
            self.act_about: self.tr("&About"),
        }
        for a, text in texts.items():
            a.setText(text)
        self.act_undo.setText(self.tr("&Undo"))
        self.act_redo.setText(self.tr("&Redo"))
        self.list_model.retranslate()
        for grid in self.grids.values():
            grid.grid_model.retranslate()
        self.findings.retranslate()
        self.annotations.model.retranslate()
        self.source.retranslate()
        self._update_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, lang: str) -> None:
        i18n.install(QApplication.instance(), lang)
        settings.put(settings.LANGUAGE, lang)
        (self.act_zh if lang == "zh" else self.act_en).setChecked(True)
        self.retranslate()  # findings text comes from the core in either language
        if self.current is not None:
            self.findings.update_banner()

    def _restore_layout(self) -> None:
        geo = settings.get(settings.GEOMETRY)
        if not geo.isEmpty():
            self.restoreGeometry(geo)
        else:
            self.resize(1600, 1000)
        for split, key in (
            (self.main_split, settings.SPLITTER_MAIN),
            (self.right_split, settings.SPLITTER_RIGHT),
        ):
            state = settings.get(key)
            if not state.isEmpty():
                split.restoreState(state)

    def save_layout(self) -> None:
        settings.put(settings.GEOMETRY, self.saveGeometry())
        settings.put(settings.SPLITTER_MAIN, self.main_split.saveState())
        settings.put(settings.SPLITTER_RIGHT, self.right_split.saveState())

    # --------------------------------------------------------------------------- opening

    def open_dialog(self) -> None:
        exts = " ".join(f"*{e}" for e in sorted(SUPPORTED_EXTENSIONS))
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

    def open_paths(self, paths: list[str]) -> None:
        """Open files and folders off the GUI thread; a bad file never blocks the others."""
        open_now = {os.path.abspath(d.path) for d in self.list_model.docs}
        files = [p for p in expand_paths(paths) if os.path.abspath(p) not in open_now]
        if not files:
            return
        job = _LoadJob(len(files))
        self._job = job
        self.progress.setRange(0, len(files))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        for path in files:
            self.pool.run_task(partial(self._load_one, path, job), partial(self._loaded, path, job))

    def _load_one(self, path: str, job: _LoadJob) -> Any:
        if job.cancelled:
            return None
        return load(path, self.reviewer)

    def _loaded(self, path: str, job: _LoadJob, result: Any) -> None:
        job.done += 1
        if result is not None and not job.cancelled:
            if isinstance(result, TaskFailed):
                result = Report(path=path, error=_Unexpected(path, result.exc))
            self.add_document(ReportDocument(result, self.reviewer, self))
            settings.add_recent(os.path.abspath(path))
        self.progress.setValue(job.done)
        if job.done >= job.total:
            self.progress.hide()
            self.cancel_button.hide()
            if self._job is job:
                self._job = None
            self.statusBar().showMessage(
                self.tr("{n} reports open").format(n=len(self.list_model.docs)), 5000
            )

    def cancel_loading(self) -> None:
        if self._job is not None:
            self._job.cancelled = True
            self.statusBar().showMessage(self.tr("Opening cancelled"), 5000)

    def loading(self) -> bool:
        return self._job is not None

    def add_document(self, doc: ReportDocument) -> None:
        self.list_model.add(doc)
        self.undo_group.addStack(doc.stack)
        doc.stateChanged.connect(self._document_state_changed)
        if self.current is None and doc.ok:
            self.set_current(doc)

    # ------------------------------------------------------------------------- current

    def set_current(self, doc: ReportDocument | None) -> None:
        if doc is self.current:
            return
        self.current = doc
        for grid in self.grids.values():
            grid.set_document(doc)
        self.source.set_document(doc)
        self.findings.set_document(doc)
        self.annotations.set_document(doc)
        self.undo_group.setActiveStack(doc.stack if doc is not None else None)
        self._finding_key, self._finding_pos = None, -1
        if doc is not None:
            row = self.list_model.row_of(doc)
            pidx = self.proxy.mapFromSource(self.list_model.index(row, 0))
            if pidx.isValid() and self.list_view.currentIndex().row() != pidx.row():
                self.list_view.selectionModel().blockSignals(True)
                self.list_view.setCurrentIndex(pidx)
                self.list_view.selectionModel().blockSignals(False)
                self.list_view.viewport().update()
        none_guard.top_up()  # rendering a report makes thousands of void calls (see none_guard)
        if self.stats is not None and self.tabs.currentIndex() == len(TABLES):
            self.stats.update_reports(self.list_model.docs, self.current)
        self._update_title()

    def _list_current_changed(self, current: QModelIndex, _prev: QModelIndex) -> None:
        doc = current.data(DocumentRole)
        if doc is not None:
            self.set_current(doc)
            if not doc.ok:
                self.statusBar().showMessage(doc.error_message(), 10000)

    def _document_state_changed(self, doc: ReportDocument) -> None:
        if doc is self.current:
            self._update_title()

    def _update_title(self) -> None:
        app = self.tr("gov-review — Annual report review")
        if self.current is None:
            self.setWindowTitle(app)
            self.setWindowModified(False)
            return
        self.setWindowTitle(f"{self.current.name}[*] — {app}")
        self.setWindowModified(self.current.modified)

    # ------------------------------------------------------------------ cells and findings

    def grid_for(self, cell_id: str) -> GridView | None:
        return self.grids.get(cell_id.split(".", 1)[0])

    def select_cell(self, cell_id: str, from_source: bool = False, others: list[str] | None = None) -> bool:
        grid = self.grid_for(cell_id)
        if grid is None:
            return False
        self.tabs.setCurrentWidget(grid)
        same_table = [c for c in (others or []) if c.split(".", 1)[0] == grid.table and c != cell_id]
        ok = grid.select_cells([cell_id, *same_table])
        if not from_source:
            self.source.highlight_cell(cell_id)
        else:
            self.source.highlight_cell(cell_id)
        return ok

    def current_cell(self) -> str | None:
        grid = self.tabs.currentWidget()
        return grid.current_cell() if isinstance(grid, GridView) else None

    def _grid_cell_selected(self, cell_id: str) -> None:
        self.source.highlight_cell(cell_id)

    def go_to_finding(self, finding: Finding) -> None:
        self._finding_key = finding.key
        if self.current is not None and self.current.session is not None:
            walk = walk_findings(self.current.session)
            keys = [f.key for f in walk]
            if finding.key in keys:
                self._finding_pos = keys.index(finding.key)
        if finding.cells:
            self.select_cell(finding.cells[0], others=finding.cells[1:])
        elif finding.anchor is not None:
            self.source.highlight_anchor(finding.anchor)
        if finding.anchor is not None and finding.cells:
            # a prose finding about a table value (N01): the sentence is the place to look
            self.source.highlight_anchor(finding.anchor)
        self.findings.select_finding(finding)
        self.statusBar().showMessage(i18n.pick(finding.message, finding.message_en), 10000)

    def _step(self, delta: int) -> Finding | None:
        if self.current is None or self.current.session is None:
            return None
        walk = walk_findings(self.current.session)
        if not walk:
            self.statusBar().showMessage(self.tr("No findings to walk"), 5000)
            return None
        keys = [f.key for f in walk]
        if self._finding_key in keys:
            pos = keys.index(self._finding_key) + delta
        elif self._finding_pos >= 0:  # the current one was fixed: the next is now at its place
            pos = self._finding_pos if delta > 0 else self._finding_pos - 1
        else:
            pos = 0 if delta > 0 else len(walk) - 1
        finding = walk[pos % len(walk)]
        self.go_to_finding(finding)
        return finding

    def next_finding(self) -> Finding | None:
        return self._step(+1)

    def previous_finding(self) -> Finding | None:
        return self._step(-1)

    # -------------------------------------------------------------------------- review

    def _grid_context(self, cell_id: str, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.act_note.text(), lambda: self.add_note(cell_id))
        if self.current is not None and self.current.session is not None:
            for f in self.current.session.findings_for(cell_id):
                if f.suggestion and f.suggestion.get("cell"):
                    menu.addAction(self.findings.suggestion_text(f), partial(self.apply_suggestion, f))
                    break
            for f in self.current.session.findings_for(cell_id):
                if f.severity == "warning" and not self.current.session.is_waived(f):
                    menu.addAction(
                        self.tr("Accept warning {rule}…").format(rule=f.rule), partial(self.waive_finding, f)
                    )
        menu.exec(pos)
        menu.deleteLater()

    def set_cell(self, cell_id: str, text: str) -> bool:
        """Type a value into a cell as the delegate would (through the model's setData)."""
        grid = self.grid_for(cell_id)
        if grid is None:
            return False
        return grid.grid_model.setData(grid.grid_model.index_of(cell_id), text)

    def apply_suggestion(self, finding: Finding | None) -> None:
        doc = self.current
        if finding is None or not finding.suggestion or doc is None or doc.session is None:
            return
        cell = finding.suggestion["cell"]
        doc.stack.push(EditCellCommand(doc, cell, str(finding.suggestion["value"]), reason=finding.rule))
        self.select_cell(cell)

    def waive_finding(self, finding: Finding | None) -> None:
        doc = self.current
        if finding is None or doc is None or doc.session is None:
            return
        if finding.severity != "warning":
            self.statusBar().showMessage(
                self.tr("Only warnings can be accepted; errors must be fixed."), 8000
            )
            return
        reason = WaiverDialog.get_reason(finding, self)
        if not reason:
            return
        try:
            doc.stack.push(WaiveCommand(doc, finding, reason))
        except WaiverNotAllowed as exc:
            self.statusBar().showMessage(i18n.pick(exc.message_zh, exc.message_en), 8000)

    def add_note(self, cell_id: str | None = None) -> None:
        doc = self.current
        cell_id = cell_id or self.current_cell()
        if doc is None or doc.session is None or not cell_id:
            self.statusBar().showMessage(self.tr("Select a cell first."), 5000)
            return
        text = NoteDialog.get_note(cell_label(cell_id, doc.session.data.format), self)
        if text:
            doc.stack.push(AddNoteCommand(doc, cell_id, text))

    def remove_annotation(self, record: Any) -> None:
        doc = self.current
        if doc is None:
            return
        if isinstance(record, Note):
            doc.stack.push(RemoveNoteCommand(doc, record))
        else:
            doc.stack.push(UnwaiveCommand(doc, record))

    # ---------------------------------------------------------------------- save/close

    def save_current(self) -> bool:
        doc = self.current
        if doc is None or doc.session is None:
            return False
        try:
            from ..core.bundle import save_bundle
        except ImportError:
            self.statusBar().showMessage(
                self.tr("Saving review bundles is not available in this version yet."), 8000
            )
            return False
        path = doc.bundle_path
        if path is None:
            suggested = os.path.splitext(doc.path)[0] + ".grb"
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save review bundle"), suggested, self.tr("Review bundle (*.grb)")
            )
            if not path:
                return False
        save_bundle(doc.session, path)
        doc.bundle_path = path
        doc.stack.setClean()
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 5000)
        return True

    def close_document(self, doc: ReportDocument) -> bool:
        if doc.modified:
            answer = ask_save(self, doc.name)
            if answer == CANCEL:
                return False
            if answer == SAVE:
                was = self.current
                self.set_current(doc)
                if not self.save_current():
                    self.set_current(was)
                    return False
        self.undo_group.removeStack(doc.stack)
        self.list_model.remove(doc)
        if doc is self.current:
            self.current = None
            nxt = next((d for d in self.list_model.docs if d.ok), None)
            self.set_current(nxt)
            if nxt is None:
                for view in (*self.grids.values(), self.source, self.findings, self.annotations):
                    view.set_document(None)
        doc.deleteLater()
        return True

    def close_current(self) -> None:
        index = self.list_view.currentIndex()
        doc = index.data(DocumentRole) if index.isValid() else self.current
        if doc is not None:
            self.close_document(doc)

    def closeEvent(self, event: QCloseEvent) -> None:
        for doc in list(self.list_model.docs):
            if doc.modified and not self.close_document(doc):
                event.ignore()
                return
        if self._job is not None:
            self._job.cancelled = True
        self.pool.wait()
        self.save_layout()
        event.accept()

    # ---------------------------------------------------------------------- drag & drop

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.open_paths(paths)
            event.acceptProposedAction()

    # ---------------------------------------------------------------------- statistics

    def _tab_changed(self, index: int) -> None:
        if index != len(TABLES):
            return
        if self.stats is None:
            from .charts import StatsWidget  # pyqtgraph is heavy: only when first shown

            self.stats = StatsWidget(self)
            self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, self.stats, self.tr("Statistics"))
            self.tabs.setCurrentIndex(index)
            self.tabs.blockSignals(False)
            self.stats_placeholder.deleteLater()
            self.stats_placeholder = None
        self.stats.update_reports(self.list_model.docs, self.current)

    def about(self) -> None:
        from .dialogs.confirm import inform

        inform(
            self,
            self.tr("About gov-review"),
            self.tr("gov-review: review government information-disclosure annual reports."),
        )


class _Unexpected(Exception):
    """A file whose reading failed in a way the core did not expect; shown like any bad file."""

    def __init__(self, path: str, exc: BaseException) -> None:
        super().__init__(str(exc))
        name = os.path.basename(path)
        self.message_zh = f"读取“{name}”时出现意外错误（{type(exc).__name__}: {exc}）；请把此文件发给开发者。"
        self.message_en = f"Unexpected error reading “{name}” ({type(exc).__name__}: {exc}); please send the file to the developers."
