"""The report as a person reads it: headings, paragraphs and real tables in a QTextDocument.

While rendering, every paragraph and table cell's Anchor is mapped to its place in the rendered
document, so a grid cell (or a prose finding) can be highlighted and scrolled to, and a click on
a number in a table finds its grid cell again.

The rendered document of a report is kept while the report is open (the last few shown, see
``KEEP``), each in a text view of its own (a stack of them, one on screen), so switching back to a
report shows it at once: neither built nor laid out again (giving a QTextEdit another document lays
the whole of it out, ~7 ms for a report's tables). A kept document and its view are released when
the report closes (or falls out of the last few).

A report not rendered yet is rendered in the two turns of the event loop after the one that
shows it: its document is built in the first (10–20 ms) and laid out on screen in the second (the
longest part of showing a report, 20–60 ms). Done with the grids and the list, or in one turn, it
made the one stall of opening a folder. Until then the view is blank; anything that needs the
rendered document sooner (a highlight) renders it at once.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPalette,
    QTextCursor,
    QTextDocument,
    QTextLength,
    QTextTable,
    QTextTableCellFormat,
)
from PySide6.QtWidgets import QComboBox, QStackedWidget, QTextEdit, QVBoxLayout, QWidget
from shiboken6 import isValid

from gov_review.core.model import Anchor
from gov_review.gui.document import ReportDocument
from gov_review.gui.states import HUES
from gov_review.gui.views.source_document import Place, build


class _Text(QTextEdit):
    clicked = Signal(int)
    resized = Signal()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.clicked.emit(self.cursorForPosition(event.position().toPoint()).position())


# How many reports' rendered documents are kept (the one shown and the last ones before it).
KEEP = 32


@dataclass(slots=True)
class _Rendered:
    """One report's rendered document, the view that shows it, and the maps into it."""

    view: _Text
    qdoc: QTextDocument
    made_from: tuple[int, int]  # id() of the source and of the data it was rendered from
    places: dict[Anchor, Place] = field(default_factory=dict)
    cell_starts: list[tuple[int, int, Anchor]] = field(default_factory=list)
    anchor_cell: dict[Anchor, str] = field(default_factory=dict)
    section_pos: list[int] = field(default_factory=list)
    section_items: list[tuple[str, int]] = field(default_factory=list)
    tables: list[tuple[QTextTable, int]] = field(default_factory=list)


