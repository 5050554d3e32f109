"""Getting reports into the window: drag and drop of files and folders, recent files, a folder
of many reports with cancel, a 2021-format report, and the report list as a person sees it."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from gov_review.gui import settings
from gov_review.gui.models.report_list import COL_ERRORS, COL_NAME, COL_STATUS, COL_WARNINGS
from gov_review.gui.models.table_grid import StateRole
from gov_review.gui.states import CellState
from tests.conftest import seed_path
from tests.gui.conftest import seeds

ROOT = Path(__file__).resolve().parents[2]
TEXT = ROOT / "tests" / "data" / "text"


def names(w) -> list[str]:
    return sorted(d.name for d in w.list_model.docs)


def folder_of_reports(tmp_path: Path, n: int, bad: int | None = None) -> Path:
    """A reviewer's folder: reports in sub-folders, one of them perhaps broken."""
    root = tmp_path / "年报"
    for i in range(n):
        sub = root / f"{2020 + i % 3}年"
        sub.mkdir(parents=True, exist_ok=True)
        if i == bad:  # at the top of the folder, so it is among the first read
            (root / "损坏的报告.txt").write_bytes(b"\x00\xff\x00\x00garbage\x00")
        else:
            shutil.copyfile(seed_path(i % 5), sub / f"report_{i:03d}.txt")
    (root / "说明.xlsx").write_bytes(b"not a report")  # not a report type: ignored
    return root


def drop(w, paths: list[Path]) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(w, enter)
    if not enter.isAccepted():
        return False
    ev = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(w, ev)
    return ev.isAccepted()


def test_dropping_files_and_a_folder_opens_them_all(window, tmp_path):
    folder = folder_of_reports(tmp_path, 4)
    loose = tmp_path / "seed_002.txt"
    shutil.copyfile(seed_path(2), loose)
    assert drop(window, [loose, folder])
    assert names(window) == [
        "report_000.txt",
        "report_001.txt",
        "report_002.txt",
        "report_003.txt",
        "seed_002.txt",
    ]
    assert all(d.ok for d in window.list_model.docs)
    # dropping the same things again does not open them twice
    assert drop(window, [loose, folder])
    assert window.list_model.rowCount() == 5


def test_a_drop_without_files_is_refused(window):
    mime = QMimeData()
    mime.setText("一段文字")
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.setAccepted(False)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted() and window.list_model.rowCount() == 0


def test_recent_files_menu_lists_what_was_opened_and_reopens_it(window, tmp_path, monkeypatch):
    folder = folder_of_reports(tmp_path, 2)
    single = tmp_path / "seed_003.txt"
    shutil.copyfile(seed_path(3), single)
    window.open_paths([str(single)])
    window.open_paths([str(folder)])
    window.menu_recent.aboutToShow.emit()
    texts = [a.text() for a in window.menu_recent.actions()]
    assert texts == [str(folder), str(single)]  # newest first; the folder, not each of its files
    # written to this test's settings, not the reviewer's own
    assert settings.store().fileName().startswith(str(tmp_path))
    assert str(single) in (tmp_path / "settings").joinpath("gov-review", "gov-review.ini").read_text("utf-8")

    window.close_document(next(d for d in window.list_model.docs if d.name == "seed_003.txt"))
    assert "seed_003.txt" not in names(window)
    next(a for a in window.menu_recent.actions() if a.text() == str(single)).trigger()
    assert "seed_003.txt" in names(window)


def test_recent_files_menu_when_nothing_was_opened(window):
    window.menu_recent.aboutToShow.emit()
    (only,) = window.menu_recent.actions()
    assert only.text() == "（无）" and not only.isEnabled()


class StepPool:
    """A worker pool the test drives by hand: tasks wait until ``run(n)``."""

    def __init__(self) -> None:
        self.queue: list = []

    def run_task(self, fn, callback) -> None:
        self.queue.append((fn, callback))

    def run(self, n: int) -> None:
        for _ in range(min(n, len(self.queue))):
            fn, callback = self.queue.pop(0)
            callback(fn())

    def pending(self) -> int:
        return len(self.queue)

    def wait(self, msecs: int = -1) -> bool:
        self.run(len(self.queue))
        return True


