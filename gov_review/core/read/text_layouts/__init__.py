"""Tables in text layouts other than the TAB-per-cell layout of text extracted from .docx.

``rescan`` looks at the lines the TAB reader left as paragraphs and finds the tables among them, each by
its own content (one file can mix layouts): pipe rows, one cell per line (with or without a trailing
`` |``, with or without blank lines between cells), flattened tables, space-aligned columns, headers
written one character per line, with page furniture (page numbers, page headers, a header row repeated
after a page break) dropped. Each table found becomes a RawTable whose ``layout`` says how it was read,
so that reconstruction can say how sure each cell is.
"""

from __future__ import annotations

from gov_review.core.model import Anchor, Block, Paragraph, RawCell, RawTable
from gov_review.core.read.text_layouts.aligned import aligned_rows, field_count, is_aligned_row
from gov_review.core.read.text_layouts.flat import split_flat
from gov_review.core.read.text_layouts.lines import (
    MAX_TABLE_ROWS,
    MAX_TABLES,
    PIPE_SEP_RE,
    WS,
    Line,
    TooMuch,
    ends_table,
    is_flat,
    is_furniture,
    is_pipe_row,
    is_vertical_char,
    starts_table,
)
from gov_review.core.read.text_layouts.rows import Token, _Row, build_rows, finish
from gov_review.core.text.normalize import BOOKMARK_RE

# A table region of more lines than this cannot hold MAX_TABLE_ROWS rows of a real table (one cell per
# line with blank lines between cells takes ~16 lines a row of table 三): it is refused unread.
MAX_REGION_LINES = 8 * MAX_TABLE_ROWS


def rescan(blocks: list[Block], text: str) -> list[Block]:
    """``blocks`` with the tables hidden in runs of paragraphs turned into RawTables."""
    out: list[Block] = []
    run: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            run.append(block)
            continue
        if run:
            out += _scan_run(run, text)
            run = []
        out.append(block)
    if run:
        out += _scan_run(run, text)
    tables = [b for b in out if isinstance(b, RawTable)]
    if len(tables) > MAX_TABLES:
        raise TooMuch(tables=len(tables))
    for i, block in enumerate(tables):
        block.index = i
    return out


def _lines(run: list[Paragraph], text: str) -> list[Line]:
    first, last = run[0].anchor, run[-1].anchor
    start = first.char_start or 0
    # back to the start of the paragraph's line (the paragraph's text was stripped)
    start = text.rfind("\n", 0, start) + 1
    end = last.char_end if last.char_end is not None else len(text)
    out = []
    no = first.line_start or 1
    pos = start
    for raw in text[start:end].split("\n"):
        out.append(Line(no, pos, raw.rstrip("\r")))
        pos += len(raw) + 1
        no += 1
    return out


def _scan_run(run: list[Paragraph], text: str) -> list[Block]:
    if not any(starts_table(p.text) for p in run):
        return list(run)
    lines = _lines(run, text)
    out: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if is_flat(line.text):
            for kind, piece in split_flat(line):
                if kind == "text":
                    out.append(_paragraph(piece))  # type: ignore[arg-type]
                else:
                    rows = build_rows(piece)  # type: ignore[arg-type]
                    if rows:
                        out.append(_table(rows, "flat"))
            i += 1
            continue
        if not starts_table(line.text) and not _vertical_run(lines, i):
            if not line.blank:
                out.append(_paragraph_of(line))
            i += 1
            continue
        j = i + 1
        while (
            j < len(lines)
            and j - i < MAX_REGION_LINES
            and not ends_table(lines[j].text)
            and not is_flat(lines[j].text)
        ):
            j += 1
        if j - i >= MAX_REGION_LINES:
            while j < len(lines) and not ends_table(lines[j].text):
                j += 1
            raise TooMuch(rows=sum(1 for ln in lines[i:j] if not ln.blank))
        region = lines[i:j]
        while region and region[-1].blank:
            region.pop()
        out += _read_region(region)
        i = i + len(region) if region else j
        if i < j:
            i = j if all(ln.blank for ln in lines[i:j]) else i
    return out


def _vertical_run(lines: list[Line], i: int) -> bool:
    """Four lines of one character each: a header written one character per line."""
    return all(k < len(lines) and is_vertical_char(lines[k].text) for k in range(i, i + 4))


def _read_region(region: list[Line]) -> list[Block]:
    body = [ln for ln in region if not ln.blank and not is_furniture(ln.text)]
    if not body:
        return []
    pipes = sum(1 for ln in body if is_pipe_row(ln.text))
    if pipes * 2 > len(body):
        return [_table(_pipe_rows(body), "pipe")]
    aligned = sum(1 for ln in body if is_aligned_row(ln))
    # a table of one row of numbers (table 四) under header lines of words standing apart
    one_row = aligned == 1 and all(is_aligned_row(ln) or field_count(ln) >= 2 for ln in body)
    if (aligned >= 2 and aligned * 4 >= len(body)) or one_row:
        rows, positional = aligned_rows([ln for ln in region if not is_furniture(ln.text)])
        table_rows = _finish_tokens(rows)
        return [_table(table_rows, "aligned", positional)]
    return [_table(build_rows(_cell_tokens(region)), "cells")]


