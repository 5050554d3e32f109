"""The three table tabs: a QTableView per table over a TableGridModel, spans set from the layout."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTableView, QToolTip, QWidget

from .delegates import CellDelegate
from .document import ReportDocument
from .grid_layout import HEADER
from .models.table_grid import CellIdRole, TableGridModel

_LATIN_WORD = re.compile(r"[0-9A-Za-z'’().,:-]+")
# column widths (px) per table: label columns, then data columns
WIDTHS = {"t2": ([230], 112), "t3": ([64, 92, 210], 58), "t4": ([], 60)}


class GridView(QTableView):
    cellSelected = Signal(str)
    contextRequested = Signal(str, QPoint)

    def __init__(self, table: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.setObjectName(f"grid_{table}")
        self.grid_model = TableGridModel(table, self)
        self.grid_model.set_deferred(True)  # until shown: see showEvent
        self.setModel(self.grid_model)
        self.setItemDelegate(CellDelegate(self))
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)  # labels wrap, never '…'
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context)
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.grid_model.editRejected.connect(self._rejected)
        self.last_rejection = ""

    def showEvent(self, event) -> None:
        self.grid_model.set_deferred(False)
        super().showEvent(event)

    def hideEvent(self, event) -> None:
        self.grid_model.set_deferred(True)
        super().hideEvent(event)

    def set_document(self, doc: ReportDocument | None) -> None:
        self.clearSpans()
        self.grid_model.set_document(doc)
        layout = self.grid_model.layout
        if layout is None:
            return
        for it in layout.spans():
            self.setSpan(it.row, it.col, it.rowspan, it.colspan)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Column widths and row heights for the current language's labels."""
        layout = self.grid_model.layout
        if layout is None:
            return
        labels, data_w = WIDTHS[self.table]
        fit = self._header_word_widths(layout)
        for c in range(layout.cols):
            base = labels[c] if c < len(labels) else data_w
            self.setColumnWidth(c, max(base, fit.get(c, 0)))
        self.resizeRowsToContents()
        for r in range(layout.rows):
            self.setRowHeight(r, max(self.rowHeight(r), 26))

    def _header_word_widths(self, layout) -> dict[int, int]:
        """Width each data column needs so no word of its own header is cut (English words are long)."""
        metrics = self.fontMetrics()
        out: dict[int, int] = {}
        for it in layout.items:
            if it.kind != HEADER or it.colspan != 1 or it.col < len(WIDTHS[self.table][0]):
                continue
            text = self.grid_model.index(it.row, it.col).data() or ""
            # Chinese wraps between any two characters; only Latin words cannot be broken
            words = _LATIN_WORD.findall(str(text))
            widest = max((metrics.horizontalAdvance(w) for w in words), default=0)
            out[it.col] = max(out.get(it.col, 0), widest + 14)
        return out

    def select_cells(self, cell_ids: list[str]) -> bool:
        """Make the first cell current and select all of them (those in this table)."""
        indexes = [self.grid_model.index_of(c) for c in cell_ids]
        indexes = [i for i in indexes if i.isValid()]
        if not indexes:
            return False
        sm = self.selectionModel()
        sm.blockSignals(True)
        self.setCurrentIndex(indexes[0])
        sm.blockSignals(False)
        sm.clearSelection()
        from PySide6.QtCore import QItemSelectionModel

        for i in indexes:
            sm.select(i, QItemSelectionModel.SelectionFlag.Select)
        self.scrollTo(indexes[0], QAbstractItemView.ScrollHint.EnsureVisible)
        self.viewport().update()
        return True

    def current_cell(self) -> str | None:
        return self.currentIndex().data(CellIdRole)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        cid = current.data(CellIdRole)
        if cid:
            self.cellSelected.emit(cid)

    def _context(self, pos: QPoint) -> None:
        cid = self.indexAt(pos).data(CellIdRole)
        if cid:
            self.setCurrentIndex(self.indexAt(pos))
            self.contextRequested.emit(cid, self.viewport().mapToGlobal(pos))

    def _rejected(self, message: str, index: QModelIndex) -> None:
        self.last_rejection = message
        rect = self.visualRect(index)
        QToolTip.showText(self.viewport().mapToGlobal(rect.bottomLeft()), message, self)
