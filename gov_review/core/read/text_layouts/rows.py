"""Table rows rebuilt from a stream of cells whose row boundaries were lost.

One cell per line, a flattened table, or a header written one character per line give cells in
reading order but no rows. A row label (``（一）予以公开``, ``规章``) starts a row, a caption or a
header word starts a header row, and values join the row before them. A header row repeated after a
page break is dropped. The rows then go to reconstruction like any other table's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from gov_review.core.formats.labels import is_label, template_indexes
from gov_review.core.model import Anchor, RawCell
from gov_review.core.text.normalize import norm, strip_numbering


@dataclass(slots=True)
class Token:
    text: str
    start: int  # offsets into the decoded text
    end: int
    line_start: int
    line_end: int
    label: bool = False  # the tables' vocabulary matched it (flattened text)

    def cell(self) -> RawCell:
        anchor = Anchor(
            "text",
            line_start=self.line_start,
            line_end=self.line_end,
            char_start=self.start,
            char_end=self.end,
        )
        return RawCell(text=self.text, anchor=anchor)


@dataclass(slots=True)
class _Row:
    kind: str  # "header" | "data"
    tokens: list[Token] = field(default_factory=list)
    values: int = 0


@lru_cache(maxsize=8192)
def token_kind(text: str) -> str:
    """ "value" | "caption" | "header" | "row" | "other" for one cell's text."""
    if not text.strip() or not is_label(text):
        return "value"
    n = norm(text)
    if "第二十条" in n:
        return "caption"
    bare = strip_numbering(n)
    numbered = bare != n
    idx = template_indexes()
    if bare == "信息内容" or "勾稽关系" in n or bare == "申请人情况":
        return "header_start"
    if not numbered:
        for index in (idx.t3_header, idx.t4_header, idx.t2_cols):
            key, conf = index.match(text)
            if key is not None and conf >= 0.9:
                return "header"
    for index in (idx.t3_rows, idx.t2_rows):
        key, conf = index.match(text)
        if key is not None and conf >= 0.85:
            return "row"
    key, conf = idx.t3_groups.match(text)
    if key is not None and conf >= 0.9:
        return "row"
    return "other"


def expected_values(first_label: str | None, header_width: int | None) -> int | None:
    """How many values a row with this label has: 7 in table 三, the header's width in table 二."""
    if first_label is None:
        return 15  # table 四's row of values
    idx = template_indexes()
    key, conf = idx.t3_rows.match(first_label)
    if key is not None and conf >= 0.85:
        return 7
    key, conf = idx.t2_rows.match(first_label)
    if key is not None and conf >= 0.85:
        return header_width
    return None


def build_rows(tokens: list[Token]) -> list[list[RawCell]]:
    rows: list[_Row] = []
    cur: _Row | None = None
    for tok in tokens:
        kind = token_kind(tok.text)
        if kind == "value":
            if cur is None or cur.kind == "header":
                cur = _Row("data")
                rows.append(cur)
            cur.tokens.append(tok)
            if tok.text.strip():
                cur.values += 1
            continue
        if kind in ("caption", "header_start") or (
            kind == "header" and (cur is None or cur.kind != "header" or cur.values)
        ):
            cur = _Row("header")
            rows.append(cur)
        elif kind == "other" and cur is not None and cur.kind == "data" and not cur.values and cur.tokens:
            # a row label wrapped onto the next line: one label again
            prev = cur.tokens[-1]
            cur.tokens[-1] = Token(prev.text + tok.text, prev.start, tok.end, prev.line_start, tok.line_end)
            continue
        elif kind in ("row", "other") and (
            cur is None or cur.kind == "header" or cur.values or kind == "row"
        ):
            cur = _Row("data")
            rows.append(cur)
        assert cur is not None
        cur.tokens.append(tok)
    return finish(rows)


def finish(rows: list[_Row]) -> list[list[RawCell]]:
    """Trim blank values beyond a row's width and drop header rows repeated after a page break."""
    out: list[list[RawCell]] = []
    headers_seen: set[tuple[str, ...]] = set()
    data_seen = False
    header_width: int | None = None
    for row in rows:
        texts = tuple(norm(t.text) for t in row.tokens)
        if row.kind == "header":
            # Table 二 repeats 信息内容 | … under every caption: only a later table's header repeats.
            if data_seen and texts in headers_seen and strip_numbering(texts[0]) != "信息内容":
                continue
            headers_seen.add(texts)
            if texts and strip_numbering(texts[0]) == "信息内容":
                header_width = len(texts) - 1
            out.append([t.cell() for t in row.tokens])
            continue
        data_seen = True
        toks = list(row.tokens)
        labels = [t for t in toks if t.text.strip() and token_kind(t.text) != "value"]
        want = expected_values(labels[0].text if labels else None, header_width)
        if want is not None:
            last_label = max((i for i, t in enumerate(toks) if any(t is lab for lab in labels)), default=-1)
            while len(toks) - last_label - 1 > want and not toks[-1].text.strip():
                toks.pop()
        out.append([t.cell() for t in toks])
    return out
