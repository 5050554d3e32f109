"""After a crash: offer to restore the reviews autosaved before it. ``RecoveryDialog.ask`` returns
RESTORE, DISCARD or LATER; tests patch only ``exec``.
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gov_review.core.review.recovery import RecoveryEntry

RESTORE, DISCARD, LATER = "restore", "discard", "later"
_DISCARD_CODE = 2  # done() code of the discard button (Accepted is 1, Rejected 0)


class RecoveryDialog(QDialog):
    def __init__(self, entries: list[RecoveryEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore unsaved reviews"))
        self.prompt = QLabel(
            self.tr(
                "gov-review was not closed properly last time. These reviews had work that was not "
                "saved. Restore them?"
            ),
            self,
        )
        self.prompt.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("recoveryList")
        for e in entries:
            self.list.addItem(self.describe(e))
        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.discard_button: QPushButton = self.buttons.addButton(
            self.tr("Discard"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.later_button = self.buttons.addButton(
            self.tr("Decide later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.restore_button.clicked.connect(self.accept)
        self.discard_button.clicked.connect(lambda: self.done(_DISCARD_CODE))
        self.later_button.clicked.connect(self.reject)
        lay = QVBoxLayout(self)
        for w in (self.prompt, self.list, self.buttons):
            lay.addWidget(w)
        self.resize(520, 300)

    def describe(self, e: RecoveryEntry) -> str:
        if e.damaged:
            return self.tr("{file}: damaged, cannot be restored").format(file=e.state_path.name)
        name = os.path.basename(e.bundle_path) if e.bundle_path else e.source_name
        return self.tr("{name} — {edits} edits, {notes} notes, autosaved {time}").format(
            name=name, edits=e.edits, notes=e.notes, time=e.saved.replace("T", " ")[:19]
        )

    @classmethod
    def ask(cls, entries: list[RecoveryEntry], parent: QWidget | None = None) -> str:
        dlg = cls(entries, parent)
        try:
            code = dlg.exec()
        finally:
            dlg.deleteLater()
        if code == QDialog.DialogCode.Accepted:
            return RESTORE
        if code == _DISCARD_CODE:
            return DISCARD
        return LATER
