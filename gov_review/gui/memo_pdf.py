"""The review memo as PDF: the core's memo HTML laid out by QTextDocument and printed by QPdfWriter.

Qt embeds the (subsetted) fonts it draws with, so the PDF shows the Chinese text on any machine.
A CJK font is chosen explicitly: the default family on a bare Windows/Linux install may have no
Chinese glyphs, and a PDF of empty boxes is worse than none.

Also runnable as ``python -m gov_review.gui.memo_pdf MEMO.html OUT.pdf``: the headless export
command calls it in a child process so that the core itself never loads Qt.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
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


def memo_pdf_bytes(html: str) -> bytes:
    """Lay out the memo HTML on A4 and return the PDF's bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(20, 20, 20, 20)
        )
    )
    writer.setResolution(300)
    writer.setTitle("审核意见")
    writer.setCreator("gov-review")
    doc = QTextDocument()
    family = cjk_family()
    font = QFont(family) if family else QFont()
    font.setPointSizeF(11)
    doc.setDefaultFont(font)
    if family:
        # The memo's CSS lists families too; put the one we found first so Qt never falls back.
        html = html.replace("font-family: ", f"font-family: '{family}', ", 1)
    doc.setHtml(html)
    # No page size of our own: print_() then paginates for the writer and scales points correctly.
    doc.print_(writer)
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
