"""Who signs a memo exported from the command line, without loading Qt.

``gov-review export --reviewer NAME --unit UNIT`` signs with what it is given. Without the options
the CLI reads 审核人 and 审核单位 from the window's own settings file (QSettings' INI file: on Linux
and macOS ``$XDG_CONFIG_HOME`` or ``~/.config``, on Windows ``%APPDATA%``, then
``gov-review/gov-review.ini``), read here as plain text. A bundle's own reviewer and unit come
before the settings file (they are who did that review). If none of these says, the field is left
blank: the memo then has an empty line to sign by hand, never the login name.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SECTION = "review"
KEYS = {"reviewer": "reviewer", "unit": "unit"}


def settings_path() -> Path:
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "gov-review" / "gov-review.ini"


def _unquote(value: str) -> str:
    """A QSettings INI value: plain, or in double quotes with backslash escapes (when it holds a comma)."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        out, chars = [], iter(value[1:-1])
        for ch in chars:
            out.append(next(chars, "") if ch == "\\" else ch)
        return "".join(out)
    return "" if value.startswith("@") else value  # "@Invalid()", "@ByteArray(…)": not a name


def saved_identity(path: Path | None = None) -> dict[str, str]:
    """{"reviewer": …, "unit": …} from the window's settings; blanks when unreadable."""
    out = {"reviewer": "", "unit": ""}
    try:
        text = (path or settings_path()).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return out
    section = ""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip().lower()
        elif section == SECTION and "=" in line:
            key, value = line.split("=", 1)
            name = KEYS.get(key.strip())
            if name:
                out[name] = _unquote(value)
    return out
