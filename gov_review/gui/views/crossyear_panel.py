"""Cross-year pairs and their X01–X06 findings, with a way to reach both years' cells.

Pairs are found by body name and year among the opened reports (``core.crossyear.find_pairs``); the
reviewer adds a pair by hand when the names differ. Last year's reports may also come from a chosen
folder (``choose_previous_folder``): they are read off the GUI thread as digests
(``crossyear.load_previous``), never opened as documents; a report with an opened partner keeps it,
the folder only pairs the others. A finding is pinned on this year's cells and
names last year's in ``params["other"]``: both can be shown (``show_cell(path, cell_id)``).

The model and its roles are in ``crossyear_model``, the worker-thread read of last year's folder in
``core/batch/crossyear/previous.py``; this module is the dock's widget.

Attach API::

    panel = CrossYearPanel(parent)
    panel.attach(league_view.model)                     # the opened reports
    panel.findings_changed.connect(league_view.model.set_extra_findings)
    panel.show_cell.connect(window_show_cell)           # (path, cell_id): open/select that cell
    panel.set_pool(window.pool)                         # where last year's folder is read
"""

from __future__ import annotations

import os
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gov_review.core.batch.crossyear import check as crossyear
from gov_review.core.batch.crossyear.check import YearDigest
from gov_review.core.batch.crossyear.previous import PreviousFolder, read_previous_folder
from gov_review.core.model import Finding
from gov_review.gui import settings
from gov_review.gui.dialogs.pair import PairDialog
from gov_review.gui.document import ReportDocument
from gov_review.gui.i18n import pick
from gov_review.gui.models.crossyear import (
    COL_HOW,
    COL_MESSAGE,
    COL_WHAT,
    CrossYearModel,
    FindingRole,
    PairEntry,
    PairRole,
    other_side,
    side_label,
    side_path,
    side_report,
)
from gov_review.gui.models.league import (
    Item,
    LeagueModel,
    item_label,
    item_ok,
    item_path,
    item_report,
    tr_zh,
)
from gov_review.gui.workers import SyncPool, TaskFailed

# Importers (window, tests) keep finding the model's names here.
__all__ = [
    "COL_HOW",
    "COL_MESSAGE",
    "COL_WHAT",
    "CrossYearModel",
    "CrossYearPanel",
    "FindingRole",
    "PairEntry",
    "PairRole",
    "PreviousFolder",
    "other_side",
    "read_previous_folder",
    "side_label",
    "side_path",
    "side_report",
]


