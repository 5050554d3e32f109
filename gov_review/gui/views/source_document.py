"""A report's source as a QTextDocument: headings, paragraphs and real tables, and the maps from
each Anchor (a paragraph, a table cell) to its place in the document.

``build`` fills a document for the source view (views/source_view.py), which shows it and keeps it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableFormat,
)

from gov_review.core.model import Anchor, Paragraph, RawTable
from gov_review.gui.document import ReportDocument

LABEL_CHARS = 6  # a label cell wraps no narrower than this many Chinese characters
_UNBROKEN = re.compile(r"[0-9A-Za-z.,%:/()（）\-]+")


@dataclass(slots=True)
class Place:
    start: int
    end: int
    table: QTextTable | None = None
    row: int = -1
    col: int = -1


@dataclass(slots=True)
class Built:
    """What ``build`` put in the document, and where."""

    places: dict[Anchor, Place] = field(default_factory=dict)
    cell_starts: list[tuple[int, int, Anchor]] = field(default_factory=list)  # sorted, table cells
    anchor_cell: dict[Anchor, str] = field(default_factory=dict)  # a cell's anchor → its grid cell
    section_pos: list[int] = field(default_factory=list)
    section_items: list[tuple[str, int]] = field(default_factory=list)  # (heading, position)
    # each table with the width below which its cells would wrap digits or go one character a
    # line: narrower than that, the table keeps it and the view scrolls sideways
    tables: list[tuple[QTextTable, int]] = field(default_factory=list)


def least_width(rows: list, ncols: int, fm: QFontMetricsF, tf: QTextTableFormat) -> int:
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


def build(doc: ReportDocument | None, qdoc: QTextDocument, font: QFont, border: QColor) -> Built:
    """Fill ``qdoc`` (empty, detached from any view: laying out after every insert would take
    seconds) with ``doc``'s source; ``border``: the tables' rule colour."""
    out = Built()
    if doc is None or doc.report.source is None:
        if doc is not None:
            qdoc.setPlainText(doc.error_message())
        return out
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
            out.places[block.anchor] = Place(start, cur.position())
            if i in heading_blocks:
                out.section_pos.append(start)
                out.section_items.append((heading_blocks[i].title.strip(), start))
            first = False
        elif isinstance(block, RawTable):
            _table(out, cur, block, plain, font, border)
            first = False
    if data is not None:
        out.anchor_cell = {c.anchor: cid for cid, c in data.cells.items() if c.anchor is not None}
    out.cell_starts = sorted(
        ((p.start, p.end, a) for a, p in out.places.items() if p.table is not None), key=lambda t: t[0]
    )
    return out


def _table(
    out: Built, cur: QTextCursor, block: RawTable, plain: QTextCharFormat, font: QFont, border: QColor
) -> None:
    rows = [r for r in block.rows if r]
    if not rows:
        return
    ncols = max(len(r) for r in rows)
    tf = QTextTableFormat()
    tf.setCellPadding(3)
    tf.setCellSpacing(0)
    tf.setBorder(1)
    tf.setBorderBrush(border)
    tf.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    tf.setBorderCollapse(True)
    tf.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table = cur.insertTable(len(rows), ncols, tf)
    small = QTextCharFormat(plain)
    small.setFontPointSize(8.5)
    font = QFont(font)
    font.setPointSizeF(8.5)
    out.tables.append((table, least_width(rows, ncols, QFontMetricsF(font), tf)))
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell.merged:
                continue
            cc = table.cellAt(r, c).firstCursorPosition()
            start = cc.position()
            cc.insertText(cell.text.strip(), small)
            out.places[cell.anchor] = Place(start, cc.position(), table, r, c)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if not cell.merged and (cell.rowspan > 1 or cell.colspan > 1):
                table.mergeCells(r, c, min(cell.rowspan, len(rows) - r), min(cell.colspan, ncols - c))
    # positions moved when cells were merged: read them back from the table
    for place in out.places.values():
        if place.table is table:
            tcell = table.cellAt(place.row, place.col)
            place.start = tcell.firstCursorPosition().position()
            place.end = tcell.lastCursorPosition().position()
    cur.movePosition(QTextCursor.MoveOperation.End)
