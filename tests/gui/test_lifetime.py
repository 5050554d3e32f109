"""Qt objects of a closed or switched-away report are never used again by the views.

The crash of issue 12: open a report, F8, Ctrl+W, Ctrl+O another, F8 — the process died (exit 139) in
SourceView.clear_highlight: the source view's extra selection still held a QTextCursor into the closed
report's QTextDocument, which had been deleted meanwhile.
"""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.gui.conftest import seeds


def _answer_open_dialog(monkeypatch, path: str) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *_a, **_k: ([path], "")))


def _settle(qapp) -> None:
    """Let deleteLater run (the closed report's objects and the old QTextDocument go now)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qapp.processEvents()
        gc.collect()


def _source_owns_its_selections(window) -> None:
    """Every extra selection of the source view is in the document the view shows."""
    shown = window.source.text.document()
    for sel in window.source.text.extraSelections():
        assert sel.cursor.document() is shown


@pytest.mark.parametrize("second", [0, 1, 3, 4])
def test_f8_close_open_another_f8_does_not_crash(window, qtbot, qapp, monkeypatch, second):
    w = window
    w.open_paths([seeds()[2]])
    qtbot.keyClick(w, Qt.Key.Key_F8)
    assert w.source.highlighted is not None
    qtbot.keyClick(w, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert w.current is None and w.list_model.rowCount() == 0
    _settle(qapp)
    _source_owns_its_selections(w)
    _answer_open_dialog(monkeypatch, seeds()[second])
    qtbot.keyClick(w, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert w.current is not None and w.current.name == f"seed_00{second}.txt"
    _settle(qapp)
    _source_owns_its_selections(w)
    qtbot.keyClick(w, Qt.Key.Key_F8)
    found = w._finding_key
    if found is not None:  # a seed with findings: the walk shows its first one in the new report
        assert w.source.highlighted is not None
        assert w.findings.current_finding().key == found
    _source_owns_its_selections(w)


def test_closing_the_last_report_takes_its_name_out_of_the_title(seed002, qtbot):
    w = seed002
    assert "seed_002.txt" in w.windowTitle()
    qtbot.keyClick(w, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert w.current is None
    assert "seed_002" not in w.windowTitle()


def test_the_statistics_forget_a_closed_report(window, qapp):
    w = window
    w.open_paths(seeds()[:3])
    w.tabs.setCurrentIndex(3)  # the statistics tab
    assert len(w.stats._docs) == 3
    closing = next(d for d in w.list_model.docs if d is not w.current)
    w.close_document(closing)
    _settle(qapp)
    assert len(w.stats._docs) == 2 and closing not in w.stats._docs
