"""The dashboard: bar charts across the opened reports. Clicking a bar asks the league table to show
the reports behind it.

pyqtgraph is imported only when the dashboard is first shown (it costs a noticeable start-up time);
the figures themselves are computed by ``compute_charts``, which needs no plotting library.

Blank cells are missing, never 0: a rate is computed only for reports whose cells in it are all
filled, and every chart says how many reports it left out and why.

Attach API::

    dash = Dashboard(parent)
    dash.attach(league_view.model)                          # follows the league's reports
    dash.filter_requested.connect(league_view.apply_path_filter)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from ..core.templates import get_template
from .i18n import current_lang
from .models.league import (
    Item,
    LeagueModel,
    find_rule,
    item_findings,
    item_ok,
    item_path,
    item_report,
    rule_title,
    tr_zh,
)
from .states import HUES

REFRESH_DELAY_MS = 150  # reports arrive one by one while a folder loads: draw once per burst
RATE_BANDS = ("0%", "0–10%", "10–25%", "25–50%", "≥50%")
BAR_PX = 26  # height of one horizontal bar's row
PLOT_CHROME_PX = 46  # axis and margins around the bars


@dataclass(slots=True)
class Bar:
    label: str
    value: float
    paths: frozenset[str]  # the reports that contribute to this bar
    tip: str = ""


@dataclass(slots=True)
class Chart:
    key: str
    title: str
    definition: str  # the tooltip: what is counted and how
    note: str  # who was left out
    bars: list[Bar] = field(default_factory=list)
    hue: str = "info"
    by_severity: bool = False  # colour each bar by its rule's severity


# ----------------------------------------------------------------------------- the figures


@cache
def _groups(fmt: str) -> dict[str, list[str]]:
    return dict(get_template(fmt).groups)


OUTCOMES = (  # (label zh, label en, rows or group) — table 三, 三、本年度办理结果
    ("（一）予以公开", "(1) Disclosed", "r_open"),
    ("（二）部分公开", "(2) Partly disclosed", "r_partial"),
    ("（三）不予公开", "(3) Not disclosed", "g_deny"),
    ("（四）无法提供", "(4) Unable to provide", "g_unable"),
    ("（五）不予处理", "(5) Not processed", "g_reject"),
    ("（六）其他处理", "(6) Otherwise handled", "g_other"),
    ("（七）总计", "(7) Total", "r_total"),
)
APPLICANTS = (
    ("自然人", "Natural persons", "c_natural"),
    ("商业企业", "Businesses", "c_biz"),
    ("科研机构", "Research institutions", "c_research"),
    ("社会公益组织", "Public-interest orgs", "c_ngo"),
    ("法律服务机构", "Legal services", "c_legal"),
    ("其他", "Other organisations", "c_org_other"),
)
T4_COLS = (
    ("结果维持", "Upheld", "c_upheld"),
    ("结果纠正", "Corrected", "c_corrected"),
    ("其他结果", "Other result", "c_other"),
    ("尚未审结", "Pending", "c_pending"),
    ("总计", "Total", "c_total"),
)


def _rows(data: Any, row_or_group: str) -> list[str]:
    if not row_or_group.startswith("g_"):
        return [row_or_group]
    rows = list(_groups(data.format or "2019").get(row_or_group, []))
    if row_or_group == "g_other":  # a 2021 report may still carry the 2019 single （六） row
        rows += [
            r for r in ("r_other", "r_other_nocorrect", "r_other_nofee", "r_other_else") if r not in rows
        ]
    return rows


def _sum(data: Any, cell_ids: list[str]) -> tuple[Decimal | None, bool]:
    """(sum of the filled cells or None when none is filled, whether any present cell is blank).
    A leading "-" subtracts the cell. Cells the report's format does not have at all are skipped."""
    total, seen, blank = Decimal(0), False, False
    for spec in cell_ids:
        sign, cid = (-1, spec[1:]) if spec.startswith("-") else (1, spec)
        cell = data.cells.get(cid)
        if cell is None:
            continue
        if cell.value is None:
            blank = True
        else:
            total += sign * cell.value
            seen = True
    return (total if seen else None), blank


def _count_chart(key: str, title: str, definition: str, readable: list[Item], specs: list) -> Chart:
    """One bar per spec (label, cell ids per report): the sum over reports of the filled cells."""
    chart = Chart(key, title, definition, "")
    with_blanks: set[str] = set()
    for label, cells_of in specs:
        total, paths = 0.0, set()
        for it in readable:
            data = item_report(it).data
            value, blank = _sum(data, cells_of(data))
            if blank:
                with_blanks.add(item_path(it))
            if value:
                total += float(value)
                paths.add(item_path(it))
        chart.bars.append(Bar(label, total, frozenset(paths)))
    if with_blanks:
        chart.note = tr_zh(
            QCoreApplication.translate(
                "Dashboard",
                "{n} reports have blank cells here: blanks are left out of the sums, not read as 0",
            ),
            "{n} 份报告此处有空白单元格：空白不计入合计，不按 0 处理",
        ).format(n=len(with_blanks))
    return chart


