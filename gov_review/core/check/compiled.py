"""The pack's equations compiled once per (pack, format) into Python functions.

A check must cost well under a millisecond the first time it sees a report (issue 3), and most
equations hold. So the equations are not walked term by term: Python source is generated from the
equations as the pack's JSON gives them (``pack.equations``) and ``compile()``d once into

- ``scan(get)``: the indexes of the equations that fail or have a blank cell, in pack order: the only
  ones that give a finding;
- ``sides[i](get)``: for such an equation, what its finding is made of (equation.evaluate_instance):
  each side's value, the blank cells, whether blanks could raise or lower left − right, and the
  texts of short sides;
- ``fails[i](get)``: whether equation ``i`` fails for certain (suggest.py's trial changes).

``scan`` is compiled with the plan; an equation's ``fails``/``sides`` only when first asked for.

The generated arithmetic is the reference evaluator's (evaluator.side_value, compare,
fails_for_any_blank), operation for operation: each side is ``Decimal(0)`` plus ``sign * value`` for
each term, left to right, so the Decimal rounding and exponents are the same. Nothing of the pack's text reaches the source but
cell ids (as ``repr`` string literals); the operators come from the evaluator's whitelist and the
constants are bound as Decimal objects. A user-edited pack works the same way: ``plan`` rebuilds
when ``equations(fmt)`` is a new tuple (a reloaded pack).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from gov_review.core.check.equation import Sides, fails_bounded, long_side, prepared
from gov_review.core.formats.evaluator import OPS, Term
from gov_review.core.formats.pack import MAX_TERMS_SHOWN, EquationInstance, equations
from gov_review.core.text.normalize import fmt_number

Getter = Callable[[str], "Decimal | None"]


@dataclass(frozen=True, slots=True)
class Plan:
    insts: tuple[EquationInstance, ...]
    cells: tuple[tuple[str, ...], ...]  # each equation's distinct cells, in formula order
    by_cell: Mapping[str, tuple[int, ...]]  # the equations each cell takes part in
    scan: Callable[[Getter], list[int]]
    fails: Sequence[Callable[[Getter], bool]]  # compiled on first use (_OnFirstUse)
    sides: Sequence[Callable[[Getter], Sides]]
    source: str  # the generated code, for tests and debugging
    # For solving equation i (suggest.py): its terms as (sign × side, cell or None, constant), and
    # each cell's coefficient (the sum of its terms' sign × side).
    terms: tuple[tuple[tuple[int, str | None, Decimal], ...], ...]
    coefs: tuple[dict[str, int], ...]


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
        self.texts: dict[str, str] = {}  # s0…: literal text of the equations' printed sides

    def cell(self, cell: str) -> str:
        name = self.cells.get(cell)
        if name is None:
            name = self.cells[cell] = f"c{len(self.cells)}"
        return name

    def const(self, value: Decimal) -> str:
        name = f"k{len(self.consts)}"
        self.consts[name] = value
        return name

    def text(self, value: str) -> str:
        name = f"s{len(self.texts)}"
        self.texts[name] = value
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


def generate(insts: tuple[EquationInstance, ...]) -> tuple[str, list[str], dict[str, object]]:
    """The source of ``scan``, that of each equation's ``fails_<i>`` and ``sides_<i>``, and the
    constants they refer to."""
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
    scan = "\n".join(lines) + "\n"
    each = []
    for i, ((blank, holds), cells) in enumerate(zip(tests, cells_of, strict=True)):
        inst = insts[i]
        lines = [f"def fails_{i}(get):"]
        lines += [f"    {names.cell(c)} = get({c!r})" for c in cells]
        lines.append(f"    if {blank}:")
        lines += ["    " + line for line in _sums(inst, names, listed=False)]
        lines.append(f"        return FB({inst.formula.op!r}, up, down, l - r)")
        lines.append(f"    return not ({holds})")
        lines.append("")
        lines.append(f"def sides_{i}(get):")
        lines += [f"    {names.cell(c)} = get({c!r})" for c in cells]
        lines += _sums(inst, names, listed=True)
        text_lines, texts = _texts(inst, names)
        lines += text_lines
        lines.append(f"    return l, r, m, up, down, {texts}")
        each.append("\n".join(lines) + "\n")
    return scan, each, {**names.consts, **names.texts}


def _sums(inst: EquationInstance, names: _Names, listed: bool) -> list[str]:
    """Lines summing each side as evaluator.side_value does (a blank is left out of the sum, and
    listed in ``m`` when ``listed``), noting whether a blank could raise or lower left − right
    (``up``/``down``, as fails_for_any_blank does). The cells are already in their variables."""
    lines = ["    m = []"] if listed else []
    lines.append("    up = down = False")
    for side, acc, factor in ((inst.formula.left, "l", 1), (inst.formula.right, "r", -1)):
        lines.append(f"    {acc} = _Z")
        for t in side:
            if t.cell is None:
                lines.append(f"    {acc} = {acc} + {int(t.sign)} * {names.const(t.const)}")
                continue
            v = names.cell(t.cell)
            lines.append(f"    if {v} is None:")
            if listed:
                lines.append(f"        m.append({t.cell!r})")
            lines.append("        up = True" if t.sign * factor > 0 else "        down = True")
            lines.append("    else:")
            lines.append(f"        {acc} = {acc} + {int(t.sign)} * {v}")
    return lines


def _texts(inst: EquationInstance, names: _Names) -> tuple[list[str], str]:
    """Lines and an expression for the two sides' texts in Chinese and English: a side of up to six
    terms as equation._short_side writes it (the same in both), a longer one as _long_side does
    (its total and its non-zero terms). Literal text is bound as constants, not written in the
    source. The sums are in ``l`` and ``r``, the cells in their variables."""
    lines: list[str] = []
    out = []
    sides = (inst.formula.left, inst.formula.right)
    for k, (terms, prep, acc) in enumerate(zip(sides, prepared(inst).sides, ("l", "r"), strict=True)):
        if len(terms) > MAX_TERMS_SHOWN:
            lines.append(f"    n{k} = []")
            for t, (_sign, _cell, printed) in zip(terms, prep, strict=True):
                if t.cell is not None:
                    v = names.cell(t.cell)
                    lines.append(f"    if {v} is not None and {v} != _Z:")
                    lines.append(f"        n{k}.append({names.text(printed)} + F({v}))")
            out.append(f"LS(F({acc}), n{k})")
            continue
        pieces = []
        for j, (t, (sign, _cell, printed)) in enumerate(zip(terms, prep, strict=True)):
            lead = ("" if j == 0 else " ") + ("" if j == 0 and sign > 0 else "+ " if sign > 0 else "- ")
            pieces.append(names.text(lead + printed))
            if t.cell is not None:
                pieces.append(f"F({names.cell(t.cell)})")
        lines.append(f"    t{k} = {' + '.join(pieces)}")
        out.append(f"(t{k}, t{k})")
    return lines, ", ".join(out)


class _OnFirstUse:
    """Equation ``i``'s ``fails_<i>`` or ``sides_<i>``, compiled when first asked for.

    Compiling every equation's functions up front cost ~70 ms a format on the first report, while
    most equations of a report hold and never need theirs; ``scan`` alone is compiled at once.
    """

    def __init__(self, sources: list[str], namespace: dict[str, object], prefix: str) -> None:
        self._sources, self._namespace, self._prefix = sources, namespace, prefix
        self._fns: list[Callable[..., object] | None] = [None] * len(sources)

    def __len__(self) -> int:
        return len(self._fns)

    def __getitem__(self, i: int) -> Callable[..., object]:
        fn = self._fns[i]
        if fn is None:
            name = f"{self._prefix}_{i}"
            if name not in self._namespace:
                exec(compile(self._sources[i], f"<rule pack equation {i}>", "exec"), self._namespace)
            fn = self._fns[i] = self._namespace[name]  # type: ignore[assignment]
        return fn  # type: ignore[return-value]


def build(insts: tuple[EquationInstance, ...]) -> Plan:
    scan, each, consts = generate(insts)
    namespace: dict[str, object] = {
        "_Z": Decimal(0),
        "F": fmt_number,
        "FB": fails_bounded,
        "LS": long_side,
        **consts,
    }
    exec(compile(scan, "<rule pack equations>", "exec"), namespace)
    cells = tuple(tuple(dict.fromkeys(i.formula.cells)) for i in insts)
    terms = tuple(
        tuple(
            (t.sign * factor, t.cell, t.const)
            for side, factor in ((i.formula.left, 1), (i.formula.right, -1))
            for t in side
        )
        for i in insts
    )
    by_cell: dict[str, list[int]] = {}
    for i, cs in enumerate(cells):
        for c in cs:
            by_cell.setdefault(c, []).append(i)
    return Plan(
        insts=insts,
        cells=cells,
        by_cell={c: tuple(ix) for c, ix in by_cell.items()},
        scan=namespace["scan"],  # type: ignore[arg-type]
        fails=_OnFirstUse(each, namespace, "fails"),  # type: ignore[arg-type]
        sides=_OnFirstUse(each, namespace, "sides"),  # type: ignore[arg-type]
        source=scan + "".join("\n" + e for e in each),
        terms=terms,
        coefs=tuple(_coefs(t) for t in terms),
    )


def _coefs(terms: tuple[tuple[int, str | None, Decimal], ...]) -> dict[str, int]:
    out: dict[str, int] = {}
    for k, cell, _const in terms:
        if cell is not None:
            out[cell] = out.get(cell, 0) + k
    return out
