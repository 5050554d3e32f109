"""The window's outputs: who signs them (审核人, 审核单位: asked once, at the first save or export),
文件 → 导出… (the chosen outputs written to a folder off the GUI thread, then an offer to open it),
and the outputs a saved bundle carries, memo PDF included. A part the window owns, not a mixin.
"""

from __future__ import annotations

import copy
import os
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from gov_review.core.errors import GovReviewError
from gov_review.gui import i18n, settings
from gov_review.gui.dialogs import confirm
from gov_review.gui.dialogs.export import ExportDialog, ExportOptions
from gov_review.gui.dialogs.identity import IdentityDialog
from gov_review.gui.workers import TaskFailed

if TYPE_CHECKING:
    from gov_review.core.export.to_folder import FolderExport
    from gov_review.core.review.session import ReviewSession
    from gov_review.gui.document import ReportDocument


def _pdf(html: str) -> bytes:
    from gov_review.gui.memo_pdf import memo_pdf_bytes  # Qt's text layout: loaded when first used

    return memo_pdf_bytes(html)


def _export(session: ReviewSession, source, options: ExportOptions, original: str) -> FolderExport:
    """Runs on a worker thread, on a copy of the session (the reviewer may go on editing)."""
    from gov_review.core.export.to_folder import export_to_folder

    return export_to_folder(
        session,
        options.folder,
        source=source,
        docx_mode=options.docx_mode,
        kinds=options.kinds,
        pdf_maker=_pdf,
        original=original,
    )


class Exporter(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.busy = False

    @property
    def window(self):
        # The parent, not an attribute: a Python reference cycle (window → exporter → window) would
        # keep a closed window's wrapper, and its worker pool's, alive after Qt deleted them.
        return self.parent()

    # ------------------------------------------------------------------------- identity

    def ensure_identity(self) -> None:
        """Ask for 审核人 and 审核单位 the first time something is saved or exported."""
        if not settings.get(settings.IDENTITY_ASKED):
            self.edit_identity()

    def edit_identity(self) -> bool:
        answer = IdentityDialog.ask(self.window, settings.reviewer(), settings.unit(), settings.login_name())
        if answer is None:
            return False  # not now: asked again at the next save or export
        reviewer, unit = answer
        settings.put(settings.REVIEWER, reviewer)
        settings.put(settings.UNIT, unit)
        settings.put(settings.IDENTITY_ASKED, True)
        self.window.reviewer = reviewer
        return True

    def sign(self, session: ReviewSession) -> None:
        """The reviewer and unit who save or export this review sign its memo."""
        session.reviewer = settings.reviewer() or session.reviewer
        session.unit = settings.unit() or session.unit

    # ------------------------------------------------------------------------- bundle

    def bundle_exports(self, session: ReviewSession) -> tuple[dict[str, bytes] | bool, list[str]]:
        """The outputs a bundle carries (memo PDF included) and the sentences for any left out."""
        from gov_review.core.export.outputs import make_exports

        made = make_exports(session, pdf_maker=_pdf)
        return made.with_notice(), made.problems

    # ------------------------------------------------------------------------- export

    def export_current(self) -> None:
        win = self.window
        doc: ReportDocument | None = win.current
        if doc is None or doc.session is None or self.busy:
            return
        self.ensure_identity()
        self.sign(doc.session)
        folder = settings.get(settings.LAST_EXPORT_DIR) or os.path.dirname(os.path.abspath(doc.report.path))
        options = ExportDialog.get_options(win, folder, settings.get(settings.EXPORT_DOCX_MODE))
        if options is None:
            return
        settings.put(settings.LAST_EXPORT_DIR, options.folder)
        settings.put(settings.EXPORT_DOCX_MODE, options.docx_mode)
        from gov_review.core.review.bundle import source_of

        try:
            source = source_of(doc.session)
        except GovReviewError as exc:
            confirm.warn(win, self.tr("Not exported"), exc.message(i18n.current_lang()))
            return
        snapshot = copy.deepcopy(doc.session)
        self.busy = True
        win.statusBar().showMessage(self.tr("Exporting to {folder}…").format(folder=options.folder))
        win.pool.run_task(partial(_export, snapshot, source, options, doc.report.path), self._exported)

    def _exported(self, result) -> None:
        self.busy = False
        win = self.window
        if isinstance(result, TaskFailed):
            exc = result.exc
            text = (
                exc.message(i18n.current_lang())
                if isinstance(exc, GovReviewError)
                else self.tr("The outputs could not be written. The review itself is not affected.")
            )
            win.statusBar().showMessage(text, 15000)
            confirm.warn(win, self.tr("Not exported"), text)
            return
        win.statusBar().showMessage(
            self.tr("{n} files written to {folder}").format(n=len(result.written), folder=result.folder), 8000
        )
        if result.problems or result.notices:
            confirm.warn(win, self.tr("Some outputs were left out"), "\n".join(result.problems + result.notices))
        if self.ask_open(result.folder):
            QDesktopServices.openUrl(QUrl.fromLocalFile(result.folder))

    def ask_open(self, folder: str) -> bool:
        answer = QMessageBox.question(
            self.window,
            self.tr("Exported"),
            self.tr("The outputs were written to {folder}. Open the folder?").format(folder=folder),
        )
        return answer == QMessageBox.StandardButton.Yes
