"""Write a note on a cell. ``NoteDialog.get_note`` returns the text or None; tests patch ``exec``."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget


class NoteDialog(QDialog):
    def __init__(self, cell_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add note"))
        self.label = QLabel(self.tr("Note on {cell}:").format(cell=cell_label), self)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("noteText")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        for w in (self.label, self.text_edit, self.buttons):
            lay.addWidget(w)
        self.text_edit.textChanged.connect(self._update)
        self._update()
        self.resize(420, 220)

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.text().strip()))

    def text(self) -> str:
        return self.text_edit.toPlainText().strip()

    @classmethod
    def get_note(cls, cell_label: str, parent: QWidget | None = None) -> str | None:
        dlg = cls(cell_label, parent)
        try:
            if dlg.exec() == QDialog.DialogCode.Accepted and dlg.text():
                return dlg.text()
            return None
        finally:
            dlg.deleteLater()
