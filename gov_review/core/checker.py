"""Run every rule of the pack on a reconstructed report and return its findings, in a stable order."""

from __future__ import annotations

from .model import SEVERITY_ORDER, Finding, ReportData, SourceDocument
from .rules.document import check_body, check_document
from .rules.narrative import check_narrative
from .rules.pack import check_equations
from .rules.tables import check_tables
from .suggest import attach_suggestions
from .templates import all_cell_info


def check(doc: SourceDocument, data: ReportData) -> list[Finding]:
    findings: list[Finding] = []
    findings += check_equations(data)
    findings += check_tables(doc, data)
    findings += check_body(doc, data)
    findings += check_narrative(doc, data)
    findings += check_document(doc, data)
    attach_suggestions(data, findings)
    return sort_findings(findings)


def recheck(doc: SourceDocument, data: ReportData) -> list[Finding]:
    """Checks after an edit: the same rules on the edited data (kept as one entry point for the GUI)."""
    return check(doc, data)


_ORDER = {cid: i for i, cid in enumerate(all_cell_info())}


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Severity, then table order of the first cell, then rule id: what F8 walks through."""

    def key(f: Finding) -> tuple[int, int, str]:
        first = _ORDER.get(f.cells[0], len(_ORDER)) if f.cells else -1
        return (SEVERITY_ORDER[f.severity], first, f.code)

    return sorted(findings, key=key)