def test_a_folder_loads_with_progress_one_bad_file_blocks_nothing_and_cancel_keeps_what_is_open(
    window, tmp_path, monkeypatch
):
    pool = StepPool()
    window.pool = pool
    folder = folder_of_reports(tmp_path, 20, bad=3)
    assert window.open_paths([str(folder)]) == 20
    assert window.loading() and not window.progress.isHidden() and window.progress.maximum() == 20
    pool.run(10)
    assert window.list_model.rowCount() == 10 and window.progress.value() == 10
    bad = next(d for d in window.list_model.docs if d.name == "损坏的报告.txt")
    assert not bad.ok and bad.error_message()  # its one-line reason in the list
    row = window.list_model.row_of(bad)
    assert window.list_model.index(row, COL_STATUS).data() == bad.error_message()
    assert window.list_model.index(row, COL_ERRORS).data() == "—"

    window.cancel_button.click()
    assert not window.loading() and window.progress.isHidden() and window.cancel_button.isHidden()
    pool.run(10)  # the tasks already queued return without reading and are dropped
    assert window.list_model.rowCount() == 10
    assert "已取消" in window.statusBar().currentMessage()
    # the list is usable: pick a report, edit it, open more
    good = next(d for d in window.list_model.docs if d.ok and d is not window.current)
    window.list_view.setCurrentIndex(
        window.proxy.mapFromSource(window.list_model.index(window.list_model.row_of(good), 0))
    )
    assert window.current is good
    cell = "t3.r_new.c_natural"
    assert window.set_cell(cell, "7") and good.session.data.value(cell) == 7
    assert window.open_paths([str(folder)]) == 10  # the rest, not those already open
    pool.run(10)
    assert window.list_model.rowCount() == 20 and not window.loading()


def state(w, cell_id) -> CellState:
    return CellState(w.grid_for(cell_id).grid_model.index_of(cell_id).data(StateRole))


def texts_of(model) -> set[str]:
    return {
        str(model.index(r, c).data())
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.index(r, c).data()
    }


def test_a_2021_report_shows_the_2021_layout_and_its_findings(window):
    window.open_paths([str(TEXT / "report_2021_errors.txt")])
    w = window
    session = w.current.session
    assert session.data.format == "2021"
    t2, t3 = w.grids["t2"].grid_model, w.grids["t3"].grid_model
    # table 二 has the 2021 columns, table 三 the three （六） rows of 2021
    assert {"本年制发件数", "本年废止件数", "现行有效件数"} <= texts_of(t2)
    assert any("逾期未按收费通知要求缴纳费用" in t for t in texts_of(t3))
    assert t3.index_of("t3.r_other_nofee.c_total").data() == "1"
    assert not t3.index_of("t3.r_other.c_natural").isValid()  # the 2019 single （六） row is not there
    assert t2.index_of("t2.a1.r_reg.c_issued").data() == "1"
    # findings on the right cells, visibly
    assert state(w, "t2.a1.r_reg.c_issued") & CellState.ERROR  # S01: a street office issuing 规章
    assert state(w, "t3.r_total.c_natural") & CellState.ERROR  # R01/R03
    assert state(w, "t3.r_other_nofee.c_total") & CellState.WARNING  # S05
    assert w.findings.banner.text().startswith("✖ 6 个错误，4 个警告")
    w.next_finding()
    first = w.findings.current_finding()
    assert w.grid_for(first.cells[0]).current_cell() == first.cells[0]


def test_a_2021_docx_opens_in_the_window(window):
    window.open_paths([str(ROOT / "tests" / "data" / "docx" / "seed_002.docx")])
    assert window.current is not None and window.current.ok
    assert window.grids["t3"].grid_model.index_of("t3.r_total.c_natural").isValid()


