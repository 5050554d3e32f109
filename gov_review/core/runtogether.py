"""Rows whose digits ran together when a site published the table as text (``270020130``).

A row is decoded by enumerating every way to cut the digits into the row's cells (no leading zeros,
counts only) and keeping the cuts that satisfy the row's own rule (table 三: 总计 = the six applicant
columns; table 四: each group's 总计 = its four results). Exactly one → use it (confidence noted);
several → the reviewer chooses among the candidates; none → the row is left unread. Never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import combinations

DIGITS_RE = re.compile(r"^[0-9\s]+$")
MAX_SPLITS = 200_000  # C(n-1, k-1) grows fast; a real row has ≤ 15 cells and ≤ 40 digits


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
