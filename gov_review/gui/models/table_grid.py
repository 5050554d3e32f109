"""One of 表二/表三/表四 as an editable grid laid out like the national format.

The model adapts the current ReportDocument's session: header and label items come from the
template (grid_layout), data items show the cell's raw text and its state. ``setData`` validates
with the core and pushes an undo command; invalid input is refused with the core's sentence.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QPalette

from gov_review.core.formats.table_layout import DATA, HEADER, GridItem, GridLayout, layout_for
from gov_review.core.formats.templates import cell_info
from gov_review.core.model import Finding
from gov_review.core.review.session import InvalidValue, validate
from gov_review.gui.commands import EditCellCommand, cell_label
from gov_review.gui.document import ReportDocument
from gov_review.gui.i18n import current_lang, pick
from gov_review.gui.states import CellState, background, cell_state, palette, state_icon

CellIdRole = Qt.ItemDataRole.UserRole + 1
StateRole = Qt.ItemDataRole.UserRole + 2
KindRole = Qt.ItemDataRole.UserRole + 3  # header | label | data

_Index = QModelIndex | QPersistentModelIndex


class TableGridModel(QAbstractTableModel):
    editRejected = Signal(str, QModelIndex)

    def __init__(self, table: str, parent=None) -> None:
        super().__init__(parent)
        self.table = table
        self.doc: ReportDocument | None = None
        self.layout: GridLayout | None = None
        self.edit_reason = ""  # why the reviewer corrects: the window's reason field, kept per edit
        self._snapshot: dict[str, tuple] = {}
        self._states: dict[str, CellState] = {}
        self._states_rev: tuple[int, int, int] = (0, -1, -1)
        self._snapshot_rev: tuple[int, int, int] = (0, -2, -2)  # when _snapshot was taken
        self._bold = QFont()
        self._bold.setBold(True)
        # a table nobody sees (another tab) does not work out what to repaint on every edit;
        # its view catches up when shown (GridView.showEvent)
        self.deferred = False
        self._stale = False

    # ------------------------------------------------------------------------- binding

    def set_document(self, doc: ReportDocument | None) -> None:
        self.beginResetModel()
        if self.doc is not None:
            self.doc.changed.disconnect(self.refresh)
            self.doc.extraFindingsChanged.disconnect(self.refresh)
        self.doc = doc if doc is not None and doc.session is not None else None
        fmt = self.doc.session.data.format if self.doc else None
        self.layout = layout_for(self.table, fmt or "2019") if self.doc else None
        self._snapshot: dict[str, tuple] = {}
        if self.doc is not None:
            self.doc.changed.connect(self.refresh)
            self.doc.extraFindingsChanged.connect(self.refresh)  # cross-year findings came or went
        self.endResetModel()
        if self.doc is not None:
            self.refresh()  # the first snapshot

    def refresh(self) -> None:
        """The session changed (edit, undo, waiver, note): tell the view which cells look different,
        so it repaints those and not the whole table."""
        if self.layout is None or self.doc is None or self.doc.session is None:
            return
        if self.deferred:
            self._stale = True
            return
        self._stale = False
        session = self.doc.session
        new = self._looks()
        old, self._snapshot = self._snapshot, new
        changed = [cid for cid, look in new.items() if old.get(cid) != look]
        # a cell's state follows from what is in its look; the others keep theirs, so only the
        # changed cells are worked out again (not every cell of the table after each edit)
        rev = (id(session), session.revision, self.doc.extra_revision)
        if self._states_rev == rev:
            states = self._states  # asked for since the change: already today's
        elif old and self._states_rev == self._snapshot_rev:
            states = self._states  # worked out when ``old`` was taken: only the changed differ
            for cid in changed:
                states.pop(cid, None)
        else:
            states = {}
        self._states, self._states_rev, self._snapshot_rev = states, rev, rev
        if len(changed) > 40:
            self.dataChanged.emit(self.index(0, 0), self.index(self.layout.rows - 1, self.layout.cols - 1))
            return
        for cid in changed:
            index = self.index_of(cid)
            self.dataChanged.emit(index, index)

    def _looks(self) -> dict[str, tuple]:
        """Per cell, everything its text and state are made of: the cell as read or edited, its
        notes, and the findings on it (which, how severe, assessable, accepted)."""
        assert self.layout is not None and self.doc is not None and self.doc.session is not None
        session = self.doc.session
        where = self.layout.where
        marks: dict[str, list[tuple]] = {}
        for f in self.doc.findings():
            mark = (f.key, f.severity, f.assessable, session.is_waived(f))
            for c in f.cells:
                if c in where:
                    marks.setdefault(c, []).append(mark)
        notes: dict[str, int] = {}
        for n in session.notes:
            notes[n.cell] = notes.get(n.cell, 0) + 1
        cells = session.data.cells
        out = {}
        for cid in where:
            cell = cells.get(cid)
            seen = (
                None if cell is None else (cell.raw, cell.placement, cell.confidence, bool(cell.candidates))
            )
            found = marks.get(cid)
            out[cid] = (seen, notes.get(cid, 0), tuple(found) if found else ())
        return out

    def set_deferred(self, deferred: bool) -> None:
        """Hidden views defer the repaint bookkeeping; shown again, they catch up at once."""
        self.deferred = deferred
        if not deferred and self._stale:
            self.refresh()

    def retranslate(self) -> None:
        if self.layout is not None and self.layout.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(self.layout.rows - 1, self.layout.cols - 1))

    # --------------------------------------------------------------------------- shape

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.layout is None else self.layout.rows

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.layout is None else self.layout.cols

    def item(self, index: _Index) -> GridItem | None:
        if self.layout is None or not index.isValid():
            return None
        return self.layout.at.get((index.row(), index.column()))

    def index_of(self, cell_id: str) -> QModelIndex:
        if self.layout is None or cell_id not in self.layout.where:
            return QModelIndex()
        r, c = self.layout.where[cell_id]
        return self.index(r, c)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        it = self.item(index)
        if it is None:
            return Qt.ItemFlag.NoItemFlags
        if it.kind == DATA:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
        return Qt.ItemFlag.ItemIsEnabled

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    # ---------------------------------------------------------------------------- data

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        it = self.item(index)
        if it is None:
            return None
        if it.kind != DATA:
            return self._label_data(it, role)
        assert self.doc is not None and self.doc.session is not None and it.cell_id is not None
        session = self.doc.session
        cid = it.cell_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            cell = session.cell(cid)
            if cell is None or cell.raw is None or cell.certainty == "ambiguous":
                # an ambiguous cell's text is its whole row's run of digits, not its value: it shows
                # its ? badge, and its tooltip the values it may have
                return ""
            return cell.raw.strip()
        if role == CellIdRole:
            return cid
        if role == KindRole:
            return it.kind
        state = self._state(cid)
        if role == StateRole:
            return int(state)
        if role == Qt.ItemDataRole.BackgroundRole:
            return background(state)
        if role == Qt.ItemDataRole.DecorationRole:
            icon = state_icon(int(state))
            return None if icon.isNull() else icon
        if role == Qt.ItemDataRole.FontRole:
            if state & CellState.EDITED:
                font = QFont(self._bold)
                font.setItalic(True)
                return font
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return self.tooltip(cid, state)
        return None

    def _label_data(self, it: GridItem, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return it.zh if current_lang() == "zh" else it.en
        if role == Qt.ItemDataRole.ToolTipRole:
            return it.zh if current_lang() == "zh" else f"{it.en}\n{it.zh}"
        if role == KindRole:
            return it.kind
        if role == Qt.ItemDataRole.BackgroundRole:
            return palette().color(
                QPalette.ColorRole.AlternateBase if it.kind == HEADER else QPalette.ColorRole.Window
            )
        if role == Qt.ItemDataRole.FontRole and it.kind == HEADER:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if it.kind == HEADER:
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _state(self, cell_id: str) -> CellState:
        """A cell's state, computed once per session revision (paint asks for it many times)."""
        assert self.doc is not None and self.doc.session is not None
        session = self.doc.session
        rev = (id(session), session.revision, self.doc.extra_revision)
        if self._states_rev != rev:
            self._states = {}
            self._states_rev = rev
        state = self._states.get(cell_id)
        if state is None:
            state = self._states[cell_id] = cell_state(session, cell_id, self.doc.findings_for(cell_id))
        return state

    def tooltip(self, cell_id: str, state: CellState) -> str:
        assert self.doc is not None and self.doc.session is not None
        session = self.doc.session
        fmt = session.data.format
        info = cell_info(cell_id, fmt)
        lines = [pick(info.label_zh, info.label_en) if info else cell_id]
        cell = session.cell(cell_id)
        if cell is None or cell.placement == "missing":
            lines.append(pick("（报告中没有此行/列）", "(this row/column is missing from the report)"))
        else:
            if cell.raw is not None and cell.raw.strip() != (
                str(cell.value) if cell.value is not None else ""
            ):
                lines.append(pick(f"原文：“{cell.raw}”", f"As written: “{cell.raw}”"))
            lines += _certainty_lines(cell)
        if state & CellState.EDITED:
            orig = session.original.get(cell_id)
            was = "" if orig is None or orig.raw is None else orig.raw.strip()
            lines.append(pick(f"已修改（原为“{was}”）", f"Edited (was “{was}”)"))
        for f in self.doc.findings_for(cell_id):
            if f.severity == "info" and f.assessable:
                continue
            sev = {
                "error": pick("错误", "Error"),
                "warning": pick("警告", "Warning"),
                "info": pick("提示", "Note"),
            }[f.severity]
            mark = pick("（已接受）", " (accepted)") if session.is_waived(f) else ""
            lines.append(f"■ {sev} {f.rule}{mark}: {pick(f.message, f.message_en)}")
            if f.equation:
                lines.append(f"    {f.equation}")
            other = _other_year(f, fmt)
            if other:
                lines.append(f"    {other}")
            if f.suggestion and f.suggestion.get("cell"):
                target = cell_label(f.suggestion["cell"], fmt)
                lines.append(
                    pick(
                        f"    建议：将 {target} 改为 {f.suggestion['value']}",
                        f"    Fix: set {target} to {f.suggestion['value']}",
                    )
                )
        for note in session.notes_for(cell_id):
            lines.append(
                pick(
                    f"✉ 批注（{note.reviewer}，{note.time}）：{note.text}",
                    f"✉ Note ({note.reviewer}, {note.time}): {note.text}",
                )
            )
        return "\n".join(lines)

    # ---------------------------------------------------------------------------- edit

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        it = self.item(index)
        if role != Qt.ItemDataRole.EditRole or it is None or it.kind != DATA or self.doc is None:
            return False
        session = self.doc.session
        assert session is not None and it.cell_id is not None
        text = "" if value is None else str(value)
        cell = session.cell(it.cell_id)
        if (cell.raw if cell and cell.raw else "").strip() == text.strip():
            return True  # nothing changed: no undo step
        try:
            validate(it.cell_id, text, session.data.format)
        except InvalidValue as exc:
            self.editRejected.emit(pick(exc.message_zh, exc.message_en), QModelIndex(index))
            return False
        self.doc.stack.push(EditCellCommand(self.doc, it.cell_id, text, self.edit_reason.strip()))
        return True


