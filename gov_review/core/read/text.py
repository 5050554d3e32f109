"""Plain text, including the layout of text extracted from .docx (the seeds' layout).

Layout rules (domain/SEEDS.md): body paragraphs one per line; each table cell on its own line that
starts with a TAB; a blank line between table rows; a vertically merged continuation cell is a bare
TAB line; a line *without* a TAB inside a table continues the previous cell (sometimes after a blank
line that does not end the row, seed 002's ``本年新`` / `` / ``公开数量``).

A table ends at two blank lines, at a line that reads as a section heading, or at a line that reads
as prose (long, or ending in 。) after a blank line.
"""

from __future__ import annotations

from gov_review.core.errors import ReadError
from gov_review.core.formats.headings import match_heading
from gov_review.core.model import Anchor, Block, Paragraph, RawCell, RawTable, SourceDocument
from gov_review.core.read.encoding import decode, looks_binary
from gov_review.core.read.text_layouts import rescan
from gov_review.core.read.text_layouts.lines import MAX_TABLE_ROWS, MAX_TABLES, TooMuch
from gov_review.core.text.normalize import BOOKMARK_RE

_WS = " \t\u00a0\u3000\ufeff\r"


def read(path: str, data: bytes) -> SourceDocument:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    if looks_binary(data):
        raise ReadError("binary", name=name)
    text, encoding = decode(data, name)
    try:
        return parse_text(text, path=path, encoding=encoding)
    except TooMuch as exc:
        if exc.rows:
            raise ReadError("table_too_long", name=name, rows=exc.rows, limit=MAX_TABLE_ROWS) from None
        raise ReadError("too_many_tables", name=name, tables=exc.tables, limit=MAX_TABLES) from None


class _CellBuilder:
    __slots__ = ("char_end", "char_start", "line_end", "line_start", "parts")

    def __init__(self, text: str, line: int, char_start: int, char_end: int) -> None:
        self.parts = [text]
        self.line_start = line
        self.line_end = line
        self.char_start = char_start
        self.char_end = char_end

    def build(self) -> RawCell:
        text = "\n".join(p for p in self.parts)
        anchor = Anchor(
            "text",
            line_start=self.line_start,
            line_end=self.line_end,
            char_start=self.char_start,
            char_end=self.char_end,
        )
        return RawCell(text=text, anchor=anchor)


def _is_blank(line: str) -> bool:
    return not line.strip(_WS)


def _ends_table(line: str, blanks: int) -> bool:
    """A TAB-less line inside a table: does it end the table (True) or continue a cell (False)?"""
    if blanks >= 2:
        return True
    stripped = line.strip(_WS)
    if match_heading(stripped) is not None:
        return True
    if blanks >= 1 and (len(stripped) > 30 or stripped.endswith(("。", "；", "：", ":"))):
        return True
    return len(stripped) > 60


def parse_text(text: str, path: str = "", encoding: str | None = None) -> SourceDocument:
    blocks: list[Block] = []
    notes: list[tuple[str, dict]] = []
    bookmarks = 0
    odd_spaces = 0

    rows: list[list[RawCell]] = []
    row: list[_CellBuilder] = []
    cell: _CellBuilder | None = None
    table_start: tuple[int, int] | None = None
    blanks = 0
    table_count = 0

    overflow = 0  # rows of the current table beyond MAX_TABLE_ROWS: counted, not built

    def close_row() -> None:
        nonlocal row, cell, overflow
        if row:
            if len(rows) < MAX_TABLE_ROWS:
                rows.append([c.build() for c in row])
            else:
                overflow += 1
        row = []
        cell = None

    def close_table(end_line: int, end_char: int) -> None:
        nonlocal rows, table_start, table_count, overflow
        close_row()
        if overflow:
            raise TooMuch(rows=len(rows) + overflow)
        if table_count >= MAX_TABLES:
            raise TooMuch(tables=table_count + 1)
        if rows and table_start is not None:
            anchor = Anchor(
                "text",
                line_start=table_start[0],
                line_end=end_line,
                char_start=table_start[1],
                char_end=end_char,
            )
            blocks.append(RawTable(rows=rows, anchor=anchor, index=table_count))
            table_count += 1
        rows = []
        table_start = None

    offset = 0
    last_line_no = 0
    last_end = 0
    for line_no, raw_line in enumerate(text.splitlines(keepends=True), start=1):
        line = raw_line.rstrip("\r\n")
        start = offset
        offset += len(raw_line)
        end = start + len(line)
        if "\u00a0" in line or "\u3000" in line:
            odd_spaces += 1
        if BOOKMARK_RE.search(line):
            bookmarks += 1

        in_table = table_start is not None
        if line.startswith("\t"):
            content = line[1:]
            if not in_table:
                table_start = (line_no, start)
                blanks = 0
            elif blanks and row:
                close_row()
            cell = _CellBuilder(content, line_no, start + 1, end)
            row.append(cell)
            blanks = 0
            last_line_no, last_end = line_no, end
            continue

        if _is_blank(line):
            if in_table:
                blanks += 1
            continue

        if in_table:
            if cell is not None and not _ends_table(line, blanks):
                # A continuation of the previous cell; the blank line (if any) was inside the cell.
                cell.parts.append(line.strip(_WS))
                cell.line_end = line_no
                cell.char_end = end
                blanks = 0
                last_line_no, last_end = line_no, end
                continue
            close_table(last_line_no, last_end)

        clean = BOOKMARK_RE.sub("", line)
        if clean.strip(_WS):
            anchor = Anchor("text", line_start=line_no, line_end=line_no, char_start=start, char_end=end)
            blocks.append(Paragraph(text=clean.strip(_WS), anchor=anchor))
        last_line_no, last_end = line_no, end
    if table_start is not None:
        close_table(last_line_no, last_end)

    if bookmarks:
        notes.append(("bookmark_removed", {"count": bookmarks}))
    if odd_spaces:
        notes.append(("odd_spaces", {"count": odd_spaces}))
    blocks = rescan(blocks, text)
    return SourceDocument(path=path, kind="text", blocks=blocks, text=text, encoding=encoding, notes=notes)
