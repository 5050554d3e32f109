"""A bounded fuzz run (issue 18): seeded mutations of real fixtures of every format, each opened and,
when it opens, saved as a bundle and reopened. Any traceback, unsaveable file, value lost on reopening
or input taking over 10 s fails the test with the inputs that did it. The long run (≥ 10,000 inputs,
exports included, each in a worker process with a memory cap) is bench/bench_fuzz.py.
"""

from __future__ import annotations

import collections
import signal
from pathlib import Path

import pytest

from tests.fuzz.mutate import mutations
from tests.fuzz.run import Outcome, attempt, fixtures

# Mutations per format: a few hundred where a case costs ~0.1 s; HTML pages cost twice that.
COUNTS = {"txt": 200, "docx": 150, "html": 80, "grb": 200}
SEED = 18
HANG_SECONDS = 10


class _Hang(Exception):
    pass


def _alarm(_signum, _frame):
    raise _Hang


@pytest.mark.parametrize("fmt", sorted(COUNTS))
def test_mutated_inputs_open_or_are_refused_and_what_opens_saves(fmt: str, tmp_path: Path) -> None:
    seen: collections.Counter[str] = collections.Counter()
    bad: list[str] = []
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for desc, _name, data in mutations(fmt, fixtures(fmt, tmp_path), COUNTS[fmt], SEED):
            signal.alarm(HANG_SECONDS)
            try:
                outcome = attempt(fmt, data, tmp_path, exports=False)
            except _Hang:
                outcome = Outcome("hang", f"over {HANG_SECONDS} s")
            finally:
                signal.alarm(0)
            seen[outcome.kind] += 1
            if outcome.kind not in ("saved", "refused"):
                bad.append(f"{desc}: {outcome.kind}\n{outcome.detail}")
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert not bad, "\n\n".join(bad[:5])
    # The run exercised both paths: most mutations of a real file still open, some are refused.
    assert seen["saved"] > COUNTS[fmt] // 10 and seen["refused"] > 0, dict(seen)
