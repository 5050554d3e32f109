"""Normalising labels and parsing cell values as real files write them."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

# Traditional forms seen in labels of Hong Kong/Taiwan-style or converted files. Only the characters
# that occur in the national format's labels: a generic converter would do more harm than good.
_TRAD = str.maketrans(
    {
        "總": "总",
        "計": "计",
        "維": "维",
        "糾": "纠",
        "結": "结",
        "轉": "转",
        "處": "处",
        "數": "数",
        "請": "请",
        "項": "项",
        "審": "审",
        "訴": "诉",
        "訟": "讼",
        "復": "复",
        "議": "议",
        "規": "规",
        "範": "范",
        "開": "开",
        "權": "权",
        "機": "机",
        "構": "构",
        "業": "业",
        "會": "会",
        "織": "织",
        "務": "务",
        "與": "与",
        "無": "无",
        "際": "际",
        "決": "决",
        "製": "制",
        "發": "发",
        "費": "费",
        "購": "购",
        "額": "额",
        "許": "许",
        "強": "强",
        "罰": "罚",
        "預": "预",
        "關": "关",
        "覆": "复",
        "檢": "检",
        "報": "报",
        "內": "内",
        "門": "门",
        "資": "资",
        "為": "为",
        "絕": "绝",
    }
)

# Most text has none of them: a search in C spares str.translate's per-character look-ups.
_TRAD_RE = re.compile("[" + "".join(map(chr, _TRAD)) + "]")
_SPACE_RE = re.compile(r"[\s\u00a0\u3000\u200b\u200c\u200d\ufeff]+")
# Numbering that prefixes a row label: 1. / 1． / 1、 / (1) / （一） / 一、 / 三、
_NUMBERING_RE = re.compile(
    r"^(?:\d{1,2}[.、,]|\(\d{1,2}\)|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[、.])"
)
BOOKMARK_RE = re.compile(r"\[bookmark:\s*[^\]]*\]")


@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """NFKC, traditional → simplified for label characters, no white space, unified slashes."""
    s = unicodedata.normalize("NFKC", text)
    s = BOOKMARK_RE.sub("", s)
    if _TRAD_RE.search(s):
        s = s.translate(_TRAD)
    s = _SPACE_RE.sub("", s)
    s = s.replace("\\", "/").replace("／", "/")
    s = s.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    return s


@lru_cache(maxsize=8192)
def strip_numbering(label: str) -> str:
    """Remove leading numbering (repeatedly: "三、(一)予以公开" → "予以公开")."""
    s = label
    for _ in range(3):
        m = _NUMBERING_RE.match(s)
        if not m:
            break
        s = s[m.end() :]
    return s


def clean_display(text: str) -> str:
    """Text as shown to a person: bookmarks removed, NBSP/U+3000 padding trimmed, inner lines kept."""
    s = BOOKMARK_RE.sub("", text)
    return s.strip(" \t\u00a0\u3000\ufeff")


# ------------------------------------------------------------------------------------------------
# Values

BLANK_MARKERS = {"", "/", "-", "—", "——", "–", "无", "－", "---", "/ ", "空", "—-"}
_UNIT_RE = re.compile(
    r"^(?P<num>[+\-]?\d[\d,]*(?:\.\d+)?|[+\-]?\.\d+)\s*(?P<unit>万元|元|件|条|个|项|次|人次|%|万)?$"
)


# Digits before the decimal point that a value may have: the largest real figures (money in 元)
# have ten or so; anything longer is garbage and could not be written to JSON or a spreadsheet.
MAX_DIGITS = 15


class ParsedValue:
    """The result of reading one value cell."""

    __slots__ = ("status", "unit", "value")

    def __init__(self, value: Decimal | None, status: str, unit: str | None = None) -> None:
        self.value = value
        self.status = status  # "ok" | "blank" | "invalid"
        self.unit = unit

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"ParsedValue({self.value!r}, {self.status!r}, {self.unit!r})"


@lru_cache(maxsize=4096)
def parse_value(raw: str | None) -> ParsedValue:
    """Parse a cell's raw text. Blank markers are *missing*, never 0."""
    if raw is None:
        return ParsedValue(None, "blank")
    s = unicodedata.normalize("NFKC", raw)
    s = BOOKMARK_RE.sub("", s)
    s = _SPACE_RE.sub("", s)
    s = s.replace("−", "-")
    if s in BLANK_MARKERS or set(s) <= {"-", "—", "/", "_"}:
        return ParsedValue(None, "blank")
    m = _UNIT_RE.match(s)
    if not m:
        return ParsedValue(None, "invalid")
    num = m.group("num").replace(",", "")
    if len(num.split(".")[0].lstrip("+-0")) > MAX_DIGITS:
        return ParsedValue(None, "invalid")  # no count or sum of money in a report is this large
    try:
        value = Decimal(num)
    except InvalidOperation:  # pragma: no cover - the regex admits only valid numbers
        return ParsedValue(None, "invalid")
    return ParsedValue(value, "ok", m.group("unit"))


def is_value_like(text: str) -> bool:
    """True when a cell's text reads as a value (number, blank marker, number with unit)."""
    return parse_value(text).status != "invalid" or _looks_numeric_garbage(text)


def _looks_numeric_garbage(text: str) -> bool:
    s = norm(text)
    return bool(s) and not any("\u4e00" <= ch <= "\u9fff" for ch in s)


def fmt_number(value: Decimal | None) -> str:
    if value is None:
        return "空"
    try:
        return _fmt_cached(value)
    except TypeError:  # an unhashable value (a signalling NaN): format it directly
        return _fmt(value)


def _fmt(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


# Messages print the same few numbers many times per report; equal values print alike, and
# ``typed`` keeps an int apart from the Decimal of the same value.
_fmt_cached = lru_cache(maxsize=4096, typed=True)(_fmt)
