"""The review bundle (``.grb``): one zip holding the original report, the review and its outputs.

Members::

    manifest.json          schema, tool version, created/modified, reviewer, SHA-256 of every member
    source/<file name>     the original report, byte for byte
    review.json            ReviewSession.to_dict(): values, edits, notes, waivers, findings at save time
    exports/…              corrected report, corrections table, memo (optional)

Saving is atomic (temp file in the target folder, fsync, ``os.replace``): a crash or a full disk
leaves the previous bundle as it was. Opening treats the file as untrusted: the zip's directory is
checked (names, types, sizes, ratios, count) before anything is inflated, every member's hash is
verified, and only then is the source re-read and the review replayed onto it.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import os
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from typing import Any

from gov_review import __version__
from gov_review.core.errors import BundleConflict, BundleError, GovReviewError, SaveError
from gov_review.core.review.ondisk import bundle_changed, sweep_temp_files
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import (
    REVIEW_SCHEMA,
    ReviewSession,
    SourceInfo,
    remember_source,
    source_of,
)
from gov_review.core.review.validate import ReviewStateError

BUNDLE_FORMAT = "gov-review-bundle"
BUNDLE_SCHEMA = 1
SUFFIX = ".grb"

MB = 1024 * 1024
# A report is a few MB; its exports a few more. Anything far beyond is not a bundle we wrote.
MAX_BUNDLE_FILE = 512 * MB
MAX_MEMBERS = 64
# A bomb is what inflates beyond what memory can hold: the limits are on the inflated sizes. The
# readers refuse sources over 80 MB, so no member the tool writes comes near these.
MAX_MEMBER_SIZE = 128 * MB
MAX_TOTAL_SIZE = 256 * MB
MAX_JSON_SIZE = 32 * MB
# A high ratio alone is no bomb (a report padded with 1.5 MB of spaces deflates 1000:1); it is
# only suspicious on a member larger than any source the readers accept.
MAX_RATIO = 200
RATIO_CHECK_FROM = 96 * MB

MANIFEST = "manifest.json"
REVIEW = "review.json"
SOURCE_DIR = "source/"
EXPORTS_DIR = "exports/"


def now_iso() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ------------------------------------------------------------------------------------------------
# Save


def build_bundle_bytes(
    session: ReviewSession,
    *,
    exports: Mapping[str, bytes] | None = None,
) -> bytes:
    """The bundle as bytes (what save_bundle writes), with ``exports`` (file name → bytes) if given."""
    source = source_of(session)
    created = source.created or now_iso()
    members: dict[str, bytes] = {}
    members[SOURCE_DIR + _safe_name(source.name)] = source.data
    review = session.to_dict()
    members[REVIEW] = json.dumps(review, ensure_ascii=False, indent=1).encode("utf-8")
    if exports is True:  # the outputs are made by the export layer: export.outputs.save_with_exports
        raise TypeError("pass the exports themselves (see export.outputs.save_with_exports)")
    for name, data in (exports or {}).items():
        members[EXPORTS_DIR + _safe_name(name)] = data
    manifest = {
        "format": BUNDLE_FORMAT,
        "schema": BUNDLE_SCHEMA,
        "review_schema": review.get("schema", REVIEW_SCHEMA),
        "tool": "gov-review",
        "tool_version": __version__,
        "created": created,
        "modified": now_iso(),
        "reviewer": session.reviewer,
        "source": {"name": source.name, "sha256": source.sha256, "size": len(source.data)},
        "members": {name: {"sha256": sha256(data), "size": len(data)} for name, data in members.items()},
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
        for name, data in members.items():
            # Already-compressed members (docx, xlsx, pdf) gain nothing from deflate.
            packed = name.lower().endswith((".docx", ".xlsx", ".pdf", ".png", ".zip"))
            zf.writestr(name, data, compress_type=zipfile.ZIP_STORED if packed else zipfile.ZIP_DEFLATED)
    source.created = created
    return buf.getvalue()


def _safe_name(name: str) -> str:
    """A member file name with no folder part, so that no name we write could climb out on extract."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    return base if base not in ("", ".", "..") else "report"


