"""The report as a person reads it: headings, paragraphs and real tables in a QTextDocument.

While rendering, every paragraph and table cell's Anchor is mapped to its place in the rendered
document, so a grid cell (or a prose finding) can be highlighted and scrolled to, and a click on
a number in a table finds its grid cell again.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QMouseEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableCellFormat,
    QTextTableFormat,
)
from PySide6.QtWidgets import QComboBox, QTextEdit, QVBoxLayout, QWidget

from gov_review.core.model import Anchor, Paragraph, RawTable
from gov_review.gui.document import ReportDocument
from gov_review.gui.states import HUES


@dataclass(slots=True)
class Place:
    start: int
    end: int
    table: QTextTable | None = None
    row: int = -1
    col: int = -1


LABEL_CHARS = 6  # a label cell wraps no narrower than this many Chinese characters
_UNBROKEN = re.compile(r"[0-9A-Za-z.,%:/()（）\-]+")


def _least_width(rows: list, ncols: int, fm: QFontMetricsF, tf: QTextTableFormat) -> int:
    """The narrowest a table can be without wrapping a number or squeezing a label below
    LABEL_CHARS characters a line: per column, its widest such cell (one-column cells only)."""
    label = fm.horizontalAdvance("国" * LABEL_CHARS)
    widths = [0.0] * ncols
    for row in rows:
        for c, cell in enumerate(row):
            if cell.merged or cell.colspan > 1:
                continue
            text = cell.text.strip()
            runs = [fm.horizontalAdvance(r) for r in _UNBROKEN.findall(text)]
            need = max([min(fm.horizontalAdvance(text), label), *runs])
            widths[c] = max(widths[c], need)
    pad = 2 * (tf.cellPadding() + tf.border()) + 4
    return int(sum(w + pad for w in widths)) + 2


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


class SourceView(QWidget):
    cellClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sections = QComboBox(self)
        self.sections.setObjectName("sourceSections")
        self.text = _Text(self)
        self.text.setReadOnly(True)
        self.text.setObjectName("sourceText")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.sections)
        lay.addWidget(self.text)
        self.doc: ReportDocument | None = None
        self._qdoc: QTextDocument | None = None
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
        self.sections.activated.connect(self._go_section)
        self.text.clicked.connect(self._clicked)
        self.text.resized.connect(self._fit_tables)

    # -------------------------------------------------------------------------- rendering

    def set_document(self, doc: ReportDocument | None) -> None:
        self.doc = doc
        self.render()

    def render(self) -> None:
        # The highlight lives in the shown document (an extra selection's QTextCursor, the lit
        # table cell's format): drop it while that document still exists. Kept past setDocument,
        # the cursor pointed into a deleted document and the next highlight crashed (issue 12).
        self.clear_highlight()
        self.places.clear()
        self._tables = []
        self._cell_starts = []
        self._anchor_cell = {}
        self._section_pos = []
        self.sections.clear()
        old = self._qdoc
        # Built detached from the view: laying out after every insert would take seconds.
        qdoc = QTextDocument(self)
        qdoc.setUndoRedoEnabled(False)
        qdoc.setDefaultFont(self.text.font())
        try:
            self._fill(qdoc)
        finally:
            self._fit_tables()
            self.text.setDocument(qdoc)
            self._qdoc = qdoc
            if old is not None:
                old.deleteLater()

    def _fill(self, qdoc: QTextDocument) -> None:
        doc = self.doc
        if doc is None or doc.report.source is None:
            if doc is not None:
                qdoc.setPlainText(doc.error_message())
            return
        source = doc.report.source
        data = doc.report.data
        heading_blocks = {s.block_index: s for s in (data.sections if data else [])}
        cur = QTextCursor(qdoc)
        base = QTextBlockFormat()
        base.setBottomMargin(6)
        plain = QTextCharFormat()
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        first = True
        for i, block in enumerate(source.blocks):
            if isinstance(block, Paragraph):
                if not first:
                    cur.insertBlock(base, plain)
                fmt = QTextBlockFormat(base)
                cf = plain
                if i == 0 or i in heading_blocks:
                    cf = QTextCharFormat(bold)
                    cf.setFontPointSize(13 if i == 0 else 11.5)
                    fmt.setTopMargin(10)
                    if i == 0:
                        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
                cur.setBlockFormat(fmt)
                cur.setBlockCharFormat(cf)
                start = cur.position()
                cur.insertText(block.text.strip(), cf)
                self.places[block.anchor] = Place(start, cur.position())
                if i in heading_blocks:
                    self._section_pos.append(start)
                    self.sections.addItem(heading_blocks[i].title.strip(), start)
                first = False
            elif isinstance(block, RawTable):
                self._render_table(cur, block, plain)
                first = False
        if data is not None:
            self._anchor_cell = {c.anchor: cid for cid, c in data.cells.items() if c.anchor is not None}
        self._cell_starts.sort(key=lambda t: t[0])

    def _render_table(self, cur: QTextCursor, block: RawTable, plain: QTextCharFormat) -> None:
        rows = [r for r in block.rows if r]
        if not rows:
            return
        ncols = max(len(r) for r in rows)
        tf = QTextTableFormat()
        tf.setCellPadding(3)
        tf.setCellSpacing(0)
        tf.setBorder(1)
        tf.setBorderBrush(self.palette().color(QPalette.ColorRole.Mid))
        tf.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        tf.setBorderCollapse(True)
        tf.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        table = cur.insertTable(len(rows), ncols, tf)
        small = QTextCharFormat(plain)
        small.setFontPointSize(8.5)
        font = QFont(self.text.font())
        font.setPointSizeF(8.5)
        self._tables.append((table, _least_width(rows, ncols, QFontMetricsF(font), tf)))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if cell.merged:
                    continue
                tcell = table.cellAt(r, c)
                cc = tcell.firstCursorPosition()
                start = cc.position()
                cc.insertText(cell.text.strip(), small)
                end = cc.position()
                self.places[cell.anchor] = Place(start, end, table, r, c)
                self._cell_starts.append((start, end, cell.anchor))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if not cell.merged and (cell.rowspan > 1 or cell.colspan > 1):
                    table.mergeCells(r, c, min(cell.rowspan, len(rows) - r), min(cell.colspan, ncols - c))
        # positions moved when cells were merged: read them back from the table
        for place in self.places.values():
            if place.table is table:
                tcell = table.cellAt(place.row, place.col)
                start = tcell.firstCursorPosition().position()
                place.end = tcell.lastCursorPosition().position()
                place.start = start
        self._cell_starts = [(p.start, p.end, a) for a, p in self.places.items() if p.table is not None]
        cur.movePosition(QTextCursor.MoveOperation.End)

    def _fit_tables(self) -> None:
        """Tables as wide as the view, but never narrower than their content: below that width a
        table keeps it (the view scrolls sideways) instead of splitting `10` over two lines."""
        room = self.text.viewport().width() - 2 * (self._qdoc.documentMargin() if self._qdoc else 4)
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
        cell = self.doc.session.cell(cell_id)
        place = self.places.get(cell.anchor) if cell is not None and cell.anchor is not None else None
        return -1 if place is None else place.start

    def _clicked(self, pos: int) -> None:
        cid = self.cell_at(pos)
        if cid is not None:
            self.cellClicked.emit(cid)

    def retranslate(self) -> None:
        self.sections.setToolTip(QCoreApplication.translate("SourceView", "Jump to a section"))
