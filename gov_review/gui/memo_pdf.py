"""The review memo as PDF: the core's memo HTML laid out by QTextDocument and painted page by page
onto a QPdfWriter in the form of GB/T 9704-2012 (margins, fixed line pitch, ``— 1 —`` page numbers).

Qt embeds the (subsetted) fonts it draws with, so the PDF shows the Chinese text on any machine.
A CJK font is chosen explicitly: the default family on a bare Windows/Linux install may have no
Chinese glyphs, and a PDF of empty boxes is worse than none.

Also runnable as ``python -m gov_review.gui.memo_pdf MEMO.html OUT.pdf``: the headless export
command calls it in a child process so that the core itself never loads Qt.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTransform,
)

# Preferred Chinese families, most common first; the first one installed wins.
CJK_FAMILIES = (
    "Microsoft YaHei",
    "SimSun",
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "PingFang SC",
    "Heiti SC",
)

_APP: QGuiApplication | None = None


def ensure_app() -> QGuiApplication:
    """The running Qt application, or an offscreen one made for this (the CLI has none)."""
    global _APP
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APP = QGuiApplication(sys.argv[:1] or ["gov-review"])
        app = _APP
    return app  # type: ignore[return-value]


def cjk_family() -> str | None:
    """An installed font family with Chinese glyphs, or None."""
    installed = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return family
    return None


# GB/T 9704-2012: A4, margins (mm) left 28, top 37, right 26, bottom 35; the page number in 四号
# (14 pt) 宋体 7 mm below the text, odd pages right and even pages left, one character in.
MARGINS_MM = (28.0, 37.0, 26.0, 35.0)
PAGE_NUMBER_GAP_MM = 7.0
PAGE_NUMBER_PT = 14
RESOLUTION = 600
BODY_LINE_PT = 28.95  # 22 lines a page at 三号
TITLE_LINE_PT = 36.0


def _scale_lengths(doc: QTextDocument, per_pt: float) -> None:
    """The memo HTML writes lengths as px meaning points. Indents and margins are laid out in the
    page's own pixels (``per_pt`` a point); line heights and table padding in pixels of 96 dpi that
    the layout scales itself. Each paragraph gets the fixed line pitch of the national form; table
    cells keep their natural lines."""
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        fmt.setTextIndent(fmt.textIndent() * per_pt)
        fmt.setLeftMargin(fmt.leftMargin() * per_pt)
        fmt.setRightMargin(fmt.rightMargin() * per_pt)
        fmt.setTopMargin(fmt.topMargin() * per_pt)
        fmt.setBottomMargin(fmt.bottomMargin() * per_pt)
        table = QTextCursor(block).currentTable()
        factor = 96 / 72
        if block.textList() is None and table is None:
            size = block.charFormat().font().pointSizeF()
            it = block.begin()
            while not it.atEnd():
                size = max(size, it.fragment().charFormat().font().pointSizeF())
                it += 1
            line = TITLE_LINE_PT if size >= 20 else BODY_LINE_PT if size >= 15 else 0.0
            if line:
                fmt.setLineHeight(line * factor, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        QTextCursor(block).setBlockFormat(fmt)
        block = block.next()


def _split_at_page_breaks(doc: QTextDocument, page_height: float) -> None:
    """Cut each paragraph that runs over a page break in two at the break.

    Qt paints a page with the page as clip rectangle, and ``QTextLayout::draw`` also paints the last
    line above that rectangle: hidden by the clip, but written into the PDF's text, so whoever copied
    or searched the memo found that line twice. The continuation starts the next page as a paragraph
    of its own, without the first-line indent or the space above: nothing moves on the page.
    """
    layout = doc.documentLayout()
    layout.documentSize()  # laid out in full: a block's lines have their places only then
    block = doc.begin()
    while block.isValid():
        lines = block.layout()
        top = lines.position().y()
        page = int(top // page_height)
        boundary = (page + 1) * page_height
        split = None
        if QTextCursor(block).currentTable() is None and layout.blockBoundingRect(block).bottom() > boundary:
            for i in range(1, lines.lineCount()):
                line = lines.lineAt(i)
                if top + line.y() >= boundary - 0.5:
                    split = block.position() + line.textStart()
                    break
        if split is None:
            block = block.next()
            continue
        rest = QTextBlockFormat(block.blockFormat())
        rest.setTextIndent(0)
        rest.setTopMargin(0)
        cursor = QTextCursor(doc)
        cursor.setPosition(split)
        cursor.insertBlock(rest)
        first = QTextBlockFormat(block.blockFormat())
        first.setBottomMargin(0)
        QTextCursor(block).setBlockFormat(first)
        layout.documentSize()  # laid out again from the cut
        block = block.next()  # the continuation: it may itself run over the next break


def memo_pdf_bytes(html: str) -> bytes:
    """Lay out the memo HTML on A4 pages in the national form and return the PDF's bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(*MARGINS_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(RESOLUTION)
    writer.setTitle("审核意见")
    writer.setCreator("gov-review")
    per_pt = RESOLUTION / 72.0
    body = writer.pageLayout().paintRectPixels(RESOLUTION)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # fonts sized for the page, not the screen
    family = cjk_family()
    font = QFont(family) if family else QFont()
    font.setPointSizeF(16)
    doc.setDefaultFont(font)  # a last resort with Chinese glyphs under the memo's own families
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    _scale_lengths(doc, per_pt)
    doc.setPageSize(QSizeF(body.width(), body.height()))
    _split_at_page_breaks(doc, body.height())
    number_font = QFont(["宋体", "SimSun", "AR PL UMing CN", *([family] if family else [])])
    number_font.setPointSizeF(PAGE_NUMBER_PT)
    painter = QPainter(writer)
    try:
        for index in range(doc.pageCount()):
            if index:
                writer.newPage()
            painter.save()
            painter.setWorldTransform(QTransform.fromTranslate(0, -index * body.height()), True)
            doc.drawContents(painter, QRectF(0, index * body.height(), body.width(), body.height()))
            painter.restore()
            painter.setFont(number_font)
            one_char = PAGE_NUMBER_PT * per_pt
            top = body.height() + PAGE_NUMBER_GAP_MM / 25.4 * RESOLUTION
            box = QRectF(one_char, top, body.width() - 2 * one_char, 2 * one_char)
            odd = index % 2 == 0  # page 1 is odd
            align = Qt.AlignmentFlag.AlignRight if odd else Qt.AlignmentFlag.AlignLeft
            painter.drawText(box, int(align | Qt.AlignmentFlag.AlignTop), f"— {index + 1} —")
    finally:
        painter.end()
    del writer  # ends the PDF
    buffer.close()
    return bytes(data.data())


def write_memo_pdf(html: str, path: str | os.PathLike[str]) -> None:
    with open(path, "wb") as fh:
        fh.write(memo_pdf_bytes(html))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        sys.stderr.write("usage: python -m gov_review.gui.memo_pdf MEMO.html OUT.pdf\n")
        return 2
    with open(args[0], encoding="utf-8") as fh:
        html = fh.read()
    write_memo_pdf(html, args[1])
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
