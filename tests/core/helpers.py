"""Small helpers for asserting on findings the way a reviewer reads them."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from gov_review.core.model import Finding
from gov_review.core.read.docx import W_MAIN
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import ReviewSession


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


# A realistic review of seed 002, shared by the bundle and export tests.
REASON = "（七）总计应等于（一）至（六）之和 4"
NOTE = "正文称 16 条，表三为 4 件，请核实。"
WAIVE = "单位写在格内，数值可识别。"


def review_002(path: Path, reviewer: str = "李审核") -> ReviewSession:
    """Fix the two （七）总计 cells, ask about 16 vs 4 in a note, accept the R08 warning."""
    s = ReviewSession(analyse_file(path), reviewer)
    s.set_value("t3.r_total.c_natural", "4", REASON)
    s.set_value("t3.r_total.c_total", "4", REASON)
    s.add_note("t3.r_new.c_total", NOTE)
    s.waive(next(f for f in s.findings if f.rule == "R08"), WAIVE)
    return s


def docx_bytes(body: str) -> bytes:
    """A minimal .docx (the least Word's readers accept) whose body is the given WordprocessingML."""
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_MAIN}"><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", xml)
    return buf.getvalue()
