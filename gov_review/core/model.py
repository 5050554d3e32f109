"""The data every step of the pipeline passes on.

file bytes --read--> SourceDocument --locate/reconstruct--> ReportData --check--> [Finding]

Readers (text, docx, html, pdf) all produce a SourceDocument; nothing downstream knows which one ran.
Every paragraph and every table cell carries an Anchor: enough to highlight its place in the source
view and, for docx, to find the very same ``w:tc`` again when writing a corrected value back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

AnchorKind = Literal["text", "docx", "html", "pdf"]


# Not frozen: a frozen dataclass's __init__ goes through object.__setattr__ per field, which made
# anchors a third of the text reader's time. Treat anchors as immutable all the same.
@dataclass(slots=True, unsafe_hash=True)
class Anchor:
    """Where a paragraph or cell sits in its file.

    text: ``line_start``/``line_end`` (1-based, inclusive) and ``char_start``/``char_end`` (offsets
    into the decoded text, end exclusive).
    docx: ``table`` (index among all ``w:tbl`` of the body in document order, nested ones included),
    ``row`` (index of the ``w:tr`` in that table) and ``cell`` (index of the ``w:tc`` in that row);
    ``paragraph`` for a body paragraph.
    html: ``path`` (an XPath to the element).
    pdf: ``page`` (1-based) and ``bbox`` (x0, top, x1, bottom in PDF points).
    """

    kind: AnchorKind
    line_start: int | None = None
    line_end: int | None = None
    char_start: int | None = None
    char_end: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    paragraph: int | None = None
    path: str | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind}
        for name in (
            "line_start",
            "line_end",
            "char_start",
            "char_end",
            "table",
            "row",
            "cell",
            "paragraph",
            "path",
            "page",
            "bbox",
        ):
            value = getattr(self, name)
            if value is not None:
                out[name] = list(value) if name == "bbox" else value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Anchor:
        kwargs = dict(data)
        if kwargs.get("bbox") is not None:
            kwargs["bbox"] = tuple(kwargs["bbox"])
        return cls(**kwargs)


@dataclass(slots=True)
class Paragraph:
    """One paragraph of body text (outside tables)."""

    text: str
    anchor: Anchor
    style: str | None = None  # e.g. "Heading 1" when the reader knows it


@dataclass(slots=True)
class RawCell:
    """One cell of a raw table as the file has it.

    ``merged`` is True for a position covered by a span whose text lives in another cell (a bare-TAB
    vMerge continuation in the seeds' text, a ``vMerge`` continue / ``gridSpan`` tail in docx, a
    rowspan/colspan shadow in HTML). Reconstruction skips merged positions.
    """

    text: str
    anchor: Anchor
    merged: bool = False
    colspan: int = 1
    rowspan: int = 1
    # How a text layout put the cell in its column when not by a separator: "position" (where its
    # number stands under the header, pdftotext -layout style). None for a structured cell.
    how: str | None = None


@dataclass(slots=True)
class RawTable:
    """A table as found in the file: rows of cells, not necessarily rectangular (text sources)."""

    rows: list[list[RawCell]]
    anchor: Anchor
    index: int = 0
    # How a text source wrote it: "structured" (Word/HTML/PDF cells, TAB cells), "pipe", "cells" (one
    # cell per line), "flat" (run together on one line), "aligned" (space-aligned columns).
    layout: str = "structured"


Block = Paragraph | RawTable


@dataclass(slots=True)
class SourceDocument:
    """What a reader returns: the report's blocks in reading order, plus what the reader noticed."""

    path: str
    kind: str  # "text" | "docx" | "html" | "pdf" | ...
    blocks: list[Block]
    text: str | None = None  # the decoded text, for text sources (anchors' char offsets refer to it)
    encoding: str | None = None
    # Reader-level observations, as (code, params): e.g. ("bookmark_removed", {"count": 1}),
    # ("tracked_changes", {...}). The checker turns them into D05/D06-style findings.
    notes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[RawTable]:
        return [b for b in self.blocks if isinstance(b, RawTable)]


# --------------------------------------------------------------------------------------------
# Reconstructed data


Number = Decimal


