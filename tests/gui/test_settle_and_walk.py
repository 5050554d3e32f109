"""A reviewer's decision on an error (settled with a reason, shown and counted apart, in the memo,
saved, undoable) and F8 walking every finding, those without a cell too."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from gov_review.core.export.memo import build_memo
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import SETTLE_TABLE, SETTLE_TEXT, ReviewSession
from gov_review.gui.dialogs.settle import SettleDialog
from gov_review.gui.models.findings import FindingRole
from tests.conftest import seed_path

NEW = "t3.r_new.c_total"


def choose(monkeypatch, reason: str, edit: bool = True):
    def run(self):
        self.reason_box.setCurrentText(reason)
        self.edit_check.setChecked(edit)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettleDialog, "exec", run)


def n01(w):
    return next(f for f in w.current.session.findings if f.code == "N01.mismatch")


def shown_message(w, finding) -> str:
    index = w.findings.model.index_of(finding)
    return index.data(Qt.ItemDataRole.DisplayRole)


def test_an_error_settled_as_table_right_is_shown_and_counted_apart(seed002, monkeypatch):
    w = seed002
    session = w.current.session
    before = session.counts()
    f = n01(w)  # 正文称 16 条，表三为 4
    choose(monkeypatch, SETTLE_TABLE)
    w.settle_finding(f)
    assert session.is_settled(f) and session.settlements[f.key].reason == "以表格为准（正文表述有误）"
    assert session.counts()["error"] == before["error"] - 1 and session.counts()["settled"] == 1
    assert shown_message(w, f).startswith("【已核实】正文称")
    assert "已核实错误 1 项" in w.findings.banner.accessibleName()
    assert w.list_model.docs[0].counts()["error"] == before["error"] - 1
    # the memo says it is settled, and why
    memo = build_memo(session)
    lines = [line for _title, items in memo.sections for line in items if isinstance(line, str)]
    assert f"已核实：{f.message}（以表格为准（正文表述有误））" in lines
    assert "已核实错误 1 项" in memo.intro
    # the bundle's review keeps it, with the contract's keys
    state = session.to_dict()
    (saved,) = [x for x in state["findings"] if x["code"] == "N01.mismatch"]
    assert saved["state"] == "settled" and saved["reason"] == SETTLE_TABLE
    assert {"rule", "severity", "cells", "message"} <= set(saved)
    again = ReviewSession(analyse_file(seed_path(2)), "李审核")
    again.restore(state)
    assert again.is_settled(next(x for x in again.findings if x.code == "N01.mismatch"))
    # undoable
    w.undo_group.undo()
    assert not session.is_settled(f) and session.counts()["error"] == before["error"]
    w.undo_group.redo()
    assert session.is_settled(f)


def test_text_right_offers_to_set_the_cell_to_the_texts_figure(seed002, monkeypatch):
    w = seed002
    session = w.current.session
    choose(monkeypatch, SETTLE_TEXT, edit=True)
    w.settle_finding(n01(w))
    assert session.data.value(NEW) == 16  # the table follows the text
    assert not [f for f in session.findings if f.code == "N01.mismatch"]
    assert session.edits[-1].reason == "以正文为准"
    w.undo_group.undo()
    assert session.data.value(NEW) == 4 and n01(w)
    # without the edit: settled with that reason, the cell unchanged
    choose(monkeypatch, SETTLE_TEXT, edit=False)
    w.settle_finding(n01(w))
    assert session.data.value(NEW) == 4 and session.settlements[n01(w).key].reason == "以正文为准"


def test_f8_walks_findings_without_a_cell_and_shows_their_place(window):
    window.open_paths([str(seed_path(3))])  # seed 003: two heading warnings, no cell
    session = window.current.session
    headings = [f for f in session.findings if f.code == "D01.variant"]
    assert len(headings) == 2 and all(not f.cells for f in headings)
    first = window.next_finding()
    assert first is headings[0]
    assert window.source.highlighted == headings[0].anchor
    assert window.findings.current_finding() is headings[0]
    second = window.next_finding()
    assert second is headings[1] and window.source.highlighted == headings[1].anchor
    assert window.previous_finding() is headings[0]


def test_f8_shows_a_finding_about_the_whole_report_at_its_title(window):
    window.open_paths([str(seed_path(0))])
    session = window.current.session
    body = next(f for f in session.findings if f.code == "S03.body")
    assert not body.cells and body.anchor is None
    while window.next_finding() is not body:
        pass
    title = next(b for b in session.report.source.blocks if getattr(b, "text", "").strip())
    assert window.source.highlighted == title.anchor
    assert window.findings.tree.currentIndex().data(FindingRole) is body
