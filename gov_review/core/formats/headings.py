"""The national format's six section headings (一、总体情况 … 六、其他需要报告的事项) and how a line is
recognised as one: by its meaning, not only by its numeral (a stray or missing character, optional
words, ``1、``/``（一）``/``##`` prefixes, traditional characters), and not a line that lists several.

Readers use it while reading (a heading line starts a new paragraph); locate/sections.py finds the
sections of a document with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from gov_review.core.text.normalize import norm

NUMERALS = "一二三四五六"
STANDARD_TITLES = {
    1: "总体情况",
    2: "主动公开政府信息情况",
    3: "收到和处理政府信息公开申请情况",
    4: "政府信息公开行政复议、行政诉讼情况",
    5: "存在的主要问题及改进情况",
    6: "其他需要报告的事项",
}
# Other wordings of a section's title seen in published reports, besides the standard one.
TITLE_FORMS: dict[int, tuple[str, ...]] = {
    1: ("总体情况", "基本情况", "工作概况", "总体概况", "概述"),
    2: ("主动公开政府信息情况",),
    3: ("收到和处理政府信息公开申请情况", "依申请公开政府信息情况"),
    4: ("政府信息公开行政复议、行政诉讼情况", "行政复议、行政诉讼情况"),
    5: ("存在的主要问题及改进情况", "存在的问题及改进措施", "存在的主要问题", "主要问题及改进"),
    6: ("其他需要报告的事项",),
}
# Words a title may add or leave out without changing which section it heads: compared without them.
_OPTIONAL_RE = re.compile(
    r"政府信息公开|政府信息|政务公开|信息公开|工作|情况|事项|主要|的|和|及|与|、|,|，|\."
)
# Traditional characters of the titles that the label normaliser does not already map.
_TRAD_TITLES = str.maketrans(
    "體況動開處請復議訴訟問題進報項務總公這關於", "体况动开处请复议诉讼问题进报项务总公这关于"
)
# A heading's prefix: ## (markdown), a numeral and its separator, or a parenthesised numeral.
_PREFIX_RE = re.compile(
    r"^#*(?:(?P<paren>[(（][一二三四五六七八九十\d]{1,2}[)）])|(?P<num>[一二三四五六七八九十]{1,2}|\d{1,2})?"
    r"(?P<sep>[、.．:：]|\s)?)"
)
MAX_HEADING_LEN = 40


@dataclass(frozen=True, slots=True)
class HeadingMatch:
    number: int
    standard: bool
    prefix: str
    # A sub-heading unless no other heading names the section: a parenthesised numeral, a numeral that
    # is not the section's (``1.主动公开`` under 总体情况), or no numeral and a shortened title.
    weak: bool = False


def _core(text: str) -> str:
    return _OPTIONAL_RE.sub("", text)


_CORES = {n: tuple(dict.fromkeys(_core(norm(f)) for f in forms)) for n, forms in TITLE_FORMS.items()}


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of two short strings, or ``limit + 1`` once it is sure to exceed it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def _tolerance(core: str) -> int:
    """Characters a title may differ by (a stray or missing one): none for a short title's core
    (总体 vs 总计), one for most, two for a long one."""
    return 0 if len(core) < 4 else 1 if len(core) < 10 else 2


def _near(core: str, form_core: str) -> bool:
    return form_core in core or _distance(core, form_core, _tolerance(form_core)) <= _tolerance(form_core)


def _sections_named(core: str) -> list[int]:
    """The sections whose title (without optional words) the text contains or nearly equals."""
    return [n for n, cores in _CORES.items() if any(_near(core, c) for c in cores)]


# Cached: readers ask it of every line and reconstruction of every paragraph again; a HeadingMatch is
# frozen, so sharing one between callers is safe.
@lru_cache(maxsize=8192)
def match_heading(text: str) -> HeadingMatch | None:
    """Which section a paragraph heads, or None: the title by its meaning (a stray or missing
    character, optional words, ``1、``/``（一）``/``##`` prefixes, traditional characters), not a
    sentence that lists several sections' names. Cheap enough to call on every line."""
    s = norm(text).translate(_TRAD_TITLES)
    if not s or len(s) > MAX_HEADING_LEN or "|" in s or "\t" in text:
        return None  # a table's row (行政复议 | 行政诉讼), not a heading
    m = _PREFIX_RE.match(s)
    prefix = m.group(0) if m else ""
    rest = s[len(prefix) :].rstrip("。.:：")
    core = _core(rest)
    if len(core) < 2 or len(core) > 24:
        return None
    named = _sections_named(core)
    if len(named) != 1:
        return None  # no section, or a sentence that lists several
    number = named[0]
    # The title's words must make most of the line: "总体情况良好，…" is prose, not a heading.
    best = min(len(c) for c in _CORES[number] if _near(core, c))
    if len(core) > best + 6:
        return None
    num = m.group("num") if m else None
    standard = (
        not prefix.startswith("#")
        and num == NUMERALS[number - 1]
        and m.group("sep") == "、"
        and rest == norm(STANDARD_TITLES[number])
        and s == norm(text)
    )
    if m and m.group("paren"):
        weak = True
    elif num == NUMERALS[number - 1]:
        weak = False
    else:  # an arabic numeral (also a sub-heading's) or none: the title must be nearly whole
        whole = any(
            rest == norm(f) or (len(f) >= 6 and _distance(rest, norm(f), 1) <= 1) for f in TITLE_FORMS[number]
        )
        if num is None and not whole:
            return None  # words of a title without its numeral (a table's header 行政复议 行政诉讼)
        weak = num != str(number) or not whole
    return HeadingMatch(number, standard, prefix, weak=weak)

SECTION_KEYWORDS = TITLE_FORMS  # the name callers used for the titles' wordings
