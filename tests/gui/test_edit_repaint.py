"""After an edit only what changed is repainted, and what is shown is still right: the marks and
tooltips of the affected cells follow the re-check, untouched cells keep theirs, and the findings
tree and banner read as if the report had just been opened."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from gov_review.core.formats.table_layout import DATA
from gov_review.gui.models.findings import FindingsModel
from gov_review.gui.models.table_grid import StateRole, TableGridModel

NAT = "t3.r_total.c_natural"
ROLES = (Qt.ItemDataRole.DisplayRole, StateRole, Qt.ItemDataRole.ToolTipRole)


def shown_cells(model: TableGridModel) -> dict[str, tuple]:
    return {
        it.cell_id: tuple(model.index(it.row, it.col).data(r) for r in ROLES)
        for it in model.layout.items
        if it.kind == DATA
    }


def fresh_grid(doc, table: str) -> dict[str, tuple]:
    model = TableGridModel(table)
    model.set_document(doc)
    return shown_cells(model)


def tree(model, parent=QModelIndex()) -> list:  # noqa: B008
    return [
        (
            model.index(r, 0, parent).data(),
            model.index(r, 1, parent).data(),
            model.index(r, 0, parent).data(Qt.ItemDataRole.ToolTipRole),
            tree(model, model.index(r, 0, parent)),
        )
        for r in range(model.rowCount(parent))
    ]


def test_an_edit_repaints_the_cells_whose_marks_change_and_only_those(seed002, qtbot):
    w = seed002
    grid = w.grids["t3"]
    w.tabs.setCurrentWidget(grid)
    model = grid.grid_model
    before = shown_cells(model)
    told: set[str] = set()

    def record(top, bottom, _roles=()):
        for r in range(top.row(), bottom.row() + 1):
            for c in range(top.column(), bottom.column() + 1):
                cid = model.layout.at.get((r, c))
                if cid is not None and cid.cell_id:
                    told.add(cid.cell_id)

    model.dataChanged.connect(record)
    assert w.set_cell(NAT, "4")
    after = shown_cells(model)
    # what every cell shows is what a grid built afresh on the re-checked report shows
    assert after == fresh_grid(w.current, "t3")
    changed = {cid for cid in after if after[cid] != before[cid]}
    assert NAT in changed and len(changed) > 1  # the edited cell and those of the sums it is in
    assert changed <= told  # every cell that looks different was repainted …
    assert told - changed == set()  # … and no other
    assert after[NAT][0] == "4"
    assert any("R01" in (after[c][2] or "") for c in changed)  # the new finding is in the tooltips
    untouched = set(after) - changed
    assert untouched and all(after[c] == before[c] for c in untouched)
    # undo brings every mark and tooltip back
    told.clear()
    w.undo_group.undo()
    assert shown_cells(model) == before
    assert changed <= told


def test_the_findings_tree_after_edits_reads_as_if_the_report_were_just_opened(seed002, qtbot):
    w = seed002
    for value in ("4", "0", "4"):
        assert w.set_cell(NAT, value)
        fresh = FindingsModel()
        fresh.set_document(w.current)
        assert tree(w.findings.model) == tree(fresh)
        counts = w.current.counts_with_extra()
        assert f"{counts['error']} 个错误" in w.findings.banner.text()


def test_a_cell_only_its_note_changed_is_repainted(seed002, qtbot):
    w = seed002
    model = w.grids["t3"].grid_model
    w.tabs.setCurrentWidget(w.grids["t3"])
    told = []
    model.dataChanged.connect(lambda a, b, *_: told.append((a.row(), a.column(), b.row(), b.column())))
    w.current.session.add_note("t3.r_new.c_total", "check against the register")
    w.current.notify()
    r, c = model.layout.where["t3.r_new.c_total"]
    assert told == [(r, c, r, c)]
    assert "check against the register" in model.index(r, c).data(Qt.ItemDataRole.ToolTipRole)


def test_a_hidden_table_catches_up_when_shown(seed002, qtbot):
    w = seed002
    w.tabs.setCurrentWidget(w.grids["t2"])  # 表三 hidden while its cell is edited
    assert w.set_cell(NAT, "4")
    w.tabs.setCurrentWidget(w.grids["t3"])
    assert shown_cells(w.grids["t3"].grid_model) == fresh_grid(w.current, "t3")
