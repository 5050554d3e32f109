"""The saved review state (review.json, a recovery file) checked with the editor's own rules.

A bundle's hashes only prove that nothing changed by accident; anyone can edit review.json and
recompute them. So before a saved review is replayed, every record is checked as if the reviewer
had just made it in the editor: the cell exists in the report's tables, the value is one the editor
would accept, a waiver has a reason and names no error. A malformed structure (a string where a
list belongs, a missing key) is refused the same way. Each refusal is a ``ReviewStateError`` with
a short Chinese reason; the bundle loader turns it into a BundleError sentence.

``validate`` is the editor's rule for what a reviewer may type into a cell (the session uses it for
every edit).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from gov_review.core.formats.templates import cell_info
from gov_review.core.text.normalize import MAX_DIGITS

MAX_RECORDS = 100_000  # far more edits, notes or waivers than any review makes
MAX_TEXT = 100_000  # characters of one note, reason or value


class InvalidValue(ValueError):
    """A value the reviewer typed that the cell cannot hold; carries the sentence to show."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message_zh = message_zh
        self.message_en = message_en


_INT_RE = re.compile(r"^[+-]?\d+$")
_DEC_RE = re.compile(r"^\d+(?:\.\d+)?$")


def validate(cell_id: str, text: str, fmt: str | None = None) -> Decimal | None:
    """Parse what the reviewer typed for a cell. Blank clears the cell. Raises InvalidValue."""
    s = unicodedata.normalize("NFKC", text).strip().replace(",", "")
    if s == "":
        return None
    info = cell_info(cell_id, fmt)
    kind = info.kind if info else "count"
    if len(s.split(".")[0].lstrip("+-0")) > MAX_DIGITS:
        raise InvalidValue("数值位数过多，不是一个真实的数字。", "That number has too many digits to be real.")
    if kind == "money":
        if not _DEC_RE.match(s):
            raise InvalidValue(
                "金额栏只能填写非负数（可带小数），如 12.5。", "Money cells take a number ≥ 0, e.g. 12.5."
            )
        return Decimal(s)
    if not _INT_RE.match(s):
        raise InvalidValue("此栏只能填写整数，如 4。", "This cell takes a whole number, e.g. 4.")
    try:
        value = Decimal(s)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only integers
        raise InvalidValue("此栏只能填写整数。", "This cell takes a whole number.") from exc
    if value < 0 and kind != "delta":
        raise InvalidValue(
            "此栏不能为负数（只有“本年增/减”可以为负）。",
            "This cell cannot be negative (only the change column can).",
        )
    return value


class ReviewStateError(ValueError):
    """A saved review that the editor could not have produced; ``reason_zh`` says what is wrong."""

    def __init__(self, reason_zh: str) -> None:
        super().__init__(reason_zh)
        self.reason_zh = reason_zh


_EDIT_KEYS = {"cell": str, "old_raw": (str, type(None)), "new_raw": (str, type(None)), "reviewer": str,
              "time": str, "reason": str, "id": str}  # fmt: skip
_NOTE_KEYS = {"cell": str, "text": str, "reviewer": str, "time": str, "id": str}
_WAIVER_KEYS = {"key": str, "rule": str, "cells": list, "reason": str, "reviewer": str, "time": str,
                "message": str}  # fmt: skip
_REQUIRED = {  # the fields without a default in session.Edit, Note and Waiver
    "修改": ("cell", "old_raw", "new_raw", "reviewer", "time"),
    "批注": ("cell", "text", "reviewer", "time"),
    "接受的警告": ("key", "rule", "cells", "reason", "reviewer", "time"),
}


def _records(state: dict[str, Any], key: str, what: str) -> list[Any]:
    value = state.get(key, [])
    if value is None or not isinstance(value, list):
        raise ReviewStateError(f"{what}列表的格式不对")
    if len(value) > MAX_RECORDS:
        raise ReviewStateError(f"{what}多达 {len(value)} 条")
    return value


def _record(item: Any, keys: dict[str, Any], what: str, n: int) -> dict[str, Any]:
    where = f"第 {n + 1} 条{what}"
    if not isinstance(item, dict):
        raise ReviewStateError(f"{where}的格式不对")
    for k, v in item.items():
        if k not in keys:
            raise ReviewStateError(f"{where}含有未知字段“{str(k)[:40]}”")
        if not isinstance(v, keys[k]):
            raise ReviewStateError(f"{where}的“{k}”类型不对")
        if isinstance(v, str) and len(v) > MAX_TEXT:
            raise ReviewStateError(f"{where}的“{k}”过长")
    for k in _REQUIRED[what]:
        if k not in item:
            raise ReviewStateError(f"{where}缺少“{k}”")
    return item


def _cell(cid: str, fmt: str | None, where: str) -> None:
    if cell_info(cid, fmt) is None:
        raise ReviewStateError(f"{where}指向不存在的单元格“{cid[:40]}”")


def check_state(state: Any, fmt: str | None) -> dict[str, list[dict[str, Any]]]:
    """Validate a saved review's structure and values; return its edits, notes and waivers.

    Values are checked with the editor's ``validate``. Raises ReviewStateError.
    """
    if not isinstance(state, dict):
        raise ReviewStateError("审核记录不是一个对象")
    if not isinstance(state.get("reviewer", ""), str):
        raise ReviewStateError("审核人的格式不对")
    edits = [_record(e, _EDIT_KEYS, "修改", n) for n, e in enumerate(_records(state, "edits", "修改"))]
    for n, e in enumerate(edits):
        where = f"第 {n + 1} 条修改"
        _cell(e["cell"], fmt, where)
        if e["new_raw"] is not None:
            try:
                validate(e["cell"], e["new_raw"], fmt)
            except InvalidValue:
                raise ReviewStateError(
                    f"{where}把“{e['cell']}”改成了编辑器不接受的值“{e['new_raw'][:40]}”"
                ) from None
    notes = [_record(x, _NOTE_KEYS, "批注", n) for n, x in enumerate(_records(state, "notes", "批注"))]
    for n, x in enumerate(notes):
        _cell(x["cell"], fmt, f"第 {n + 1} 条批注")
    waivers = [
        _record(w, _WAIVER_KEYS, "接受的警告", n)
        for n, w in enumerate(_records(state, "waivers", "接受的警告"))
    ]
    for n, w in enumerate(waivers):
        where = f"第 {n + 1} 条接受的警告"
        if not w["reason"].strip():
            raise ReviewStateError(f"{where}没有填写理由")
        if not all(isinstance(c, str) for c in w["cells"]):
            raise ReviewStateError(f"{where}的单元格列表格式不对")
    findings = state.get("findings", [])
    if not isinstance(findings, list) or not all(isinstance(f, dict) for f in findings):
        raise ReviewStateError("保存时的问题列表格式不对")
    return {"edits": edits, "notes": notes, "waivers": waivers}


def saved_severity(state: dict[str, Any], key: str) -> str | None:
    """The severity a finding had when the review was saved (None if not recorded)."""
    for f in state.get("findings", []):
        cells = f.get("cells")
        where = ",".join(str(c) for c in cells) if isinstance(cells, list) else ""
        if f"{f.get('code') or f.get('rule')}|{where}" == key:
            return str(f.get("severity"))
    return None
