"""Hostile and broken .docx input: always a ReadError with the right code, in bounded memory, never
another exception."""

from __future__ import annotations

import io
import random
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from gov_review.core.errors import ReadError
from gov_review.core.model import RawTable, SourceDocument
from gov_review.core.read import read_document
from gov_review.core.read.docx import read
from tests.core.helpers import docx_bytes

DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "docx"


def _docx(seed: str) -> Path:
    return DATA / f"seed_{seed}.docx"


def _code(path: Path | str, data: bytes | None = None) -> str:
    with pytest.raises(ReadError) as info:
        read_document(path, data)
    return info.value.code


# ------------------------------------------------------------------------------------------------
# Hostile and broken input: always a ReadError with a code, never anything else


def test_not_a_zip_at_all_but_zip_magic(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 100)
    assert _code(path) == "corrupt"


def test_truncated_docx_is_corrupt(tmp_path: Path) -> None:
    data = _docx("001").read_bytes()
    path = tmp_path / "half.docx"
    path.write_bytes(data[: len(data) // 2])
    assert _code(path) == "corrupt"


def test_damaged_member_is_corrupt(tmp_path: Path) -> None:
    data = bytearray(_docx("001").read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 100
    data[start : start + 64] = bytes(64)
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(data))
    assert _code(path) == "corrupt"


def _bomb(path: Path, megabytes: int = 200) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = bytes(1024 * 1024)
            for _ in range(megabytes):
                fh.write(chunk)


def test_zip_bomb_is_refused_without_inflating_it(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    _bomb(path)
    assert path.stat().st_size < 1024 * 1024  # 200 MB of zeros deflates to a few hundred KB
    tracemalloc.start()
    try:
        assert _code(path) == "hostile"
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024


def test_zip_bomb_that_lies_about_its_size_is_stopped(tmp_path: Path) -> None:
    path = tmp_path / "liar.docx"
    _bomb(path, megabytes=64)
    data = bytearray(path.read_bytes())
    # Rewrite the sizes in the zip64 extra fields (local and central) to claim 1000 bytes.
    needle = struct.pack("<Q", 64 * 1024 * 1024)
    count = 0
    pos = data.find(needle)
    while pos != -1:
        data[pos : pos + 8] = struct.pack("<Q", 1000)
        count += 1
        pos = data.find(needle, pos + 8)
    assert count >= 1
    tracemalloc.start()
    try:
        code = _code(tmp_path / "liar.docx", bytes(data))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert code in ("corrupt", "hostile")
    assert peak < 64 * 1024 * 1024


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"""


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, XXE], ids=["billion_laughs", "external_entity"])
def test_entity_declarations_are_refused(xml: bytes) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", xml)
    assert _code("evil.docx", buf.getvalue()) == "hostile"


def test_too_many_members_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", b"<x/>")
        for i in range(5000):
            zf.writestr(f"word/media/{i}.bin", b"")
    assert _code("many.docx", buf.getvalue()) == "hostile"


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    assert _code(path) == "empty"


def _xlsx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", "<worksheet/>")
    return buf.getvalue()


def test_xlsx_renamed_docx_says_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(_xlsx())
    with pytest.raises(ReadError) as info:
        read_document(path)
    assert info.value.code == "wrong_type"
    assert "Excel" in info.value.message_zh and ".docx" in info.value.message_zh


def test_other_zips(tmp_path: Path) -> None:
    assert _code(tmp_path / "report.xlsx", _xlsx()) == "unsupported_type"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("photos/1.jpg", b"\xff\xd8")
    assert _code(tmp_path / "report.docx", buf.getvalue()) == "wrong_type"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/styles.xml", "<styles/>")
    assert _code(tmp_path / "report.docx", buf.getvalue()) == "corrupt"


def test_zip_level_password_is_reported_as_encrypted() -> None:
    data = bytearray(docx_bytes("<w:p/>"))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        infos = zf.infolist()
    for info in infos:  # set the "encrypted" flag bit in every local header ...
        data[info.header_offset + 6] |= 1
    pos = data.find(b"PK\x01\x02")
    while pos != -1:  # ... and in every central directory entry
        data[pos + 8] |= 1
        pos = data.find(b"PK\x01\x02", pos + 4)
    assert _code("locked.docx", bytes(data)) == "encrypted"


def test_a_100_mb_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.docx"
    with path.open("wb") as fh:
        fh.write(b"PK\x03\x04")
        fh.truncate(100 * 1024 * 1024)  # sparse: quick to make, no 100 MB written
    with pytest.raises(ReadError) as info:
        read_document(path)
    assert info.value.code == "too_large" and info.value.params["size_mb"] == 100


def test_random_damage_never_escapes_as_another_exception() -> None:
    original = _docx("003").read_bytes()
    rng = random.Random(20240601)
    outcomes: set[str] = set()
    for _ in range(40):
        data = bytearray(original)
        for _ in range(rng.randint(1, 8)):
            pos = rng.randrange(len(data))
            data[pos] = rng.randrange(256)
        try:
            doc = read("damaged.docx", bytes(data))
        except ReadError as exc:
            outcomes.add(exc.code)
        else:
            assert isinstance(doc, SourceDocument)
            outcomes.add("read")
    assert outcomes <= {"read", "corrupt", "hostile", "encrypted", "wrong_type", "unsupported_type"}
    assert "corrupt" in outcomes


def test_strict_ooxml_namespace_is_read() -> None:
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    xml = (
        f'<w:document xmlns:w="{strict}"><w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>'
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", xml)
    doc = read("strict.docx", buf.getvalue())
    assert doc.paragraphs[0].text == "一、总体情况"
    assert isinstance(doc.blocks[1], RawTable) and doc.tables[0].rows[0][0].text == "规章"


def _claim_unknown_zip_version(data: bytes) -> bytes:
    """The first central-directory entry says it needs zip version 99.9 to extract (a flipped
    byte the long fuzz run met): Python's zipfile raises NotImplementedError for it."""
    out = bytearray(data)
    at = out.index(b"PK\x01\x02")
    out[at + 6 : at + 8] = struct.pack("<H", 999)
    return bytes(out)


def test_a_zip_claiming_an_unknown_version_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "version.docx"
    path.write_bytes(_claim_unknown_zip_version(_docx("000").read_bytes()))
    assert _code(path) == "corrupt"
