"""Work off the GUI thread: ``pool.run_task(fn, callback)`` runs ``fn`` on a QThreadPool and calls
``callback(result)`` back on the GUI thread. ``ProcessTaskPool`` does the same in worker processes
(a folder of reports: see its docstring). ``SyncPool`` does it synchronously (tests, and the
``--screenshot`` mode). Exceptions from ``fn`` are delivered as the result, never swallowed.
"""

from __future__ import annotations

import itertools
import os
import sys
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor


class TaskFailed:
    """The result of a task that raised: carries the exception for the callback to report."""

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc

    def __repr__(self) -> str:
        return f"TaskFailed({self.exc!r})"


def _call(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except Exception as exc:
        return TaskFailed(exc)


class _Relay(QObject):
    done = Signal(int, object)


class _Task(QRunnable):
    def __init__(self, token: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.token, self.fn, self.relay = token, fn, relay

    def run(self) -> None:
        self.relay.done.emit(self.token, _call(self.fn))


POOLS: weakref.WeakSet[TaskPool] = weakref.WeakSet()  # live pools, for the tests' leak check
# While workers parse (pure Python, holding the GIL), every call the GUI thread makes back from Qt
# waits up to the interpreter's switch interval (5 ms) for the GIL; hundreds of such calls a
# repaint froze the window for seconds. A shorter interval while tasks run keeps it responsive.
BUSY_SWITCH_INTERVAL = 0.001
_normal_interval = [sys.getswitchinterval()]
_busy_pools: set[int] = set()


def _busy(pool_id: int, busy: bool) -> None:
    was = bool(_busy_pools)
    if busy:
        _busy_pools.add(pool_id)
    else:
        _busy_pools.discard(pool_id)
    if _busy_pools and not was:
        _normal_interval[0] = sys.getswitchinterval()
        sys.setswitchinterval(min(BUSY_SWITCH_INTERVAL, _normal_interval[0]))
    elif was and not _busy_pools:
        sys.setswitchinterval(_normal_interval[0])


class TaskPool(QObject):
    """A QThreadPool whose results come back as callbacks on the thread that owns the pool."""

    def __init__(self, parent: QObject | None = None, max_threads: int | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        if max_threads:
            self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver)
        self._callbacks: dict[int, Callable[[Any], None]] = {}
        self._ids = itertools.count(1)
        POOLS.add(self)

    def run_task(self, fn: Callable[[], Any], callback: Callable[[Any], None]) -> None:
        token = next(self._ids)
        self._callbacks[token] = callback
        _busy(id(self), True)
        self._pool.start(_Task(token, fn, self._relay))

    def pending(self) -> int:
        return len(self._callbacks)

    def active_threads(self) -> int:
        return self._pool.activeThreadCount()

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def _deliver(self, token: int, result: Any) -> None:
        callback = self._callbacks.pop(token, None)
        if not self._callbacks:
            _busy(id(self), False)
        if callback is not None:
            callback(result)


class ProcessTaskPool(QObject):
    """Tasks in worker processes; results come back as callbacks on the thread that owns the pool.

    Reading is pure Python: on worker *threads* it holds the GIL that every paint of the window
    needs for each call into a Python model, and a folder of 200 reports froze the window for up to
    a second at a time. Worker processes share nothing with the window; each result (a session of
    ~100 KB) is pickled back. The processes come from core/batch/pool.py, the batch's own (never
    forked from this Qt process), on the first task, which costs a few hundred ms, so the window uses
    this pool for folders only. A worker that dies fails its own task; later tasks get a new pool.
    ``fn`` must be picklable: a module-level function, or a ``functools.partial`` of one.
    """

    def __init__(self, parent: QObject | None = None, max_workers: int | None = None) -> None:
        super().__init__(parent)
        self._max = max_workers or max(1, min(4, os.cpu_count() or 1))
        self._executor: ProcessPoolExecutor | None = None
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver)
        self._callbacks: dict[int, Callable[[Any], None]] = {}
        self._futures: dict[int, Future] = {}
        self._ids = itertools.count(1)
        POOLS.add(self)  # type: ignore[arg-type]

    def run_task(self, fn: Callable[[], Any], callback: Callable[[Any], None]) -> None:
        # imported here: ~30 ms the start of the window need not pay (a folder is not always opened)
        from concurrent.futures.process import BrokenProcessPool

        from gov_review.core.batch.pool import new_pool

        if self._executor is None:
            self._executor = new_pool(self._max)
        token = next(self._ids)
        self._callbacks[token] = callback
        try:
            try:
                future = self._executor.submit(_call, fn)
            except BrokenProcessPool:  # a worker died (its file's task failed): the rest go on in a new pool
                self._executor = new_pool(self._max, self._executor)
                future = self._executor.submit(_call, fn)
        except Exception as exc:  # the pool cannot start at all: this task fails, visibly
            self._relay.done.emit(token, TaskFailed(exc))
            return
        self._futures[token] = future
        # runs on the executor's thread: the signal carries the result to the pool's own thread
        future.add_done_callback(lambda f, token=token: self._relay.done.emit(token, _outcome(f)))

    def cancel_pending(self) -> None:
        """Drop the tasks no worker has started; their callbacks are never called."""
        for token, future in list(self._futures.items()):
            if future.cancel():
                self._futures.pop(token, None)
                self._callbacks.pop(token, None)

    def pending(self) -> int:
        return len(self._callbacks)

    def wait(self, msecs: int = -1) -> bool:
        from concurrent.futures import wait

        _done, not_done = wait(list(self._futures.values()), timeout=None if msecs < 0 else msecs / 1000)
        return not not_done

    def active_threads(self) -> int:
        """Tasks a worker process is running now (the thread pool's counterpart)."""
        return sum(1 for f in self._futures.values() if f.running())

    def shutdown(self) -> None:
        """Stop the worker processes; tasks not started are dropped."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def _deliver(self, token: int, result: Any) -> None:
        self._futures.pop(token, None)
        callback = self._callbacks.pop(token, None)
        if callback is not None and result is not _CANCELLED:
            callback(result)


_CANCELLED = object()


def _outcome(future: Future) -> Any:
    if future.cancelled():
        return _CANCELLED
    exc = future.exception()
    return TaskFailed(exc) if exc is not None else future.result()


class SyncPool:
    """The same interface, run at once on the calling thread."""

    def run_task(self, fn: Callable[[], Any], callback: Callable[[Any], None]) -> None:
        callback(_call(fn))

    def pending(self) -> int:
        return 0

    def wait(self, msecs: int = -1) -> bool:
        return True