_INFERRED_WHY = {
    "position": ("按数字在对齐文本中所处的位置对应到列", "placed in its column by where its number stands"),
    "split": ("由连写的数字按合计关系唯一拆出", "the one split of run-together digits that fits the totals"),
    "order": ("表头未能识别，按标准列序读取", "header not recognised; read in the standard column order"),
    "fuzzy": ("按相近的标签定位", "located by a similar label"),
    "blank_row": ("该行标签后没有数字，按空白读取", "nothing follows the row's label: read as blank"),
}


def _certainty_lines(cell: Any) -> list[str]:
    """How sure the reader is of a cell, in words (the grid also marks it: ≈ inferred, ? ambiguous)."""
    certainty = cell.certainty
    if certainty == "exact":
        return []
    if cell.candidates:
        cands = "、".join(str(c) for c in cell.candidates)
        return [
            pick(f"不确定：数字连写，可能是：{cands}", f"Ambiguous: digits run together; could be: {cands}"),
            pick("右键单击可选择其中一个值（可撤销）", "Right-click to pick one (undoable)"),
        ]
    if certainty == "ambiguous":
        why = "；".join(cell.notes) if cell.notes else ""
        return [
            pick(
                f"不确定，未读取：{why}，请对照原文填写",
                f"Ambiguous, not read: {why}; fill it from the original",
            )
        ]
    zh, en = _INFERRED_WHY.get(cell.placement, ("定位把握不大", "low confidence"))
    return [
        pick(
            f"推断（{cell.confidence:.0%}）：{zh}，请核对",
            f"Inferred ({cell.confidence:.0%}): {en}; please verify",
        )
    ]


def _other_year(f: Finding, fmt: str | None) -> str:
    """Where a cross-year finding's other number is: last year's file and cell."""
    other = f.params.get("other") if isinstance(f.params, dict) else None
    if not other or not other.get("path"):
        return ""
    cells = other.get("cells") or []
    where = cell_label(cells[0], fmt) if cells else ""
    name = os.path.basename(str(other["path"]))
    year = other.get("year")
    return pick(
        f"上年度（{year or '?'}）：{name}" + (f" · {where}" if where else ""),
        f"Last year ({year or '?'}): {name}" + (f" · {where}" if where else ""),
    )
