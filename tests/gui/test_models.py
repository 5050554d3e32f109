"""Every Qt model under QAbstractItemModelTester, through loading, edits, undo, notes and waivers."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from gov_review.core.formats.table_layout import DATA, layout_for
from gov_review.core.formats.templates import get_template
from gov_review.gui.models.report_list import ReportFilterProxy, ReportListModel
from gov_review.gui.models.table_grid import KindRole, TableGridModel
from tests.gui.conftest import seeds


def _drive(window):
    """Changes that make the models emit every kind of signal they have."""
    window.set_cell("t3.r_total.c_natural", "4")
    window.set_cell("t3.r_total.c_natural", "x")  # refused
    window.current.session.add_note("t3.r_total.c_total", "note")  # direct, then a notify
    window.current.notify()
    window.undo_group.undo()
    window.undo_group.redo()


def test_report_list_and_proxy(qtmodeltester, window, monkeypatch):
    from gov_review.gui.dialogs import confirm

    monkeypatch.setattr(confirm, "ask_save", lambda *_a: confirm.DISCARD)
    qtmodeltester.check(window.list_model)
    qtmodeltester.check(window.proxy)
    window.open_paths(seeds())
    _drive(window)
    window.close_current()
    qtmodeltester.check(window.list_model)
    qtmodeltester.check(window.proxy)


@pytest.mark.parametrize("table", ["t2", "t3", "t4"])
def test_table_grid(qtmodeltester, window, table):
    model = window.grids[table].grid_model
    qtmodeltester.check(model)
    window.open_paths(seeds()[1:3])
    _drive(window)
    window.set_current(window.list_model.docs[0])
    qtmodeltester.check(model)


def test_findings_and_annotations(qtmodeltester, window):
    qtmodeltester.check(window.findings.model)
    qtmodeltester.check(window.annotations.model)
    window.open_paths(seeds()[:3])
    _drive(window)
    window.set_current(window.list_model.docs[0])
    qtmodeltester.check(window.findings.model)
    qtmodeltester.check(window.annotations.model)


def test_standalone_models(qtmodeltester):
    qtmodeltester.check(ReportListModel())
    proxy = ReportFilterProxy()
    proxy.setSourceModel(ReportListModel())
    qtmodeltester.check(proxy)
    qtmodeltester.check(TableGridModel("t3"))


@pytest.mark.parametrize("fmt", ["2019", "2021"])
def test_grids_hold_every_cell_of_the_format_once(fmt):
    placed = []
    for table in ("t2", "t3", "t4"):
        layout = layout_for(table, fmt)
        covered = {}
        for it in layout.items:
            for r in range(it.row, it.row + it.rowspan):
                for c in range(it.col, it.col + it.colspan):
                    assert (r, c) not in covered, f"{table} {fmt}: overlapping spans at {(r, c)}"
                    covered[(r, c)] = it
        assert len(covered) == layout.rows * layout.cols
        placed += [it.cell_id for it in layout.items if it.kind == DATA]
    assert sorted(placed) == sorted(get_template(fmt).cells)


def test_table3_header_is_merged_like_the_format(window):
    window.open_paths(seeds()[2:3])
    grid = window.grids["t3"]
    model = grid.grid_model
    assert model.index(0, 0).data().startswith("（本列数据的勾稽关系")
    assert (grid.rowSpan(0, 0), grid.columnSpan(0, 0)) == (3, 3)
    assert model.index(0, 3).data() == "申请人情况" and grid.columnSpan(0, 3) == 7
    assert model.index(1, 4).data() == "法人或其他组织" and grid.columnSpan(1, 4) == 5
    assert model.index(1, 3).data() == "自然人" and grid.rowSpan(1, 3) == 2
    # 三、本年度办理结果 spans every outcome row; （三）不予公开 spans its 8 items
    assert model.index(5, 0).data() == "三、本年度办理结果" and grid.rowSpan(5, 0) == 20
    assert model.index(7, 1).data() == "（三）不予公开" and grid.rowSpan(7, 1) == 8
    assert model.index(7, 3).data(KindRole) == DATA
    assert not model.index(0, 0).flags() & Qt.ItemFlag.ItemIsEditable
    assert model.index(7, 3).flags() & Qt.ItemFlag.ItemIsEditable


def test_pyqtgraph_is_not_imported_until_the_statistics_are_shown():
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM']='offscreen';"
        "from gov_review.gui.app import make_app; app = make_app('zh');"
        "from gov_review.gui.main_window import MainWindow; w = MainWindow();"
        "assert 'pyqtgraph' not in sys.modules, 'imported early';"
        "w.tabs.setCurrentIndex(3); assert 'pyqtgraph' in sys.modules; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "ok" in out.stdout