def test_the_list_shows_whole_file_names_and_headers_and_keeps_the_counts_in_a_narrow_pane(
    window, tmp_path, qapp
):
    long = tmp_path / "002_60c3416880e5604d.txt"
    shutil.copyfile(seed_path(2), long)
    window.open_paths([str(long)])
    window.resize(1600, 900)
    window.show()
    view = window.list_view
    fm = view.fontMetrics()
    name = window.proxy.index(0, COL_NAME).data()
    header = window.list_model.headerData(COL_STATUS, Qt.Orientation.Horizontal)
    window.main_split.setSizes([520, 1080])
    qapp.processEvents()
    # room enough: the name column holds the text beside its icon; the last column's header fits too
    assert view.columnWidth(COL_NAME) >= fm.horizontalAdvance(name) + view.iconSize().width() + 8
    assert view.horizontalHeader().sectionSize(COL_STATUS) >= fm.horizontalAdvance(header) + 16
    # a laptop's narrow pane: the name gives way (elided), both counts stay in sight
    window.main_split.setSizes([260, 1340])
    qapp.processEvents()
    shown = sum(view.columnWidth(c) for c in (COL_NAME, COL_ERRORS, COL_WARNINGS))
    assert shown <= view.viewport().width()
    assert view.columnWidth(COL_NAME) < fm.horizontalAdvance(name) + view.iconSize().width() + 8


def test_a_folder_opens_in_worker_processes_and_every_report_arrives(window, tmp_path, qtbot):
    from gov_review.gui.workers import TaskPool

    window.pool = TaskPool(window, max_threads=1)  # results come back a slice per event-loop turn
    folder = folder_of_reports(tmp_path, 30, bad=7)
    assert window.open_paths([str(folder)]) == 30
    assert window.loading() and window._processes is not None  # a folder: worker processes read it
    qtbot.waitUntil(lambda: not window.loading(), timeout=120_000)
    assert window.list_model.rowCount() == 30
    bad = [d for d in window.list_model.docs if not d.ok]
    assert [d.name for d in bad] == ["损坏的报告.txt"] and bad[0].error_message()
    assert window.current is not None and window.current.ok
    # what came back from another process is a live review: counts shown, an edit re-checks
    seed_002 = next(d for d in window.list_model.docs if d.path.endswith("report_002.txt"))
    window.set_current(seed_002)
    cells = ("t3.r_total.c_natural", "t3.r_total.c_total")

    def balance(doc):  # the balance errors on the two totals
        return [f.rule for f in doc.session.findings if f.severity == "error" and f.cells[0] in cells]

    assert sorted(balance(seed_002)) == ["R01", "R01", "R03", "R03"]
    assert window.set_cell(cells[0], "4") and window.set_cell(cells[1], "4")
    assert balance(seed_002) == []


def test_cancelling_a_folder_read_by_worker_processes_keeps_what_arrived(window, tmp_path, qtbot):
    from gov_review.gui.workers import TaskPool

    window.pool = TaskPool(window, max_threads=1)
    folder = folder_of_reports(tmp_path, 40, bad=5)
    assert window.open_paths([str(folder)]) == 40
    qtbot.waitUntil(lambda: window.list_model.rowCount() >= 1, timeout=120_000)
    window.cancel_button.click()
    assert not window.loading()
    shown = window.list_model.rowCount()
    qtbot.wait(300)
    window._processes.wait(30_000)
    qtbot.wait(100)
    assert window.list_model.rowCount() == shown < 40  # what a worker still returned is dropped


def test_open_reports_are_kept_out_of_full_garbage_collections_until_all_close(window, qapp):
    """A full collection scans every object Python tracks: with a folder of reports open it froze
    the window for up to ~0.1 s each time. Opened reports are frozen out of it; when the last one
    closes, everything is collected again."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    gc.unfreeze()
    window.open_paths(seeds()[:3])
    frozen = gc.get_freeze_count()
    assert frozen > 3 * 1000  # each report is thousands of objects
    for doc in list(window.list_model.docs):
        assert window.close_document(doc)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert gc.get_freeze_count() == 0
