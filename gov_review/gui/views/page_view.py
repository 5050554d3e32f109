"""The PDF report as printed: its pages one below the other, the selected cell outlined on them.

Pages are rendered lazily by a PageRenderer (off the GUI thread): only those in view and one on
either side, at the current zoom, kept in a cache bounded in bytes. While a page is on its way the
view draws the last image it had of it, scaled, or a blank page. The PDF's cell and paragraph
anchors (page + box in points from the top-left) map straight onto the rendered pages, so the view
outlines a selected cell (red for an error, amber for a warning, blue otherwise), faintly outlines
the other finding cells of the same table, outlines the sentence a prose finding quotes, selects a
cell when its number is clicked, selects a prose finding when its sentence is clicked, and names a
number's cell in a tooltip.

Zoom: fit to width by default; Ctrl+wheel, Ctrl+= / Ctrl+- and Ctrl+0 (back to fit width).
"""

from __future__ import annotations

import bisect
import contextlib
from collections import OrderedDict

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QShortcut,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from gov_review.core.model import Anchor, Finding
from gov_review.gui.document import ReportDocument
from gov_review.gui.views import page_marks as marks
from gov_review.gui.views.page_render import MAX_SCALE, MIN_SCALE, Opened, PageRenderer, Rendered, fit_scale

MARGIN = 10  # around the pages, logical pixels
GAP = 10  # between pages
CACHE_BYTES = 96 * 1024 * 1024


