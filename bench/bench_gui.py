"""GUI speed and weight: start-up to a shown window with one report (text and PDF), one edit →
re-check → repaint, switching between reports of every format, the memory of 100 open reports, and
how long the window stops answering while a folder of 200 reports (text only, and mixed: PDF,
.docx, HTML, text) opens on the worker pool (the longest event-loop stall, the first report shown).
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui.py`` (``switch``, ``stall``,
``mixed``, ``edit``, ``memory`` run one part).

Targets: start ≤ 1.0 s, edit ≤ 16 ms (median), switching ≤ 30 ms (median), 100 reports ≤ 400 MB
RSS, no stall over 100 ms (a person notices a frozen window from about 100 ms), first report of a
folder ≤ 0.5 s.
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


REAL_PDF = ROOT / "tests" / "data" / "pdf" / "huaian_city_2024.pdf"


def bench_startup(runs: int = 5, path: Path = SEED) -> float:
    times = []
    for _ in range(runs):
        t0 = time.time()
        out = subprocess.run(
            [sys.executable, "-c", STARTUP, str(path)], capture_output=True, text=True, cwd=ROOT, check=True
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


def mixed_files() -> list[Path]:
    """One real or seed report of each kind: the three real PDFs, Word, HTML and text."""
    data = ROOT / "tests" / "data"
    return [
        *sorted((data / "pdf").glob("h*.pdf")),
        *sorted((data / "docx").glob("seed_00*.docx")),
        *sorted((data / "html").glob("seed*.htm*")),
        *sorted((ROOT / "resources" / "samples").glob("seed_*.txt")),
    ]


def make_folder(tmp: Path, n: int, mixed: bool) -> None:
    """``n`` reports in four year folders: text seeds only, or a mix in which every 8th is a PDF."""
    samples = sorted((ROOT / "resources" / "samples").glob("seed_*.txt"))
    files = mixed_files()
    pdfs = [f for f in files if f.suffix == ".pdf"]
    others = [f for f in files if f.suffix != ".pdf"]
    for i in range(n):
        sub = tmp / f"{2019 + i % 4}"
        sub.mkdir(exist_ok=True)
        if not mixed:
            src = samples[i % len(samples)]
        else:
            src = pdfs[(i // 8) % len(pdfs)] if i % 8 == 0 else others[i % len(others)]
        shutil.copyfile(src, sub / f"report_{i:03d}{src.suffix}")


def bench_switch(rounds: int = 20, cached: bool = True) -> tuple[float, float, int]:
    """Switch between open reports of every format (PDF, .docx, HTML, text), ``rounds`` times over
    all of them; CPU time of each switch including the repaint. ``cached=False`` measures and builds
    everything again on every switch, as before row heights and source documents were kept.
    Returns the median and worst milliseconds and how many reports took part."""
    from gov_review.gui.app import make_app
    from gov_review.gui.main_window import MainWindow
    from gov_review.gui.views import grid_view, source_view
    from gov_review.gui.workers import SyncPool

    sys.path.insert(0, str(ROOT / "bench"))
    from timing import CLOCK

    app = make_app("zh")
    _isolate_settings()
    keep, wide = source_view.KEEP, grid_view.GridView._has_wide_values
    if not cached:
        source_view.KEEP = 0
        grid_view.GridView._has_wide_values = lambda self, layout: True
    try:
        w = MainWindow(pool=SyncPool())
        w.remember_layout = False
        w.resize(1600, 1000)
        w.open_paths([str(p) for p in mixed_files()], remember=False)
        w.show()
        app.processEvents()
        docs = [d for d in w.list_model.docs if d.ok]
        w.tabs.setCurrentWidget(w.grids["t3"])
        times = []
        for _ in range(rounds):
            for doc in docs:
                t = CLOCK()
                w.set_current(doc)
                app.processEvents()
                times.append((CLOCK() - t) * 1000)
        for d in list(w.list_model.docs):
            d.stack.setClean()
        w.close()
    finally:
        source_view.KEEP, grid_view.GridView._has_wide_values = keep, wide
    return statistics.median(times), max(times), len(docs)


def bench_cli_check(n: int = 200, jobs: int = 2) -> float:
    """Seconds for ``gov-review check --jobs 2`` over a folder of ``n`` mixed reports (wall time)."""
    tmp = Path(tempfile.mkdtemp(prefix="gov-review-bench-"))
    make_folder(tmp, n, mixed=True)
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "gov_review.cli.main", "check", "--jobs", str(jobs), str(tmp)],
        capture_output=True,
        cwd=ROOT,
    )
    seconds = time.perf_counter() - t
    shutil.rmtree(tmp, ignore_errors=True)
    return seconds


def bench_folder_stall(
    n: int = 200, threads: int | None = None, mixed: bool = False
) -> tuple[float, float, float, int, float]:
    """Open a folder of ``n`` reports with the real worker pool; a 1 ms timer records the gaps
    between its ticks: the longest gap is the longest time the window could not repaint or react.
    Also returns when the first report appeared in the list (seconds after the folder was chosen)."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from gov_review.core.review.recovery import RecoveryStore
    from gov_review.gui.app import make_app
    from gov_review.gui.main_window import MainWindow

    app = make_app("zh")
    _isolate_settings()
    tmp = Path(tempfile.mkdtemp(prefix="gov-review-bench-"))
    make_folder(tmp, n, mixed)
    from gov_review.gui.workers import TaskPool

    w = MainWindow(pool=TaskPool(max_threads=threads), recovery=RecoveryStore(tmp / "recovery"))
    w.pool.setParent(w)
    w.remember_layout = False
    w.resize(1600, 1000)
    w.show()
    app.processEvents()
    clock, gaps = QElapsedTimer(), []
    last = [0.0]
    first = [float("nan")]
    tick = QTimer()
    tick.setInterval(1)

    def on_tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        gaps.append(now - last[0])
        last[0] = now
        if first[0] != first[0] and w.list_model.rowCount():
            first[0] = now / 1000

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
    return gaps[-1], gaps[int(len(gaps) * 0.99)], seconds, opened, first[0]


