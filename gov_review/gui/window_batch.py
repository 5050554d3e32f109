"""Many reports at once in the window: the league table, the cross-year panel and the dashboard.

They live in dock widgets, hidden until asked for (View menu) or until a folder brings several
reports in; the league table follows the report list, the dashboard and the cross-year panel follow
the league table. pyqtgraph is imported only when the dashboard is first shown.

Cross-year findings go to the league (counted, accepted warnings left out) and to each report's
document as its extra findings (marked on its grid and listed in its findings panel). Last year's
folder is read on the window's pool; a cell of a report that is not open (last year's file in that
folder) is shown by opening the file first.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDockWidget, QWidget

from gov_review.core.model import Finding
from gov_review.gui.document import ReportDocument
from gov_review.gui.views.crossyear_panel import CrossYearPanel
from gov_review.gui.views.dashboard import Dashboard
from gov_review.gui.views.league import LeagueView

# a folder bringing at least this many reports shows the league table by itself
LEAGUE_AUTO_SHOW = 3


class BatchViewsMixin:
    """Docks of the main window for reviewing many reports (issue: folders, cross-year, dashboard)."""

    def _build_batch_views(self) -> None:
        self.league = LeagueView(self)
        self.league.model.attach(self.list_model)  # follows opened/closed reports and their edits
        self.league.open_requested.connect(self.show_report)
        self.crossyear = CrossYearPanel(self)
        self.crossyear.set_pool(self.pool)
        self.crossyear.attach(self.league.model)
        self.crossyear.findings_changed.connect(self._crossyear_findings)
        self.crossyear.show_cell.connect(self.show_cell_of)
        self._pending_cell: tuple[str, str] | None = None  # (path, cell) to show once it is open
        self.list_model.rowsInserted.connect(self._show_pending_cell)
        self.dashboard = Dashboard(self)
        self.dashboard.attach(self.league.model)
        self.dashboard.filter_requested.connect(self.league.apply_path_filter)
        self.dashboard.filter_requested.connect(lambda *_: self.dock_league.raise_())
        self.dock_league = self._dock("leagueDock", self.league, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.dock_crossyear = self._dock(
            "crossYearDock", self.crossyear, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.tabifyDockWidget(self.dock_league, self.dock_crossyear)
        self.dock_dashboard = self._dock(
            "dashboardDock", self.dashboard, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.dock_league.raise_()

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        dock.hide()
        return dock

    def hide_batch_docks(self) -> None:
        """The default layout: no dock until asked for (or until several reports arrive)."""
        for dock in (self.dock_league, self.dock_crossyear, self.dock_dashboard):
            dock.hide()

    def _batch_actions(self) -> list:
        return [d.toggleViewAction() for d in (self.dock_league, self.dock_crossyear, self.dock_dashboard)]

    def _retranslate_batch(self) -> None:
        self.dock_league.setWindowTitle(self.tr("League table"))
        self.dock_crossyear.setWindowTitle(self.tr("Cross-year"))
        self.dock_dashboard.setWindowTitle(self.tr("Dashboard"))

    def _after_batch_opened(self, count: int) -> None:
        """A folder of several reports: show the league table, as the reviewer will want to rank them."""
        if count >= LEAGUE_AUTO_SHOW and self.dock_league.isHidden():
            self.dock_league.show()
            self.dock_league.raise_()

    def _doc_for(self, path: str) -> ReportDocument | None:
        doc = next((d for d in self.list_model.docs if d.path == path), None)
        if doc is None:  # the same file named another way (relative, or from last year's folder)
            want = os.path.abspath(path)
            doc = next((d for d in self.list_model.docs if os.path.abspath(d.path) == want), None)
        return doc

    def compare_with_previous_folder(self) -> bool:
        """Review menu: pair the opened reports with last year's in a chosen folder."""
        self.dock_crossyear.show()
        self.dock_crossyear.raise_()
        return self.crossyear.choose_previous_folder()

    def _crossyear_findings(self, by_path: dict[str, list[Finding]]) -> None:
        """Each report's cross-year findings: on its own grid and findings panel, and in the league."""
        active: dict[str, list[Finding]] = {}
        for doc in self.list_model.docs:
            found = by_path.get(doc.path, [])
            doc.set_extra_findings(found)
            if doc.session is not None:
                found = [f for f in found if not doc.session.is_waived(f)]
            if found:
                active[doc.path] = found
        self.league.model.set_extra_findings(active)

    def show_report(self, path: str) -> None:
        """Make the report at ``path`` the current one (double-click in the league table)."""
        doc = self._doc_for(path)
        if doc is not None:
            self.set_current(doc)

    def show_cell_of(self, path: str, cell_id: str) -> None:
        """Select a cell of a given report (a cross-year finding points at both years' cells)."""
        doc = self._doc_for(path)
        if doc is None:
            # last year's report from a folder: open it, then select the cell when it has arrived
            if os.path.exists(path):
                self._pending_cell = (os.path.abspath(path), cell_id)
                self.open_paths([path], remember=False)
            return
        self.set_current(doc)
        self.select_cell(cell_id)

    def _show_pending_cell(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        if self._pending_cell is None:
            return
        path, cell_id = self._pending_cell
        doc = self._doc_for(path)
        if doc is None:
            return
        self._pending_cell = None
        if doc.ok:
            self.set_current(doc)
            self.select_cell(cell_id)
        else:
            self.show_report(doc.path)
