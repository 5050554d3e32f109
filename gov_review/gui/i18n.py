"""The interface language: English source strings, Chinese (zh_CN) translations from Qt Linguist.

``install(app, "zh")`` loads ``resources/i18n/gov_review_zh_CN.qm`` (built from the ``.ts`` with
``pyside6-lrelease``). When only the ``.ts`` is there (a source checkout), it is compiled once into
the user's cache with ``pyside6-lrelease`` if that tool is at hand. A Python QTranslator subclass
reading the .ts is not an option: its ``translate`` cannot return a null string, so Qt would take
"" as the translation of every string of every other context and blank out rendered documents.
The core returns both Chinese and English sentences; ``pick`` chooses one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from importlib import resources

from PySide6.QtCore import QCoreApplication, QTranslator

LANGS = ("zh", "en")
_state: dict[str, object] = {"lang": "zh", "translator": None}


def current_lang() -> str:
    return str(_state["lang"])


def pick(zh: str, en: str) -> str:
    """The core's sentence in the current language."""
    return zh if current_lang() == "zh" else en


def _i18n_file(name: str):
    return resources.files("gov_review.resources").joinpath("i18n").joinpath(name)


def load_translator(lang: str) -> QTranslator | None:
    if lang != "zh":
        return None
    qm = _i18n_file("gov_review_zh_CN.qm")
    if qm.is_file():
        tr = QTranslator()
        if tr.load(str(qm)):
            return tr
    compiled = _compile_ts(_i18n_file("gov_review_zh_CN.ts"))
    if compiled:
        tr = QTranslator()
        if tr.load(compiled):
            return tr
    return None


def _compile_ts(ts) -> str | None:
    if not ts.is_file():
        return None
    tool = shutil.which("pyside6-lrelease") or _beside_python("pyside6-lrelease")
    if tool is None:
        return None
    out_dir = os.path.join(
        tempfile.gettempdir(), f"gov-review-i18n-{os.getuid() if hasattr(os, 'getuid') else 0}"
    )
    os.makedirs(out_dir, exist_ok=True)
    out = os.path.join(out_dir, "gov_review_zh_CN.qm")
    src = str(ts)
    if not os.path.exists(out) or os.path.getmtime(out) < os.path.getmtime(src):
        try:
            subprocess.run([tool, src, "-qm", out], check=True, capture_output=True, timeout=60)
        except (OSError, subprocess.SubprocessError):
            return None
    return out


def _beside_python(name: str) -> str | None:
    import sys

    path = os.path.join(os.path.dirname(sys.executable), name)
    return path if os.path.exists(path) else None


def install(app: QCoreApplication, lang: str) -> None:
    """Switch the language; widgets retranslate on the LanguageChange event Qt sends."""
    lang = lang if lang in LANGS else "zh"
    old = _state["translator"]
    if old is not None:
        app.removeTranslator(old)  # type: ignore[arg-type]
    _state["translator"] = None
    _state["lang"] = lang
    tr = load_translator(lang)
    if tr is not None:
        app.installTranslator(tr)
        _state["translator"] = tr