def _pipe_rows(body: list[Line]) -> list[list[RawCell]]:
    rows: list[_Row] = []
    for ln in body:
        s = ln.text.strip(WS)
        if PIPE_SEP_RE.match(s):
            continue
        lead = len(ln.text) - len(ln.text.lstrip(WS))
        inner = s
        off = ln.start + lead
        if inner.startswith("|"):
            inner, off = inner[1:], off + 1
        if inner.endswith("|"):
            inner = inner[:-1]
        toks = []
        pos = 0
        for part in inner.split("|"):
            cell = part.strip(WS)
            a = off + pos + (part.find(cell) if cell else 0)
            toks.append(Token(cell, a, a + len(cell), ln.no, ln.no))
            pos += len(part) + 1
        kind = "data" if any(t.text and not _is_word(t.text) for t in toks) else "header"
        row = _Row(kind, toks, sum(1 for t in toks if t.text and not _is_word(t.text)))
        rows.append(row)
    return finish(rows)


def _is_word(text: str) -> bool:
    from gov_review.core.read.text_layouts.rows import token_kind

    return token_kind(text) != "value"


def _cell_tokens(region: list[Line]) -> list[Token]:
    """One cell per line: blank lines are empty cells, unless blank lines separate the cells."""
    lines = [ln for ln in region if not is_furniture(ln.text)]
    gaps: list[int] = []
    run = 0
    for ln in lines:
        if ln.blank:
            run += 1
        else:
            gaps.append(run)
            run = 0
    separated = len(gaps) > 2 and sum(1 for g in gaps[1:] if g >= 1) * 10 >= (len(gaps) - 1) * 8
    tokens: list[Token] = []
    vertical: list[Line] = []
    blanks = 0

    def flush_vertical() -> None:
        if vertical:
            word = "".join(v.text.strip(WS) for v in vertical)
            a, b = vertical[0], vertical[-1]
            tokens.append(Token(word, a.start, b.start + len(b.text), a.no, b.no))
            vertical.clear()

    for ln in lines:
        if ln.blank:
            blanks += 1
            continue
        empty = (blanks - 1) // 2 if separated else blanks
        if tokens and empty > 0:
            flush_vertical()
            tokens += [Token("", ln.start, ln.start, ln.no, ln.no)] * empty
        blanks = 0
        if is_vertical_char(ln.text):
            vertical.append(ln)
            continue
        flush_vertical()
        s = ln.text.strip(WS)
        if s.endswith("|"):
            s = s[:-1].rstrip(WS)
        if s.startswith("|"):
            s = s[1:].lstrip(WS)
        a = ln.start + ln.text.find(s) if s else ln.start
        parts = _line_cells(s)
        pos = a
        for p in parts:
            pa = ln.text.find(p, pos - ln.start) + ln.start if p else pos
            tokens.append(Token(p, pa, pa + len(p), ln.no, ln.no))
            pos = pa + len(p)
    flush_vertical()
    return _split_vertical(tokens)


def _line_cells(s: str) -> list[str]:
    """A line's cells: numbers apart, a label followed by its numbers, header words apart, or the line."""
    from gov_review.core.read.text_layouts.lines import is_number
    from gov_review.core.read.text_layouts.rows import token_kind

    parts = s.split()
    if len(parts) < 2:
        return [s]
    k = len(parts)
    while k > 0 and is_number(parts[k - 1]):
        k -= 1
    if k < len(parts):
        labels = parts[:k]
        if len(labels) > 1 and not all(token_kind(p) in ("row", "caption") for p in labels):
            labels = [" ".join(labels)]
        return labels + parts[k:]
    if all(token_kind(p) in ("header", "header_start", "caption") for p in parts):
        return parts
    return [s]


def _split_vertical(tokens: list[Token]) -> list[Token]:
    """A header written one character per line was joined into one word: cut it at the tables' words."""
    from gov_review.core.read.text_layouts.vocab import split_labels

    out: list[Token] = []
    for tok in tokens:
        if tok.line_end == tok.line_start or len(tok.text) < 4:
            out.append(tok)
            continue
        for piece, a, b, _is_label in split_labels(tok.text):
            out.append(Token(piece, tok.start, tok.end, tok.line_start + a, tok.line_start + b - 1))
    return out


def _finish_tokens(rows: list[list[Token]]) -> list[list[RawCell]]:
    return [[t.cell() for t in row] for row in rows]


def _table(rows: list[list[RawCell]], layout: str, positional: set[int] | None = None) -> RawTable:
    if len(rows) > MAX_TABLE_ROWS:
        raise TooMuch(rows=len(rows))
    cells = [c for row in rows for c in row]
    a, b = cells[0].anchor, cells[-1].anchor
    anchor = Anchor(
        "text", line_start=a.line_start, line_end=b.line_end, char_start=a.char_start, char_end=b.char_end
    )
    for r in positional or ():
        for c in rows[r]:
            c.how = "position"
    return RawTable(rows=rows, anchor=anchor, layout=layout)


def _paragraph(tok: Token) -> Paragraph:
    anchor = Anchor(
        "text", line_start=tok.line_start, line_end=tok.line_end, char_start=tok.start, char_end=tok.end
    )
    return Paragraph(text=tok.text, anchor=anchor)


def _paragraph_of(line: Line) -> Paragraph:
    clean = BOOKMARK_RE.sub("", line.text).strip(WS)
    anchor = Anchor(
        "text",
        line_start=line.no,
        line_end=line.no,
        char_start=line.start,
        char_end=line.start + len(line.text),
    )
    return Paragraph(text=clean, anchor=anchor)
