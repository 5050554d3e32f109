"""Never a wrong number when a pasted table is slightly damaged.

Each layout fixture (tests/data/text/layouts/, its original's values in expected.json) is damaged the
way copying and converting damage tables, one change at a time, and every value the tool then reads
must be the original's. A damaged row may be left unread (empty, ambiguous, with a finding), never
shifted into the neighbouring column:

- pipe rows: an extra ``|`` (an empty cell) at a seeded position of each row of table 三;
- one cell per line: one of the empty lines (a blank cell, or the gap between cells) dropped.
"""

from __future__ import annotations

import json
import random
from decimal import Decimal

import pytest

from gov_review.core.read.text import parse_text
from gov_review.core.review.pipeline import analyse
from tests.conftest import DATA

LAYOUTS = DATA / "text" / "layouts"
EXPECTED = json.loads((LAYOUTS / "expected.json").read_text(encoding="utf-8"))
SOURCES = ("hongze_2023", "hongze_2024", "huaian_2024", "seed_000", "seed_002", "seed_003", "seed_004")


def _wrong_values(text: str, name: str) -> list[tuple[str, str | None, Decimal]]:
    data, _findings = analyse(parse_text(text, path=name))
    out = []
    for cid, want in EXPECTED[name]["cells"].items():
        cell = data.cells.get(cid)
        if cell is None or cell.value is None:
            continue  # left unread: said, not guessed
        if want is None or Decimal(str(want)) != cell.value:
            out.append((cid, want, cell.value))
    return out


@pytest.mark.parametrize("layout", ["pipe", "pipe_bare"])
def test_an_extra_empty_cell_in_a_pipe_row_never_moves_a_value(layout):
    rng = random.Random(16)
    tried = 0
    for src in SOURCES:
        name = f"{src}__{layout}.txt"
        lines = (LAYOUTS / name).read_text(encoding="utf-8").split("\n")
        start = next(i for i, line in enumerate(lines) if "收到和处理政府信息公开申请情况" in line)
        end = next(i for i, line in enumerate(lines) if i > start and "行政复议" in line and "|" not in line)
        for i in range(start, end):
            bars = [k for k, ch in enumerate(lines[i]) if ch == "|"]
            if len(bars) < 4 or not any(ch.isdigit() for ch in lines[i]):
                continue
            k = rng.choice(bars[1:-1])
            damaged = [*lines[:i], lines[i][:k] + "| " + lines[i][k:], *lines[i + 1 :]]
            assert _wrong_values("\n".join(damaged), name) == [], (name, i, damaged[i])
            tried += 1
    assert tried > 100


@pytest.mark.parametrize("layout", ["cells", "cells_blank"])
def test_a_lost_empty_line_between_cells_never_moves_a_value(layout):
    rng = random.Random(16)
    for src in SOURCES:
        name = f"{src}__{layout}.txt"
        lines = (LAYOUTS / name).read_text(encoding="utf-8").split("\n")
        start = next(i for i, line in enumerate(lines) if "二、主动公开" in line)
        empty = [i for i in range(start, len(lines)) if not lines[i].strip()]
        for i in rng.sample(empty, min(8, len(empty))):
            damaged = lines[:i] + lines[i + 1 :]
            assert _wrong_values("\n".join(damaged), name) == [], (name, i)
