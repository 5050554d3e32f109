"""The dashboard's figures, without any widget: which bars each chart has and which reports stand
behind each bar (``compute_charts``), the rate bands, and who was left out and why.

Kept apart from the widget (``dashboard.py``) so the figures can be computed and tested without
pyqtgraph; the strings still go through ``QCoreApplication.translate`` (context "Dashboard").

Blank cells are missing, never 0: a rate is computed only for reports whose cells in it are all
filled, and every chart says how many reports it left out and why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from gov_review.core.batch.figures import (
    APPLICANTS,
    OUTCOMES,
    RATE_BANDS,
    T4_COLS,
    cell_sum,
    correction_cells,
    outcome_rows,
    rate_band,
    rate_of,
)
from gov_review.gui.i18n import current_lang
from gov_review.gui.models.league import (
    Item,
    item_findings,
    item_ok,
    item_path,
    item_report,
    rule_title,
    tr_zh,
)


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


def _count_chart(key: str, title: str, definition: str, readable: list[Item], specs: list) -> Chart:
    """One bar per spec (label, cell ids per report): the sum over reports of the filled cells."""
    chart = Chart(key, title, definition, "")
    with_blanks: set[str] = set()
    for label, cells_of in specs:
        total, paths = 0.0, set()
        for it in readable:
            data = item_report(it).data
            value, blank = cell_sum(data, cells_of(data))
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
        state, rate, num, den = rate_of(item_report(it).data, num_cells, den_cells)
        if state == "blank":
            blank += 1
            continue
        if state == "zero":
            zero += 1
            continue
        assert rate is not None
        num_sum, den_sum = num_sum + num, den_sum + den
        bands[rate_band(rate)].add(item_path(it))
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


def _int(d: Decimal) -> str:
    return str(int(d)) if d == d.to_integral_value() else str(d)


def compute_charts(items: list[Item], rule_counts=None) -> list[Chart]:
    """Every chart's bars across the reports; ``rule_counts(item) -> {rule: n}`` (default: the
    report's own active findings) lets the league's cross-year findings count too."""
    zh = current_lang() == "zh"
    readable = [it for it in items if item_ok(it)]
    charts = []

    outcome_specs = [
        (lz if zh else le, lambda d, g=g: [f"t3.{r}.c_total" for r in outcome_rows(d, g)])
        for lz, le, g in OUTCOMES
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
            lambda d: ([f"t3.{r}.c_total" for r in outcome_rows(d, "g_deny")], ["t3.r_total.c_total"]),
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
            lambda d: correction_cells(d, groups),
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
            QCoreApplication.translate("Dashboard", "Red: error rules, orange: warnings, blue: info"),
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
