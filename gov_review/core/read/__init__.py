"""Readers: file bytes → SourceDocument. The file's content decides the reader, not its name.

Each reader module exposes ``read(path: str, data: bytes) -> SourceDocument`` and raises
``ReadError`` for anything a reviewer must be told about. Modules are imported lazily so that
starting the app does not pay for python-docx, lxml or pypdfium2.
"""

from __future__ import annotations

import errno
import importlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

from gov_review.core.errors import ReadError
from gov_review.core.model import SourceDocument

MB = 1024 * 1024
# The errors for which pathlib's exists() answers False rather than raising.
_MISSING_ERRNOS = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)
_MISSING_WINERRORS = (21, 123, 1921)  # not ready, invalid name, cannot resolve the name
# A real annual report is well under these; anything larger is refused before it is parsed.
SIZE_LIMITS = {"text": 20 * MB, "html": 20 * MB, "docx": 60 * MB, "pdf": 80 * MB, "legacy": 60 * MB}

READER_MODULES = {
    "text": "gov_review.core.read.text",
    "docx": "gov_review.core.read.docx",
    "html": "gov_review.core.read.html",
    "pdf": "gov_review.core.read.pdf",
    "legacy": "gov_review.core.read.legacy",
}

KIND_NAMES_ZH = {
    "text": "纯文本",
    "docx": "Word 文档（.docx）",
    "html": "网页（HTML）",
    "pdf": "PDF 文件",
    "legacy": "旧版 Word/WPS 文件",
    "zip": "ZIP 压缩包",
    "binary": "二进制数据",
}

EXTENSION_KINDS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".docx": "docx",
    ".docm": "docx",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".mht": "html",
    ".pdf": "pdf",
    ".doc": "legacy",
    ".wps": "legacy",
}


def sniff(data: bytes) -> str:
    """Guess a file's kind from its first bytes."""
    head = data[:2048]
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "legacy"  # OLE2: .doc, .wps, or an encrypted .docx
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or (
        b"<html" in lowered[:1024] or b"<table" in lowered or b"<body" in lowered or b"<meta" in lowered
    ):
        return "html"
    return "text"


def read_document(path: str | os.PathLike[str], data: bytes | None = None) -> SourceDocument:
    """Read any supported report file. Raises ReadError with a clear message on bad input."""
    p = Path(path)
    name = p.name
    if data is None:
        # One stat instead of exists() + is_file() + stat(): on some file systems each costs as much
        # as reading a small report. Same answers: a missing path (or a broken link) is not_found.
        try:
            st = p.stat()
        except OSError as exc:
            if exc.errno in _MISSING_ERRNOS or getattr(exc, "winerror", None) in _MISSING_WINERRORS:
                raise ReadError("not_found", name=str(p)) from exc
            raise
        except ValueError as exc:  # a name the OS cannot take (e.g. a NUL character)
            raise ReadError("not_found", name=str(p)) from exc
        if not stat.S_ISREG(st.st_mode):
            raise ReadError("not_a_file", name=name)
        size = st.st_size
        limit = max(SIZE_LIMITS.values())
        if size > limit:
            raise ReadError("too_large", name=name, size_mb=size // MB, limit_mb=limit // MB)
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise ReadError("unreadable", name=name, reason=exc.strerror or type(exc).__name__) from exc
    if not data:
        raise ReadError("empty", name=name)

    kind = sniff(data)
    ext = p.suffix.lower()
    if kind == "zip":
        kind = "docx"  # the docx reader tells a docx from any other zip
    if ext in (".doc", ".wps") and kind == "docx":
        kind = "docx"  # a .doc that is really a .docx: read it as what it is
    limit = SIZE_LIMITS.get(kind, 20 * MB)
    if len(data) > limit:
        raise ReadError("too_large", name=name, size_mb=len(data) // MB, limit_mb=limit // MB)
    reader = _reader(kind)
    doc = reader(str(p), data)
    expected = EXTENSION_KINDS.get(ext)
    if expected is not None and expected != doc.kind and not (expected == "legacy" and doc.kind == "docx"):
        doc.notes.append(
            ("extension_mismatch", {"ext": ext, "actual": KIND_NAMES_ZH.get(doc.kind, doc.kind)})
        )
    return doc


def _reader(kind: str) -> Callable[[str, bytes], SourceDocument]:
    module_name = READER_MODULES.get(kind)
    if module_name is None:  # pragma: no cover - sniff only returns known kinds
        raise ReadError("binary", name="?")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            raise ReadError("unsupported_type", name="", ext=kind) from exc
        raise
    return module.read