# init=False with the same __init__ written out: reconstruction builds ~200 cells per report, and the
# generated one (a closure over the default factory) cost about half as much again per cell.
@dataclass(slots=True, init=False)
class Cell:
    """One canonical cell of tables 二/三/四.

    ``value`` is None when the cell is missing (blank, NBSP, ``/``, ``—``, ``无``) or unparseable;
    ``raw`` keeps the text exactly as found (None when the row or column was not in the file at all).
    ``placement`` says how the cell was located ("label" = by normalised labels, "fuzzy" = a close
    label, "order" = by its order among a row's values after labels fixed the row, "missing" = the
    row/column is absent, "edited" = typed by the reviewer) and ``confidence`` how sure that is.
    """

    id: str
    raw: str | None
    value: Number | None
    anchor: Anchor | None = None
    confidence: float = 1.0
    placement: str = "label"
    unit: str | None = None  # unit written inside the cell (元, 万元, 件...)
    notes: list[str] = field(default_factory=list)
    candidates: list[Number] | None = None  # ambiguous run-together digits: the reviewer chooses

    def __init__(
        self,
        id: str,
        raw: str | None,
        value: Number | None,
        anchor: Anchor | None = None,
        confidence: float = 1.0,
        placement: str = "label",
        unit: str | None = None,
        notes: list[str] | None = None,
        candidates: list[Number] | None = None,
    ) -> None:
        self.id = id
        self.raw = raw
        self.value = value
        self.anchor = anchor
        self.confidence = confidence
        self.placement = placement
        self.unit = unit
        self.notes = [] if notes is None else notes
        self.candidates = candidates

    @property
    def missing(self) -> bool:
        return self.value is None

    @property
    def certainty(self) -> str:
        """How sure the reader is, in one word: "exact" (a structured cell: Word, HTML, a TAB or pipe
        row whose width matches, by its labels), "inferred" (placed by position or order, a fuzzy label,
        or the one split of run-together digits that fits) or "ambiguous" (several splits fit, or the
        row's values could not be matched to its columns: the value is left to the reviewer)."""
        if self.candidates or self.placement == "ambiguous":
            return "ambiguous"
        if self.placement in ("label", "edited", "missing") and self.confidence >= 0.85:
            return "exact"
        if self.placement == "missing":
            return "exact"
        return "inferred"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"raw": self.raw, "value": number_to_json(self.value)}
        out["confidence"] = self.certainty
        out["score"] = round(self.confidence, 3)
        out["placement"] = self.placement
        if self.anchor is not None:
            out["anchor"] = self.anchor.to_dict()
        if self.unit:
            out["unit"] = self.unit
        if self.notes:
            out["notes"] = list(self.notes)
        if self.candidates:
            out["candidates"] = [number_to_json(c) for c in self.candidates]
        return out


def number_to_json(value: Number | None) -> int | float | None:
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


@dataclass(slots=True)
class Unplaced:
    """Something found in a table that reconstruction could not map to a canonical id."""

    table: str  # "t2" | "t3" | "t4" | "?"
    text: str
    anchor: Anchor | None
    reason: str  # code: "extra_row", "extra_value", "unknown_column", ...


@dataclass(slots=True)
class Section:
    """A located section 一…六 of the report."""

    number: int  # 1..6
    title: str  # the heading as written
    block_index: int  # index into SourceDocument.blocks
    anchor: Anchor
    standard: bool  # the title is the standard wording with the standard numeral
    end_block: int = -1  # exclusive end index into blocks


Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(slots=True)
class BodyInfo:
    name: str | None
    level: str | None  # province|city|county|district|township|street|department|None
    parent_level: str | None = None  # for departments: the level of the government it belongs to
    evidence: str | None = None


@dataclass(slots=True)
class ReportData:
    """The reconstructed report: canonical cells plus what was located around them."""

    format: str | None  # "2019" | "2021" | None
    year: int | None
    body: BodyInfo
    cells: dict[str, Cell]
    title: str | None = None
    sections: list[Section] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    # Observations from locating/reconstructing, as (code, params), turned into findings by rules.
    observations: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    format_evidence: dict[str, Any] = field(default_factory=dict)
    tables_found: dict[str, bool] = field(default_factory=dict)  # "t2"/"t3"/"t4" -> located?

    def value(self, cell_id: str) -> Number | None:
        cell = self.cells.get(cell_id)
        return None if cell is None else cell.value


@dataclass(slots=True)
class Finding:
    """One result of a rule: what is wrong, where, expected vs found."""

    rule: str
    severity: Severity
    cells: list[str]
    message: str  # Chinese
    message_en: str
    code: str = ""  # the rule's sub-code, e.g. "R01" or "R07.total_blank"
    params: dict[str, Any] = field(default_factory=dict)
    expected: str | None = None
    found: str | None = None
    assessable: bool = True
    equation: str | None = None  # the equation with numbers, e.g. "一 4 + 二 0 ≠ （七）0 + 四 0，差 4"
    anchor: Anchor | None = None  # for findings about text rather than cells
    suggestion: dict[str, Any] | None = None  # {"cell": id, "value": n}: one change that fixes it
    # Notes that only follow from this finding (a sum that cannot be checked because of these
    # blank cells): shown under it, not listed again (core/check/group.py).
    folded: list[Finding] = field(default_factory=list)

    @property
    def key(self) -> str:
        """A stable identity for waivers: rule code plus the cells (or the anchor) involved."""
        where = ",".join(self.cells)
        if not where and self.anchor is not None:
            where = f"@{self.anchor.line_start or self.anchor.paragraph or self.anchor.path or ''}"
        return f"{self.code or self.rule}|{where}"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "cells": list(self.cells),
            "message": self.message,
            "message_en": self.message_en,
            "code": self.code or self.rule,
            "assessable": self.assessable,
        }
        if self.expected is not None:
            out["expected"] = self.expected
        if self.found is not None:
            out["found"] = self.found
        if self.equation is not None:
            out["equation"] = self.equation
        if self.anchor is not None:
            out["anchor"] = self.anchor.to_dict()
        if self.suggestion is not None:
            out["suggestion"] = {
                "cell": self.suggestion["cell"],
                "value": number_to_json(self.suggestion["value"]),
            }
        if self.folded:
            out["folded"] = [f.to_dict() for f in self.folded]
        return out
