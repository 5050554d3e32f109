"""Rows whose digits ran together when a site published the table as text (``270020130``).

A row is decoded by enumerating the ways to cut the digits into the row's cells (no leading zeros,
counts only; a cut is tried only where a total can stand, and no part may exceed the total it adds up
to, so the work grows with the digits, not with all their cuts; a work cap stops a hostile run and is
reported) and keeping the cuts that satisfy the row's own rule (table 三: 总计 = the six applicant
columns; table 四: each group's 总计 = its four results). Exactly one → use it (confidence noted);
several → the rows still in doubt are narrowed together by the column rules (``narrow``: 一 + 二 =
（七）+ 四, （七）= the outcome rows); whatever remains undecided is left to the reviewer with its
candidates; none → the row is left unread. Never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import product
from math import prod

DIGITS_RE = re.compile(r"^[0-9\s]+$")
# Combinations of the ambiguous rows' splits tried against the column rules. A report has a handful
# of ambiguous rows with two or three splits each; beyond this the rows are left to the reviewer.
MAX_COMBINATIONS = 20_000


# Work allowed for one row: each piece tried is a step. A real row (≤ 15 cells, ≤ 40 digits) takes
# a few thousand; a hostile run of hundreds of digits stops here and is reported, never decoded.
MAX_STEPS = 200_000
MAX_OPTIONS = 50


class _Budget:
    __slots__ = ("steps",)

    def __init__(self) -> None:
        self.steps = 0

    def tick(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise _Capped


class _Capped(Exception):
    pass


def _pieces(d: str, pos: int, end: int, k: int, rem: int | None, budget: _Budget) -> Iterator[list[int]]:
    """Every cut of ``d[pos:end]`` into ``k`` counts (no leading zeros) adding up to ``rem`` (None: any)."""
    left = end - pos
    if k == 0:
        if left == 0 and (rem is None or rem == 0):
            yield []
        return
    if left < k:
        return
    longest = left - (k - 1)
    if rem is not None:
        longest = min(longest, len(str(rem)))
    if k == 1:
        if left > longest or (left > 1 and d[pos] == "0"):
            return
        budget.tick()
        v = int(d[pos:end])
        if rem is None or v == rem:
            yield [v]
        return
    for n in range(1, longest + 1):
        budget.tick()
        if n > 1 and d[pos] == "0":
            break
        v = int(d[pos : pos + n])
        if rem is not None and v > rem:
            break
        for rest in _pieces(d, pos + n, end, k - 1, None if rem is None else rem - v, budget):
            yield [v, *rest]


def _grouped(d: str, pos: int, groups: tuple[int, ...], budget: _Budget) -> Iterator[list[int]]:
    """Cuts of ``d[pos:]`` into groups of ``k`` counts each followed by their total."""
    if not groups:
        if pos == len(d):
            yield []
        return
    k = groups[0]
    later = sum(g + 1 for g in groups[1:])  # the fewest digits the later groups need
    for gend in range(pos + k + 1, len(d) - later + 1):
        for tl in range(1, gend - pos - k + 1):
            budget.tick()
            total = d[gend - tl : gend]
            if tl > 1 and total[0] == "0":
                continue
            t = int(total)
            for parts in _pieces(d, pos, gend - tl, k, t, budget):
                for rest in _grouped(d, gend, groups[1:], budget):
                    yield [*parts, t, *rest]


def t3_row_ok(values: list[int]) -> bool:
    return len(values) == 7 and sum(values[:6]) == values[6]


def any_row(values: list[int]) -> bool:
    """Table 二's rows have no total of their own: every split is kept (the column rules may narrow)."""
    return True


def t4_row_ok(values: list[int]) -> bool:
    return len(values) == 15 and all(sum(values[g : g + 4]) == values[g + 4] for g in (0, 5, 10))


# The row rules whose structure the decoder uses to cut only where a total can stand.
_GROUPS: dict[Callable[[list[int]], bool], tuple[int, int, tuple[int, ...]]] = {
    t3_row_ok: (7, 6, (6,)),
    t4_row_ok: (15, 4, (4, 4, 4)),
}


def decode(text: str, parts: int, ok: Callable[[list[int]], bool]) -> list[list[int]]:
    """Every split of ``text`` (digits, maybe with some spaces) into ``parts`` values that passes ``ok``.

    Spaces that are there are real cell boundaries: only the runs between them are cut further.
    A run too long to decode within ``MAX_STEPS`` gives nothing (``decode_bounded`` says so).
    """
    return decode_bounded(text, parts, ok)[0]


