"""Dashboard speed with 200 open reports: first show (pyqtgraph import included, in a fresh
process) and a refresh (figures + redraw), with the league table's load and sort beside them.
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_dashboard.py [N]``.

The reports are generated in the seeds' text layout with varied numbers (tests/gui/test_league.py
``write_variant``): every fifth one has an arithmetic error, every seventh a blank cell.
Baseline, measured in the same process: importing pyqtgraph and drawing one empty PlotWidget.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BODIES = [
    "东城街道办事处",
    "西城街道办事处",
    "南湖镇人民政府",
    "北山镇人民政府",
    "教育局",
    "人民政府",
    "卫生健康局",
]

FIRST_SHOW = """
import sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gov_review.gui import i18n
i18n.install(app, "zh")
from gov_review.core.review.pipeline import analyse_file
from gov_review.gui.document import ReportDocument
from gov_review.gui.models.league import LeagueModel
docs = [ReportDocument(analyse_file(p)) for p in Path(sys.argv[1]).read_text().splitlines()]
model = LeagueModel()
model.set_reports(docs)
t0 = time.perf_counter()
from gov_review.gui.views.dashboard import Dashboard
dash = Dashboard()
dash.attach(model)
dash.resize(1100, 1300)
t1 = time.perf_counter()
dash.show()
app.processEvents()
t2 = time.perf_counter()
print(t1 - t0, t2 - t1, "pyqtgraph" in sys.modules)
"""

BASELINE = """
import time
from PySide6.QtWidgets import QApplication
app = QApplication([])
t0 = time.perf_counter()
import os
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
import pyqtgraph as pg
t1 = time.perf_counter()
w = pg.PlotWidget()
w.resize(500, 300)
w.show()
app.processEvents()
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def make_reports(folder: Path, n: int) -> list[str]:
    from tests.gui.test_league import write_variant

    paths = []
    for i in range(n):
        body = f"青山县{i // len(BODIES)}号{BODIES[i % len(BODIES)]}"
        paths.append(
            str(
                write_variant(
                    folder,
                    f"r{i:04d}.txt",
                    body,
                    2022 + i % 2,
                    i,
                    broken=1 if i % 5 == 0 else 0,
                    blank=("r_deny_third", 6) if i % 7 == 0 else None,
                )
            )
        )
    return paths


def median_ms(xs: list[float]) -> str:
    return f"{statistics.median(xs) * 1000:.0f} ms (min {min(xs) * 1000:.0f}, max {max(xs) * 1000:.0f})"


def main(n: int = 200, runs: int = 5) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-dash-"))
    paths = make_reports(tmp, n)
    listing = tmp / "paths.txt"
    listing.write_text("\n".join(paths), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    base_import, base_plot = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", BASELINE], capture_output=True, text=True, env=env, check=True
        )
        a, b = map(float, out.stdout.split())
        base_import.append(a)
        base_plot.append(b)
    build, show = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", FIRST_SHOW, str(listing)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        a, b, loaded = out.stdout.split()
        assert loaded == "True"
        build.append(float(a))
        show.append(float(b))

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from gov_review.core.review.pipeline import analyse_file
    from gov_review.gui import i18n
    from gov_review.gui.document import ReportDocument
    from gov_review.gui.models.league import COL_ERRORS
    from gov_review.gui.views.dashboard import Dashboard, compute_charts
    from gov_review.gui.views.league import LeagueView

    i18n.install(app, "zh")
    docs = [ReportDocument(analyse_file(p)) for p in paths]
    view = LeagueView()
    load, sort = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        view.model.set_reports(docs)
        load.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        view.table.sortByColumn(COL_ERRORS, Qt.SortOrder.DescendingOrder)
        view.table.sortByColumn(COL_ERRORS, Qt.SortOrder.AscendingOrder)
        sort.append((time.perf_counter() - t0) / 2)
    dash = Dashboard()
    dash.attach(view.model)
    dash.resize(1100, 1300)
    dash.show()
    app.processEvents()
    figures, refresh = [], []
    for _ in range(runs * 4):
        t0 = time.perf_counter()
        compute_charts(docs, view.model.rule_counts)
        figures.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        dash.refresh()
        dash.repaint()  # synchronous paint: the redraw the reviewer waits for
        app.processEvents()
        refresh.append(time.perf_counter() - t0)
    dash._timer.stop()

    print(f"{n} reports, {runs} runs (refresh: {runs * 4}); medians")
    print(
        f"baseline: import pyqtgraph {median_ms(base_import)}; one empty PlotWidget shown {median_ms(base_plot)}"
    )
    print(
        f"dashboard first show, fresh process: create {median_ms(build)}; show (pyqtgraph import, 7 plots, draw) {median_ms(show)}"
    )
    print(f"dashboard refresh: figures {median_ms(figures)}; figures + redraw + paint {median_ms(refresh)}")
    print(f"league table: load {median_ms(load)}; sort by errors {median_ms(sort)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
