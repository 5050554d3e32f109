"""The main window's review work on the current report: selecting cells, walking the findings
(F8 / Shift+F8), applying fix suggestions, accepting warnings, notes.

A mixin of MainWindow: it uses the window's grids, source view, panels and current document.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from gov_review.core.locate.places import place_of
from gov_review.core.model import Finding
from gov_review.core.review.session import Note, WaiverNotAllowed
from gov_review.gui import i18n
from gov_review.gui.commands import (
    AddNoteCommand,
    EditCellCommand,
    RemoveNoteCommand,
    SettleCommand,
    UnwaiveCommand,
    WaiveCommand,
    cell_label,
)
from gov_review.gui.dialogs.note import NoteDialog
from gov_review.gui.dialogs.settle import SettleDialog, prose_figure
from gov_review.gui.dialogs.waiver import WaiverDialog
from gov_review.gui.views.grid_view import GridView

if TYPE_CHECKING:
    from gov_review.gui.document import ReportDocument


def walk_findings(doc: ReportDocument) -> list[Finding]:
    """What F8 walks: every finding listed, with a cell or not (a heading, a sentence, the title),
    the report's own in the session's order, then the cross-year ones; infos only if assessable."""
    return [f for f in doc.findings() if f.severity != "info" or f.assessable]


class ReviewMixin:
    """Cells, findings, fixes, waivers and notes of the current report."""

    _finding_key: str | None
    _finding_pos: int

    # ------------------------------------------------------------------------------ cells

    def grid_for(self, cell_id: str) -> GridView | None:
        return self.grids.get(cell_id.split(".", 1)[0])

    def select_cell(self, cell_id: str, from_source: bool = False, others: list[str] | None = None) -> bool:
        """Show a cell in its table tab (with ``others`` of the same table selected too) and its
        place in the source. ``from_source``: the click came from the source view itself."""
        grid = self.grid_for(cell_id)
        if grid is None:
            return False
        self.tabs.setCurrentWidget(grid)
        same_table = [c for c in (others or []) if c.split(".", 1)[0] == grid.table and c != cell_id]
        ok = grid.select_cells([cell_id, *same_table])
        if from_source:
            grid.setFocus()  # the reviewer clicked a number in the source: typing now edits its cell
        self.source_pane.highlight_cell(cell_id, same_table)
        return ok

    def current_cell(self) -> str | None:
        grid = self.tabs.currentWidget()
        return grid.current_cell() if isinstance(grid, GridView) else None

    def _grid_cell_selected(self, cell_id: str) -> None:
        self.source_pane.highlight_cell(cell_id)

    def set_cell(self, cell_id: str, text: str) -> bool:
        """Type a value into a cell as the delegate would (through the model's setData)."""
        grid = self.grid_for(cell_id)
        if grid is None:
            return False
        return grid.grid_model.setData(grid.grid_model.index_of(cell_id), text)

    # --------------------------------------------------------------------------- findings

    def go_to_finding(self, finding: Finding) -> None:
        self._finding_key = finding.key
        if self.current is not None and self.current.session is not None:
            keys = [f.key for f in walk_findings(self.current)]
            if finding.key in keys:
                self._finding_pos = keys.index(finding.key)
        if finding.cells:
            self.select_cell(finding.cells[0], others=finding.cells[1:])
        anchor = finding.anchor
        if (
            anchor is None
            and not finding.cells
            and self.current is not None
            and self.current.session is not None
        ):
            anchor = place_of(finding, self.current.session.report.source, self.current.session.data)
        if anchor is not None:
            # a prose finding, or one about a table value (N01): the sentence is the place to look;
            # one about the report as a whole (its year, its body, a missing section): its title
            self.source_pane.highlight_anchor(anchor)
        self.findings.select_finding(finding)
        self.statusBar().showMessage(i18n.pick(finding.message, finding.message_en), 10000)

    def _step(self, delta: int) -> Finding | None:
        if self.current is None or self.current.session is None:
            return None
        walk = walk_findings(self.current)
        if not walk:
            self.statusBar().showMessage(self.tr("No findings to walk"), 5000)
            return None
        keys = [f.key for f in walk]
        if self._finding_key in keys:
            pos = keys.index(self._finding_key) + delta
        elif self._finding_pos >= 0:  # the current one was fixed: the next is now at its place
            pos = self._finding_pos if delta > 0 else self._finding_pos - 1
        else:
            pos = 0 if delta > 0 else len(walk) - 1
        finding = walk[pos % len(walk)]
        self.go_to_finding(finding)
        return finding

    def next_finding(self) -> Finding | None:
        return self._step(+1)

    def previous_finding(self) -> Finding | None:
        return self._step(-1)

    # ----------------------------------------------------------------------------- review

    def _grid_context(self, cell_id: str, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.act_note.text(), lambda: self.add_note(cell_id))
        session = self.current.session if self.current is not None else None
        if session is not None:
            cell = session.cell(cell_id)
            for value in (cell.candidates or []) if cell is not None else []:
                menu.addAction(
                    self.tr("Use candidate value {value}").format(value=value),
                    partial(self.pick_candidate, cell_id, str(value)),
                )
            cell_findings = self.current.findings_for(cell_id)  # cross-year ones too
            for f in cell_findings:
                if f.suggestion and f.suggestion.get("cell"):
                    menu.addAction(self.findings.suggestion_text(f), partial(self.apply_suggestion, f))
                    break
            for f in cell_findings:
                if f.severity == "warning" and not session.is_waived(f):
                    menu.addAction(
                        self.tr("Accept warning {rule}…").format(rule=f.rule), partial(self.waive_finding, f)
                    )
                elif f.severity == "error" and not session.is_settled(f) and not self.current.is_extra(f):
                    menu.addAction(
                        self.tr("Settle error {rule}…").format(rule=f.rule), partial(self.settle_finding, f)
                    )
        menu.exec(pos)
        menu.deleteLater()

    def pick_candidate(self, cell_id: str, value: str) -> None:
        """An ambiguous cell's candidate chosen by the reviewer: an ordinary, undoable edit."""
        doc = self.current
        if doc is None or doc.session is None:
            return
        doc.stack.push(EditCellCommand(doc, cell_id, value, reason="R06"))
        self.select_cell(cell_id)

    def apply_suggestion(self, finding: Finding | None) -> None:
        doc = self.current
        if finding is None or not finding.suggestion or doc is None or doc.session is None:
            return
        cell = finding.suggestion["cell"]
        # The reason is the finding in words (the memo and the corrections table show it), never a rule id.
        reason = finding.message or finding.message_en
        doc.stack.push(EditCellCommand(doc, cell, str(finding.suggestion["value"]), reason=reason))
        self.select_cell(cell)

    def waive_finding(self, finding: Finding | None) -> None:
        doc = self.current
        if finding is None or doc is None or doc.session is None:
            return
        if finding.severity == "error" and not doc.is_extra(finding):
            self.settle_finding(finding)  # an error is not accepted, it is settled with a reason
            return
        if finding.severity != "warning":
            self.statusBar().showMessage(
                self.tr("Only warnings can be accepted; errors must be fixed."), 8000
            )
            return
        reason = WaiverDialog.get_reason(finding, self)
        if not reason:
            return
        try:
            doc.stack.push(WaiveCommand(doc, finding, reason))
        except WaiverNotAllowed as exc:
            self.statusBar().showMessage(i18n.pick(exc.message_zh, exc.message_en), 8000)

    def settle_finding(self, finding: Finding | None) -> None:
        """Settle an error with a reason; "以正文为准" on one cell may also set the cell to the
        text's figure (one undo step for both)."""
        doc = self.current
        if finding is None or doc is None or doc.session is None or finding.severity != "error":
            return
        if doc.session.is_settled(finding):
            return
        decision = SettleDialog.get_decision(finding, self)
        if decision is None:
            return
        reason, edit_cell = decision
        if edit_cell:
            figure = prose_figure(finding)
            assert figure is not None
            # the table follows the text: the error goes away with the correction, whose reason
            # the corrections table and the memo carry
            doc.stack.push(EditCellCommand(doc, finding.cells[0], figure, reason=reason))
            return
        try:
            doc.stack.push(SettleCommand(doc, finding, reason))
        except WaiverNotAllowed as exc:
            self.statusBar().showMessage(i18n.pick(exc.message_zh, exc.message_en), 8000)

    def add_note(self, cell_id: str | None = None) -> None:
        doc = self.current
        cell_id = cell_id or self.current_cell()
        if doc is None or doc.session is None or not cell_id:
            self.statusBar().showMessage(self.tr("Select a cell first."), 5000)
            return
        text = NoteDialog.get_note(cell_label(cell_id, doc.session.data.format), self)
        if text:
            doc.stack.push(AddNoteCommand(doc, cell_id, text))

    def remove_annotation(self, record: Any) -> None:
        doc = self.current
        if doc is None:
            return
        if isinstance(record, Note):
            doc.stack.push(RemoveNoteCommand(doc, record))
        else:
            doc.stack.push(UnwaiveCommand(doc, record))
