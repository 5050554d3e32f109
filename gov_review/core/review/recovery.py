"""Autosave and crash recovery: the review state written every few seconds to the user data folder.

The GUI calls ``RecoveryStore(folder).save(session)`` from a QTimer (it is cheap when nothing
changed), ``pending()`` at start-up to offer what a crash left behind, ``load(entry)`` to bring one
back and ``discard(session)`` on a clean close. Each session has two files: ``<id>.json`` (review
state, source name/path/SHA-256, bundle path, time) rewritten atomically, and ``<id>.src`` (the
original's bytes, written once) so a report moved or deleted since can still be recovered.

The core takes the folder as a parameter (QStandardPaths is the GUI's business); ``default_dir()``
is the same place without Qt.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
import uuid
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gov_review.core.errors import BundleError, SaveError
from gov_review.core.review.bundle import atomic_write, now_iso, remember_source, sha256, source_of
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import ReviewSession
from gov_review.core.review.validate import ReviewStateError

RECOVERY_SCHEMA = 1
MAX_STATE = 64 * 1024 * 1024
STALE_SECONDS = 120.0  # a leftover older than this is no save in progress (a save takes milliseconds)


def default_dir() -> Path:
    """``%APPDATA%\\gov-review\\recovery``, ``~/Library/Application Support/…`` or ``$XDG_DATA_HOME/…``."""
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        base = Path(os.environ["APPDATA"])
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "gov-review" / "recovery"


@dataclass(slots=True)
class RecoveryEntry:
    id: str
    state_path: Path
    source_name: str = ""
    source_path: str = ""
    bundle_path: str | None = None
    reviewer: str = ""
    saved: str = ""
    edits: int = 0
    notes: int = 0
    damaged: bool = False  # unreadable: offer to delete it, not to restore it


class RecoveryStore:
    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_dir()
        self._ids: weakref.WeakKeyDictionary[ReviewSession, str] = weakref.WeakKeyDictionary()
        self._saved_revision: weakref.WeakKeyDictionary[ReviewSession, int] = weakref.WeakKeyDictionary()

    def _id(self, session: ReviewSession) -> str:
        rid = self._ids.get(session)
        if rid is None:
            rid = uuid.uuid4().hex
            self._ids[session] = rid
        return rid

    def save(self, session: ReviewSession) -> Path | None:
        """Write the session's state if it changed since the last save. Raises SaveError."""
        if self._saved_revision.get(session) == session.revision and self._state_path(session).exists():
            return None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveError("save_failed", name=str(self.folder), reason=exc.strerror or str(exc)) from exc
        source = source_of(session)
        rid = self._id(session)
        src = self.folder / f"{rid}.src"
        if not src.exists():
            atomic_write(src, source.data)
        state: dict[str, Any] = {
            "schema": RECOVERY_SCHEMA,
            "id": rid,
            "saved": now_iso(),
            "source": {"name": source.name, "path": session.report.path, "sha256": source.sha256},
            "bundle_path": source.bundle_path,
            "bundle_sha256": source.bundle_sha256,
            "created": source.created,
            "review": session.to_dict(),
        }
        path = self._state_path(session)
        atomic_write(path, json.dumps(state, ensure_ascii=False).encode("utf-8"))
        self._saved_revision[session] = session.revision
        return path

    def _state_path(self, session: ReviewSession) -> Path:
        return self.folder / f"{self._id(session)}.json"

    def id_of(self, session: ReviewSession) -> str | None:
        """The id of the session's recovery entry, or None if none was written (or it was discarded)."""
        return self._ids.get(session)

    def sweep(self, older_than: float = STALE_SECONDS) -> list[Path]:
        """Delete what a save interrupted by a crash left behind: ``*.tmp`` files of atomic writes and
        ``<id>.src`` copies whose state file never came to be. Only leftovers older than
        ``older_than`` seconds go, so a save running in another instance is not disturbed."""
        if not self.folder.is_dir():
            return []
        limit = time.time() - older_than
        gone: list[Path] = []
        for path in self.folder.iterdir():
            orphan = path.suffix == ".src" and not path.with_suffix(".json").exists()
            if path.suffix != ".tmp" and not orphan:
                continue
            with contextlib.suppress(OSError):  # vanished meanwhile, or not ours to delete
                if path.is_file() and path.stat().st_mtime < limit:
                    path.unlink()
                    gone.append(path)
        return gone

    def pending(self) -> list[RecoveryEntry]:
        """What a previous run left behind, newest first (damaged files included, flagged)."""
        if not self.folder.is_dir():
            return []
        out: list[RecoveryEntry] = []
        for path in self.folder.glob("*.json"):
            entry = RecoveryEntry(id=path.stem, state_path=path)
            try:
                state = self._read(path)
                src = state["source"]
                review = state["review"]
                entry.source_name = str(src["name"])
                entry.source_path = str(src.get("path", ""))
                entry.bundle_path = state.get("bundle_path")
                entry.reviewer = str(review.get("reviewer", ""))
                entry.saved = str(state.get("saved", ""))
                entry.edits = len(review.get("edits", []))
                entry.notes = len(review.get("notes", []))
            except (BundleError, KeyError, TypeError, AttributeError):
                entry.damaged = True
            out.append(entry)
        out.sort(key=lambda e: e.saved, reverse=True)
        return out

    def _read(self, path: Path) -> dict[str, Any]:
        try:
            if path.stat().st_size > MAX_STATE:
                raise BundleError("recovery_unreadable", name=path.name)
            state = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise BundleError("recovery_unreadable", name=path.name) from exc
        if not isinstance(state, dict) or not isinstance(state.get("review"), dict):
            raise BundleError("recovery_unreadable", name=path.name)
        return state

    def load(self, entry: RecoveryEntry) -> ReviewSession:
        """Bring a session back as it was at its last autosave. Raises BundleError."""
        state = self._read(entry.state_path)
        try:
            src = state["source"]
            name, digest = str(src["name"]), str(src["sha256"])
        except (KeyError, TypeError) as exc:
            raise BundleError("recovery_unreadable", name=entry.state_path.name) from exc
        data: bytes | None = None
        for candidate in (self.folder / f"{entry.id}.src", Path(str(src.get("path", "")))):
            with contextlib.suppress(OSError):
                blob = candidate.read_bytes()
                if sha256(blob) == digest:
                    data = blob
                    break
        if data is None:
            raise BundleError("recovery_unreadable", name=entry.state_path.name)
        report = analyse_file(name, data=data)
        if report.error is not None:
            raise report.error
        session = ReviewSession(report, str(state["review"].get("reviewer", "")))
        session.report.path = str(src.get("path") or name)
        try:
            session.restore(state["review"])
        except ReviewStateError as exc:
            raise BundleError("recovery_unreadable", name=entry.state_path.name) from exc
        info = remember_source(session, data, name)
        info.bundle_path = state.get("bundle_path")
        digest = state.get("bundle_sha256")
        info.bundle_sha256 = digest if isinstance(digest, str) else None
        info.created = str(state.get("created") or "")
        # Later autosaves of the recovered session replace this entry rather than adding one.
        self._ids[session] = entry.id
        self._saved_revision[session] = session.revision
        return session

    def discard(self, item: ReviewSession | RecoveryEntry) -> None:
        """Remove a session's recovery files (a clean close, or the reviewer declined recovery)."""
        if isinstance(item, RecoveryEntry):
            rid = item.id
        else:
            rid = self._ids.pop(item, None)
            self._saved_revision.pop(item, None)
            if rid is None:
                return
        for suffix in (".json", ".src"):
            with contextlib.suppress(FileNotFoundError):
                (self.folder / f"{rid}{suffix}").unlink()
