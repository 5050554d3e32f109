"""Turning a built-in check's result into a Finding with the rule pack's own words."""

from __future__ import annotations

from typing import Any

from gov_review.core.formats.pack import load_pack
from gov_review.core.model import Anchor, Finding

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
    fill = _Default(params)
    return Finding(
        rule=rule_id,
        severity=rule.severity_for(code),  # type: ignore[arg-type]
        cells=list(cells) if cells else [],
        message=rule.message(code, "zh").format_map(fill),
        message_en=rule.message(code, "en").format_map(fill),
        code=f"{rule_id}.{code}",
        params=_kept(params),
        expected=expected,
        found=found,
        assessable=assessable,
        anchor=anchor,
    )


_KEPT = (str, int, float, bool, list)  # parameters a finding keeps (what JSON can carry)


def _kept(params: dict[str, Any]) -> dict[str, Any]:
    """The parameters a finding keeps: those JSON can carry."""
    return {k: v for k, v in params.items() if v is None or isinstance(v, _KEPT)}
