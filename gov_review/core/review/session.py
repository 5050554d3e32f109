"""A review in progress: the report, the reviewer's edits, notes and waivers, and live findings.

Every operation returns the record it made so that an undo command can hand it back:
``set_value`` → ``Edit`` (``undo_edit``/``redo_edit``), ``add_note`` → ``Note`` (``remove_note``/
``restore_note``), ``waive`` → ``Waiver`` (``unwaive``/``restore_waiver``), ``settle`` →
``Settlement`` (``unsettle``/``restore_settlement``). The GUI's QUndoCommands call only these public
methods. Findings are recomputed after every change.
"""

from __future__ import annotations

import copy
import hashlib
import os
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

from gov_review.core.check.checker import check
from gov_review.core.errors import SaveError
from gov_review.core.model import Cell, Finding
from gov_review.core.review.pipeline import Report
from gov_review.core.review.validate import (  # noqa: F401  (InvalidValue, validate: the editor's names)
    InvalidValue,
    ReviewStateError,
    check_state,
    saved_severity,
    validate,
)
from gov_review.core.text.normalize import fmt_number, parse_value

REVIEW_SCHEMA = 1


def now_iso() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


class WaiverNotAllowed(ValueError):
    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_zh = message_zh
        self.message_en = message_en


@dataclass(slots=True)
class Edit:
    cell: str
    old_raw: str | None
    new_raw: str | None
    reviewer: str
    time: str
    reason: str = ""
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])


@dataclass(slots=True)
class Note:
    cell: str
    text: str
    reviewer: str
    time: str
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])


@dataclass(slots=True)
class Waiver:
    key: str  # Finding.key
    rule: str
    cells: list[str]
    reason: str
    reviewer: str
    time: str
    message: str = ""  # the finding's message at the time, for the memo


@dataclass(slots=True)
class Settlement:
    """An error the reviewer settled with a written reason (it cannot be waived): the prose was wrong
    and the table right, or the reporting body confirmed the figures."""

    key: str  # Finding.key
    rule: str
    cells: list[str]
    reason: str
    reviewer: str
    time: str
    message: str = ""  # the finding's message at the time, for the memo


# The reasons offered when settling an error; a prose-vs-table error (N01–N07) offers the first two.
SETTLE_TABLE = "以表格为准（正文表述有误）"
SETTLE_TEXT = "以正文为准"
SETTLE_VERIFIED = "已与报送单位核实"
_PROSE_RULES = ("N01", "N02", "N03", "N04", "N05", "N06", "N07", "N08")


def settle_reasons(finding: Finding) -> list[str]:
    """The reasons the reviewer may pick to settle an error (a written one is accepted too)."""
    if finding.rule in _PROSE_RULES:
        return [SETTLE_TABLE, SETTLE_TEXT, SETTLE_VERIFIED]
    return [SETTLE_VERIFIED]


@dataclass(slots=True)
class SourceInfo:
    """The original report a session reviews, byte for byte: saved into the bundle as it was checked.

    Read once, so a report moved or deleted after it was opened can still be saved, and so a bundle
    reopened elsewhere never needs the original path. It is a field of the session, so it travels
    with the session wherever the session goes (a worker process pickles it back to the window).
    """

    name: str
    data: bytes
    created: str = ""  # the bundle's creation time, kept across saves
    bundle_path: str | None = None  # the bundle this review was opened from or last saved to
    findings_match: bool = True  # on open: do recomputed findings equal those saved?
    bundle_sha256: str | None = None  # the bundle file as opened or last saved (another saver changes it)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


