"""The source pane: for a PDF, a switch between 原件 (the pages themselves) and 文本 (the text the
tool read); for any other file, the text alone.

原件 is the default for a PDF and the reviewer's choice is remembered (settings.SOURCE_VIEW). The
text of a PDF shown as pages is laid out only when 文本 is chosen (laying out a report's text
takes longer than showing its first page), and then shows the place last selected. Clicks in
either view come out as ``cellClicked`` (a number's grid cell) or ``findingClicked`` (a prose
finding's sentence, on the pages).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gov_review.core.errors import GovReviewError
from gov_review.core.model import Anchor
from gov_review.gui import settings
from gov_review.gui.document import ReportDocument
from gov_review.gui.views.page_view import PageView
from gov_review.gui.views.source_view import SourceView

PAGES, TEXT = "pages", "text"


def source_bytes(doc: ReportDocument) -> bytes | None:
    """The original file's bytes (kept with the session; a bundle carries its own)."""
    if doc.session is None:
        return None
    from gov_review.core.review.bundle import source_of

    try:
        return source_of(doc.session).data
    except GovReviewError:  # the file is gone from disk and was never read into the session
        return None


class SourcePane(QWidget):
    cellClicked = Signal(str)
    findingClicked = Signal(object)  # Finding

    def __init__(self, text: SourceView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourcePane")
        self.text = text
        self.pages = PageView(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.pages)
        self.stack.addWidget(text)
        self.btn_pages = QToolButton(self)
        self.btn_pages.setObjectName("sourcePagesButton")
        self.btn_text = QToolButton(self)
        self.btn_text.setObjectName("sourceTextButton")
        self.group = QButtonGroup(self)
        for b in (self.btn_pages, self.btn_text):
            b.setCheckable(True)
            b.setAutoRaise(True)
            self.group.addButton(b)
        self.btn_zoom_out = QToolButton(self)
        self.btn_zoom_out.setText("−")
        self.btn_zoom_in = QToolButton(self)
        self.btn_zoom_in.setText("+")
        self.btn_fit = QToolButton(self)
        self.zoom_label = QLabel(self)
        self.note = QLabel(self)  # why there is no 原件 (shown only then)
        self.note.setObjectName("sourceNote")
        self.note.setWordWrap(True)
        self.note.hide()
        head = QHBoxLayout()
        head.setContentsMargins(2, 0, 2, 0)
        head.setSpacing(2)
        for w in (self.btn_pages, self.btn_text):
            head.addWidget(w)
        head.addStretch(1)
        for w in (self.btn_zoom_out, self.zoom_label, self.btn_zoom_in, self.btn_fit):
            head.addWidget(w)
        self.head = QWidget(self)
        self.head.setLayout(head)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.head)
        lay.addWidget(self.note)
        lay.addWidget(self.stack)
        self.doc: ReportDocument | None = None
        self._shown: list[tuple[str, object, object]] = []  # the highlights since the last selection
        self.has_pages = False
        self.btn_pages.clicked.connect(lambda: self.set_mode(PAGES, remember=True))
        self.btn_text.clicked.connect(lambda: self.set_mode(TEXT, remember=True))
        self.btn_zoom_in.clicked.connect(lambda: self.pages.zoom_by(1.2))
        self.btn_zoom_out.clicked.connect(lambda: self.pages.zoom_by(1 / 1.2))
        self.btn_fit.clicked.connect(self.pages.fit_width)
        self.pages.zoomChanged.connect(self._show_zoom)
        self.pages.cellClicked.connect(self.cellClicked)
        self.pages.findingClicked.connect(self.findingClicked)
        text.cellClicked.connect(self.cellClicked)
        self.head.hide()
        self.stack.setCurrentWidget(text)
        self.retranslate()

    # ------------------------------------------------------------------------------ state

    def set_document(self, doc: ReportDocument | None) -> None:
        self.doc = doc
        self._shown = []
        source = doc.report.source if doc is not None else None
        self.has_pages = False
        self.note.hide()
        if source is not None and source.kind == "pdf" and doc is not None:
            data = source_bytes(doc)
            self.has_pages = data is not None
            self.pages.set_document(doc, data)
            if data is None:
                self.note.setText(
                    QCoreApplication.translate(
                        "SourcePane", "The original file is no longer on disk: only its text can be shown."
                    )
                )
                self.note.show()
        else:
            self.pages.set_document(None, None)
        self.head.setVisible(self.has_pages)
        self.set_mode(settings.get(settings.SOURCE_VIEW) if self.has_pages else TEXT)
        if self.mode == PAGES and self.text.doc is not None:
            self.text.set_document(None)  # laid out when 文本 is chosen

    @property
    def mode(self) -> str:
        return PAGES if self.stack.currentWidget() is self.pages else TEXT

    def set_mode(self, mode: str, remember: bool = False) -> None:
        if mode == PAGES and not self.has_pages:
            mode = TEXT
        if mode == TEXT and self.text.doc is not self.doc:
            self.text.set_document(self.doc)
            for kind, what, _others in self._shown:
                if kind == "cell":
                    self.text.highlight_cell(what)
                else:
                    self.text.highlight_anchor(what)
        self.stack.setCurrentWidget(self.pages if mode == PAGES else self.text)
        (self.btn_pages if mode == PAGES else self.btn_text).setChecked(True)
        for w in (self.btn_zoom_in, self.btn_zoom_out, self.btn_fit, self.zoom_label):
            w.setVisible(mode == PAGES)
        if remember:
            settings.put(settings.SOURCE_VIEW, mode)

    # ------------------------------------------------------------------------- selection

    def highlight_cell(self, cell_id: str, others: list[str] | None = None) -> bool:
        self._shown = [("cell", cell_id, others)]
        ok = self.pages.show_cell(cell_id, others)
        return self.text.highlight_cell(cell_id) if self.text.doc is self.doc else ok

    def highlight_anchor(self, anchor: Anchor) -> bool:
        self._shown.append(("anchor", anchor, None))
        ok = self.pages.show_anchor(anchor)
        return self.text.highlight_anchor(anchor) if self.text.doc is self.doc else ok

    # --------------------------------------------------------------------------- words

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{round(self.pages.scale * 100)}%")

    def retranslate(self) -> None:
        self.btn_pages.setText(self.tr("Original"))
        self.btn_pages.setToolTip(self.tr("The pages of the PDF as printed"))
        self.btn_text.setText(self.tr("Text"))
        self.btn_text.setToolTip(self.tr("The text the tool read from the file"))
        self.btn_fit.setText(self.tr("Fit width"))
        self.btn_fit.setToolTip(self.tr("Fit the page to the pane's width (Ctrl+0)"))
        self.btn_zoom_in.setToolTip(self.tr("Zoom in (Ctrl+=, or Ctrl+wheel)"))
        self.btn_zoom_out.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        self._show_zoom()
        self.text.retranslate()
