"""The dashboard: bar charts across the opened reports. Clicking a bar asks the league table to show
the reports behind it.

pyqtgraph is imported only when the dashboard is first shown (it costs a noticeable start-up time);
the figures themselves are computed by ``dashboard_figures.compute_charts``, which needs no
widget and no plotting library.

Blank cells are missing, never 0: a rate is computed only for reports whose cells in it are all
filled, and every chart says how many reports it left out and why.

Attach API::

    dash = Dashboard(parent)
    dash.attach(league_view.model)                          # follows the league's reports
    dash.filter_requested.connect(league_view.apply_path_filter)
"""

from __future__ import annotations

import os
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from gov_review.gui.models.league import Item, LeagueModel, find_rule, item_ok, tr_zh
from gov_review.gui.states import HUES

# the figures moved to dashboard_figures; re-exported here so existing imports keep working
from gov_review.gui.views.dashboard_figures import (
    Chart,
    compute_charts,
)

REFRESH_DELAY_MS = 150  # reports arrive one by one while a folder loads: draw once per burst
BAR_PX = 26  # height of one horizontal bar's row
PLOT_CHROME_PX = 46  # axis and margins around the bars


def rule_hue(rule: str) -> str:
    r = find_rule(rule)
    return r.severity if r is not None and r.severity in HUES else "warning"


# ------------------------------------------------------------------------------ the widget


def _pyqtgraph():
    """pyqtgraph, imported on first use: the window must not pay for it at start-up."""
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    import pyqtgraph as pg

    return pg


def chart_font() -> QFont:
    """The application font, with a Chinese family named when the default one has no CJK glyphs
    (labels would otherwise be boxes on a bare install)."""
    from gov_review.gui.memo_pdf import cjk_family

    font = QFont(QApplication.font())
    if not QFontMetrics(font).inFont("审"):
        family = cjk_family()
        if family:
            font.setFamilies([family, *font.families()])
    return font