def _switch_lines() -> None:
    before, before_worst, n = bench_switch(cached=False)
    after, after_worst, _ = bench_switch(cached=True)
    print(
        f"switching between {n} reports (PDF, .docx, HTML, text): median {after:.1f} ms, worst "
        f"{after_worst:.1f} ms (target ≤ 30 ms); measuring and building everything on every switch "
        f"(as before): median {before:.1f} ms, worst {before_worst:.1f} ms"
    )


def _stall_line(label: str, worst: float, p99: float, seconds: float, opened: int, first: float) -> str:
    return (
        f"{label}: {opened} opened in {seconds:.1f} s; first report shown after {first:.2f} s (target ≤ 0.5 s); "
        f"longest event-loop stall {worst:.0f} ms, 99th percentile {p99:.0f} ms (target: no stall over 100 ms)"
    )


def main() -> None:
    start = bench_startup()
    print(f"start → window shown with one text report: {start:.2f} s (target ≤ 1.0 s)")
    start = bench_startup(path=REAL_PDF)
    print(f"start → window shown with one PDF report: {start:.2f} s (target ≤ 1.0 s)")
    print(_edit_line(*bench_edit()))
    _switch_lines()
    # in a process of its own: the parts before leave their memory in this one
    out = subprocess.run([sys.executable, __file__, "memory"], capture_output=True, text=True, cwd=ROOT)
    print(out.stdout.strip())
    print(_stall_line("folder of 200 text reports on the worker pool", *bench_folder_stall()))
    print(_stall_line("folder of 200 mixed reports on the worker pool", *bench_folder_stall(mixed=True)))
    print(f"gov-review check --jobs 2 over 200 mixed reports: {bench_cli_check():.1f} s (target ≤ 10 s)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["stall"]:
        threads = int(sys.argv[2]) if sys.argv[2:] else None
        print(_stall_line("folder of 200 text reports", *bench_folder_stall(threads=threads)))
    elif sys.argv[1:2] == ["mixed"]:
        print(_stall_line("folder of 200 mixed reports", *bench_folder_stall(mixed=True)))
        print(f"gov-review check --jobs 2 over 200 mixed reports: {bench_cli_check():.1f} s (target ≤ 10 s)")
    elif sys.argv[1:2] == ["memory"]:
        before, after, seconds = bench_memory()
        print(
            f"100 reports open: RSS {after:.0f} MB (window alone {before:.0f} MB), "
            f"opened in {seconds:.1f} s (target ≤ 400 MB)"
        )
    elif sys.argv[1:2] == ["switch"]:
        _switch_lines()
    elif sys.argv[1:2] == ["edit"]:
        # ``edit [PROFILE_FILE]``: the edit benchmark alone, optionally under cProfile
        print(_edit_line(*bench_edit(profile=sys.argv[2] if sys.argv[2:] else None)))
    else:
        main()
