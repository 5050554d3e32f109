"""The open reports: name (with the unsaved mark), errors, warnings, and body/year or why the file
could not be read. Sort and filter through ``ReportFilterProxy``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from gov_review.gui.document import ReportDocument
from gov_review.gui.states import severity_icon

COL_NAME, COL_ERRORS, COL_WARNINGS, COL_STATUS = range(4)
N_COLS = 4
DocumentRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class ReportListModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.docs: list[ReportDocument] = []

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.docs)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else N_COLS

    # ------------------------------------------------------------------------ editing the list

    def add(self, doc: ReportDocument) -> QModelIndex:
        row = len(self.docs)
        self.beginInsertRows(QModelIndex(), row, row)
        self.docs.append(doc)
        self.endInsertRows()
        doc.stateChanged.connect(self.document_changed)
        doc.extraFindingsChanged.connect(lambda d=doc: self.document_changed(d))
        return self.index(row, 0)

    def remove(self, doc: ReportDocument) -> None:
        if doc not in self.docs:
            return
        row = self.docs.index(doc)
        self.beginRemoveRows(QModelIndex(), row, row)
        self.docs.pop(row)
        self.endRemoveRows()

    def document_changed(self, doc: ReportDocument) -> None:
        if doc in self.docs:
            row = self.docs.index(doc)
            self.dataChanged.emit(self.index(row, 0), self.index(row, N_COLS - 1))

    def row_of(self, doc: ReportDocument) -> int:
        return self.docs.index(doc) if doc in self.docs else -1

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, N_COLS - 1)
        if self.docs:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.docs) - 1, N_COLS - 1))

    # --------------------------------------------------------------------------------- data

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            COL_NAME: QCoreApplication.translate("ReportListModel", "Report"),
            COL_ERRORS: QCoreApplication.translate("ReportListModel", "Errors"),
            COL_WARNINGS: QCoreApplication.translate("ReportListModel", "Warnings"),
            COL_STATUS: QCoreApplication.translate("ReportListModel", "Body / status"),
        }.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.docs):
            return None
        doc = self.docs[index.row()]
        col = index.column()
        if role == DocumentRole:
            return doc
        counts = doc.counts_with_extra()  # with the cross-year findings, as the banner counts
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_NAME:
                return doc.name + (" *" if doc.modified else "")
            if not doc.ok:
                return "—" if col in (COL_ERRORS, COL_WARNINGS) else doc.error_message()
            if col == COL_ERRORS:
                return str(counts["error"])
            if col == COL_WARNINGS:
                return str(counts["warning"])
            return doc.body
        if role == SortRole:
            if col == COL_NAME:
                return doc.name.lower()
            if col == COL_ERRORS:
                return counts["error"] if doc.ok else 10**6
            if col == COL_WARNINGS:
                return counts["warning"] if doc.ok else 10**6
            return doc.body if doc.ok else doc.error_message()
        if role == Qt.ItemDataRole.DecorationRole:
            if col == COL_NAME:
                if not doc.ok:
                    return severity_icon("unreadable")
                if counts["error"]:
                    return severity_icon("error")
                return severity_icon("warning" if counts["warning"] else "ok")
            if doc.ok and col == COL_ERRORS and counts["error"]:
                return severity_icon("error")
            if doc.ok and col == COL_WARNINGS and counts["warning"]:
                return severity_icon("warning")
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if not doc.ok:
                return doc.error_message()
            text = QCoreApplication.translate(
                "ReportListModel", "{path}\n{errors} errors, {warnings} warnings, {waived} accepted"
            ).format(
                path=doc.path, errors=counts["error"], warnings=counts["warning"], waived=counts["waived"]
            )
            if doc.modified:
                text += "\n" + QCoreApplication.translate("ReportListModel", "Unsaved review work")
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_ERRORS, COL_WARNINGS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ReportFilterProxy(QSortFilterProxyModel):
    """Sort by the numbers, filter on the name, the body or the status text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setDynamicSortFilter(True)
