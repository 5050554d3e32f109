"""PDF reports with a text layer, read through PDFium (pypdfium2).

PDFium gives each page's characters and the edges of its visible rules (pdf_page); the rules make
the tables (pdf_tables), the characters outside them the paragraphs (pdf_text). Two habits of
WPS/Word exports shape the code below:

- every paragraph and every cell is painted on a white filled rectangle. Those rectangles are
  invisible but have edges, and would turn the prose above a table into table rows; only edges a
  reader can see are used.
- a table cut by a page break has no bottom border on the first page (and sometimes only part of
  a top border on the next). Without it the last row's cells never close and merged labels such as
  ``三、本年度办理结果`` are lost, so a border is drawn where the vertical rules end together.

A table continued on the next page is stitched to its first part, and a merged label cell split by
the break (``（四）无`` / ``法提供``) is joined back into one origin cell.

Every failure is a ``ReadError`` with a sentence: PDFium's own messages never reach the reviewer.
"""

from __future__ import annotations

import re
import time
from bisect import bisect_left
from typing import Any

from gov_review.core.errors import ReadError
from gov_review.core.model import Anchor, Block, Paragraph, RawCell, RawTable, SourceDocument
from gov_review.core.read import pdf_page
from gov_review.core.read.pdf_guard import check_chars, check_objects, check_streams
from gov_review.core.read.pdf_page import Char, Edge
from gov_review.core.read.pdf_tables import Table, find_tables
from gov_review.core.read.pdf_text import PdfParagraph, join_cell_lines, join_lines, page_paragraphs
from gov_review.core.read.pdfium_lock import PDFIUM_LOCK

MAX_PAGES = 200
MAX_SECONDS = 120.0
# Vertical rules whose ends agree within this many points share a (possibly missing) border.
_END_TOL = 2.0
_ENUM_RE = re.compile(
    r"^\s*(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[、.．])"
)
_NUMERIC_RE = re.compile(r"^[\s\d.,，．\-—–/%]+$")
_TABLE_START_WORDS = ("申请人情况", "勾稽", "行政复议")
# PDFium's document-loading error codes (fpdfview.h): FPDF_ERR_PASSWORD, FPDF_ERR_SECURITY.
_ERR_PASSWORD, _ERR_SECURITY = 4, 5
# What PDFium's error code means, for the sentence of a damaged file.
_DAMAGE = {
    2: "文件无法打开",
    3: "不是有效的 PDF 结构",
    6: "页面结构损坏",
}


def read(path: str, data: bytes) -> SourceDocument:
    # The window reads on a worker thread while its page view renders on another: PDFium must
    # never be entered by both at once (see pdfium_lock).
    with PDFIUM_LOCK:
        return _read(path, data)


def _read(path: str, data: bytes) -> SourceDocument:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    import pypdfium2 as pdfium

    started = time.monotonic()
    check_streams(data, name)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (_ERR_PASSWORD, _ERR_SECURITY):
            raise ReadError("encrypted", name=name) from None
        raise ReadError("corrupt", name=name, reason=_DAMAGE.get(code, "PDF 结构损坏")) from None
    except Exception:  # anything else PDFium's binding raises on bad bytes
        raise ReadError("corrupt", name=name, reason="PDF 结构损坏") from None
    try:
        count = len(pdf)
        if count <= 0:
            raise ReadError("corrupt", name=name, reason="没有页面")
        notes: list[tuple[str, dict[str, Any]]] = []
        if count > MAX_PAGES:
            notes.append(("pages_truncated", {"pages": count, "read": MAX_PAGES}))
            count = MAX_PAGES
        blocks, chars, drawn = _read_pages(pdf, count, name, started)
    finally:
        pdf.close()
    if chars == 0:
        # A scan has its pages drawn as images; pages with nothing at all on them are broken.
        raise ReadError("no_text_layer" if drawn else "pdf_empty", name=name)
    return SourceDocument(path=path, kind="pdf", blocks=blocks, notes=notes)


# --------------------------------------------------------------------------------------------
# Pages


