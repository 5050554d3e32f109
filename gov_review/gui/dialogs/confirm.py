"""Small questions the window asks; each a function returning the answer, so tests patch one name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def ask_save(parent: QWidget | None, name: str) -> str:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Confirm", "Unsaved review"))
    box.setText(
        QCoreApplication.translate(
            "Confirm", "“{name}” has review work that is not saved. Save it as a review bundle?"
        ).format(name=name)
    )
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.button(QMessageBox.StandardButton.Save).setText(QCoreApplication.translate("Confirm", "Save"))
    box.button(QMessageBox.StandardButton.Discard).setText(
        QCoreApplication.translate("Confirm", "Don't save")
    )
    box.button(QMessageBox.StandardButton.Cancel).setText(QCoreApplication.translate("Confirm", "Cancel"))
    answer = box.exec()
    box.deleteLater()
    if answer == QMessageBox.StandardButton.Save:
        return SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return DISCARD
    return CANCEL


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """A failure the reviewer must see (a save that did not happen), not only a status-bar line."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.exec()
    box.deleteLater()
