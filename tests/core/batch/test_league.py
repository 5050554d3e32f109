"""The league table's counts, without Qt: errors and warnings of a report (info not among them),
per rule and per rule and severity, and rules in reading order (tables, subjects, prose, document,
cross-year)."""

from __future__ import annotations

from gov_review.core.batch.league import count_findings, find_rule, rule_order
from gov_review.core.review.pipeline import analyse_file
from tests.conftest import seed_path


def test_a_reports_findings_are_counted_by_severity_and_rule():
    report = analyse_file(seed_path(2))
    counts = count_findings(report.findings)
    assert counts.errors == sum(1 for f in report.findings if f.severity == "error") > 0
    assert counts.warnings == sum(1 for f in report.findings if f.severity == "warning")
    assert sum(counts.by_rule.values()) == len(report.findings)
    assert counts.by_rule_sev["R01"] == {"error": counts.by_rule["R01"]}


def test_rules_are_ordered_as_a_reviewer_reads_them_and_found_in_either_pack():
    assert sorted(["X01", "D02", "N01", "S04", "R12", "R01", "Z9"], key=rule_order) == [
        "R01",
        "R12",
        "S04",
        "N01",
        "D02",
        "X01",
        "Z9",
    ]
    assert find_rule("R01").severity == "error"
    assert find_rule("X01") is not None and find_rule("nope") is None
