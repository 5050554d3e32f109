"""The league table: counts equal each report's findings, numeric sort, filters, updates after an
edit, double-click opens, and QAbstractItemModelTester on the model and its proxy.

``write_variant`` makes 2021-format reports in the seeds' text layout (text extracted from Word)
with varied, consistent numbers; the dashboard and cross-year tests use it too.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from gov_review.core.review.pipeline import analyse_file
from gov_review.gui.document import ReportDocument
from gov_review.gui.models.league import COL_BODY, COL_ERRORS, COL_FILE, COL_WARNINGS, N_FIXED, LeagueModel
from gov_review.gui.models.report_list import ReportListModel
from gov_review.gui.views.league import LeagueView
from tests.conftest import seed_path
from tests.data.text.make_2021_fixtures import T3_LABELS, report

COLS = 6  # applicant columns before 总计
OUTCOME_ROWS = [rid for _labels, rid in T3_LABELS if rid not in ("r_new", "r_carry", "r_total", "r_fwd")]


def variant_tables(seed: int, carry: list[int] | None = None) -> tuple[dict[str, list[int]], list[int]]:
    """Table 三 (rows → 7 values) and table 四 (15 values) that balance: new + carry = total + fwd."""
    rnd = random.Random(seed)
    new = [rnd.randint(3, 30)] + [rnd.choice([0, 0, 1, 2, 4]) for _ in range(COLS - 1)]
    carry = carry if carry is not None else [rnd.randint(0, 3)] + [0] * (COLS - 1)
    fwd = [rnd.randint(0, 2) if c == 0 else 0 for c in range(COLS)]
    t3: dict[str, list[int]] = {r: [0] * COLS for r in OUTCOME_ROWS}
    for c in range(COLS):
        for _ in range(new[c] + carry[c] - fwd[c]):
            t3[rnd.choice(OUTCOME_ROWS[:4] * 4 + OUTCOME_ROWS)][c] += 1  # mostly disclosed
    handled = [new[c] + carry[c] - fwd[c] for c in range(COLS)]
    t3 |= {"r_new": new, "r_carry": carry, "r_total": handled, "r_fwd": fwd}
    t3 = {r: [*v, sum(v)] for r, v in t3.items()}
    t4: list[int] = []
    for _group in range(3):
        g = [rnd.choice([0, 0, 1, 2]) for _ in range(4)]
        t4 += [*g, sum(g)]
    return t3, t4


def write_variant(
    folder: Path,
    name: str,
    body: str,
    year: int,
    seed: int,
    *,
    carry: list[int] | None = None,
    fwd: list[int] | None = None,
    broken: int = 0,
    blank: tuple[str, int] | None = None,
) -> Path:
    """A report of ``body`` for ``year``; ``broken`` puts (七)总计 one too high in that many applicant
    columns and in 总计 (R01 and R03 errors on each),
    ``blank`` empties one table-三 cell (row id, column index), ``fwd`` fixes 结转下年度."""
    t3, t4 = variant_tables(seed, carry)
    if fwd is not None:  # move the difference into （一）予以公开 so the balance still holds
        for c in range(COLS):
            t3["r_open"][c] += t3["r_fwd"][c] - fwd[c]
            t3["r_total"][c] += t3["r_fwd"][c] - fwd[c]
        t3["r_fwd"] = [*fwd, sum(fwd)]
        for r in ("r_open", "r_total"):
            t3[r][COLS] = sum(t3[r][:COLS])
    text_t3: dict[str, list] = {r: list(v) for r, v in t3.items()}
    for c in range(broken):
        text_t3["r_total"][c] += 1
        text_t3["r_total"][COLS] += 1
    if blank is not None:
        text_t3[blank[0]][blank[1]] = ""
    new, carry_total = t3["r_new"][COLS], t3["r_carry"][COLS]
    total, fwd_total = t3["r_total"][COLS], t3["r_fwd"][COLS]
    text = report(
        f"{body}{year}年政府信息公开工作年度报告",
        [
            f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
            "一、总体情况",
            f"{year}年，{body}认真贯彻落实《中华人民共和国政府信息公开条例》。本年度新收政府信息公开申请{new}件，"
            f"上年结转{carry_total}件，办结{total}件，结转下年度继续办理{fwd_total}件。",
            f"全年发生政府信息公开行政复议{t4[4]}件，行政诉讼{t4[9] + t4[14]}件。",
        ],
        [],
        ["0", "0", "0"],
        ["2", "0", "10"],
        text_t3,
        t4,
        f"本年度未收取信息处理费。\n{body}\n{year + 1}年1月20日",
    )
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def variant_set(folder: Path) -> list[Path]:
    """The five seeds, six generated reports (two with errors, one with a blank cell) and a file
    that cannot be read."""
    paths = [seed_path(n) for n in range(5)]
    paths += [
        write_variant(folder, "dongcheng_2023.txt", "青山县东城街道办事处", 2023, 1),
        write_variant(folder, "xicheng_2023.txt", "青山县西城街道办事处", 2023, 2, broken=1),
        write_variant(folder, "qingshan_2023.txt", "青山县人民政府", 2023, 3),
        write_variant(folder, "nanhu_2023.txt", "青山县南湖镇人民政府", 2023, 4, blank=("r_deny_third", 6)),
        write_variant(folder, "beishan_2022.txt", "青山县北山镇人民政府", 2022, 5, broken=5),
        write_variant(folder, "jiaoyu_2023.txt", "青山县教育局", 2023, 6),
    ]
    empty = folder / "empty.docx"
    empty.write_bytes(b"")
    paths.append(empty)
    return paths


def documents(paths: list[Path]) -> list[ReportDocument]:
    return [ReportDocument(analyse_file(str(p))) for p in paths]


@pytest.fixture
def docs(tmp_path):
    return documents(variant_set(tmp_path))


@pytest.fixture
def view(qtbot, docs):
    v = LeagueView()
    qtbot.addWidget(v)
    v.model.set_reports(docs)
    v.resize(1200, 400)
    v.show()
    qtbot.waitExposed(v)
    return v


def shown(view: LeagueView, col: int) -> list[str]:
    return [view.proxy.index(r, col).data() for r in range(view.proxy.rowCount())]


def row_of(view: LeagueView, doc: ReportDocument) -> int:
    return view.visible_paths().index(doc.path)


# --------------------------------------------------------------------------------------- tests


def test_counts_are_each_reports_findings(view, docs):
    readable = [d for d in docs if d.ok]
    assert len(readable) == len(docs) - 1
    fired = {f.rule for d in readable for f in d.session.active_findings()}
    header = [view.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(view.proxy.columnCount())]
    assert sorted(header[N_FIXED:]) == sorted(fired)
    for doc in readable:
        r = row_of(view, doc)
        counts = doc.counts()
        assert view.proxy.index(r, COL_ERRORS).data() == str(counts["error"])
        assert view.proxy.index(r, COL_WARNINGS).data() == str(counts["warning"])
        for c, rule in enumerate(header[N_FIXED:], start=N_FIXED):
            n = sum(1 for f in doc.session.active_findings() if f.rule == rule)
            assert view.proxy.index(r, c).data() == (str(n) if n else ""), (doc.name, rule)
    seed2 = next(d for d in readable if d.name == "seed_002.txt")
    r = row_of(view, seed2)
    assert view.proxy.index(r, COL_BODY).data() == "安镇街道"
    assert int(view.proxy.index(r, header.index("N01")).data()) >= 1  # 16 in the prose ≠ 4 in table 三


def test_unreadable_file_shows_its_reason(view, docs):
    bad = next(d for d in docs if not d.ok)
    r = row_of(view, bad)
    reason = view.proxy.index(r, COL_BODY).data()
    assert "empty.docx" in reason and "空" in reason
    assert view.proxy.index(r, COL_ERRORS).data() == "—"


def test_sort_by_errors_is_numeric(view, docs):
    errors = sorted(d.counts()["error"] for d in docs if d.ok)
    assert errors[-1] >= 10 and any(2 <= e < 10 for e in errors), "the data must tell 10 from 9"
    view.table.sortByColumn(COL_ERRORS, Qt.SortOrder.DescendingOrder)
    values = [int(v) for v in shown(view, COL_ERRORS) if v != "—"]
    assert values == sorted(errors, reverse=True)
    assert shown(view, COL_ERRORS)[0] == "—"  # the unreadable file needs the reviewer first
    view.table.sortByColumn(COL_ERRORS, Qt.SortOrder.AscendingOrder)
    values = [int(v) for v in shown(view, COL_ERRORS) if v != "—"]
    assert values == sorted(errors)


def test_sort_by_a_rule_column(view, docs):
    col = view.model.column_of_rule("R07")
    view.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    values = [int(v or 0) for v in shown(view, col) if v != "—"]
    assert values == sorted(values, reverse=True) and values[0] >= 3  # seed 001: blank blocks and rows
    readable = {d.path for d in docs if d.ok}
    top = next(p for p in view.visible_paths() if p in readable)
    most = max(
        (d for d in docs if d.ok), key=lambda d: sum(f.rule == "R07" for f in d.session.active_findings())
    )
    assert top == most.path


def test_text_and_errors_only_filters(qtbot, view, docs):
    view.filter_edit.setText("街道")  # what an input method commits (QTest types Latin-1 only)
    expected = {d.path for d in docs if d.ok and "街道" in d.session.data.body.name}
    assert set(view.visible_paths()) == expected and len(expected) >= 3
    view.filter_edit.clear()
    assert len(view.visible_paths()) == len(docs)
    view.errors_only.setChecked(True)
    assert set(view.visible_paths()) == {d.path for d in docs if d.ok and d.counts()["error"]}
    assert all(int(v) > 0 for v in shown(view, COL_ERRORS))
    view.errors_only.setChecked(False)
    assert len(view.visible_paths()) == len(docs)


def test_path_filter_and_its_chip(qtbot, view, docs):
    chosen = {docs[1].path, docs[6].path}
    view.apply_path_filter(chosen, "R01")
    assert set(view.visible_paths()) == chosen
    assert view.chip.isVisible() and "R01" in view.chip.label.text()
    qtbot.mouseClick(view.chip.close_button, Qt.MouseButton.LeftButton)
    assert not view.chip.isVisible()
    assert len(view.visible_paths()) == len(docs)


def test_an_edit_updates_the_row(view, docs):
    seed2 = next(d for d in docs if d.name == "seed_002.txt")
    before = int(view.proxy.index(row_of(view, seed2), COL_ERRORS).data())
    for cell in ("t3.r_total.c_natural", "t3.r_total.c_total"):  # the fix the seed notes suggest
        seed2.session.set_value(cell, "4")
    seed2.notify()
    after = int(view.proxy.index(row_of(view, seed2), COL_ERRORS).data())
    assert after == seed2.counts()["error"] < before
    assert view.model.column_of_rule("R03") >= 0  # another report still has R03 errors


def test_double_click_asks_to_open_the_report(qtbot, view, docs):
    view.table.sortByColumn(COL_FILE, Qt.SortOrder.AscendingOrder)
    r = view.visible_paths().index(str(seed_path(4)))
    rect = view.table.visualRect(view.proxy.index(r, COL_BODY))
    with qtbot.waitSignal(view.open_requested) as sig:
        # a real double-click is a press-release followed by a double-click event
        QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QTest.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == [str(seed_path(4))]


def test_models_pass_the_tester(qtmodeltester, docs):
    model = LeagueModel()
    view = LeagueView(model=model)
    qtmodeltester.check(model)
    qtmodeltester.check(view.proxy)
    for d in docs:
        model.add(d)
    docs[1].session.set_value("t3.r_total.c_total", "4")
    docs[1].notify()
    model.set_extra_findings({docs[5].path: list(docs[1].session.active_findings())})
    model.remove(docs[0])
    view.proxy.set_text("街道")
    view.proxy.set_errors_only(True)
    qtmodeltester.check(model)
    qtmodeltester.check(view.proxy)
    view.deleteLater()


def test_follows_the_window_report_list(docs):
    """Attached to the window's list model, reports opened or closed there appear or go."""
    source = ReportListModel()
    source.add(docs[0])
    league = LeagueModel()
    league.attach(source)
    assert league.items() == [docs[0]]
    for d in docs[1:4]:
        source.add(d)
    assert league.items() == docs[:4]
    source.remove(docs[2])
    assert league.items() == [docs[0], docs[1], docs[3]]
