"""The one way gov-review starts worker processes: for a batch (run.py) and for the window's folder
of reports (gui/workers.py). The start method is chosen here, and a pool a dead worker broke is
replaced here.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Any

BACKGROUND_NICENESS = 10  # added to a background worker's niceness (0 normal, 19 the lowest)


def mp_context() -> Any:
    # fork is the cheapest (workers inherit the imported readers) and never re-runs the caller's
    # main script, but forking a process that runs Qt threads (the GUI) is unsafe: there, and where
    # fork does not exist (Windows, macOS), workers come from a clean forkserver or are spawned.
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and "PySide6" not in sys.modules and sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def new_pool(
    jobs: int, broken: ProcessPoolExecutor | None = None, background: bool = False
) -> ProcessPoolExecutor:
    """A pool of ``jobs`` worker processes; ``broken``: the pool it replaces (shut down first).

    ``background``: the workers run at a lower priority than the process that started them (the
    window reads a folder in them and must keep a core for drawing whenever it needs one)."""
    if broken is not None:
        broken.shutdown(wait=False, cancel_futures=True)
    return ProcessPoolExecutor(
        max_workers=jobs, mp_context=mp_context(), initializer=_lower_priority if background else None
    )


def _lower_priority() -> None:
    """Runs in each worker as it starts. Where the system has no ``nice`` (Windows) the workers
    keep the normal priority."""
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(BACKGROUND_NICENESS)
