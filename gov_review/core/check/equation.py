"""One equation's finding: whether it holds, and when not, its texts (the equation with its numbers)
and messages."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, NamedTuple

from gov_review.core.formats.evaluator import Formula, compare, side_value
from gov_review.core.formats.pack import HOLDS, MAX_TERMS_SHOWN, NEGATE, EquationInstance
from gov_review.core.formats.templates import CellInfo, get_template
from gov_review.core.model import Finding
from gov_review.core.text.normalize import fmt_number


def _label_of(cell: str, info: Mapping[str, CellInfo], label: str) -> str:
    """The short row/column name a term is printed with, and its separator ("一 4", "（七）4")."""
    ci = info[cell]
    name = ci.row_short if label == "row" else ci.col_short
    return name if name.endswith("）") else name + " "


PreparedSide = tuple[tuple[int, str | None, str], ...]  # (sign, cell, printed prefix or constant)


class Prepared(NamedTuple):
    sides: tuple[PreparedSide, PreparedSide]  # left, right
    cells: tuple[str, ...]  # a finding's cells: the primary first, then the formula's others


def prepared(inst: EquationInstance) -> Prepared:
    """The equation's terms with the labels they are printed with, and a finding's cells."""
    info = get_template_cells_for(inst)
    sides = tuple(
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
    cells = (inst.primary, *(c for c in inst.formula.cells if c != inst.primary))
    return Prepared(sides, cells)  # type: ignore[arg-type]


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
    side_total: Decimal,
    prepared: tuple[tuple[int, str | None, str], ...],
    values: Mapping[str, Decimal | None],
    langs: tuple[str, ...],
) -> list[str]:
    """A sum of more than six terms, once per language: its total and its non-zero terms."""
    get = values.get
    nonzero = []
    for _sign, cell, text in prepared:
        if cell is not None:
            v = get(cell)
            if v is not None and v != 0:
                nonzero.append(text + fmt_number(v))
    zh, en = long_side(fmt_number(side_total), nonzero)
    return [zh if lang == "zh" else en for lang in langs]


def long_side(total: str, nonzero: list[str]) -> tuple[str, str]:
    """The text of a long sum in Chinese and English, from its total and its non-zero terms."""
    if not nonzero:
        return f"（一）至（六）之和 {total}（各项均为 0 或空）", f"sum of (一)–(六) {total} (all 0 or blank)"
    inner = " + ".join(nonzero)
    return f"（一）至（六）之和 {total}（{inner}）", f"sum of (一)–(六) {total} ({inner})"


def equation_text(
    inst: EquationInstance, values: Mapping[str, Decimal | None], holds: bool, lang: str
) -> str:
    return equation_texts(inst, values, holds, (lang,))[0]


def equation_texts(
    inst: EquationInstance,
    values: Mapping[str, Decimal | None],
    holds: bool,
    langs: tuple[str, ...] = ("zh", "en"),
    sums: tuple[Decimal, Decimal] | None = None,
) -> list[str]:
    """The equation with its numbers (``一 4 + 二 0 ≠ （七）0 + 四 0，差 4``), once per language.

    Sides of up to six terms read the same in every language and are built once. ``sums``: the
    sides' values (side_value's), when the caller has them.
    """
    prep_sides = prepared(inst).sides
    if sums is None:
        sums = (side_value(inst.formula.left, values)[0], side_value(inst.formula.right, values)[0])
    sides: list[list[str]] = []
    for terms, prep, total in zip((inst.formula.left, inst.formula.right), prep_sides, sums, strict=True):
        if len(terms) <= MAX_TERMS_SHOWN:
            sides.append([_short_side(prep, values)] * len(langs))
        else:
            sides.append(_long_side(total, prep, values, langs))
    sym = HOLDS[inst.formula.op] if holds else NEGATE[inst.formula.op]
    diff = None
    if not holds:
        diff = fmt_number(abs(sums[0] - sums[1]))
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
        from gov_review.core.formats.templates import all_cell_info

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
    return fails_bounded(formula.op, up, down, known_diff)


def fails_bounded(op: str, up: bool, down: bool, known_diff: Decimal) -> bool:
    """``fails_for_any_blank`` once it is known whether blanks can raise (``up``) or lower
    (``down``) left − right."""
    lo = None if down else known_diff
    hi = None if up else known_diff
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


def evaluate_instance(inst: EquationInstance, values: Mapping[str, Decimal | None]) -> tuple[Finding | None, bool]:
    """One equation on the values: its finding (None when it holds), and whether it fails for sure."""
    op = inst.formula.op
    lv, lmiss = side_value(inst.formula.left, values)
    rv, rmiss = side_value(inst.formula.right, values)
    missing = lmiss + rmiss
    holds = compare(lv, op, rv)
    if missing and fails_for_any_blank(inst.formula, values, lv - rv):
        missing = []  # blanks cannot rescue it: a definite failure, reported below
        holds = False
    if holds and not missing:
        return None, False
    rule = inst.rule
    cells = list(prepared(inst).cells)
    params: dict[str, Any] = {"instance": inst.instance_zh, "formula": inst.formula.source}
    eq_zh, eq_en = equation_texts(inst, values, holds, sums=(lv, rv))
    if missing:
        # Not assessable: say so, with what the rule gives when blanks are read as 0.
        hint_zh = "成立" if holds else "不成立"
        hint_en = "holds" if holds else "fails"
        finding = Finding(
            rule=rule.id,
            severity="info",
            cells=cells,
            message=f"{rule.title_zh}（“{inst.instance_zh}”）无法核验：{len(missing)} 个单元格为空；"
            f"若空白按 0 计，则{hint_zh}：{eq_zh}",
            message_en=f"{rule.title_en} (“{inst.instance_en}”) cannot be assessed: {len(missing)} blank "
            f"cells; with blanks read as 0 it {hint_en}: {eq_en}",
            code=f"{rule.id}.na",
            params={**params, "missing": missing, "holds_as_zero": holds},
            assessable=False,
            equation=eq_zh,
        )
        return finding, False
    fmt_params = {
        "instance": inst.instance_zh,
        "equation": eq_zh,
        "made": fmt_number(values.get(inst.formula.cells[-1])),
        "pub": fmt_number(values.get(inst.formula.cells[0])),
    }
    fmt_params_en = {**fmt_params, "instance": inst.instance_en, "equation": eq_en}
    finding = Finding(
        rule=rule.id,
        severity=rule.severity,  # type: ignore[arg-type]
        cells=cells,
        message=rule.message("", "zh").format_map(fmt_params),
        message_en=rule.message("", "en").format_map(fmt_params_en),
        code=rule.id,
        params=params,
        expected=f"{fmt_number(lv)} {HOLDS[op]} {fmt_number(rv)}",
        found=f"{fmt_number(lv)} {NEGATE[op]} {fmt_number(rv)}",
        assessable=True,
        equation=eq_zh,
    )
    return finding, True
