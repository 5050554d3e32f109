"""The interface language: English source strings, Chinese (zh_CN) translations from Qt Linguist.

``install(app, "zh")`` loads ``resources/i18n/gov_review_zh_CN.qm`` when it has been built with
``pyside6-lrelease``; until then it reads the ``.ts`` file directly, so the window is Chinese by
default either way. The core returns both Chinese and English sentences; ``pick`` chooses one.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from importlib import resources

from PySide6.QtCore import QCoreApplication, QTranslator

LANGS = ("zh", "en")
_state: dict[str, object] = {"lang": "zh", "translator": None}


def current_lang() -> str:
    return str(_state["lang"])


def pick(zh: str, en: str) -> str:
    """The core's sentence in the current language."""
    return zh if current_lang() == "zh" else en


class TsTranslator(QTranslator):
    """Translations read straight from a Linguist .ts file (used when no .qm is compiled)."""

    def __init__(self, text: str, parent=None) -> None:
        super().__init__(parent)
        self._table: dict[tuple[str, str], str] = {}
        root = ET.fromstring(text)
        for ctx in root.iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                source = msg.findtext("source")
                trans = msg.find("translation")
                if source is None or trans is None or not (trans.text or "").strip():
                    continue
                if trans.get("type") in ("obsolete", "vanished"):
                    continue
                self._table[(name, source)] = trans.text or ""

    def isEmpty(self) -> bool:
        return not self._table

    def translate(self, context, source_text, disambiguation=None, n=-1) -> str:
        return self._table.get((context, source_text), "")


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
    ts = _i18n_file("gov_review_zh_CN.ts")
    if ts.is_file():
        return TsTranslator(ts.read_text(encoding="utf-8"))
    return None


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
