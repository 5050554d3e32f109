"""The league table, the cross-year panel and the dashboard docked in the real window."""

from __future__ import annotations

import shutil

from gov_review.gui.models.league import COL_ERRORS
from tests.conftest import DATA, seed_path

CROSS = DATA / "crossyear"


def _folder(tmp_path):
    folder = tmp_path / "reports"
    (folder / "2022").mkdir(parents=True)
    shutil.copy(CROSS / "qingshan_county_2022.txt", folder / "2022")
    shutil.copy(CROSS / "qingshan_county_2023.txt", folder)
    for n in (2, 3):
        shutil.copy(seed_path(n), folder / f"seed_{n}.txt")
    return folder


def test_a_folder_brings_up_the_league_table_ranked_by_errors(window, tmp_path, qtbot):
    assert window.dock_league.isHidden() and window.dock_dashboard.isHidden()
    window.open_paths([str(_folder(tmp_path))])
    assert len(window.list_model.docs) == 4
    assert not window.dock_league.isHidden()  # several reports at once: the reviewer ranks them
    view = window.league
    view.proxy.sort(COL_ERRORS, view.proxy.sortOrder().DescendingOrder)
    top = view.proxy.index(0, 0).data()
    assert top.startswith("seed_2")  # seed 002 has the most errors of the four
    # double-click in the league makes that report the current one
    view.open_requested.emit(str(window.list_model.docs[0].path))
    assert window.current is window.list_model.docs[0]


def test_cross_year_x01_is_listed_and_jumps_to_both_years_cells(window, tmp_path, qtbot):
    window.open_paths([str(_folder(tmp_path))])
    panel = window.crossyear
    panel.recompute()
    [pair] = panel.model.pairs
    x01 = next(f for f in pair.findings if f.rule == "X01" and f.severity == "error")
    assert x01.cells[0] == "t3.r_carry.c_total"
    panel.show_finding(x01, other=True)  # last year's 结转下年度 总计
    assert window.current.path.endswith("qingshan_county_2022.txt")
    assert window.current_cell() == "t3.r_fwd.c_total"
    panel.show_finding(x01)
    assert window.current.path.endswith("qingshan_county_2023.txt")
    assert window.current_cell() == "t3.r_carry.c_total"
    # the league counts the cross-year error with the report's own findings
    row = next(
        r for r in range(window.league.model.rowCount()) if "2023" in window.league.model.index(r, 0).data()
    )
    own = window.current.counts()["error"]
    assert window.league.model.index(row, COL_ERRORS).data() == str(own + 1)


def test_a_dashboard_bar_filters_the_league(window, tmp_path, qtbot):
    window.open_paths([str(_folder(tmp_path))])
    window.dock_dashboard.show()
    qtbot.waitUntil(lambda: bool(window.dashboard.charts), timeout=5000)
    chart = window.dashboard.charts["rules"]
    i = next(i for i, b in enumerate(chart.bars) if b.label.startswith("R01"))
    window.dashboard.activate_bar("rules", i)
    shown = {window.league.proxy.index(r, 0).data() for r in range(window.league.proxy.rowCount())}
    assert shown == {"seed_2.txt"}  # only seed 002 breaks R01


def test_docks_are_in_the_view_menu_in_chinese(window):
    titles = [a.text() for a in window.menu_view.actions()]
    assert {"报告一览", "跨年度", "仪表板"} <= set(titles)
