"""The README's screenshots of the 原件 page view: a real PDF (洪泽区 2023) with its table 四 error
selected by F8 and the page zoomed in (Ctrl+=) to read the outlined cells, at 1366×768 and 1920×1080.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_pageview_screenshots.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
PDF = Path(os.environ.get("GOV_REVIEW_REAL", "/work/shared/real")) / "hongze_district_2023.pdf"


def shot(app, width: int, height: int, zoom: float, out: Path) -> None:
    from gov_review.core.review.recovery import RecoveryStore
    from gov_review.gui.main_window import MainWindow
    from gov_review.gui.workers import SyncPool

    w = MainWindow(pool=SyncPool(), recovery=RecoveryStore(Path(tempfile.mkdtemp()) / "recovery"))
    w.remember_layout = False
    w.resize(width, height)
    w.set_default_layout()
    w.open_paths([str(PDF)], remember=False)
    w.show()
    pages = w.source_pane.pages
    while not pages.sizes:  # the reviewer presses F8 once the pages are there
        app.processEvents()
    finding = w.next_finding()  # F8: the first error, 表四 行政复议's total
    assert finding is not None and finding.severity == "error"
    pages.zoom_by(zoom / pages.scale)  # as Ctrl+= does, about the selected cell
    w.go_to_finding(finding)  # F8 again at this zoom: the finding's cells in view
    end = time.time() + 1.5
    while time.time() < end or pages.renderer.busy():
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()
    w.grab().save(str(out))
    for doc in w.list_model.docs:
        doc.stack.setClean()
    w.close()
    pages.renderer.wait()


def main() -> int:
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    from gov_review.gui.app import make_app

    app = make_app("zh")
    # zoomed as far as the 行政复议 group of table 四 still fits the source pane's default width
    for width, height, zoom in ((1366, 768, 1.5), (1920, 1080, 2.0)):
        shot(app, width, height, zoom, ROOT / "docs" / "images" / f"pageview_{width}x{height}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