class ReviewSession:
    def __init__(
        self,
        report: Report,
        reviewer: str = "",
        clock: Callable[[], str] = now_iso,
        source: SourceInfo | None = None,
    ) -> None:
        if report.data is None or report.source is None:
            raise ValueError("a report that could not be read has nothing to review")
        self.report = report
        # None until kept: read from report.path the first time it is needed (bundle.source_of)
        self.source = source
        self.reviewer = reviewer
        self.unit = ""  # the reviewing unit (审核单位) the memo is issued in the name of
        self.clock = clock
        self.original: dict[str, Cell] = copy.deepcopy(report.data.cells)
        self.edits: list[Edit] = []
        self.notes: list[Note] = []
        self.waivers: dict[str, Waiver] = {}
        self.settlements: dict[str, Settlement] = {}
        self.revision = 0
        self._by_cell: dict[str, list[Finding]] = {}
        self._index_findings()

    # -------------------------------------------------------------------------------- queries

    @property
    def data(self):
        return self.report.data

    @property
    def findings(self) -> list[Finding]:
        return self.report.findings

    def cell(self, cell_id: str) -> Cell | None:
        return self.report.data.cells.get(cell_id)

    def is_edited(self, cell_id: str) -> bool:
        cur = self.cell(cell_id)
        orig = self.original.get(cell_id)
        return cur is not None and (orig is None or (cur.raw or "").strip() != (orig.raw or "").strip())

    def edited_cells(self) -> list[str]:
        return [cid for cid in self.report.data.cells if self.is_edited(cid)]

    def notes_for(self, cell_id: str) -> list[Note]:
        return [n for n in self.notes if n.cell == cell_id]

    def is_waived(self, finding: Finding) -> bool:
        return finding.key in self.waivers

    def is_settled(self, finding: Finding) -> bool:
        return finding.severity == "error" and finding.key in self.settlements

    def findings_for(self, cell_id: str) -> list[Finding]:
        return self._by_cell.get(cell_id, [])

    def active_findings(self) -> list[Finding]:
        """The findings still open: not accepted (warnings) and not settled (errors)."""
        return [f for f in self.findings if not self.is_waived(f) and not self.is_settled(f)]

    def counts(self) -> dict[str, int]:
        """Open findings per severity; accepted warnings and settled errors counted apart."""
        out = {"error": 0, "warning": 0, "info": 0, "waived": 0, "settled": 0}
        for f in self.findings:
            if self.is_waived(f):
                out["waived"] += 1
            elif self.is_settled(f):
                out["settled"] += 1
            else:
                out[f.severity] += 1
        return out

    # ------------------------------------------------------------------------------ edits

    def set_value(self, cell_id: str, text: str, reason: str = "") -> Edit:
        """Change a cell to what the reviewer typed. Raises InvalidValue for bad input."""
        value = validate(cell_id, text, self.data.format)
        cur = self.cell(cell_id)
        old_raw = None if cur is None else cur.raw
        new_raw = unicodedata.normalize("NFKC", text).strip()
        edit = Edit(cell_id, old_raw, new_raw, self.reviewer, self.clock(), reason)
        self._apply(cell_id, new_raw, value)
        self.edits.append(edit)
        self._changed()
        return edit

    def undo_edit(self, edit: Edit) -> None:
        self._apply(
            edit.cell, edit.old_raw, None if edit.old_raw is None else parse_value(edit.old_raw).value
        )
        if edit in self.edits:
            self.edits.remove(edit)
        self._changed()

    def redo_edit(self, edit: Edit) -> None:
        self._apply(
            edit.cell, edit.new_raw, None if edit.new_raw is None else parse_value(edit.new_raw).value
        )
        self.edits.append(edit)
        self._changed()

    def _apply(self, cell_id: str, raw: str | None, value: Decimal | None) -> None:
        cells = self.report.data.cells
        cur = cells.get(cell_id)
        orig = self.original.get(cell_id)
        if cur is None:
            cur = Cell(id=cell_id, raw=None, value=None, placement="edited", confidence=1.0)
            cells[cell_id] = cur
        cur.raw = raw
        cur.value = value
        cur.unit = None if raw is None else parse_value(raw).unit
        if orig is not None and (raw or "") == (orig.raw or ""):
            # back to the text as read: its value as read too (an ambiguous cell's is None, not its
            # run-together digits), with its candidates
            cur.placement, cur.confidence = orig.placement, orig.confidence
            cur.value, cur.candidates = orig.value, orig.candidates
        else:
            settled = orig is not None and orig.placement != "missing" and orig.certainty == "exact"
            cur.placement = orig.placement if settled else "edited"  # type: ignore[union-attr]
            cur.confidence = 1.0
            cur.candidates = None  # the reviewer chose

    # ------------------------------------------------------------------------------ notes

    def add_note(self, cell_id: str, text: str) -> Note:
        note = Note(cell_id, text.strip(), self.reviewer, self.clock())
        self.notes.append(note)
        self.revision += 1
        return note

    def remove_note(self, note: Note) -> None:
        if note in self.notes:
            self.notes.remove(note)
        self.revision += 1

    def restore_note(self, note: Note) -> None:
        self.notes.append(note)
        self.revision += 1

    # ---------------------------------------------------------------------------- waivers

    def waive(self, finding: Finding, reason: str) -> Waiver:
        """Accept a warning with a written reason. Errors must be fixed, not waived."""
        if finding.severity == "error":
            raise WaiverNotAllowed(
                "错误必须改正，不能接受；只有警告可以在说明理由后接受。",
                "Errors must be fixed; only warnings can be accepted with a reason.",
            )
        if not reason.strip():
            raise WaiverNotAllowed("接受警告必须填写理由。", "Accepting a warning needs a written reason.")
        waiver = Waiver(
            finding.key,
            finding.rule,
            list(finding.cells),
            reason.strip(),
            self.reviewer,
            self.clock(),
            finding.message,
        )
        self.waivers[finding.key] = waiver
        self.revision += 1
        return waiver

    def unwaive(self, waiver: Waiver) -> None:
        self.waivers.pop(waiver.key, None)
        self.revision += 1

    def restore_waiver(self, waiver: Waiver) -> None:
        self.waivers[waiver.key] = waiver
        self.revision += 1

    # ------------------------------------------------------------------------ settlements

    def settle(self, finding: Finding, reason: str) -> Settlement:
        """Settle an error with a written reason (errors cannot be waived, but the reviewer may
        decide, e.g., that the prose was wrong and the table right)."""
        if finding.severity != "error":
            raise WaiverNotAllowed(
                "只有错误需要核实处理；警告请用“接受”。", "Only errors are settled; accept a warning instead."
            )
        if not reason.strip():
            raise WaiverNotAllowed("核实错误必须填写理由。", "Settling an error needs a written reason.")
        settlement = Settlement(
            finding.key,
            finding.rule,
            list(finding.cells),
            reason.strip(),
            self.reviewer,
            self.clock(),
            finding.message,
        )
        self.settlements[finding.key] = settlement
        self.revision += 1
        return settlement

    def unsettle(self, settlement: Settlement) -> None:
        self.settlements.pop(settlement.key, None)
        self.revision += 1

    def restore_settlement(self, settlement: Settlement) -> None:
        self.settlements[settlement.key] = settlement
        self.revision += 1

    def finding_dict(self, f: Finding) -> dict[str, Any]:
        """A finding as review.json keeps it: the contract's keys, whether accepted, and a settled
        error's ``"state": "settled"`` with its reason."""
        out = f.to_dict() | {"waived": self.is_waived(f)}
        settlement = self.settlements.get(f.key) if self.is_settled(f) else None
        if settlement is not None:
            out["state"] = "settled"
            out["reason"] = settlement.reason
        return out

    # ------------------------------------------------------------------------------ checks

    def _changed(self) -> None:
        self.report.findings = check(self.report.source, self.report.data)
        self._index_findings()
        self.revision += 1

    def _index_findings(self) -> None:
        by_cell: dict[str, list[Finding]] = {}
        for f in self.report.findings:
            for c in f.cells:
                by_cell.setdefault(c, []).append(f)
        self._by_cell = by_cell

    # ------------------------------------------------------------------------ persistence

    def to_dict(self) -> dict[str, Any]:
        """The review state for review.json (values, edits, notes, waivers, findings at save time)."""
        data = self.report.data
        return {
            "schema": REVIEW_SCHEMA,
            "reviewer": self.reviewer,
            "unit": self.unit,
            "format": data.format,
            "year": data.year,
            "body": data.body.name,
            "original": {cid: {"raw": c.raw, "value": _num(c.value)} for cid, c in self.original.items()},
            "values": {cid: {"raw": c.raw, "value": _num(c.value)} for cid, c in data.cells.items()},
            "edits": [asdict(e) for e in self.edits],
            "notes": [asdict(n) for n in self.notes],
            "waivers": [asdict(w) for w in self.waivers.values()],
            "settlements": [asdict(x) for x in self.settlements.values()],
            "findings": [self.finding_dict(f) for f in self.findings],
        }

    def restore(self, state: dict[str, Any]) -> None:
        """Replay a saved review onto a freshly read report (the same source file).

        The state is checked with the editor's own rules first (see ``validate``): a record the
        editor could not have made raises ReviewStateError and nothing is applied.
        """
        records = check_state(state, self.data.format)
        self.reviewer = state.get("reviewer", self.reviewer)
        unit = state.get("unit", self.unit)
        self.unit = unit if isinstance(unit, str) else self.unit
        for e in records["edits"]:
            edit = Edit(**e)
            value = None if edit.new_raw is None else validate(edit.cell, edit.new_raw, self.data.format)
            self._apply(edit.cell, edit.new_raw, value)
            self.edits.append(edit)
        self.notes = [Note(**n) for n in records["notes"]]
        self._changed()
        severity = {f.key: f.severity for f in self.findings}
        waivers: dict[str, Waiver] = {}
        for n, w in enumerate(records["waivers"]):
            if severity.get(w["key"]) == "error":
                if saved_severity(state, w["key"]) == "warning":
                    continue  # a warning when accepted, an error under today's rules: it must be fixed
                raise ReviewStateError(f"第 {n + 1} 条接受的警告针对的是错误（错误必须改正，不能接受）")
            waivers[w["key"]] = Waiver(**w)
        self.waivers = waivers
        self.settlements = _settlements(state)
        self.revision += 1


