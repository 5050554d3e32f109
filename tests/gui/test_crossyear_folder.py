"""Cross-year against last year's folder, in the window: the reviewer opens this year's report,
chooses the folder of last year's reports (or review bundles), and sees the broken carry-over as an
X01 error in the cross-year panel, in the league, and on the report's own grid and findings panel —
without last year's report being opened, until the reviewer asks for its cell."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from gov_review.core.review.bundle import save_bundle
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import ReviewSession
from gov_review.gui import settings
from gov_review.gui.models.findings import FindingRole
from gov_review.gui.models.league import COL_ERRORS
from gov_review.gui.models.report_list import COL_ERRORS as COL_LIST_ERRORS
from gov_review.gui.models.table_grid import StateRole
from gov_review.gui.states import CellState
from gov_review.gui.views.crossyear_panel import PairRole
from tests.conftest import DATA

CROSS = DATA / "crossyear"
Y2022 = CROSS / "qingshan_county_2022.txt"
Y2023 = CROSS / "qingshan_county_2023.txt"
CARRY = "t3.r_carry.c_total"


@pytest.fixture
def last_year(tmp_path):
    folder = tmp_path / "2022年报告"
    folder.mkdir()
    return folder


@pytest.fixture
def this_year(window, tmp_path):
    """This year's report, opened in the window from its own folder."""
    folder = tmp_path / "2023"
    folder.mkdir()
    shutil.copy(Y2023, folder)
    window.open_paths([str(folder / Y2023.name)])
    assert window.current is not None and window.current.ok
    return window.current


def choose(monkeypatch, folder):
    """The reviewer picks ``folder`` in the directory dialog (and notes where it started)."""
    asked = []

    def pick(_parent, _title, start="", *_a):
        asked.append(start)
        return str(folder)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", pick)
    return asked


def pairs(window):
    m = window.crossyear.model
    return [m.index(r, 0).data(PairRole) for r in range(m.rowCount())]


def tree_findings(window):
    """The findings listed in the current report's findings panel."""
    model = window.findings.model
    out, stack = [], [model.index(r, 0) for r in range(model.rowCount())]
    while stack:
        idx = stack.pop()
        f = idx.data(FindingRole)
        if f is not None:
            out.append(f)
        stack += [model.index(r, 0, idx) for r in range(model.rowCount(idx))]
    return out


def carry_cell(window):
    model = window.grids["t3"].grid_model
    index = model.index_of(CARRY)
    return CellState(index.data(StateRole)), index.data(Qt.ItemDataRole.ToolTipRole), index.data()


def league_errors(window, doc):
    model = window.league.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == doc.name)
    return int(model.index(row, COL_ERRORS).data())


def test_last_years_folder_shows_the_broken_carry_over_everywhere(window, this_year, last_year, monkeypatch):
    shutil.copy(Y2022, last_year)
    own_errors = this_year.counts()["error"]
    state, tip, _ = carry_cell(window)
    assert not state & CellState.ERROR  # this year's report balances on its own
    assert league_errors(window, this_year) == own_errors
    choose(monkeypatch, last_year)

    window.act_compare_previous.trigger()  # 审核 → 与上年度报告比对…
    assert window.act_compare_previous.text() == "与上年度报告比对…"
    assert window.act_compare_previous in window.menu_review.actions()
    assert not window.dock_crossyear.isHidden()

    [pair] = pairs(window)
    assert pair.method == "folder" and pair.cur is this_year
    assert pair.prev.path == str(last_year / Y2022.name) and pair.prev.year == 2022
    x01 = next(f for f in pair.findings if f.rule == "X01" and f.severity == "error")
    assert x01.cells == [CARRY] and x01.params["other"]["cells"] == ["t3.r_fwd.c_total"]
    panel = window.crossyear
    assert panel.model.index(0, 1).data() == "上年度文件夹"
    assert "读取 1 份，0 份无法读取" in panel.folder_info.text() and "配成 1 对" in panel.folder_info.text()
    assert panel.busy.isHidden() and panel.folder_button.isEnabled()
    # last year's report was read, not opened
    assert [d.path for d in window.list_model.docs] == [this_year.path]

    # the league and the report list count it with the report's own errors
    assert league_errors(window, this_year) == own_errors + 1
    row = window.list_model.row_of(this_year)
    assert window.list_model.index(row, COL_LIST_ERRORS).data() == str(own_errors + 1)
    # F8 walks to it like to any other finding
    walked = [window.next_finding() for _ in range(len(this_year.findings()))]
    assert any(f is not None and f.rule == "X01" and f.cells == [CARRY] for f in walked)

    # this year's grid marks the cell, its tooltip shows both years' numbers
    state, tip, shown = carry_cell(window)
    assert state & CellState.ERROR and shown == "3"
    assert "X01" in tip and "2023年二、上年结转 3 ≠ 2022年四、结转下年度 1，差 2" in tip
    assert Y2022.name in tip  # where last year's number is

    # …and the findings panel lists it, its banner counts it
    assert any(f.rule == "X01" and f.cells == [CARRY] for f in tree_findings(window))
    assert f"{own_errors + 1} 个错误" in window.findings.banner.text()
    assert "其中跨年度" in window.findings.banner.text()

    # the folder is remembered for next time
    assert settings.get(settings.PREVIOUS_DIR) == str(last_year)


def test_dialog_starts_in_the_remembered_folder(window, this_year, last_year, monkeypatch):
    settings.put(settings.PREVIOUS_DIR, str(last_year))
    asked = choose(monkeypatch, last_year)
    window.crossyear.choose_previous_folder()
    assert asked == [str(last_year)]


