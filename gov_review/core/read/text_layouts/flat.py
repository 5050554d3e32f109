"""Flattened tables: a whole table (often with the section heading before it) run together on one line.

``二、主动公开政府信息情况第二十条第（一）项信息内容本年新制作数量…规章000规范性文件000…``. The national
labels are the delimiters (vocab.split_labels); the text between two labels is one cell — a row's
digits run together, which reconstruction splits by the row's own sum and the column rules. Section
headings in the middle of the line become paragraphs of their own, so the six sections are found.
"""

from __future__ import annotations

from itertools import pairwise

from gov_review.core.read.text_layouts.lines import WS, Line
from gov_review.core.read.text_layouts.rows import Token
from gov_review.core.read.text_layouts.vocab import section_re, split_labels

# A piece of a flattened line: ("text", token) for prose and headings, ("table", tokens) for a table.
Piece = tuple[str, object]


def split_flat(line: Line) -> list[Piece]:
    text = line.text
    pieces: list[Piece] = []
    cuts = [0]
    for m in section_re().finditer(text):
        cuts += [m.start(), m.end()]
    cuts.append(len(text))
    for a, b in pairwise(cuts):
        if b <= a:
            continue
        chunk = text[a:b]
        if section_re().fullmatch(chunk) or not any(ch.isdigit() for ch in chunk):
            s = chunk.strip(WS)
            if s:
                off = a + chunk.find(s)
                pieces.append(
                    ("text", Token(s, line.start + off, line.start + off + len(s), line.no, line.no))
                )
            continue
        tokens = _tokens(chunk, line, a)
        lead = []
        while tokens and not tokens[0].label:
            lead.append(tokens.pop(0))  # prose before the table's first label
        if lead:
            t0, t1 = lead[0], lead[-1]
            pieces.append(
                (
                    "text",
                    Token(
                        text[t0.start - line.start : t1.end - line.start].strip(WS),
                        t0.start,
                        t1.end,
                        line.no,
                        line.no,
                    ),
                )
            )
        if tokens:
            pieces.append(("table", tokens))
    return pieces


def _tokens(chunk: str, line: Line, base: int) -> list[Token]:
    out: list[Token] = []
    for piece, a, _b, is_label in split_labels(chunk):
        s = piece.strip(WS)
        if not s:
            continue
        off = line.start + base + a + piece.find(s)
        out.append(Token(s, off, off + len(s), line.no, line.no, is_label))
    return out
