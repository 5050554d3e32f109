"""Settle an error with a written reason (an error cannot be accepted like a warning, but the
reviewer may decide that the prose was wrong and the table right, or confirm the figures with the
reporting body). ``SettleDialog.get_decision`` returns ``(reason, edit_cell)`` or None; tests patch
only ``exec``. For "以正文为准" on a single cell it offers to set the cell to the prose's figure.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from gov_review.core.model import Finding
from gov_review.core.review.session import SETTLE_TEXT, settle_reasons
from gov_review.gui.i18n import pick


def prose_figure(finding: Finding) -> str | None:
    """The figure the prose gives, when the finding is about one cell (what "以正文为准" would write)."""
    if len(finding.cells) != 1 or not finding.found or not str(finding.found).isdigit():
        return None
    return str(finding.found)


class SettleDialog(QDialog):
    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settle error"))
        self.message = QLabel(pick(finding.message, finding.message_en), self)
        self.message.setWordWrap(True)
        self.prompt = QLabel(
            self.tr("How was this error settled? Pick or write the reason; it goes into the review memo."),
            self,
        )
        self.prompt.setWordWrap(True)
        self.reason_box = QComboBox(self)
        self.reason_box.setObjectName("settleReason")
        self.reason_box.setEditable(True)
        self.reason_box.addItems(settle_reasons(finding))
        self.figure = prose_figure(finding)
        self.edit_check = QCheckBox(
            self.tr("Also set the cell to the text's figure {n}").format(n=self.figure), self
        )
        self.edit_check.setChecked(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Settle"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        for w in (self.message, self.prompt, self.reason_box, self.edit_check, self.buttons):
            lay.addWidget(w)
        self.reason_box.currentTextChanged.connect(self._update)
        self._update()
        self.resize(460, 220)

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason()))
        self.edit_check.setVisible(self.figure is not None and self.reason() == SETTLE_TEXT)

    def reason(self) -> str:
        return self.reason_box.currentText().strip()

    def edit_cell(self) -> bool:
        return self.figure is not None and self.reason() == SETTLE_TEXT and self.edit_check.isChecked()

    @classmethod
    def get_decision(cls, finding: Finding, parent: QWidget | None = None) -> tuple[str, bool] | None:
        dlg = cls(finding, parent)
        try:
            if dlg.exec() == QDialog.DialogCode.Accepted and dlg.reason():
                return dlg.reason(), dlg.edit_cell()
            return None
        finally:
            dlg.deleteLater()
