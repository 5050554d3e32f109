"""What changed on disk behind an open review: the bundle saved by someone else, the original report
rewritten, temp files an interrupted save left behind.

Two reviewers (or two windows) may open one bundle; the second to save must not silently replace
the first one's work, so a save first compares the file with what this session opened or last
wrote (its SHA-256). The GUI also asks on focus and before saving whether the files changed.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import time
from pathlib import Path

from gov_review.core.review.session import ReviewSession, SourceInfo


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_digest(path: str | os.PathLike[str]) -> str | None:
    try:
        return sha256_of(Path(path).read_bytes())
    except OSError:
        return None  # gone or unreadable: nothing of anyone's to overwrite by surprise


def bundle_changed(info: SourceInfo | None, path: str | os.PathLike[str] | None = None) -> bool:
    """True when the bundle at ``path`` (default: the session's own, ``info.bundle_path``) is no
    longer what the session opened or last saved: another reviewer, window or program wrote it."""
    if info is None:
        return False
    target = path if path is not None else info.bundle_path
    if target is None or info.bundle_sha256 is None or info.bundle_path is None:
        return False
    if os.path.abspath(str(target)) != os.path.abspath(info.bundle_path):
        return False
    now = _file_digest(target)
    return now is not None and now != info.bundle_sha256


def source_changed(session: ReviewSession) -> bool:
    """True when the original report file (at an absolute path) the session was opened from now
    holds other bytes. A session opened from a bundle reviews the copy inside it: never changed."""
    info = session.source
    path = session.report.path
    if info is None:
        return False
    if not os.path.isabs(path):  # opened from a bundle: the path is only the original's name
        return False
    now = _file_digest(path)
    return now is not None and now != info.sha256


STALE_TEMP_SECONDS = 120.0  # a temp file older than this is no save in progress (a save takes seconds)


def sweep_temp_files(path: str | os.PathLike[str], older_than: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Delete the temp files (``.<name>.*.tmp``) that an interrupted save of ``path`` left beside it.

    Only files older than ``older_than`` seconds go, so a save running in another process is not
    disturbed. Never raises: a folder that cannot be listed simply keeps its leftovers.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    limit = time.time() - older_than
    gone: list[Path] = []
    try:
        leftovers = list(folder.glob(f".{glob.escape(target.name)}.*.tmp"))
    except (OSError, ValueError):
        return gone
    for tmp in leftovers:
        with contextlib.suppress(OSError):
            if tmp.is_file() and tmp.stat().st_mtime < limit:
                tmp.unlink()
                gone.append(tmp)
    return gone
