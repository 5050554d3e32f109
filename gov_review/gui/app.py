"""Start the window: ``run(files, screenshot, lang)`` is what ``gov-review gui`` calls."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from gov_review.gui import i18n, none_guard, settings


def make_app(lang: str | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(settings.ORG)
    app.setApplicationName(settings.APP)
    app.setApplicationDisplayName("gov-review")
    none_guard.install(app)
    i18n.install(app, i18n.initial_lang(lang))
    return app  # type: ignore[return-value]


def run(
    files: list[str], screenshot: str | None = None, lang: str | None = None, samples: list[str] | None = None
) -> int:
    """``samples``: what to open when ``files`` is empty and no crashed review is restored."""
    app = make_app(lang)
    from gov_review.gui.main_window import MainWindow
    from gov_review.gui.workers import SyncPool

    if screenshot:
        files = files or list(samples or [])
        window = MainWindow(pool=SyncPool())
        window.remember_layout = False  # the picture shows the default layout and keeps no state
        window.fit_to_screen()  # as a first start on this screen shows it (docs/make_screenshots.py)
        window.open_paths(files, remember=False)  # a screenshot is not the reviewer's recent work
        window.show()
        window.next_finding()  # show a finding as the reviewer would see it after F8
        app.processEvents()
        ok = window.grab().save(screenshot)
        window.close()
        return 0 if ok else 2
    from gov_review import logs
    from gov_review.gui import crash

    logs.setup()
    # unexpected errors of any thread: a dialog with a copyable report, and the review autosaved
    handler = crash.install(app)
    window = MainWindow()
    handler.on_crash = window.autosave_now
    window.show()
    if files:
        window.open_paths(files)
    # once the window is up: what a crash left behind is offered back; the samples only when
    # nothing was named and nothing restored (the restored review is the one to look at)

    def start() -> None:
        if not window.offer_recovery() and not files and samples:
            window.open_paths(samples, remember=False)

    QTimer.singleShot(0, start)
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
    return app.exec()
