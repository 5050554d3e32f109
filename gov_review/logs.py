"""The application log: a rotating file in the user's log folder, so a crash report can point to it.

Windows ``%LOCALAPPDATA%\\gov-review\\logs``, elsewhere ``$XDG_STATE_HOME/gov-review/logs`` (default
``~/.local/state/gov-review/logs``); ``GOV_REVIEW_LOG_DIR`` overrides both. No Qt here: the command
line logs the same way.
"""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_NAME = "gov-review.log"
MAX_BYTES = 1_000_000  # a few weeks of normal use; a crash loop cannot fill the disk
BACKUPS = 4
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"
_handler: dict[str, RotatingFileHandler | None] = {"file": None}


def log_dir() -> Path:
    """The folder the log goes to (not created here)."""
    override = os.environ.get("GOV_REVIEW_LOG_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "gov-review" / "logs"
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "gov-review" / "logs"


def log_path() -> Path | None:
    """The file being written, or None when logging to a file is not set up (or failed)."""
    handler = _handler["file"]
    return Path(handler.baseFilename) if handler is not None else None


def setup(level: int = logging.INFO, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> Path | None:
    """Log to the rotating file (once per process; calling again returns the same path).

    A folder that cannot be written (locked-down profile, full disk) must not stop the app: the
    log then goes to stderr only and None is returned.
    """
    if _handler["file"] is not None:
        return log_path()
    root = logging.getLogger()
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    folder = log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            folder / LOG_NAME, maxBytes=max_bytes, backupCount=backups, encoding="utf-8", delay=False
        )
    except OSError as exc:
        logging.getLogger(__name__).warning("cannot write the log in %s: %s", folder, exc)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    _handler["file"] = handler
    from gov_review import __version__

    logging.getLogger("gov_review").info(
        "gov-review %s started (Python %s, %s)", __version__, sys.version.split()[0], sys.platform
    )
    return log_path()


def shutdown() -> None:
    """Detach and close the file handler (tests, or before deleting the folder)."""
    handler = _handler["file"]
    if handler is None:
        return
    logging.getLogger().removeHandler(handler)
    handler.close()
    _handler["file"] = None
