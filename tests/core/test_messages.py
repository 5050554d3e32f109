"""Messages are formatted by functions compiled from the rule pack's templates (rules/messages.py):
every message must read exactly as ``str.format_map`` would write it."""

from __future__ import annotations

import json
from decimal import Decimal
from importlib import resources
from string import Formatter

import pytest

from gov_review.core.check.messages import formatter


def _templates() -> list[str]:
    raw = json.loads(
        resources.files("gov_review.resources").joinpath("rules/national.json").read_text("utf-8")
    )
    out = []
    for rule in raw["rules"]:
        out += list(rule.get("message", {}).values())
        for texts in rule.get("messages", {}).values():
            out += list(texts.values())
    return out


def test_every_shipped_message_reads_as_format_map_writes_it():
    values = ["表三", 3, Decimal("12.50"), ["a", "b"], True, None, "{x}"]
    templates = _templates()
    assert len(templates) > 50
    for k, template in enumerate(templates):
        fields = [f for _lit, f, _spec, _conv in Formatter().parse(template) if f]
        params = {f: values[(k + i) % len(values)] for i, f in enumerate(fields)}
        assert formatter(template)(params) == template.format_map(params), template


@pytest.mark.parametrize(
    ("template", "params"),
    [
        ("{n:>5}件，{who!r}说“{{不是字段}}”", {"n": 3, "who": "张三"}),
        ("引号 ' \" 与反斜杠 \\ 和换行\n{x}", {"x": 1}),
        ("{x:{w}}", {"x": 1, "w": 4}),  # a nested spec: left to format_map
        ("{a[0]}", {"a": ["z"]}),  # an index: left to format_map
        ("", {}),
    ],
)
def test_a_users_template_reads_as_format_map_writes_it(template, params):
    assert formatter(template)(params) == template.format_map(params)


def test_a_missing_field_raises_key_error_as_format_map_does():
    with pytest.raises(KeyError):
        formatter("{a}{b}")({"a": 1})
