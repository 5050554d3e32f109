"""The window on a laptop screen: it opens inside the screen, saved places that no longer fit are
not restored, a selected cell is fully in view in the grid and in the source, and the source's
tables scroll sideways rather than squeeze their numbers."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication, QTextCursor

from gov_review.gui import main_window, settings
from gov_review.gui.workers import SyncPool
from tests.gui.conftest import seeds

LIT_POST_TOTAL = "t4.lit_post.c_total"  # 表四 复议后起诉·总计, the far right column


def _new_window(qtbot):
    w = main_window.MainWindow(pool=SyncPool())
    qtbot.addWidget(w)
    return w


def _avail() -> QRect:
    return QGuiApplication.primaryScreen().availableGeometry()


def test_a_first_start_opens_inside_the_screen(qtbot):
    w = _new_window(qtbot)
    assert _avail().contains(w.geometry())
    w.show()
    qtbot.waitExposed(w)
    sizes = w.main_split.sizes()
    assert sizes[0] >= 250 and sizes[1] > 0 and sizes[2] > sizes[1]


def test_a_saved_place_is_restored_only_when_it_fits(qtbot):
    avail = _avail()
    w = _new_window(qtbot)
    w.setGeometry(avail.x() + 10, avail.y() + 10, avail.width() - 40, avail.height() - 60)
    w.save_layout()
    again = _new_window(qtbot)
    assert again.size() == w.size()
    # saved on a bigger monitor: too big for this screen, so the window fits the screen instead
    w.setGeometry(0, 0, avail.width() + 600, avail.height() + 400)
    w.save_layout()
    third = _new_window(qtbot)
    assert avail.contains(third.geometry())
    assert settings.get(settings.GEOMETRY) == w.saveGeometry()  # not overwritten until it closes


def test_a_selected_cell_is_fully_in_view_at_1366x768(window, qtbot):
    w = window
    w.resize(1366, 768)
    w.set_default_layout()
    w.open_paths([seeds()[2]])
    qtbot.wait(50)
    assert w.select_cell(LIT_POST_TOTAL)
    grid = w.grid_for(LIT_POST_TOTAL)
    rect = grid.visualRect(grid.grid_model.index_of(LIT_POST_TOTAL))
    view = grid.viewport().rect()
    assert view.contains(rect), (rect, view)
    assert rect.left() >= grid.frozen_width()  # not under the frozen row labels


def test_source_tables_scroll_sideways_instead_of_squeezing(window, qtbot):
    w = window
    w.open_paths([seeds()[2]])
    w.main_split.setSizes([460, 260, 880])  # a source pane dragged narrow
    qtbot.wait(50)
    text = w.source.text
    assert text.viewport().width() < 300
    assert text.horizontalScrollBar().maximum() > 0  # the tables keep their width
    assert w.select_cell("t3.r_new.c_total")
    # the highlighted number is in view, sideways too
    cursor = QTextCursor(text.document())
    cursor.setPosition(w.source.position_of("t3.r_new.c_total"))
    rect = text.cursorRect(cursor)
    assert rect.left() >= 0 and rect.right() <= text.viewport().width()
    assert w.source.highlighted_text() == "4"
    # wide again: the tables fit the pane and nothing scrolls sideways
    w.main_split.setSizes([300, 900, 400])
    qtbot.wait(50)
    assert text.horizontalScrollBar().maximum() == 0
