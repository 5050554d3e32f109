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
