"""The window survives a reviewer doing everything in any order: a seeded monkey (tests/gui/monkey.py)
drives the real MainWindow through open, close, switch, F8, edits, undo/redo, waivers, notes, saves,
reopened bundles and language switches, checking after each step that the views show the current
report and that undo/redo bring back exactly what was there. A crash fails the run (pytest's
faulthandler prints where); bench/bench_soak.py runs the same monkey for 20,000 steps.
"""

from __future__ import annotations

import pytest

from tests.gui.monkey import REAL, Answers, Monkey, patch_dialogs

STEPS = 200


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_monkey(window, tmp_path, monkeypatch, seed):
    answers = Answers()
    patch_dialogs(monkeypatch.setattr, answers)
    monkey = Monkey(window, seed, tmp_path, answers)
    assert monkey.run(STEPS) == STEPS
    # it did reach the interesting states, not only empty-window no-ops
    taken = "\n".join(monkey.log)
    for what in ("open seed", "close seed", "F8", "Ctrl+Z", "taken", "waive ", "note on t", "language"):
        assert what in taken, what
    if REAL.is_dir():  # the real PDFs: their pages were shown, clicked and zoomed
        assert "click page\n" in taken or "zoom page" in taken
