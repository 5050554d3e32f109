"""One report from file to findings: read → locate → reconstruct → check."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from gov_review.core.errors import GovReviewError, ReadError
from gov_review.core.model import Finding, ReportData, SourceDocument


@dataclass(slots=True)
class Report:
    """A report as the tool holds it: where it came from, what was read, what was found."""

    path: str
    source: SourceDocument | None = None
    data: ReportData | None = None
    findings: list[Finding] = field(default_factory=list)
    error: GovReviewError | None = None
    # Errors the reviewer settled with a reason (a bundle's review): Finding.key -> reason. They stay
    # in ``findings`` and are counted apart from open errors.
    settled: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0, "info": 0}
        for f in self.findings:
            if f.severity == "error" and f.key in self.settled:
                out["settled"] = out.get("settled", 0) + 1
            else:
                out[f.severity] += 1
        return out


def analyse(doc: SourceDocument) -> tuple[ReportData, list[Finding]]:
    """Reconstruct the canonical tables of a read document and check them."""
    from gov_review.core.check.checker import check
    from gov_review.core.reconstruct.build import reconstruct

    data = reconstruct(doc)
    return data, check(doc, data)


def analyse_file(path: str | os.PathLike[str], data: bytes | None = None) -> Report:
    """Read and check one file. Never raises for a bad file: the Report carries the error."""
    from gov_review.core.read import read_document

    report = Report(path=str(path))
    try:
        report.source = read_document(path, data)
    except GovReviewError as exc:
        report.error = exc
        return report
    except RecursionError as exc:  # pathological nesting in a hostile file
        report.error = ReadError("hostile", name=os.path.basename(str(path)), reason="嵌套过深")
        report.error.__cause__ = exc
        return report
    report.data, report.findings = analyse(report.source)
    return report


def report_to_json(report: Report, lang: str = "zh") -> dict[str, Any]:
    """The CLI's JSON for one report (DESIGN.md contract; extra keys are welcome)."""
    out: dict[str, Any] = {"path": report.path}
    if report.error is not None:
        out.update(
            {
                "format": None,
                "year": None,
                "body": None,
                "cells": {},
                "findings": [],
                "error": report.error.message(lang),
                "error_code": report.error.code,
            }
        )
        return out
    data = report.data
    assert data is not None and report.source is not None
    out["format"] = data.format
    out["year"] = data.year
    out["body"] = data.body.name
    out["body_level"] = data.body.level
    out["title"] = data.title
    out["source_kind"] = report.source.kind
    out["cells"] = {cid: cell.to_dict() for cid, cell in data.cells.items()}
    out["findings"] = [f.to_dict() for f in report.findings]
    for f, entry in zip(report.findings, out["findings"], strict=True):
        if f.severity == "error" and f.key in report.settled:
            entry["state"], entry["reason"] = "settled", report.settled[f.key]
    if lang == "en":
        for f in out["findings"]:
            f["message_zh"], f["message"] = f["message"], f["message_en"]
    out["counts"] = report.counts()
    out["unplaced"] = [
        {
            "table": u.table,
            "text": u.text,
            "reason": u.reason,
            "anchor": u.anchor.to_dict() if u.anchor else None,
        }
        for u in data.unplaced
    ]
    return out