def _settlements(state: dict[str, Any]) -> dict[str, Settlement]:
    """The settled errors of a saved review, checked as the editor would have made them."""
    from gov_review.core.review.validate import _WAIVER_KEYS, _records

    out: dict[str, Settlement] = {}
    for n, x in enumerate(_records(state, "settlements", "已核实的错误")):
        where = f"第 {n + 1} 条已核实的错误"
        if not isinstance(x, dict) or any(k not in _WAIVER_KEYS for k in x):
            raise ReviewStateError(f"{where}的格式不对")
        if any(not isinstance(v, _WAIVER_KEYS[k]) for k, v in x.items()):
            raise ReviewStateError(f"{where}的字段类型不对")
        if not all(k in x for k in ("key", "rule", "reason")) or not x["reason"].strip():
            raise ReviewStateError(f"{where}缺少问题或理由")
        if not all(isinstance(c, str) for c in x.get("cells", [])):
            raise ReviewStateError(f"{where}的单元格列表格式不对")
        out[x["key"]] = Settlement(
            x["key"], x["rule"], list(x.get("cells", [])), x["reason"], x.get("reviewer", ""),
            x.get("time", ""), x.get("message", ""),
        )  # fmt: skip
    return out


def _num(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(fmt_number(value))


def remember_source(session: ReviewSession, data: bytes | None = None, name: str | None = None) -> SourceInfo:
    """Keep the original's bytes with the session (call right after opening a report).

    Without ``data`` the file at ``session.report.path`` is read now. Raises SaveError
    ("source_missing") if it is gone.
    """
    info = session.source
    if info is not None and data is None:
        return info
    path = session.report.path
    name = name or os.path.basename(path)
    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise SaveError("source_missing", name=name) from exc
    info = SourceInfo(
        name=name,
        data=data,
        created=info.created if info else "",
        bundle_path=info.bundle_path if info else None,
        bundle_sha256=info.bundle_sha256 if info else None,
    )
    session.source = info
    return info


def source_of(session: ReviewSession) -> SourceInfo:
    """The original's name and bytes for a session (read from disk the first time)."""
    return remember_source(session)
