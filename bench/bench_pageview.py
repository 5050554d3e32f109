"""The 原件 page view: how soon a report's first page shows after it is selected, and how smoothly a
30-page PDF scrolls (the longest the event loop stops answering while scrolling top to bottom).

The 30-page PDF is made here from the real reports in /work/shared/real (their pages repeated
with pypdfium2) and opened in the window like any report. Scrolling moves the scroll bar by a
wheel step (120 px) every 16 ms, as a fast wheel does; a 1 ms heartbeat timer measures the gaps
between event-loop turns. The same scroll of the 文本 view of the same report runs in the same
process as the baseline.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_pageview.py``.
Targets: first page ≤ 300 ms, no stall over 50 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
REAL = Path(os.environ.get("GOV_REVIEW_REAL", "/work/shared/real"))
PAGES = 30


def make_pdf(out: Path, pages: int = PAGES) -> Path:
    """A PDF of ``pages`` pages: the real reports' pages, repeated in turn."""
    import pypdfium2 as pdfium

    sources = [pdfium.PdfDocument(str(p)) for p in sorted(REAL.glob("*.pdf"))]
    new = pdfium.PdfDocument.new()
    i = 0
    while len(new) < pages:
        src = sources[i % len(sources)]
        take = min(len(src), pages - len(new))
        new.import_pages(src, list(range(take)))
        i += 1
    new.save(str(out))
    new.close()
    for s in sources:
        s.close()
    return out


class Heartbeat:
    """The longest gap between turns of the event loop while it runs: in wall time (what the
    reviewer feels, but on a shared machine also the time other processes held the CPU), and in
    the GUI thread's own CPU time (the window's own work only)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._beat)
        self.last = self.last_cpu = 0.0
        self.worst = self.worst_cpu = 0.0

    def _beat(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.worst = max(self.worst, now - self.last)
        self.worst_cpu = max(self.worst_cpu, cpu - self.last_cpu)
        self.last, self.last_cpu = now, cpu

    def start(self) -> None:
        self.worst = self.worst_cpu = 0.0
        self.last, self.last_cpu = time.perf_counter(), time.thread_time()
        self.timer.start()

    def stop(self) -> tuple[float, float]:
        self.timer.stop()
        return self.worst * 1000, self.worst_cpu * 1000


def scroll_through(app, bar, beat: Heartbeat, step: int = 120, tick: float = 0.016) -> tuple[float, float]:
    """Scroll ``bar`` top to bottom a wheel step a tick; the longest stall in ms (wall, CPU)."""
    bar.setValue(0)
    app.processEvents()
    beat.start()
    next_tick = time.perf_counter()
    while bar.value() < bar.maximum():
        if time.perf_counter() >= next_tick:
            bar.setValue(bar.value() + step)
            next_tick += tick
        app.processEvents()
    end = time.perf_counter() + 0.3  # the last pages arrive
    while time.perf_counter() < end:
        app.processEvents()
    return beat.stop()


def main() -> int:
    from PySide6.QtCore import QSettings

    folder = tempfile.mkdtemp(prefix="gov-review-bench-")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    from gov_review.core.review.recovery import RecoveryStore
    from gov_review.gui.app import make_app
    from gov_review.gui.main_window import MainWindow
    from gov_review.gui.workers import SyncPool

    app = make_app("zh")
    pdf = make_pdf(Path(folder) / "thirty_pages.pdf")
    others = sorted(str(p) for p in REAL.glob("*.pdf"))
    w = MainWindow(pool=SyncPool(), recovery=RecoveryStore(Path(folder) / "recovery"))
    w.remember_layout = False
    w.resize(1600, 1000)
    w.set_default_layout()
    w.show()
    w.open_paths([str(pdf), *others], remember=False)
    app.processEvents()
    docs = list(w.list_model.docs)
    pages = w.source_pane.pages

    # first page shown: select each report in turn, time until its first page is drawn
    firsts = []
    for _ in range(5):
        for doc in docs:
            w.set_current(None)
            app.processEvents()
            t0 = time.perf_counter()
            w.set_current(doc)
            while 0 not in pages.rendered_pages():
                app.processEvents()
            pages.viewport().repaint()
            firsts.append(time.perf_counter() - t0)
    thirty = next(d for d in docs if d.path == str(pdf))
    w.set_current(thirty)
    while not pages.sizes:
        app.processEvents()
    assert len(pages.sizes) == PAGES, len(pages.sizes)

    beat = Heartbeat()
    rows = []
    for label, zoom in (("fit width", None), ("zoom 150 %", 1.5)):
        pages.set_zoom(zoom)
        stalls = [scroll_through(app, pages.verticalScrollBar(), beat) for _ in range(3)]
        rows.append((f"原件 {label}", stalls))
    w.source_pane.set_mode("text")
    app.processEvents()
    bar = w.source.text.verticalScrollBar()
    rows.append(("文本 (baseline)", [scroll_through(app, bar, beat) for _ in range(3)]))
    w.source_pane.set_mode("pages")
    cached_mb = pages._cache_bytes / 1e6

    print(
        f"first page shown after selecting a report: median {statistics.median(firsts) * 1000:.0f} ms, "
        f"worst {max(firsts) * 1000:.0f} ms ({len(firsts)} selections of {len(docs)} reports)"
    )
    print(f"machine load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"scrolling the {PAGES}-page PDF top to bottom, longest event-loop stall (3 runs):")
    for label, stalls in rows:
        wall, cpu = [s[0] for s in stalls], [s[1] for s in stalls]
        print(
            f"  {label:<18} wall: median {statistics.median(wall):5.1f} ms, worst {max(wall):5.1f} ms;"
            f"  GUI thread CPU: median {statistics.median(cpu):5.1f} ms, worst {max(cpu):5.1f} ms"
        )
    print(f"page images cached after scrolling: {len(pages._cache)} pages, {cached_mb:.0f} MB")
    for doc in docs:
        doc.stack.setClean()
    w.close()
    pages.renderer.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