def _rate(
    data: Any, num_cells: list[str], den_cells: list[str]
) -> tuple[str, float | None, Decimal, Decimal]:
    """("ok", rate, num, den), ("blank", None…) when any cell is blank, ("zero", None…) when the
    denominator is 0."""
    num, num_blank = _sum(data, num_cells)
    den, den_blank = _sum(data, den_cells)
    if num_blank or den_blank or num is None or den is None:
        return "blank", None, Decimal(0), Decimal(0)
    if den <= 0:
        return "zero", None, Decimal(0), Decimal(0)
    return "ok", float(num / den), num, den


def _rate_chart(
    key: str, title: str, definition: str, zero_reason: str, readable: list[Item], cells_of
) -> Chart:
    """How many reports fall in each rate band, with the pooled rate and who was left out."""
    chart = Chart(key, title, definition, "", hue="warning")
    bands: list[set[str]] = [set() for _ in RATE_BANDS]
    blank = zero = 0
    num_sum = den_sum = Decimal(0)
    for it in readable:
        num_cells, den_cells = cells_of(item_report(it).data)
        state, rate, num, den = _rate(item_report(it).data, num_cells, den_cells)
        if state == "blank":
            blank += 1
            continue
        if state == "zero":
            zero += 1
            continue
        assert rate is not None
        num_sum, den_sum = num_sum + num, den_sum + den
        bands[_band(rate)].add(item_path(it))
    for label, paths in zip(RATE_BANDS, bands, strict=True):
        chart.bars.append(Bar(label, float(len(paths)), frozenset(paths)))
    counted = sum(len(b) for b in bands)
    pooled = f"{float(num_sum / den_sum):.1%}" if den_sum else "—"
    chart.note = tr_zh(
        QCoreApplication.translate(
            "Dashboard",
            "Overall {pooled} ({num}/{den}) over {n} reports. Left out: {blank} with blank cells, {zero} {zero_reason}",
        ),
        "总体 {pooled}（{num}/{den}），计入 {n} 份报告。未计入：{blank} 份有空白单元格，{zero} 份{zero_reason}",
    ).format(
        pooled=pooled,
        num=_int(num_sum),
        den=_int(den_sum),
        n=counted,
        blank=blank,
        zero=zero,
        zero_reason=zero_reason,
    )
    return chart


def _band(rate: float) -> int:
    """Index into RATE_BANDS: exactly 0, under 10 %, under 25 %, under 50 %, 50 % and more."""
    if rate <= 0:
        return 0
    return 1 if rate < 0.10 else 2 if rate < 0.25 else 3 if rate < 0.50 else 4


def _int(d: Decimal) -> str:
    return str(int(d)) if d == d.to_integral_value() else str(d)


