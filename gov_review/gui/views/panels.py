"""Side panels: the findings tree with its banner and fix button, and notes / accepted warnings."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gov_review.core.model import Finding
from gov_review.gui.commands import cell_label
from gov_review.gui.document import ReportDocument
from gov_review.gui.models.annotations import AnnotationsModel, CellIdRole, RecordRole
from gov_review.gui.models.findings import FindingRole, FindingsModel
from gov_review.gui.states import HUES


class Banner(QWidget):
    """The findings summary above the tree: white bold text on the verdict's hue, word-wrapped.

    A QLabel asks its parent for a new layout on every ``setText``; inside the side tab widget
    that repaints the whole findings panel after each edit (the counts change with most edits).
    This one asks only when the text needs another number of lines, and otherwise repaints itself.
    """

    PAD = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._hue: QColor | None = None
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        # it paints its own background: a repaint does not make the panels behind it paint too
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def text(self) -> str:
        return self._text

    def hue(self) -> QColor | None:
        return self._hue

    def set_banner(self, text: str, hue: QColor | None) -> None:
        """Show ``text`` on ``hue`` (None: plain text, as for a report that could not be read)."""
        if text == self._text and hue == self._hue:
            return
        before = self.heightForWidth(self.width())
        bold_before = self._hue is not None
        self._text, self._hue = text, hue
        self.setAccessibleName(text)
        if self.heightForWidth(self.width()) != before or bold_before != (hue is not None):
            self.updateGeometry()
        self.update()

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(self._hue is not None)
        return font

    def _flags(self) -> int:
        return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if not self._text:
            return 0
        inner = max(width - 2 * self.PAD, 20)
        from PySide6.QtGui import QFontMetrics

        rect = QFontMetrics(self._font()).boundingRect(QRect(0, 0, inner, 10_000), self._flags(), self._text)
        return rect.height() + 2 * self.PAD

    def sizeHint(self) -> QSize:
        return QSize(200, self.heightForWidth(max(self.width(), 200)))

    def minimumSizeHint(self) -> QSize:
        return QSize(40, self.heightForWidth(max(self.width(), 40)))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(self.backgroundRole()))
        if not self._text:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._hue is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._hue)
            painter.drawRoundedRect(QRectF(self.rect()), 3, 3)
            painter.setPen(QColor("white"))
        else:
            painter.setPen(self.palette().color(self.foregroundRole()))
        painter.setFont(self._font())
        painter.drawText(
            self.rect().adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD), self._flags(), self._text
        )
        painter.end()


class FindingsPanel(QWidget):
    findingActivated = Signal(object)
    fixRequested = Signal(object)
    waiveRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc: ReportDocument | None = None
        self.banner = Banner(self)
        self.banner.setObjectName("findingsBanner")
        self.model = FindingsModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("findingsTree")
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # sized to its contents once per report shown, not on every edit (ResizeToContents would
        # measure every row of the tree after each edit, a third of the edit → repaint time)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.fix_button = QPushButton(self)
        self.fix_button.setObjectName("fixButton")
        self.waive_button = QPushButton(self)
        self.waive_button.setObjectName("waiveButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.fix_button, 1)
        buttons.addWidget(self.waive_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.banner)
        lay.addWidget(self.tree, 1)
        lay.addLayout(buttons)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.activated.connect(self._activated)
        self.tree.clicked.connect(self._activated)
        self.fix_button.clicked.connect(lambda: self.fixRequested.emit(self.current_finding()))
        self.waive_button.clicked.connect(lambda: self.waiveRequested.emit(self.current_finding()))
        self.model.modelReset.connect(self._after_reset)
        self.model.rowsInserted.connect(self._expand_new)
        self.model.synced.connect(self._after_sync)
        self.retranslate()

    def set_document(self, doc: ReportDocument | None) -> None:
        self.doc = doc
        self.model.set_document(doc)

    def _after_reset(self) -> None:
        self.tree.expandToDepth(0)
        # errors and warnings open down to the findings; notes stay folded
        for row in range(self.model.rowCount()):
            if self.model.severity_at(row) != "info":
                self.tree.expandRecursively(self.model.index(row, 0))
        self.tree.resizeColumnToContents(1)  # once the findings are expanded: their cells are measured
        # on a laptop the cells' names must not crowd out the findings themselves
        width = self.tree.viewport().width()
        most = min(max(240, width * 2 // 5), width // 2)  # the finding keeps at least half
        if self.tree.columnWidth(1) > most:
            self.tree.setColumnWidth(1, most)
        self.update_banner()
        self._update_buttons()

    def _expand_new(self, parent: QModelIndex, first: int, last: int) -> None:
        # a finding that appears opens like those shown on a reset (notes stay folded)
        for row in range(first, last + 1):
            index = self.model.index(row, 0, parent)
            top = index
            while top.parent().isValid():
                top = top.parent()
            if self.model.severity_at(top.row()) != "info":
                self.tree.expandRecursively(index)
                if parent.isValid():
                    self.tree.expand(parent)

    def _after_sync(self) -> None:
        self.update_banner()
        self._update_buttons()

    def update_banner(self) -> None:
        if self.doc is None or self.doc.session is None:
            self.banner.set_banner(self.doc.error_message() if self.doc else "", None)
            return
        c = self.doc.counts_with_extra()  # the cross-year findings are listed below too
        if c["error"]:
            text = self.tr("✖ Errors: {e} · warnings: {w}").format(e=c["error"], w=c["warning"])
            hue = HUES["error"]
        elif c["warning"]:
            text = self.tr("▲ No errors · warnings: {w}").format(w=c["warning"])
            hue = HUES["warning"]
        else:
            text = self.tr("✔ No errors, no warnings")
            hue = HUES["ok"]
        if c["waived"]:
            text += self.tr(" ({n} accepted)").format(n=c["waived"])
        if c.get("settled"):
            text += self.tr(" ({n} errors settled)").format(n=c["settled"])
        session = self.doc.session
        extra = sum(
            1
            for f in self.doc.extra_findings
            if f.severity in ("error", "warning") and not session.is_waived(f)
        )
        if extra:
            text += self.tr(" · {n} of them cross-year").format(n=extra)
        self.banner.set_banner(text, hue)

    def current_finding(self) -> Finding | None:
        return self.tree.currentIndex().data(FindingRole)

    def select_finding(self, finding: Finding) -> None:
        index = self.model.index_of(finding)
        if index.isValid():
            self.tree.blockSignals(True)
            self.tree.scrollTo(index)
            self.tree.blockSignals(False)
            self.tree.selectionModel().blockSignals(True)
            self.tree.setCurrentIndex(index)
            self.tree.selectionModel().blockSignals(False)
            self.tree.viewport().update()
        self._update_buttons()

    def _current_changed(self, current: QModelIndex, _prev: QModelIndex) -> None:
        self._update_buttons()

    def _activated(self, index: QModelIndex) -> None:
        f = index.data(FindingRole)
        if f is not None:
            self.findingActivated.emit(f)
        self._update_buttons()

    def suggestion_text(self, f: Finding | None) -> str:
        if f is None or not f.suggestion or self.doc is None or self.doc.session is None:
            return ""
        target = cell_label(f.suggestion["cell"], self.doc.session.data.format)
        return self.tr("Set {cell} to {value}").format(cell=target, value=f.suggestion["value"])

    def _update_buttons(self) -> None:
        f = self.current_finding()
        text = self.suggestion_text(f)
        label = self.tr("Fix: {change}").format(change=text) if text else ""
        # unchanged (the usual case after an edit): set nothing, so the panel is not laid out again
        if self.fix_button.isVisibleTo(self) != bool(text):
            self.fix_button.setVisible(bool(text))
        if self.fix_button.text() != label:
            self.fix_button.setText(label)
        session = self.doc.session if self.doc is not None else None
        error = f is not None and f.severity == "error" and self.doc is not None and not self.doc.is_extra(f)
        label = self.tr("Settle error…") if error else self.tr("Accept warning…")
        if self.waive_button.text() != label:
            self.waive_button.setText(label)
        if f is None or session is None:
            enabled = False
        elif error:
            enabled = not session.is_settled(f)
        else:
            enabled = f.severity == "warning" and not session.is_waived(f)
        if self.waive_button.isEnabled() != enabled:
            self.waive_button.setEnabled(enabled)

    def retranslate(self) -> None:
        self.waive_button.setText(self.tr("Accept warning…"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class AnnotationsPanel(QWidget):
    cellActivated = Signal(str)
    removeRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AnnotationsModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("annotationsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.remove_button = QPushButton(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.remove_button)
        self.view.clicked.connect(self._clicked)
        self.remove_button.clicked.connect(self._remove)
        self.retranslate()

    def set_document(self, doc: ReportDocument | None) -> None:
        self.model.set_document(doc)

    def _clicked(self, index: QModelIndex) -> None:
        cell = index.data(CellIdRole)
        if cell:
            self.cellActivated.emit(cell)

    def _remove(self) -> None:
        rec = self.view.currentIndex().data(RecordRole)
        if rec is not None:
            self.removeRequested.emit(rec)

    def retranslate(self) -> None:
        self.remove_button.setText(self.tr("Delete note / withdraw acceptance"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