def _read_pages(pdf: Any, count: int, name: str, started: float) -> tuple[list[Block], int, bool]:
    """The blocks of the first ``count`` pages, how many characters they hold, and whether any
    page draws something (an image, a path) at all."""
    import pypdfium2 as pdfium

    # Per page: (top, block) pairs; tables are stitched across pages once all pages are read.
    items: list[tuple[int, float, RawTable | PdfParagraph]] = []
    total_chars = 0
    drawn = False
    for index in range(count):
        page_no = index + 1
        if time.monotonic() - started > MAX_SECONDS:
            raise ReadError("timeout", name=name, seconds=int(MAX_SECONDS))
        try:
            page = pdf[index]
        except pdfium.PdfiumError:
            raise ReadError("corrupt", name=name, reason=f"第 {page_no} 页无法读取") from None
        try:
            # One hostile page must not keep the reader busy for minutes: bound it before extraction.
            objects = check_objects(page, page_no, name)
            drawn = drawn or bool(objects)
            textpage = page.get_textpage()
            try:
                check_chars(textpage, page_no, name)
                origin = pdf_page.page_origin(page)
                chars = pdf_page.chars(textpage, origin)
            finally:
                textpage.close()
            edges = pdf_page.edges(objects, origin) if chars else []
            height = pdf_page.page_height(page)
        except pdfium.PdfiumError:
            raise ReadError("corrupt", name=name, reason=f"第 {page_no} 页无法读取") from None
        finally:
            page.close()
        total_chars += len(chars)
        if not chars:
            continue
        tables = _page_tables(chars, edges, page_no)
        boxes = [t.anchor.bbox for t in tables if t.anchor.bbox is not None]
        for para in page_paragraphs(chars, height, page_no, boxes):
            items.append(
                (page_no, para.paragraph.anchor.bbox[1] if para.paragraph.anchor.bbox else 0.0, para)
            )
        for table in tables:
            items.append((page_no, table.anchor.bbox[1] if table.anchor.bbox else 0.0, table))
    items.sort(key=lambda it: (it[0], it[1]))
    return _merge_across_pages([b for _, _, b in items]), total_chars, drawn


def _missing_borders(edges: list[Edge]) -> list[Edge]:
    """Horizontal lines where several vertical rules start or end together with no border there."""
    verticals = [e for e in edges if e.orientation == "v" and e.bottom - e.top > 5]
    horizontals = [e for e in edges if e.orientation == "h"]
    extra: list[Edge] = []
    for key in ("top", "bottom"):
        groups: dict[int, list[Edge]] = {}
        for e in verticals:
            groups.setdefault(round(getattr(e, key) / _END_TOL), []).append(e)
        for group in groups.values():
            if len(group) < 2:
                continue
            y = sum(getattr(e, key) for e in group) / len(group)
            x0 = min(e.x0 for e in group)
            x1 = max(e.x1 for e in group)
            covered = [
                h
                for h in horizontals
                if abs(h.top - y) <= _END_TOL * 2 and h.x0 <= x0 + _END_TOL and h.x1 >= x1 - _END_TOL
            ]
            if not covered:
                extra.append(Edge("h", x0, y, x1, y))
    return extra


def _page_tables(chars: list[Char], edges: list[Edge], page_no: int) -> list[RawTable]:
    out: list[RawTable] = []
    for table in find_tables(edges + _missing_borders(edges)):
        raw = _raw_table(table, chars, page_no)
        if raw is not None:
            out.append(raw)
    return out


def _raw_table(table: Table, chars: list[Char], page_no: int) -> RawTable | None:
    cells = table.cells
    xs = sorted({round(c[0], 2) for c in cells})
    tops = sorted({round(c[1], 2) for c in cells})
    if len(xs) < 2 or len(tops) < 2:
        return None  # a box around prose, not a table: its text stays in the paragraphs
    texts = table.texts(chars)
    grid: list[list[RawCell | None]] = [[None] * len(xs) for _ in tops]
    owners: dict[tuple[int, int], tuple[int, int]] = {}
    column = {x: i for i, x in enumerate(xs)}
    row_of = {y: i for i, y in enumerate(tops)}
    for cell in cells:
        x0, top, x1, bottom = cell
        r = row_of[round(top, 2)]
        c = column[round(x0, 2)]
        # the grid lines the cell covers: those from its own edge up to its far edge
        colspan = max(1, bisect_left(xs, x1 - 0.5) - bisect_left(xs, x0 - 0.5))
        rowspan = max(1, bisect_left(tops, bottom - 0.5) - bisect_left(tops, top - 0.5))
        text = texts[r][c] if r < len(texts) and c < len(texts[r]) else ""
        anchor = Anchor("pdf", page=page_no, bbox=_box(cell))
        grid[r][c] = RawCell(
            text=join_cell_lines(text or ""), anchor=anchor, colspan=colspan, rowspan=rowspan
        )
        for dr in range(rowspan):
            for dc in range(colspan):
                if (dr or dc) and r + dr < len(tops) and c + dc < len(xs):
                    owners[(r + dr, c + dc)] = (r, c)
    rows: list[list[RawCell]] = []
    for r, line in enumerate(grid):
        row: list[RawCell] = []
        for c, cell in enumerate(line):
            if cell is None:
                origin = owners.get((r, c))
                src = grid[origin[0]][origin[1]] if origin else None
                anchor = src.anchor if src is not None else Anchor("pdf", page=page_no)
                cell = RawCell(text="", anchor=anchor, merged=origin is not None)
            row.append(cell)
        rows.append(row)
    _absorb_blank_labels(rows)
    return RawTable(rows=rows, anchor=Anchor("pdf", page=page_no, bbox=_box(table.bbox)))


