"""The three table tabs: a QTableView per table over a TableGridModel, spans set from the layout.

A table wider than its pane keeps its row labels in view: a second view over the same model and
selection (``FrozenLabels``, after Qt's "Frozen Column" example) shows only the label columns and
lies over the left of the grid; it scrolls vertically with it and stays put horizontally, and the
grid scrolls a cell out from under it when the cell becomes current (keys, F8, a click in the
source). English labels make 表三 wider than the pane at the default layout.

Row heights follow the labels, so they are measured once per table layout, language, font and
column widths and then reused for every report of that format (measuring all rows took half of
the time of switching reports); a report with a value too wide for its column is measured on its own.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QFrame, QTableView, QToolTip, QWidget

from gov_review.core.formats.table_layout import HEADER
from gov_review.gui.document import ReportDocument
from gov_review.gui.i18n import current_lang
from gov_review.gui.models.table_grid import CellIdRole, TableGridModel
from gov_review.gui.views.delegates import CellDelegate

_LATIN_WORD = re.compile(r"[0-9A-Za-z'’().,:-]+")
# column widths (px) per table: label columns, then data columns
WIDTHS = {"t2": ([230], 112), "t3": ([64, 92, 210], 58), "t4": ([], 60)}
MIN_ROW_HEIGHT = 26
# Row heights measured per (layout, language, font, column widths); a handful of entries in practice.
_ROW_HEIGHTS: dict[tuple, list[int]] = {}
_ROW_HEIGHTS_MAX = 32
# Room a value's text leaves in its cell: margins and the state icon.
_VALUE_PADDING = 40


class FrozenLabels(QTableView):
    """The row-label columns of a GridView, drawn over its left edge: same model, same selection
    model, same delegate; no focus of its own (the keyboard stays with the grid)."""

    def __init__(self, grid: GridView) -> None:
        super().__init__(grid)
        self.setObjectName(f"frozen_{grid.table}")
        self.grid = grid
        self.setModel(grid.model())
        self.setSelectionModel(grid.selectionModel())
        self.setItemDelegate(CellDelegate(self))  # its own: a delegate commits to every view it serves
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSelectionMode(grid.selectionMode())
        self.setEditTriggers(grid.editTriggers())
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # a thin rule on its right edge shows where the fixed labels end once the grid scrolls
        self.setStyleSheet("FrozenLabels { border: none; border-right: 1px solid palette(mid); }")
        self.verticalScrollBar().valueChanged.connect(grid.verticalScrollBar().setValue)
        grid.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        grid.horizontalHeader().sectionResized.connect(self._column_resized)
        grid.verticalHeader().sectionResized.connect(self._row_resized)
        self.columns = 0

    def set_columns(self, columns: int, spans: list) -> None:
        """Show the first ``columns`` columns of the grid (0: none, the view is hidden)."""
        self.columns = columns
        self.clearSpans()
        model = self.model()
        for c in range(model.columnCount()):
            self.setColumnHidden(c, c >= columns)
            if c < columns:
                self.setColumnWidth(c, self.grid.columnWidth(c))
        for it in spans:
            if it.col < columns:
                self.setSpan(it.row, it.col, it.rowspan, it.colspan)
        for r in range(model.rowCount()):
            self.setRowHeight(r, self.grid.rowHeight(r))
        self.setVisible(columns > 0)
        self.place()

    def dataChanged(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: object = ()) -> None:
        # the numbers changed, not the labels: a data cell is in a hidden column here, but Qt would
        # still repaint a sliver for it and, with the spans, redraw every visible label
        if top_left.column() >= self.columns:
            return
        super().dataChanged(top_left, bottom_right, roles)

    def width_needed(self) -> int:
        return sum(self.grid.columnWidth(c) for c in range(self.columns))

    def place(self) -> None:
        grid = self.grid
        frame = grid.frameWidth()
        self.setGeometry(frame, frame, self.width_needed() + 1, grid.viewport().height())
        self.verticalScrollBar().setValue(grid.verticalScrollBar().value())

    def _column_resized(self, column: int, _old: int, new: int) -> None:
        if column < self.columns:
            self.setColumnWidth(column, new)
            self.place()

    def _row_resized(self, row: int, _old: int, new: int) -> None:
        self.setRowHeight(row, new)


class GridView(QTableView):
    cellSelected = Signal(str)
    contextRequested = Signal(str, QPoint)

    def __init__(self, table: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.setObjectName(f"grid_{table}")
        self.grid_model = TableGridModel(table, self)
        self.grid_model.set_deferred(True)  # until shown: see showEvent
        self._fit_waiting = False  # fit_columns waits until the table's tab is shown
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
        # by the pixel, so a cell can be scrolled exactly to the right of the frozen labels
        self.frozen = FrozenLabels(self)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)  # the same as the labels'
        self.viewport().stackUnder(self.frozen)
        self.frozen.hide()

    def showEvent(self, event) -> None:
        self.grid_model.set_deferred(False)
        self.ensure_fitted()
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
        self._freeze(layout)
        self.fit_columns()

    def ensure_fitted(self) -> None:
        """Fit columns and rows now if that waited while this table's tab was not shown."""
        if self._fit_waiting:
            self.fit_columns()

    def _freeze(self, layout) -> None:
        """Freeze the label columns, unless a caption spans past them (表二's item captions run
        across the whole table: frozen, they would be cut at the label column)."""
        columns = layout.label_cols
        if any(it.col < columns < it.col + it.colspan for it in layout.items):
            columns = 0
        self.frozen.set_columns(columns, layout.spans())

    def frozen_width(self) -> int:
        return self.frozen.width_needed() if self.frozen.columns else 0

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.frozen.place()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if hasattr(self, "frozen"):
            self.frozen.place()

    def scrollTo(
        self,
        index: QModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        """Scroll as usual, then far enough that a data cell is not under the frozen labels."""
        if self.frozen.columns and index.isValid() and index.column() < self.frozen.columns:
            # a label is always in view horizontally: only follow it up or down
            bar = self.horizontalScrollBar()
            keep = bar.value()
            super().scrollTo(index, hint)
            bar.setValue(keep)
            return
        super().scrollTo(index, hint)
        covered = self.frozen_width()
        if covered and index.isValid():
            left = self.visualRect(index).left()
            if left < covered:
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() - (covered - left))

    def fit_columns(self) -> None:
        """Column widths and row heights for the current language's labels. A table whose tab is
        not shown is fitted when it is (measuring all three tables was most of showing a report
        the first time)."""
        layout = self.grid_model.layout
        self._fit_waiting = self.isHidden()
        if layout is None or self._fit_waiting:
            return
        labels, data_w = WIDTHS[self.table]
        fit = self._header_word_widths(layout)
        for c in range(layout.cols):
            base = labels[c] if c < len(labels) else data_w
            self.setColumnWidth(c, max(base, fit.get(c, 0)))
        key = (
            id(layout),
            current_lang(),
            self.font().key(),
            tuple(self.columnWidth(c) for c in range(layout.cols)),
        )
        heights = _ROW_HEIGHTS.get(key)
        wide = self._has_wide_values(layout)
        if heights is None or wide:
            self.resizeRowsToContents()
            heights = [max(self.rowHeight(r), MIN_ROW_HEIGHT) for r in range(layout.rows)]
            if not wide:  # the labels alone decided: right for every report of this layout
                if len(_ROW_HEIGHTS) >= _ROW_HEIGHTS_MAX:
                    _ROW_HEIGHTS.clear()
                _ROW_HEIGHTS[key] = heights
        for r, height in enumerate(heights):
            if self.rowHeight(r) != height:
                self.setRowHeight(r, height)
        if hasattr(self, "frozen") and self.frozen.columns:
            self.frozen.set_columns(self.frozen.columns, layout.spans())

    def _has_wide_values(self, layout) -> bool:
        """Whether a value of this report is too wide for its column (it wraps: its row grows)."""
        doc = self.grid_model.doc
        if doc is None or doc.session is None:
            return False
        metrics = self.fontMetrics()
        session = doc.session
        for cell_id, (_row, col) in layout.where.items():
            cell = session.cell(cell_id)
            raw = cell.raw.strip() if cell is not None and cell.raw else ""
            if len(raw) > 4 and metrics.horizontalAdvance(raw) + _VALUE_PADDING > self.columnWidth(col):
                return True
        return False

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
        self.frozen.viewport().update()
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
