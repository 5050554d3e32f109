"""The pack's equations compiled once per (pack, format) into Python functions.

A check must cost well under a millisecond the first time it sees a report (issue 3), and most
equations hold. So the equations are not walked term by term: Python source is generated from the
equations as the pack's JSON gives them (``pack.equations``) and ``compile()``d once into

- ``scan(get)``: the indexes of the equations that fail or have a blank cell, in pack order: the only
  ones that give a finding, which the reference code (``pack.evaluate_instance``) then works out
  with its texts;
- ``fails[i](get)``: whether equation ``i`` fails on the values, or None when one of its cells is
  blank (the caller asks the reference code, which knows what blanks allow).

The generated arithmetic is the reference evaluator's (evaluator.side_value, compare), operation
for operation: each side is ``Decimal(0)`` plus ``sign * value`` for each term, left to right, so
the Decimal rounding and exponents are the same. Nothing of the pack's text reaches the source but
cell ids (as ``repr`` string literals); the operators come from the evaluator's whitelist and the
constants are bound as Decimal objects. A user-edited pack works the same way: ``plan`` rebuilds
when ``equations(fmt)`` is a new tuple (a reloaded pack).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from ..normalize import fmt_number
from .equation import Sides, prepared
from .evaluator import OPS, Term
from .pack import MAX_TERMS_SHOWN, EquationInstance, equations

Getter = Callable[[str], "Decimal | None"]


@dataclass(frozen=True, slots=True)
class Plan:
    insts: tuple[EquationInstance, ...]
    cells: tuple[tuple[str, ...], ...]  # each equation's distinct cells, in formula order
    by_cell: Mapping[str, tuple[int, ...]]  # the equations each cell takes part in
    scan: Callable[[Getter], list[int]]
    fails: tuple[Callable[[Getter], bool | None], ...]
    sides: tuple[Callable[[Getter], Sides], ...]
    source: str  # the generated code, for tests and debugging
    solvers: dict[int, Callable[[Getter], dict[str, Decimal | None]]]  # built on first use

    def solve(self, i: int, get: Getter) -> dict[str, Decimal | None]:
        """For equation ``i`` (an ``==``): each cell's value that makes it hold, the others fixed and
        blanks read as 0; None where the cell cannot decide it (evaluator.solve_for's answers)."""
        fn = self.solvers.get(i)
        if fn is None:
            fn = self.solvers[i] = _build_solver(self.insts[i])
        return fn(get)


_plans: dict[str, Plan] = {}


def plan(fmt: str) -> Plan:
    """The format's compiled equations; built again when the pack was reloaded."""
    insts = equations(fmt)
    hit = _plans.get(fmt)
    if hit is None or hit.insts is not insts:
        hit = _plans[fmt] = build(insts)
    return hit


class _Names:
    """Variable names for cells (``c0``…) and constants (``k0``…) of the generated code."""

    def __init__(self) -> None:
        self.cells: dict[str, str] = {}
        self.consts: dict[str, Decimal] = {}

    def cell(self, cell: str) -> str:
        name = self.cells.get(cell)
        if name is None:
            name = self.cells[cell] = f"c{len(self.cells)}"
        return name

    def const(self, value: Decimal) -> str:
        name = f"k{len(self.consts)}"
        self.consts[name] = value
        return name

    def side(self, terms: tuple[Term, ...]) -> str:
        # Decimal(0), then ``+ sign * value`` per term: side_value's ``total += t.sign * v``.
        parts = ["_Z"]
        for t in terms:
            name = self.const(t.const) if t.cell is None else self.cell(t.cell)
            parts.append(f"{int(t.sign)} * {name}")
        return "(" + " + ".join(parts) + ")"


def _comparison(inst: EquationInstance, names: _Names) -> str:
    op = inst.formula.op
    if op not in OPS:  # the evaluator only makes these; the check keeps the source text-free
        raise ValueError(f"unknown comparison {op!r}")
    return f"{names.side(inst.formula.left)} {op} {names.side(inst.formula.right)}"


def _blank_test(cells: tuple[str, ...], names: _Names) -> str:
    return " or ".join(f"{names.cell(c)} is None" for c in cells) or "False"


def generate(insts: tuple[EquationInstance, ...]) -> tuple[str, dict[str, Decimal]]:
    """The source of ``scan`` and ``fails_<i>``, and the constants it refers to."""
    names = _Names()
    cells_of = [tuple(dict.fromkeys(i.formula.cells)) for i in insts]
    tests = [
        (_blank_test(cells, names), _comparison(inst, names))
        for inst, cells in zip(insts, cells_of, strict=True)
    ]
    lines = ["def scan(get):"]
    lines += [f"    {name} = get({cell!r})" for cell, name in names.cells.items()]
    lines.append("    out = []")
    for i, (blank, holds) in enumerate(tests):
        lines.append(f"    if {blank} or not ({holds}):")
        lines.append(f"        out.append({i})")
    lines.append("    return out")
    for i, ((blank, holds), cells) in enumerate(zip(tests, cells_of, strict=True)):
        lines.append("")
        lines.append(f"def fails_{i}(get):")
        lines += [f"    {names.cell(c)} = get({c!r})" for c in cells]
        lines.append(f"    if {blank}:")
        lines.append("        return None")
        lines.append(f"    return not ({holds})")
    for i, inst in enumerate(insts):
        lines.append("")
        lines += _sides_source(i, inst, names)
    return "\n".join(lines) + "\n", names.consts


def _sides_source(i: int, inst: EquationInstance, names: _Names) -> list[str]:
    """``sides_<i>(get)``: evaluator.side_value of both sides (blanks left out of the sum and listed,
    left side first), whether a blank could raise / lower left − right (fails_for_any_blank), and
    the text of each side of up to six terms (equation._short_side's), None for a longer one."""
    lines = [f"def sides_{i}(get):", "    m = []", "    up = down = False"]
    texts = []
    sides = (inst.formula.left, inst.formula.right)
    for (terms, acc, factor), prep in zip(
        ((sides[0], "l", 1), (sides[1], "r", -1)), prepared(inst).sides, strict=True
    ):
        lines.append(f"    {acc} = _Z")
        pieces: list[str] = []  # the side's text: literals (repr) and F(value) calls, in order
        for j, (t, (sign, _cell, printed)) in enumerate(zip(terms, prep, strict=True)):
            lead = ("" if j == 0 else " ") + ("" if j == 0 and sign > 0 else "+ " if sign > 0 else "- ")
            pieces.append(repr(lead + printed))
            if t.cell is None:
                lines.append(f"    {acc} = {acc} + {int(t.sign)} * {names.const(t.const)}")
                continue
            v = f"{acc}{j}"
            pieces.append(f"F({v})")
            lines.append(f"    {v} = get({t.cell!r})")
            lines.append(f"    if {v} is None:")
            lines.append(f"        m.append({t.cell!r})")
            lines.append("        up = True" if t.sign * factor > 0 else "        down = True")
            lines.append("    else:")
            lines.append(f"        {acc} = {acc} + {int(t.sign)} * {v}")
        texts.append(" + ".join(pieces) if len(terms) <= MAX_TERMS_SHOWN else "None")
    lines.append(f"    return l, r, m, up, down, {texts[0]}, {texts[1]}")
    return lines


def build(insts: tuple[EquationInstance, ...]) -> Plan:
    source, consts = generate(insts)
    namespace: dict[str, object] = {"_Z": Decimal(0), "F": fmt_number, **consts}
    exec(compile(source, "<rule pack equations>", "exec"), namespace)
    cells = tuple(tuple(dict.fromkeys(i.formula.cells)) for i in insts)
    by_cell: dict[str, list[int]] = {}
    for i, cs in enumerate(cells):
        for c in cs:
            by_cell.setdefault(c, []).append(i)
    return Plan(
        insts=insts,
        cells=cells,
        by_cell={c: tuple(ix) for c, ix in by_cell.items()},
        scan=namespace["scan"],  # type: ignore[arg-type]
        fails=tuple(namespace[f"fails_{i}"] for i in range(len(insts))),  # type: ignore[misc]
        sides=tuple(namespace[f"sides_{i}"] for i in range(len(insts))),  # type: ignore[misc]
        source=source,
        solvers={},
    )


def solver_source(inst: EquationInstance) -> tuple[str, dict[str, Decimal]]:
    """``solve(get)`` for one equation, evaluator.solve_for(missing_as_zero=True) for every cell.

    The same operations in the same order: ``rest`` is Decimal(0) plus ``(sign × side) × value``
    over the other terms, left side then right, a blank read as Decimal(0); the answer ``-rest / coef``.
    """
    names = _Names()
    f = inst.formula
    terms = [(t.sign * factor, t) for side, factor in ((f.left, 1), (f.right, -1)) for t in side]
    cells = list(dict.fromkeys(t.cell for _k, t in terms if t.cell is not None))
    lines = ["def solve(get):"]
    for c in cells:
        v = names.cell(c)
        lines.append(f"    {v} = get({c!r})")
        lines.append(f"    {v} = _Z if {v} is None else {v}")
    lines.append("    out = {}")
    if f.op == "==":
        for c in cells:
            coef = sum(k for k, t in terms if t.cell == c)
            if coef == 0:
                lines.append(f"    out[{c!r}] = None")
                continue
            rest = ["_Z"]
            for k, t in terms:
                if t.cell != c:
                    name = names.const(t.const) if t.cell is None else names.cell(t.cell)
                    rest.append(f"{int(k)} * {name}")
            lines.append(f"    out[{c!r}] = -({' + '.join(rest)}) / {int(coef)}")
    lines.append("    return out")
    return "\n".join(lines) + "\n", names.consts


def _build_solver(inst: EquationInstance) -> Callable[[Getter], dict[str, Decimal | None]]:
    source, consts = solver_source(inst)
    namespace: dict[str, object] = {"_Z": Decimal(0), **consts}
    exec(compile(source, "<rule pack equation solver>", "exec"), namespace)
    return namespace["solve"]  # type: ignore[return-value]
