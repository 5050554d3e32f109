"""Who signs the memo: 审核人 and 审核单位, asked once at the first save or export and kept in the
settings. ``IdentityDialog.ask`` returns (reviewer, unit) or None; tests patch only ``exec``.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class IdentityDialog(QDialog):
    def __init__(self, reviewer: str, unit: str, suggestion: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reviewer and reviewing unit"))
        self.prompt = QLabel(
            self.tr(
                "The review memo is issued in the name of the reviewing unit and signed by the "
                "reviewer. You can change both later in the File menu."
            ),
            self,
        )
        self.prompt.setWordWrap(True)
        self.reviewer_edit = QLineEdit(reviewer or suggestion, self)
        self.reviewer_edit.setObjectName("identityReviewer")
        self.reviewer_edit.selectAll()  # a suggested login name is there to be typed over
        self.unit_edit = QLineEdit(unit, self)
        self.unit_edit.setObjectName("identityUnit")
        self.unit_edit.setPlaceholderText(self.tr("e.g. the government information disclosure office"))
        form = QFormLayout()
        form.addRow(self.tr("Reviewer:"), self.reviewer_edit)
        form.addRow(self.tr("Reviewing unit:"), self.unit_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.prompt)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self.resize(440, 180)

    def values(self) -> tuple[str, str]:
        return self.reviewer_edit.text().strip(), self.unit_edit.text().strip()

    @classmethod
    def ask(
        cls, parent: QWidget | None, reviewer: str = "", unit: str = "", suggestion: str = ""
    ) -> tuple[str, str] | None:
        dlg = cls(reviewer, unit, suggestion, parent)
        try:
            if dlg.exec() == QDialog.DialogCode.Accepted:
                return dlg.values()
            return None
        finally:
            dlg.deleteLater()
