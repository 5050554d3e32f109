"""Work off the GUI thread: ``pool.run_task(fn, callback)`` runs ``fn`` on a QThreadPool and calls
``callback(result)`` back on the GUI thread. ``ProcessTaskPool`` does the same in worker processes
(a folder of reports: see its docstring). ``SyncPool`` does it synchronously (tests, and the
``--screenshot`` mode). Exceptions from ``fn`` are delivered as the result, never swallowed.
"""

from __future__ import annotations

import itertools
import os
import queue
import sys
import threading
import time
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
    forked from this Qt process), and run at a lower priority than the window, which then gets a
    core whenever it has something to draw. Starting them costs a few hundred ms, so the window
    uses this pool for folders only, and tasks are handed to the processes by a thread of this
    pool's own (``_submit``): the window never waits for a process to start. A worker that dies
    fails its own task; later tasks get a new pool.
    ``fn`` must be picklable: a module-level function, or a ``functools.partial`` of one.
    """

    def __init__(self, parent: QObject | None = None, max_workers: int | None = None) -> None:
        super().__init__(parent)
        self._max = max_workers or max(1, min(4, os.cpu_count() or 1))
        self._executor: ProcessPoolExecutor | None = None
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver)
        self._callbacks: dict[int, Callable[[Any], None]] = {}
        self._futures: dict[int, Future] = {}  # what the processes have (guarded by _lock)
        self._queue: queue.SimpleQueue[tuple[int, Callable[[], Any]] | None] = queue.SimpleQueue()
        self._queued = 0  # tasks put on the queue and not yet handed over (guarded by _lock)
        self._dropped: set[int] = set()  # queued tasks cancelled before they were handed over
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._closed = False
        self._ids = itertools.count(1)
        POOLS.add(self)  # type: ignore[arg-type]

    def run_task(self, fn: Callable[[], Any], callback: Callable[[Any], None]) -> None:
        token = next(self._ids)
        self._callbacks[token] = callback
        with self._lock:
            self._queued += 1
            if self._closed:  # used again after shutdown: a new thread and, on demand, new processes
                self._closed, self._thread, self._queue = False, None, queue.SimpleQueue()
            if self._thread is None:
                self._thread = threading.Thread(target=self._submit, name="gov-review-submit", daemon=True)
                self._thread.start()
        self._queue.put((token, fn))

    def _submit(self) -> None:
        """The pool's own thread: starts the processes and hands them the tasks, in order."""
        # imported here: ~30 ms the start of the window need not pay (a folder is not always opened)
        from concurrent.futures.process import BrokenProcessPool

        from gov_review.core.batch.pool import new_pool

        tasks = self._queue  # this thread's queue (shutdown ends it; a later task starts another)
        while (item := tasks.get()) is not None:
            token, fn = item
            with self._lock:
                self._queued -= 1
                if token in self._dropped or self._closed:
                    self._dropped.discard(token)
                    continue
                executor = self._executor
            # Starting processes takes a while: never under the lock the window's calls take.
            try:
                if executor is None:
                    executor = new_pool(self._max, background=True)
                try:
                    future = executor.submit(_call, fn)
                except BrokenProcessPool:  # a worker died (its task failed): the rest go on in a new pool
                    executor = new_pool(self._max, executor, background=True)
                    future = executor.submit(_call, fn)
            except Exception as exc:  # the pool cannot start at all: this task fails, visibly
                self._relay.done.emit(token, TaskFailed(exc))
                continue
            with self._lock:
                closed = self._closed
                if not closed:
                    self._executor = executor
                    self._futures[token] = future
            if closed:  # shut down while this task was handed over: the new processes stop too
                executor.shutdown(wait=False, cancel_futures=True)
                continue
            # runs on the executor's thread: the signal carries the result to the pool's own thread
            future.add_done_callback(lambda f, token=token: self._relay.done.emit(token, _outcome(f)))

    def cancel_pending(self) -> None:
        """Drop the tasks no worker has started; their callbacks are never called."""
        with self._lock:
            handed = list(self._futures.items())
            self._dropped.update(t for t in self._callbacks if t not in self._futures)  # still queued
            for token in self._dropped:
                self._callbacks.pop(token, None)
        # A future cancelled here calls back at once, on this thread (into _deliver): not under the lock.
        for token, future in handed:
            if future.cancel():
                with self._lock:
                    self._futures.pop(token, None)
                self._callbacks.pop(token, None)

    def pending(self) -> int:
        return len(self._callbacks)

    def wait(self, msecs: int = -1) -> bool:
        """Wait until every task handed over so far has finished (or ``msecs`` have passed)."""
        from concurrent.futures import wait

        deadline = None if msecs < 0 else time.monotonic() + msecs / 1000
        while True:
            with self._lock:
                queued, futures = self._queued, list(self._futures.values())
            if not queued:
                break
            if deadline is not None and time.monotonic() > deadline:
                return False
            time.sleep(0.005)
        left = None if deadline is None else max(0.0, deadline - time.monotonic())
        _done, not_done = wait(futures, timeout=left)
        return not not_done

    def active_threads(self) -> int:
        """Tasks a worker process is running now (the thread pool's counterpart)."""
        with self._lock:
            return sum(1 for f in self._futures.values() if f.running())

    def shutdown(self) -> None:
        """Stop the worker processes; tasks not started are dropped."""
        self._queue.put(None)
        with self._lock:
            self._closed = True
            executor, self._executor = self._executor, None
        self._callbacks.clear()  # nothing more is delivered
        if executor is not None:  # its cancelled futures call back into _deliver: not under the lock
            executor.shutdown(wait=False, cancel_futures=True)

    def _deliver(self, token: int, result: Any) -> None:
        with self._lock:
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