class PageView(QAbstractScrollArea):
    cellClicked = Signal(str)
    findingClicked = Signal(object)  # Finding
    zoomChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageView")
        self.viewport().setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # always there: a bar appearing when the pages arrive would narrow the view, change the
        # fit-width zoom and waste the first page's render
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.verticalScrollBar().setSingleStep(40)
        self.renderer = PageRenderer(self)
        self.renderer.opened.connect(self._opened)
        self.renderer.rendered.connect(self._rendered)
        self.doc: ReportDocument | None = None
        self.gen = 0
        self.sizes: list[tuple[float, float]] = []
        self.message = ""  # shown instead of pages (no PDF, or it could not be opened)
        self.zoom: float | None = None  # logical pixels per point; None = fit to width
        self.scale = 1.0
        self._tops: list[float] = []
        self._content_w = 0.0
        self._cache: OrderedDict[int, tuple[float, object]] = OrderedDict()  # page → (scale, QImage)
        self._cache_bytes = 0
        self._wanted: tuple[list[int], float] = ([], 0.0)  # the last request
        self._cells: dict[int, list[tuple[QRectF, str]]] = {}  # page → (box in points, cell id)
        self.selected: str | None = None
        self.others: list[str] = []
        self.anchor: Anchor | None = None  # a sentence outlined (a prose finding)
        self._pending: tuple[int, QRectF, QRectF | None] | None = None  # scroll here once the pages are known
        self._press: QPointF | None = None
        for keys, slot in (
            (("Ctrl+=", "Ctrl++"), lambda: self.zoom_by(1.2)),
            (("Ctrl+-",), lambda: self.zoom_by(1 / 1.2)),
            (("Ctrl+0",), self.fit_width),
        ):
            for key in keys:  # each once: a key bound twice is ambiguous and does nothing
                sc = QShortcut(QKeySequence(key), self, slot)
                sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # a burst of resize events (dragging the splitter) relays the pages out once
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(0)
        self._relayout_timer.timeout.connect(self._relayout)

    # ------------------------------------------------------------------------- document

    def set_document(self, doc: ReportDocument | None, data: bytes | None, message: str = "") -> None:
        """Show ``data`` (the PDF's bytes) for ``doc``; without data, ``message`` instead."""
        if self.doc is not None:
            for sig in (self.doc.changed, self.doc.extraFindingsChanged):
                with contextlib.suppress(RuntimeError, TypeError):  # the document is already gone
                    sig.disconnect(self.viewport().update)
        self.doc = doc
        self.gen += 1
        self.sizes, self._tops = [], []
        self._cache.clear()
        self._cache_bytes = 0
        self._wanted = ([], 0.0)
        self.selected, self.others, self.anchor, self._pending = None, [], None, None
        self.message = message
        self._cells = marks.cell_boxes(doc)
        if doc is not None and doc.session is not None:
            doc.changed.connect(self.viewport().update)
            doc.extraFindingsChanged.connect(self.viewport().update)
        if data:
            first = (self.viewport().width() - 2 * MARGIN, self.zoom, self.devicePixelRatioF())
            self.renderer.open(self.gen, data, first)
        else:
            self.renderer.close()
        self._update_scrollbars()
        self.viewport().update()

    def _opened(self, result: Opened) -> None:
        if result.gen != self.gen:
            return
        if result.error or not result.sizes:
            self.message = QCoreApplication.translate(
                "PageView", "The pages of this PDF cannot be shown; see the text view."
            )
        self.sizes = result.sizes
        self._relayout()

    def _rendered(self, result: Rendered) -> None:
        if result.gen != self.gen:
            return
        old = self._cache.pop(result.index, None)
        if old is not None:
            self._cache_bytes -= old[1].sizeInBytes()
        self._cache[result.index] = (result.scale, result.image)
        self._cache_bytes += result.image.sizeInBytes()
        visible = set(self.visible_pages())
        for index in list(self._cache):
            if self._cache_bytes <= CACHE_BYTES:
                break
            if index not in visible:
                self._cache_bytes -= self._cache.pop(index)[1].sizeInBytes()
        self.viewport().update(self.page_rect(result.index).toAlignedRect())

    def rendered_pages(self) -> list[int]:
        """Pages whose image is at the current zoom."""
        dev = self._device_scale()
        return [i for i, (s, _img) in self._cache.items() if abs(s - dev) < 1e-6]

    # --------------------------------------------------------------------------- layout

    def _device_scale(self) -> float:
        return self.scale * self.devicePixelRatioF()

    def _relayout(self, keep: tuple[int, float] | None = None) -> None:
        """Place the pages at the current zoom; ``keep``: (page, point y) to keep at the viewport's top."""
        if keep is None and self._tops:
            keep = self.point_at(QPointF(0, 0), clamp=True)[:2] if self.sizes else None
        if not self.sizes:
            self._tops = []
            self._update_scrollbars()
            self.viewport().update()
            return
        widest = max(w for w, _h in self.sizes)
        if self.zoom is None:
            self.scale = fit_scale(self.viewport().width() - 2 * MARGIN, widest)
        else:
            self.scale = self.zoom
        y = float(MARGIN)
        self._tops = []
        for _w, h in self.sizes:
            self._tops.append(y)
            y += h * self.scale + GAP
        self._content_w = widest * self.scale + 2 * MARGIN
        self._update_scrollbars()
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self.ensure_visible(*pending)
        elif keep is not None and keep[0] is not None:
            self.verticalScrollBar().setValue(int(self._tops[keep[0]] + keep[1] * self.scale))
        self._request()
        self.viewport().update()
        self.zoomChanged.emit()

    def _update_scrollbars(self) -> None:
        vp = self.viewport().size()
        total_h = (self._tops[-1] + self.sizes[-1][1] * self.scale + MARGIN) if self._tops else 0
        v, h = self.verticalScrollBar(), self.horizontalScrollBar()
        v.setRange(0, max(0, int(total_h - vp.height())))
        v.setPageStep(max(1, vp.height()))
        h.setRange(0, max(0, int(self._content_w - vp.width())) if self._tops else 0)
        h.setPageStep(max(1, vp.width()))

    def page_rect(self, index: int) -> QRectF:
        """Where page ``index`` is drawn, in viewport coordinates."""
        w, h = self.sizes[index]
        x = max(MARGIN, (self.viewport().width() - w * self.scale) / 2)
        if self._content_w > self.viewport().width():
            x = MARGIN - self.horizontalScrollBar().value()
        return QRectF(x, self._tops[index] - self.verticalScrollBar().value(), w * self.scale, h * self.scale)

    def box_rect(self, page: int, box: QRectF) -> QRectF:
        """A box in points on a page (0-based), in viewport coordinates."""
        r = self.page_rect(page)
        s = self.scale
        return QRectF(r.x() + box.x() * s, r.y() + box.y() * s, box.width() * s, box.height() * s)

    def point_at(self, pos: QPointF, clamp: bool = False) -> tuple[int | None, float, float]:
        """The page (0-based) and the point in points under a viewport position."""
        if not self._tops:
            return None, 0.0, 0.0
        y = pos.y() + self.verticalScrollBar().value()
        i = max(0, bisect.bisect_right(self._tops, y) - 1)
        r = self.page_rect(i)
        px, py = (pos.x() - r.x()) / self.scale, (pos.y() - r.y()) / self.scale
        w, h = self.sizes[i]
        if clamp:
            return i, min(max(px, 0.0), w), min(max(py, 0.0), h)
        if not (0 <= px <= w and 0 <= py <= h):
            return None, px, py
        return i, px, py

    def visible_pages(self) -> list[int]:
        if not self._tops:
            return []
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        first = max(0, bisect.bisect_right(self._tops, top) - 1)
        out = []
        for i in range(first, len(self._tops)):
            if self._tops[i] > bottom:
                break
            if self._tops[i] + self.sizes[i][1] * self.scale >= top:
                out.append(i)
        return out

    def _request(self) -> None:
        if not self._tops or not self.isVisible():
            return
        visible = self.visible_pages()
        if not visible:
            return
        around = [p for p in (visible[0] - 1, visible[-1] + 1) if 0 <= p < len(self.sizes)]
        dev = self._device_scale()
        wanted = [i for i in (*visible, *around) if abs(self._cache.get(i, (0.0,))[0] - dev) > 1e-6]
        if wanted and (wanted, dev) != self._wanted:
            self.renderer.request(self.gen, wanted, dev)
        self._wanted = (wanted, dev)

    # ----------------------------------------------------------------------------- zoom

    def set_zoom(self, scale: float | None, at: QPointF | None = None) -> None:
        """Zoom to ``scale`` logical pixels per point (None: fit width), keeping the point at ``at``."""
        if scale is not None:
            scale = max(MIN_SCALE, min(MAX_SCALE, scale))
        at = at if at is not None else QPointF(self.viewport().width() / 2, self.viewport().height() / 2)
        page, px, py = self.point_at(at, clamp=True)
        self.zoom = scale
        self._relayout(keep=(page, 0.0) if page is not None else None)
        if page is not None:
            r = self.page_rect(page)
            self.verticalScrollBar().setValue(
                int(self.verticalScrollBar().value() + r.y() + py * self.scale - at.y())
            )
            self.horizontalScrollBar().setValue(
                int(self.horizontalScrollBar().value() + r.x() + px * self.scale - at.x())
            )
        self._request()
        self.viewport().update()

    def zoom_by(self, factor: float, at: QPointF | None = None) -> None:
        """Zoom by ``factor`` about ``at``; by default about the selected cell when it is in view
        (the reviewer zooms in to read it), else about the middle of the view."""
        if at is None:
            box = marks.cell_box(self.doc, self.selected) if self.selected and self._tops else None
            if box is not None and 0 <= box[0] < len(self.sizes):
                centre = self.box_rect(*box).center()
                if QRectF(self.viewport().rect()).contains(centre):
                    at = centre
        self.set_zoom(self.scale * factor, at)

    def fit_width(self) -> None:
        self.set_zoom(None)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(1.15**steps, event.position())
            event.accept()
            return
        super().wheelEvent(event)

    # -------------------------------------------------------------------------- painting

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self.viewport())
        pal = self.palette()
        p.fillRect(event.rect(), pal.color(QPalette.ColorRole.Mid))
        if self.message or not self._tops:
            if self.message:
                p.setPen(pal.color(QPalette.ColorRole.BrightText))
                r = self.viewport().rect().adjusted(20, 20, -20, -20)
                p.drawText(r, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.message)
            p.end()
            return
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for i in self.visible_pages():
            r = self.page_rect(i)
            cached = self._cache.get(i)
            if cached is None:
                p.fillRect(r, Qt.GlobalColor.white)
            else:
                p.drawImage(r, cached[1])
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        for page, box, hue, width, fill in self.outlines():
            rect = self.box_rect(page, box)
            if not rect.intersects(QRectF(event.rect())):
                continue
            pen = QPen(hue, width)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            p.setPen(pen)
            p.setBrush(QBrush(fill) if fill is not None else Qt.BrushStyle.NoBrush)
            p.drawRect(rect)
        p.end()

    def outlines(self) -> list[marks.Outline]:
        """What is outlined now (see page_marks.outlines), on pages this document has."""
        out = marks.outlines(self.doc, self.selected, self.others, self.anchor)
        return [o for o in out if 0 <= o[0] < len(self.sizes)]

    # ----------------------------------------------------------------------- navigation

    def show_cell(self, cell_id: str | None, others: list[str] | None = None) -> bool:
        """Outline a cell (and ``others`` of its finding) and scroll to it. False if it has no box."""
        self.selected, self.others, self.anchor = cell_id, list(others or []), None
        box = marks.cell_box(self.doc, cell_id) if cell_id else None
        if box is not None:
            group = box[1]  # the finding's cells on the same page
            for other in self.others:
                ob = marks.cell_box(self.doc, other)
                if ob is not None and ob[0] == box[0]:
                    group = group.united(ob[1])
            self.ensure_visible(box[0], box[1], group)
        self.viewport().update()
        return box is not None

    def show_anchor(self, anchor: Anchor | None) -> bool:
        """Outline a paragraph (a prose finding's sentence) and scroll to it."""
        self.anchor = anchor
        box = marks.anchor_box(anchor)
        if box is not None:
            self.ensure_visible(*box)
        self.viewport().update()
        return box is not None

    def ensure_visible(self, page: int, box: QRectF, group: QRectF | None = None) -> None:
        """Scroll so that ``box`` on ``page`` is in view (centred when it was not); ``group``
        instead, a larger box around it (a finding's cells), when that fits in the view."""
        if not self._tops:
            self._pending = (page, box, group)
            return
        if not 0 <= page < len(self._tops):
            return
        if group is not None and (
            group.width() * self.scale <= self.viewport().width() - 8
            and group.height() * self.scale <= self.viewport().height() - 8
        ):
            box = group
        rect = self.box_rect(page, box)
        vp = QRectF(self.viewport().rect())
        v, h = self.verticalScrollBar(), self.horizontalScrollBar()
        if rect.top() < 0 or rect.bottom() > vp.height():
            v.setValue(int(v.value() + rect.center().y() - vp.height() / 2))
        if rect.left() < 0 or rect.right() > vp.width():
            h.setValue(int(h.value() + rect.center().x() - vp.width() / 2))

    def cell_at(self, pos: QPointF) -> str | None:
        """The grid cell whose box is under a viewport position (the smallest, if nested)."""
        page, x, y = self.point_at(pos)
        if page is None:
            return None
        hits = [(b.width() * b.height(), cid) for b, cid in self._cells.get(page, []) if b.contains(x, y)]
        return min(hits)[1] if hits else None

    def finding_at(self, pos: QPointF) -> Finding | None:
        """The prose finding whose sentence is under a viewport position."""
        page, x, y = self.point_at(pos)
        return None if page is None else marks.finding_at(self.doc, page, x, y)

    # ----------------------------------------------------------------------------- mouse

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        if (
            event.button() == Qt.MouseButton.LeftButton
            and press is not None
            and (event.position() - press).manhattanLength() < 6
        ):
            cid = self.cell_at(event.position())
            if cid is not None:
                self.cellClicked.emit(cid)
            else:
                finding = self.finding_at(event.position())
                if finding is not None:
                    self.findingClicked.emit(finding)
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        over = self.cell_at(pos) is not None or self.finding_at(pos) is not None
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def tooltip_at(self, pos: QPointF) -> str:
        """The tooltip over a located number: its cell's name and value."""
        cid = self.cell_at(pos)
        return "" if cid is None else marks.tooltip(self.doc, cid)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    # ----------------------------------------------------------------------------- events

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()
        self._request()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.zoom is None:
            self._relayout_timer.start()
        else:
            self._update_scrollbars()
            self._request()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._request()
