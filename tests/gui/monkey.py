"""A seeded monkey that drives the real MainWindow as a hurried reviewer would: open (Ctrl+O), close
(Ctrl+W), switch reports, F8 / Shift+F8, edit cells, undo / redo, accept warnings, write notes,
save bundles (Ctrl+S) and open them again, switch the language, click in the tables and the source.

After every step it lets Qt delete what was scheduled for deletion (so a view that kept an object of
a closed report touches freed memory at once, not some day later) and checks what a reviewer would
notice: the views show the current report, the source's highlight lives in the document on screen,
and undo / redo bring back exactly the values, counts, notes and waivers seen before.

Used by tests/gui/test_monkey.py (a bounded run in CI) and bench/bench_soak.py (the long soak). No
modal dialog can block: every dialog the window may open is answered (``patch_dialogs``).
"""

from __future__ import annotations

import gc
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"
DATA = ROOT / "tests" / "data"
REAL = Path("/work/shared/real")  # real PDFs, for the 原件 page view (where the machine has them)


def monkey_files(workdir: Path) -> list[str]:
    """Reports of every kind the window reads (text, Word, a saved web page, PDFs), text whose cells
    are inferred, ambiguous or placed by position, and one bad file."""
    empty = workdir / "empty.txt"
    empty.write_bytes(b"")
    return [
        *(str(SAMPLES / f"seed_{n:03d}.txt") for n in range(5)),
        str(SAMPLES / "seed_002.docx"),
        str(SAMPLES / "seed_004.docx"),
        str(DATA / "html" / "seed002_gbk_site.html"),
        str(DATA / "text" / "aligned_drift_2020.txt"),
        str(DATA / "text" / "runtogether_2020.txt"),
        str(empty),
        *(str(p) for p in sorted(REAL.glob("*.pdf"))),
    ]


class Answers:
    """What the patched dialogs answer; the monkey sets them before each step."""

    def __init__(self) -> None:
        self.open_files: list[str] = []
        self.save_path = ""
        self.close_answer = "discard"
        self.warnings: list[str] = []
        self.unexpected: list[str] = []


def patch_dialogs(setattr_: Callable[[Any, str, Any], None], answers: Answers) -> None:
    """Answer every dialog of the window without showing it. ``setattr_``: monkeypatch.setattr in
    tests, plain setattr in the soak."""
    from gov_review.gui.dialogs import confirm
    from gov_review.gui.dialogs.note import NoteDialog
    from gov_review.gui.dialogs.waiver import WaiverDialog

    setattr_(QFileDialog, "getOpenFileNames", staticmethod(lambda *_a, **_k: (list(answers.open_files), "")))
    setattr_(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (answers.save_path, "")))
    setattr_(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: answers.save_path))
    setattr_(confirm, "ask_save", lambda *_a, **_k: answers.close_answer)
    setattr_(confirm, "warn", lambda _p, title, text: answers.warnings.append(f"{title}: {text}"))
    setattr_(confirm, "inform", lambda *_a, **_k: None)
    setattr_(WaiverDialog, "get_reason", classmethod(lambda *_a, **_k: "已与报告单位核实"))
    setattr_(NoteDialog, "get_note", classmethod(lambda *_a, **_k: "请核对原件"))
    from gov_review.gui.dialogs.export import ExportDialog
    from gov_review.gui.dialogs.identity import IdentityDialog

    # who signs: "not now" (the save goes on unsigned); the export dialog: cancelled
    setattr_(IdentityDialog, "ask", classmethod(lambda *_a, **_k: None))
    setattr_(ExportDialog, "get_options", classmethod(lambda *_a, **_k: None))

    # any other dialog (one added later, a message box): rejected at once and remembered
    def reject(self, *_a) -> int:
        answers.unexpected.append(type(self).__name__)
        return int(QDialog.DialogCode.Rejected)

    setattr_(QDialog, "exec", reject)
    setattr_(QMessageBox, "exec", reject)


class MonkeyFailure(AssertionError):
    pass