def test_correcting_this_years_carry_over_clears_the_cross_year_error(
    window, this_year, last_year, monkeypatch
):
    shutil.copy(Y2022, last_year)
    choose(monkeypatch, last_year)
    window.compare_with_previous_folder()
    assert "X01" in carry_cell(window)[1]
    league = window.league.model
    x01_col = league.column_of_rule("X01")
    assert league.index(0, x01_col).data() == "2"  # 总计 (error) and 自然人 (warning)
    # the reviewer takes last year's figure (the report's own balance then breaks: R01, not X01)
    assert window.set_cell(CARRY, "1")
    window.crossyear.recompute()  # the panel waits for a burst of edits to end
    _, tip, shown = carry_cell(window)
    assert shown == "1" and "X01" not in tip and "R01" in tip
    assert not any(f.rule == "X01" and f.cells == [CARRY] for f in tree_findings(window))
    assert league.index(0, x01_col).data() == "1"
    # undo brings it back
    this_year.stack.undo()
    window.crossyear.recompute()
    state, tip, _ = carry_cell(window)
    assert state & CellState.ERROR and "X01" in tip
    assert league.index(0, x01_col).data() == "2"


def test_show_last_years_cell_opens_that_file(window, this_year, last_year, monkeypatch):
    shutil.copy(Y2022, last_year)
    choose(monkeypatch, last_year)
    window.compare_with_previous_folder()
    [pair] = pairs(window)
    x01 = next(f for f in pair.findings if f.rule == "X01" and f.severity == "error")
    window.crossyear.show_finding(x01, other=True)
    assert window.current.path == str(last_year / Y2022.name)
    assert window.current_cell() == "t3.r_fwd.c_total"
    assert window.grids["t3"].grid_model.index_of("t3.r_fwd.c_total").data() == "1"
    # now open, last year's report is this year's partner as any opened pair, with the same X01
    window.crossyear.recompute()
    [pair] = pairs(window)
    assert pair.method == "auto" and pair.prev is window.current
    assert any(f.rule == "X01" and f.severity == "error" for f in pair.findings)


def test_a_damaged_file_in_last_years_folder_is_counted(window, this_year, last_year, monkeypatch):
    shutil.copy(Y2022, last_year)
    (last_year / "损坏的报告.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (last_year / "空白.txt").write_bytes(b"")
    choose(monkeypatch, last_year)
    window.compare_with_previous_folder()
    info = window.crossyear.folder_info
    assert "读取 1 份，2 份无法读取" in info.text()
    assert "损坏的报告.docx" in info.toolTip() and "空白.txt" in info.toolTip()
    [pair] = pairs(window)  # the good file still pairs
    assert pair.prev.path.endswith(Y2022.name)


def test_last_years_bundle_counts_with_the_reviewers_edit(window, this_year, last_year, monkeypatch):
    src = last_year / Y2022.name
    shutil.copy(Y2022, src)
    session = ReviewSession(analyse_file(src), reviewer="审核员")
    session.set_value("t3.r_fwd.c_total", "3", reason="与下年度报告核对")
    bundle = last_year / "青山县2022.grb"
    save_bundle(session, bundle, exports=False)
    src.unlink()  # only the bundle is left in last year's folder

    choose(monkeypatch, last_year)
    window.compare_with_previous_folder()
    assert "读取 1 份，0 份无法读取" in window.crossyear.folder_info.text()
    [pair] = pairs(window)
    assert pair.prev.path == str(bundle)
    # corrected to 3 in the bundle: 总计 agrees now; 自然人 (3 vs 1) is still a warning
    assert not [f for f in pair.findings if f.rule == "X01" and f.cells == [CARRY]]
    natural = next(f for f in pair.findings if f.cells == ["t3.r_carry.c_natural"])
    assert natural.severity == "warning"
    state, tip, _ = carry_cell(window)
    assert not state & (CellState.ERROR | CellState.WARNING) and "X01" not in tip
    model = window.grids["t3"].grid_model
    assert CellState(model.index_of("t3.r_carry.c_natural").data(StateRole)) & CellState.WARNING

    # last year's cell is the bundle's, with the reviewer's value
    window.crossyear.show_finding(natural, other=True)
    assert window.current.path == str(bundle)
    assert window.grids["t3"].grid_model.index_of("t3.r_fwd.c_total").data() == "3"


def test_a_cross_year_warning_can_be_accepted_and_leaves_the_league(
    window, this_year, last_year, monkeypatch
):
    from gov_review.gui.commands import WaiveCommand

    shutil.copy(Y2022, last_year)
    choose(monkeypatch, last_year)
    window.compare_with_previous_folder()
    natural = next(f for f in this_year.extra_findings if f.cells == ["t3.r_carry.c_natural"])
    assert natural.severity == "warning"
    league = window.league.model
    col = league.column_of_rule("X01")
    row = next(r for r in range(league.rowCount()) if league.index(r, 0).data() == this_year.name)
    assert league.index(row, col).data() == "2"
    this_year.stack.push(WaiveCommand(this_year, natural, "上年度报告自然人一栏填写有误"))
    window.crossyear.recompute()
    assert league.index(row, col).data() == "1"
    model = window.grids["t3"].grid_model
    assert CellState(model.index_of("t3.r_carry.c_natural").data(StateRole)) & CellState.WAIVED
    assert this_year.counts_with_extra()["waived"] == 1