def compute_charts(items: list[Item], rule_counts=None) -> list[Chart]:
    """Every chart's bars across the reports; ``rule_counts(item) -> {rule: n}`` (default: the
    report's own active findings) lets the league's cross-year findings count too."""
    zh = current_lang() == "zh"
    readable = [it for it in items if item_ok(it)]
    charts = []

    outcome_specs = [
        (lz if zh else le, lambda d, g=g: [f"t3.{r}.c_total" for r in _rows(d, g)]) for lz, le, g in OUTCOMES
    ]
    charts.append(
        _count_chart(
            "outcomes",
            tr_zh(QCoreApplication.translate("Dashboard", "Applications by outcome"), "申请办理结果"),
            tr_zh(
                QCoreApplication.translate(
                    "Dashboard", "Table 3, rows (1)–(7) of 3. Results, Total column, summed over the reports"
                ),
                "表三“三、本年度办理结果”（一）至（七）行的“总计”列，各报告相加",
            ),
            readable,
            outcome_specs,
        )
    )
    applicant_specs = [(lz if zh else le, lambda _d, c=c: [f"t3.r_new.{c}"]) for lz, le, c in APPLICANTS]
    charts.append(
        _count_chart(
            "applicants",
            tr_zh(
                QCoreApplication.translate("Dashboard", "New applications by applicant type"),
                "新收申请的申请人类型",
            ),
            tr_zh(
                QCoreApplication.translate(
                    "Dashboard", "Table 3, row 1. New applications, one bar per applicant column"
                ),
                "表三“一、本年新收政府信息公开申请数量”行，按申请人列",
            ),
            readable,
            applicant_specs,
        )
    )
    charts.append(
        _rate_chart(
            "refusal",
            tr_zh(
                QCoreApplication.translate("Dashboard", "Refusal rate (reports per band)"),
                "不予公开率（报告数）",
            ),
            tr_zh(
                QCoreApplication.translate(
                    "Dashboard",
                    "Refusal rate = table 3 (3) Not disclosed ÷ (7) Total, Total column. A report with any of these cells blank, or with a total of 0, is left out",
                ),
                "不予公开率 = 表三（三）不予公开 ÷（七）总计（“总计”列）。其中任一单元格空白或总计为 0 的报告不计入",
            ),
            tr_zh(QCoreApplication.translate("Dashboard", "with no applications handled"), "没有办理申请"),
            readable,
            lambda d: ([f"t3.{r}.c_total" for r in _rows(d, "g_deny")], ["t3.r_total.c_total"]),
        )
    )
    groups = ("review", "lit_direct", "lit_post")
    charts.append(
        _rate_chart(
            "correction",
            tr_zh(
                QCoreApplication.translate("Dashboard", "Correction rate (reports per band)"),
                "被纠错率（报告数）",
            ),
            tr_zh(
                QCoreApplication.translate(
                    "Dashboard",
                    "Correction rate = table 4 Corrected ÷ (Total − Pending), administrative reconsideration and litigation together. A report with any of these cells blank, or with no concluded case, is left out",
                ),
                "被纠错率 = 表四“结果纠正”÷（“总计”−“尚未审结”），行政复议与行政诉讼合计。其中任一单元格空白或没有审结案件的报告不计入",
            ),
            tr_zh(QCoreApplication.translate("Dashboard", "with no concluded case"), "没有审结案件"),
            readable,
            lambda d: _correction_cells(d, groups),
        )
    )
    charts.append(
        _count_chart(
            "review",
            tr_zh(QCoreApplication.translate("Dashboard", "Administrative reconsideration"), "行政复议"),
            tr_zh(
                QCoreApplication.translate("Dashboard", "Table 4, reconsideration columns, summed"),
                "表四“行政复议”各列，各报告相加",
            ),
            readable,
            [(lz if zh else le, lambda _d, c=c: [f"t4.review.{c}"]) for lz, le, c in T4_COLS],
        )
    )
    charts.append(
        _count_chart(
            "litigation",
            tr_zh(QCoreApplication.translate("Dashboard", "Administrative litigation"), "行政诉讼"),
            tr_zh(
                QCoreApplication.translate(
                    "Dashboard", "Table 4, litigation: sued directly plus sued after reconsideration, summed"
                ),
                "表四“行政诉讼”：未经复议直接起诉与复议后起诉相加，各报告相加",
            ),
            readable,
            [
                (lz if zh else le, lambda _d, c=c: [f"t4.lit_direct.{c}", f"t4.lit_post.{c}"])
                for lz, le, c in T4_COLS
            ],
        )
    )
    charts.append(_rules_chart(readable, rule_counts))
    return charts


def _correction_cells(data: Any, groups: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Numerator and denominator cells: corrected ÷ (total − pending), "-" marking a subtraction."""
    return [f"t4.{g}.c_corrected" for g in groups], [f"t4.{g}.c_total" for g in groups] + [
        f"-t4.{g}.c_pending" for g in groups
    ]


def _rules_chart(readable: list[Item], rule_counts) -> Chart:
    chart = Chart(
        "rules",
        tr_zh(QCoreApplication.translate("Dashboard", "Findings per rule"), "各规则的发现数"),
        tr_zh(
            QCoreApplication.translate(
                "Dashboard",
                "Findings of each rule over all reports (accepted warnings not counted); bar colour: the rule's severity",
            ),
            "各规则在全部报告中的发现数（已接受的警告不计）；颜色表示规则的严重程度",
        ),
        tr_zh(
            QCoreApplication.translate("Dashboard", "Red: error rules, orange: warnings, blue: notes"),
            "红色：错误类规则，橙色：警告类，蓝色：提示类",
        ),
        by_severity=True,
    )
    totals: dict[str, int] = {}
    paths: dict[str, set[str]] = {}
    for it in readable:
        counts = rule_counts(it) if rule_counts is not None else _own_counts(it)
        for rule, n in counts.items():
            if n:
                totals[rule] = totals.get(rule, 0) + n
                paths.setdefault(rule, set()).add(item_path(it))
    order = "RSNDX"
    for rule in sorted(totals, key=lambda r: (order.index(r[0]) if r[:1] in order else 9, r)):
        chart.bars.append(Bar(rule, float(totals[rule]), frozenset(paths[rule]), tip=rule_title(rule)))
    return chart


def _own_counts(it: Item) -> dict[str, int]:
    out: dict[str, int] = {}
    for f in item_findings(it):
        out[f.rule] = out.get(f.rule, 0) + 1
    return out


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
    from .memo_pdf import cjk_family

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
