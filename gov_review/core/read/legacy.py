"""Legacy Word/WPS files (.doc, .wps: OLE2 compound files), read by converting them to .docx.

OLE2 is also the wrapper of a password-protected .docx (an ``EncryptedPackage`` stream), so the
container's directory is read first: a protected file must be reported as such, not handed to a
converter that would hang on a password prompt or fail obscurely. A protected .doc is spotted by
the ``fEncrypted`` flag of its FIB.

Conversion needs LibreOffice (``soffice``). It runs headless with a private, throw-away profile (a
reviewer's own LibreOffice may be open, and a shared profile would lock or be changed), in a
temporary directory, with a time limit. The result is read by the docx reader; its anchors point
into the converted file, which is fine for highlighting but cannot be written back into the .doc.
"""

from __future__ import annotations

import os
import shutil
import signal
import struct
import subprocess
import tempfile
from pathlib import Path

from gov_review.core.errors import ReadError
from gov_review.core.model import SourceDocument
from gov_review.core.read import docx as docx_reader

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CONVERT_TIMEOUT = 60  # seconds; a report converts in a few
_ENDOFCHAIN = 0xFFFFFFFE
_FREESECT = 0xFFFFFFFF
_MAX_DIR_ENTRIES = 20000

# Streams that say the OLE file is something else than a Word/WPS document.
_OTHER_OLE = {
    "Workbook": "Excel 表格（.xls）",
    "Book": "Excel 表格（.xls）",
    "PowerPoint Document": "PowerPoint 演示文稿（.ppt）",
}


