"""What the read benchmarks share: the clock and the median of repeated runs.

CPU time by default: wall time on a 2-core machine shared with other work moved by 30–50 % between
runs. BENCH_WALL=1 measures wall time instead.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable

CLOCK = time.perf_counter if os.environ.get("BENCH_WALL") else time.process_time


def median_ms(fn: Callable[[], object], runs: int) -> float:
    """Median milliseconds of ``runs`` calls of ``fn``, after one call that warms caches and imports."""
    fn()
    times = []
    for _ in range(runs):
        start = CLOCK()
        fn()
        times.append(CLOCK() - start)
    return statistics.median(times) * 1000


def interleaved_medians_ms(
    fns: dict[str, Callable[[], object]],
    runs: int,
    before: dict[str, Callable[[], object]] | None = None,
) -> dict[str, float]:
    """Median milliseconds of each of ``fns``, timed in turn within each run.

    Ratios between them are what the benchmarks report; on a machine whose load changes from one
    second to the next, timing A's runs all before B's lets the change show up as a ratio. Taking
    them in turn exposes every function to the same moments. ``before[name]``, when given, runs
    untimed before each call of ``fns[name]`` (e.g. ``meet_as_new``).
    """
    for fn in fns.values():
        fn()
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            if before and name in before:
                before[name]()
            start = CLOCK()
            fn()
            times[name].append(CLOCK() - start)
    return {name: statistics.median(t) * 1000 for name, t in times.items()}


def forget_content() -> int:
    """Empty every memory the core keeps of report *content*; returns how many were emptied.

    The core remembers what it worked out from texts it has seen (label look-ups, table plans): a report seen again costs less than a new one.
    A benchmark that repeats one file would measure only the second case, so the headline figures
    call this before each timed run: the report is met as new, in a process that is otherwise warm
    (imports done, the rule pack and the templates prepared — what any report after the first finds).
    Memories keyed on the format or the rule pack alone (unbounded ``functools.cache``) are kept.
    """
    import functools

    emptied = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith("gov_review.core") or module is None:
            continue
        for value in list(vars(module).values()):
            if isinstance(value, functools._lru_cache_wrapper):
                if value.cache_parameters()["maxsize"] is not None:
                    value.cache_clear()
                    emptied += 1
            elif type(value).__name__ == "PlanCache":
                value.clear()
                emptied += 1
    memo = sys.modules.get("gov_review.core.check.prose_cache")  # gone; kept for older trees
    if memo is not None and hasattr(memo, "clear"):
        memo.clear()
        emptied += 1
    return emptied


def meet_as_new(others: Callable[[], object]) -> Callable[[], None]:
    """A ``before`` step that makes the next report new to a process that has seen other reports.

    The core's memories of content are emptied, then ``others`` reads the other reports of the
    benchmark (untimed): what a report in the middle of a folder meets — label look-ups of the
    national format warm from its neighbours, nothing remembered of its own tables or values.
    """

    def step() -> None:
        forget_content()
        others()

    return step
