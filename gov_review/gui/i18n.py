"""The interface language: English source strings, Chinese (zh_CN) translations from Qt Linguist.

``install(app, "zh")`` loads ``resources/i18n/gov_review_zh_CN.qm`` (built from the ``.ts`` by
``packaging/build_translations.py`` with ``pyside6-lrelease`` and shipped in the wheel and the frozen
app) and Qt's own ``qtbase_zh_CN.qm`` (standard buttons, file dialogs, context menus). When only the
``.ts`` is there (a source checkout that never ran the script), it is compiled once into the user's
cache with ``pyside6-lrelease`` if that tool is at hand. A Python QTranslator subclass reading the .ts
is not an option: its ``translate`` cannot return a null string, so Qt would take "" as the
translation of every string of every other context and blank out rendered documents.

``initial_lang(explicit)`` decides the language at start: ``--lang`` wins, then the choice saved from
视图 → 语言, then the system locale (Chinese → zh, anything else → en).
The core returns both Chinese and English sentences; ``pick`` chooses one.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from importlib import resources
from importlib.abc import Traversable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from gov_review.gui import settings

LANGS = ("zh", "en")
QM_NAME = "gov_review_zh_CN.qm"
TS_NAME = "gov_review_zh_CN.ts"
_state: dict[str, object] = {"lang": "zh", "translators": []}
log = logging.getLogger(__name__)


def current_lang() -> str:
    return str(_state["lang"])


def pick(zh: str, en: str) -> str:
    """The core's sentence in the current language."""
    return zh if current_lang() == "zh" else en


def system_lang() -> str:
    """zh on a Chinese system (any script or region), en otherwise."""
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def saved_lang() -> str | None:
    """The language chosen in 视图 → 语言, or None when the user never chose one."""
    store = settings.store()
    if not store.contains(settings.LANGUAGE.key):
        return None
    value = str(store.value(settings.LANGUAGE.key) or "")
    return value if value in LANGS else None


def initial_lang(explicit: str | None = None) -> str:
    """The language to start in: --lang, then the saved choice, then the system locale."""
    if explicit in LANGS:
        return str(explicit)
    return saved_lang() or system_lang()


def _i18n_file(name: str) -> Traversable:
    return resources.files("gov_review.resources").joinpath("i18n").joinpath(name)


def qm_path() -> str | None:
    """Our compiled Chinese catalogue: the shipped .qm, else one compiled from the .ts now."""
    qm, ts = _i18n_file(QM_NAME), _i18n_file(TS_NAME)
    if qm.is_file() and not _newer(ts, qm):
        return str(qm)
    # In a source checkout the .ts may have moved on since the .qm was built: a stale .qm would
    # show new strings in English. Compile afresh; fall back to the stale one if that fails.
    return _compile_ts(ts) or (str(qm) if qm.is_file() else None)


def _newer(a: Traversable, b: Traversable) -> bool:
    try:
        return os.path.getmtime(str(a)) > os.path.getmtime(str(b))
    except OSError:  # not a plain file (zip import) or missing: nothing to compare
        return False


def qt_translations_dir() -> str:
    """Where PySide6 keeps Qt's own catalogues (inside the wheel, or the frozen app's copy)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def load_translators(lang: str) -> list[QTranslator]:
    """The translators for ``lang``: ours, then Qt's qtbase. Empty for English (the source language)."""
    if lang != "zh":
        return []
    out: list[QTranslator] = []
    ours = qm_path()
    tr = QTranslator()
    if ours and tr.load(ours):
        out.append(tr)
    else:
        log.warning("Chinese interface catalogue not found or unreadable (%s)", ours)
    qt = QTranslator()
    if qt.load("qtbase_zh_CN", qt_translations_dir()):
        out.append(qt)
    else:
        log.warning("Qt's qtbase_zh_CN.qm not found in %s", qt_translations_dir())
    return out


def _compile_ts(ts: Traversable) -> str | None:
    if not ts.is_file():
        return None
    tool = shutil.which("pyside6-lrelease") or _beside_python("pyside6-lrelease")
    if tool is None:
        return None
    out_dir = os.path.join(
        tempfile.gettempdir(), f"gov-review-i18n-{os.getuid() if hasattr(os, 'getuid') else 0}"
    )
    os.makedirs(out_dir, exist_ok=True)
    src = str(ts)
    # Named by the catalogue's content and written beside, then renamed into place: a running app
    # has its .qm memory-mapped, and rewriting that file under it kills it (SIGBUS). Two checkouts
    # with different catalogues get different files.
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:12]
    out = os.path.join(out_dir, f"{QM_NAME[:-3]}-{digest}.qm")
    if not os.path.exists(out):
        part = f"{out}.{os.getpid()}.part"
        try:
            subprocess.run([tool, src, "-qm", part], check=True, capture_output=True, timeout=60)
            os.replace(part, out)
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("could not compile %s: %s", src, exc)
            return None
    return out


def _beside_python(name: str) -> str | None:
    for candidate in (name, name + ".exe"):
        path = os.path.join(os.path.dirname(sys.executable), candidate)
        if os.path.exists(path):
            return path
    return None


def install(app: QCoreApplication, lang: str) -> None:
    """Switch the language; widgets retranslate on the LanguageChange event Qt sends."""
    lang = lang if lang in LANGS else "zh"
    for old in _state["translators"]:  # type: ignore[attr-defined]
        app.removeTranslator(old)
    _state["lang"] = lang
    translators = load_translators(lang)
    for tr in translators:
        app.installTranslator(tr)
    _state["translators"] = translators