def _name_of(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


class _Ole:
    """Just enough of [MS-CFB] to list stream names and read the start of a stream."""

    def __init__(self, data: bytes) -> None:
        if not data.startswith(OLE_MAGIC) or len(data) < 512:
            raise ValueError("not OLE2")
        self.data = data
        shift = struct.unpack_from("<H", data, 30)[0]
        if shift not in (9, 12):
            raise ValueError("bad sector size")
        self.ss = 1 << shift
        n_fat, first_dir = struct.unpack_from("<II", data, 44)
        first_difat, n_difat = struct.unpack_from("<II", data, 68)
        # Every chain is bounded by the sectors the file really has, and a sector met twice is a
        # loop: a damaged or hostile header cannot make this read more than the file once.
        self.n_sectors = len(data) // self.ss - 1
        fat_sectors = [s for s in struct.unpack_from("<109I", data, 76) if s < _ENDOFCHAIN]
        sector, visited = first_difat, set()
        while sector < _ENDOFCHAIN and len(visited) < n_difat:
            if sector in visited:
                raise ValueError("DIFAT chain loops")
            visited.add(sector)
            ids = struct.unpack_from(f"<{self.ss // 4}I", self._sector(sector))
            fat_sectors.extend(s for s in ids[:-1] if s < _ENDOFCHAIN)
            if len(fat_sectors) > self.n_sectors:
                raise ValueError("more FAT sectors than the file has")
            sector = ids[-1]
        fat_sectors = fat_sectors[: max(n_fat, 0) or len(fat_sectors)]
        fat: list[int] = []
        for s in fat_sectors:
            fat.extend(struct.unpack_from(f"<{self.ss // 4}I", self._sector(s)))
        self.fat = fat
        self.entries = self._directory(first_dir)

    def _sector(self, sector: int) -> bytes:
        start = (sector + 1) * self.ss
        if sector >= _ENDOFCHAIN or start + self.ss > len(self.data):
            raise ValueError("sector beyond end of file")
        return self.data[start : start + self.ss]

    def _chain(self, start: int):
        sector, steps = start, 0
        while sector < _ENDOFCHAIN:
            if sector >= len(self.fat) or steps > len(self.fat):
                raise ValueError("broken sector chain")
            yield sector
            sector, steps = self.fat[sector], steps + 1

    def _directory(self, first: int) -> list[tuple[str, int, int, int]]:
        """(name, type, start sector, size) of every directory entry."""
        out: list[tuple[str, int, int, int]] = []
        for sector in self._chain(first):
            block = self._sector(sector)
            for off in range(0, self.ss, 128):
                raw = block[off : off + 128]
                length = struct.unpack_from("<H", raw, 64)[0]
                kind = raw[66]
                if kind == 0 or not 2 <= length <= 64:
                    continue
                name = raw[: length - 2].decode("utf-16-le", "replace")
                start, size = struct.unpack_from("<IQ", raw, 116)
                out.append((name, kind, start, size))
                if len(out) > _MAX_DIR_ENTRIES:
                    raise ValueError("too many directory entries")
        return out

    def names(self) -> set[str]:
        return {name for name, kind, _s, _z in self.entries if kind in (1, 2)}

    def stream_head(self, name: str, n: int = 64) -> bytes | None:
        """The first bytes of a stream stored in regular sectors (a Word stream always is)."""
        for entry, kind, start, size in self.entries:
            if entry == name and kind == 2 and size >= 4096:
                return self._sector(start)[:n]
        return None


def inspect(name: str, data: bytes) -> None:
    """Raise the ReadError a reviewer must see before any conversion is attempted."""
    try:
        ole = _Ole(data)
        names = ole.names()
        head = ole.stream_head("WordDocument")
    except (ValueError, struct.error, IndexError, MemoryError):
        # An unreadable directory: still refuse a protected .docx whose stream name is visible.
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise ReadError("encrypted", name=name) from None
        raise ReadError("corrupt", name=name, reason="OLE 复合文档结构损坏") from None
    if "EncryptedPackage" in names or "\x06DataSpaces" in names:
        raise ReadError("encrypted", name=name)
    for stream, actual in _OTHER_OLE.items():
        if stream in names and "WordDocument" not in names:
            raise ReadError("wrong_type", name=name, ext=Path(name).suffix.lower() or "（无）", actual=actual)
    if head is not None and len(head) >= 12:
        ident, flags = struct.unpack_from("<H", head, 0)[0], struct.unpack_from("<H", head, 10)[0]
        if ident == 0xA5EC and flags & 0x0100:  # FIB fEncrypted
            raise ReadError("encrypted", name=name)


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(name: str, ext: str, data: bytes, soffice: str, timeout: int = CONVERT_TIMEOUT) -> bytes:
    """Convert legacy bytes to .docx bytes with a headless LibreOffice; ReadError on any failure."""
    with tempfile.TemporaryDirectory(prefix="gov-review-convert-") as tmp:
        work = Path(tmp)
        src = work / f"input{ext}"  # never the reviewer's file name: it may hold shell-hostile characters
        src.write_bytes(data)
        profile = (work / "profile").as_uri()
        cmd = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "docx",
            "--outdir",
            str(work / "out"),
            str(src),
        ]
        try:
            proc = subprocess.Popen(
                cmd,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                stdin=subprocess.DEVNULL,
                cwd=tmp,
                start_new_session=True,  # so a timeout can end soffice and the helpers it starts
            )
        except OSError as exc:
            raise ReadError(
                "conversion_failed", name=name, reason=exc.strerror or type(exc).__name__
            ) from exc
        try:
            _out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            raise ReadError("timeout", name=name, seconds=timeout) from None
        result = work / "out" / "input.docx"
        if proc.returncode != 0 or not result.is_file():
            reason = (err or b"").decode("utf-8", "replace").strip().splitlines()
            raise ReadError(
                "conversion_failed",
                name=name,
                reason=(reason[-1] if reason else f"退出码 {proc.returncode}")[:200],
            )
        return result.read_bytes()


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, AttributeError):
        proc.kill()
    proc.communicate()


def read(path: str, data: bytes) -> SourceDocument:
    name = _name_of(path)
    ext = Path(name).suffix.lower()
    if ext not in (".doc", ".wps", ".dot", ".wpt"):
        ext = ".doc"
    inspect(name, data)
    soffice = soffice_path()
    if soffice is None:
        raise ReadError("needs_libreoffice", name=name, ext=ext)
    converted = convert_to_docx(name, ext, data, soffice)
    doc = docx_reader.read(path, converted)
    doc.notes.append(("converted_from", {"ext": ext}))
    return doc
