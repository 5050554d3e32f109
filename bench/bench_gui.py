"""GUI speed and weight: start-up to a shown window with one report, one edit → re-check → repaint,
the memory of 100 open reports, and how long the window stops answering while a folder of 200
reports opens on the worker threads (the longest event-loop stall). Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui.py``.

Targets: start ≤ 1.0 s, edit ≤ 16 ms (median), 100 reports ≤ 400 MB RSS, no stall over 100 ms
(a person notices a frozen window from about 100 ms).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "resources" / "samples" / "seed_002.txt"

STARTUP = """
import sys, time
from gov_review.gui.app import make_app
app = make_app("zh")
from gov_review.gui.main_window import MainWindow
from gov_review.gui.workers import SyncPool
w = MainWindow(pool=SyncPool())
w.resize(1600, 1000)
w.open_paths([sys.argv[1]])
w.show()
app.processEvents()
print(time.time())
"""


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def bench_startup(runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t0 = time.time()
        out = subprocess.run(
            [sys.executable, "-c", STARTUP, str(SEED)], capture_output=True, text=True, cwd=ROOT, check=True
        )
        times.append(float(out.stdout.strip().splitlines()[-1]) - t0)
    return statistics.median(times)


def _isolate_settings() -> None:
    """The window as a new user meets it (default layout, docks hidden), not as the last person
    who ran the program on this machine left it: settings go to a fresh temporary folder."""
    from PySide6.QtCore import QSettings

    folder = tempfile.mkdtemp(prefix="gov-review-bench-settings-")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


def bench_edit(n: int = 200, profile: str | None = None) -> tuple[float, float, float, float, float]:
    """One cell edit → re-check → repaint, ``n`` times; CPU time (bench/timing.py's clock).

    Returns the median and worst of the whole edit, the median of the core's ``check`` inside it,
    and the median and worst of the rest (the GUI side: undo command, models, views, repaint)."""
    from gov_review.core.review import session as review
    from gov_review.core.review.recovery import RecoveryStore
    from gov_review.gui.app import make_app
    from gov_review.gui.main_window import MainWindow
    from gov_review.gui.workers import SyncPool

    sys.path.insert(0, str(ROOT / "bench"))
    from timing import CLOCK

    checked = [0.0]
    real_check = review.check

    def timed_check(*args, **kwargs):  # the core's share of an edit, measured where it is called
        t = CLOCK()
        try:
            return real_check(*args, **kwargs)
        finally:
            checked[0] += CLOCK() - t

    app = make_app("zh")
    _isolate_settings()
    w = MainWindow(
        pool=SyncPool(), recovery=RecoveryStore(Path(tempfile.mkdtemp(prefix="gov-review-bench-")))
    )
    w.remember_layout = False
    w.resize(1600, 1000)
    w.open_paths([str(SEED)])
    w.show()
    app.processEvents()
    grid = w.grids["t3"]
    w.tabs.setCurrentWidget(grid)
    app.processEvents()
    times, checks = [], []
    review.check = timed_check
    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    try:
        for i in range(n):
            checked[0] = 0.0
            t = CLOCK()
            w.set_cell("t3.r_total.c_natural", "4" if i % 2 == 0 else "0")  # setData → undo → check
            app.processEvents()  # the views repaint what changed (offscreen paints synchronously here)
            times.append((CLOCK() - t) * 1000)
            checks.append(checked[0] * 1000)
    finally:
        review.check = real_check
        if prof is not None:
            prof.disable()
            prof.dump_stats(profile)
    for d in list(w.list_model.docs):
        d.stack.setClean()
    w.close()
    gui = [t - c for t, c in zip(times, checks, strict=True)]
    return (
        statistics.median(times),
        max(times),
        statistics.median(checks),
        statistics.median(gui),
        max(gui),
    )


def _edit_line(median: float, worst: float, check: float, gui: float, gui_worst: float) -> str:
    return (
        f"one cell edit → re-check → repaint: median {median:.1f} ms, worst {worst:.1f} ms "
        f"(target ≤ 16 ms); of which check median {check:.1f} ms, GUI median {gui:.1f} ms, "
        f"GUI worst {gui_worst:.1f} ms (GUI target ≤ 8 ms median, ≤ 20 ms worst)"
    )


def bench_memory(n: int = 100) -> tuple[float, float, float]:
    from gov_review.gui.app import make_app
    from gov_review.gui.main_window import MainWindow
    from gov_review.gui.workers import SyncPool

    app = make_app("zh")
    _isolate_settings()
    tmp = Path(tempfile.mkdtemp(prefix="gov-review-bench-"))
    samples = sorted((ROOT / "resources" / "samples").glob("seed_*.txt"))
    paths = []
    for i in range(n):
        p = tmp / f"report_{i:03d}.txt"
        shutil.copyfile(samples[i % len(samples)], p)
        paths.append(str(p))
    before = rss_mb()
    w = MainWindow(pool=SyncPool())
    w.show()
    t = time.perf_counter()
    w.open_paths(paths)
    app.processEvents()
    seconds = time.perf_counter() - t
    after = rss_mb()
    w.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return before, after, seconds


def bench_folder_stall(n: int = 200, threads: int | None = None) -> tuple[float, float, float, int]:
    """Open a folder of ``n`` reports with the real thread pool; a 1 ms timer records the gaps
    between its ticks: the longest gap is the longest time the window could not repaint or react."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from gov_review.core.review.recovery import RecoveryStore
    from gov_review.gui.app import make_app
    from gov_review.gui.main_window import MainWindow

    app = make_app("zh")
    _isolate_settings()
    tmp = Path(tempfile.mkdtemp(prefix="gov-review-bench-"))
    samples = sorted((ROOT / "resources" / "samples").glob("seed_*.txt"))
    for i in range(n):
        sub = tmp / f"{2019 + i % 4}"
        sub.mkdir(exist_ok=True)
        shutil.copyfile(samples[i % len(samples)], sub / f"report_{i:03d}.txt")
    from gov_review.gui.workers import TaskPool

    w = MainWindow(pool=TaskPool(max_threads=threads), recovery=RecoveryStore(tmp / "recovery"))
    w.pool.setParent(w)
    w.remember_layout = False
    w.resize(1600, 1000)
    w.show()
    app.processEvents()
    clock, gaps = QElapsedTimer(), []
    last = [0.0]
    tick = QTimer()
    tick.setInterval(1)

    def on_tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        gaps.append(now - last[0])
        last[0] = now

    tick.timeout.connect(on_tick)
    loop = QEventLoop()
    done = QTimer()
    done.setInterval(20)
    done.timeout.connect(lambda: loop.quit() if not w.loading() else None)
    clock.start()
    tick.start()
    w.open_paths([str(tmp)], remember=False)
    done.start()
    loop.exec()
    seconds = clock.nsecsElapsed() / 1e9
    tick.stop()
    done.stop()
    opened = w.list_model.rowCount()
    w.close()
    shutil.rmtree(tmp, ignore_errors=True)
    if os.environ.get("BENCH_VERBOSE"):
        print("ticks", len(gaps), "top gaps", sorted(gaps)[-8:])
    gaps.sort()
    return gaps[-1], gaps[int(len(gaps) * 0.99)], seconds, opened


def main() -> None:
    start = bench_startup()
    print(f"start → window shown with one report: {start:.2f} s (target ≤ 1.0 s)")
    print(_edit_line(*bench_edit()))
    before, after, seconds = bench_memory()
    print(
        f"100 reports open: RSS {after:.0f} MB (window alone {before:.0f} MB), opened in {seconds:.1f} s (target ≤ 400 MB)"
    )
    worst, p99, seconds, opened = bench_folder_stall()
    print(
        f"folder of 200 reports on the worker pool: {opened} opened in {seconds:.1f} s; longest event-loop "
        f"stall {worst:.0f} ms, 99th percentile {p99:.0f} ms (target: no stall over 100 ms)"
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["stall"]:
        worst, p99, seconds, opened = bench_folder_stall(threads=int(sys.argv[2]) if sys.argv[2:] else None)
        print(f"{opened} opened in {seconds:.1f} s; longest stall {worst:.0f} ms, p99 {p99:.0f} ms")
    elif sys.argv[1:2] == ["edit"]:
        # ``edit [PROFILE_FILE]``: the edit benchmark alone, optionally under cProfile
        print(_edit_line(*bench_edit(profile=sys.argv[2] if sys.argv[2:] else None)))
    else:
        main()
