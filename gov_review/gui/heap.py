"""Keeping Python's cycle collector away from the reports the window holds open.

An open report is some thousands of Python objects that live until it is closed. CPython 3.11
scans every object it tracks in each full collection, and it runs one each time the tracked
objects have grown by a quarter: while a folder of 200 reports opened, six collections froze the
window for 44 to 93 ms each (bench/bench_gui.py ``mixed``), and the window of a reviewer with many
reports open would keep pausing while they edit.

So once newly opened reports are in place, what is alive is frozen (``gc.freeze``): later
collections look only at what was made since. A closed report's objects are still freed at once
by reference counting; the few that sit in reference cycles stay until the last report is closed,
when everything is looked at again (``release``): then little is alive and the scan is short.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Call once newly opened reports are in place."""
    gc.collect(1)  # the young garbage goes first: frozen, a cycle would never be freed
    gc.freeze()


def release(collect: bool = True) -> None:
    """Call when no report is open any more (``collect``: and look at everything now), or when
    the window closes (then the collector looks at it all in its own time)."""
    gc.unfreeze()
    if collect:
        gc.collect()
