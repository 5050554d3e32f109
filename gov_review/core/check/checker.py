"""Run every rule of the pack on a reconstructed report and return its findings, in a stable order."""

from __future__ import annotations

from functools import cache

from gov_review.core.check.document import check_body, check_document
from gov_review.core.check.engine import run_equations
from gov_review.core.check.group import consolidate
from gov_review.core.check.labels import check_labels
from gov_review.core.check.narrative import check_narrative
from gov_review.core.check.suggest import attach_suggestions
from gov_review.core.check.tables import check_tables
from gov_review.core.check.unconfirmed import unconfirmed
from gov_review.core.formats.templates import FORMATS, all_cell_info, get_template
from gov_review.core.model import SEVERITY_ORDER, Finding, ReportData, SourceDocument


def check(doc: SourceDocument, data: ReportData) -> list[Finding]:
    values = {cid: c.value for cid, c in data.cells.items()}
    findings, failed = run_equations(data, values)
    findings += check_tables(doc, data)
    other_labels = check_labels(doc, data)
    if other_labels:  # they name each label: the list of markers of both formats says less
        findings = [f for f in findings if f.code != "R12.mixed"] + other_labels
    findings += check_body(doc, data)
    findings += check_narrative(doc, data)
    findings += check_document(doc, data)
    findings = unconfirmed(findings, data)
    attach_suggestions(data, findings, failed, values)
    return sort_findings(consolidate(findings, data), data.format)


def recheck(doc: SourceDocument, data: ReportData) -> list[Finding]:
    """Checks after an edit: the same rules on the edited data (kept as one entry point for the GUI)."""
    return check(doc, data)


@cache
def _order(fmt: str | None) -> dict[str, int]:
    cells = get_template(fmt).cells if fmt in FORMATS else all_cell_info()
    order = {cid: i for i, cid in enumerate(cells)}
    for cid in all_cell_info():  # cells of the other format (R12) go last
        order.setdefault(cid, len(order))
    return order


def sort_findings(findings: list[Finding], fmt: str | None = None) -> list[Finding]:
    """Severity, then the format's table order of the first cell, then rule id: what F8 walks."""
    order = _order(fmt)

    def key(f: Finding) -> tuple[int, int, str]:
        first = order.get(f.cells[0], len(order)) if f.cells else -1
        return (SEVERITY_ORDER[f.severity], first, f.code)

    return sorted(findings, key=key)
