"""GUI speed and weight: start-up to a shown window with one report, one edit → re-check → repaint,
and the memory of 100 open reports. Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui.py``.

Targets: start ≤ 1.0 s, edit ≤ 16 ms (median), 100 reports ≤ 400 MB RSS.
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


def bench_edit(n: int = 200) -> tuple[float, float]:
    from gov_review.gui.app import make_app
    from gov_review.gui.main_window import MainWindow
    from gov_review.gui.workers import SyncPool

    app = make_app("zh")
    w = MainWindow(pool=SyncPool())
    w.resize(1600, 1000)
    w.open_paths([str(SEED)])
    w.show()
    app.processEvents()
    grid = w.grids["t3"]
    w.tabs.setCurrentWidget(grid)
    times = []
    for i in range(n):
        t = time.perf_counter()
        w.set_cell("t3.r_total.c_natural", "4" if i % 2 == 0 else "0")  # setData → undo command → check
        app.processEvents()  # the views repaint what changed (offscreen paints synchronously here)
        times.append((time.perf_counter() - t) * 1000)
    for d in list(w.list_model.docs):
        d.stack.setClean()
    w.close()
    return statistics.median(times), max(times)


def bench_memory(n: int = 100) -> tuple[float, float, float]:
    from gov_review.gui.app import make_app
    from gov_review.gui.main_window import MainWindow
    from gov_review.gui.workers import SyncPool

    app = make_app("zh")
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


def main() -> None:
    start = bench_startup()
    print(f"start → window shown with one report: {start:.2f} s (target ≤ 1.0 s)")
    median, worst = bench_edit()
    print(
        f"one cell edit → re-check → repaint: median {median:.1f} ms, worst {worst:.1f} ms (target ≤ 16 ms)"
    )
    before, after, seconds = bench_memory()
    print(
        f"100 reports open: RSS {after:.0f} MB (window alone {before:.0f} MB), opened in {seconds:.1f} s (target ≤ 400 MB)"
    )


if __name__ == "__main__":
    main()
