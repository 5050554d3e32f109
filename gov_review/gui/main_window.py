"""The review workspace: report list | source | tables over findings and notes.

One set of views is rebound to whichever report is current; every open report keeps its own
ReviewSession and QUndoStack (grouped, so the Edit menu follows the current report). The window's
behaviour is split by concern into mixins: actions and menus (window_actions), opening
(window_open), review work and finding navigation (window_review), saving and closing
(window_save), autosave and recovery (window_recovery), the league table, cross-year panel and
dashboard docks (window_batch).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QGuiApplication, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gov_review.core.review.recovery import RecoveryStore
from gov_review.gui import i18n, none_guard, settings
from gov_review.gui.document import ReportDocument
from gov_review.gui.models.report_list import (
    COL_ERRORS,
    COL_NAME,
    COL_STATUS,
    COL_WARNINGS,
    DocumentRole,
    ReportFilterProxy,
    ReportListModel,
)
from gov_review.gui.views.grid_view import GridView
from gov_review.gui.views.panels import AnnotationsPanel, FindingsPanel
from gov_review.gui.views.source_pane import SourcePane
from gov_review.gui.views.source_view import SourceView
from gov_review.gui.window_actions import ActionsMixin
from gov_review.gui.window_batch import BatchViewsMixin
from gov_review.gui.window_export import Exporter
from gov_review.gui.window_open import OpeningMixin, _LoadJob
from gov_review.gui.window_recovery import RecoveryMixin
from gov_review.gui.window_review import ReviewMixin, walk_findings
from gov_review.gui.window_save import SavingMixin
from gov_review.gui.workers import SyncPool, TaskPool

TABLES = ("t2", "t3", "t4")
DEFAULT_SIZE = (1600, 1000)
FRAME, TITLE_BAR = 8, 32  # what a window manager adds around the window, roughly
__all__ = ["TABLES", "MainWindow", "walk_findings"]


class _OnResize(QObject):
    """Calls ``fn`` whenever ``watched`` changes size. A filter object of its own: an
    ``eventFilter`` on the main window would also receive the events Qt's main window filters for
    itself (its docks, its status bar), each a call into Python while a folder opens."""

    def __init__(self, watched: QObject, fn: Callable[[], None]) -> None:
        super().__init__(watched)
        self._fn = fn
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fn()
        return False


class MainWindow(
    ActionsMixin, OpeningMixin, ReviewMixin, SavingMixin, RecoveryMixin, BatchViewsMixin, QMainWindow
):
    def __init__(
        self,
        pool: TaskPool | SyncPool | None = None,
        parent: QWidget | None = None,
        recovery: RecoveryStore | None = None,
    ) -> None:
        """``recovery``: where autosaves go (the user data folder by default; tests pass tmp_path)."""
        super().__init__(parent)
        none_guard.install(QApplication.instance())
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        # one reading thread: parsing is pure Python under the GIL, so a second thread adds no
        # speed, only more waiting for the GUI thread (see workers.BUSY_SWITCH_INTERVAL)
        self.pool = pool if pool is not None else TaskPool(self, max_threads=1)
        self.reviewer = settings.reviewer()
        self.exporter = Exporter(self)  # who signs, 文件 → 导出…, the bundle's outputs
        self.current: ReportDocument | None = None
        self.undo_group = QUndoGroup(self)
        self._job: _LoadJob | None = None
        self._finding_key: str | None = None
        self._finding_pos = -1
        self.stats = None  # created when the statistics tab is first shown
        self.remember_layout = True  # False for --screenshot: not the reviewer's own window
        self._init_recovery(recovery)
        self._init_opening()
        self._build()
        self._build_actions()
        self.retranslate()
        self._restore_layout()
        self.undo_group.cleanChanged.connect(lambda _c: self._update_title())

    # ------------------------------------------------------------------------------ layout

    def _build(self) -> None:
        self._build_list()
        self.source = SourceView(self)  # the text; with the pages of a PDF in the pane around it
        self.source_pane = SourcePane(self.source, self)
        self.source_pane.cellClicked.connect(lambda cid: self.select_cell(cid, from_source=True))
        self.source_pane.findingClicked.connect(self.go_to_finding)

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
        # Why the reviewer corrects: a field beside the tables, never a question in the way of
        # typing. Its text goes with every hand edit until changed (a burst of corrections for one
        # reason is typed once) and is kept in each edit, the memo and the corrections table.
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("editReason")
        self.reason_edit.setClearButtonEnabled(True)
        self.reason_edit.setMinimumWidth(220)
        self.reason_edit.textChanged.connect(self._set_edit_reason)
        self.tabs.setCornerWidget(self.reason_edit, Qt.Corner.TopRightCorner)
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
        self.main_split.addWidget(self.list_panel)
        self.main_split.addWidget(self.source_pane)
        self.main_split.addWidget(self.right_split)
        self.set_default_layout()
        self.setCentralWidget(self.main_split)
        self._build_batch_views()

        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel_loading)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()

    def set_default_layout(self) -> None:
        """Pane sizes for the window's width: the list wide enough for a seeds-style file name and
        its counts, the rest shared by the source (a third) and the tables (the remainder)."""
        width = max(self.width(), 1000)
        listed = min(440, max(250, width * 22 // 100))
        source = (width - listed) * 38 // 100
        self.main_split.setSizes([listed, source, width - listed - source])
        self.main_split.setStretchFactor(0, 0)  # a wider window widens the source and the tables
        self.main_split.setStretchFactor(1, 2)
        self.main_split.setStretchFactor(2, 3)
        height = max(self.height(), 600)
        self.right_split.setSizes([height * 3 // 5, height * 2 // 5])
        if hasattr(self, "dock_league"):  # the docks come after the splitters in _build
            self.hide_batch_docks()

    def _build_list(self) -> None:
        self.list_model = ReportListModel(self)
        self.proxy = ReportFilterProxy(self)
        self.proxy.setSourceModel(self.list_model)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("reportFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        view = self.list_view = QTableView(self)
        view.setObjectName("reportList")
        view.setModel(self.proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # the end of a file name tells reports apart
        header = view.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.Stretch)
        view.selectionModel().currentRowChanged.connect(self._list_current_changed)
        _OnResize(view.viewport(), self._fit_list_columns)  # its width changes: the columns fit again
        self.list_panel = QWidget(self)
        lay = QVBoxLayout(self.list_panel)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.filter_edit)
        lay.addWidget(view)

    def _fit_list_columns(self) -> None:
        """Room for a seeds-style name (“002_60c3416880e5604d.txt”) beside its icon, for each
        header in the current language, and for the counts' icon and number; 主体/状态 stretches.
        In a narrow pane (a laptop's 1366 px) the name gives way, elided in its middle, so that
        both counts stay in sight."""
        view, model = self.list_view, self.list_model
        fm = view.fontMetrics()

        def header(col: int) -> int:
            return fm.horizontalAdvance(str(model.headerData(col, Qt.Orientation.Horizontal))) + 24

        minimum = 40
        view.horizontalHeader().setMinimumSectionSize(minimum)
        counts = 0
        for col in (COL_ERRORS, COL_WARNINGS):
            width = max(header(col), fm.horizontalAdvance("99") + 34)
            view.setColumnWidth(col, width)
            counts += width
        wanted = fm.horizontalAdvance("002_60c3416880e5604d.txt *") + 40
        room = view.viewport().width() - counts - minimum  # the status column keeps its least
        view.setColumnWidth(COL_NAME, max(min(wanted, room), fm.horizontalAdvance("国" * 6) + 40))

    def _set_edit_reason(self, text: str) -> None:
        for grid in self.grids.values():
            grid.grid_model.edit_reason = text

    def retranslate(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr("Filter reports…"))
        self.reason_edit.setPlaceholderText(self.tr("Reason for corrections (optional)"))
        self.reason_edit.setToolTip(
            self.tr("Kept with each value you correct from now on, and shown in the memo and the corrections table.")
        )
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
        self._retranslate_actions()
        self.list_model.retranslate()
        self._fit_list_columns()
        for grid in self.grids.values():
            grid.grid_model.retranslate()
            grid.fit_columns()
        self._retranslate_batch()
        self.findings.retranslate()
        self.annotations.model.retranslate()
        self.source_pane.retranslate()
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
        # the status bar too: the finding shown says it again in the new language, anything else goes
        self.statusBar().clearMessage()
        if self.current is not None and self._finding_key is not None:
            for finding in self.current.findings():
                if finding.key == self._finding_key:
                    self.statusBar().showMessage(i18n.pick(finding.message, finding.message_en), 10000)
                    break

    def fit_to_screen(self) -> None:
        """The first start, or a saved place that no longer fits: 1600×1000 (or nine tenths of a
        larger screen), or the screen's available area when that is smaller (a 1366×768 laptop),
        centred, panes sized to it."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        avail = screen.availableGeometry()
        # leave room for the frame and title bar the window manager adds around the window
        w = min(max(DEFAULT_SIZE[0], avail.width() * 9 // 10), avail.width() - 2 * FRAME)
        h = min(max(DEFAULT_SIZE[1], avail.height() * 9 // 10), avail.height() - TITLE_BAR - 2 * FRAME)
        self.resize(w, h)
        self.move(avail.x() + (avail.width() - w) // 2, avail.y() + (avail.height() - h - TITLE_BAR) // 2)
        self.set_default_layout()

    def _fits_a_screen(self) -> bool:
        if self.isMaximized() or self.isFullScreen():
            return True
        geo = self.geometry()
        return any(s.availableGeometry().contains(geo) for s in QGuiApplication.screens())

    def _restore_layout(self) -> None:
        geo = settings.get(settings.GEOMETRY)
        if geo.isEmpty() or not self.restoreGeometry(geo) or not self._fits_a_screen():
            # saved on a larger screen (or a second monitor since unplugged): fit this one
            self.setWindowState(Qt.WindowState.WindowNoState)
            self.fit_to_screen()
            return
        docks = settings.get(settings.WINDOW_STATE)
        if not docks.isEmpty():
            self.restoreState(docks)
        for split, key in (
            (self.main_split, settings.SPLITTER_MAIN),
            (self.right_split, settings.SPLITTER_RIGHT),
        ):
            state = settings.get(key)
            if not state.isEmpty():
                split.restoreState(state)

    def save_layout(self) -> None:
        if not self.remember_layout:
            return
        settings.put(settings.GEOMETRY, self.saveGeometry())
        settings.put(settings.WINDOW_STATE, self.saveState())
        settings.put(settings.SPLITTER_MAIN, self.main_split.saveState())
        settings.put(settings.SPLITTER_RIGHT, self.right_split.saveState())

    # ------------------------------------------------------------------------- current

    def set_current(self, doc: ReportDocument | None) -> None:
        if doc is self.current:
            return
        self.current = doc
        for grid in self.grids.values():
            grid.set_document(doc)
        self.source_pane.set_document(doc)
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
        self._schedule_autosave()

    def _update_title(self) -> None:
        app = self.tr("gov-review — Annual report review")
        if self.current is None:
            self.setWindowTitle(app)
            self.setWindowModified(False)
            return
        self.setWindowTitle(f"{self.current.name}[*] — {app}")
        self.setWindowModified(self.current.modified)

    # ---------------------------------------------------------------------- statistics

    def _tab_changed(self, index: int) -> None:
        if index != len(TABLES):
            page = self.tabs.widget(index)
            if isinstance(page, GridView):
                page.ensure_fitted()  # also when the window itself is not on screen yet
            return
        if self.stats is None:
            from gov_review.gui.views.charts import StatsWidget  # pyqtgraph is heavy: only when first shown

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
        from gov_review.gui.dialogs.confirm import inform

        inform(
            self,
            self.tr("About gov-review"),
            self.tr("gov-review: review government information-disclosure annual reports."),
        )
