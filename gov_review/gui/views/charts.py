"""Statistics charts — the only module that imports pyqtgraph, and only when first shown.

For the current report: applications by outcome and new applications by applicant type (table 3).
With several reports open: new applications and errors per report, side by side.
"""

from __future__ import annotations

import os
from decimal import Decimal

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QGridLayout, QWidget

from gov_review.core.formats.templates import get_template
from gov_review.gui.document import ReportDocument
from gov_review.gui.i18n import current_lang
from gov_review.gui.states import HUES

OUTCOME_GROUPS = [
    ("（一）予以公开", "Disclosed", ["r_open"]),
    ("（二）部分公开", "Partly", ["r_partial"]),
    ("（三）不予公开", "Denied", ["g_deny"]),
    ("（四）无法提供", "Unable", ["g_unable"]),
    ("（五）不予处理", "Not processed", ["g_reject"]),
    ("（六）其他处理", "Other", ["g_other"]),
]


def _v(doc: ReportDocument, cell_id: str) -> float:
    assert doc.session is not None
    value = doc.session.data.value(cell_id)
    return float(value) if isinstance(value, Decimal) else 0.0


def outcome_totals(doc: ReportDocument) -> list[float]:
    assert doc.session is not None
    tpl = get_template(doc.session.data.format or "2019")
    out = []
    for _zh, _en, parts in OUTCOME_GROUPS:
        rows = [r for p in parts for r in (tpl.groups.get(p) or [p])]
        out.append(sum(_v(doc, f"t3.{r}.c_total") for r in rows))
    return out


def applicant_totals(doc: ReportDocument) -> tuple[list[str], list[float]]:
    assert doc.session is not None
    tpl = get_template(doc.session.data.format or "2019")
    cols = [c for c in tpl.raw["t3"]["columns"] if c["id"] != "c_total"]
    labels = [c["label"] if current_lang() == "zh" else c["en"] for c in cols]
    return labels, [_v(doc, f"t3.r_new.{c['id']}") for c in cols]


class StatsWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pg.setConfigOptions(antialias=True)
        pal = QApplication.palette()
        pg.setConfigOption("background", pal.color(QPalette.ColorRole.Base))
        pg.setConfigOption("foreground", pal.color(QPalette.ColorRole.Text))
        self.outcomes = pg.PlotWidget(self)
        self.applicants = pg.PlotWidget(self)
        self.compare = pg.PlotWidget(self)
        lay = QGridLayout(self)
        lay.addWidget(self.outcomes, 0, 0)
        lay.addWidget(self.applicants, 0, 1)
        lay.addWidget(self.compare, 1, 0, 1, 2)
        self._docs: list[ReportDocument] = []
        self._current: ReportDocument | None = None

    def update_reports(self, docs: list[ReportDocument], current: ReportDocument | None) -> None:
        self._docs, self._current = [d for d in docs if d.ok], current
        self._draw()

    def retranslate(self) -> None:
        self._draw()

    def _bars(self, plot: pg.PlotWidget, labels: list[str], values: list[float], title: str, colour) -> None:
        plot.clear()
        plot.setTitle(title)
        if not values:
            return
        xs = list(range(len(values)))
        plot.addItem(pg.BarGraphItem(x=xs, height=values, width=0.6, brush=colour))
        plot.getAxis("bottom").setTicks([list(zip(xs, labels, strict=True))])
        plot.setYRange(0, max([*values, 1]) * 1.15)

    def _draw(self) -> None:
        cur = self._current if self._current is not None and self._current.ok else None
        zh = current_lang() == "zh"
        if cur is not None:
            labels = [zh_ if zh else en for zh_, en, _ in OUTCOME_GROUPS]
            self._bars(
                self.outcomes,
                labels,
                outcome_totals(cur),
                QCoreApplication.translate("StatsWidget", "Applications by outcome (total column)"),
                HUES["info"],
            )
            alabels, avalues = applicant_totals(cur)
            self._bars(
                self.applicants,
                alabels,
                avalues,
                QCoreApplication.translate("StatsWidget", "New applications by applicant type"),
                HUES["ok"],
            )
        else:
            self.outcomes.clear()
            self.applicants.clear()
        self.compare.setVisible(len(self._docs) > 1)
        if len(self._docs) > 1:
            self.compare.clear()
            self.compare.setTitle(
                QCoreApplication.translate(
                    "StatsWidget", "Comparison: new applications (blue) and errors (red) per report"
                )
            )
            n = len(self._docs)
            xs = list(range(n))
            new = [_v(d, "t3.r_new.c_total") for d in self._docs]
            errs = [float(d.counts()["error"]) for d in self._docs]
            self.compare.addItem(
                pg.BarGraphItem(x=[x - 0.2 for x in xs], height=new, width=0.4, brush=HUES["info"])
            )
            self.compare.addItem(
                pg.BarGraphItem(x=[x + 0.2 for x in xs], height=errs, width=0.4, brush=HUES["error"])
            )
            names = [(d.session.data.body.name or d.name)[:10] if d.session else d.name for d in self._docs]
            self.compare.getAxis("bottom").setTicks([list(zip(xs, names, strict=True))])
