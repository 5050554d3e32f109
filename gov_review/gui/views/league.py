"""The league table view: a filter box, an "only reports with errors" switch, a removable chip for
the dashboard's filter, and the sortable table of ``LeagueModel``.

Attach API::

    view = LeagueView(parent)                     # makes its own LeagueModel and LeagueFilterProxy
    view.model.attach(window.list_model)          # or view.model.set_reports(items)
    view.open_requested.connect(lambda path: ...) # double-click / Enter on a row
    dashboard.filter_requested.connect(view.apply_path_filter)
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gov_review.gui.models.league import (
    COL_BODY,
    COL_ERRORS,
    COL_FILE,
    COL_FORMAT,
    COL_WARNINGS,
    COL_YEAR,
    LeagueModel,
    OkRole,
    PathRole,
    SortRole,
    tr_zh,
)

_Index = QModelIndex | QPersistentModelIndex


class LeagueFilterProxy(QSortFilterProxyModel):
    """Numeric sort on the count columns; a text filter, an errors-only switch and a set of paths
    (what a dashboard bar stands for)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)
        self._text = ""
        self._errors_only = False
        self._paths: frozenset[str] | None = None
        self.paths_label = ""

    def _filter_change(self, name: str, value: Any) -> None:
        # Qt 6.10 deprecates invalidateFilter() for begin/endFilterChange around the change
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            setattr(self, name, value)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            setattr(self, name, value)
            self.invalidateFilter()

    def set_text(self, text: str) -> None:
        self._filter_change("_text", text.strip().casefold())

    def set_errors_only(self, on: bool) -> None:
        self._filter_change("_errors_only", bool(on))

    def set_paths(self, paths: set[str] | frozenset[str] | None, label: str = "") -> None:
        """Show only these reports (None: all)."""
        self.paths_label = label if paths is not None else ""
        self._filter_change("_paths", None if paths is None else frozenset(paths))

    @property
    def paths(self) -> frozenset[str] | None:
        return self._paths

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        idx = model.index(source_row, 0, source_parent)
        if self._paths is not None and idx.data(PathRole) not in self._paths:
            return False
        if self._errors_only:
            errors = model.index(source_row, COL_ERRORS, source_parent).data(SortRole)
            if not idx.data(OkRole) or not errors:
                return False
        if self._text:
            hay = " ".join(
                str(model.index(source_row, c, source_parent).data(Qt.ItemDataRole.DisplayRole) or "")
                for c in (COL_FILE, COL_BODY, COL_YEAR, COL_FORMAT)
            )
            if self._text not in (hay + " " + str(idx.data(PathRole))).casefold():
                return False
        return True


class FilterChip(QFrame):
    """“filter: … ×” — shows what the dashboard filtered on; the × clears it."""

    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterChip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # a border as well as a tint: the chip must read as a control, not as a message
        self.setStyleSheet(
            "#filterChip { border: 1px solid palette(highlight); border-radius: 9px;"
            " background: palette(alternate-base); }"
        )
        self.label = QLabel(self)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("clearChip")
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.cleared)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 0, 2, 0)
        lay.setSpacing(2)
        lay.addWidget(self.label)
        lay.addWidget(self.close_button)
        self._text = ""

    def set_text(self, text: str, count: int) -> None:
        self._text = text
        self._count = count
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(
            tr_zh(
                QCoreApplication.translate("FilterChip", "filter: {label} ({n} reports)"),
                "筛选：{label}（{n} 份）",
            ).format(label=self._text, n=getattr(self, "_count", 0))
        )
        self.close_button.setToolTip(
            tr_zh(QCoreApplication.translate("FilterChip", "Clear this filter"), "清除此筛选")
        )


class LeagueView(QWidget):
    open_requested = Signal(str)  # the path of the report to open

    def __init__(self, parent: QWidget | None = None, model: LeagueModel | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("leagueView")
        self.model = model if model is not None else LeagueModel(self)
        self.proxy = LeagueFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("leagueFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.errors_only = QCheckBox(self)
        self.errors_only.setObjectName("leagueErrorsOnly")
        self.errors_only.toggled.connect(self.proxy.set_errors_only)
        self.chip = FilterChip(self)
        self.chip.cleared.connect(self.clear_path_filter)
        self.chip.hide()
        self.summary = QLabel(self)
        self.summary.setObjectName("leagueSummary")

        self.table = QTableView(self)
        self.table.setObjectName("leagueTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_ERRORS, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(34)
        self._size_columns()
        self.table.doubleClicked.connect(self._activated)
        self.table.installEventFilter(self)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.errors_only)
        top.addWidget(self.chip)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.summary)

        for sig in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            sig.connect(self._update_summary)
        self.model.columnsInserted.connect(self._size_columns)
        self.model.modelReset.connect(self._size_columns)
        self.retranslate()

    # ------------------------------------------------------------------------------ API

    def apply_path_filter(self, paths: set[str], label: str) -> None:
        """Show only these reports, with a chip saying why (the dashboard's filter_requested)."""
        self.proxy.set_paths(set(paths), label)
        self.chip.set_text(label, len(paths))
        self.chip.show()
        self._update_summary()

    def clear_path_filter(self) -> None:
        self.proxy.set_paths(None)
        self.chip.hide()
        self._update_summary()

    def visible_paths(self) -> list[str]:
        """The paths shown, top to bottom (what the reviewer sees)."""
        return [self.proxy.index(r, 0).data(PathRole) for r in range(self.proxy.rowCount())]

    def retranslate(self) -> None:
        self.filter_edit.setPlaceholderText(
            tr_zh(
                QCoreApplication.translate("LeagueView", "Filter by body, file, year or format"),
                "按主体、文件名、年度或格式筛选",
            )
        )
        self.errors_only.setText(
            tr_zh(QCoreApplication.translate("LeagueView", "Only reports with errors"), "只看有错误的报告")
        )
        self.chip.retranslate()
        self.model.retranslate()
        self._update_summary()

    # --------------------------------------------------------------------------- internals

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, obj, event: QEvent) -> bool:
        if (
            obj is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.table.currentIndex().isValid()
        ):
            self._activated(self.table.currentIndex())
            return True
        return super().eventFilter(obj, event)

    def _activated(self, index: QModelIndex) -> None:
        path = index.data(PathRole)
        if path:
            self.open_requested.emit(path)

    def _size_columns(self, _parent: QModelIndex | None = None, first: int = 0, last: int = -1) -> None:
        """Fixed columns get room for their values; rule columns (counts) stay narrow. Only new
        columns are sized, so widths the reviewer set survive a rule appearing."""
        widths = {
            COL_FILE: 150,
            COL_BODY: 190,
            COL_YEAR: 52,
            COL_FORMAT: 52,
            COL_ERRORS: 58,
            COL_WARNINGS: 58,
        }
        last = self.model.columnCount() - 1 if last < 0 else last
        for col in range(first, last + 1):
            self.table.setColumnWidth(col, widths.get(col, 44))

    def _update_summary(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.summary.setText(
            tr_zh(
                QCoreApplication.translate("LeagueView", "{shown} of {total} reports shown"),
                "显示 {shown} / {total} 份报告",
            ).format(shown=shown, total=total)
        )
