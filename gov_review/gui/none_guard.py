"""Work around a PySide6 6.12 bug on Python < 3.12: every call of a void C++ method returns
``None`` without taking a reference (and bool results likewise ``True``/``False``), so each
``label.setText(...)`` drops one reference to ``None``. After some tens of thousands of calls CPython aborts ("none_dealloc: deallocating None").
Python 3.12+ makes ``None`` immortal, which hides the bug there.

``install`` holds a large reserve of references and tops it up on a timer and after heavy work
(``top_up``). It does nothing where the bug cannot bite. Remove it once PySide6 is fixed or
pinned below 6.12 for Python 3.11.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6
from PySide6.QtCore import QCoreApplication, QTimer

RESERVE = 300_000  # per singleton, ~7 MB of list slots in all; a report render costs a few thousand
_held: list[object] = []
_state: dict[str, object] = {"target": None, "timer": None}


def affected() -> bool:
    return sys.version_info < (3, 12) and PySide6.__version__.startswith("6.12")


_SINGLETONS = (None, True, False)  # bool results are handed back without a reference too


def top_up() -> None:
    targets: dict[int, int] = _state["target"] or {}  # type: ignore[assignment]
    for obj in _SINGLETONS:
        missing = targets.get(id(obj), 0) - sys.getrefcount(obj)
        if missing > 0:
            _held.extend([obj] * missing)


def install(app: QCoreApplication) -> None:
    if not affected() or _state["timer"] is not None:
        return
    _state["target"] = {id(obj): sys.getrefcount(obj) + RESERVE for obj in _SINGLETONS}
    # The reserve must outlive interpreter shutdown (freeing it then would free None itself):
    # one reference nobody owns keeps the list alive for good.
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(_held))
    top_up()
    timer = QTimer(app)
    timer.setObjectName("noneGuard")
    timer.setInterval(250)
    timer.timeout.connect(top_up)
    timer.start()
    _state["timer"] = timer
