"""The review window driven as a reviewer would: open, look, edit, undo, walk the findings."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import WaiverNotAllowed
from gov_review.gui import main_window
from gov_review.gui.dialogs import confirm
from gov_review.gui.dialogs.confirm import CANCEL, DISCARD
from gov_review.gui.dialogs.note import NoteDialog
from gov_review.gui.dialogs.settle import SettleDialog
from gov_review.gui.dialogs.waiver import WaiverDialog
from gov_review.gui.models.findings import FindingRole
from gov_review.gui.models.report_list import COL_ERRORS, COL_NAME, COL_STATUS, COL_WARNINGS
from gov_review.gui.models.table_grid import CellIdRole, StateRole
from gov_review.gui.states import CellState
from tests.gui.conftest import seeds

NAT, TOT = "t3.r_total.c_natural", "t3.r_total.c_total"


def shown(window, cell_id):
    grid = window.grid_for(cell_id)
    return grid.grid_model.index_of(cell_id).data()


def state(window, cell_id) -> CellState:
    grid = window.grid_for(cell_id)
    return CellState(grid.grid_model.index_of(cell_id).data(StateRole))


def rules_on(window, cell_id, severity="error"):
    s = window.current.session
    return sorted(f.rule for f in s.findings_for(cell_id) if f.severity == severity and f.cells[0] == cell_id)


def test_list_shows_the_counts_of_the_five_seeds(window):
    window.open_paths(seeds())
    proxy = window.proxy
    assert proxy.rowCount() == 5
    for row in range(5):
        name = proxy.index(row, COL_NAME).data()
        expected = analyse_file(next(p for p in seeds() if p.endswith(name.rstrip(" *")))).counts()
        assert proxy.index(row, COL_ERRORS).data() == str(expected["error"])
        assert proxy.index(row, COL_WARNINGS).data() == str(expected["warning"])
    # seed 002 has 7 errors, seed 003 none
    by_name = {proxy.index(r, COL_NAME).data(): r for r in range(5)}
    assert proxy.index(by_name["seed_002.txt"], COL_ERRORS).data() == "7"
    assert proxy.index(by_name["seed_003.txt"], COL_ERRORS).data() == "0"


def test_a_bad_file_shows_its_reason_and_does_not_block_the_others(window, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    window.open_paths([str(empty), seeds()[2]])
    assert window.list_model.rowCount() == 2
    bad = window.list_model.docs[0]
    assert not bad.ok
    assert "空" in window.list_model.index(0, COL_STATUS).data()
    assert window.current is window.list_model.docs[1]  # the readable one opened


def test_sort_and_filter_the_list(window):
    window.open_paths(seeds())
    window.list_view.sortByColumn(COL_ERRORS, Qt.SortOrder.DescendingOrder)
    assert window.proxy.index(0, COL_NAME).data() == "seed_002.txt"
    window.filter_edit.setText("004")
    assert window.proxy.rowCount() == 1
    assert window.proxy.index(0, COL_NAME).data() == "seed_004.txt"


def test_seed002_errors_are_pinned_on_the_totals_and_explained(seed002):
    w = seed002
    for cid in (NAT, TOT):
        assert rules_on(w, cid) == ["R01", "R03"]
        assert state(w, cid) & CellState.ERROR
        tip = w.grid_for(cid).grid_model.index_of(cid).data(Qt.ItemDataRole.ToolTipRole)
        assert "一 4 + 二 0 ≠ （七）0 + 四 0，差 4" in tip
        assert "改为 4" in tip
    assert not state(w, "t3.r_open.c_natural") & (CellState.ERROR | CellState.WARNING)


def test_typing_4_clears_the_totals_and_undo_redo_bring_them_back(seed002):
    w = seed002
    assert w.set_cell(NAT, "4") and w.set_cell(TOT, "4")
    assert shown(w, NAT) == "4" and shown(w, TOT) == "4"
    assert rules_on(w, NAT) == [] and rules_on(w, TOT) == []
    assert state(w, NAT) & CellState.EDITED and not state(w, NAT) & CellState.ERROR
    assert w.isWindowModified()
    assert w.list_model.index(0, COL_NAME).data().endswith("*")
    assert w.list_model.index(0, COL_ERRORS).data() == "3"

    w.undo_group.undo()
    w.undo_group.undo()
    assert shown(w, NAT) == "0" and shown(w, TOT) == "0"
    assert rules_on(w, NAT) == ["R01", "R03"] and rules_on(w, TOT) == ["R01", "R03"]
    assert not w.isWindowModified()
    assert w.list_model.index(0, COL_ERRORS).data() == "7"

    w.undo_group.redo()
    w.undo_group.redo()
    assert shown(w, NAT) == "4" and rules_on(w, NAT) == [] and rules_on(w, TOT) == []


def test_typing_in_one_cell_twice_is_one_undo_step(seed002):
    w = seed002
    w.set_cell(NAT, "3")
    w.set_cell(NAT, "4")
    assert w.current.stack.count() == 1
    w.undo_group.undo()
    assert shown(w, NAT) == "0"


def test_invalid_input_is_refused_with_the_core_sentence(seed002):
    w = seed002
    assert not w.set_cell(NAT, "四")
    assert w.grids["t3"].last_rejection == "此栏只能填写整数，如 4。"
    assert not w.set_cell(NAT, "-1")
    assert "负数" in w.grids["t3"].last_rejection
    assert shown(w, NAT) == "0" and w.current.stack.count() == 0
    # money takes decimals
    assert w.set_cell("t2.a9.r_procure.c_amount", "12.5")
    assert w.current.session.data.value("t2.a9.r_procure.c_amount") == Decimal("12.5")


def test_the_delegate_edits_through_the_model(seed002, qtbot):
    w = seed002
    grid = w.grids["t3"]
    index = grid.grid_model.index_of(NAT)
    w.tabs.setCurrentWidget(grid)
    grid.setCurrentIndex(index)
    grid.edit(index)
    editor = grid.indexWidget(index) or grid.focusWidget()
    editor.setText("4")
    grid.itemDelegate().setModelData(editor, grid.grid_model, index)
    assert shown(w, NAT) == "4"


EXPECTED_WALK = ["N01", "R06", "R06", "R01", "R03", "R01", "R03", "R08", "D05", "S03"]


def test_f8_walks_every_finding_and_highlights_the_source(seed002, qtbot):
    w = seed002
    session = w.current.session
    walk = main_window.walk_findings(w.current)
    assert [f.rule for f in walk] == EXPECTED_WALK
    w.activateWindow()
    title = next(b for b in session.report.source.blocks if getattr(b, "text", "").strip())
    for f in walk:
        qtbot.keyClick(w, Qt.Key.Key_F8)
        if not f.cells:  # about the whole report (its odd characters, its body): shown at the title
            assert w.findings.current_finding().key == f.key
            assert w.source.highlighted == title.anchor
            continue
        grid = w.grid_for(f.cells[0])
        assert w.tabs.currentWidget() is grid
        assert grid.current_cell() == f.cells[0]
        assert w.findings.current_finding().key == f.key
        cell = session.cell(f.cells[0])
        if f.anchor is not None:  # N01: the sentence in the prose
            assert w.source.highlighted == f.anchor
            assert "16条" in w.source.highlighted_text()
        elif cell is not None and cell.anchor is not None:
            assert w.source.highlighted == cell.anchor
            assert w.source.highlighted_text() == cell.raw.strip()
        else:  # R06: the row is missing from the report, nothing to show
            assert w.source.highlighted is None
    qtbot.keyClick(w, Qt.Key.Key_F8)  # wraps round
    assert w.findings.current_finding().rule == "N01"
    qtbot.keyClick(w, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert w.findings.current_finding().rule == "S03"


def test_selecting_a_grid_cell_highlights_its_source_and_a_click_there_selects_it_back(seed002, qtbot):
    w = seed002
    w.select_cell(TOT)
    cell = w.current.session.cell(TOT)
    assert w.source.highlighted == cell.anchor and w.source.highlighted_text() == "0"
    w.select_cell("t3.r_new.c_natural")
    # now click the （七）总计·总计 number in the rendered source
    pos = w.source.position_of(TOT)
    w.source._scroll_to(pos)
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(w.source.text.document())
    cursor.setPosition(pos)
    point = w.source.text.cursorRect(cursor).center()
    qtbot.mouseClick(w.source.text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert w.grids["t3"].current_cell() == TOT


def test_clicking_a_finding_selects_its_cells(seed002, qtbot):
    w = seed002
    f = next(f for f in w.current.session.findings if f.rule == "R03" and f.cells[0] == TOT)
    index = w.findings.model.index_of(f)
    w.findings.tree.scrollTo(index)
    rect = w.findings.tree.visualRect(index)
    qtbot.mouseClick(w.findings.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    grid = w.grids["t3"]
    assert grid.current_cell() == TOT
    selected = {i.data(CellIdRole) for i in grid.selectedIndexes()}
    assert "t3.r_other.c_total" in selected and "t3.r_unable_make.c_total" in selected


def test_the_fix_suggestion_proposes_4_and_applies_as_an_undoable_edit(seed002, qtbot):
    w = seed002
    while w.findings.current_finding() is None or w.findings.current_finding().rule != "R01":
        w.next_finding()
    assert w.findings.fix_button.isVisible()
    assert w.findings.fix_button.text() == "修正：将 （七）总计·自然人 改为 4"
    qtbot.mouseClick(w.findings.fix_button, Qt.MouseButton.LeftButton)
    assert shown(w, NAT) == "4" and rules_on(w, NAT) == []
    w.undo_group.undo()
    assert shown(w, NAT) == "0" and rules_on(w, NAT) == ["R01", "R03"]


PROCURE = "t2.a9.r_procure.c_amount"


def _r08(w):
    return next(f for f in w.current.session.findings if f.rule == "R08")


def test_a_waiver_needs_a_reason(seed002, monkeypatch):
    w = seed002
    dlg = WaiverDialog(_r08(w))
    from PySide6.QtWidgets import QDialogButtonBox

    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dlg.reason_edit.setPlainText("   ")
    assert not ok.isEnabled()
    dlg.reason_edit.setPlainText("金额单位已核实")
    assert ok.isEnabled()
    dlg.deleteLater()

    monkeypatch.setattr(WaiverDialog, "exec", lambda self: QDialog.DialogCode.Accepted)  # no reason typed
    w.waive_finding(_r08(w))
    assert not w.current.session.waivers and w.current.stack.count() == 0


def test_waive_a_warning_then_undo_and_redo(seed002, monkeypatch):
    w = seed002

    def accept_with_reason(self):
        self.reason_edit.setPlainText("单位“元”已在正文说明")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(WaiverDialog, "exec", accept_with_reason)
    w.waive_finding(_r08(w))
    assert state(w, PROCURE) & CellState.WAIVED and not state(w, PROCURE) & CellState.WARNING
    assert w.current.session.counts()["warning"] == 0
    assert "已接受 1 项" in w.findings.banner.text()
    assert w.annotations.model.rowCount() == 1
    assert w.annotations.model.index(0, 2).data() == "单位“元”已在正文说明"
    w.undo_group.undo()
    assert state(w, PROCURE) & CellState.WARNING and w.annotations.model.rowCount() == 0
    w.undo_group.redo()
    assert state(w, PROCURE) & CellState.WAIVED


def test_errors_cannot_be_waived(seed002, monkeypatch):
    w = seed002
    err = next(f for f in w.current.session.findings if f.severity == "error")
    asked = []
    monkeypatch.setattr(SettleDialog, "exec", lambda self: asked.append(self) or QDialog.DialogCode.Rejected)
    w.waive_finding(err)  # an error is settled with a reason (its own dialog), never accepted
    assert len(asked) == 1 and not w.current.session.waivers and not w.current.session.settlements
    with pytest.raises(WaiverNotAllowed):
        w.current.session.waive(err, "理由")


def test_a_note_survives_undo_and_redo(seed002, monkeypatch):
    w = seed002

    def write(self):
        self.text_edit.setPlainText("已电话核实：总计应为 4")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NoteDialog, "exec", write)
    w.add_note(TOT)
    assert state(w, TOT) & CellState.NOTE
    w.set_cell("t3.r_new.c_natural", "5")
    w.undo_group.undo()  # the edit
    assert state(w, TOT) & CellState.NOTE
    w.undo_group.undo()  # the note
    assert not state(w, TOT) & CellState.NOTE
    w.undo_group.redo()
    notes = w.current.session.notes_for(TOT)
    assert [n.text for n in notes] == ["已电话核实：总计应为 4"]
    assert notes[0].reviewer == w.reviewer and notes[0].time
    tip = w.grid_for(TOT).grid_model.index_of(TOT).data(Qt.ItemDataRole.ToolTipRole)
    assert "已电话核实" in tip


def test_closing_unsaved_work_asks_first(seed002, monkeypatch):
    w = seed002
    w.set_cell(NAT, "4")
    monkeypatch.setattr(confirm, "ask_save", lambda *_a: CANCEL)
    w.close_current()
    assert w.list_model.rowCount() == 1
    monkeypatch.setattr(confirm, "ask_save", lambda *_a: DISCARD)
    w.close_current()
    assert w.list_model.rowCount() == 0 and w.current is None


def test_each_report_keeps_its_own_undo_stack(window):
    window.open_paths(seeds()[2:4])
    a, b = window.list_model.docs
    window.set_cell(NAT, "4")
    window.set_current(b)
    assert not window.isWindowModified() and not window.act_undo.isEnabled()
    window.set_current(a)
    assert window.isWindowModified() and window.act_undo.isEnabled()


def test_language_switch(seed002):
    w = seed002
    assert w.tabs.tabText(1) == "表三"
    assert w.menu_file.title() == "文件(&F)"
    w.set_language("en")
    assert w.tabs.tabText(1) == "Table 3"
    assert w.findings.banner.text() == "✖ Errors: 7 · warnings: 1"
    assert w.grids["t3"].grid_model.index(3, 0).data() == "I. New applications this year"
    # no English word of a column header is cut: each data column is as wide as its longest word
    grid = w.grids["t3"]
    metrics = grid.fontMetrics()
    headers = [
        it for it in grid.grid_model.layout.items if it.kind == "header" and it.colspan == 1 and it.col >= 3
    ]
    assert len({it.col for it in headers}) == 7  # the seven applicant columns
    for it in headers:
        words = str(grid.grid_model.index(it.row, it.col).data()).split()
        assert grid.columnWidth(it.col) >= max(metrics.horizontalAdvance(x) for x in words), words
    w.set_language("zh")
    assert w.tabs.tabText(1) == "表三"


def test_statistics_draw_on_first_show(seed002):
    from gov_review.gui.views.charts import outcome_totals

    w = seed002
    assert w.stats is None
    w.tabs.setCurrentIndex(3)
    assert w.stats is not None
    assert outcome_totals(w.current) == [0, 0, 0, 3, 0, 1]


def test_layout_is_remembered(window, qtbot):
    window.main_split.setSizes([200, 500, 900])
    window.save_layout()
    from gov_review.gui.workers import SyncPool

    again = main_window.MainWindow(pool=SyncPool())
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    # offscreen cannot give the window its old size back; the splitter state is what we keep
    assert again.main_split.saveState() == window.main_split.saveState()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screenshot_mode_writes_a_png(tmp_path, lang, qapp):
    from gov_review.gui.app import run

    out = tmp_path / "shot.png"
    assert run([seeds()[2]], screenshot=str(out), lang=lang) == 0
    assert out.stat().st_size > 10_000


def test_the_findings_tree_follows_edits_without_a_reset(seed002):
    w = seed002
    model, resets = w.findings.model, []
    model.modelReset.connect(lambda: resets.append(1))

    def rules():
        errors = model.index(0, 0)
        return {model.index(r, 0, errors).data().split(" ")[0] for r in range(model.rowCount(errors))}

    assert {"R01", "R03"} <= rules()
    w.set_cell(NAT, "4")
    w.set_cell(TOT, "4")
    assert not resets
    assert "R01" not in rules() and "R03" not in rules()
    assert w.findings.banner.text().startswith("✖ 3 个错误")
    w.undo_group.undo()
    w.undo_group.undo()
    assert {"R01", "R03"} <= rules() and w.findings.banner.text().startswith("✖ 7 个错误")
    r01 = next(f for f in w.current.session.findings if f.rule == "R01")
    assert w.findings.tree.isExpanded(model.index_of(r01).parent())  # a finding that came back is shown
    assert model.index_of(r01).data(FindingRole) is r01


def test_a_hidden_table_catches_up_when_its_tab_is_shown(seed002):
    """Only the table in view works out what to repaint on an edit; another tab catches up when shown."""
    w = seed002
    w.tabs.setCurrentWidget(w.grids["t3"])
    t4 = w.grids["t4"].grid_model
    cell = "t4.review.c_upheld"
    changed = []
    t4.dataChanged.connect(lambda a, b: changed.append((a.row(), a.column(), b.row(), b.column())))
    w.current.session.set_value(cell, "9", "test")  # an edit made elsewhere (e.g. undo) while t3 shows
    w.current.notify()
    assert not changed and w.tabs.currentWidget() is w.grids["t3"]
    w.tabs.setCurrentWidget(w.grids["t4"])
    index = t4.index_of(cell)
    assert (index.row(), index.column(), index.row(), index.column()) in changed
    assert index.data() == "9"
