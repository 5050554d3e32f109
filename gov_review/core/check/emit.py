"""Turning a built-in check's result into a Finding with the rule pack's own words."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from gov_review.core.check.messages import Format, formatter
from gov_review.core.formats.pack import load_pack
from gov_review.core.model import Anchor, Finding

# The English messages name a table in English; checks pass its Chinese name as ``table``.
TABLE_EN = {"表二": "Table 2", "表三": "Table 3", "表四": "Table 4", "表格": "The table"}


class _Default(dict):
    def __missing__(self, key: str) -> str:  # a message never crashes on a missing parameter
        return "{" + key + "}"


# Per (rule, code) of the loaded pack: its two message templates, severity and finding code, so a
# finding does not look them up in the pack's JSON each time. A reloaded pack starts a new table.
_PREPARED: list = [None, {}]


def _prepared(rule_id: str, code: str) -> tuple[str, str, Format, Format, str, str]:
    pack = load_pack()
    if _PREPARED[0] is not pack:
        _PREPARED[0], _PREPARED[1] = pack, {}
    table = _PREPARED[1]
    hit = table.get((rule_id, code))
    if hit is None:
        rule = pack[rule_id]
        zh, en = rule.message(code, "zh"), rule.message(code, "en")
        hit = table[(rule_id, code)] = (
            zh,
            en,
            formatter(zh),
            formatter(en),
            rule.severity_for(code),
            f"{rule_id}.{code}",
        )
    return hit


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
    zh_text, en_text, zh_format, en_format, severity, full_code = _prepared(rule_id, code)
    table = params.get("table")
    if isinstance(table, str):
        params.setdefault("table_en", TABLE_EN.get(table, table))
    try:
        zh = zh_format(params)
        en = en_format(params)
    except KeyError:  # a message never crashes on a missing parameter
        zh = zh_text.format_map(_Default(params))
        en = en_text.format_map(_Default(params))
    # Positional (rule, severity, cells, message, message_en, code, params, expected, found,
    # assessable, equation, anchor): a finding per emit, keywords cost more than the rest of it.
    return Finding(
        rule_id,
        severity,  # type: ignore[arg-type]
        list(cells) if cells else [],
        zh,
        en,
        full_code,
        _kept(params),
        expected,
        found,
        assessable,
        None,
        anchor,
    )


# emit builds findings positionally: the fields must stay in this order.
assert [f.name for f in fields(Finding)][:12] == [
    "rule",
    "severity",
    "cells",
    "message",
    "message_en",
    "code",
    "params",
    "expected",
    "found",
    "assessable",
    "equation",
    "anchor",
]

_KEPT = (str, int, float, bool, list)  # parameters a finding keeps (what JSON can carry)
_KEPT_TYPES = frozenset((str, int, float, bool, list, type(None)))


def _kept(params: dict[str, Any]) -> dict[str, Any]:
    """The parameters a finding keeps; ``params`` itself (emit's own kwargs) when that is all."""
    for v in params.values():
        if type(v) not in _KEPT_TYPES:
            return {k: v for k, v in params.items() if v is None or isinstance(v, _KEPT)}
    return params