class ChartCard(QFrame):
    """One chart: its title (the definition as tooltip), who was left out, and the bars."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"chart_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.title.setObjectName("chartTitle")
        self.title.setStyleSheet("font-weight: bold;")
        self.title.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setObjectName("chartNote")
        self.note.setWordWrap(True)
        self.plot = None  # a pg.PlotWidget once pyqtgraph is loaded
        self.chart: Chart | None = None
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(8, 6, 8, 6)
        self._lay.addWidget(self.title)
        self._lay.addWidget(self.note)

    def ensure_plot(self, pg: Any, font: QFont) -> None:
        if self.plot is not None:
            return
        pal = self.palette()
        self.plot = pg.PlotWidget(self, background=pal.color(pal.ColorRole.Base))
        self.plot.setObjectName(f"plot_{self.key}")
        item = self.plot.getPlotItem()
        item.hideButtons()
        item.setMenuEnabled(False)
        item.setMouseEnabled(x=False, y=False)
        item.hideAxis("bottom")  # every bar carries its number: an axis of fractional ticks adds nothing
        item.invertY(True)  # first category on top, as it is read
        axis = item.getAxis("left")
        axis.setStyle(tickFont=font, tickLength=0)
        axis.setTextPen(pal.color(pal.ColorRole.Text))
        axis.setPen(pal.color(pal.ColorRole.Mid))
        self.plot.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        self._lay.addWidget(self.plot, 1)

    def draw(self, chart: Chart, pg: Any, font: QFont) -> None:
        self.chart = chart
        self.title.setText(chart.title)
        self.title.setToolTip(chart.definition)
        self.setToolTip(chart.definition)
        self.note.setText(chart.note)
        self.note.setVisible(bool(chart.note))
        if self.plot is None:
            return
        item = self.plot.getPlotItem()
        item.clear()
        n = len(chart.bars)
        self.plot.setMinimumHeight(PLOT_CHROME_PX + BAR_PX * max(n, 1))
        if not n:
            item.getAxis("left").setTicks([[]])
            return
        ys = list(range(n))
        values = [b.value for b in chart.bars]
        hues = [HUES[rule_hue(b.label)] if chart.by_severity else HUES[chart.hue] for b in chart.bars]
        item.addItem(
            pg.BarGraphItem(
                x0=0, y=ys, height=0.62, width=values, brushes=hues, pens=[h.darker(130) for h in hues]
            )
        )
        text = self.palette().color(self.palette().ColorRole.Text)
        for y, bar in zip(ys, chart.bars, strict=True):
            label = pg.TextItem(_number(bar.value), color=text, anchor=(0, 0.5))
            label.setFont(font)
            label.setPos(bar.value, y)
            item.addItem(label)
        labels = [b.label for b in chart.bars]
        axis = item.getAxis("left")
        axis.setTicks([list(zip(ys, labels, strict=True))])
        metrics = QFontMetrics(font)
        axis.setWidth(max(metrics.horizontalAdvance(s) for s in labels) + 12)
        top = max(values) if max(values) > 0 else 1.0
        # room on the right for the number printed after the longest bar
        item.setXRange(0, top * 1.22, padding=0)
        item.setYRange(-0.5, n - 0.5, padding=0)

    def hover(self, scene_pos: Any) -> None:
        """The bar under the mouse, in words: its value, what it is, how many reports it holds."""
        index = self.bar_at_scene(scene_pos)
        if index < 0 or self.chart is None:
            self.plot.setToolTip(self.chart.definition if self.chart else "")
            return
        bar = self.chart.bars[index]
        text = tr_zh(
            QCoreApplication.translate("Dashboard", "{label}: {value}\n{n} reports — click to list them"),
            "{label}：{value}\n{n} 份报告 — 点击在列表中显示",
        ).format(label=bar.label, value=_number(bar.value), n=len(bar.paths))
        self.plot.setToolTip(f"{bar.tip}\n{text}" if bar.tip else text)

    def bar_at_scene(self, scene_pos: Any) -> int:
        """The bar (row) under a click anywhere on its row, its label included; -1 if none."""
        if self.plot is None or self.chart is None:
            return -1
        vb = self.plot.getPlotItem().getViewBox()
        rect = vb.sceneBoundingRect()
        if not rect.top() <= scene_pos.y() <= rect.bottom():
            return -1
        y = vb.mapSceneToView(scene_pos).y()
        index = round(y)
        return index if 0 <= index < len(self.chart.bars) and abs(y - index) <= 0.45 else -1


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.2f}"


class Dashboard(QWidget):
    """Bar charts over the opened reports; ``filter_requested(paths, label)`` when a bar is clicked."""

    filter_requested = Signal(object, str)  # set[str] of report paths, what the bar stands for

    CHART_KEYS = ("outcomes", "applicants", "refusal", "correction", "review", "litigation", "rules")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self._model: LeagueModel | None = None
        self._items: list[Item] = []
        self._pg: Any = None
        self._font = QFont()
        self._dirty = True
        self.charts: dict[str, Chart] = {}
        self.header = QLabel(self)
        self.header.setObjectName("dashboardHeader")
        self.header.setWordWrap(True)
        self.cards = {key: ChartCard(key, self) for key in self.CHART_KEYS}
        inner = QWidget(self)
        grid = QGridLayout(inner)
        for i, key in enumerate(self.CHART_KEYS):
            grid.addWidget(self.cards[key], i // 2, i % 2)
        grid.setRowStretch(len(self.CHART_KEYS) // 2 + 1, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.header)
        lay.addWidget(scroll, 1)
        self._timer = QTimer(self)
        self._timer.setObjectName("dashboardRefresh")
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)

    # ------------------------------------------------------------------------------ API

    def attach(self, model: LeagueModel) -> None:
        """Follow the league's reports (and its per-rule counts, cross-year findings included)."""
        self._model = model
        for sig in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            sig.connect(self.schedule_refresh)
        self.schedule_refresh()

    def set_reports(self, items: list[Item]) -> None:
        """A fixed list of reports instead of a league model."""
        self._model = None
        self._items = list(items)
        self.schedule_refresh()

    def items(self) -> list[Item]:
        return self._model.items() if self._model is not None else list(self._items)

    def schedule_refresh(self, *_args: object) -> None:
        """Redraw soon, once for a burst of changes; a hidden dashboard waits until it is shown."""
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        self._dirty = False
        items = self.items()
        counts = self._model.rule_counts if self._model is not None else None
        self.charts = {c.key: c for c in compute_charts(items, counts)}
        bad = sum(1 for it in items if not item_ok(it))
        self.header.setText(
            tr_zh(
                QCoreApplication.translate(
                    "Dashboard",
                    "{n} reports open; {bad} could not be read and are not counted. Click a bar to list its reports.",
                ),
                "已打开 {n} 份报告，其中 {bad} 份无法读取、未计入。点击条形可在列表中筛选相应报告。",
            ).format(n=len(items), bad=bad)
        )
        for key, card in self.cards.items():
            if self._pg is not None:
                card.ensure_plot(self._pg, self._font)
            card.draw(self.charts[key], self._pg, self._font)

    def activate_bar(self, key: str, index: int) -> None:
        """What a click on bar ``index`` of chart ``key`` does: ask for its reports to be listed."""
        chart = self.charts.get(key)
        if chart is None or not 0 <= index < len(chart.bars):
            return
        bar = chart.bars[index]
        self.filter_requested.emit(set(bar.paths), f"{chart.title} · {bar.label}")

    # --------------------------------------------------------------------------- internals

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._pg is None:
            self._pg = _pyqtgraph()
            self._font = chart_font()
            for card in self.cards.values():
                card.ensure_plot(self._pg, self._font)
                card.plot.scene().sigMouseClicked.connect(partial(self._scene_clicked, card))
                card.plot.scene().sigMouseMoved.connect(card.hover)
            self._dirty = True
        if self._dirty:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.schedule_refresh()
        super().changeEvent(event)

    def _scene_clicked(self, card: ChartCard, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        index = card.bar_at_scene(event.scenePos())
        if index >= 0:
            self.activate_bar(card.key, index)
