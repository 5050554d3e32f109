"""Undo commands. Each calls only the ReviewSession's public methods and then tells the document
that it changed; the first ``redo`` makes the record, later ones replay it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from gov_review.core.formats.templates import cell_info
from gov_review.core.model import Finding
from gov_review.core.review.session import Edit, Note, Settlement, Waiver
from gov_review.gui.document import ReportDocument
from gov_review.gui.i18n import current_lang

EDIT_ID = 1001


def cell_label(cell_id: str, fmt: str | None) -> str:
    info = cell_info(cell_id, fmt)
    if info is None:
        return cell_id
    if current_lang() == "zh":
        return f"{info.row_label}·{info.col_label}"
    return info.label_en.split(" · ", 1)[-1]


class EditCellCommand(QUndoCommand):
    """Set a cell to what the reviewer typed. Consecutive edits of one cell merge into one step."""

    def __init__(self, doc: ReportDocument, cell_id: str, text: str, reason: str = "") -> None:
        super().__init__()
        self.doc, self.cell_id, self.value_text, self.reason = doc, cell_id, text, reason
        self.edits: list[Edit] = []
        label = cell_label(cell_id, doc.session.data.format if doc.session else None)
        self.setText(
            QCoreApplication.translate("Commands", "Set {cell} to {value}").format(
                cell=label, value=text.strip() or "∅"
            )
        )

    def id(self) -> int:
        return EDIT_ID

    def redo(self) -> None:
        session = self.doc.session
        assert session is not None
        if not self.edits:
            self.edits.append(session.set_value(self.cell_id, self.value_text, self.reason))
        else:
            for edit in self.edits:
                session.redo_edit(edit)
        self.doc.notify()

    def undo(self) -> None:
        session = self.doc.session
        assert session is not None
        for edit in reversed(self.edits):
            session.undo_edit(edit)
        self.doc.notify()

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, EditCellCommand)
            or other.cell_id != self.cell_id
            or other.doc is not self.doc
        ):
            return False
        self.edits.extend(other.edits)
        self.value_text = other.value_text
        self.setText(other.text())
        return True


class WaiveCommand(QUndoCommand):
    def __init__(self, doc: ReportDocument, finding: Finding, reason: str) -> None:
        super().__init__()
        self.doc, self.finding, self.reason = doc, finding, reason
        self.waiver: Waiver | None = None
        self.setText(
            QCoreApplication.translate("Commands", "Accept warning {rule}").format(rule=finding.rule)
        )

    def redo(self) -> None:
        session = self.doc.session
        assert session is not None
        if self.waiver is None:
            self.waiver = session.waive(self.finding, self.reason)
        else:
            session.restore_waiver(self.waiver)
        self.doc.notify()

    def undo(self) -> None:
        assert self.doc.session is not None and self.waiver is not None
        self.doc.session.unwaive(self.waiver)
        self.doc.notify()


class SettleCommand(QUndoCommand):
    """Settle an error with a written reason (ReviewSession.settle); undo withdraws it."""

    def __init__(self, doc: ReportDocument, finding: Finding, reason: str) -> None:
        super().__init__()
        self.doc, self.finding, self.reason = doc, finding, reason
        self.settlement: Settlement | None = None
        self.setText(QCoreApplication.translate("Commands", "Settle error {rule}").format(rule=finding.rule))

    def redo(self) -> None:
        session = self.doc.session
        assert session is not None
        if self.settlement is None:
            self.settlement = session.settle(self.finding, self.reason)
        else:
            session.restore_settlement(self.settlement)
        self.doc.notify()

    def undo(self) -> None:
        assert self.doc.session is not None and self.settlement is not None
        self.doc.session.unsettle(self.settlement)
        self.doc.notify()


class UnwaiveCommand(QUndoCommand):
    def __init__(self, doc: ReportDocument, waiver: Waiver) -> None:
        super().__init__()
        self.doc, self.waiver = doc, waiver
        self.setText(
            QCoreApplication.translate("Commands", "Withdraw acceptance of {rule}").format(rule=waiver.rule)
        )

    def redo(self) -> None:
        assert self.doc.session is not None
        self.doc.session.unwaive(self.waiver)
        self.doc.notify()

    def undo(self) -> None:
        assert self.doc.session is not None
        self.doc.session.restore_waiver(self.waiver)
        self.doc.notify()


class AddNoteCommand(QUndoCommand):
    def __init__(self, doc: ReportDocument, cell_id: str, text: str) -> None:
        super().__init__()
        self.doc, self.cell_id, self.note_text = doc, cell_id, text
        self.note: Note | None = None
        self.setText(QCoreApplication.translate("Commands", "Add note"))

    def redo(self) -> None:
        session = self.doc.session
        assert session is not None
        if self.note is None:
            self.note = session.add_note(self.cell_id, self.note_text)
        else:
            session.restore_note(self.note)
        self.doc.notify()

    def undo(self) -> None:
        assert self.doc.session is not None and self.note is not None
        self.doc.session.remove_note(self.note)
        self.doc.notify()


class RemoveNoteCommand(QUndoCommand):
    def __init__(self, doc: ReportDocument, note: Note) -> None:
        super().__init__()
        self.doc, self.note = doc, note
        self.setText(QCoreApplication.translate("Commands", "Delete note"))

    def redo(self) -> None:
        assert self.doc.session is not None
        self.doc.session.remove_note(self.note)
        self.doc.notify()

    def undo(self) -> None:
        assert self.doc.session is not None
        self.doc.session.restore_note(self.note)
        self.doc.notify()
