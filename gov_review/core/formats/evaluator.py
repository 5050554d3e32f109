"""A small, safe evaluator for the rule pack's formulas. No eval, no exec.

Grammar (whitespace ignored)::

    comparison := sum OP sum            OP in == != <= >= < >
    sum        := term (("+" | "-") term)*
    term       := NUMBER | CELL_ID | "(" sum ")"

A formula compiles once to a flat list of signed terms per side, which is all the arithmetic rules
need and makes "which one change fixes it" a matter of solving for one term.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

_TOKEN_RE = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<id>[A-Za-z_][A-Za-z0-9_.]*)|(?P<op>==|!=|<=|>=|[<>+\-()]))"
)
OPS = ("==", "!=", "<=", ">=", "<", ">")


class FormulaError(ValueError):
    """A formula in a rule pack is malformed."""


@dataclass(frozen=True, slots=True)
class Term:
    sign: int  # +1 or -1
    cell: str | None  # a cell id, or None for a constant
    const: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class Formula:
    left: tuple[Term, ...]
    op: str
    right: tuple[Term, ...]
    source: str

    @property
    def cells(self) -> list[str]:
        return [t.cell for t in (*self.left, *self.right) if t.cell is not None]


def _tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN_RE.match(text, pos)
        if not m or m.end() == pos:
            raise FormulaError(f"unexpected text at {pos}: {text[pos : pos + 10]!r}")
        kind = m.lastgroup or ""
        out.append((kind, m.group(kind)))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.pos = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        tok = self.peek()
        if tok is None:
            raise FormulaError("unexpected end of formula")
        self.pos += 1
        return tok

    def sum(self, sign: int = 1) -> list[Term]:
        terms = self.term(sign)
        while (tok := self.peek()) is not None and tok[1] in ("+", "-"):
            self.take()
            terms += self.term(sign if tok[1] == "+" else -sign)
        return terms

    def term(self, sign: int) -> list[Term]:
        kind, value = self.take()
        if kind == "num":
            return [Term(sign, None, Decimal(value))]
        if kind == "id":
            return [Term(sign, value)]
        if value == "(":
            inner = self.sum(sign)
            if self.take()[1] != ")":
                raise FormulaError("missing )")
            return inner
        if value == "-":
            return self.term(-sign)
        raise FormulaError(f"unexpected {value!r}")


def compile_formula(text: str) -> Formula:
    parser = _Parser(_tokens(text))
    left = parser.sum()
    _kind, op = parser.take()
    if op not in OPS:
        raise FormulaError(f"expected a comparison, got {op!r}")
    right = parser.sum()
    if parser.peek() is not None:
        raise FormulaError(f"trailing text in {text!r}")
    return Formula(tuple(left), op, tuple(right), text)


def side_value(terms: tuple[Term, ...], values: Mapping[str, Decimal | None]) -> tuple[Decimal, list[str]]:
    """Sum of one side, and the cells whose value is missing (counted as 0 in the sum)."""
    total = Decimal(0)
    missing: list[str] = []
    for t in terms:
        if t.cell is None:
            total += t.sign * t.const
            continue
        v = values.get(t.cell)
        if v is None:
            missing.append(t.cell)
        elif t.sign > 0:
            total += v
        else:
            total -= v  # exactly total + (-1 × v): a sign never rounds
    return total, missing


def compare(left: Decimal, op: str, right: Decimal) -> bool:
    if op == "==":
        return left == right
    if op == "!=":
        return left != right
    if op == "<=":
        return left <= right
    if op == ">=":
        return left >= right
    if op == "<":
        return left < right
    return left > right


def solve_for(
    formula: Formula, cell: str, values: Mapping[str, Decimal | None], missing_as_zero: bool = False
) -> Decimal | None:
    """For an equation: the value of ``cell`` that makes it hold (others fixed), or None."""
    if formula.op != "==":
        return None
    coef = 0
    rest = Decimal(0)
    for side, factor in ((formula.left, 1), (formula.right, -1)):
        for t in side:
            if t.cell == cell:
                coef += t.sign * factor
            elif t.cell is None:
                rest += t.sign * factor * t.const
            else:
                v = values.get(t.cell)
                if v is None:
                    if not missing_as_zero:
                        return None
                    v = Decimal(0)
                rest += t.sign * factor * v
    if coef == 0:
        return None
    return -rest / coef
