"""How a grid cell's state (core/review/cell_states.py) is drawn: palette-derived colours plus icons
and borders, so that no state is told by colour alone.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication

from gov_review.core.review.cell_states import LOW_CONFIDENCE, CellState, cell_state  # noqa: F401


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(
        round(a.red() * (1 - t) + b.red() * t),
        round(a.green() * (1 - t) + b.green() * t),
        round(a.blue() * (1 - t) + b.blue() * t),
    )


HUES = {
    "error": QColor(214, 39, 40),
    "warning": QColor(230, 150, 0),
    "info": QColor(60, 120, 200),
    "edited": QColor(40, 110, 220),
    "waived": QColor(110, 110, 110),
    "note": QColor(20, 140, 120),
    "uncertain": QColor(150, 80, 190),
    "ok": QColor(40, 150, 60),
}


def palette() -> QPalette:
    return QApplication.palette()


def background(state: CellState) -> QColor | None:
    """A tint over the palette's base colour (works in dark mode too)."""
    base = palette().color(QPalette.ColorRole.Base)
    if state & CellState.ERROR:
        return _mix(base, HUES["error"], 0.30)
    if state & CellState.WARNING:
        return _mix(base, HUES["warning"], 0.28)
    if state & CellState.MISSING:
        return palette().color(QPalette.ColorRole.AlternateBase).darker(108)
    if state & CellState.EDITED:
        return _mix(base, HUES["edited"], 0.14)
    if state & CellState.AMBIGUOUS:
        return _mix(base, HUES["uncertain"], 0.26)
    if state & CellState.INFERRED:
        return _mix(base, HUES["uncertain"], 0.14)
    return None  # INVOLVED cells are shown by selection when their finding is chosen, not tinted


def border(state: CellState) -> tuple[QColor, Qt.PenStyle] | None:
    if state & CellState.ERROR:
        return HUES["error"], Qt.PenStyle.SolidLine
    if state & CellState.WARNING:
        return HUES["warning"], Qt.PenStyle.DashLine
    if state & CellState.WAIVED:
        return HUES["waived"], Qt.PenStyle.DotLine
    return None


# One glyph per badge: the shape and letter carry the meaning, the colour only helps.
_BADGES = [
    (CellState.ERROR, "error", "!", "circle"),
    (CellState.WARNING, "warning", "!", "triangle"),
    (CellState.WAIVED, "waived", "✓", "circle"),
    (CellState.EDITED, "edited", "✎", "square"),
    (CellState.AMBIGUOUS, "uncertain", "?", "circle"),  # not read: the reviewer decides
    (CellState.INFERRED, "uncertain", "≈", "circle"),  # read, but placed by inference: verify
    (CellState.MISSING, "waived", "∅", "square"),
]
BADGE = 14


def _draw_badge(p: QPainter, x: float, hue: QColor, glyph: str, shape: str) -> None:
    r = QRectF(x, 1, BADGE - 2, BADGE - 2)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(hue)
    if shape == "circle":
        p.drawEllipse(r)
    elif shape == "triangle":
        path = QPainterPath()
        path.moveTo(QPointF(r.center().x(), r.top()))
        path.lineTo(r.bottomRight())
        path.lineTo(r.bottomLeft())
        path.closeSubpath()
        p.drawPath(path)
    else:
        p.drawRoundedRect(r, 2, 2)
    p.setPen(QColor("white"))
    font = QFont()
    font.setPixelSize(10)
    font.setBold(True)
    p.setFont(font)
    text_rect = r.adjusted(0, 2, 0, 0) if shape == "triangle" else r
    p.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, glyph)


@cache
def state_icon(state: int) -> QIcon:
    badges = [b for b in _BADGES if state & b[0]]
    if state & CellState.ERROR:  # an error outranks the other marks: keep the cell readable
        badges = [b for b in badges if b[0] in (CellState.ERROR, CellState.EDITED)]
    badges = badges[:2]
    if not badges:
        return QIcon()
    pix = QPixmap(BADGE * len(badges), BADGE)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    for i, (_flag, hue, glyph, shape) in enumerate(badges):
        _draw_badge(p, i * BADGE, HUES[hue], glyph, shape)
    p.end()
    return QIcon(pix)


@cache
def severity_icon(severity: str) -> QIcon:
    flag = {
        "error": CellState.ERROR,
        "warning": CellState.WARNING,
        "waived": CellState.WAIVED,
    }.get(severity)
    if flag is not None:
        return state_icon(int(flag))
    pix = QPixmap(BADGE, BADGE)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    glyph, shape = {"info": ("i", "circle"), "ok": ("✓", "circle"), "unreadable": ("×", "square")}.get(
        severity, ("?", "circle")
    )
    hue = HUES.get(severity, HUES["error"] if severity == "unreadable" else HUES["info"])
    _draw_badge(p, 0, hue, glyph, shape)
    p.end()
    return QIcon(pix)


def draw_note_corner(p: QPainter, rect: QRectF) -> None:
    """A folded corner, top right, like a spreadsheet comment."""
    size = 8
    path = QPainterPath()
    path.moveTo(rect.topRight() + QPointF(-size, 0))
    path.lineTo(rect.topRight())
    path.lineTo(rect.topRight() + QPointF(0, size))
    path.closeSubpath()
    p.save()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(HUES["note"])
    p.drawPath(path)
    p.restore()


def draw_border(p: QPainter, rect: QRectF, state: CellState) -> None:
    spec = border(state)
    if spec is None:
        return
    colour, style = spec
    p.save()
    pen = QPen(colour, 2, style)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(rect.adjusted(1, 1, -1, -1))
    p.restore()
