"""English 表三 is wider than the grid pane: its row labels stay in view while the reviewer works in
the Total column (the frozen label columns), and keys, editing, F8 and the source link still work."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from gov_review.gui import main_window
from gov_review.gui.models.table_grid import CellIdRole

SECRET_TOTAL = "t3.r_deny_secret.c_total"  # （三）1. 属于国家秘密 · 总计


@pytest.fixture
def english(seed002):
    w = seed002
    w.set_language("en")
    yield w
    w.set_language("zh")


def row_label_beside(grid, cell_id: str) -> str:
    """The innermost row label the reviewer sees at the height of ``cell_id``: what the frozen
    labels show there, read where the labels are drawn (left of the data)."""
    rect = grid.visualRect(grid.grid_model.index_of(cell_id))
    frozen = grid.frozen
    assert frozen.isVisible()
    x = frozen.width_needed() - 20  # inside the last label column
    point = frozen.viewport().mapFromGlobal(grid.viewport().mapToGlobal(QPoint(0, rect.center().y())))
    return frozen.indexAt(QPoint(x, point.y())).data()


def under_the_labels(grid, cell_id: str) -> bool:
    rect = grid.visualRect(grid.grid_model.index_of(cell_id))
    return rect.left() < grid.frozen_width() - 1 or rect.right() > grid.viewport().width()


def test_english_table3_is_wider_than_its_pane(english):
    grid = english.grids["t3"]
    english.select_cell(SECRET_TOTAL)
    assert grid.horizontalScrollBar().maximum() > 0
    assert grid.horizontalScrollBar().value() > 0  # the Total column needed a horizontal scroll


def test_selecting_a_total_cell_keeps_its_row_label_in_view(english, qtbot):
    w = english
    grid = w.grids["t3"]
    w.select_cell(SECRET_TOTAL)
    qtbot.wait(10)
    assert grid.current_cell() == SECRET_TOTAL
    assert not under_the_labels(grid, SECRET_TOTAL)
    # the grid's own label column has scrolled (partly out of the pane) to the left …
    row, _col = grid.grid_model.layout.where[SECRET_TOTAL]
    own_label = grid.grid_model.index(row, 2)
    scrolled = grid.horizontalScrollBar().value()
    assert scrolled > 0
    assert grid.visualRect(own_label).left() == grid.columnWidth(0) + grid.columnWidth(1) - scrolled
    # … and the frozen labels show that row's label where the reviewer looks for it
    expected = grid.grid_model.layout.at[(row, 2)].en
    assert row_label_beside(grid, SECRET_TOTAL) == expected
    assert "state secret" in expected


def test_labels_follow_vertical_scrolling(english, qtbot):
    grid = english.grids["t3"]
    english.select_cell(SECRET_TOTAL)
    last_row_cell = "t3.r_carry_next.c_total"
    if last_row_cell not in grid.grid_model.layout.where:  # the format's last row, whatever its id
        last_row_cell = max(grid.grid_model.layout.where.items(), key=lambda kv: kv[1])[0]
    grid.select_cells([last_row_cell])
    qtbot.wait(10)
    assert grid.verticalScrollBar().value() > 0
    assert grid.frozen.verticalScrollBar().value() == grid.verticalScrollBar().value()
    row, _ = grid.grid_model.layout.where[last_row_cell]
    label = grid.grid_model.layout.at.get((row, 0)) or grid.grid_model.layout.at.get((row, 2))
    assert row_label_beside(grid, last_row_cell) in {label.en, grid.grid_model.layout.at[(row, 0)].en}


def test_arrow_keys_walk_left_without_hiding_the_cell_under_the_labels(english, qtbot):
    w = english
    grid = w.grids["t3"]
    w.select_cell(SECRET_TOTAL)
    grid.setFocus()
    seen = [grid.current_cell()]
    for _ in range(6):  # Total → … → Natural persons
        qtbot.keyClick(grid, Qt.Key.Key_Left)
        seen.append(grid.current_cell())
        assert not under_the_labels(grid, seen[-1]), seen[-1]
    assert seen[-1] == "t3.r_deny_secret.c_natural"
    assert len(set(seen)) == 7
    qtbot.keyClick(grid, Qt.Key.Key_End)  # and back to the far right
    assert grid.current_cell().endswith(".c_total")
    assert not under_the_labels(grid, grid.current_cell())


def test_typing_edits_the_total_cell_with_the_labels_frozen(english, qtbot):
    w = english
    grid = w.grids["t3"]
    w.select_cell(SECRET_TOTAL)
    before = w.current.stack.count()
    qtbot.keyClick(grid, Qt.Key.Key_F2)  # the edit key opens the editor on the current cell
    editor = grid.indexWidget(grid.currentIndex()) or grid.focusWidget()
    assert editor is not None and editor is not grid
    assert editor.geometry().left() >= grid.frozen_width() - 1  # not under the labels
    editor.selectAll()
    qtbot.keyClicks(editor, "7")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the loop
    qtbot.waitUntil(lambda: grid.grid_model.index_of(SECRET_TOTAL).data() == "7", timeout=2000)
    assert w.current.stack.count() == before + 1
    assert (
        row_label_beside(grid, SECRET_TOTAL)
        == grid.grid_model.layout.at[(grid.grid_model.layout.where[SECRET_TOTAL][0], 2)].en
    )


def test_the_frozen_labels_share_the_grids_model_and_selection(english, qtbot):
    w = english
    grid = w.grids["t3"]
    frozen = grid.frozen
    assert frozen.model() is grid.model()
    assert frozen.selectionModel() is grid.selectionModel()
    assert frozen.focusPolicy() == Qt.FocusPolicy.NoFocus  # keys stay with the grid
    # a click on a number in the source selects its cell: the frozen labels show its row
    w.select_cell(SECRET_TOTAL, from_source=True)
    assert frozen.currentIndex().data(CellIdRole) == SECRET_TOTAL
    assert w.source.highlighted == w.current.session.cell(SECRET_TOTAL).anchor
    # a click on a label in the frozen part makes no cell current and does not scroll the data
    keep = grid.horizontalScrollBar().value()
    rect = frozen.visualRect(frozen.model().index(grid.grid_model.layout.where[SECRET_TOTAL][0], 2))
    qtbot.mouseClick(frozen.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert grid.current_cell() is None
    assert grid.horizontalScrollBar().value() == keep


def test_f8_shows_every_table3_finding_beside_its_row_label(english, qtbot):
    w = english
    w.activateWindow()
    for f in main_window.walk_findings(w.current):
        qtbot.keyClick(w, Qt.Key.Key_F8)
        if not f.cells:  # a heading, a sentence, the title: shown in the source, no grid cell
            continue
        grid = w.grid_for(f.cells[0])
        assert grid.current_cell() == f.cells[0]
        if grid.table == "t3":
            assert not under_the_labels(grid, f.cells[0]), f.key


def test_table2_captions_span_the_table_and_are_not_frozen(english):
    # 表二's item captions run across every column: a frozen copy would cut them at the labels
    assert english.grids["t2"].frozen.isHidden()
    assert english.grids["t4"].frozen.isHidden()  # 表四 has no row labels
