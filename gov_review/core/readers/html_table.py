"""HTML tables: telling a report table from chrome, and laying rowspan/colspan out on a grid.

The grid follows the HTML table model (what a browser draws): each ``<td>`` goes to the first free
position of its row, positions covered by an earlier rowspan are skipped. The origin keeps the text
and its spans; every covered position becomes ``RawCell(text="", merged=True)`` carrying the
origin's anchor, which is how the docx and text readers present the same report.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from lxml import etree

from ..model import Anchor, Paragraph, RawCell, RawTable

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
# Counted to choose the fast path: one block child is no line break; skip tags force the slow path.
_BREAKS_XPATH = (
    ".//br|.//p|.//div|.//li|.//h1|.//h2|.//h3|.//h4|.//h5|.//h6|.//tr|.//table"
    "|.//script|.//style|.//noscript|.//template|.//button|.//select"
)


# Compiled once: ``el.xpath(text)`` compiles its expression on every call, which made these
# per-cell look-ups most of the HTML reader's time.
_BREAKS = etree.XPath(_BREAKS_XPATH)
_OWN_ROWS = etree.XPath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
_OWN_CELLS = etree.XPath("./td|./th")
_NESTED_TABLES = etree.XPath(".//table")
_LEADING_DIGITS_RE = re.compile(r"\d+")
_WS_RE = re.compile(r"\s+")
_STRING = etree.XPath(
    "string()", smart_strings=False
)  # the text of all descendants, as itertext() joins it, in C


def _own_rows(table: Any) -> list[Any]:
    return _OWN_ROWS(table)


def _own_cells(row: Any) -> list[Any]:
    return _OWN_CELLS(row)


def _own_text(table: Any) -> str:
    """The table's text without that of tables nested in it."""
    if table.find(".//table") is None:
        return "".join(table.itertext())
    parts: list[str] = []
    for row in _own_rows(table):
        for cell in _own_cells(row):
            parts.append(cell_text(cell, nested=False))
    return "".join(parts)


def is_report_table(table: Any) -> Literal["report", "layout", "other"]:
    nested = _NESTED_TABLES(table)
    if nested and any(_has_labels(_own_text(t)) for t in nested):
        return "layout"
    if _has_labels(_own_text(table)):
        return "report"
    return "layout" if nested else "other"


def _has_labels(text: str) -> bool:
    text = _WS_RE.sub("", text)
    return any(label in text for label in REPORT_LABELS) or (
        "行政复议" in text and "行政诉讼" in text and "总计" in text
    )


def clean_text(text: str) -> str:
    """HTML white space as a browser renders it: a source line break between CJK characters is
    nothing (Word wraps its HTML at 80 columns, often mid-sentence), other runs are one space."""
    text = _SOURCE_BREAK_RE.sub("", text)
    return _SPACES_RE.sub(" ", text).strip(_WS)


def cell_text(cell: Any, nested: bool = True) -> str:
    """A cell's text; ``<br>``, ``<p>`` and ``<div>`` inside it become line breaks."""
    if len(cell) == 0:
        return clean_text(cell.text or "")
    breaks = _BREAKS(cell)
    if not breaks or (len(breaks) == 1 and breaks[0].tag == "p"):
        # Word's usual cell, one <p> of <span>s: no line break to keep, so let lxml gather the text.
        return clean_text(_STRING(cell))
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


def _span(el: Any, name: str) -> int:
    value = el.get(name)
    if value is None or value == "1":
        return 1
    digits = _LEADING_DIGITS_RE.match(value.strip())
    n = int(digits.group(0)) if digits else 1
    return max(1, min(n, MAX_SPAN))


def _cell_paths(row_path: str, cells: list[Any]) -> list[str]:
    """What ``tree.getpath`` gives for each cell, built from its row's path.

    libxml2 numbers an element (``td[2]``) only when its parent has other children of the same
    name; the cells of a row are the row's own children, so their paths follow from the row's
    without walking up the tree once per cell.
    """
    n_td = sum(1 for c in cells if c.tag == "td")
    totals = {"td": n_td, "th": len(cells) - n_td}
    seen = {"td": 0, "th": 0}
    out = []
    for cell in cells:
        tag = cell.tag
        seen[tag] += 1
        out.append(f"{row_path}/{tag}[{seen[tag]}]" if totals[tag] > 1 else f"{row_path}/{tag}")
    return out


def table_from_element(table: Any, tree: Any) -> RawTable:
    rows_el = _own_rows(table)
    grid: dict[tuple[int, int], RawCell] = {}
    widths: list[int] = [0] * len(rows_el)
    row_paths = [tree.getpath(row) for row in rows_el]
    for r, row in enumerate(rows_el):
        c = 0
        cells = _own_cells(row)
        for td, path in zip(cells, _cell_paths(row_paths[r], cells), strict=True):
            while (r, c) in grid:
                c += 1
            colspan = _span(td, "colspan")
            # rowspan beyond the table's last row is clamped, as browsers do.
            rowspan = min(_span(td, "rowspan"), len(rows_el) - r)
            anchor = Anchor("html", path=path)
            grid[(r, c)] = RawCell(cell_text(td), anchor, False, colspan, rowspan)
            if rowspan > 1 or colspan > 1:
                for dr in range(rowspan):
                    for dc in range(colspan):
                        if dr or dc:
                            grid.setdefault((r + dr, c + dc), RawCell("", anchor, True))
                            widths[r + dr] = max(widths[r + dr], c + dc + 1)
            widths[r] = max(widths[r], c + colspan)
            c += colspan
    rows: list[list[RawCell]] = []
    for r in range(len(rows_el)):
        if widths[r] == 0:
            continue  # an empty <tr></tr> (Word writes them for row heights)
        anchor = Anchor("html", path=row_paths[r])
        rows.append([grid.get((r, c)) or RawCell(text="", anchor=anchor) for c in range(widths[r])])
    return RawTable(rows=rows, anchor=Anchor("html", path=tree.getpath(table)))


def row_paragraphs(table: Any, tree: Any) -> list[Paragraph]:
    """A table that is not a report table, as text: one paragraph per row, cells joined by a space."""
    out: list[Paragraph] = []
    for row in _own_rows(table):
        texts = [cell_text(td).replace("\n", " ") for td in _own_cells(row)]
        text = " ".join(t for t in texts if t)
        if text:
            out.append(Paragraph(text=text, anchor=Anchor("html", path=tree.getpath(row))))
    return out
