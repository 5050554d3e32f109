"""Many reports at once in the window: the league table, the cross-year panel and the dashboard.

They live in dock widgets, hidden until asked for (View menu) or until a folder brings several
reports in; the league table follows the report list, the dashboard and the cross-year panel follow
the league table. pyqtgraph is imported only when the dashboard is first shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QWidget

from .crossyear_panel import CrossYearPanel
from .dashboard import Dashboard
from .document import ReportDocument
from .league import LeagueView

# a folder bringing at least this many reports shows the league table by itself
LEAGUE_AUTO_SHOW = 3


class BatchViewsMixin:
    """Docks of the main window for reviewing many reports (issue: folders, cross-year, dashboard)."""

    def _build_batch_views(self) -> None:
        self.league = LeagueView(self)
        self.league.model.attach(self.list_model)  # follows opened/closed reports and their edits
        self.league.open_requested.connect(self.show_report)
        self.crossyear = CrossYearPanel(self)
        self.crossyear.attach(self.league.model)
        self.crossyear.findings_changed.connect(self.league.model.set_extra_findings)
        self.crossyear.show_cell.connect(self.show_cell_of)
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
        return next((d for d in self.list_model.docs if d.path == path), None)

    def show_report(self, path: str) -> None:
        """Make the report at ``path`` the current one (double-click in the league table)."""
        doc = self._doc_for(path)
        if doc is not None:
            self.set_current(doc)

    def show_cell_of(self, path: str, cell_id: str) -> None:
        """Select a cell of a given report (a cross-year finding points at both years' cells)."""
        doc = self._doc_for(path)
        if doc is None:
            return  # the cross-year panel only pairs reports that are open
        self.set_current(doc)
        self.select_cell(cell_id)
