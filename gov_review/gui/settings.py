"""A typed registry over QSettings: every setting the window keeps, with its type and default.

Documents and reviews never go here — only window layout, recent files and preferences.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORG, APP = "gov-review", "gov-review"
MAX_RECENT = 10


@dataclass(frozen=True, slots=True)
class Setting:
    key: str
    type: type
    default: Any


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return ""


GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())  # docks shown and where
SPLITTER_MAIN = Setting("window/splitter_main", QByteArray, QByteArray())
SPLITTER_RIGHT = Setting("window/splitter_right", QByteArray, QByteArray())
RECENT_FILES = Setting("files/recent", list, [])
LAST_DIR = Setting("files/last_dir", str, "")
PREVIOUS_DIR = Setting("files/previous_year_dir", str, "")  # last year's reports, for cross-year
LANGUAGE = Setting("ui/language", str, "zh")
REVIEWER = Setting("review/reviewer", str, "")
SOURCE_VIEW = Setting("ui/source_view", str, "pages")  # a PDF's source pane: "pages" (原件) or "text"


def store() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG, APP)


def get(setting: Setting) -> Any:
    raw = store().value(setting.key, setting.default)
    if raw is None:
        return setting.default
    if setting.type is list:
        if isinstance(raw, str):  # QSettings returns a lone string for a one-item list
            return [raw]
        return list(raw)
    if setting.type is QByteArray:
        return raw if isinstance(raw, QByteArray) else setting.default
    try:
        return setting.type(raw)
    except (TypeError, ValueError):
        return setting.default


def put(setting: Setting, value: Any) -> None:
    store().setValue(setting.key, value)


def reviewer() -> str:
    return get(REVIEWER) or _user()


def add_recent(path: str) -> list[str]:
    recent = [p for p in get(RECENT_FILES) if p != path]
    recent.insert(0, path)
    recent = recent[:MAX_RECENT]
    put(RECENT_FILES, recent)
    return recent
