"""Accept a warning with a written reason. ``WaiverDialog.get_reason`` returns the reason or None;
tests patch only ``exec``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from gov_review.core.model import Finding
from gov_review.gui.i18n import pick


class WaiverDialog(QDialog):
    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accept warning"))
        self.message = QLabel(pick(finding.message, finding.message_en), self)
        self.message.setWordWrap(True)
        self.prompt = QLabel(
            self.tr("Why can this warning stand? The reason goes into the review memo."), self
        )
        self.prompt.setWordWrap(True)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setObjectName("waiverReason")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Accept"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        for w in (self.message, self.prompt, self.reason_edit, self.buttons):
            lay.addWidget(w)
        self.reason_edit.textChanged.connect(self._update)
        self._update()
        self.resize(460, 260)

    def _update(self) -> None:
        ok = bool(self.reason().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    @classmethod
    def get_reason(cls, finding: Finding, parent: QWidget | None = None) -> str | None:
        dlg = cls(finding, parent)
        try:
            if dlg.exec() == QDialog.DialogCode.Accepted and dlg.reason():
                return dlg.reason()
            return None
        finally:
            dlg.deleteLater()
