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
REVIEWER = Setting("review/reviewer", str, "")  # 审核人: signs the memo (the CLI reads it too)
UNIT = Setting("review/unit", str, "")  # 审核单位: the memo is issued in its name
IDENTITY_ASKED = Setting("review/identity_asked", bool, False)  # asked once, at the first save or export
LAST_EXPORT_DIR = Setting("files/last_export_dir", str, "")
EXPORT_DOCX_MODE = Setting("export/docx_mode", str, "clean")
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
    if setting.type is bool:  # the INI file gives back "true"/"false" as text
        return raw is True or str(raw).lower() in ("true", "1")
    try:
        return setting.type(raw)
    except (TypeError, ValueError):
        return setting.default


def put(setting: Setting, value: Any) -> None:
    store().setValue(setting.key, value)


def reviewer() -> str:
    """The reviewer's name as they gave it; "" until they do (the login name never signs)."""
    return get(REVIEWER)


def unit() -> str:
    return get(UNIT)


def login_name() -> str:
    """The operating system's user name: a suggestion for the 审核人 field, never a signature."""
    return _user()


def add_recent(path: str) -> list[str]:
    recent = [p for p in get(RECENT_FILES) if p != path]
    recent.insert(0, path)
    recent = recent[:MAX_RECENT]
    put(RECENT_FILES, recent)
    return recent
