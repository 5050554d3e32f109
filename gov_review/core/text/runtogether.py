"""Rows whose digits ran together when a site published the table as text (``270020130``).

A row is decoded by enumerating every way to cut the digits into the row's cells (no leading zeros,
counts only) and keeping the cuts that satisfy the row's own rule (table 三: 总计 = the six applicant
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
from itertools import combinations, product
from math import prod

DIGITS_RE = re.compile(r"^[0-9\s]+$")
MAX_SPLITS = 200_000  # C(n-1, k-1) grows fast; a real row has ≤ 15 cells and ≤ 40 digits
# Combinations of the ambiguous rows' splits tried against the column rules. A report has a handful
# of ambiguous rows with two or three splits each; beyond this the rows are left to the reviewer.
MAX_COMBINATIONS = 20_000


def _cuts(digits: str, parts: int) -> Iterator[list[int]]:
    n = len(digits)
    if parts > n:
        return
    count = 0
    for cut in combinations(range(1, n), parts - 1):
        count += 1
        if count > MAX_SPLITS:
            return
        bounds = (0, *cut, n)
        pieces = [digits[bounds[i] : bounds[i + 1]] for i in range(parts)]
        if any(len(p) > 1 and p[0] == "0" for p in pieces):
            continue
        yield [int(p) for p in pieces]


def t3_row_ok(values: list[int]) -> bool:
    return len(values) == 7 and sum(values[:6]) == values[6]


def any_row(values: list[int]) -> bool:
    """Table 二's rows have no total of their own: every split is kept (the column rules may narrow)."""
    return True


def t4_row_ok(values: list[int]) -> bool:
    return len(values) == 15 and all(sum(values[g : g + 4]) == values[g + 4] for g in (0, 5, 10))


def decode(text: str, parts: int, ok: Callable[[list[int]], bool]) -> list[list[int]]:
    """Every split of ``text`` (digits, maybe with some spaces) into ``parts`` values that passes ``ok``.

    Spaces that are there are real cell boundaries: only the runs between them are cut further.
    """
    runs = text.split()
    if not runs or not all(r.isdigit() for r in runs):
        return []
    if len(runs) == parts:
        values = [int(r) for r in runs]
        return [values] if ok(values) else []
    out: list[list[int]] = []

    def place(i: int, remaining: int, acc: list[int]) -> None:
        if i == len(runs):
            if remaining == 0 and ok(acc):
                out.append(acc)
            return
        left_runs = len(runs) - i - 1
        for k in range(1, min(len(runs[i]), remaining - left_runs) + 1):
            for split in _cuts(runs[i], k):
                place(i + 1, remaining - k, acc + split)
                if len(out) > 50:
                    return

    place(0, parts, [])
    return out


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