def _absorb_blank_labels(rows: list[list[RawCell]]) -> None:
    """A blank cell right of a label, in a column that holds only labels, is part of that label.

    WPS draws ``（六）其他处理`` and ``（七）总计`` over two label columns but sometimes keeps the rule
    between them: the eye sees one label, a reader of values "in order" would see a blank value.
    """
    width = max((len(r) for r in rows), default=0)
    label_cols = {
        c
        for c in range(width)
        if not any(c < len(r) and not r[c].merged and _NUMERIC_RE.match(r[c].text or "x") for r in rows)
    }
    for row in rows:
        for c in range(1, len(row)):
            cell = row[c]
            if cell.merged or cell.text.strip() or c not in label_cols:
                continue
            left = row[c - 1]
            origin = next((o for o in reversed(row[:c]) if not o.merged), None) if left.merged else left
            if origin is None or origin.anchor != left.anchor or not _is_label(origin) or origin.rowspan != 1:
                continue
            origin.colspan += 1
            row[c] = RawCell(text="", anchor=origin.anchor, merged=True)


def _box(bbox: Any) -> tuple[float, float, float, float]:
    return (round(bbox[0], 1), round(bbox[1], 1), round(bbox[2], 1), round(bbox[3], 1))


# --------------------------------------------------------------------------------------------
# Stitching tables across page breaks


def _merge_across_pages(items: list[RawTable | PdfParagraph]) -> list[Block]:
    out: list[Block] = []
    open_end = False  # the last paragraph ran to the right margin: it may go on over the page
    for item in items:
        prev = out[-1] if out else None
        if isinstance(item, PdfParagraph):
            para = item.paragraph
            if (
                isinstance(prev, Paragraph)
                and open_end
                and item.open_start
                and para.anchor.page == (prev.anchor.page or 0) + 1
            ):
                prev.text = join_lines([prev.text, para.text], " ")
            else:
                out.append(para)
            open_end = item.open_end
            continue
        block = item
        open_end = False
        if (
            isinstance(block, RawTable)
            and isinstance(prev, RawTable)
            and block.anchor.page is not None
            and prev.anchor.page is not None
            and block.anchor.page == _last_page(prev) + 1
            and _continues(prev, block)
        ):
            _stitch(prev, block)
            continue
        out.append(block)
    index = 0
    for block in out:
        if isinstance(block, RawTable):
            block.index = index
            index += 1
    return out


def _last_page(table: RawTable) -> int:
    pages = [c.anchor.page for row in table.rows for c in row if c.anchor.page is not None]
    return max(pages, default=table.anchor.page or 0)


def _continues(prev: RawTable, nxt: RawTable) -> bool:
    """Nothing but a page break lies between them: is ``nxt`` the rest of ``prev``?"""
    if not nxt.rows:
        return False
    first = "".join(c.text for c in nxt.rows[0])
    if any(word in first for word in _TABLE_START_WORDS) and len(nxt.rows[0]) != len(prev.rows[-1]):
        return False
    # The head of table 三 or 四 starts a table of its own.
    return not ("勾稽" in first or ("行政复议" in first and "行政诉讼" in first))


def _is_label(cell: RawCell) -> bool:
    return not cell.merged and bool(cell.text.strip()) and not _NUMERIC_RE.match(cell.text)


def _stitch(prev: RawTable, nxt: RawTable) -> None:
    rows = nxt.rows
    # A header row repeated on every page ("重复标题行") is not data.
    while (
        rows and prev.rows and len(rows) > 1 and _row_texts(rows[0]) in [_row_texts(r) for r in prev.rows[:3]]
    ):
        rows = rows[1:]
    if rows and len(rows[0]) == len(prev.rows[-1]):
        _fold_split_labels(prev, rows)
    prev.rows.extend(rows)


def _row_texts(row: list[RawCell]) -> tuple[str, ...]:
    return tuple(c.text.strip() for c in row)


def _fold_split_labels(prev: RawTable, rows: list[list[RawCell]]) -> None:
    """Join a merged label cell cut by the page break back into its origin on the page before."""
    first = rows[0]
    last = prev.rows[-1]
    for c, cell in enumerate(first):
        text = cell.text.strip()
        if cell.merged:
            continue
        if text and _NUMERIC_RE.match(text):
            break  # values start here: only the label columns to their left can be split
        origin = _origin(prev, last[c])
        if origin is None or (origin.text.strip() and not _is_label(origin)):
            continue
        if text and _ENUM_RE.match(text):
            continue  # a new group (（五）不予处理) that happens to start the page
        if text:
            origin.text = join_cell_lines(origin.text + "\n" + text)
        origin.rowspan += cell.rowspan
        # The fragment and the positions it covered now belong to ``origin``.
        for row in rows:
            for i, other in enumerate(row):
                if other is cell or (other.merged and other.anchor == cell.anchor):
                    row[i] = RawCell(text="", anchor=origin.anchor, merged=True)


def _origin(table: RawTable, cell: RawCell) -> RawCell | None:
    """The cell holding the text of a position: itself, or the origin of the span covering it."""
    if not cell.merged:
        return cell
    for row in reversed(table.rows):
        for other in row:
            if not other.merged and other.anchor == cell.anchor:
                return other
    return None