def _write_bytes(fh: io.BufferedWriter, data: bytes) -> None:
    """The one place bundle bytes reach the disk (tests make it fail as a full disk would)."""
    fh.write(data)


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that the file is either the old one or the new one, never half.

    Raises SaveError (save_disk_full / save_read_only / save_failed); no temp file is left behind.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    name = target.name
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
        if os.name == "posix":  # mkstemp makes 0600; the user's files get the user's umask
            os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            _write_bytes(fh, data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        tmp = None
        _fsync_dir(folder)
    except OSError as exc:
        raise _save_error(exc, name, folder) from exc
    finally:
        if tmp is not None:
            # The temp file may never have come to be, or the folder vanished with it.
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # elsewhere: set and restore at once
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    # The rename itself must reach the disk, or a power cut can undo it (POSIX only).
    if os.name != "posix":
        return
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass  # some file systems refuse fsync on a directory; the data itself is synced
    finally:
        os.close(dfd)


def _save_error(exc: OSError, name: str, folder: Path) -> SaveError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return SaveError("save_disk_full", name=name)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return SaveError("save_read_only", name=name, folder=str(folder))
    return SaveError("save_failed", name=name, reason=exc.strerror or str(exc))


def save_bundle(
    session: ReviewSession,
    path: str | os.PathLike[str],
    *,
    exports: Mapping[str, bytes] | None = None,
    overwrite: bool = False,
) -> str:
    """Save the review as a bundle at ``path`` (atomically), with ``exports`` (file name → bytes) if
    given. Returns the path written. export.outputs.save_with_exports makes and adds the outputs.

    When ``path`` is the bundle this session was opened from (or last saved to) and someone else has
    saved it since, nothing is written: BundleConflict, unless ``overwrite`` (the reviewer chose to).
    """
    info = source_of(session)
    if not overwrite and bundle_changed(info, path):
        raise BundleConflict("bundle_changed", name=os.path.basename(str(path)))
    data = build_bundle_bytes(session, exports=exports)
    sweep_temp_files(path)
    atomic_write(path, data)
    info.bundle_path = str(path)
    info.bundle_sha256 = sha256(data)
    return str(path)


# ------------------------------------------------------------------------------------------------
# Open


@dataclass(slots=True)
class BundleContents:
    manifest: dict[str, Any]
    review: dict[str, Any]
    source_name: str
    source: bytes
    exports: dict[str, bytes] = field(default_factory=dict)
    digest: str = ""  # SHA-256 of the bundle file as read


def _hostile(name: str, reason: str) -> BundleError:
    return BundleError("bundle_hostile", name=name, reason=reason)


def _check_member_name(bundle: str, member: str) -> None:
    if not member or "\x00" in member or "\\" in member:
        raise _hostile(bundle, f"成员名“{member!r}”不合法")
    if member.startswith("/") or (len(member) > 1 and member[1] == ":"):
        raise _hostile(bundle, f"成员“{member}”使用了绝对路径")
    parts = PurePosixPath(member).parts
    if any(p in ("..", ".") for p in parts) or member.endswith("/"):
        raise _hostile(bundle, f"成员“{member}”的路径试图跳出审核包")


def _check_directory(bundle: str, zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise _hostile(bundle, f"包内有 {len(infos)} 个成员")
    seen: set[str] = set()
    total = 0
    for info in infos:
        _check_member_name(bundle, info.filename)
        if info.filename in seen:
            raise _hostile(bundle, f"成员“{info.filename}”重复出现")
        seen.add(info.filename)
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind and kind != stat.S_IFREG:  # zips made on Windows carry no type bits at all
            raise _hostile(bundle, f"成员“{info.filename}”是符号链接或特殊文件")
        if info.flag_bits & 0x1:
            raise _hostile(bundle, f"成员“{info.filename}”被加密")
        total += info.file_size
        if info.file_size > MAX_MEMBER_SIZE or total > MAX_TOTAL_SIZE:
            raise _hostile(bundle, "解压后体积异常（疑似压缩炸弹）")
        if info.file_size > RATIO_CHECK_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _hostile(bundle, "压缩比异常（疑似压缩炸弹）")
    return infos


def _read(bundle: str, zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    try:
        with zf.open(info) as fh:
            # The header's size can lie; never inflate more than it claimed.
            out = fh.read(min(cap, info.file_size) + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise BundleError("bundle_corrupt", name=bundle, reason=f"无法解压 {info.filename}") from exc
    if len(out) > min(cap, info.file_size):
        raise _hostile(bundle, f"成员“{info.filename}”解压后比声明的大（疑似压缩炸弹）")
    return out


def _json(bundle: str, member: str, data: bytes) -> dict[str, Any]:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BundleError("bundle_corrupt", name=bundle, reason=f"{member} 不是有效的 JSON") from exc
    if not isinstance(value, dict):
        raise BundleError("bundle_corrupt", name=bundle, reason=f"{member} 内容不完整")
    return value


def read_bundle(path: str | os.PathLike[str], data: bytes | None = None) -> BundleContents:
    """Read and verify a bundle's members without analysing the source. Raises BundleError."""
    name = os.path.basename(str(path))
    if data is None:
        try:
            size = os.path.getsize(path)
            if size > MAX_BUNDLE_FILE:
                raise _hostile(name, f"文件有 {size // MB} MB")
            data = Path(path).read_bytes()
        except FileNotFoundError as exc:
            raise BundleError("not_found", name=name) from exc
        except OSError as exc:
            raise BundleError("unreadable", name=name, reason=exc.strerror or str(exc)) from exc
    if not data.startswith(b"PK"):
        raise BundleError("bundle_not_bundle", name=name)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    # NotImplementedError: a damaged header claiming a zip version Python does not read.
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError, NotImplementedError) as exc:
        raise BundleError("bundle_corrupt", name=name, reason="ZIP 结构不完整") from exc
    with zf:
        infos = {i.filename: i for i in _check_directory(name, zf)}
        if MANIFEST not in infos:
            raise BundleError("bundle_not_bundle", name=name)
        manifest = _json(name, MANIFEST, _read(name, zf, infos[MANIFEST], MAX_JSON_SIZE))
        if manifest.get("format") != BUNDLE_FORMAT:
            raise BundleError("bundle_not_bundle", name=name)
        schema = manifest.get("schema", 0)
        if not isinstance(schema, int) or schema > BUNDLE_SCHEMA:
            raise BundleError("bundle_newer", name=name, schema=schema, supported=BUNDLE_SCHEMA)
        manifest = _upgrade_manifest(name, manifest)
        listed: dict[str, dict[str, Any]] = manifest["members"]
        present = set(infos) - {MANIFEST}
        for member in sorted(present | set(listed)):
            if member not in listed:
                raise BundleError("bundle_tampered", name=name, member=member)
            if member not in infos:
                raise BundleError("bundle_corrupt", name=name, reason=f"缺少 {member}")
        contents: dict[str, bytes] = {}
        for member in sorted(present):
            cap = MAX_JSON_SIZE if member.endswith(".json") else MAX_MEMBER_SIZE
            blob = _read(name, zf, infos[member], cap)
            if sha256(blob) != listed[member]["sha256"]:
                raise BundleError("bundle_tampered", name=name, member=member)
            contents[member] = blob
    sources = [m for m in contents if m.startswith(SOURCE_DIR)]
    if len(sources) != 1 or REVIEW not in contents:
        raise BundleError("bundle_corrupt", name=name, reason="缺少报告原件或审核记录")
    review = _json(name, REVIEW, contents[REVIEW])
    rschema = review.get("schema", 0)
    if not isinstance(rschema, int) or rschema > REVIEW_SCHEMA:
        raise BundleError("bundle_newer", name=name, schema=rschema, supported=REVIEW_SCHEMA)
    review = _upgrade_review(review)
    exports = {m[len(EXPORTS_DIR) :]: b for m, b in contents.items() if m.startswith(EXPORTS_DIR)}
    return BundleContents(
        manifest, review, sources[0][len(SOURCE_DIR) :], contents[sources[0]], exports, sha256(data)
    )


def open_bundle(path: str | os.PathLike[str], reviewer: str | None = None) -> ReviewSession:
    """Open a bundle: verify it, re-read the original from its bytes and replay the review.

    Raises BundleError for a bundle that is damaged, tampered with, hostile or from a newer tool,
    and the source's own ReadError if the original inside cannot be read.
    """
    contents = read_bundle(path)
    sweep_temp_files(path)
    report = analyse_file(contents.source_name, data=contents.source)
    if report.error is not None:
        raise report.error
    session = ReviewSession(report, reviewer or str(contents.review.get("reviewer") or ""))
    try:
        session.restore(contents.review)
    except ReviewStateError as exc:
        raise BundleError("bundle_invalid", name=os.path.basename(str(path)), reason=exc.reason_zh) from None
    if reviewer:
        session.reviewer = reviewer
    saved = sorted(_finding_id(f) for f in contents.review.get("findings", []))
    now = sorted(_finding_id(f.to_dict() | {"waived": session.is_waived(f)}) for f in session.findings)
    info = remember_source(session, contents.source, contents.source_name)
    info.created = str(contents.manifest.get("created", ""))
    info.bundle_path = str(path)
    info.bundle_sha256 = contents.digest
    # A newer rule pack may judge the same numbers differently; the GUI can say so.
    info.findings_match = saved == now
    return session


def _finding_id(f: dict[str, Any]) -> tuple[str, str, tuple[str, ...], bool]:
    return (
        str(f.get("code") or f.get("rule")),
        str(f.get("severity")),
        tuple(str(c) for c in f["cells"]) if isinstance(f.get("cells"), list) else (),
        bool(f.get("waived")),
    )


def bundle_info(session: ReviewSession) -> SourceInfo:
    """Where the session came from (name, bytes, created, bundle path, findings_match)."""
    return source_of(session)


# ------------------------------------------------------------------------------------------------
# Upgrades: each step takes a document of schema n to n + 1. Schema 0 is the development format
# (members listed as bare hashes, review without notes or waivers).


def _upgrade_manifest(bundle: str, manifest: dict[str, Any]) -> dict[str, Any]:
    """Schema 0 → 1, then the member list checked: ``{name: {"sha256": hex, ...}}``."""
    members = manifest.get("members")
    if not isinstance(members, dict):
        raise BundleError("bundle_corrupt", name=bundle, reason="清单中的成员列表格式不对")
    if manifest.get("schema", 0) < 1:
        members = {k: (v if isinstance(v, dict) else {"sha256": str(v)}) for k, v in members.items()}
    for k, v in members.items():
        if not isinstance(v, dict) or not isinstance(v.get("sha256"), str):
            raise BundleError("bundle_corrupt", name=bundle, reason=f"清单中“{str(k)[:40]}”的记录格式不对")
    manifest = dict(manifest)
    manifest["members"] = members
    manifest["schema"] = 1
    return manifest


def _upgrade_review(review: dict[str, Any]) -> dict[str, Any]:
    if review.get("schema", 0) < 1:
        review = dict(review)
        review.setdefault("edits", [])
        review.setdefault("notes", [])
        review.setdefault("waivers", [])
        review.setdefault("findings", [])
        review["schema"] = 1
    return review


def describe_error(exc: GovReviewError, lang: str = "zh") -> str:
    """The sentence to show for a failed open or save."""
    return exc.message(lang)
