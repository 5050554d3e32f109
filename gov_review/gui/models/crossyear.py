"""The cross-year panel's model: pairs at the top level, their X01–X06 findings below.

A pair's sides are opened reports (``ReportDocument`` or ``Report``, as the league table holds them)
or, for last year's folder, a :class:`~gov_review.core.batch.crossyear.check.YearDigest`; ``side_*`` reads
either alike. No widget here, so the model can be tested on its own.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from gov_review.core.batch.crossyear.check import Side, YearDigest
from gov_review.core.model import Finding
from gov_review.gui.i18n import pick
from gov_review.gui.models.league import Item, item_label, item_path, item_report, tr_zh
from gov_review.gui.states import severity_icon

COL_WHAT, COL_HOW, COL_MESSAGE = range(3)
FindingRole = Qt.ItemDataRole.UserRole + 1
PairRole = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex
_TOP = 0  # internalId of a pair row; a finding row carries its pair's index + 1


class PairEntry:
    """A pair as shown: the two items (ReportDocument or Report), how it was made, its findings.

    ``method``: "auto" (by name among the opened reports), "manual", or "folder" — then ``prev`` is
    the YearDigest of a file in last year's folder, not an opened report."""

    __slots__ = ("cur", "findings", "method", "prev")

    def __init__(self, prev: Item | YearDigest, cur: Item, method: str, findings: list[Finding]) -> None:
        self.prev, self.cur, self.method, self.findings = prev, cur, method, findings


def side_path(side: Item | YearDigest) -> str:
    return side.path


def side_label(side: Item | YearDigest) -> str:
    """Body and year, else the file name — for an opened report or a digest of last year's file."""
    if not isinstance(side, YearDigest):
        return item_label(side)
    name = os.path.basename(side.path)
    if side.body or side.year:
        return f"{side.body or name} {side.year or '?'}"
    return name


def side_report(side: Item | YearDigest) -> Side:
    return side if isinstance(side, YearDigest) else item_report(side)


class CrossYearModel(QAbstractItemModel):
    """Pairs at the top level, their cross-year findings below."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.pairs: list[PairEntry] = []

    def set_pairs(self, pairs: list[PairEntry]) -> None:
        self.beginResetModel()
        self.pairs = list(pairs)
        self.endResetModel()

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.pairs)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self.pairs[parent.row()].findings)
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            COL_WHAT: tr_zh(QCoreApplication.translate("CrossYearModel", "Pair / rule"), "配对 / 规则"),
            COL_HOW: tr_zh(QCoreApplication.translate("CrossYearModel", "How / severity"), "方式 / 程度"),
            COL_MESSAGE: tr_zh(QCoreApplication.translate("CrossYearModel", "Findings"), "发现"),
        }.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            if index.row() >= len(self.pairs):
                return None
            return self._pair_data(self.pairs[index.row()], index.column(), role)
        pair_row = index.internalId() - 1
        if pair_row >= len(self.pairs) or index.row() >= len(self.pairs[pair_row].findings):
            return None
        return self._finding_data(self.pairs[pair_row].findings[index.row()], index.column(), role)

    def _pair_data(self, p: PairEntry, col: int, role: int) -> Any:
        if role == PairRole:
            return p
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_WHAT:
                return f"{side_label(p.prev)} → {side_label(p.cur)}"
            if col == COL_HOW:
                if p.method == "manual":
                    return tr_zh(QCoreApplication.translate("CrossYearModel", "by hand"), "手动配对")
                if p.method == "folder":
                    return tr_zh(
                        QCoreApplication.translate("CrossYearModel", "last year's folder"), "上年度文件夹"
                    )
                return tr_zh(QCoreApplication.translate("CrossYearModel", "by name"), "按名称")
            counts = {s: sum(1 for f in p.findings if f.severity == s) for s in ("error", "warning", "info")}
            return tr_zh(
                QCoreApplication.translate(
                    "CrossYearModel", "{error} errors, {warning} warnings, {info} notes"
                ),
                "错误 {error} 条，警告 {warning} 条，提示 {info} 条",
            ).format(**counts)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{side_path(p.prev)}\n→ {item_path(p.cur)}"
        if role == Qt.ItemDataRole.DecorationRole and col == COL_WHAT:
            worst = next((s for s in ("error", "warning") if any(f.severity == s for f in p.findings)), "ok")
            return severity_icon(worst)
        return None

    def _finding_data(self, f: Finding, col: int, role: int) -> Any:
        if role == FindingRole:
            return f
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_WHAT:
                return f.rule
            if col == COL_HOW:
                return {
                    "error": tr_zh(QCoreApplication.translate("CrossYearModel", "error"), "错误"),
                    "warning": tr_zh(QCoreApplication.translate("CrossYearModel", "warning"), "警告"),
                }.get(f.severity, tr_zh(QCoreApplication.translate("CrossYearModel", "note"), "提示"))
            return pick(f.message, f.message_en)
        if role == Qt.ItemDataRole.ToolTipRole:
            return pick(f.message, f.message_en) + (f"\n{f.equation}" if f.equation else "")
        if role == Qt.ItemDataRole.DecorationRole and col == COL_WHAT:
            return severity_icon(f.severity if f.severity in ("error", "warning") else "ok")
        return None


def other_side(finding: Finding) -> tuple[str | None, str | None]:
    """(last year's path, its first cell) of a cross-year finding."""
    other = finding.params.get("other") or {}
    cells = other.get("cells") or []
    return other.get("path"), (cells[0] if cells else None)
