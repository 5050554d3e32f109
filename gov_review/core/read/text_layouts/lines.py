"""Lines of a text report, and what each one looks like: a pipe row, a flattened table, page furniture,
one character of a header written vertically, a table's first words.

Layouts are told apart by content, line by line, never by the file's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from gov_review.core.formats.headings import match_heading
from gov_review.core.read.text_layouts.vocab import label_hits, split_labels

WS = " \t\u00a0\u3000\ufeff\r"
# Bounds for text no report has (issue 18): a statistics table of more rows than this, or more tables
# than this in one file, is refused with a sentence before the rest is built.
MAX_TABLE_ROWS = 500
MAX_TABLES = 60


class TooMuch(Exception):
    """More table rows or tables than any report has (the reader turns it into a ReadError)."""

    def __init__(self, rows: int = 0, tables: int = 0) -> None:
        super().__init__(rows, tables)
        self.rows = rows
        self.tables = tables


@dataclass(slots=True)
class Line:
    no: int  # 1-based line number
    start: int  # offset of the line's first character in the decoded text
    text: str  # without the line break

    @property
    def stripped(self) -> str:
        return self.text.strip(WS)

    @property
    def blank(self) -> bool:
        return not self.text.strip(WS)


# Page furniture: page numbers (— 4 —, - 4 -, 第 4 页, 4/12, a bare 4 is left alone: it may be a value).
PAGE_NO_RE = re.compile(
    r"^(?:[—–\-－]+\s*\d{1,3}\s*[—–\-－]+|第\s*\d{1,3}\s*页(?:\s*[，,/共]\s*\d+\s*页?)?|\d{1,3}\s*/\s*\d{1,3})$"
)
PIPE_SEP_RE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
NUMBER_RE = re.compile(r"^[-−－]?\d+(?:[.．]\d+)?\s*(?:万元|元|件|个|条|项)?$")
_TABLE_START = (
    "第二十条",
    "申请人情况",
    "勾稽关系",
    "信息内容",
    "本年新收政府信息公开申请",
    "行政复议",
    "结果维持",
)


def _squeeze(s: str) -> str:
    """Runs of spaces (column gaps of a space-aligned layout) as one space."""
    return " ".join(s.split())


def is_furniture(text: str) -> bool:
    return bool(PAGE_NO_RE.match(text.strip(WS)))


def is_pipe_row(text: str) -> bool:
    s = text.strip(WS)
    return s.count("|") >= 2 or (s.startswith("|") and len(s) > 1) or "|" in s.strip(WS + "|")


def is_number(text: str) -> bool:
    return bool(NUMBER_RE.match(text.strip(WS)))


def is_vertical_char(text: str) -> bool:
    s = text.strip(WS)
    return len(s) == 1 and "\u4e00" <= s <= "\u9fff"


# What lies between two labels of a flattened table: digits run together, a money unit at most.
_FLAT_VALUE_RE = re.compile(r"[\d\s.,．\-−—–/%]+(?:万元|元)?")


@lru_cache(maxsize=8192)
def is_flat(text: str) -> bool:
    """A whole table (or several) run together on one line: many labels, digits glued to them.

    A sentence that names the tables' words is prose, not a table: ``行政复议4件，行政诉讼2件。``
    has labels and digits glued to them too, but what follows its labels are counts in words
    (``4件，``), where a flattened table has bare digits. At least half of the pieces between labels
    that hold a digit must be bare digits.
    """
    s = text.strip(WS)
    if len(s) < 40 or not any(ch.isdigit() for ch in s):
        return False
    if label_hits(s) < 4 or re.search(r"[\u4e00-\u9fff）\)][0-9]", s) is None:
        return False
    with_digits = [
        piece.strip(WS)
        for piece, _a, _b, is_label in split_labels(s)
        if not is_label and any(ch.isdigit() for ch in piece)
    ]
    bare = sum(1 for piece in with_digits if _FLAT_VALUE_RE.fullmatch(piece))
    return bare * 2 >= len(with_digits)


@lru_cache(maxsize=8192)
def starts_table(text: str) -> bool:
    s = text.strip(WS)
    if not s:
        return False
    if is_pipe_row(s) or is_flat(s):
        return True
    if len(_squeeze(s)) > 45 or s.endswith(("。", "；", "：", ":")) or match_heading(s) is not None:
        return False
    s = s.rstrip(" |").lstrip("（(一二三四五六七八九十0123456789、.．)）")
    return s.startswith(_TABLE_START) or s.startswith("本列数据")


@lru_cache(maxsize=8192)
def ends_table(text: str) -> bool:
    """A line inside a table region that closes it: a section heading or prose."""
    s = text.strip(WS)
    if not s or is_pipe_row(s) or is_flat(s):
        return False
    if match_heading(s) is not None:
        return True
    body = _squeeze(s.rstrip(" |"))
    if body.replace(" ", "").isdigit():
        return False  # a row of digits, however long, belongs to the table
    if len(body) > 60 and not re.search(r"\d\s+\d", body):
        return True
    return body.endswith(("。", "；")) and len(body) > 15
