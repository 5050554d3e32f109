"""Small questions the window asks; each a function returning the answer, so tests patch one name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Confirm", text)


def ask_save(parent: QWidget | None, name: str) -> str:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Unsaved review"))
    box.setText(
        _tr("“{name}” has review work that is not saved. Save it as a review bundle?").format(name=name)
    )
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.button(QMessageBox.StandardButton.Save).setText(_tr("Save"))
    box.button(QMessageBox.StandardButton.Discard).setText(_tr("Don't save"))
    box.button(QMessageBox.StandardButton.Cancel).setText(_tr("Cancel"))
    answer = box.exec()
    box.deleteLater()
    if answer == QMessageBox.StandardButton.Save:
        return SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return DISCARD
    return CANCEL


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)
