"""What the page view draws over a PDF's pages and says about them, from the report's anchors and
findings: the outlines of the selection and of the findings, the prose finding under a click, a
number's tooltip. Boxes are in PDF points from the page's top-left, pages 0-based.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QColor

from gov_review.core.model import Anchor, Finding
from gov_review.gui.commands import cell_label
from gov_review.gui.document import ReportDocument
from gov_review.gui.states import HUES

SELECTED = QColor(40, 110, 220)  # the selection's blue (an edited cell's hue)
# (page, box, colour, pen width, fill or None)
Outline = tuple[int, QRectF, QColor, float, QColor | None]


def severity_hue(severity: str | None) -> QColor:
    return QColor(HUES[severity]) if severity in ("error", "warning") else QColor(SELECTED)


def anchor_box(a: Anchor | None) -> tuple[int, QRectF] | None:
    """A PDF anchor's page (0-based) and box, or None for any other anchor."""
    if a is None or a.kind != "pdf" or not a.page or not a.bbox:
        return None
    x0, top, x1, bottom = a.bbox
    return a.page - 1, QRectF(x0, top, x1 - x0, bottom - top)


def cell_box(doc: ReportDocument | None, cell_id: str) -> tuple[int, QRectF] | None:
    cell = doc.session.cell(cell_id) if doc is not None and doc.session is not None else None
    return anchor_box(cell.anchor) if cell is not None else None


def cell_boxes(doc: ReportDocument | None) -> dict[int, list[tuple[QRectF, str]]]:
    """Every located cell's box, by page: what a click or a hover is matched against."""
    out: dict[int, list[tuple[QRectF, str]]] = {}
    if doc is not None and doc.session is not None:
        for cid, cell in doc.session.data.cells.items():
            box = anchor_box(cell.anchor)
            if box is not None:
                out.setdefault(box[0], []).append((box[1], cid))
    return out


def outlines(
    doc: ReportDocument | None, selected: str | None, others: list[str], anchor: Anchor | None
) -> list[Outline]:
    """The selected cell (thick; red for an error, amber for a warning, else blue), the other cells
    of its finding, the other finding cells of its table (faint, drawn first), and a prose
    finding's sentence."""
    if doc is None or doc.session is None:
        return []
    out: list[Outline] = []
    if selected is not None:
        table = selected.split(".", 1)[0] + "."
        strong = {selected, *others}
        flagged: dict[str, str] = {}
        for f in doc.findings():
            if f.severity in ("error", "warning") and not doc.session.is_waived(f):
                for cid in f.cells:
                    if cid.startswith(table) and flagged.get(cid) != "error":
                        flagged[cid] = f.severity
        for cid, sev in flagged.items():
            box = cell_box(doc, cid) if cid not in strong else None
            if box is not None:
                hue = severity_hue(sev)
                hue.setAlpha(120)
                out.append((box[0], box[1], hue, 1.5, None))
        for cid in [*others, selected]:
            box = cell_box(doc, cid)
            if box is not None:
                hue = severity_hue(flagged.get(cid))
                fill = QColor(hue)
                fill.setAlpha(40)
                out.append((box[0], box[1], hue, 3.0 if cid == selected else 2.0, fill))
    box = anchor_box(anchor)
    if box is not None:
        hue = severity_hue(next((f.severity for f in doc.findings() if f.anchor == anchor), None))
        fill = QColor(hue)
        fill.setAlpha(30)
        out.append((box[0], box[1].adjusted(-3, -3, 3, 3), hue, 2.5, fill))
    return out


def finding_at(doc: ReportDocument | None, page: int, x: float, y: float) -> Finding | None:
    """The prose finding whose sentence (its paragraph's box) is at (x, y) on ``page``."""
    if doc is None or doc.session is None:
        return None
    for f in doc.findings():
        box = anchor_box(f.anchor)
        if box is not None and box[0] == page and box[1].adjusted(-3, -3, 3, 3).contains(x, y):
            return f
    return None


def tooltip(doc: ReportDocument | None, cell_id: str) -> str:
    """A located number's tooltip: its table, row and column, and its value."""
    if doc is None or doc.session is None:
        return ""
    session = doc.session
    cell = session.cell(cell_id)
    value = "" if cell is None else (cell.raw or "").strip() if cell.value is None else str(cell.value)
    tables = {
        "t2": QCoreApplication.translate("PageView", "Table 2"),
        "t3": QCoreApplication.translate("PageView", "Table 3"),
        "t4": QCoreApplication.translate("PageView", "Table 4"),
    }
    table = tables.get(cell_id.split(".", 1)[0], "")
    return QCoreApplication.translate("PageView", "{table} {cell}: {value}").format(
        table=table, cell=cell_label(cell_id, session.data.format), value=value or "—"
    )
