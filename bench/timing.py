"""What the read benchmarks share: the clock and the median of repeated runs.

CPU time by default: wall time on a 2-core machine shared with other work moved by 30–50 % between
runs. BENCH_WALL=1 measures wall time instead.
"""

from __future__ import annotations

import os
import statistics
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


def interleaved_medians_ms(fns: dict[str, Callable[[], object]], runs: int) -> dict[str, float]:
    """Median milliseconds of each of ``fns``, timed in turn within each run.

    Ratios between them are what the benchmarks report; on a machine whose load changes from one
    second to the next, timing A's runs all before B's lets the change show up as a ratio. Taking
    them in turn exposes every function to the same moments.
    """
    for fn in fns.values():
        fn()
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            start = CLOCK()
            fn()
            times[name].append(CLOCK() - start)
    return {name: statistics.median(t) * 1000 for name, t in times.items()}
