"""Chinese numerals in prose → integers: 十六, 两, 一百零五, 三千零二十, 1万2千, full-width digits.

Only the number tokens found next to keywords are converted; the text itself is never rewritten
(a generic converter turns 统一 into 统1).
"""

from __future__ import annotations

import re
import unicodedata

_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "俩": 2, "三": 3, "叁": 3,
           "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
           "九": 9, "玖": 9}  # fmt: skip
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}

MAX_DIGITS = 15

NUMBER_CHARS = "0-9０-９零〇○一壹二贰两俩三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿"
NUMBER_RE = re.compile(f"[{NUMBER_CHARS}][{NUMBER_CHARS},，.]*")


def cn_to_int(text: str) -> int | None:
    """Convert a numeral (Chinese, Arabic, full-width or mixed like 1万2千) to int; None if not one."""
    s = unicodedata.normalize("NFKC", text).replace(",", "").replace("，", "").strip()
    if not s or sum(ch.isdigit() for ch in s) > MAX_DIGITS:
        return None  # a run of digits longer than any count is not a number a report states
    if s.isdigit():
        return int(s)
    total = 0
    section = 0  # the part below 万
    number = 0  # the pending digit(s)
    pending_digits = ""
    seen = False
    for ch in s:
        if ch.isdigit():
            pending_digits += ch
            seen = True
            continue
        if pending_digits:
            number = int(pending_digits)
            pending_digits = ""
        if ch in _DIGITS:
            number = _DIGITS[ch]
            seen = True
        elif ch in _UNITS:
            unit = _UNITS[ch]
            if number == 0 and unit == 10:
                number = 1  # 十六 = 16: a bare 十 means one ten
            section += number * unit
            number = 0
            seen = True
        elif ch in _BIG:
            section += number
            total += (section or 1) * _BIG[ch]
            section = 0
            number = 0
            seen = True
        else:
            return None
    if pending_digits:
        number = int(pending_digits)
    if not seen:
        return None
    return total + section + number
