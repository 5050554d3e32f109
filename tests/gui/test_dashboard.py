"""The dashboard: bars equal the reports' cells, rates leave blank cells out and say so, clicking a
bar lists its reports in the league table, and pyqtgraph is loaded only when it is first shown."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFontMetrics

from gov_review.gui.views.dashboard import Dashboard, chart_font
from gov_review.gui.views.league import LeagueView
from tests.gui.test_league import documents, variant_set

DENY = [f"t3.{r}.c_total" for r in ("r_deny_secret", "r_deny_lawban", "r_deny_safety", "r_deny_third",
                                      "r_deny_internal", "r_deny_process", "r_deny_enforce", "r_deny_query")]  # fmt: skip


@pytest.fixture
def docs(tmp_path):
    return documents(variant_set(tmp_path))


@pytest.fixture
def board(qtbot, docs):
    league = LeagueView()
    league.model.set_reports(docs)
    dash = Dashboard()
    dash.attach(league.model)
    dash.filter_requested.connect(league.apply_path_filter)
    for w in (league, dash):
        qtbot.addWidget(w)
    dash.resize(1100, 1300)
    dash.show()
    qtbot.waitExposed(dash)
    assert dash.charts, "the first show draws at once"
    return dash, league


def cells(doc, ids):
    return [doc.session.data.cells.get(c) for c in ids]


def bar(dash, key, label):
    return next(b for b in dash.charts[key].bars if b.label == label)


def test_outcome_and_applicant_bars_sum_the_reports(board, docs):
    dash, _league = board
    readable = [d for d in docs if d.ok]
    total = sum(float(d.session.data.value("t3.r_total.c_total") or 0) for d in readable)
    assert total > 0
    assert bar(dash, "outcomes", "（七）总计").value == total
    deny = sum(
        float(c.value) for d in readable for c in cells(d, DENY) if c is not None and c.value is not None
    )
    assert bar(dash, "outcomes", "（三）不予公开").value == deny
    natural = sum(float(d.session.data.value("t3.r_new.c_natural") or 0) for d in readable)
    assert bar(dash, "applicants", "自然人").value == natural
    lit = sum(
        float(d.session.data.value(c) or 0)
        for d in readable
        for c in ("t4.lit_direct.c_total", "t4.lit_post.c_total")
    )
    assert bar(dash, "litigation", "总计").value == lit
    # seed 000 has blank cells in （七）总计 of table 三: the chart says reports were left out of sums
    assert "空白" in dash.charts["outcomes"].note


def test_clicking_a_bar_lists_its_reports(qtbot, board, docs):
    dash, league = board
    expected = {
        d.path for d in docs if d.ok and sum(c.value for c in cells(d, DENY) if c is not None and c.value) > 0
    }
    assert 0 < len(expected) < len([d for d in docs if d.ok])
    card = dash.cards["outcomes"]
    index = [b.label for b in dash.charts["outcomes"].bars].index("（三）不予公开")
    vb = card.plot.getPlotItem().getViewBox()
    # where the reviewer clicks: the middle of that bar, mapped through the plot as drawn
    scene = vb.mapViewToScene(QPointF(dash.charts["outcomes"].bars[index].value / 2, index))
    assert card.bar_at_scene(scene) == index
    dash.activate_bar("outcomes", card.bar_at_scene(scene))
    assert set(league.visible_paths()) == expected
    assert not league.chip.isHidden() and "不予公开" in league.chip.label.text()
    league.clear_path_filter()
    assert len(league.visible_paths()) == len(docs)


def test_a_rule_bar_lists_the_reports_with_that_rule(board, docs):
    dash, league = board
    index = [b.label for b in dash.charts["rules"].bars].index("R01")
    expected = {d.path for d in docs if d.ok and any(f.rule == "R01" for f in d.session.active_findings())}
    assert bar(dash, "rules", "R01").value == sum(
        1 for d in docs if d.ok for f in d.session.active_findings() if f.rule == "R01"
    )
    dash.activate_bar("rules", index)
    assert set(league.visible_paths()) == expected and len(expected) >= 2


def test_rates_leave_blank_cells_out_and_say_how_many(board, docs):
    dash, _league = board
    readable = [d for d in docs if d.ok]
    blank = [
        d
        for d in readable
        if any(c is not None and c.value is None for c in cells(d, [*DENY, "t3.r_total.c_total"]))
    ]
    zero = [
        d
        for d in readable
        if d not in blank and (d.session.data.value("t3.r_total.c_total") or Decimal(0)) == 0
    ]
    assert any(d.name == "nanhu_2023.txt" for d in blank)  # the variant with a blank （三）4 总计
    chart = dash.charts["refusal"]
    assert sum(b.value for b in chart.bars) == len(readable) - len(blank) - len(zero)
    assert f"{len(blank)} 份有空白单元格" in chart.note and f"{len(zero)} 份没有办理申请" in chart.note
    in_bands = set().union(*(b.paths for b in chart.bars))
    assert not in_bands & {d.path for d in blank}
    assert "不予公开" in dash.cards["refusal"].title.toolTip()  # the definition is one hover away
    num = sum(sum(c.value for c in cells(d, DENY)) for d in readable if d not in blank and d not in zero)
    den = sum(
        d.session.data.value("t3.r_total.c_total") for d in readable if d not in blank and d not in zero
    )
    assert f"{float(num / den):.1%}" in chart.note


def test_an_edit_redraws_after_the_burst(qtbot, board, docs):
    dash, _league = board
    doc = next(d for d in docs if d.name == "jiaoyu_2023.txt")
    before = bar(dash, "review", "结果纠正").value
    doc.session.set_value(
        "t4.review.c_corrected", str(int(doc.session.data.value("t4.review.c_corrected")) + 5)
    )
    doc.notify()
    qtbot.waitUntil(lambda: bar(dash, "review", "结果纠正").value == before + 5)
    qtbot.waitUntil(lambda: not dash._timer.isActive())


def test_chinese_labels_have_a_font_with_their_glyphs(board):
    assert QFontMetrics(chart_font()).inFont("审")
    dash, _league = board
    axis = dash.cards["outcomes"].plot.getPlotItem().getAxis("left")
    assert axis.width() >= QFontMetrics(chart_font()).horizontalAdvance("（四）无法提供")  # labels not cut


def test_pyqtgraph_is_imported_only_when_first_shown():
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM']='offscreen'\n"
        "from PySide6.QtWidgets import QApplication; app = QApplication([])\n"
        "from gov_review.gui.views.dashboard import Dashboard\n"
        "d = Dashboard(); d.set_reports([]); print('pyqtgraph' in sys.modules)\n"
        "d.show(); app.processEvents(); print('pyqtgraph' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["False", "True"], out.stderr


def test_english_labels(qtbot, board, qapp):
    from gov_review.gui import i18n

    dash, _league = board
    i18n.install(qapp, "en")
    dash.refresh()
    assert dash.cards["outcomes"].title.text() == "Applications by outcome"
    assert "(7) Total" in [b.label for b in dash.charts["outcomes"].bars]


def test_unreadable_files_are_counted_in_the_header(board, docs):
    dash, _league = board
    assert "1 份无法读取" in dash.header.text() and f"{len(docs)} 份" in dash.header.text()


def test_mouse_click_on_the_plot(qtbot, board, docs):
    """A real click on the plot reaches the same handler."""
    dash, _league = board
    card = dash.cards["rules"]
    index = [b.label for b in dash.charts["rules"].bars].index("R07")
    vb = card.plot.getPlotItem().getViewBox()
    scene = vb.mapViewToScene(QPointF(dash.charts["rules"].bars[index].value / 2, index))
    pos = card.plot.mapFromScene(scene)
    with qtbot.waitSignal(dash.filter_requested) as sig:
        qtbot.mouseClick(card.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert sig.args[0] == {
        d.path for d in docs if d.ok and any(f.rule == "R07" for f in d.session.active_findings())
    }
