"""The .docx body read in one pass of lxml's C iterator, for the common shape of a report.

Most reports are paragraphs and tables of plain cells: no content controls, tracked changes, text
boxes, custom XML or nested tables. For those, one ``body.iter`` over the few tags that matter
(paragraphs, runs' text, cells, rows, tables and the span/merge/style properties) gives everything
the general walk in ``docx`` finds, at about a third of its cost: the general walk visits every
cell's and property's children from Python, this pass lets libxml2 skip them.

``walk`` returns None as soon as it meets anything outside that shape (one of ``_Tags.rare``, an
element where the shape does not put it, a property the general walk would read differently); the
caller then takes the general walk, so results never depend on which path read the file. The
equivalence is tested on every fixture (tests/core/test_docx_fastpath.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lxml import etree

from gov_review.core.model import Anchor, Paragraph, RawCell, RawTable
from gov_review.core.text.normalize import BOOKMARK_RE

if TYPE_CHECKING:
    from gov_review.core.read.docx import _Tags

_WS = " \t\u00a0\u3000\ufeff\r\n"


class FastResult:
    """What the walk found, in the form ``docx.read`` turns into a SourceDocument."""

    __slots__ = ("blocks", "bookmarks", "odd_spaces", "used_styles")

    def __init__(self) -> None:
        self.blocks: list[Paragraph | RawTable] = []
        self.used_styles: set[str] = set()
        self.bookmarks = 0
        self.odd_spaces = 0


def grid_cell(
    out: list[RawCell],
    open_v: dict[int, RawCell],
    still_open: dict[int, RawCell],
    col: int,
    anchor: Anchor,
    text: str,
    span: int,
    vmerge: str | None,
) -> None:
    """Put one ``w:tc`` on its row's grid positions (both walks do it alike).

    A ``vMerge="continue"`` under an open merge grows that origin's rowspan and takes its place
    covered; any other cell is an origin (kept open for the rows below when it starts a merge).
    The further positions of a ``gridSpan`` are covered by the same anchor.
    """
    origin = open_v.get(col) if vmerge == "continue" else None
    if origin is not None:
        origin.rowspan += 1
        still_open[col] = origin
        out.append(RawCell("", anchor, True))
    else:
        cell = RawCell(text, anchor, False, span)
        if vmerge is not None:
            still_open[col] = cell
        out.append(cell)
    if span > 1:
        out.extend(RawCell("", anchor, True) for _ in range(span - 1))


def _int_val(el: etree._Element, val: str, default: int) -> int:
    # The same reading as docx._int_attr, so a span or grid offset comes out identical.
    try:
        return max(0, min(int(str(el.get(val, default))), 1000))
    except ValueError:
        return default


def _owner(el: etree._Element, p_tag: str) -> etree._Element | None:
    """The nearest ``w:p`` ancestor-or-self of ``el`` (the rare case: a piece not in p/r)."""
    node: Any = el
    while node is not None and node.tag != p_tag:
        node = node.getparent()
    return node


def walk(body: etree._Element, t: _Tags, cell_anchor: Any, paragraph_anchor: Any) -> FastResult | None:
    """The blocks of ``body`` as ``docx._Walker`` would give them, or None outside the common shape."""
    p_tag, t_tag, tc_tag, tr_tag, tbl_tag, r_tag = t.p, t.t, t.tc, t.tr, t.tbl, t.r
    tab_tag, br_tag, cr_tag, nbh_tag = t.tab, t.br, t.cr, t.no_break_hyphen
    span_tag, vmerge_tag, before_tag, style_tag = t.grid_span, t.v_merge, t.grid_before, t.p_style
    val = t.val
    marks = (tab_tag, br_tag, cr_tag, nbh_tag)
    cell_props = (span_tag, vmerge_tag)

    # Phase 1: structure and text pieces, in document order.
    # body_items: (False, parts) for a body paragraph, (True, rows) for a table.
    # rows: [before, cells]; cell: [paragraph parts lists, span, vmerge].
    body_items: list[tuple[bool, Any]] = []
    styles: dict[int, str | None] = {}
    cur_p: Any = None
    parts: list[str] = []
    cur_tc: Any = None
    cell: list[Any] = []
    cur_tr: Any = None
    row: list[Any] = []
    cur_tbl: Any = None
    rows: list[Any] = []
    props_of: Any = None  # the tcPr whose gridSpan/vMerge were checked to be the cell's last tcPr

    for el in body.iter(*t.fast_scan):
        tag = el.tag
        if tag == t_tag:
            s = el.text
            if not s:
                continue
            par = el.getparent()
            if par.getparent() is not cur_p:
                owner = _owner(par, p_tag)
                if owner is None:
                    continue  # text outside any paragraph is not shown
                if owner is not cur_p:
                    return None
            parts.append(s)
        elif tag == p_tag:
            par = el.getparent()
            parts = []
            if par is cur_tc:
                cell[0].append(parts)
            elif par is body:
                cur_tc = cur_tr = cur_tbl = None
                body_items.append((False, parts))
            else:
                return None  # a paragraph in a text box, a deleted block, a nested paragraph...
            cur_p = el
        elif tag == tc_tag:
            if cur_tr is None or el.getparent() is not cur_tr:
                return None
            cur_tc = el
            cur_p = None
            cell = [[], 1, None]
            row[1].append(cell)
        elif tag == tr_tag:
            if cur_tbl is None or el.getparent() is not cur_tbl:
                return None
            cur_tr = el
            cur_tc = cur_p = None
            row = [None, []]
            rows.append(row)
        elif tag == tbl_tag:
            if el.getparent() is not body:
                return None  # nested tables take the general walk
            cur_tbl = el
            cur_tr = cur_tc = cur_p = None
            rows = []
            body_items.append((True, rows))
        elif tag in marks:
            par = el.getparent()
            if tag == tab_tag:
                if par.tag != r_tag:
                    continue  # a tab stop in w:pPr/w:tabs, not a tab character
                piece = " "
            elif tag == nbh_tag:
                piece = "-"
            else:
                piece = "\n"
            if par.getparent() is not cur_p:
                owner = _owner(par, p_tag)
                if owner is None:
                    continue
                if owner is not cur_p:
                    return None
            parts.append(piece)
        elif tag in cell_props:
            tcpr = el.getparent()
            if tcpr is not props_of:
                # The general walk reads the cell's last tcPr (nearly always its only one).
                if cur_tc is None or tcpr.tag != t.tc_pr or tcpr.getparent() is not cur_tc:
                    return None
                for _ in tcpr.itersiblings(t.tc_pr):
                    return None
                props_of = tcpr
            if tag == span_tag:
                cell[1] = max(1, _int_val(el, val, 1))
            else:
                cell[2] = str(el.get(val, "continue"))
        elif tag == style_tag:
            ppr = el.getparent()
            if cur_p is None or ppr.getparent() is not cur_p or ppr.tag != t.p_pr:
                return None
            if next(cur_p.iterchildren(t.p_pr), None) is not ppr:
                return None
            key = id(parts)
            if key not in styles:  # the first w:pStyle of the first w:pPr
                sid = str(el.get(val, ""))
                styles[key] = sid or None
        elif tag == before_tag:
            trpr = el.getparent()
            if cur_tr is None or cur_tc is not None or trpr.tag != t.tr_pr or trpr.getparent() is not cur_tr:
                return None
            if next(cur_tr.iterchildren(t.tr_pr), None) is not trpr:
                return None
            if row[0] is None:
                row[0] = _int_val(el, val, 0)
        else:
            return None  # content controls, tracked changes, text boxes, custom XML...

    # Phase 2: the blocks, as _Walker.walk/table build them.
    out = FastResult()
    blocks = out.blocks
    paragraph_count = 0
    ti = -1
    bookmarks = odd = 0
    for is_table, item in body_items:
        if not is_table:
            text = "".join(item)
            if "[bookmark" in text:
                text, n = BOOKMARK_RE.subn("", text)
                bookmarks += n
            if "\u00a0" in text or "\u3000" in text:
                odd += 1
            index = paragraph_count
            paragraph_count += 1
            text = text.strip(_WS)
            if text:
                style = styles.get(id(item)) if styles else None
                if style is not None:
                    out.used_styles.add(style)
                blocks.append(Paragraph(text, paragraph_anchor(index), style))
            continue
        ti += 1
        table_rows: list[list[RawCell]] = []
        open_v: dict[int, RawCell] = {}
        for ri, (before, cells) in enumerate(item):
            col = before or 0
            row_out: list[RawCell] = []
            still_open: dict[int, RawCell] = {}
            for ci, (paragraphs, span, vmerge) in enumerate(cells):
                if len(paragraphs) == 1:  # nearly every cell
                    text = "".join(paragraphs[0])
                    if "[bookmark" in text:
                        text, n = BOOKMARK_RE.subn("", text)
                        bookmarks += n
                    if "\u00a0" in text or "\u3000" in text:
                        odd += 1
                else:
                    lines = []
                    for pieces in paragraphs:
                        line = "".join(pieces)
                        if "[bookmark" in line:
                            line, n = BOOKMARK_RE.subn("", line)
                            bookmarks += n
                        if "\u00a0" in line or "\u3000" in line:
                            odd += 1
                        lines.append(line)
                    text = "\n".join(lines)
                grid_cell(row_out, open_v, still_open, col, cell_anchor(ti, ri, ci), text, span, vmerge)
                col += span
            open_v = still_open
            table_rows.append(row_out)
        blocks.append(RawTable(rows=table_rows, anchor=Anchor("docx", table=ti), index=ti))
    out.bookmarks = bookmarks
    out.odd_spaces = odd
    return out
