"""文件 → 导出…: where to write the outputs, how the corrected Word file marks the corrections, and
which outputs to write. ``ExportDialog.get_options`` returns ExportOptions or None; tests patch
only ``exec``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gov_review.core.export.outputs import (
    FOLDER_KINDS,
    KIND_CSV,
    KIND_DOCX,
    KIND_MEMO_DOCX,
    KIND_MEMO_PDF,
    KIND_XLSX,
)


@dataclass(frozen=True, slots=True)
class ExportOptions:
    folder: str
    docx_mode: str  # clean | comments | tracked
    kinds: tuple[str, ...]


class ExportDialog(QDialog):
    def __init__(self, folder: str, docx_mode: str = "clean", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.folder_edit = QLineEdit(folder, self)
        self.folder_edit.setObjectName("exportFolder")
        self.browse = QPushButton(self.tr("Browse…"), self)
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.browse)
        self.mode = QComboBox(self)
        self.mode.setObjectName("exportMode")
        for text, mode in (
            (self.tr("Clean copy (new values only)"), "clean"),
            (self.tr("With comments (old value and reason in a Word comment)"), "comments"),
            (self.tr("Tracked changes (accept or reject each in Word/WPS)"), "tracked"),
        ):
            self.mode.addItem(text, mode)
        self.mode.setCurrentIndex(max(0, self.mode.findData(docx_mode)))
        labels = {
            KIND_DOCX: self.tr("Corrected report (Word)"),
            KIND_MEMO_DOCX: self.tr("Review memo (Word)"),
            KIND_MEMO_PDF: self.tr("Review memo (PDF)"),
            KIND_XLSX: self.tr("Corrections (Excel)"),
            KIND_CSV: self.tr("Corrections (CSV)"),
        }
        self.checks: dict[str, QCheckBox] = {}
        outputs = QVBoxLayout()
        for kind in FOLDER_KINDS:
            box = QCheckBox(labels[kind], self)
            box.setObjectName(f"export_{kind}")
            box.setChecked(True)
            box.toggled.connect(self._update)
            self.checks[kind] = box
            outputs.addWidget(box)
        form = QFormLayout()
        form.addRow(self.tr("Folder:"), row)
        form.addRow(self.tr("Corrected report:"), self.mode)
        form.addRow(self.tr("Write:"), outputs)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.folder_edit.textChanged.connect(self._update)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self._update()
        self.resize(560, 300)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def _update(self) -> None:
        ok = bool(self.folder_edit.text().strip()) and any(b.isChecked() for b in self.checks.values())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def options(self) -> ExportOptions:
        return ExportOptions(
            folder=self.folder_edit.text().strip(),
            docx_mode=str(self.mode.currentData()),
            kinds=tuple(k for k, b in self.checks.items() if b.isChecked()),
        )

    @classmethod
    def get_options(
        cls, parent: QWidget | None, folder: str, docx_mode: str = "clean"
    ) -> ExportOptions | None:
        dlg = cls(folder, docx_mode, parent)
        try:
            if dlg.exec() == QDialog.DialogCode.Accepted and dlg.options().kinds:
                return dlg.options()
            return None
        finally:
            dlg.deleteLater()
