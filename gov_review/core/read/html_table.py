"""HTML tables: telling a report table from chrome, and laying rowspan/colspan out on a grid.

The grid follows the HTML table model (what a browser draws): each ``<td>`` goes to the first free
position of its row, positions covered by an earlier rowspan are skipped. The origin keeps the text
and its spans; every covered position becomes ``RawCell(text="", merged=True)`` carrying the
origin's anchor, which is how the docx and text readers present the same report.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Any, Literal

from lxml import etree

from gov_review.core.model import Anchor, Paragraph, RawCell, RawTable

# Words that only the statistical tables of a report contain (not its headings: 行政复议 alone would
# also match heading 四, so it needs its neighbours).
REPORT_LABELS = (
    "第二十条",
    "信息内容",
    "申请人情况",
    "本年新收",
    "上年结转",
    "予以公开",
    "结转下年度",
    "自然人",
    "结果维持",
    "尚未审结",
    "复议后起诉",
    "未经复议",
    "本年制发件数",
    "处理决定数量",
)
# The longest statistics table of a real report has a few dozen rows; a report table of more rows
# than this is refused before it is laid out (10⁵ rows took minutes and 771 MB).
MAX_TABLE_ROWS = 500
MAX_SPAN = 1000  # a hostile rowspan=65534 must not allocate a huge grid
_BREAK_TAGS = frozenset(
    {"br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table"}
)
_WS = " \t\r\n\f\u00a0\u3000\ufeff"
_SOURCE_BREAK_RE = re.compile(
    r"(?<=[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f])[ \t\r\n\f]*\n[ \t\r\n\f]*(?=[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f])"
)
_SPACES_RE = re.compile(r"[ \t\r\n\f]+")
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "button", "select"})


# Compiled once: ``el.xpath(text)`` compiles its expression on every call, which made these
# per-cell look-ups most of the HTML reader's time.
_OWN_ROWS = etree.XPath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
_OWN_CELLS = etree.XPath("./td|./th")
_NESTED_TABLES = etree.XPath(".//table")
_LEADING_DIGITS_RE = re.compile(r"\d+")
_WS_RE = re.compile(r"\s+")
# Elements that make a cell's text more than the text of its subtree (a line break, or text to skip).
_BREAK_NAMES = (
    "br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "script", "style", "noscript", "template", "button", "select",
)  # fmt: skip
_CELL_TAGS = frozenset({"td", "th"})


def subtree_text(el: Any) -> str:
    """The text of all descendants, as ``itertext()`` joins it, gathered in C (libxml2's content)."""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def _own_rows(table: Any) -> list[Any]:
    return _OWN_ROWS(table)


def _own_cells(row: Any) -> list[Any]:
    return _OWN_CELLS(row)


def _own_text(table: Any, nested: list[Any] | None = None) -> str:
    """The table's text without that of tables nested in it."""
    if nested is None:
        nested = _NESTED_TABLES(table)
    if not nested:
        return subtree_text(table)
    parts: list[str] = []
    rows = _own_rows(table)
    cells = [_own_cells(row) for row in rows]
    slow = slow_cells(table, rows, {cell for row in cells for cell in row})
    for row in cells:
        for cell in row:
            parts.append(cell_text(cell, nested=False, slow=slow))
    return "".join(parts)


class TableTooLong(Exception):
    """A report table with more rows than any real report has (the reader names the file)."""

    def __init__(self, rows: int) -> None:
        super().__init__(rows)
        self.rows = rows


def check_length(table: Any) -> None:
    """Raise TableTooLong for a report table of more than MAX_TABLE_ROWS rows (its first rows read)."""
    rows = _own_rows(table)
    if len(rows) > MAX_TABLE_ROWS and _has_labels(" ".join(subtree_text(r) for r in rows[:60])):
        raise TableTooLong(len(rows))


def is_report_table(table: Any) -> Literal["report", "layout", "other"]:
    nested = _NESTED_TABLES(table)
    if nested and any(_has_labels(_own_text(t)) for t in nested):
        return "layout"
    if _has_labels(_own_text(table, nested)):
        return "report"
    return "layout" if nested else "other"


def has_report_labels(text: str) -> bool:
    """Whether a table's text holds words only the statistics tables of a report contain."""
    return _has_labels(text)


def _has_labels(text: str) -> bool:
    text = _WS_RE.sub("", text)
    return any(label in text for label in REPORT_LABELS) or (
        "行政复议" in text and "行政诉讼" in text and "总计" in text
    )


def clean_text(text: str) -> str:
    """HTML white space as a browser renders it: a source line break between CJK characters is
    nothing (Word wraps its HTML at 80 columns, often mid-sentence), other runs are one space."""
    if " " not in text and text.isprintable():
        # No white space of any kind (str.isprintable is False for \t\n\r\f, NBSP, U+3000, BOM):
        # nothing to join or strip. Most cells ("16", "自然人") end here.
        return text
    if "\n" in text:
        text = _SOURCE_BREAK_RE.sub("", text)
    return _SPACES_RE.sub(" ", text).strip(_WS)


def _blank(text: str | None) -> bool:
    return not text or not text.strip(_WS)


def slow_cells(table: Any, rows: list[Any], cells: frozenset[Any] | set[Any] = frozenset()) -> set[Any]:
    """The own cells of ``table`` (``rows``, ``cells``: its own rows and cells) whose text needs the
    line-break walk, and cells of tables nested in it.

    A cell is read by libxml2 in one go only when nothing in it breaks a line: no element of
    ``_BREAK_NAMES`` below it, or Word's usual cell, one ``<p>`` of ``<span>``s and nothing else.
    Text beside that paragraph (``<td>本年<p>新收</p></td>``) is a line of its own, as a browser
    shows it. One filtered C-level pass over the table instead of a search per cell, which was
    most of the reader's time.
    """
    own_rows = set(rows)
    slow: set[Any] = set()
    one_p: set[Any] = set()
    for el in table.iter(*_BREAK_NAMES):
        tag = el.tag
        if (tag == "tr" and el in own_rows) or el is table:
            continue
        node = el.getparent()
        if tag == "p" and node in cells:
            if node in one_p or len(node) > 1 or not _blank(node.text) or not _blank(el.tail):
                slow.add(node)
            else:
                one_p.add(node)
            continue  # an own cell's paragraph: no cell of this table above it
        # Any other break (or a paragraph further down) puts every cell it lies in on the walk,
        # up to the own cell of the table.
        while node is not None and node is not table:
            if node.tag in _CELL_TAGS:
                slow.add(node)
                node = node.getparent()
                if node in own_rows:
                    break
            else:
                node = node.getparent()
    return slow


def cell_text(cell: Any, nested: bool = True, slow: set[Any] | None = None) -> str:
    """A cell's text; ``<br>``, ``<p>`` and ``<div>`` inside it become line breaks.

    ``slow`` is ``slow_cells`` of the cell's table when the caller has it (a cell not in it takes the
    C-level text); without it the cell is looked at alone.
    """
    if len(cell) == 0:
        text = cell.text
        return clean_text(text) if text else ""
    if slow is None:
        found = list(islice(cell.iterdescendants(*_BREAK_NAMES), 2))
        fast = not found or (
            len(found) == 1
            and found[0].tag == "p"
            and len(cell) == 1
            and cell[0] is found[0]
            and _blank(cell.text)
            and _blank(found[0].tail)
        )
    else:
        fast = cell not in slow
    if fast:
        return clean_text(subtree_text(cell))
    lines: list[str] = []
    buf: list[str] = []

    def brk() -> None:
        line = clean_text("".join(buf))
        buf.clear()
        if line:
            lines.append(line)

    def walk(el: Any) -> None:
        tag = el.tag
        if not isinstance(tag, str):
            return
        tag = tag.lower()
        if tag in _SKIP_TAGS or (tag == "table" and not nested):
            return
        breaks = tag in _BREAK_TAGS
        if breaks:
            brk()
        if el.text:
            buf.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                buf.append(child.tail)
        if breaks:
            brk()

    if cell.text:
        buf.append(cell.text)
    for child in cell:
        walk(child)
        if child.tail:
            buf.append(child.tail)
    brk()
    return "\n".join(lines)


def _span(value: str) -> int:
    digits = _LEADING_DIGITS_RE.match(value.strip())
    if not digits:
        return 1
    # A span of thousands of digits (a damaged or hostile page) is capped before it is converted:
    # Python refuses to turn more than 4,300 digits into an int.
    text = digits.group(0).lstrip("0") or "0"
    n = int(text) if len(text) <= 6 else MAX_SPAN
    return max(1, min(n, MAX_SPAN))


def _row_cells(row: Any, row_path: str) -> tuple[list[Any], list[str]]:
    """A row's own cells and what ``tree.getpath`` gives for each, built from the row's path.

    libxml2 numbers an element (``td[2]``) only when its parent has other children of the same
    name; the cells of a row are the row's own children, so their paths follow from the row's
    without walking up the tree once per cell.
    """
    cells = []
    n_td = 0
    for child in row:  # what ./td|./th selects, without an XPath evaluation per row
        tag = child.tag
        if tag == "td":
            n_td += 1
            cells.append(child)
        elif tag == "th":
            cells.append(child)
    if n_td == len(cells):
        if n_td > 1:
            return cells, [f"{row_path}/td[{i}]" for i in range(1, n_td + 1)]
        return cells, [f"{row_path}/td"] * n_td
    totals = {"td": n_td, "th": len(cells) - n_td}
    seen = {"td": 0, "th": 0}
    out = []
    for cell in cells:
        tag = cell.tag
        seen[tag] += 1
        out.append(f"{row_path}/{tag}[{seen[tag]}]" if totals[tag] > 1 else f"{row_path}/{tag}")
    return cells, out


def _row_paths(table: Any, table_path: str, rows: list[Any], tree: Any) -> list[str]:
    """``tree.getpath`` of each own row, from the table's path (same numbering rule as cells).

    The rows of one parent (the table, or one of its ``thead``/``tbody``/``tfoot``) are all that
    parent's ``tr`` children, so counting them here numbers them as libxml2 does.
    """
    parents: list[Any] = [row.getparent() for row in rows]
    prefix: dict[Any, str] = {}
    total: dict[Any, int] = {}
    for parent in parents:
        if parent not in total:
            total[parent] = 0
            prefix[parent] = table_path if parent is table else tree.getpath(parent)
        total[parent] += 1
    seen: dict[Any, int] = dict.fromkeys(total, 0)
    out = []
    for parent in parents:
        seen[parent] += 1
        out.append(f"{prefix[parent]}/tr[{seen[parent]}]" if total[parent] > 1 else f"{prefix[parent]}/tr")
    return out


def table_from_element(table: Any, tree: Any) -> RawTable:
    rows_el = _own_rows(table)
    n = len(rows_el)
    table_path = tree.getpath(table)
    row_paths = _row_paths(table, table_path, rows_el, tree)
    row_cells = [_row_cells(row, path) for row, path in zip(rows_el, row_paths, strict=True)]
    slow = slow_cells(table, rows_el, {td for cells, _ in row_cells for td in cells})
    # One list per row; None marks a position nothing has claimed yet (a later filler).
    lines: list[list[RawCell | None]] = [[] for _ in range(n)]
    holed: set[int] = set()  # rows extended past a position nothing claimed (maybe filled later)
    for r, (cells, paths) in enumerate(row_cells):
        line = lines[r]
        c = 0
        for td, path in zip(cells, paths, strict=True):
            width = len(line)
            while c < width and line[c] is not None:
                c += 1
            value = td.get("colspan")
            colspan = 1 if value is None or value == "1" else _span(value)
            value = td.get("rowspan")
            # rowspan beyond the table's last row is clamped, as browsers do.
            rowspan = 1 if value is None or value == "1" else min(_span(value), n - r)
            anchor = Anchor("html", path=path)
            if len(td) == 0:
                text = td.text
                if not text:
                    text = ""
                elif " " in text or not text.isprintable():
                    text = clean_text(text)
            elif td in slow:
                text = cell_text(td, slow=slow)
            else:
                text = subtree_text(td)
                if " " in text or not text.isprintable():
                    text = clean_text(text)
            origin = RawCell(text, anchor, False, colspan, rowspan)
            if c == width:
                line.append(origin)
            else:
                if c > width:
                    holed.add(r)
                    line.extend([None] * (c - width))
                    line.append(origin)
                else:
                    line[c] = origin
            if rowspan > 1 or colspan > 1:
                for dr in range(rowspan):
                    target = lines[r + dr]
                    end = c + colspan
                    if len(target) < end:
                        if len(target) < c:
                            holed.add(r + dr)
                        target.extend([None] * (end - len(target)))
                    for pos in range(c, end):
                        if target[pos] is None:
                            target[pos] = RawCell("", anchor, True)
            c += colspan
    rows: list[list[RawCell]] = []
    for r, line in enumerate(lines):
        if not line:
            continue  # an empty <tr></tr> (Word writes them for row heights)
        # ``is None``, not ``None in line``: that calls RawCell.__eq__ once per cell.
        if r in holed and any(cell is None for cell in line):
            anchor = Anchor("html", path=row_paths[r])
            line = [cell if cell is not None else RawCell(text="", anchor=anchor) for cell in line]
        rows.append(line)  # type: ignore[arg-type]
    return RawTable(rows=rows, anchor=Anchor("html", path=table_path))


def row_paragraphs(table: Any, tree: Any) -> list[Paragraph]:
    """A table that is not a report table, as text: one paragraph per row, cells joined by a space."""
    out: list[Paragraph] = []
    rows = _own_rows(table)
    cells = [_own_cells(row) for row in rows]
    slow = slow_cells(table, rows, {cell for row in cells for cell in row})
    # The rows' paths in one pass: tree.getpath(row) counts the row's siblings, quadratic in rows.
    paths = _row_paths(table, tree.getpath(table), rows, tree)
    for row_cells, path in zip(cells, paths, strict=True):
        texts = [cell_text(td, slow=slow).replace("\n", " ") for td in row_cells]
        text = " ".join(t for t in texts if t)
        if text:
            out.append(Paragraph(text=text, anchor=Anchor("html", path=path)))
    return out
