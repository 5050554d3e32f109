"""Renders PDF pages into QImages off the GUI thread, for the page view.

One renderer per page view, with a pool of one thread: jobs run one at a time in the order asked,
and each asks PDFium only while holding ``PDFIUM_LOCK`` (PDFium must never be entered by two
threads at once, and the window's reader may be using it for another report). The view asks for
the pages it shows; a new request replaces the renders still waiting, so scrolling fast past
twenty pages renders only where it stops. Results come back as the ``opened`` and ``rendered``
signals, tagged with the generation the view gave when it opened the document, so a late result
for a report no longer shown is recognised and dropped.

The PDFium document lives only on the render thread's side, is touched under the lock, and is
closed under the lock (also when the renderer itself is garbage-collected).
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage

from gov_review.core.read.pdfium_lock import PDFIUM_LOCK


@dataclass(slots=True)
class Rendered:
    gen: int
    index: int  # 0-based page
    scale: float  # device pixels per PDF point
    image: QImage


@dataclass(slots=True)
class Opened:
    gen: int
    sizes: list[tuple[float, float]]  # each page's width and height in points
    error: str = ""


MIN_SCALE, MAX_SCALE = 0.3, 6.0


def fit_scale(avail: float, widest: float) -> float:
    """Logical pixels per point that fit the widest page into ``avail`` pixels."""
    return max(MIN_SCALE, min(MAX_SCALE, avail / widest)) if avail > 0 and widest > 0 else 1.0


class _Relay(QObject):
    done = Signal(object)


class _Holder:
    """The open PDFium document, shared by the renderer and its finalizer."""

    def __init__(self) -> None:
        self.doc: Any = None
        self.gen = -1

    def close(self) -> None:
        with PDFIUM_LOCK:
            if self.doc is not None:
                self.doc.close()
            self.doc, self.gen = None, -1


class _Drain(QRunnable):
    def __init__(self, renderer: PageRenderer) -> None:
        super().__init__()
        self.renderer = renderer

    def run(self) -> None:
        self.renderer._drain()


class PageRenderer(QObject):
    opened = Signal(object)  # Opened
    rendered = Signal(object)  # Rendered

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Created before the relay: children are destroyed in creation order, so the pool (whose
        # destructor waits for a running render) goes before the relay that render reports to.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver)
        self._mutex = threading.Lock()
        self._jobs: list[tuple[Any, ...]] = []
        self._running = False
        self._holder = _Holder()
        # the document is let go of when the renderer is deleted (with its view), or collected
        self.destroyed.connect(self._holder.close)
        weakref.finalize(self, self._holder.close)

    # ------------------------------------------------------------------ the GUI thread's side

    def open(self, gen: int, data: bytes, first: tuple[float, float | None, float] | None = None) -> None:
        """Open a document (dropping every job for the one before). ``first``: (the width for
        the pages, the zoom or None to fit that width, the device pixel ratio) to render the
        first page at as soon as the document is open, without waiting for the view to ask."""
        with self._mutex:
            self._jobs = [("open", gen, data, first)]
        self._start()

    def close(self) -> None:
        """Let go of the open document."""
        with self._mutex:
            self._jobs = [("close",)]
        self._start()

    def request(self, gen: int, pages: list[int], scale: float) -> None:
        """Render these pages (most wanted first), replacing the renders not yet started."""
        with self._mutex:
            self._jobs = [j for j in self._jobs if j[0] != "render"]
            self._jobs += [("render", gen, i, scale) for i in pages]
        self._start()

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def busy(self) -> bool:
        with self._mutex:
            return self._running or bool(self._jobs)

    def _start(self) -> None:
        with self._mutex:
            if self._running or not self._jobs:
                return
            self._running = True
        self._pool.start(_Drain(self))

    def _deliver(self, result: Opened | Rendered) -> None:
        if isinstance(result, Opened):
            self.opened.emit(result)
        else:
            self.rendered.emit(result)

    # ------------------------------------------------------------------ the render thread's side

    def _drain(self) -> None:
        while True:
            with self._mutex:
                if not self._jobs:
                    self._running = False
                    return
                job = self._jobs.pop(0)
            try:
                result = self._run(job)
            except Exception as exc:  # a damaged page: say so instead of rendering it
                result = Opened(job[1], [], str(exc)) if job[0] == "open" else None
            if result is not None:
                self._relay.done.emit(result)

    def _run(self, job: tuple[Any, ...]) -> Opened | Rendered | None:
        import pypdfium2 as pdfium
        import pypdfium2.raw as pdfium_c

        holder = self._holder
        if job[0] == "close":
            holder.close()
            return None
        if job[0] == "open":
            _, gen, data, first = job
            holder.close()
            with PDFIUM_LOCK:
                doc = pdfium.PdfDocument(data)
                holder.doc, holder.gen = doc, gen
                sizes = []
                for i in range(len(doc)):
                    page = doc[i]
                    sizes.append(tuple(page.get_size()))
                    page.close()
            if first is not None and sizes:
                avail, zoom, dpr = first
                scale = (zoom or fit_scale(avail, max(w for w, _h in sizes))) * dpr
                with self._mutex:  # before anything the view asks for once it knows the pages
                    self._jobs.insert(0, ("render", gen, 0, scale))
            return Opened(gen, sizes)
        _, gen, index, scale = job
        with PDFIUM_LOCK:
            if holder.doc is None or holder.gen != gen or not 0 <= index < len(holder.doc):
                return None
            page = holder.doc[index]
            try:
                bitmap = page.render(
                    scale=scale, may_draw_forms=False, force_bitmap_format=pdfium_c.FPDFBitmap_BGRx
                )
                # BGRx bytes are QImage's RGB32 on a little-endian machine; copy before the
                # bitmap's buffer goes
                image = QImage(
                    bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32
                ).copy()
                bitmap.close()
            finally:
                page.close()
        return Rendered(gen, index, scale, image)