class SourceView(QWidget):
    cellClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sections = QComboBox(self)
        self.sections.setObjectName("sourceSections")
        self._stack = QStackedWidget(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.sections)
        lay.addWidget(self._stack)
        # shown when there is no report, and while a report's own document waits to be made
        self._blank = self._new_view()
        self.doc: ReportDocument | None = None
        self._shown: _Rendered | None = None  # what is on screen (None: the blank view)
        self.places: dict[Anchor, Place] = {}
        self._cell_starts: list[tuple[int, int, Anchor]] = []  # sorted (start, end, anchor) of table cells
        self._anchor_cell: dict[Anchor, str] = {}
        self._section_pos: list[int] = []
        self.highlighted: Anchor | None = None
        self._lit: Place | None = None
        self._lit_format: QTextTableCellFormat | None = None
        # each table with the width below which its cells would wrap digits or go one character a
        # line: narrower than that, the table keeps it and the view scrolls sideways
        self._tables: list[tuple[QTextTable, int]] = []
        self._kept: OrderedDict[int, _Rendered] = OrderedDict()  # id(ReportDocument) -> its document
        self._watched: set[int] = set()  # reports whose closing releases their document
        self._pending = False  # self.doc's document is still to be rendered (see the module's text)
        self._later = QTimer(self)
        self._later.setObjectName("sourceRenderLater")
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self._render_step)
        self.sections.activated.connect(self._go_section)

    @property
    def text(self) -> _Text:
        """The text view on screen."""
        return self._stack.currentWidget()  # type: ignore[return-value]

    def _new_view(self) -> _Text:
        view = _Text(self._stack)
        view.setReadOnly(True)
        view.setObjectName("sourceText")
        view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A report is always longer than the pane: with the scroll bar there from the start, the
        # first layout is at the final width (a bar appearing halfway through laid it all out twice).
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        view.clicked.connect(self._clicked)
        view.resized.connect(self._fit_tables)
        self._stack.addWidget(view)
        return view

    # -------------------------------------------------------------------------- rendering

    def set_document(self, doc: ReportDocument | None) -> None:
        self.doc = doc
        kept = self._kept.get(id(doc)) if doc is not None else None
        if kept is None or kept.made_from != _made_from(doc):
            self._render_later()
            if doc is None:  # no report: the blank page is all there is to show
                self._pending = False
                self._later.stop()
            return
        self._pending = False
        self._later.stop()
        self.clear_highlight()  # the highlight lives in the document shown until now
        self._kept.move_to_end(id(doc))
        self._show(kept)

    def _render_later(self) -> None:
        self.clear_highlight()  # the highlight lives in the document shown until now
        self._show(None)
        self._pending = True
        self._later.start()

    def _render_pending(self) -> None:
        """Render now what waits for its turn: something needs the document at once."""
        if self._pending:
            self.render()

    def _render_step(self) -> None:
        """The deferred render, over two turns of the event loop: the document is built (and kept)
        in the first and laid out on screen in the second, so neither holds the window long."""
        if not self._pending:
            return
        doc = self.doc
        kept = self._kept.get(id(doc)) if doc is not None else None
        if doc is not None and (kept is None or kept.made_from != _made_from(doc)):
            self._keep(doc, self._build(doc))
            self._later.start()
            return
        self.render()

    def rendered(self) -> bool:
        """Whether the view shows the current report's document (not the blank one before it)."""
        return not self._pending

    def render(self) -> None:
        """Show the current report's document: the one built for it in the turn before, or one
        built now (and kept while the report is open)."""
        pending = self._pending
        self._pending = False
        self._later.stop()
        # The highlight lives in the shown document (an extra selection's QTextCursor, the lit
        # table cell's format): drop it while that document still exists. Kept past setDocument,
        # the cursor pointed into a deleted document and the next highlight crashed (issue 12).
        self.clear_highlight()
        doc = self.doc
        if doc is None:
            self._show(None)
            return
        kept = self._kept.get(id(doc))
        if pending and kept is not None and kept.made_from == _made_from(doc):
            self._show(kept)
            return
        rendered = self._build(doc)
        self._show(rendered)
        self._keep(doc, rendered)

    def _build(self, doc: ReportDocument) -> _Rendered:
        """A view holding ``doc``'s document, built but not yet laid out or shown."""
        view = self._new_view()
        qdoc = QTextDocument(view)
        qdoc.setUndoRedoEnabled(False)
        qdoc.setDefaultFont(view.font())
        built = build(doc, qdoc, view.font(), self.palette().color(QPalette.ColorRole.Mid))
        rendered = _Rendered(
            view,
            qdoc,
            _made_from(doc),
            built.places,
            built.cell_starts,
            built.anchor_cell,
            built.section_pos,
            built.section_items,
            built.tables,
        )
        return rendered

    def _show(self, rendered: _Rendered | None) -> None:
        """Put ``rendered`` (None: the blank view) on screen."""
        previous = self._shown
        view = rendered.view if rendered is not None else self._blank
        self.places = rendered.places if rendered else {}
        self._cell_starts = rendered.cell_starts if rendered else []
        self._anchor_cell = rendered.anchor_cell if rendered else {}
        self._section_pos = rendered.section_pos if rendered else []
        self._tables = rendered.tables if rendered else []
        # A view hidden while the pane changed size takes the pane's size as it comes on screen
        # (then, and only then, it is laid out again).
        view.setGeometry(self.text.geometry())
        self._stack.setCurrentWidget(view)
        self._shown = rendered
        if rendered is not None and view.document() is not rendered.qdoc:
            self._fit_tables()
            view.setDocument(rendered.qdoc)  # laid out once, at the width it is shown at
        else:
            self._fit_tables()  # the view may have been resized since this document was shown
        if previous is not None and previous is not rendered and not self._is_kept(previous):
            self._dispose(previous)  # its report closed while it was on screen
        self.sections.clear()
        for title, pos in rendered.section_items if rendered else ():
            self.sections.addItem(title, pos)

    def _is_kept(self, rendered: _Rendered) -> bool:
        return any(r is rendered for r in self._kept.values())

    def _dispose(self, rendered: _Rendered) -> None:
        self._stack.removeWidget(rendered.view)
        rendered.view.deleteLater()  # and its document with it

    def _keep(self, doc: ReportDocument, rendered: _Rendered) -> None:
        """Keep the document made for ``doc``; release the one it replaces and the oldest past KEEP."""
        key = id(doc)
        old = self._kept.pop(key, None)
        if key not in self._watched:
            self._watched.add(key)
            doc.destroyed.connect(lambda _obj=None, key=key: self._release(key))
        self._kept[key] = rendered
        if old is not None and old is not self._shown:
            self._dispose(old)
        while len(self._kept) > KEEP:
            _key, dropped = self._kept.popitem(last=False)
            if dropped is not self._shown:
                self._dispose(dropped)

    def _release(self, key: int) -> None:
        """A report closed: its kept document goes (unless it is still on screen until the next one)."""
        if not isValid(self):
            return  # the window closed first: its documents went with it
        self._watched.discard(key)
        rendered = self._kept.pop(key, None)
        if rendered is not None and rendered is not self._shown:
            self._dispose(rendered)

    def kept_documents(self) -> int:
        return len(self._kept)

    def _fit_tables(self) -> None:
        """Tables as wide as the view, but never narrower than their content: below that width a
        table keeps it (the view scrolls sideways) instead of splitting `10` over two lines."""
        room = self.text.viewport().width() - 2 * self.text.document().documentMargin()
        for table, least in self._tables:
            fmt = table.format()
            want = (
                QTextLength(QTextLength.Type.FixedLength, least)
                if room < least
                else QTextLength(QTextLength.Type.PercentageLength, 100)
            )
            if fmt.width() != want:
                fmt.setWidth(want)
                table.setFormat(fmt)

    # ------------------------------------------------------------------------ navigation

    def _go_section(self, i: int) -> None:
        pos = self.sections.itemData(i)
        if pos is not None:
            self._scroll_to(int(pos), top=True)

    def _scroll_to(self, pos: int, top: bool = False) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(min(pos, self.text.document().characterCount() - 1))
        rect = self.text.cursorRect(cursor)
        bar = self.text.verticalScrollBar()
        viewport_h = self.text.viewport().height()
        target = bar.value() + rect.top() - (8 if top else viewport_h // 3)
        bar.setValue(max(0, target))
        # sideways too, when a wide table scrolls: the place in the middle, its row labels if room
        hbar = self.text.horizontalScrollBar()
        width = self.text.viewport().width()
        if rect.left() < 0 or rect.right() + 40 > width:
            hbar.setValue(max(0, hbar.value() + rect.center().x() - width // 2))

    def highlight_cell(self, cell_id: str) -> bool:
        if self.doc is None or self.doc.session is None:
            return False
        cell = self.doc.session.cell(cell_id)
        if cell is None or cell.anchor is None:
            self.clear_highlight()
            return False
        return self.highlight_anchor(cell.anchor)

    def highlight_anchor(self, anchor: Anchor) -> bool:
        self._render_pending()
        place = self.places.get(anchor) or self._nearest(anchor)
        self.clear_highlight()
        if place is None:
            return False
        self.highlighted = anchor
        self._lit = place
        hue = QColor(HUES["warning"])
        hue.setAlpha(110)
        if place.table is not None:
            tcell = place.table.cellAt(place.row, place.col)
            fmt = tcell.format().toTableCellFormat()
            self._lit_format = QTextTableCellFormat(fmt)
            lit = QTextTableCellFormat(fmt)
            lit.setBackground(hue)
            lit.setBorder(2.0)
            lit.setBorderBrush(QColor(HUES["error"]))
            tcell.setFormat(lit)
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(place.start)
        cursor.setPosition(place.end, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format.setBackground(hue)
        sel.format.setForeground(self.palette().color(QPalette.ColorRole.Text))
        self.text.setExtraSelections([sel])
        self._scroll_to(place.start)
        return True

    def _nearest(self, anchor: Anchor) -> Place | None:
        """An anchor that is not a whole block (text anchors inside a paragraph): its paragraph."""
        if anchor.char_start is None:
            return None
        for a, place in self.places.items():
            if (
                a.char_start is not None
                and a.char_end is not None
                and a.char_start <= anchor.char_start < a.char_end
            ):
                return place
        return None

    def clear_highlight(self) -> None:
        if self._lit is not None and self._lit.table is not None and self._lit_format is not None:
            self._lit.table.cellAt(self._lit.row, self._lit.col).setFormat(self._lit_format)
        self._lit, self._lit_format, self.highlighted = None, None, None
        self.text.setExtraSelections([])

    def highlighted_text(self) -> str:
        """The text of the highlighted place, as the reviewer sees it."""
        if self._lit is None:
            return ""
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._lit.start)
        cursor.setPosition(self._lit.end, QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    def cell_at(self, pos: int) -> str | None:
        """The grid cell whose source text is at ``pos`` (a click in a table), if any."""
        i = bisect.bisect_right(self._cell_starts, (pos, float("inf"))) - 1
        if i < 0:
            return None
        start, end, anchor = self._cell_starts[i]
        if start <= pos <= end:
            return self._anchor_cell.get(anchor)
        return None

    def position_of(self, cell_id: str) -> int:
        """Where a grid cell's source text starts in the rendered document, or -1."""
        if self.doc is None or self.doc.session is None:
            return -1
        self._render_pending()
        cell = self.doc.session.cell(cell_id)
        place = self.places.get(cell.anchor) if cell is not None and cell.anchor is not None else None
        return -1 if place is None else place.start

    def _clicked(self, pos: int) -> None:
        cid = self.cell_at(pos)
        if cid is not None:
            self.cellClicked.emit(cid)

    def retranslate(self) -> None:
        self.sections.setToolTip(QCoreApplication.translate("SourceView", "Jump to a section"))


def _made_from(doc: ReportDocument | None) -> tuple[int, int]:
    if doc is None:
        return (0, 0)
    return (id(doc.report.source), id(doc.report.data))
