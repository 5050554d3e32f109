"""Two reviewers, one bundle: someone else saved the bundle after this window opened it.

``ConflictDialog.answer(parent, name)`` returns SAVE_AS (keep both: save this review to a new
file), RELOAD (drop this window's unsaved changes and open their version) or CANCEL; tests patch
only ``answer``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

SAVE_AS, RELOAD, CANCEL = "save_as", "reload", "cancel"


class ConflictDialog:
    @classmethod
    def answer(cls, parent: QWidget | None, name: str) -> str:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("ConflictDialog", "Bundle saved by someone else"))
        box.setText(
            QCoreApplication.translate(
                "ConflictDialog",
                "“{name}” was saved by someone else (or another window) after you opened it. "
                "Saving now would replace their work.",
            ).format(name=name)
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "ConflictDialog",
                "Save your review as a new file, or reopen their version (your unsaved changes are dropped).",
            )
        )
        save_as = box.addButton(
            QCoreApplication.translate("ConflictDialog", "Save As…"), QMessageBox.ButtonRole.AcceptRole
        )
        reload = box.addButton(
            QCoreApplication.translate("ConflictDialog", "Reopen their version"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        cancel = box.addButton(
            QCoreApplication.translate("ConflictDialog", "Cancel"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(save_as)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is save_as:
            return SAVE_AS
        if clicked is reload:
            return RELOAD
        del cancel
        return CANCEL
