"""The league table: one row per opened report — body, year, format, errors, warnings and one count
column per rule that fired in any of them; an unreadable file shows its reason instead.

The model adapts what the window already holds (``ReportDocument``s, or bare core ``Report``s in
headless use); it keeps only per-row counts, recomputed when a report's findings change.

Attach API::

    model = LeagueModel(parent)
    model.attach(window.list_model)        # follow the window's open reports (or set_reports([...]))
    model.set_extra_findings({path: [...]}) # cross-year findings (CrossYearPanel.findings_changed)

``gui/league.py`` has the sorting and filtering proxy and the view.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from gov_review.core.batch.league import count_findings, find_rule, rule_order
from gov_review.core.model import Finding
from gov_review.core.review.pipeline import Report
from gov_review.gui.document import ReportDocument
from gov_review.gui.i18n import current_lang, pick
from gov_review.gui.states import severity_icon

COL_FILE, COL_BODY, COL_YEAR, COL_FORMAT, COL_ERRORS, COL_WARNINGS = range(6)
N_FIXED = 6
ItemRole = Qt.ItemDataRole.UserRole + 1  # the ReportDocument or Report behind the row
PathRole = Qt.ItemDataRole.UserRole + 2
SortRole = Qt.ItemDataRole.UserRole + 3
OkRole = Qt.ItemDataRole.UserRole + 4  # False for a file that could not be read

UNREADABLE_SORT = 10**6  # an unreadable file sorts with the worst: it needs the reviewer first

_Index = QModelIndex | QPersistentModelIndex
Item = ReportDocument | Report
_CJK = re.compile(r"[\u3400-\u9fff]")


def _modified(item: Item) -> bool:
    return isinstance(item, ReportDocument) and item.modified


def tr_zh(translated: str, zh: str) -> str:
    """The Qt translation, or ``zh`` while the .ts lacks this string and the language is Chinese.

    The English source string stays in the ``translate`` call so ``pyside6-lupdate`` extracts it;
    once the .ts carries it, the translation wins.
    """
    if current_lang() == "zh" and not _CJK.search(translated):
        return zh
    return translated


# ------------------------------------------------------------------ reading either kind of item


def item_path(item: Item) -> str:
    return item.path


def item_report(item: Item) -> Report:
    return item.report if isinstance(item, ReportDocument) else item


def item_ok(item: Item) -> bool:
    if isinstance(item, ReportDocument):
        return item.ok
    return item.error is None and item.data is not None


def item_findings(item: Item) -> list[Finding]:
    """The findings a reviewer still has to deal with (accepted warnings left out)."""
    if isinstance(item, ReportDocument):
        return item.session.active_findings() if item.session is not None else []
    return list(item.findings) if item_ok(item) else []


def item_error(item: Item) -> str:
    if isinstance(item, ReportDocument):
        return item.error_message()
    err = item.error
    if err is None:
        return pick("未能识别报告内容。", "The report could not be read.")
    zh = getattr(err, "message_zh", None) or str(err)
    return pick(zh, getattr(err, "message_en", None) or zh)


def item_body(item: Item) -> str:
    data = item_report(item).data
    return (data.body.name or "") if data is not None else ""


def item_year(item: Item) -> int | None:
    data = item_report(item).data
    return data.year if data is not None else None


def item_label(item: Item) -> str:
    """How a report is named to the reviewer: body and year, else the file name."""
    body, year = item_body(item), item_year(item)
    name = os.path.basename(item_path(item))
    if body or year:
        return f"{body or name} {year or '?'}"
    return name


def rule_title(rule: str) -> str:
    r = find_rule(rule)
    if r is None:
        return rule
    return pick(r.title_zh, r.title_en)


@dataclass(slots=True)
class _Row:
    item: Item
    errors: int = 0
    warnings: int = 0
    by_rule: dict[str, int] = field(default_factory=dict)
    by_rule_sev: dict[str, dict[str, int]] = field(default_factory=dict)
    extra: int = 0  # how many of the findings are cross-year ones


class LeagueModel(QAbstractTableModel):
    """Rows are reports; columns are the fixed ones then one per rule that fired anywhere."""

    # a report was added, removed or re-checked (not emitted for set_extra_findings, so a view
    # that computes the extra findings can listen without feeding itself)
    reports_changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._rules: list[str] = []
        self._extra: dict[str, list[Finding]] = {}
        self._source: QAbstractItemModel | None = None

    # ------------------------------------------------------------------------- the reports

    def items(self) -> list[Item]:
        return [r.item for r in self._rows]

    @property
    def rules(self) -> list[str]:
        return list(self._rules)

    def set_reports(self, items: list[Item]) -> None:
        self.beginResetModel()
        for row in self._rows:
            self._disconnect(row.item)
        self._rows = [self._count(_Row(it)) for it in items]
        for it in items:
            self._connect(it)
        self._rules = self._all_rules()
        self.endResetModel()
        self.reports_changed.emit()

    def add(self, item: Item) -> None:
        row = len(self._rows)
        counted = self._count(_Row(item))
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(counted)
        self.endInsertRows()
        self._connect(item)
        self._sync_rule_columns()
        self.reports_changed.emit()

    def remove(self, item: Item) -> None:
        row = self.row_of(item)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        self._rows.pop(row)
        self.endRemoveRows()
        self._disconnect(item)
        self._sync_rule_columns()
        self.reports_changed.emit()

    def row_of(self, item: Item) -> int:
        for i, r in enumerate(self._rows):
            if r.item is item:
                return i
        return -1

    def rule_counts(self, item: Item) -> dict[str, int]:
        """Findings per rule for one report, as the table shows them (accepted warnings left out,
        cross-year findings included)."""
        row = self.row_of(item)
        return dict(self._rows[row].by_rule) if row >= 0 else {}

    def refresh(self, item: Item) -> None:
        """Recount one report after its findings changed (an edit, a waiver, an undo)."""
        row = self.row_of(item)
        if row < 0:
            return
        r = self._rows[row]
        before = (r.errors, r.warnings, r.by_rule, r.by_rule_sev, r.extra, _modified(item))
        self._count(r)
        self._sync_rule_columns()
        # most edits change no count: then the row looks the same, and the sorting proxy need not
        # read it again (it reads every column of a changed row to re-sort and re-filter)
        if before != (r.errors, r.warnings, r.by_rule, r.by_rule_sev, r.extra, _modified(item)):
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.reports_changed.emit()  # the values changed all the same (cross-year compares them)

    def set_extra_findings(self, by_path: dict[str, list[Finding]]) -> None:
        """Findings that belong to no single report's check, e.g. cross-year ones, by report path."""
        self._extra = {p: list(f) for p, f in by_path.items()}
        for r in self._rows:
            self._count(r)
        self._sync_rule_columns()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def attach(self, source: QAbstractItemModel, role: int | None = None) -> None:
        """Follow another model's rows (the window's ReportListModel): its ``role`` data on column 0
        is the ReportDocument (default: report_list.DocumentRole)."""
        if role is None:
            from gov_review.gui.models.report_list import DocumentRole

            role = DocumentRole
        self._source_role = role
        self._source = source
        source.rowsInserted.connect(self._source_inserted)
        source.rowsAboutToBeRemoved.connect(self._source_removed)
        source.modelReset.connect(self._source_reset)
        self._source_reset()

    def retranslate(self) -> None:
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    # ------------------------------------------------------------------------- internals

    def _source_items(self, first: int, last: int) -> list[Item]:
        assert self._source is not None
        out = []
        for r in range(first, last + 1):
            it = self._source.index(r, 0).data(self._source_role)
            if it is not None:
                out.append(it)
        return out

    def _source_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            for it in self._source_items(first, last):
                self.add(it)

    def _source_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():
            for it in self._source_items(first, last):
                self.remove(it)

    def _source_reset(self) -> None:
        assert self._source is not None
        self.set_reports(self._source_items(0, self._source.rowCount() - 1))

    def _connect(self, item: Item) -> None:
        if isinstance(item, ReportDocument):
            item.stateChanged.connect(self.refresh)

    def _disconnect(self, item: Item) -> None:
        if isinstance(item, ReportDocument):
            # already gone with its document: nothing left to disconnect
            with contextlib.suppress(RuntimeError, TypeError):
                item.stateChanged.disconnect(self.refresh)

    def _count(self, row: _Row) -> _Row:
        own = item_findings(row.item)
        extra = self._extra.get(item_path(row.item), []) if item_ok(row.item) else []
        counts = count_findings([*own, *extra])
        row.errors, row.warnings = counts.errors, counts.warnings
        row.by_rule, row.by_rule_sev = counts.by_rule, counts.by_rule_sev
        row.extra = len(extra)
        return row

    def _all_rules(self) -> list[str]:
        rules = {rule for r in self._rows for rule in r.by_rule}
        return sorted(rules, key=rule_order)

    def _sync_rule_columns(self) -> None:
        """Insert and remove rule columns one by one, so views keep their sort and selection."""
        wanted = self._all_rules()
        for rule in [r for r in self._rules if r not in wanted]:
            col = N_FIXED + self._rules.index(rule)
            self.beginRemoveColumns(QModelIndex(), col, col)
            self._rules.remove(rule)
            self.endRemoveColumns()
        for rule in wanted:
            if rule in self._rules:
                continue
            pos = sum(1 for r in self._rules if rule_order(r) < rule_order(rule))
            self.beginInsertColumns(QModelIndex(), N_FIXED + pos, N_FIXED + pos)
            self._rules.insert(pos, rule)
            self.endInsertColumns()

    # ------------------------------------------------------------------------------ Qt API

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else N_FIXED + len(self._rules)

    def rule_at(self, column: int) -> str | None:
        i = column - N_FIXED
        return self._rules[i] if 0 <= i < len(self._rules) else None

    def column_of_rule(self, rule: str) -> int:
        return N_FIXED + self._rules.index(rule) if rule in self._rules else -1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        rule = self.rule_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if rule is not None:
                return rule
            return self._fixed_header(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            if rule is not None:
                return tr_zh(
                    QCoreApplication.translate(
                        "LeagueModel", "{rule}: {title}\nFindings of this rule per report"
                    ),
                    "{rule}：{title}\n每份报告中此规则的发现数",
                ).format(rule=rule, title=rule_title(rule))
            if section in (COL_ERRORS, COL_WARNINGS):
                return tr_zh(
                    QCoreApplication.translate("LeagueModel", "Accepted warnings are not counted"),
                    "已接受的警告不计入",
                )
        return None

    def _fixed_header(self, section: int) -> str | None:
        return {
            COL_FILE: tr_zh(QCoreApplication.translate("LeagueModel", "File"), "文件"),
            COL_BODY: tr_zh(QCoreApplication.translate("LeagueModel", "Body / reason"), "报告主体 / 原因"),
            COL_YEAR: tr_zh(QCoreApplication.translate("LeagueModel", "Year"), "年度"),
            COL_FORMAT: tr_zh(QCoreApplication.translate("LeagueModel", "Format"), "格式"),
            COL_ERRORS: tr_zh(QCoreApplication.translate("LeagueModel", "Errors"), "错误"),
            COL_WARNINGS: tr_zh(QCoreApplication.translate("LeagueModel", "Warnings"), "警告"),
        }.get(section)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= self.columnCount():
            return None
        row = self._rows[index.row()]
        item, col = row.item, index.column()
        if role == ItemRole:
            return item
        if role == PathRole:
            return item_path(item)
        if role == OkRole:
            return item_ok(item)
        ok = item_ok(item)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col, ok)
        if role == SortRole:
            return self._sort_key(row, col, ok)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(row, col, ok)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col, ok)
        if role == Qt.ItemDataRole.TextAlignmentRole and col not in (COL_FILE, COL_BODY):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: _Row, col: int, ok: bool) -> str | None:
        item = row.item
        if col == COL_FILE:
            name = os.path.basename(item_path(item))
            if isinstance(item, ReportDocument) and item.modified:
                name += " *"
            return name
        if not ok:
            return item_error(item) if col == COL_BODY else "—"
        data = item_report(item).data
        assert data is not None
        if col == COL_BODY:
            return data.body.name or "—"
        if col == COL_YEAR:
            return str(data.year) if data.year else "—"
        if col == COL_FORMAT:
            return data.format or "—"
        if col == COL_ERRORS:
            return str(row.errors)
        if col == COL_WARNINGS:
            return str(row.warnings)
        rule = self.rule_at(col)
        n = row.by_rule.get(rule or "", 0)
        return str(n) if n else ""  # blank, not 0: the eye finds the rules that fired

    def _sort_key(self, row: _Row, col: int, ok: bool) -> Any:
        item = row.item
        if col == COL_FILE:
            return os.path.basename(item_path(item)).lower()
        if col == COL_BODY:
            return item_body(item) if ok else item_error(item)
        if not ok:
            return UNREADABLE_SORT if col >= COL_ERRORS else -1
        if col == COL_YEAR:
            return item_year(item) or 0
        if col == COL_FORMAT:
            return int(item_report(item).data.format or 0)
        if col == COL_ERRORS:
            return row.errors
        if col == COL_WARNINGS:
            return row.warnings
        return row.by_rule.get(self.rule_at(col) or "", 0)

    def _decoration(self, row: _Row, col: int, ok: bool) -> Any:
        if col == COL_FILE:
            if not ok:
                return severity_icon("unreadable")
            if row.errors:
                return severity_icon("error")
            return severity_icon("warning" if row.warnings else "ok")
        if ok and col == COL_ERRORS and row.errors:
            return severity_icon("error")
        if ok and col == COL_WARNINGS and row.warnings:
            return severity_icon("warning")
        return None

    def _tooltip(self, row: _Row, col: int, ok: bool) -> str | None:
        item = row.item
        if not ok:
            return f"{item_path(item)}\n{item_error(item)}"
        rule = self.rule_at(col)
        if rule is not None and row.by_rule.get(rule):
            sev = row.by_rule_sev.get(rule, {})
            return tr_zh(
                QCoreApplication.translate(
                    "LeagueModel", "{rule}: {title}\n{errors} errors, {warnings} warnings, {infos} notes"
                ),
                "{rule}：{title}\n错误 {errors} 条，警告 {warnings} 条，提示 {infos} 条",
            ).format(
                rule=rule,
                title=rule_title(rule),
                errors=sev.get("error", 0),
                warnings=sev.get("warning", 0),
                infos=sev.get("info", 0),
            )
        text = item_path(item)
        if row.extra:
            text += "\n" + tr_zh(
                QCoreApplication.translate("LeagueModel", "including {n} cross-year findings"),
                "含跨年度发现 {n} 条",
            ).format(n=row.extra)
        return text
