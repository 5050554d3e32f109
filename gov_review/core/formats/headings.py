"""The national format's six section headings (一、总体情况 … 六、其他需要报告的事项) and how a line is
recognised as one: by its words, not only by its numeral.

Readers use it while reading (a heading line starts a new paragraph); locate/sections.py finds the
sections of a document with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from gov_review.core.text.normalize import norm

NUMERALS = "一二三四五六"
SECTION_KEYWORDS: dict[int, tuple[str, ...]] = {
    1: ("总体情况",),
    2: ("主动公开政府信息情况", "主动公开政府信息"),
    3: ("收到和处理政府信息公开申请", "收到和处理政府信息公开"),
    4: ("行政复议、行政诉讼情况", "行政复议,行政诉讼情况", "行政复议和行政诉讼情况", "行政复议、行政诉讼"),
    5: ("存在的主要问题及改进情况", "存在的主要问题", "主要问题及改进"),
    6: ("其他需要报告的事项",),
}
STANDARD_TITLES = {
    1: "总体情况",
    2: "主动公开政府信息情况",
    3: "收到和处理政府信息公开申请情况",
    4: "政府信息公开行政复议、行政诉讼情况",
    5: "存在的主要问题及改进情况",
    6: "其他需要报告的事项",
}
# A top-level heading prefix: 一、 / 1、 / 1. / 、 / nothing. Parenthesised numbers are sub-headings.
_PREFIX_RE = re.compile(r"^(?P<num>[一二三四五六七八九十]{1,2}|\d{1,2})?(?P<sep>[、.．:：]|\s)?")
MAX_HEADING_LEN = 40


@dataclass(frozen=True, slots=True)
class HeadingMatch:
    number: int
    standard: bool
    prefix: str


# Cached: readers ask it of every line and reconstruction of every paragraph again; a HeadingMatch is
# frozen, so sharing one between callers is safe.
@lru_cache(maxsize=8192)
def match_heading(text: str) -> HeadingMatch | None:
    """Return which section a paragraph heads, or None. Cheap enough to call on every line."""
    s = norm(text)
    if not s or len(s) > MAX_HEADING_LEN or s.startswith("("):
        return None
    m = _PREFIX_RE.match(s)
    prefix = m.group(0) if m else ""
    rest = s[len(prefix) :]
    for number, keywords in SECTION_KEYWORDS.items():
        for kw in keywords:
            if rest.startswith(kw) or (kw in rest and len(rest) <= len(kw) + 8 and rest.find(kw) <= 8):
                num = m.group("num") if m else None
                standard = (
                    num == NUMERALS[number - 1]
                    and (m.group("sep") == "、")
                    and rest.rstrip("。") == norm(STANDARD_TITLES[number])
                )
                return HeadingMatch(number, standard, prefix)
    return None
