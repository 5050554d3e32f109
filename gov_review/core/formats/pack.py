"""The rule pack (``resources/rules/national.json``): loading, expanding, evaluating equations.

A rule is data: id, severity, formats, a formula over cell ids (or the name of a built-in check),
and messages in Chinese and English. Equation rules expand their ``foreach`` over the format's
rows/columns once per format and compile to flat signed sums (see evaluator.py).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from gov_review.core.formats.evaluator import Formula, compile_formula
from gov_review.core.formats.templates import CellInfo, Template, get_template

NEGATE = {"==": "≠", "!=": "=", "<=": ">", ">=": "<", "<": "≥", ">": "≤"}
HOLDS = {"==": "=", "!=": "≠", "<=": "≤", ">=": "≥", "<": "<", ">": ">"}
MAX_TERMS_SHOWN = 6


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: str
    kind: str
    formats: tuple[str, ...]
    title_zh: str
    title_en: str
    raw: dict[str, Any]

    def message(self, code: str, lang: str) -> str:
        if self.kind == "equation":
            return self.raw["message"][lang]
        return self.raw["messages"][code][lang]

    def severity_for(self, code: str) -> str:
        return self.raw.get("severity_by_code", {}).get(code, self.severity)


@dataclass(frozen=True, slots=True)
class EquationInstance:
    rule: Rule
    formula: Formula
    instance_zh: str
    instance_en: str
    term_label: str  # "row" | "col"
    primary: str  # the cell a finding is pinned on (listed first): usually the total
    group_names: tuple[tuple[str, str], ...]  # (group token, display) for long sums


@cache
def load_pack(name: str = "national") -> dict[str, Rule]:
    ref = resources.files("gov_review.resources").joinpath(f"rules/{name}.json")
    raw = json.loads(ref.read_text(encoding="utf-8"))
    rules: dict[str, Rule] = {}
    for r in raw["rules"]:
        rules[r["id"]] = Rule(
            id=r["id"],
            severity=r["severity"],
            kind=r["kind"],
            formats=tuple(r.get("formats", ("2019", "2021"))),
            title_zh=r["title"]["zh"],
            title_en=r["title"]["en"],
            raw=r,
        )
    return rules


def _foreach_values(spec: Any, tpl: Template) -> list[str]:
    if isinstance(spec, list):
        return list(spec)
    return {
        "t3.cols": tpl.t3_cols,
        "t3.rows": tpl.t3_rows,
        "t4.groups": tpl.t4_groups,
        "t4.cols": tpl.t4_cols,
    }[spec]


def _expand_groups(text: str, tpl: Template) -> str:
    """``t3.g_outcomes.c_total`` → ``(t3.r_open.c_total + …)``: groups are format-dependent."""
    for gname, rows in tpl.groups.items():
        token = f"t3.{gname}."
        while token in text:
            start = text.index(token)
            end = start + len(token)
            while end < len(text) and (text[end].isalnum() or text[end] == "_"):
                end += 1
            col = text[start + len(token) : end]
            text = text[:start] + "(" + " + ".join(f"t3.{r}.{col}" for r in rows) + ")" + text[end:]
    return text


def _instance_label(spec: str, info: Mapping[str, CellInfo]) -> tuple[str, str]:
    kind, cell = spec.split(":", 1)
    ci = info[cell]
    if kind == "col":
        return ci.col_label, ci.label_en.rsplit(" · ", 1)[-1]
    parts = ci.label_en.split(" · ")
    return ci.row_label, parts[-2] if len(parts) >= 2 else ci.row_label


@cache
def equations(fmt: str) -> tuple[EquationInstance, ...]:
    tpl = get_template(fmt)
    out: list[EquationInstance] = []
    for rule in load_pack().values():
        if rule.kind != "equation" or fmt not in rule.formats:
            continue
        ((var, spec),) = rule.raw["foreach"].items()
        for value in _foreach_values(spec, tpl):
            text = rule.raw["formula"].replace("{" + var + "}", value)
            has_group = "g_outcomes" in text
            formula = compile_formula(_expand_groups(text, tpl))
            if any(c not in tpl.cells for c in formula.cells):
                continue
            zh, en = _instance_label(rule.raw["instance"].replace("{" + var + "}", value), tpl.cells)
            groups = (("g_outcomes", "（一）至（六）之和"),) if has_group else ()
            primary = rule.raw.get("primary", "").replace("{" + var + "}", value) or formula.cells[0]
            out.append(EquationInstance(rule, formula, zh, en, rule.raw["term_label"], primary, groups))
    return tuple(out)
