"""The rule pack (``resources/rules/national.json``): loading, expanding, evaluating equations.

A rule is data: id, severity, formats, a formula over cell ids (or the name of a built-in check),
and messages in Chinese and English. Equation rules expand their ``foreach`` over the format's
rows/columns once per format and compile to flat signed sums (see evaluator.py).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from ..model import Finding, ReportData
from ..normalize import fmt_number
from ..templates import CellInfo, Template, get_template
from .evaluator import Formula, Term, compare, compile_formula, side_value

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


def _label_of(cell: str, info: Mapping[str, CellInfo], label: str) -> str:
    """The short row/column name a term is printed with, and its separator ("一 4", "（七）4")."""
    ci = info[cell]
    name = ci.row_short if label == "row" else ci.col_short
    return name if name.endswith("）") else name + " "


# Per equation instance (they live for the process in ``equations``' cache): for each side, the
# (sign, cell, printed prefix or constant text) of its terms, so messages do not look labels up.
# The entry keeps its instance: an id is only reused once its object is gone (a reloaded pack).
_PREPARED: dict[int, tuple[EquationInstance, tuple[tuple[tuple[int, str | None, str], ...], ...]]] = {}


def _prepared_sides(inst: EquationInstance) -> tuple[tuple[tuple[int, str | None, str], ...], ...]:
    entry = _PREPARED.get(id(inst))
    hit = entry[1] if entry is not None and entry[0] is inst else None
    if hit is None:
        info = get_template_cells_for(inst)
        hit = tuple(
            tuple(
                (
                    t.sign,
                    t.cell,
                    fmt_number(t.const) if t.cell is None else _label_of(t.cell, info, inst.term_label),
                )
                for t in side
            )
            for side in (inst.formula.left, inst.formula.right)
        )
        _PREPARED[id(inst)] = (inst, hit)
    return hit


def _short_side(
    prepared: tuple[tuple[int, str | None, str], ...], values: Mapping[str, Decimal | None]
) -> str:
    parts = []
    for i, (sign, cell, text) in enumerate(prepared):
        if cell is not None:
            text += fmt_number(values.get(cell))
        parts.append(text if i == 0 and sign > 0 else ("+ " if sign > 0 else "- ") + text)
    return " ".join(parts)


def _long_side(
    terms: tuple[Term, ...],
    prepared: tuple[tuple[int, str | None, str], ...],
    values: Mapping[str, Decimal | None],
    langs: tuple[str, ...],
) -> list[str]:
    """A sum of more than six terms, once per language: its total and its non-zero terms."""
    total = fmt_number(side_value(terms, values)[0])
    get = values.get
    nonzero = []
    for _sign, cell, text in prepared:
        if cell is not None:
            v = get(cell)
            if v is not None and v != 0:
                nonzero.append(text + fmt_number(v))
    inner = " + ".join(nonzero)
    out = []
    for lang in langs:
        head = "（一）至（六）之和" if lang == "zh" else "sum of (一)–(六)"
        if not nonzero:
            out.append(f"{head} {total}" + ("（各项均为 0 或空）" if lang == "zh" else " (all 0 or blank)"))
        else:
            out.append(f"{head} {total}（{inner}）" if lang == "zh" else f"{head} {total} ({inner})")
    return out


def equation_text(
    inst: EquationInstance, values: Mapping[str, Decimal | None], holds: bool, lang: str
) -> str:
    return equation_texts(inst, values, holds, (lang,))[0]


def equation_texts(
    inst: EquationInstance,
    values: Mapping[str, Decimal | None],
    holds: bool,
    langs: tuple[str, ...] = ("zh", "en"),
) -> list[str]:
    """The equation with its numbers (``一 4 + 二 0 ≠ （七）0 + 四 0，差 4``), once per language.

    Sides of up to six terms read the same in every language and are built once.
    """
    prepared = _prepared_sides(inst)
    sides: list[list[str]] = []
    for terms, prep in zip((inst.formula.left, inst.formula.right), prepared, strict=True):
        if len(terms) <= MAX_TERMS_SHOWN:
            text = _short_side(prep, values)
            sides.append([text] * len(langs))
        else:
            sides.append(_long_side(terms, prep, values, langs))
    sym = HOLDS[inst.formula.op] if holds else NEGATE[inst.formula.op]
    diff = None
    if not holds:
        lv, _ = side_value(inst.formula.left, values)
        rv, _ = side_value(inst.formula.right, values)
        diff = fmt_number(abs(lv - rv))
    out = []
    for i, lang in enumerate(langs):
        text = f"{sides[0][i]} {sym} {sides[1][i]}"
        if diff is not None:
            text += f"，差 {diff}" if lang == "zh" else f", difference {diff}"
        out.append(text)
    return out


def get_template_cells_for(inst: EquationInstance) -> Mapping[str, CellInfo]:
    fmt = "2019" if "2019" in inst.rule.formats and "2021" not in inst.rule.formats else None
    if fmt is None:
        # Cells of rules valid in both formats exist in both templates with the same labels.
        from ..templates import all_cell_info

        return all_cell_info()
    return get_template(fmt).cells


def fails_for_any_blank(formula: Formula, values: Mapping[str, Decimal | None], known_diff: Decimal) -> bool:
    """Counts are never negative, so blanks bound the difference left − right from one side.

    If no non-negative filling of the blanks can make the comparison hold, it fails for certain
    (seed 002: （七）总计 0 against outcome rows that already sum to 4, with two rows absent).
    """
    up = down = False
    for side, factor in ((formula.left, 1), (formula.right, -1)):
        for t in side:
            if t.cell is not None and values.get(t.cell) is None:
                if t.sign * factor > 0:
                    up = True
                else:
                    down = True
    lo = None if down else known_diff
    hi = None if up else known_diff
    op = formula.op
    if op == "==":
        return (lo is not None and lo > 0) or (hi is not None and hi < 0)
    if op == "<=":
        return lo is not None and lo > 0
    if op == "<":
        return lo is not None and lo >= 0
    if op == ">=":
        return hi is not None and hi < 0
    if op == ">":
        return hi is not None and hi <= 0
    return False


def check_equations(data: ReportData) -> list[Finding]:
    """Every equation of the pack on ``data`` (the checker runs them through engine.py)."""
    from .engine import run_equations

    return run_equations(data, {cid: c.value for cid, c in data.cells.items()})[0]


def evaluate_instance(
    inst: EquationInstance, values: Mapping[str, Decimal | None]
) -> tuple[Finding | None, bool]:
    """One equation on the values: its finding (None when it holds), and whether it fails for sure."""
    lv, lmiss = side_value(inst.formula.left, values)
    rv, rmiss = side_value(inst.formula.right, values)
    cells = [inst.primary, *(c for c in inst.formula.cells if c != inst.primary)]
    missing = lmiss + rmiss
    holds = compare(lv, inst.formula.op, rv)
    rule = inst.rule
    params: dict[str, Any] = {"instance": inst.instance_zh, "formula": inst.formula.source}
    if missing and fails_for_any_blank(inst.formula, values, lv - rv):
        missing = []  # blanks cannot rescue it: a definite failure, reported below
        holds = False
    if missing:
        # Not assessable: say so, with what the rule gives when blanks are read as 0.
        hint_zh = "成立" if holds else "不成立"
        hint_en = "holds" if holds else "fails"
        eq_zh, eq_en = equation_texts(inst, values, holds)
        return (
            Finding(
                rule=rule.id,
                severity="info",
                cells=cells,
                code=f"{rule.id}.na",
                message=f"{rule.title_zh}（“{inst.instance_zh}”）无法核验：{len(missing)} 个单元格为空；"
                f"若空白按 0 计，则{hint_zh}：{eq_zh}",
                message_en=f"{rule.title_en} (“{inst.instance_en}”) cannot be assessed: {len(missing)} blank "
                f"cells; with blanks read as 0 it {hint_en}: {eq_en}",
                params={**params, "missing": missing, "holds_as_zero": holds},
                assessable=False,
                equation=eq_zh,
            ),
            False,
        )
    if holds:
        return None, False
    eq_zh, eq_en = equation_texts(inst, values, False)
    fmt_params = {
        "instance": inst.instance_zh,
        "equation": eq_zh,
        "made": fmt_number(values.get(inst.formula.cells[-1])),
        "pub": fmt_number(values.get(inst.formula.cells[0])),
    }
    fmt_params_en = {**fmt_params, "instance": inst.instance_en, "equation": eq_en}
    return (
        Finding(
            rule=rule.id,
            severity=rule.severity,  # type: ignore[arg-type]
            cells=cells,
            code=rule.id,
            message=rule.message("", "zh").format(**fmt_params),
            message_en=rule.message("", "en").format(**fmt_params_en),
            params=params,
            expected=f"{fmt_number(lv)} {HOLDS[inst.formula.op]} {fmt_number(rv)}",
            found=f"{fmt_number(lv)} {NEGATE[inst.formula.op]} {fmt_number(rv)}",
            equation=eq_zh,
        ),
        True,
    )