class CrossYearPanel(QWidget):
    show_cell = Signal(str, str)  # path, cell id
    findings_changed = Signal(object)  # {this year's path: [cross-year findings]}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crossYearPanel")
        self._league: LeagueModel | None = None
        self._items: list[Item] = []
        self._manual: list[tuple[str, str]] = []  # (prev path, cur path), newest last
        self._last_emitted: list[tuple[str, str, str, bool]] | None = None
        self._pool: Any = None  # the window's TaskPool; a SyncPool when none was given
        self._previous: PreviousFolder | None = None  # last year's folder, once read
        self._loading: str | None = None  # the folder being read (a newer choice wins)
        self.model = CrossYearModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("crossYearTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(COL_WHAT, 260)
        self.tree.setColumnWidth(COL_HOW, 80)
        self.tree.doubleClicked.connect(self._double_clicked)
        self.tree.selectionModel().currentChanged.connect(self._update_buttons)
        self.summary = QLabel(self)
        self.summary.setObjectName("crossYearSummary")
        self.summary.setWordWrap(True)
        self.pair_button = QPushButton(self)
        self.pair_button.setObjectName("pairByHand")
        self.pair_button.clicked.connect(lambda: self.pair_by_hand())
        self.unpair_button = QPushButton(self)
        self.unpair_button.setObjectName("unpair")
        self.unpair_button.clicked.connect(self.remove_selected_pair)
        self.this_button = QPushButton(self)
        self.this_button.setObjectName("showThisYear")
        self.this_button.clicked.connect(lambda: self.show_finding(self.current_finding(), other=False))
        self.other_button = QPushButton(self)
        self.other_button.setObjectName("showLastYear")
        self.other_button.clicked.connect(lambda: self.show_finding(self.current_finding(), other=True))
        self.folder_button = QPushButton(self)
        self.folder_button.setObjectName("compareWithPreviousFolder")
        self.folder_button.clicked.connect(lambda: self.choose_previous_folder())
        self.busy = QProgressBar(self)
        self.busy.setObjectName("previousFolderBusy")
        self.busy.setRange(0, 0)  # indeterminate: the folder's size is not known in advance
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self.folder_info = QLabel(self)
        self.folder_info.setObjectName("previousFolderInfo")
        self.folder_info.setWordWrap(True)
        self.folder_info.hide()
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_button)
        folder_row.addWidget(self.busy)
        folder_row.addWidget(self.folder_info, 1)
        buttons = QHBoxLayout()
        for b in (self.pair_button, self.unpair_button, self.this_button, self.other_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.summary)
        lay.addLayout(folder_row)
        lay.addLayout(buttons)
        lay.addWidget(self.tree, 1)
        self._timer = QTimer(self)
        self._timer.setObjectName("crossYearRefresh")
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)  # a folder arrives report by report: pair once per burst
        self._timer.timeout.connect(self.recompute)
        self.retranslate()

    # ------------------------------------------------------------------------------ API

    def attach(self, league: LeagueModel) -> None:
        self._league = league
        league.reports_changed.connect(self.schedule)
        self.schedule()

    def set_reports(self, items: list[Item]) -> None:
        self._league = None
        self._items = list(items)
        self.recompute()

    def items(self) -> list[Item]:
        return self._league.items() if self._league is not None else list(self._items)

    def schedule(self, *_args: object) -> None:
        self._timer.start()

    def set_pool(self, pool: Any) -> None:
        """Where last year's folder is read: ``pool.run_task(fn, callback)`` (workers.TaskPool)."""
        self._pool = pool

    # ------------------------------------------------------------------ last year's folder

    def choose_previous_folder(self) -> bool:
        """Ask for the folder of last year's reports or bundles and read it; False if cancelled."""
        start = settings.get(settings.PREVIOUS_DIR) or settings.get(settings.LAST_DIR)
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of last year's reports"), start)
        if not folder:
            return False
        settings.put(settings.PREVIOUS_DIR, folder)
        self.load_previous_folder(folder)
        return True

    def load_previous_folder(self, folder: str) -> None:
        """Read last year's reports in ``folder`` off the GUI thread, then pair and check again."""
        self._loading = folder
        self.busy.show()
        self.folder_button.setEnabled(False)
        self.folder_info.setText(self.tr("Reading last year's reports in {folder}…").format(folder=folder))
        self.folder_info.setToolTip("")
        self.folder_info.show()
        pool = self._pool if self._pool is not None else SyncPool()
        pool.run_task(partial(read_previous_folder, folder), partial(self._previous_read, folder))

    def previous_folder(self) -> PreviousFolder | None:
        return self._previous

    def clear_previous_folder(self) -> None:
        self._previous = None
        self.folder_info.hide()
        self.recompute()

    def _previous_read(self, folder: str, result: Any) -> None:
        if folder != self._loading:
            return  # another folder was chosen meanwhile: that one counts
        self._loading = None
        self.busy.hide()
        self.folder_button.setEnabled(True)
        if isinstance(result, TaskFailed):
            self._previous = None
            self.folder_info.setText(
                self.tr("Last year's folder could not be read: {reason}").format(reason=result.exc)
            )
            self.recompute()
            return
        self._previous = result
        self._update_folder_info()
        self.recompute()

    def _update_folder_info(self) -> None:
        prev = self._previous
        if prev is None:
            return
        used = sum(1 for e in self.model.pairs if e.method == "folder")
        text = self.tr(
            "Last year's folder {folder}: {read} files read, {unread} could not be read; {used} pairs."
        ).format(folder=prev.folder, read=len(prev.digests), unread=len(prev.unread), used=used)
        self.folder_info.setText(text)
        tips = [f"{os.path.basename(p)}: {pick(zh, en)}" for p, zh, en in prev.unread[:30]]
        if len(prev.unread) > 30:
            tips.append("…")
        self.folder_info.setToolTip("\n".join(tips))
        self.folder_info.show()

    def add_manual_pair(self, prev: Item, cur: Item) -> None:
        """Pair two reports by hand; it replaces any pair this year's report already had."""
        cur_path = item_path(cur)
        self._manual = [m for m in self._manual if m[1] != cur_path] + [(item_path(prev), cur_path)]
        self.recompute()

    def pair_by_hand(self, cur: Item | None = None) -> bool:
        choice = PairDialog.get_pair(self.items(), cur, self)
        if choice is None:
            return False
        self.add_manual_pair(*choice)
        return True

    def remove_selected_pair(self) -> None:
        entry = self._selected_pair()
        if entry is not None and entry.method == "manual":
            self._manual = [m for m in self._manual if m[1] != item_path(entry.cur)]
            self.recompute()

    def current_finding(self) -> Finding | None:
        return self.tree.currentIndex().data(FindingRole)

    def show_finding(self, finding: Finding | None, other: bool = False) -> None:
        """Ask for this year's cell of a cross-year finding (or last year's, with ``other``)."""
        if finding is None:
            return
        if other:
            path, cell = other_side(finding)
        else:
            path = (finding.params.get("this") or {}).get("path")
            cell = finding.cells[0] if finding.cells else None
        if path and cell:
            self.show_cell.emit(path, cell)

    def findings_by_path(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {}
        for p in self.model.pairs:
            out.setdefault(item_path(p.cur), []).extend(p.findings)
        return out

    def recompute(self) -> None:
        """Pair the opened reports again (names, manual choices) and re-run X01–X06."""
        self._timer.stop()
        items = [it for it in self.items() if item_ok(it)]
        by_path = {item_path(it): it for it in items}
        by_report = {id(item_report(it)): it for it in items}
        manual = [(by_path[p], by_path[c]) for p, c in self._manual if p in by_path and c in by_path]
        taken = {item_path(c) for _p, c in manual}
        entries: list[PairEntry] = [PairEntry(p, c, "manual", []) for p, c in manual]
        reports = [item_report(it) for it in items]
        for found in crossyear.find_pairs(reports):
            cur = by_report.get(id(found.cur))
            prev = by_report.get(id(found.prev))
            if cur is None or prev is None or item_path(cur) in taken:
                continue
            taken.add(item_path(cur))
            entries.append(PairEntry(prev, cur, found.method, []))
        previous = self._previous_digests(items)
        if previous:
            # an opened partner wins (it shows the reviewer's live edits); the folder pairs the rest
            for found in crossyear.find_pairs(reports, previous):
                cur = by_report.get(id(found.cur))
                if cur is None or item_path(cur) in taken or not isinstance(found.prev, YearDigest):
                    continue
                taken.add(item_path(cur))
                entries.append(PairEntry(found.prev, cur, "folder", []))
        order = {"error": 0, "warning": 1, "info": 2}
        for e in entries:
            found = crossyear.check_pair(side_report(e.prev), item_report(e.cur))
            # what must be fixed first, then rule by rule (the core orders by table position)
            e.findings = sorted(found, key=lambda f: (order.get(f.severity, 3), f.rule))
        entries.sort(key=lambda e: (item_label(e.cur), item_path(e.cur)))
        self.model.set_pairs(entries)
        self.tree.expandAll()
        # the pair's names must be readable; messages are elided and shown whole in the tooltip
        self.tree.resizeColumnToContents(COL_WHAT)
        self.tree.setColumnWidth(COL_WHAT, min(max(self.tree.columnWidth(COL_WHAT), 200), 460))
        self._update_summary(len(items))
        self._update_folder_info()
        self._update_buttons()
        # an accepted cross-year warning leaves the league's count: its state is part of what changed
        signature = [
            (item_path(e.cur), f.key, f.message, _waived(e.cur, f)) for e in entries for f in e.findings
        ]
        if signature != self._last_emitted:  # unchanged findings: the league need not recount
            self._last_emitted = signature
            self.findings_changed.emit(self.findings_by_path())

    def _previous_digests(self, items: list[Item]) -> list[YearDigest]:
        """Last year's folder, less the files that are open anyway (the opened one counts)."""
        if self._previous is None:
            return []
        opened = {os.path.abspath(item_path(it)) for it in items}
        return [d for d in self._previous.digests if os.path.abspath(d.path) not in opened]

    def retranslate(self) -> None:
        self.folder_button.setText(self.tr("Compare with last year's reports…"))
        self.folder_button.setToolTip(
            self.tr(
                "Choose a folder of last year's reports or review bundles (.grb); each opened report is "
                "compared with last year's report of the same body found there"
            )
        )
        self._update_folder_info()
        self.pair_button.setText(
            tr_zh(QCoreApplication.translate("CrossYearPanel", "Pair by hand…"), "手动配对…")
        )
        self.unpair_button.setText(
            tr_zh(QCoreApplication.translate("CrossYearPanel", "Remove hand pairing"), "取消手动配对")
        )
        self.this_button.setText(
            tr_zh(QCoreApplication.translate("CrossYearPanel", "Show this year's cell"), "显示本年度单元格")
        )
        self.other_button.setText(
            tr_zh(QCoreApplication.translate("CrossYearPanel", "Show last year's cell"), "显示上一年度单元格")
        )
        self._update_summary(sum(1 for it in self.items() if item_ok(it)))

    # --------------------------------------------------------------------------- internals

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.schedule()
        super().changeEvent(event)

    def _selected_pair(self) -> PairEntry | None:
        idx = self.tree.currentIndex()
        if not idx.isValid():
            return None
        if idx.parent().isValid():
            idx = idx.parent()
        return idx.siblingAtColumn(0).data(PairRole)

    def _double_clicked(self, index: QModelIndex) -> None:
        self.show_finding(index.data(FindingRole))

    def _update_buttons(self, *_args: object) -> None:
        finding = self.current_finding()
        pair = self._selected_pair()
        self.this_button.setEnabled(finding is not None and bool(finding.cells))
        self.other_button.setEnabled(finding is not None and other_side(finding)[1] is not None)
        self.unpair_button.setEnabled(pair is not None and pair.method == "manual")
        self.pair_button.setEnabled(len([it for it in self.items() if item_ok(it)]) >= 2)

    def _update_summary(self, readable: int) -> None:
        pairs = self.model.pairs
        opened = {item_path(it) for it in self.items()}
        paired = ({item_path(p.cur) for p in pairs} | {side_path(p.prev) for p in pairs}) & opened
        self.summary.setText(
            tr_zh(
                QCoreApplication.translate(
                    "CrossYearPanel",
                    "{pairs} pairs ({manual} by hand); {alone} of {n} readable reports have no other year opened.",
                ),
                "共 {pairs} 对（其中手动 {manual} 对）；{n} 份可读报告中有 {alone} 份未打开其他年度的报告。",
            ).format(
                pairs=len(pairs),
                manual=sum(1 for p in pairs if p.method == "manual"),
                alone=max(readable - len(paired), 0),
                n=readable,
            )
        )


def _waived(item: Item, finding: Finding) -> bool:
    return isinstance(item, ReportDocument) and item.session is not None and item.session.is_waived(finding)
