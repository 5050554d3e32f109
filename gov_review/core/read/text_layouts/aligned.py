"""Space-aligned columns, as pdftotext -layout and similar tools write a table.

Each line is a row: the label is the text before the first number, the values are the numbers after
it. Columns are found from where the numbers stand (their right edges, in display columns: a CJK
character is two wide), not from how many spaces separate them: a row with blank cells has its
numbers put in the columns whose edges they stand under, and is marked as placed by position. Header
words split over lines (``商业企`` / ``业``) are joined back; a row label wrapped onto a second line is
joined to its first part.
"""

from __future__ import annotations

import re
import unicodedata

from gov_review.core.read.text_layouts.lines import WS, Line, is_number
from gov_review.core.read.text_layouts.rows import Token, expected_values, token_kind

_FIELD_RE = re.compile(r"\S+(?: \S+)*")  # runs separated by two spaces or more
_NUM_RE = re.compile(r"[-−－]?\d+(?:[.．]\d+)?(?:万元|元)?")


def _columns(text: str) -> list[int]:
    """The display column before each character (a CJK character is two wide), and after the last."""
    out = [0]
    for ch in text:
        out.append(out[-1] + (2 if ch > "\u2e7f" and unicodedata.east_asian_width(ch) in "WF" else 1))
    return out


def _fields(line: Line) -> list[tuple[Token, int]]:
    """The line's fields with the display column of each one's right edge."""
    out = []
    text = line.text.replace("\t", "    ")
    cols = _columns(text)
    for m in _FIELD_RE.finditer(text):
        piece = m.group(0)
        # "3 0 1" (single spaces between numbers) are three fields all the same
        parts = piece.split(" ") if all(is_number(p) for p in piece.split(" ")) else [piece]
        pos = m.start()
        for p in parts:
            a = text.index(p, pos)
            pos = a + len(p)
            tok = Token(p, line.start + a, line.start + a + len(p), line.no, line.no)
            out.append((tok, cols[a + len(p)]))
    return out


def field_count(line: Line) -> int:
    """How many fields the line has (runs of text two spaces or more apart)."""
    return len(_fields(line))


def is_aligned_row(line: Line) -> bool:
    """A label followed by two or more numbers standing apart, or a line of such numbers."""
    fields = _fields(line)
    nums = [f for f in fields if is_number(f[0].text)]
    return len(nums) >= 2 and all(is_number(t.text) for t, _x in fields[len(fields) - len(nums) :])


def aligned_rows(lines: list[Line]) -> tuple[list[list[Token]], set[int]]:
    """Rows of tokens (label first) and the indexes of rows whose values were placed by position."""
    raw: list[tuple[list[tuple[Token, int]], bool]] = []  # (fields, has numbers)
    for line in lines:
        if line.blank:
            continue
        fields = _fields(line)
        if not fields:
            continue
        # a row's values: its last field a number standing apart (one value of a mostly blank row too)
        raw.append((fields, is_number(fields[-1][0].text) and (len(fields) > 1 or is_aligned_row(line))))
    # Header block: the lines before the first row with numbers whose words are not row labels.
    rows: list[list[tuple[Token, int]]] = []
    i = 0
    header: list[list[tuple[Token, int]]] = []
    while i < len(raw) and not raw[i][1]:
        texts = [t.text for t, _x in raw[i][0]]
        if any(token_kind(t) == "row" for t in texts) or any(token_kind(t) == "caption" for t in texts):
            break
        header.append(raw[i][0])
        i += 1
    if header:
        rows.append(_join_header(header))
    pending: list[tuple[Token, int]] | None = None  # a label line waiting for its second half
    for fields, has_numbers in raw[i:]:
        if not has_numbers:
            texts = [t.text for t, _x in fields]
            if any(token_kind(t) in ("caption", "header", "header_start") for t in texts):
                pending = None
                rows.append(fields)
                continue
            if pending is not None:
                rows.append(pending)
            pending = fields
            continue
        if pending is not None:
            first = fields[0][0]
            if not is_number(first.text) and token_kind(first.text) != "row":
                p = pending[-1][0]
                joined = Token(p.text + first.text, p.start, first.end, p.line_start, first.line_end)
                fields = [*pending[:-1], (joined, fields[0][1]), *fields[1:]]
            else:
                rows.append(pending)
            pending = None
        rows.append(fields)
    if pending is not None:
        rows.append(pending)
    return _by_position(rows)


def _labels(tok: Token) -> list[Token]:
    """A label field holding two labels one space apart (``三、本年度办理结果 （一）予以公开``) as two."""
    parts = tok.text.split(" ")
    if len(parts) < 2 or not all(token_kind(p) in ("row", "caption") for p in parts):
        return [tok]
    out, pos = [], tok.start
    for p in parts:
        out.append(Token(p, pos, pos + len(p), tok.line_start, tok.line_end))
        pos += len(p) + 1
    return out


def _join_header(block: list[list[tuple[Token, int]]]) -> list[tuple[Token, int]]:
    """Header words split over lines joined top-down where they stand in the same column.

    The lower part is joined when it is no header word by itself (``业`` under ``商业企``), and the
    upper part is no header word or the two make one (``商业企`` already looks like ``商业企业``); a
    header word over another one (``法人或其他组织`` over ``社会公``) stays apart.
    """
    words: list[tuple[Token, int]] = []
    for fields in block:
        for tok, x in fields:
            for k, (w, wx) in enumerate(words):
                if (
                    wx == x
                    and w.line_end == tok.line_start - 1
                    and token_kind(tok.text) not in ("header", "header_start")
                    and (
                        token_kind(w.text) not in ("header", "header_start")
                        or token_kind(w.text + tok.text) == "header"
                    )
                ):
                    words[k] = (Token(w.text + tok.text, w.start, tok.end, w.line_start, tok.line_end), x)
                    break
            else:
                words.append((tok, x))
    return sorted(words, key=lambda f: (f[0].line_start, f[1]))


def _by_position(rows: list[list[tuple[Token, int]]]) -> tuple[list[list[Token]], set[int]]:
    out: list[list[Token]] = []
    positional: set[int] = set()
    edges: dict[int, list[int]] = {}  # row width → right edges of a full row
    header_width: int | None = None
    for fields in rows:
        texts = [t.text for t, _x in fields]
        if texts and texts[0].strip(WS) == "信息内容":
            header_width = len(texts) - 1
        nums = [(t, x) for t, x in fields if is_number(t.text)]
        labels = [part for t, _x in fields if not is_number(t.text) for part in _labels(t)]
        want = expected_values(labels[0].text if labels else None, header_width) if nums else None
        if want is not None and len(nums) == want:
            edges[want] = [x for _t, x in nums]
        if want is None or len(nums) >= want or not nums or want not in edges:
            out.append([*labels, *(t for t, _x in nums)] if labels else [t for t, _x in fields])
            continue
        # Fewer numbers than columns: each goes under the column whose right edge it shares.
        cols = edges[want]
        slots: list[Token | None] = [None] * want
        ok = True
        last = -1
        for tok, x in nums:
            k = min(range(want), key=lambda c: abs(cols[c] - x))
            if abs(cols[k] - x) > 2 or k <= last:
                ok = False
                break
            slots[k] = tok
            last = k
        if not ok:
            out.append([*labels, *(t for t, _x in nums)])
            continue
        anchor_tok = nums[0][0]
        blank = Token("", anchor_tok.start, anchor_tok.start, anchor_tok.line_start, anchor_tok.line_end)
        out.append([*labels, *(s if s is not None else blank for s in slots)])
        positional.add(len(out) - 1)
    return out, positional
