"""Legacy .doc/.wps (OLE2): password protection is reported before anything else, conversion goes
through a headless LibreOffice with a private profile and a time limit, and without LibreOffice the
reviewer is told what to do.

OLE2 files are built here by ``_ole`` (a minimal [MS-CFB] version 3 writer: one FAT sector, one
directory sector, every stream in regular 512-byte sectors). A password-protected .docx is an OLE2
file holding ``EncryptionInfo`` and ``EncryptedPackage`` streams; that is all the reader needs to see.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

import pytest

from gov_review.core.errors import ReadError
from gov_review.core.read import legacy, read_document

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data" / "docx"
SEED_002 = next((ROOT.parent / "shared" / "seeds").glob("002_*.txt"), None)

ENDOFCHAIN, FREESECT, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
SS = 512


def _dir_entry(
    name: str, kind: int, child: int = FREESECT, right: int = FREESECT, start: int = 0, size: int = 0
) -> bytes:
    raw = name.encode("utf-16-le") + b"\x00\x00"
    entry = raw.ljust(64, b"\x00") + struct.pack("<HBB", len(raw), kind, 1)
    entry += struct.pack("<III", FREESECT, right, child) + bytes(16) + struct.pack("<IQQ", 0, 0, 0)
    entry += struct.pack("<IQ", start, size)
    assert len(entry) == 128
    return entry


def _ole(streams: dict[str, bytes]) -> bytes:
    """A CFB v3 file with the given streams (root's children chained through right siblings)."""
    sectors: list[bytes] = []
    fat = [FATSECT, ENDOFCHAIN]  # sector 0 = FAT, sector 1 = directory
    entries = [_dir_entry("Root Entry", 5, child=1 if streams else FREESECT, start=ENDOFCHAIN)]
    next_sector = 2
    for i, (name, data) in enumerate(streams.items(), start=1):
        n = max(1, -(-len(data) // SS)) if data else 0
        start = next_sector if n else ENDOFCHAIN
        for k in range(n):
            fat.append(next_sector + k + 1 if k < n - 1 else ENDOFCHAIN)
            sectors.append(data[k * SS : (k + 1) * SS].ljust(SS, b"\x00"))
        next_sector += n
        right = i + 1 if i < len(streams) else FREESECT
        entries.append(_dir_entry(name, 2, right=right, start=start, size=len(data)))
    assert len(entries) <= 4 and len(fat) <= SS // 4
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
    header += struct.pack("<109I", 0, *([FREESECT] * 108))
    assert len(header) == SS
    fat_sector = struct.pack(f"<{SS // 4}I", *(fat + [FREESECT] * (SS // 4 - len(fat))))
    directory = b"".join(entries).ljust(SS, b"\x00")
    return header + fat_sector + directory + b"".join(sectors)


def _word_stream(encrypted: bool) -> bytes:
    fib = bytearray(4096)
    struct.pack_into("<HH", fib, 0, 0xA5EC, 0xC1)
    struct.pack_into("<H", fib, 10, 0x0100 if encrypted else 0)
    return bytes(fib)


ENCRYPTED_DOCX = _ole({"EncryptionInfo": b"\x04\x00\x04\x00" + bytes(60), "EncryptedPackage": bytes(600)})


@pytest.mark.parametrize("name", ["report.docx", "report.doc"])
def test_password_protected_docx_is_reported_as_such(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(ENCRYPTED_DOCX)
    with pytest.raises(ReadError) as info:
        read_document(path)
    assert info.value.code == "encrypted"
    assert name in info.value.message_zh and "密码" in info.value.message_zh


def test_protected_docx_with_a_damaged_directory_is_still_reported_as_protected() -> None:
    damaged = bytearray(ENCRYPTED_DOCX)
    damaged[48:52] = struct.pack("<I", 999)  # the directory sector points past the end
    with pytest.raises(ReadError) as info:
        legacy.read("x.docx", bytes(damaged))
    assert info.value.code == "encrypted"


def test_password_protected_doc_is_reported_before_conversion(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(legacy, "soffice_path", lambda: pytest.fail("must not convert"))
    with pytest.raises(ReadError) as info:
        legacy.read("old.doc", _ole({"WordDocument": _word_stream(encrypted=True), "1Table": bytes(100)}))
    assert info.value.code == "encrypted"


def test_excel_97_file_named_doc_says_what_it_is() -> None:
    with pytest.raises(ReadError) as info:
        legacy.read("report.doc", _ole({"Workbook": bytes(5000)}))
    assert info.value.code == "wrong_type" and "Excel" in info.value.message_zh


def test_ole_magic_with_garbage_is_corrupt() -> None:
    with pytest.raises(ReadError) as info:
        legacy.read("x.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\xff" * 3000)
    assert info.value.code == "corrupt"


def test_without_libreoffice_the_reviewer_is_told_to_save_as_docx(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    with pytest.raises(ReadError) as info:
        read_document("旧报告.wps", _ole({"WordDocument": _word_stream(encrypted=False)}))
    assert info.value.code == "needs_libreoffice"
    assert info.value.params == {"name": "旧报告.wps", "ext": ".wps"}
    assert "另存为 .docx" in info.value.message_zh


# ------------------------------------------------------------------------------------------------
# Conversion, with a stand-in for soffice (no LibreOffice needed) and with the real one


posix_only = pytest.mark.skipif(sys.platform == "win32", reason="the stand-in soffice is a shell script")


def _fake_soffice(tmp_path: Path, body: str) -> str:
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(0o755)
    return str(script)


CONVERTS = """
echo "$@" > "$FAKE_ARGS"
out=""; prev=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
mkdir -p "$out" && cp "$FAKE_RESULT" "$out/input.docx"
"""


@posix_only
def test_conversion_uses_a_private_profile_and_reads_the_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = _fake_soffice(tmp_path, CONVERTS)
    monkeypatch.setenv("FAKE_ARGS", str(tmp_path / "args.txt"))
    monkeypatch.setenv("FAKE_RESULT", str(DATA / "seed_002.docx"))
    monkeypatch.setattr(legacy, "soffice_path", lambda: fake)
    doc = legacy.read("/some/where/报告 2020.doc", _ole({"WordDocument": _word_stream(encrypted=False)}))
    assert doc.kind == "docx" and ("converted_from", {"ext": ".doc"}) in doc.notes
    assert len(doc.tables) == 3 and doc.paragraphs[0].text.startswith("安镇街道")
    args = (tmp_path / "args.txt").read_text().split()
    profile = next(a for a in args if a.startswith("-env:UserInstallation=file://"))
    assert "--headless" in args and args[args.index("--convert-to") + 1] == "docx"
    # The profile and the copy of the report lived in a temporary directory that is gone now.
    assert not os.path.exists(profile.split("file://", 1)[1])


@posix_only
def test_conversion_that_hangs_is_abandoned(tmp_path: Path) -> None:
    fake = _fake_soffice(tmp_path, "sleep 30\n")
    with pytest.raises(ReadError) as info:
        legacy.convert_to_docx("slow.doc", ".doc", b"x", fake, timeout=1)
    assert info.value.code == "timeout" and info.value.params["seconds"] == 1


@posix_only
def test_conversion_failure_carries_libreoffice_s_reason(tmp_path: Path) -> None:
    fake = _fake_soffice(tmp_path, 'echo "Error: source file could not be loaded" >&2\nexit 1\n')
    with pytest.raises(ReadError) as info:
        legacy.convert_to_docx("bad.doc", ".doc", b"x", fake)
    assert info.value.code == "conversion_failed"
    assert "could not be loaded" in info.value.message_zh


@pytest.mark.slow
@pytest.mark.skipif(legacy.soffice_path() is None, reason="LibreOffice is not installed")
@pytest.mark.skipif(SEED_002 is None, reason="../shared not present")
def test_real_doc_converts_and_checks_like_its_text_twin() -> None:
    from gov_review.core.review.pipeline import analyse_file

    doc_report = analyse_file(DATA / "seed_002.doc")
    text_report = analyse_file(SEED_002)
    assert doc_report.error is None, doc_report.error
    assert doc_report.source is not None and ("converted_from", {"ext": ".doc"}) in doc_report.source.notes
    assert doc_report.data is not None and text_report.data is not None
    assert {k: c.value for k, c in doc_report.data.cells.items()} == {
        k: c.value for k, c in text_report.data.cells.items()
    }
    assert {(f.rule, f.severity, tuple(f.cells)) for f in doc_report.findings} == {
        (f.rule, f.severity, tuple(f.cells)) for f in text_report.findings
    }