class Monkey:
    def __init__(self, window: Any, seed: int, workdir: Path, answers: Answers) -> None:
        self.w = window
        self.rng = random.Random(seed)
        self.seed = seed
        self.workdir = workdir
        self.answers = answers
        self.files = monkey_files(workdir)
        self.bundles: list[str] = []
        self.log: list[str] = []  # the steps taken, to replay a failure by hand
        # per open report: the state seen at each undo-stack index (what undo/redo must bring back)
        self.seen: dict[int, dict[int, tuple]] = {}
        self.steps = 0
        self.actions: list[tuple[int, Callable[[], str]]] = [
            (6, self.open_file),
            (3, self.close_report),
            (5, self.switch_report),
            (8, self.f8),
            (4, self.shift_f8),
            (10, self.edit),
            (6, self.undo),
            (4, self.redo),
            (3, self.waive),
            (3, self.note),
            (3, self.fix),
            (5, self.click_cell),
            (3, self.click_source),
            (3, self.click_page),
            (2, self.save),
            (2, self.reopen_bundle),
            (1, self.language),
            (2, self.tab),
        ]
        self._weights = [w for w, _ in self.actions]

    # --------------------------------------------------------------------------- driving

    def run(self, steps: int) -> int:
        for _ in range(steps):
            self.step()
        return self.steps

    def step(self) -> str:
        (action,) = self.rng.choices([a for _, a in self.actions], weights=self._weights)
        self.steps += 1
        what = action()
        self.log.append(f"{self.steps}: {what}")
        self._flush()
        self.check(pushed=what.startswith(("edit", "waive", "note", "fix")))
        return what

    def _flush(self) -> None:
        app = QApplication.instance()
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        if self.steps % 50 == 0:
            gc.collect()

    def _key(self, key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(self.w, key, mods)

    def fail(self, message: str) -> None:
        tail = "\n".join(self.log[-25:])
        raise MonkeyFailure(f"seed {self.seed}, step {self.steps}: {message}\nlast steps:\n{tail}")

    # ---------------------------------------------------------------------------- actions

    def _docs(self) -> list:
        return list(self.w.list_model.docs)

    def _grid_cells(self) -> list[str]:
        doc = self.w.current
        if doc is None or doc.session is None:
            return []
        return [
            cid for g in self.w.grids.values() if g.grid_model.layout for cid in g.grid_model.layout.where
        ]

    def open_file(self) -> str:
        path = self.rng.choice(self.files)
        self.answers.open_files = [path]
        self._key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
        return f"open {Path(path).name}"

    def close_report(self) -> str:
        self.answers.close_answer = self.rng.choice(["discard", "discard", "cancel", "save"])
        self.answers.save_path = str(self.workdir / f"closed_{self.steps}.grb")
        name = self.w.current.name if self.w.current is not None else None
        self._key(Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
        if self.answers.close_answer == "save" and Path(self.answers.save_path).exists():
            self.bundles.append(self.answers.save_path)
        return f"close {name} ({self.answers.close_answer})"

    def switch_report(self) -> str:
        rows = self.w.proxy.rowCount()
        if not rows:
            return "switch (none open)"
        row = self.rng.randrange(rows)
        self.w.list_view.setCurrentIndex(self.w.proxy.index(row, 0))
        return f"switch to row {row}"

    def f8(self) -> str:
        self._key(Qt.Key.Key_F8)
        return "F8"

    def shift_f8(self) -> str:
        self._key(Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
        return "Shift+F8"

    def edit(self) -> str:
        cells = self._grid_cells()
        if not cells:
            return "edit (no report)"
        cid = self.rng.choice(cells)
        text = self.rng.choice(["0", "1", "4", "12", "150", "", "3.5", "abc", "-2", "1,024"])
        ok = self.w.set_cell(cid, text)
        if ok:
            shown = self.w.grid_for(cid).grid_model.index_of(cid).data()
            if shown != text.strip():
                self.fail(f"typed {text!r} into {cid}, the grid shows {shown!r}")
        return f"edit {cid} = {text!r} ({'taken' if ok else 'refused'})"

    def undo(self) -> str:
        self._key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        return "Ctrl+Z"

    def redo(self) -> str:
        self._key(Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
        return "Ctrl+Y"

    def _findings(self, severity: str | None = None) -> list:
        doc = self.w.current
        if doc is None or doc.session is None:
            return []
        return [f for f in doc.findings() if severity is None or f.severity == severity]

    def waive(self) -> str:
        warnings = [f for f in self._findings("warning") if not self.w.current.session.is_waived(f)]
        if not warnings:
            return "waive (no warning)"
        f = self.rng.choice(warnings)
        self.w.findings.select_finding(f)
        self.w.act_waive.trigger()
        return f"waive {f.rule}"

    def note(self) -> str:
        cells = self._grid_cells()
        if not cells:
            return "note (no report)"
        cid = self.rng.choice(cells)
        self.w.select_cell(cid)
        self._key(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
        return f"note on {self.w.current_cell()}"

    def fix(self) -> str:
        fixable = [f for f in self._findings() if f.suggestion and f.suggestion.get("cell")]
        if not fixable:
            return "fix (none offered)"
        f = self.rng.choice(fixable)
        self.w.go_to_finding(f)
        self.w.act_fix.trigger()
        return f"fix {f.rule}"

    def click_cell(self) -> str:
        cells = self._grid_cells()
        if not cells:
            return "click cell (no report)"
        cid = self.rng.choice(cells)
        grid = self.w.grid_for(cid)
        self.w.tabs.setCurrentWidget(grid)
        index = grid.grid_model.index_of(cid)
        grid.scrollTo(index)
        rect = grid.visualRect(index)
        QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        return f"click {cid}"

    def click_source(self) -> str:
        text = self.w.source.text
        rect = text.viewport().rect()
        pos = rect.topLeft() + type(rect.topLeft())(
            self.rng.randrange(max(1, rect.width())), self.rng.randrange(max(1, rect.height()))
        )
        QTest.mouseClick(text.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        return "click source"

    def click_page(self) -> str:
        """A click, or a Ctrl+wheel zoom, somewhere on a PDF's pages (原件)."""
        pages = self.w.source_pane.pages
        if self.w.source_pane.mode != "pages":  # a PDF open but not current: pick it in the list
            pdfs = [d for d in self._docs() if d.ok and d.report.source.kind == "pdf"]
            if not pdfs:
                return "click page (no pages)"
            self.w.set_current(self.rng.choice(pdfs))
            if self.w.source_pane.mode != "pages":
                return "click page (text chosen)"
        rect = pages.viewport().rect()
        pos = rect.topLeft() + type(rect.topLeft())(
            self.rng.randrange(max(1, rect.width())), self.rng.randrange(max(1, rect.height()))
        )
        if self.rng.random() < 0.2:
            pages.zoom_by(self.rng.choice((1.2, 1 / 1.2)))
            return "zoom page"
        QTest.mouseClick(pages.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        return "click page"

    def save(self) -> str:
        self.answers.save_path = str(self.workdir / f"saved_{self.steps}.grb")
        doc = self.w.current
        self._key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        if doc is not None and doc.session is not None and doc.bundle_path:
            self.bundles.append(doc.bundle_path)
            if doc.modified:
                self.fail(f"{doc.name} still marked unsaved after Ctrl+S to {doc.bundle_path}")
        return "Ctrl+S"

    def reopen_bundle(self) -> str:
        existing = [b for b in self.bundles if Path(b).exists()]
        if not existing:
            return "reopen (no bundle)"
        path = self.rng.choice(existing)
        self.answers.open_files = [path]
        self._key(Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
        return f"reopen {Path(path).name}"

    def language(self) -> str:
        from gov_review.gui import i18n

        lang = "en" if i18n.current_lang() == "zh" else "zh"
        (self.w.act_en if lang == "en" else self.w.act_zh).trigger()
        return f"language {lang}"

    def tab(self) -> str:
        i = self.rng.randrange(self.w.tabs.count())
        self.w.tabs.setCurrentIndex(i)
        return f"tab {i}"

    # ----------------------------------------------------------------------------- checks

    def _state(self, doc: Any) -> tuple:
        s = doc.session
        values = tuple(
            (cid, None if s.cell(cid) is None else s.cell(cid).raw) for cid in sorted(s.data.cells)
        )
        counts = tuple(sorted(doc.counts().items()))
        notes = tuple(sorted((n.cell, n.text) for n in s.notes))
        # the report's own findings: a cross-year one comes and goes with the other year's report
        waived = tuple(sorted(f.key for f in s.findings if s.is_waived(f)))
        return values, counts, notes, waived

    def check(self, pushed: bool = False) -> None:
        w = self.w
        docs = self._docs()
        cur = w.current
        if cur is not None and cur not in docs:
            self.fail("the current report is no longer in the list")
        for grid in w.grids.values():
            bound = grid.grid_model.doc
            if bound is not (cur if cur is not None and cur.ok else None):
                self.fail(f"table {grid.table} shows another report than the current one")
        if w.findings.doc is not cur:
            self.fail("the findings panel shows another report than the current one")
        pane = w.source_pane
        if pane.mode == "pages" and pane.pages.doc is not cur:
            self.fail("the PDF's pages shown are another report's than the current one")
        if cur is None and pane.pages.doc is not None:
            self.fail("the page view still holds a closed report")
        want_stack = cur.stack if cur is not None else None
        if w.undo_group.activeStack() is not want_stack:
            self.fail("Undo would act on another report than the current one")
        shown = w.source.text.document()
        for sel in w.source.text.extraSelections():
            if sel.cursor.document() is not shown:
                self.fail("the source view's highlight is in a document no longer shown")
        if cur is not None and cur.name not in w.windowTitle():
            self.fail(f"window title {w.windowTitle()!r} does not name {cur.name}")
        if self.answers.warnings:
            self.fail(f"a warning was shown: {self.answers.warnings[-1]}")
        if cur is None or cur.session is None:
            return
        cells = self._grid_cells()
        if cells:
            cid = self.rng.choice(cells)
            cell = cur.session.cell(cid)
            # an ambiguous cell shows nothing (its text is its row's run of digits, not its value)
            raw = None if cell is None or cell.certainty == "ambiguous" else cell.raw
            if w.grid_for(cid).grid_model.index_of(cid).data() != ("" if raw is None else raw.strip()):
                self.fail(f"{cid} shows another value than the review holds")
        # undo / redo bring back exactly what was seen at that point of the history
        seen = self.seen.setdefault(id(cur), {})
        at = cur.stack.index()
        state = self._state(cur)
        if pushed:
            for i in [i for i in seen if i >= at]:
                del seen[i]
        if at in seen and seen[at] != state:
            self.fail(f"after undo/redo (index {at}) {cur.name} differs from what it was at that point")
        seen[at] = state
        # forget reports that are gone (their ids may be reused)
        alive = {id(d) for d in docs}
        for key in [k for k in self.seen if k not in alive]:
            del self.seen[key]
