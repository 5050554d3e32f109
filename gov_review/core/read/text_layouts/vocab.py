"""The national tables' words, used as delimiters where a text layout lost the cell boundaries.

A flattened table (``规章000规范性文件000第二十条第（五）项…``) or a header written one character per line
has no separators: the labels of the two national formats are what cuts it into cells. Each label is
searched with its own numbering (``2.其他法律…``, ``（三）不予公开``), so that the item number is never taken
for a digit of the value before it.
"""

from __future__ import annotations

import re
from functools import cache

from gov_review.core.formats.templates import FORMATS, get_template

_CN = "一二三四五六七八九十"
# Words of the tables' header rows and captions (not canonical cells, but delimiters all the same).
_EXTRA = (
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和",
    "申请人情况",
    "信息内容",
    "行政诉讼",
)
_SECTION_RE = re.compile(
    r"(?:[一二三四五六]|(?<!\d)[1-6])\s*[、.．]\s*(?:总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|"
    r"政府信息公开行政复议、行政诉讼情况|存在的主要问题及改进情况|其他需要报告的事项)"
)


def _loose(label: str) -> str:
    """A label as a pattern: brackets and stops in either width, optional spaces between characters."""
    out = []
    for ch in label:
        if ch in "（(":
            out.append("[（(]")
        elif ch in "）)":
            out.append("[）)]")
        elif ch in ".．":
            out.append("[.．、]?")
        elif ch in "，,":
            out.append("[，,]")
        elif ch in "、":
            out.append("[、,，]?")
        elif ch in '“”"':
            out.append('[“”"]?')
        elif ch == "/":
            out.append(r"[/\\／]")
        else:
            out.append(re.escape(ch))
    return r"\s*".join(out)


@cache
def label_words() -> tuple[str, ...]:
    """Every label of tables 二/三/四 in both formats, with its numbering where the form prints one."""
    words: set[str] = set(_EXTRA)
    for fmt in FORMATS:
        raw = get_template(fmt).raw
        for i in range(1, 11):
            words.add(f"第二十条第（{_CN[i - 1]}）项")
        for sub in raw["t2"]["subtables"]:
            for row in sub["rows"]:
                words.update([row["label"], *row.get("variants", [])])
            for col in sub["columns"]:
                words.update([col["label"], *col.get("variants", [])])
        for row in raw["t3"]["rows"]:
            num = row.get("number", "")
            for label in [row["label"], *row.get("variants", [])]:
                words.add(num + label)
        for g in raw["t3"]["row_groups"]:
            words.add(g.get("number", "") + g["label"])
        for c in raw["t3"]["columns"]:
            words.update([c["label"], *c.get("variants", [])])
        for g in raw["t3"]["header_groups"]:
            words.update([g["label"], *g.get("variants", [])])
        for c in raw["t4"]["columns"]:
            words.add(c["label"])
        for g in raw["t4"]["header_groups"]:
            words.add(g["label"])
    return tuple(sorted(words, key=len, reverse=True))


@cache
def label_re() -> re.Pattern[str]:
    return re.compile("|".join(_loose(w) for w in label_words()))


def section_re() -> re.Pattern[str]:
    return _SECTION_RE


def split_labels(text: str) -> list[tuple[str, int, int, bool]]:
    """``text`` cut into (piece, start, end, is_label): the labels found and what lies between them."""
    out: list[tuple[str, int, int, bool]] = []
    pos = 0
    for m in label_re().finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], pos, m.start(), False))
        out.append((m.group(0), m.start(), m.end(), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], pos, len(text), False))
    return out


def label_hits(text: str) -> int:
    return sum(1 for _ in label_re().finditer(text))