def decode_bounded(text: str, parts: int, ok: Callable[[list[int]], bool]) -> tuple[list[list[int]], bool]:
    """``decode``, and whether the work cap stopped it (then no split is returned)."""
    runs = text.split()
    if not runs or not all(r.isdigit() for r in runs):
        return [], False
    if len(runs) == parts:
        values = [int(r) for r in runs]
        return ([values] if ok(values) else []), False
    budget = _Budget()
    out: list[list[int]] = []
    try:
        shape = _GROUPS.get(ok)
        if len(runs) == 1 and shape is not None and shape[0] == parts:
            gen: Iterator[list[int]] = _grouped(runs[0], 0, shape[2], budget)
        elif len(runs) == 1:
            gen = _pieces(runs[0], 0, len(runs[0]), parts, None, budget)
        else:
            gen = _by_runs(runs, parts, budget)
        for values in gen:
            if ok(values):
                out.append(values)
                if len(out) > MAX_OPTIONS:
                    break
    except _Capped:
        return [], True
    return out, False


def _by_runs(runs: list[str], parts: int, budget: _Budget) -> Iterator[list[int]]:
    """Splits of several runs (the spaces between them are real boundaries)."""
    if not runs:
        if parts == 0:
            yield []
        return
    later = len(runs) - 1
    for k in range(1, min(len(runs[0]), parts - later) + 1):
        for split in _pieces(runs[0], 0, len(runs[0]), k, None, budget):
            for rest in _by_runs(runs[1:], parts - k, budget):
                yield [*split, *rest]


# ------------------------------------------------------------------------------------------------
# Several ambiguous rows narrowed together by the column rules


@dataclass(slots=True)
class Narrowed:
    """What the column rules made of the ambiguous rows.

    ``status``: "narrowed" (``options`` holds each row's splits that take part in at least one
    combination satisfying every rule; a row left with one is decided), "no_rules" (no rule ties the
    rows to known cells), "none" (no combination satisfies the rules: the table is wrong somewhere,
    the rows stay as they were), "capped" (more than ``MAX_COMBINATIONS`` combinations; untried).
    """

    status: str
    options: list[list[list[int]]]
    combinations: int = 0
    cap: int = 0


def narrow(
    rows: Sequence[tuple[Sequence[str], Sequence[list[int]]]],
    known: Mapping[str, Decimal | None],
    rules: Sequence[tuple[Sequence[tuple[int, str | None, Decimal]], str]],
    cap: int | None = None,
) -> Narrowed:
    """Keep the combinations of row splits that satisfy every rule whose cells are all known.

    ``rows``: (cell ids, candidate splits) of each ambiguous row. ``known``: values of the other
    cells (None = blank). ``rules``: each as (terms, op) meaning ``sum(sign·cell or const) op 0``,
    e.g. 一 + 二 − （七）− 四 == 0. A rule is used only when each of its cells is in an ambiguous row
    or has a known value; cells of a row absent from ``rows`` and blank cells make it unusable.
    """
    cap = MAX_COMBINATIONS if cap is None else cap
    unchanged = [list(map(list, opts)) for _ids, opts in rows]
    where: dict[str, tuple[int, int]] = {}
    for r, (ids, _opts) in enumerate(rows):
        for pos, cid in enumerate(ids):
            where[cid] = (r, pos)
    usable: list[tuple[Decimal, list[tuple[int, int, int]], str]] = []
    for terms, op in rules:
        const = Decimal(0)
        var: list[tuple[int, int, int]] = []
        ok = True
        for sign, cell, value in terms:
            if cell is None:
                const += sign * value
            elif cell in where:
                var.append((sign, *where[cell]))
            else:
                v = known.get(cell)
                if v is None:
                    ok = False
                    break
                const += sign * v
        if ok and var:
            usable.append((const, var, op))
    if not usable:
        return Narrowed("no_rules", unchanged)
    total = prod(len(opts) for _ids, opts in rows)
    if total > cap:
        return Narrowed("capped", unchanged, total, cap)
    keep: list[set[int]] = [set() for _ in rows]
    for combo in product(*(range(len(opts)) for _ids, opts in rows)):
        chosen = [rows[r][1][i] for r, i in enumerate(combo)]
        if all(
            _holds(const + sum(sign * chosen[r][pos] for sign, r, pos in var), op)
            for const, var, op in usable
        ):
            for r, i in enumerate(combo):
                keep[r].add(i)
    if not any(keep):
        return Narrowed("none", unchanged, total)
    options = [[list(opts[i]) for i in sorted(keep[r])] for r, (_ids, opts) in enumerate(rows)]
    return Narrowed("narrowed", options, total)


def _holds(diff: Decimal, op: str) -> bool:
    if op == "==":
        return diff == 0
    if op == "!=":
        return diff != 0
    if op == "<=":
        return diff <= 0
    if op == ">=":
        return diff >= 0
    if op == "<":
        return diff < 0
    return diff > 0
