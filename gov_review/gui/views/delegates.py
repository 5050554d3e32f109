"""The grid's cell delegate: a line editor for values, plus the borders and note corners that
mark a cell's state without relying on colour.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from gov_review.core.formats.table_layout import DATA
from gov_review.gui.models.table_grid import KindRole, StateRole
from gov_review.gui.states import CellState, draw_border, draw_note_corner

_Index = QModelIndex | QPersistentModelIndex


class CellDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        # The model validates with the core and says why it refuses (editRejected).
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: _Index) -> None:
        editor.setGeometry(option.rect)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        super().paint(painter, option, index)
        if index.data(KindRole) != DATA:
            return
        state = CellState(index.data(StateRole) or 0)
        rect = QRectF(option.rect)
        draw_border(painter, rect, state)
        if state & CellState.NOTE:
            draw_note_corner(painter, rect)
