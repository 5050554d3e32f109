"""Opening runs on worker threads: results arrive on the GUI thread, cancel stops the rest."""

from __future__ import annotations

import threading

from gov_review.gui.main_window import MainWindow
from gov_review.gui.workers import SyncPool, TaskFailed, TaskPool
from tests.gui.conftest import seeds


def test_task_pool_calls_back_on_the_gui_thread(qtbot):
    pool = TaskPool()
    got = []
    pool.run_task(
        lambda: threading.current_thread() is threading.main_thread(),
        lambda r: got.append((r, threading.current_thread() is threading.main_thread())),
    )
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got == [(False, True)]


def test_a_failing_task_delivers_the_exception(qtbot):
    got = []
    SyncPool().run_task(lambda: 1 / 0, got.append)
    assert isinstance(got[0], TaskFailed) and isinstance(got[0].exc, ZeroDivisionError)


def test_opening_in_the_background(qtbot, tmp_path):
    win = MainWindow(pool=TaskPool(max_threads=2))
    qtbot.addWidget(win)
    bad = tmp_path / "garbage.docx"
    bad.write_bytes(b"\x00not a zip" * 20)
    win.open_paths([*seeds(), str(bad)])
    qtbot.waitUntil(lambda: not win.loading(), timeout=30000)
    assert win.list_model.rowCount() == 6
    assert sum(1 for d in win.list_model.docs if not d.ok) == 1
    assert win.progress.isHidden()


def test_cancel_skips_what_has_not_been_read(qtbot):
    pool = TaskPool(max_threads=1)
    win = MainWindow(pool=pool)
    qtbot.addWidget(win)
    win.open_paths(seeds())
    win.cancel_loading()
    qtbot.waitUntil(lambda: not win.loading(), timeout=30000)
    assert win.list_model.rowCount() < 5


def test_process_pool_returns_results_and_failures_on_the_gui_thread(qtbot):
    from functools import partial

    from gov_review.gui.workers import ProcessTaskPool

    pool = ProcessTaskPool(max_workers=1)
    got = []
    pool.run_task(
        partial(pow, 2, 10), lambda r: got.append((r, threading.current_thread() is threading.main_thread()))
    )
    pool.run_task(partial(int, "十"), got.append)  # raises in the worker process
    qtbot.waitUntil(lambda: len(got) == 2, timeout=60_000)
    assert got[0] == (1024, True)
    assert isinstance(got[1], TaskFailed) and isinstance(got[1].exc, ValueError)
    pool.shutdown()


def test_a_worker_process_that_dies_fails_only_its_own_task(qtbot):
    """A report that kills its reader (a crash in a C library) fails; the folder's next reports are
    still read, in a new pool."""
    import os
    from functools import partial

    from gov_review.gui.workers import ProcessTaskPool

    pool = ProcessTaskPool(max_workers=1)
    got = []
    pool.run_task(partial(os._exit, 3), got.append)
    qtbot.waitUntil(lambda: len(got) == 1, timeout=60_000)
    assert isinstance(got[0], TaskFailed)
    pool.run_task(partial(pow, 2, 3), got.append)
    qtbot.waitUntil(lambda: len(got) == 2, timeout=60_000)
    assert got[1] == 8
    pool.shutdown()


def test_process_pool_starts_its_processes_off_the_calling_thread_and_below_its_priority(qtbot, monkeypatch):
    """Starting worker processes takes a few hundred ms: the window's thread never waits for it,
    and the workers run at a lower priority than the window, which keeps a core for drawing."""
    import os
    from functools import partial

    from gov_review.core.batch import pool as batch_pool
    from gov_review.gui.workers import ProcessTaskPool

    started_on = []
    real_new_pool = batch_pool.new_pool

    def new_pool(*args, **kwargs):
        started_on.append(threading.current_thread())
        return real_new_pool(*args, **kwargs)

    monkeypatch.setattr(batch_pool, "new_pool", new_pool)
    pool = ProcessTaskPool(max_workers=1)
    got = []
    pool.run_task(partial(os.nice, 0), got.append)  # os.nice(0): the worker's niceness
    qtbot.waitUntil(lambda: len(got) == 1, timeout=60_000)
    assert started_on and threading.main_thread() not in started_on
    if hasattr(os, "nice"):
        assert got[0] >= min(19, os.nice(0) + batch_pool.BACKGROUND_NICENESS)
    pool.shutdown()
