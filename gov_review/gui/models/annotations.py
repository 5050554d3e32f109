"""Notes and accepted warnings of the current report, one row each, for the side panel."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from gov_review.core.review.session import Note, Waiver
from gov_review.gui.commands import cell_label
from gov_review.gui.document import ReportDocument
from gov_review.gui.models.bound import FollowsDocument
from gov_review.gui.states import CellState, severity_icon, state_icon

COL_KIND, COL_CELL, COL_TEXT, COL_WHO, COL_WHEN = range(5)
N_COLS = 5
RecordRole = Qt.ItemDataRole.UserRole + 1  # the Note or Waiver
CellIdRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class AnnotationsModel(FollowsDocument, QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.doc: ReportDocument | None = None
        self._rows: list[Note | Waiver] = []

    def rebuild(self) -> None:
        self.beginResetModel()
        if self.doc is None or self.doc.session is None:
            self._rows = []
        else:
            s = self.doc.session
            self._rows = [*s.notes, *s.waivers.values()]
        self.endResetModel()

    def retranslate(self) -> None:
        self.rebuild()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else N_COLS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return {
                COL_KIND: QCoreApplication.translate("AnnotationsModel", "Kind"),
                COL_CELL: QCoreApplication.translate("AnnotationsModel", "Cell"),
                COL_TEXT: QCoreApplication.translate("AnnotationsModel", "Text / reason"),
                COL_WHO: QCoreApplication.translate("AnnotationsModel", "Reviewer"),
                COL_WHEN: QCoreApplication.translate("AnnotationsModel", "Time"),
            }.get(section)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or self.doc is None:
            return None
        rec = self._rows[index.row()]
        col = index.column()
        is_note = isinstance(rec, Note)
        cell = rec.cell if is_note else (rec.cells[0] if rec.cells else "")
        if role == RecordRole:
            return rec
        if role == CellIdRole:
            return cell
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == COL_KIND:
                return (
                    QCoreApplication.translate("AnnotationsModel", "Note")
                    if is_note
                    else QCoreApplication.translate("AnnotationsModel", "Accepted {rule}").format(
                        rule=rec.rule
                    )
                )
            if col == COL_CELL:
                return cell_label(cell, self.doc.session.data.format) if cell else ""
            if col == COL_TEXT:
                return rec.text if is_note else rec.reason
            if col == COL_WHO:
                return rec.reviewer
            return rec.time
        if role == Qt.ItemDataRole.DecorationRole and col == COL_KIND:
            return severity_icon("info") if is_note else state_icon(int(CellState.WAIVED))
        return None
