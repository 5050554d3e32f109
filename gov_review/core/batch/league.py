"""The league table's counting, without Qt: a report's findings counted by severity and by rule,
rules in the order a reviewer reads them, and a rule's definition from either pack."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from gov_review.core.formats.pack import Rule, load_pack
from gov_review.core.model import Finding


@dataclass(slots=True)
class FindingCounts:
    errors: int = 0
    warnings: int = 0
    by_rule: dict[str, int] = field(default_factory=dict)  # every severity, info included
    by_rule_sev: dict[str, dict[str, int]] = field(default_factory=dict)  # rule -> severity -> n


def count_findings(findings: Iterable[Finding]) -> FindingCounts:
    out = FindingCounts()
    for f in findings:
        if f.severity == "error":
            out.errors += 1
        elif f.severity == "warning":
            out.warnings += 1
        out.by_rule[f.rule] = out.by_rule.get(f.rule, 0) + 1
        sev = out.by_rule_sev.setdefault(f.rule, {})
        sev[f.severity] = sev.get(f.severity, 0) + 1
    return out


def rule_order(rule: str) -> tuple[int, str]:
    """Rules in the order a reviewer reads them: tables (R), subjects (S), prose (N), document (D),
    cross-year (X), anything else last."""
    order = "RSNDX"
    return (order.index(rule[0]) if rule[:1] in order else len(order), rule)


def find_rule(rule: str) -> Rule | None:
    """The rule's definition from the national pack or the cross-year pack, or None."""
    for pack in ("national", "crossyear"):
        try:
            found = load_pack(pack).get(rule)
        except FileNotFoundError:  # a build without the cross-year pack
            continue
        if found is not None:
            return found
    return None
