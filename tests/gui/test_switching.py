"""Switching reports shows the same thing as before, without measuring and building it again.

The source view keeps each open report's rendered document (a click in it, F8 and the highlight
still land on the right text) and releases it when the report closes; the grid's row heights are
those a fresh measurement gives, also for a report whose value is too wide for its column.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QEvent

from tests.conftest import DATA
from tests.gui.conftest import seeds


def _settle(qapp) -> None:
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qapp.processEvents()
        gc.collect()


def _docs(w):
    return [d for d in w.list_model.docs if d.ok]


def test_switching_back_shows_the_kept_document_and_highlights_the_right_text(window, qapp):
    w = window
    w.open_paths([seeds()[2], seeds()[3]])
    a, b = _docs(w)[:2]
    w.set_current(a)
    _settle(qapp)  # a report shown the first time is built and laid out in the next two turns
    shown_a = w.source.text.document()
    text_a = shown_a.toPlainText()
    assert text_a.startswith(a.report.source.paragraphs[0].text.strip())
    w.set_current(b)
    qapp.processEvents()
    assert w.source.text.document() is not shown_a
    w.set_current(a)
    assert w.source.text.document() is shown_a  # kept, not built again
    assert w.source.text.document().toPlainText() == text_a
    # a cell of the report shown is highlighted in its own document, on its own text
    cell_id = next(cid for cid, c in a.session.data.cells.items() if c.anchor is not None and c.raw)
    assert w.source.highlight_cell(cell_id)
    assert w.source.highlighted_text().strip() == a.session.cell(cell_id).raw.strip()
    for sel in w.source.text.extraSelections():
        assert sel.cursor.document() is shown_a
    # switching away drops the highlight from the kept document
    w.set_current(b)
    assert w.source.highlighted is None and w.source.text.extraSelections() == []


def test_closing_a_report_releases_its_kept_document(window, qapp):
    w = window
    w.open_paths([seeds()[0], seeds()[2], seeds()[3]])
    docs = _docs(w)
    for d in docs:
        w.set_current(d)
        qapp.processEvents()
    assert w.source.kept_documents() == 3
    w.set_current(docs[0])
    w.close_document(docs[1])
    _settle(qapp)
    assert w.source.kept_documents() == 2
    # the one on screen closes: the next report is shown, and only the open reports stay kept
    w.close_document(w.current)
    _settle(qapp)
    assert w.current is docs[2]
    assert w.source.kept_documents() == 1
    first = docs[2].report.source.paragraphs[0].text.strip()
    assert w.source.text.document().toPlainText().startswith(first)


def test_row_heights_after_switching_are_those_measured_afresh(window, qapp):
    from gov_review.gui.views import grid_view

    w = window
    w.open_paths([seeds()[2], seeds()[4]])
    a, b = _docs(w)[:2]
    grid = w.grids["t3"]
    w.tabs.setCurrentWidget(grid)
    w.set_current(a)
    w.set_current(b)
    kept = [grid.rowHeight(r) for r in range(grid.model().rowCount())]
    grid_view._ROW_HEIGHTS.clear()  # measure b's rows from scratch
    grid.set_document(None)
    grid.set_document(b)
    fresh = [grid.rowHeight(r) for r in range(grid.model().rowCount())]
    assert kept == fresh and min(fresh) >= grid_view.MIN_ROW_HEIGHT


def test_a_value_too_wide_for_its_column_gets_a_taller_row(window, qapp):
    w = window
    w.open_paths([seeds()[2]])
    doc = _docs(w)[0]
    grid = w.grids["t3"]
    w.tabs.setCurrentWidget(grid)
    w.set_current(doc)
    cell_id = "t3.r_total.c_natural"
    row = grid.grid_model.index_of(cell_id).row()
    before = grid.rowHeight(row)
    doc.session.cell(cell_id).raw = "4（其中依申请公开答复逾期补正后办结的另计）"
    grid.set_document(None)
    grid.set_document(doc)
    assert grid.rowHeight(row) > before


def test_a_report_shown_the_first_time_is_laid_out_in_the_next_turns_or_at_once_when_needed(window, qapp):
    """Building and laying out a report's source are the longest part of showing it: they wait for
    the next two turns of the event loop (the grids are drawn first), unless something needs them
    before then."""
    w = window
    w.open_paths([seeds()[2], seeds()[3], seeds()[4]])
    _settle(qapp)
    a, b, c = _docs(w)[:3]
    assert w.current is a and w.source.rendered()
    w.set_current(b)
    assert not w.source.rendered() and w.source.text.document().isEmpty()
    assert w.source.places == {} and w.source.cell_at(5) is None  # nothing of the report before
    qapp.processEvents()  # the turn that builds its document
    assert not w.source.rendered() and w.source.text.document().isEmpty()
    qapp.processEvents()  # the turn that lays it out on screen
    assert w.source.rendered()
    assert w.source.text.document().toPlainText().startswith(b.report.source.paragraphs[0].text.strip())
    # not laid out yet, and a cell is asked for: it is laid out at once, the cell highlighted
    w.set_current(c)
    assert not w.source.rendered()
    cell_id = next(cid for cid, cell in c.session.data.cells.items() if cell.anchor is not None and cell.raw)
    assert w.source.highlight_cell(cell_id)
    assert w.source.rendered()
    assert w.source.highlighted_text().strip() == c.session.cell(cell_id).raw.strip()
    # a report closed before its turn came: nothing is laid out for it, the next one is shown
    w.open_paths([seeds()[0]])
    d = _docs(w)[-1]
    w.set_current(d)
    assert not w.source.rendered()
    w.close_document(d)
    _settle(qapp)
    assert w.current is not d and w.source.doc is w.current and w.source.rendered()
    assert w.source.kept_documents() == 3  # a, b and c: none for the closed report
    assert (
        w.source.text.document().toPlainText().startswith(w.current.report.source.paragraphs[0].text.strip())
    )


def test_a_kept_report_comes_back_in_its_own_view_at_the_panes_new_width(window, qapp):
    """Each kept report has a view of its own: switching back neither builds nor lays it out again,
    keeps where the reviewer had scrolled to, and a pane resized meanwhile is honoured."""
    w = window
    w.resize(1400, 900)
    w.show()
    w.open_paths([seeds()[2], seeds()[3]])
    qapp.processEvents()
    a, b = _docs(w)[:2]
    w.set_current(a)
    qapp.processEvents()
    view_a = w.source.text
    view_a.verticalScrollBar().setValue(view_a.verticalScrollBar().maximum() // 2)
    where = view_a.verticalScrollBar().value()
    assert where > 0
    w.set_current(b)
    qapp.processEvents()
    assert w.source.text is not view_a and not view_a.isVisible()
    w.main_split.setSizes([200, 300, 900])  # the source pane narrower while b is shown
    qapp.processEvents()
    w.set_current(a)
    qapp.processEvents()
    assert w.source.text is view_a
    assert view_a.document().textWidth() == view_a.viewport().width()  # laid out at the new width
    assert view_a.verticalScrollBar().value() > 0


def test_a_table_whose_tab_is_not_shown_is_measured_when_it_is(window, qapp):
    """Only the table on screen is measured when a report is shown; another table's columns and
    rows are fitted as its tab comes up, the same as measured from scratch."""
    from gov_review.gui.views import grid_view

    w = window
    w.show()
    w.tabs.setCurrentWidget(w.grids["t3"])  # table 二 not shown until the end
    qapp.processEvents()
    w.open_paths([seeds()[2], str(DATA / "text" / "report_2021_clean.txt")])  # two layouts of 二
    a, b = _docs(w)[:2]
    assert a.session.data.format != b.session.data.format
    w.set_current(a)
    qapp.processEvents()
    w.set_current(b)
    qapp.processEvents()
    t2 = w.grids["t2"]
    w.tabs.setCurrentWidget(t2)
    qapp.processEvents()
    shown = (
        [t2.columnWidth(c) for c in range(t2.model().columnCount())],
        [t2.rowHeight(r) for r in range(t2.model().rowCount())],
    )
    grid_view._ROW_HEIGHTS.clear()  # measure b's table 二 from scratch
    t2.set_document(None)
    t2.set_document(b)
    fresh = (
        [t2.columnWidth(c) for c in range(t2.model().columnCount())],
        [t2.rowHeight(r) for r in range(t2.model().rowCount())],
    )
    assert shown == fresh and min(fresh[1]) >= grid_view.MIN_ROW_HEIGHT
    assert t2.grid_model.doc is b
