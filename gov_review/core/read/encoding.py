"""Decoding bytes of Chinese text files: BOM, strict UTF-8, GB18030, then detection."""

from __future__ import annotations

import codecs

from gov_review.core.errors import ReadError

# gb2312/gbk labels in the wild are almost always really GB18030-compatible supersets.
ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "gb_2312-80": "gb18030",
}


def canonical(label: str) -> str | None:
    label = label.strip().strip("'\"").lower()
    label = ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    # Control characters other than tab/newline/carriage return/form feed are rare in text.
    controls = len(head) - len(head.translate(None, _CONTROLS))
    return controls > max(8, len(head) // 50)


# Western single-byte charsets decode any bytes at all, so a page that declares one but holds GBK
# would come out as Latin letters; such a declaration is believed only if the bytes are not Chinese.
_SINGLE_BYTE = {"iso8859-1", "cp1252", "ascii", "iso8859-15", "cp1250", "cp1251"}
_CJK_SHARE = 0.8


def _reads_as_chinese(data: bytes) -> bool:
    """True when the bytes decode strictly as GB18030 into mostly Chinese characters."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return False
    chinese = sum(
        1
        for ch in wide
        if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
    )
    return chinese >= _CJK_SHARE * len(wide)


MAX_BAD_UTF8 = 16  # a cut-off last character or a few damaged bytes, not another encoding


def _almost_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few damaged bytes (a copy cut short, a bad sector), the damage shown as �.
    Text in another encoding read as UTF-8 breaks on nearly every non-ASCII character instead."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    wide = sum(1 for ch in text if ord(ch) > 0x7F)
    return text if bad <= MAX_BAD_UTF8 and bad * 20 < wide else None


def decode(data: bytes, name: str, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding). ``declared`` is a charset the file states (HTML meta)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = _almost_utf8(data)
    if text is not None:
        return text, "utf-8"
    if declared:
        enc = canonical(declared)
        if enc and enc not in ("utf-8", "utf_8") and not (enc in _SINGLE_BYTE and _reads_as_chinese(data)):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        best = None
    else:
        best = from_bytes(data[: 1024 * 1024]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace"), best.encoding
    raise ReadError("undecodable", name=name)
