"""Inferred and ambiguous cells are marked in the grid (badge, not colour alone) with the reason in the
tooltip, and an ambiguous cell's candidates can be picked as an undoable edit (issue 14)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gov_review.gui.models.table_grid import StateRole
from gov_review.gui.states import CellState
from tests.conftest import DATA

AMBIGUOUS = "t3.r_open.c_natural"  # runtogether_2020.txt: 270020130 splits as 2 7 … or 27 0 …


def _index(window, cell_id):
    grid = window.grids["t3"] if hasattr(window, "grids") else None
    model = grid.model() if grid is not None else None
    if model is None:
        from gov_review.gui.models.table_grid import TableGridModel

        model = TableGridModel("t3")
        model.set_document(window.current)
    item = next(it for it in model.layout.items if it.cell_id == cell_id)
    return model.index(item.row, item.col)


def test_inferred_and_ambiguous_cells_are_marked_with_their_reason(window):
    window.open_paths([str(DATA / "text" / "runtogether_2020.txt")])
    amb = _index(window, AMBIGUOUS)
    assert CellState(amb.data(StateRole)) & CellState.AMBIGUOUS
    tip = amb.data(Qt.ItemDataRole.ToolTipRole)
    assert "2、27" in tip or "2, 27" in tip
    # not the row's run of digits (270020130), which would read as the cell's number
    assert amb.data(Qt.ItemDataRole.DisplayRole) == ""
    split = _index(window, "t3.r_new.c_total")
    assert CellState(split.data(StateRole)) & CellState.INFERRED
    assert not CellState(split.data(StateRole)) & CellState.AMBIGUOUS
    assert "拆" in split.data(Qt.ItemDataRole.ToolTipRole) or "split" in split.data(
        Qt.ItemDataRole.ToolTipRole
    )


def test_a_seed_read_exactly_has_no_uncertain_mark(seed002):
    idx = _index(seed002, "t3.r_new.c_total")
    assert not CellState(idx.data(StateRole)) & (CellState.INFERRED | CellState.AMBIGUOUS)


def test_inferred_and_ambiguous_badges_look_different(window):
    """The two marks differ in their glyph, not only in their tint."""
    from gov_review.gui.states import state_icon

    def pixels(state):
        return state_icon(int(state)).pixmap(28, 14).toImage()

    inferred, ambiguous = pixels(CellState.INFERRED), pixels(CellState.AMBIGUOUS)
    assert not inferred.isNull() and not ambiguous.isNull()
    assert inferred != ambiguous


def test_picking_a_candidate_is_an_undoable_edit(window):
    window.open_paths([str(DATA / "text" / "runtogether_2020.txt")])
    doc = window.current
    assert doc.session.cell(AMBIGUOUS).value is None
    window.pick_candidate(AMBIGUOUS, "27")
    assert doc.session.cell(AMBIGUOUS).value == 27
    doc.stack.undo()
    assert doc.session.cell(AMBIGUOUS).value is None
    doc.stack.redo()
    assert doc.session.cell(AMBIGUOUS).value == 27
