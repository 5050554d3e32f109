"""Small helpers for asserting on findings the way a reviewer reads them."""

from __future__ import annotations

from gov_review.core.model import Finding


def on(findings: list[Finding], rule: str, cell: str, severity: str | None = None) -> list[Finding]:
    """Findings of a rule whose primary cell (cells[0]) is ``cell``."""
    return [
        f
        for f in findings
        if f.rule == rule and f.cells and f.cells[0] == cell and (severity is None or f.severity == severity)
    ]


def codes(findings: list[Finding], severity: str | None = None) -> list[str]:
    return [f.code for f in findings if severity is None or f.severity == severity]


def values(report, prefix: str) -> dict[str, object]:
    return {cid: c.value for cid, c in report.data.cells.items() if cid.startswith(prefix)}
