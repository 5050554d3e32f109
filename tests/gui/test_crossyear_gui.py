"""Cross-year in the window: pairs found by name, a hand pairing when the names differ, X findings
shown and counted in the league, and a jump to this year's and last year's cells."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from gov_review.gui.dialogs.pair import PairDialog
from gov_review.gui.models.league import COL_ERRORS
from gov_review.gui.views.crossyear_panel import CrossYearPanel, FindingRole, PairRole
from gov_review.gui.views.league import LeagueView
from tests.conftest import seed_path
from tests.gui.test_league import documents, write_variant

CARRY = [0, 0, 0, 0, 0, 0]  # this year's 二、上年结转: nothing…
FWD = [2, 1, 0, 0, 0, 0]  # …though last year's 四、结转下年度 left 3 open: X01


@pytest.fixture
def docs(tmp_path):
    paths = [
        write_variant(tmp_path, "dongcheng_2022.txt", "青山县东城街道办事处", 2022, 11, fwd=FWD),
        write_variant(tmp_path, "dongcheng_2023.txt", "青山县东城街道办事处", 2023, 12, carry=CARRY),
        write_variant(tmp_path, "xicheng_2022.txt", "青山县西城街道办事处", 2022, 13, fwd=FWD),
        # merged and renamed: the same office, a name no rule can match
        write_variant(tmp_path, "xinhe_2023.txt", "青山县新河街道办事处", 2023, 14, carry=CARRY),
        seed_path(2),
    ]
    return documents(paths)


def by_name(docs, name):
    return next(d for d in docs if d.name == name)


@pytest.fixture
def panel(qtbot, docs):
    league = LeagueView()
    league.model.set_reports(docs)
    p = CrossYearPanel()
    p.attach(league.model)
    p.findings_changed.connect(league.model.set_extra_findings)
    p.recompute()
    p.league = league  # kept alive with the panel for the test
    for w in (league, p):
        qtbot.addWidget(w)
    p.resize(900, 400)
    p.show()
    qtbot.waitExposed(p)
    return p


def pair_rows(panel):
    m = panel.model
    return [m.index(r, 0).data(PairRole) for r in range(m.rowCount())]


def x01_error(findings):
    return next(f for f in findings if f.rule == "X01" and f.severity == "error")


def test_same_body_is_paired_by_name_and_x01_fires(panel, docs):
    prev, cur = by_name(docs, "dongcheng_2022.txt"), by_name(docs, "dongcheng_2023.txt")
    pairs = pair_rows(panel)
    assert [(p.prev, p.cur, p.method) for p in pairs] == [(prev, cur, "auto")]
    f = x01_error(pairs[0].findings)
    assert f.cells[0] == "t3.r_carry.c_total"
    assert f.params["other"]["path"] == prev.path and f.params["other"]["cells"][0] == "t3.r_fwd.c_total"
    natural = next(f for f in pairs[0].findings if f.rule == "X01" and f.cells[0] == "t3.r_carry.c_natural")
    assert natural.severity == "warning"
    assert "1 对" in panel.summary.text() and "3 份未打开其他年度" in panel.summary.text()


def test_hand_pairing_produces_x_findings(qtbot, panel, docs, monkeypatch):
    prev, cur = by_name(docs, "xicheng_2022.txt"), by_name(docs, "xinhe_2023.txt")
    assert all(p.cur is not cur for p in pair_rows(panel))

    def choose(dlg):
        dlg.select(prev, cur)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PairDialog, "exec", choose)
    qtbot.mouseClick(panel.pair_button, Qt.MouseButton.LeftButton)
    manual = next(p for p in pair_rows(panel) if p.cur is cur)
    assert manual.method == "manual" and manual.prev is prev
    f = x01_error(manual.findings)
    assert f.cells[0] == "t3.r_carry.c_total" and f.params["other"]["path"] == prev.path
    assert panel.model.index(pair_rows(panel).index(manual), 1).data() == "手动配对"

    # the league counts it as an error of this year's report, in its own X01 column
    league = panel.league
    row = league.visible_paths().index(cur.path)
    errors = int(league.proxy.index(row, COL_ERRORS).data())
    assert errors == cur.counts()["error"] + sum(1 for f in manual.findings if f.severity == "error")
    x01 = league.model.column_of_rule("X01")
    assert int(league.proxy.index(row, x01).data()) == sum(1 for f in manual.findings if f.rule == "X01")

    panel.tree.setCurrentIndex(panel.model.index(pair_rows(panel).index(manual), 0))
    qtbot.mouseClick(panel.unpair_button, Qt.MouseButton.LeftButton)
    assert all(p.cur is not cur for p in pair_rows(panel))
    assert league.proxy.index(row, COL_ERRORS).data() == str(cur.counts()["error"])


def test_cancelled_dialog_pairs_nothing(qtbot, panel, monkeypatch):
    monkeypatch.setattr(PairDialog, "exec", lambda _dlg: QDialog.DialogCode.Rejected)
    before = [(p.prev, p.cur) for p in pair_rows(panel)]
    qtbot.mouseClick(panel.pair_button, Qt.MouseButton.LeftButton)
    assert [(p.prev, p.cur) for p in pair_rows(panel)] == before


def test_jump_to_both_years_cells(qtbot, panel, docs):
    prev, cur = by_name(docs, "dongcheng_2022.txt"), by_name(docs, "dongcheng_2023.txt")
    top = panel.model.index(0, 0)
    rows = [panel.model.index(r, 0, top) for r in range(panel.model.rowCount(top))]
    target = next(
        i for i in rows if i.data(FindingRole).rule == "X01" and i.data(FindingRole).severity == "error"
    )
    panel.tree.setCurrentIndex(target)
    assert panel.this_button.isEnabled() and panel.other_button.isEnabled()
    with qtbot.waitSignal(panel.show_cell) as this_year:
        qtbot.mouseClick(panel.this_button, Qt.MouseButton.LeftButton)
    assert this_year.args == [cur.path, "t3.r_carry.c_total"]
    with qtbot.waitSignal(panel.show_cell) as last_year:
        qtbot.mouseClick(panel.other_button, Qt.MouseButton.LeftButton)
    assert last_year.args == [prev.path, "t3.r_fwd.c_total"]


def test_pair_dialog_checks_the_choice(qtbot, docs):
    dlg = PairDialog(docs, cur=by_name(docs, "xinhe_2023.txt"))
    qtbot.addWidget(dlg)
    ok = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dlg.choice()[1] is by_name(docs, "xinhe_2023.txt")
    assert dlg.choice()[0].session.data.year == 2022  # last year's report preselected
    dlg.select(by_name(docs, "xinhe_2023.txt"), by_name(docs, "xinhe_2023.txt"))
    assert not ok.isEnabled() and dlg.choice() is None
    dlg.select(by_name(docs, "seed_002.txt"), by_name(docs, "xinhe_2023.txt"))  # 2020 → 2023
    assert ok.isEnabled() and "不相邻" in dlg.hint.text()


def test_cross_year_model_passes_the_tester(qtmodeltester, qtbot, docs):
    panel = CrossYearPanel()
    qtbot.addWidget(panel)
    qtmodeltester.check(panel.model)
    panel.set_reports(docs)
    panel.add_manual_pair(by_name(docs, "xicheng_2022.txt"), by_name(docs, "xinhe_2023.txt"))
    qtmodeltester.check(panel.model)
    assert panel.model.rowCount() == 2


def test_a_recompute_checks_only_the_pairs_that_changed(panel, docs, monkeypatch):
    """A folder arriving burst by burst, or an edit: unchanged pairs keep their findings unchecked."""
    from gov_review.core.batch.crossyear import check as crossyear

    calls = []
    real = crossyear.check_pair
    monkeypatch.setattr(crossyear, "check_pair", lambda p, c: calls.append(c.path) or real(p, c))
    prev, cur = by_name(docs, "dongcheng_2022.txt"), by_name(docs, "dongcheng_2023.txt")
    panel.recompute()  # nothing changed since the fixture's recompute
    assert calls == []
    assert x01_error(pair_rows(panel)[0].findings).cells[0] == "t3.r_carry.c_total"
    # last year's 结转下年度 edited to nothing open: that pair is checked again, and X01 is gone
    for col in ("c_natural", "c_biz", "c_total"):
        prev.session.set_value(f"t3.r_fwd.{col}", "0")
    panel.recompute()
    assert calls == [cur.path]
    assert not any(f.rule == "X01" and f.severity == "error" for f in pair_rows(panel)[0].findings)


def test_the_prose_fingerprint_is_made_by_the_worker_that_reads_the_report(monkeypatch):
    from gov_review.core.batch.crossyear import digest as digest_module
    from gov_review.gui.document import load

    loaded = load(str(seed_path(2)))
    assert loaded.report.prose_fingerprint is not None
    # pairing it later does not fingerprint its prose again (on the GUI thread)
    monkeypatch.setattr(digest_module, "prose_fingerprint", lambda _text: pytest.fail("fingerprinted again"))
    assert digest_module.digest(loaded.report).prose == loaded.report.prose_fingerprint[0]
