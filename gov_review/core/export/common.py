"""What every export shares: the corrections list, findings before and after, source excerpts."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from gov_review.core.check.checker import check
from gov_review.core.formats.templates import CellInfo, cell_info
from gov_review.core.model import Anchor, Finding, Paragraph
from gov_review.core.review.session import ReviewSession

SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
TABLE_ZH = {
    "t2": "表二 主动公开政府信息情况",
    "t3": "表三 收到和处理政府信息公开申请情况",
    "t4": "表四 政府信息公开行政复议、行政诉讼情况",
}
OTHER_ZH = "正文及结构"

# Characters XML 1.0 (so .docx, .xlsx) cannot hold: C0 controls other than tab/newline/return,
# lone surrogates and the two non-characters. A vertical tab or form feed in a report's text is a
# line or page break: it becomes a space; anything else is dropped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """Text safe to write into a .docx, .xlsx or PDF: no characters those formats cannot hold."""
    if not text:
        return text
    return _NOT_XML.sub(lambda m: " " if m.group(0) in "\x0b\x0c" else "", text)


@dataclass(slots=True)
class Correction:
    cell: str
    label: str  # Chinese label path
    original: str  # as read ("" for blank or missing)
    corrected: str
    reason: str
    reviewer: str
    time: str


def label_of(session: ReviewSession, cell_id: str) -> str:
    info: CellInfo | None = cell_info(cell_id, session.data.format)
    return info.label_zh if info else cell_id


def corrections(session: ReviewSession) -> list[Correction]:
    """One row per corrected cell: what was read, what it is now, and the last reason given."""
    out = []
    for cid in session.edited_cells():
        edits = [e for e in session.edits if e.cell == cid]
        reasons = [e.reason for e in edits if e.reason]
        last = edits[-1] if edits else None
        orig = session.original.get(cid)
        cur = session.cell(cid)
        out.append(
            Correction(
                cell=cid,
                label=label_of(session, cid),
                original=(orig.raw or "").strip() if orig else "",
                corrected=(cur.raw or "").strip() if cur else "",
                reason=reasons[-1] if reasons else "",
                reviewer=(last.reviewer if last else "") or session.reviewer,
                time=last.time if last else "",
            )
        )
    return out


def original_findings(session: ReviewSession) -> list[Finding]:
    """The findings of the report as it was read, before any correction."""
    if not session.edits:
        return list(session.findings)
    data = copy.copy(session.data)
    data.cells = copy.deepcopy(session.original)
    return check(session.report.source, data)


def table_of(finding: Finding) -> str:
    """Which table a finding belongs to: t2/t3/t4, or "" for prose and structure."""
    for c in finding.cells:
        head = c.split(".", 1)[0]
        if head in TABLE_ZH:
            return head
    return ""


def _paragraph_at(session: ReviewSession, anchor: Anchor) -> Paragraph | None:
    src = session.report.source
    for p in src.paragraphs:
        a = p.anchor
        if anchor.kind == "docx" and a.paragraph is not None and a.paragraph == anchor.paragraph:
            return p
        if (
            anchor.kind == "text"
            and a.line_start is not None
            and anchor.line_start is not None
            and a.line_start <= anchor.line_start <= (a.line_end or a.line_start)
        ):
            return p
        if anchor.kind == "html" and a.path and a.path == anchor.path:
            return p
        if anchor.kind == "pdf" and a.page == anchor.page and a.bbox == anchor.bbox:
            return p
    return None


_SENTENCE = re.compile(r"[^。；;！!？?\n]*[。；;！!？?]?")


def excerpt(session: ReviewSession, finding: Finding, limit: int = 160) -> str:
    """The place in the report a finding is about: the cell as written, or the prose sentence."""
    if finding.anchor is not None and finding.anchor.kind in ("text", "docx", "html", "pdf"):
        para = _paragraph_at(session, finding.anchor)
        text = para.text if para is not None else ""
        src = session.report.source
        if not text and finding.anchor.kind == "text" and src.text and finding.anchor.char_start is not None:
            text = src.text[finding.anchor.char_start : finding.anchor.char_end]
        if text:
            key = str(
                finding.params.get("phrase")
                or finding.params.get("written")
                or finding.params.get("text")
                or ""
            )
            if key:
                for m in _SENTENCE.finditer(text):
                    if key and key in m.group(0):
                        text = m.group(0)
                        break
            text = text.strip(" \t\u00a0\u3000")
            return text if len(text) <= limit else text[: limit - 1] + "…"
    if finding.cells:
        if all(session.original.get(c) is None or session.original[c].raw is None for c in finding.cells):
            return f"原文中没有“{label_of(session, finding.cells[0]).rsplit(' · ', 1)[0]}”这一栏"
        parts = []
        for cid in finding.cells[:3]:
            orig = session.original.get(cid)
            raw = (orig.raw or "").strip() if orig is not None and orig.raw is not None else None
            shown = "（无此栏）" if raw is None else (f"“{raw}”" if raw else "（空白）")
            parts.append(f"{label_of(session, cid)}：{shown}")
        more = f" 等 {len(finding.cells)} 栏" if len(finding.cells) > 3 else ""
        return "；".join(parts) + more
    return ""


def file_stem(session: ReviewSession) -> str:
    from gov_review.core.review.session import source_of

    name = source_of(session).name
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", stem) or "report"


@dataclass(slots=True)
class FindingState:
    finding: Finding
    # "fixed" (gone after corrections) | "waived" (accepted with a reason) | "settled" (an error the
    # reviewer settled with a reason) | "open"
    status: str
    reason: str = ""  # the waiver's or settlement's reason
    new: bool = False  # appeared only after a correction

    @property
    def status_zh(self) -> str:
        return {"fixed": "已更正", "waived": "已接受", "settled": "已核实", "open": "待核实"}[self.status]


def finding_states(session: ReviewSession, include_info: bool = False) -> list[FindingState]:
    """Every finding of the report as read plus any the corrections brought, with what became of it."""
    before = original_findings(session)
    now = {f.key: f for f in session.findings}
    before_keys = {f.key for f in before}
    seen: set[str] = set()
    out: list[FindingState] = []
    for f in before + list(session.findings):
        if f.key in seen or (f.severity == "info" and not include_info):
            continue
        seen.add(f.key)
        current = now.get(f.key)
        if current is None:
            out.append(FindingState(f, "fixed"))
            continue
        waiver = session.waivers.get(f.key)
        settlement = session.settlements.get(f.key) if session.is_settled(current) else None
        if waiver is not None:
            out.append(FindingState(current, "waived", waiver.reason))
        elif settlement is not None:
            out.append(FindingState(current, "settled", settlement.reason))
        else:
            out.append(FindingState(current, "open", new=f.key not in before_keys))
    return out
