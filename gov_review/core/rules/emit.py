"""Turning a built-in check's result into a Finding with the rule pack's own words."""

from __future__ import annotations

from typing import Any

from ..model import Anchor, Finding
from .pack import load_pack

# The English messages name a table in English; checks pass its Chinese name as ``table``.
TABLE_EN = {"表二": "Table 2", "表三": "Table 3", "表四": "Table 4", "表格": "The table"}


class _Default(dict):
    def __missing__(self, key: str) -> str:  # a message never crashes on a missing parameter
        return "{" + key + "}"


def emit(
    rule_id: str,
    code: str,
    cells: list[str] | None = None,
    *,
    anchor: Anchor | None = None,
    expected: str | None = None,
    found: str | None = None,
    assessable: bool = True,
    **params: Any,
) -> Finding:
    rule = load_pack()[rule_id]
    table = params.get("table")
    if isinstance(table, str):
        params.setdefault("table_en", TABLE_EN.get(table, table))
    zh = rule.message(code, "zh").format_map(_Default(params))
    en = rule.message(code, "en").format_map(_Default(params))
    return Finding(
        rule=rule_id,
        severity=rule.severity_for(code),  # type: ignore[arg-type]
        cells=list(cells or []),
        message=zh,
        message_en=en,
        code=f"{rule_id}.{code}",
        params={k: v for k, v in params.items() if isinstance(v, (str, int, float, bool, list)) or v is None},
        expected=expected,
        found=found,
        assessable=assessable,
        anchor=anchor,
    )
