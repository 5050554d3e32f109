"""Findings of the current report as a tree: severity → rule → finding, with counts.

Waived warnings stay under their severity, marked as accepted. The checks re-run after every
edit; the tree then follows by inserting and removing only the nodes that came or went and
refreshing the rest in place (a reset per keystroke rebuilt and re-laid-out the whole tree and
was the largest part of an edit's cost). A new report resets it.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from gov_review.core.model import SEVERITY_ORDER, Finding
from gov_review.gui.commands import cell_label
from gov_review.gui.document import ReportDocument
from gov_review.gui.i18n import pick
from gov_review.gui.models.bound import FollowsDocument
from gov_review.gui.states import severity_icon

COL_MESSAGE, COL_WHERE = range(2)
N_COLS = 2
FindingRole = Qt.ItemDataRole.UserRole + 1
NodeKindRole = Qt.ItemDataRole.UserRole + 2  # "severity" | "rule" | "finding"

_Index = QModelIndex | QPersistentModelIndex


class _Node:
    __slots__ = ("children", "finding", "key", "kind", "look", "parent", "row")

    def __init__(self, kind: str, key: str, parent: _Node | None, finding: Finding | None = None) -> None:
        self.kind, self.key, self.parent, self.finding = kind, key, parent, finding
        self.children: list[_Node] = []
        self.look: tuple = ()  # what the tree shows of a finding, to tell whether a repaint is due
        self.row = 0 if parent is None else len(parent.children)
        if parent is not None:
            parent.children.append(self)


class FindingsModel(FollowsDocument, QAbstractItemModel):
    synced = Signal()  # the tree followed a change of the same report without a reset

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.doc: ReportDocument | None = None
        self._root = _Node("root", "", None)
        self._leaf: dict[int, _Node] = {}  # id(finding) -> node

    def _build(self) -> tuple[_Node, dict[int, _Node]]:
        root = _Node("root", "", None)
        leaf: dict[int, _Node] = {}
        if self.doc is not None and self.doc.session is not None:
            # the report's own findings and the document's extra (cross-year) ones, together
            findings = sorted(self.doc.findings(), key=lambda f: SEVERITY_ORDER[f.severity])
            sev_nodes: dict[str, _Node] = {}
            rule_nodes: dict[tuple[str, str], _Node] = {}
            for f in findings:
                sev = sev_nodes.get(f.severity) or sev_nodes.setdefault(
                    f.severity, _Node("severity", f.severity, root)
                )
                rk = (f.severity, f.rule)
                rule = rule_nodes.get(rk) or rule_nodes.setdefault(rk, _Node("rule", f.rule, sev))
                node = leaf[id(f)] = _Node("finding", f.key, rule, f)
                session = self.doc.session
                node.look = (*_look(f), session.is_waived(f), session.is_settled(f), self.doc.is_extra(f))
        return root, leaf

    def set_document(self, doc: ReportDocument | None) -> None:
        self._shown_doc = None  # another report: reset, not a diff
        if self.doc is not None:
            self.doc.extraFindingsChanged.disconnect(self.rebuild)
        super().set_document(doc)
        if self.doc is not None:
            self.doc.extraFindingsChanged.connect(self.rebuild)  # cross-year findings: a diff too

    def rebuild(self) -> None:
        root, leaf = self._build()
        if getattr(self, "_shown_doc", None) is self.doc and self.doc is not None and _unique(root):
            self._sync(self._root, root)
            self._leaf = {id(n.finding): n for n in _leaves(self._root)}
            self.synced.emit()
            return
        self.beginResetModel()
        self._root, self._leaf = root, leaf
        self._shown_doc = self.doc
        self.endResetModel()

    def _sync(self, old: _Node, new: _Node) -> None:
        """Make ``old``'s children those of ``new`` with row removals and insertions, keeping the
        nodes that stay (so the view keeps their expansion and the selection)."""
        parent = QModelIndex() if old is self._root else self.createIndex(old.row, 0, old)
        want = [c.key for c in new.children]
        wanted = set(want)
        for row in range(len(old.children) - 1, -1, -1):
            if old.children[row].key not in wanted:
                self.beginRemoveRows(parent, row, row)
                old.children.pop(row)
                _renumber(old)
                self.endRemoveRows()
        by_key = {c.key: c for c in old.children}
        for row, nc in enumerate(new.children):
            keep = by_key.get(nc.key)
            if keep is not None:
                if old.children.index(keep) != row:  # order changed: move it where it belongs
                    at = old.children.index(keep)
                    self.beginMoveRows(parent, at, at, parent, row if row < at else row + 1)
                    old.children.pop(at)
                    old.children.insert(row, keep)
                    _renumber(old)
                    self.endMoveRows()
                continue
            self.beginInsertRows(parent, row, row)
            nc.parent = old
            old.children.insert(row, nc)
            _renumber(old)
            self.endInsertRows()
        for oc, nc in zip(old.children, new.children, strict=True):
            if oc is nc:
                continue
            if oc.kind == "finding":
                same = oc.look == nc.look
                oc.finding, oc.look = nc.finding, nc.look  # the re-check made a new object
            else:
                same = _count(oc) == _count(nc)  # the "(n)" of a severity or rule is what can differ
                self._sync(oc, nc)
            if not same:
                self._changed(oc)

    def _changed(self, node: _Node) -> None:
        # one signal per cell, not one over both columns: the tree view repaints a single index but
        # takes a range as a reason to repaint its whole viewport
        for col in range(N_COLS):
            index = self.createIndex(node.row, col, node)
            self.dataChanged.emit(index, index)

    def retranslate(self) -> None:
        self._shown_doc = None
        self.rebuild()

    def severity_at(self, row: int) -> str:
        return self._root.children[row].key

    def index_of(self, finding: Finding) -> QModelIndex:
        node = self._leaf.get(id(finding))
        return QModelIndex() if node is None else self.createIndex(node.row, 0, node)

    # ----------------------------------------------------------------------------- tree

    def _node(self, index: _Index) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= N_COLS or row < 0:
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        node = self._node(parent)
        if row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node: _Node = index.internalPointer()
        p = node.parent
        if p is None or p is self._root:
            return QModelIndex()
        return self.createIndex(p.row, 0, p)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return N_COLS

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return {
                COL_MESSAGE: QCoreApplication.translate("FindingsModel", "Finding"),
                COL_WHERE: QCoreApplication.translate("FindingsModel", "Cell"),
            }.get(section)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node: _Node = index.internalPointer()
        col = index.column()
        if role == NodeKindRole:
            return node.kind
        if node.kind == "finding":
            return self._finding_data(node.finding, col, role)
        if role == Qt.ItemDataRole.DisplayRole and col == COL_MESSAGE:
            n = _count(node)
            if node.kind == "severity":
                name = {
                    "error": QCoreApplication.translate("FindingsModel", "Errors"),
                    "warning": QCoreApplication.translate("FindingsModel", "Warnings"),
                    "info": QCoreApplication.translate("FindingsModel", "Info"),
                }[node.key]
                return f"{name} ({n})"
            return f"{node.key} ({n})"
        if role == Qt.ItemDataRole.DecorationRole and col == COL_MESSAGE and node.kind == "severity":
            return severity_icon(node.key)
        return None

    def _finding_data(self, f: Finding | None, col: int, role: int) -> Any:
        assert f is not None and self.doc is not None and self.doc.session is not None
        session = self.doc.session
        waived = session.is_waived(f)
        settled = session.is_settled(f)
        if role == FindingRole:
            return f
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_MESSAGE:
                text = pick(f.message, f.message_en)
                if waived:
                    text = QCoreApplication.translate("FindingsModel", "[accepted] ") + text
                elif settled:
                    text = QCoreApplication.translate("FindingsModel", "[settled] ") + text
                elif not f.assessable:
                    text = QCoreApplication.translate("FindingsModel", "[not assessable] ") + text
                return text
            if f.cells:
                return cell_label(f.cells[0], session.data.format)
            return QCoreApplication.translate("FindingsModel", "text") if f.anchor is not None else ""
        if role == Qt.ItemDataRole.DecorationRole and col == COL_MESSAGE:
            return severity_icon("waived" if waived or settled else f.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [pick(f.message, f.message_en)]
            if f.equation:
                parts.append(f.equation)
            # the notes that only follow from this finding (folded under it, not listed again)
            parts += ["↳ " + pick(n.message, n.message_en) for n in f.folded[:10]]
            if len(f.folded) > 10:
                parts.append(f"↳ … (+{len(f.folded) - 10})")
            other = (f.params or {}).get("other") if self.doc.is_extra(f) else None
            if other and other.get("path"):
                parts.append(
                    QCoreApplication.translate("FindingsModel", "Last year's report: {file}").format(
                        file=os.path.basename(str(other["path"]))
                    )
                )
            w = session.waivers.get(f.key) or (session.settlements.get(f.key) if settled else None)
            if w is not None and settled:
                parts.append(
                    QCoreApplication.translate("FindingsModel", "Settled by {who} ({when}): {reason}").format(
                        who=w.reviewer, when=w.time, reason=w.reason
                    )
                )
            elif w is not None:
                parts.append(
                    QCoreApplication.translate(
                        "FindingsModel", "Accepted by {who} ({when}): {reason}"
                    ).format(who=w.reviewer, when=w.time, reason=w.reason)
                )
            return "\n".join(parts)
        if role == Qt.ItemDataRole.FontRole and (waived or settled):
            from PySide6.QtGui import QFont

            font = QFont()
            font.setStrikeOut(True)
            return font
        return None


def _look(f: Finding) -> tuple:
    """What the tree shows of a finding, besides whether it is accepted."""
    return (
        f.key,
        f.severity,
        f.rule,
        f.message,
        f.message_en,
        f.assessable,
        f.equation,
        tuple(f.cells),
        f.anchor is not None,
        repr(f.params.get("other")) if isinstance(f.params, dict) else "",
    )


def _unique(node: _Node) -> bool:
    """Sibling keys tell nodes apart (the diff needs it); otherwise the tree is reset instead."""
    keys = [c.key for c in node.children]
    return len(keys) == len(set(keys)) and all(_unique(c) for c in node.children)


def _renumber(node: _Node) -> None:
    for i, c in enumerate(node.children):
        c.row = i


def _leaves(node: _Node) -> list[_Node]:
    if node.kind == "finding":
        return [node]
    return [leaf for c in node.children for leaf in _leaves(c)]


def _count(node: _Node) -> int:
    if node.kind == "finding":
        return 1
    return sum(_count(c) for c in node.children)
