"""Word .docx: ``word/document.xml`` parsed with lxml into paragraphs and span-aware raw tables.

Why not python-docx's ``cell.text``: it drops text inside ``w:ins`` (unaccepted insertions) and
``w:sdt`` (content controls), and it repeats a merged cell's text at every grid position it covers.
Reports come from many offices and many Word/WPS versions, so the walk below reads the XML itself,
the way Word shows the document with all tracked changes accepted.

Tables become a grid: ``gridSpan`` and ``vMerge`` are expanded so that the origin cell carries
``colspan``/``rowspan`` and every covered position is ``RawCell(merged=True, text="")``; positions
missing through ``gridBefore``/``gridAfter`` are not emitted. Anchors name the ``w:tbl`` (index
among all ``w:tbl`` of the body in document order, nested ones included), the ``w:tr`` and the
``w:tc`` exactly as ``find_tc`` walks them, so a writer can put a corrected value back in place.

The file is untrusted: the package is opened through ``ooxml`` (size-checked zip members, XML parsed
without DTDs, entities or network); every failure is a ``ReadError`` with a code.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from lxml import etree

from gov_review.core.errors import ReadError
from gov_review.core.model import Anchor, Paragraph, RawCell, RawTable, SourceDocument
from gov_review.core.read import ooxml
from gov_review.core.read.html_table import MAX_TABLE_ROWS, has_report_labels
from gov_review.core.text.normalize import BOOKMARK_RE

W_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

_WS = " \t\u00a0\u3000\ufeff\r\n"


class _Tags:
    """Clark-notation tag names for one WordprocessingML namespace (transitional or strict)."""

    def __init__(self, ns: str) -> None:
        def q(local: str) -> str:
            return f"{{{ns}}}{local}"

        self.ns = ns
        self.val = q("val")
        self.body = q("body")
        self.p = q("p")
        self.r = q("r")
        self.t = q("t")
        self.tab = q("tab")
        self.br = q("br")
        self.cr = q("cr")
        self.no_break_hyphen = q("noBreakHyphen")
        self.tbl = q("tbl")
        self.tr = q("tr")
        self.tc = q("tc")
        self.tr_pr = q("trPr")
        self.tc_pr = q("tcPr")
        self.p_pr = q("pPr")
        self.p_style = q("pStyle")
        self.grid_span = q("gridSpan")
        self.grid_before = q("gridBefore")
        self.grid_after = q("gridAfter")
        self.v_merge = q("vMerge")
        self.sdt = q("sdt")
        self.sdt_pr = q("sdtPr")
        self.sdt_content = q("sdtContent")
        self.showing_plc_hdr = q("showingPlcHdr")
        self.ins = q("ins")
        self.del_ = q("del")
        self.move_to = q("moveTo")
        self.move_from = q("moveFrom")
        # Inline wrappers whose runs are part of the visible text.
        self.inline_containers = frozenset(
            q(x)
            for x in ("r", "hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "bdo", "dir")
        )
        self.fast = (q("t"), q("tab"), q("br"), q("cr"), q("noBreakHyphen"))
        # Where a paragraph holds one of these, the simple scan is not enough (see paragraph_text).
        self.slow = (q("sdt"), q("txbxContent"), q("moveFrom"), f"{{{MC_NS}}}AlternateContent")
        self.scan = self.fast + self.slow
        # Block wrappers whose paragraphs/tables are part of the body.
        self.block_containers = frozenset(q(x) for x in ("customXml", "ins", "moveTo"))


_TAGS = {W_MAIN: _Tags(W_MAIN), W_STRICT: _Tags(W_STRICT)}


# ------------------------------------------------------------------------------------------------
# Structure helpers shared by the reader and find_tc (they must walk rows/cells identically)


def table_rows(tbl: etree._Element, tags: _Tags) -> list[etree._Element]:
    """The ``w:tr`` of a table in order, looking through row-level content controls."""
    rows: list[etree._Element] = []
    _collect_children(tbl, tags.tr, tags, rows)
    return rows


def row_cells(tr: etree._Element, tags: _Tags) -> list[etree._Element]:
    """The ``w:tc`` of a row in order, looking through cell-level content controls."""
    cells: list[etree._Element] = []
    _collect_children(tr, tags.tc, tags, cells)
    return cells


def _collect_children(parent: etree._Element, want: str, tags: _Tags, out: list[etree._Element]) -> None:
    for child in parent:
        tag = child.tag
        if tag == want:
            out.append(child)
        elif tag == tags.sdt:
            content = _child(child, tags.sdt_content)
            if content is not None:
                _collect_children(content, want, tags, out)
        elif tag in tags.block_containers:
            _collect_children(child, want, tags, out)


def tags_for(root: etree._Element) -> _Tags:
    ns = etree.QName(root).namespace or W_MAIN
    return _TAGS.get(ns, _TAGS[W_MAIN])


def _body(root: etree._Element, tags: _Tags) -> etree._Element:
    if root.tag == tags.body:
        return root
    body = root.find(tags.body)
    if body is None:
        raise LookupError("no w:body")
    return body


def find_tc(document_root: etree._Element, anchor: Anchor) -> etree._Element:
    """The ``w:tc`` a docx cell anchor names, in a parsed ``word/document.xml``.

    Raises LookupError when the document does not have that table/row/cell (e.g. it was edited).
    """
    if anchor.kind != "docx" or anchor.table is None or anchor.row is None or anchor.cell is None:
        raise LookupError(f"not a docx cell anchor: {anchor!r}")
    root = document_root.getroot() if hasattr(document_root, "getroot") else document_root
    tags = tags_for(root)
    body = _body(root, tags)
    for i, tbl in enumerate(body.iter(tags.tbl)):
        if i == anchor.table:
            rows = table_rows(tbl, tags)
            if not 0 <= anchor.row < len(rows):
                break
            cells = row_cells(rows[anchor.row], tags)
            if not 0 <= anchor.cell < len(cells):
                break
            return cells[anchor.cell]
    raise LookupError(f"no w:tc at table {anchor.table}, row {anchor.row}, cell {anchor.cell}")


def _child(el: etree._Element, tag: str) -> etree._Element | None:
    # lxml's find() goes through ElementPath (about 2 µs a call); properties are the first child, so
    # a plain loop is several times faster on a table of a few hundred cells.
    for child in el:
        if child.tag == tag:
            return child
    return None


def _int_attr(el: etree._Element | None, tags: _Tags, default: int) -> int:
    if el is None:
        return default
    try:
        return max(0, min(int(str(el.get(tags.val, default))), 1000))
    except ValueError:
        return default


# ------------------------------------------------------------------------------------------------
# The walk


@lru_cache(maxsize=65536)
def _cell_anchor(table: int, row: int, cell: int) -> Anchor:
    # Anchors are frozen values and cost ~2 µs each to build; the same few thousand (table, row,
    # cell) triples recur in every report of a folder, so they are shared.
    return Anchor("docx", table=table, row=row, cell=cell)


@lru_cache(maxsize=65536)
def _paragraph_anchor(index: int) -> Anchor:
    return Anchor("docx", paragraph=index)


class _Walker:
    def __init__(self, tags: _Tags, body: etree._Element) -> None:
        self.t = tags
        self.used_styles: set[str] = set()
        self.tbl_index = {tbl: i for i, tbl in enumerate(body.iter(tags.tbl))}
        self.texts, self.slow = self._scan_texts(body)
        self.blocks: list[Paragraph | RawTable] = []
        self.paragraph_count = 0
        self.odd_spaces = 0
        self.bookmarks = 0

    # -- text ------------------------------------------------------------------------------

    def _collect(self, el: etree._Element, parts: list[str]) -> None:
        t = self.t
        for child in el:
            tag = child.tag
            if tag == t.t:
                if child.text:
                    parts.append(child.text)
            elif tag in t.inline_containers:
                self._collect(child, parts)
            elif tag == t.tab:
                # Only run-level tabs reach here (pPr/tabs is never descended into).
                parts.append(" ")
            elif tag == t.br or tag == t.cr:
                parts.append("\n")
            elif tag == t.no_break_hyphen:
                parts.append("-")
            elif tag == t.sdt:
                self._collect_sdt(child, parts)
            # Everything else is skipped on purpose: w:del/w:moveFrom (deleted), w:pPr/w:rPr
            # (properties), w:instrText (field codes), drawings and text boxes (not body text).

    def _collect_sdt(self, sdt: etree._Element, parts: list[str]) -> None:
        props = _child(sdt, self.t.sdt_pr)
        if props is not None and _child(props, self.t.showing_plc_hdr) is not None:
            return  # the control shows its placeholder ("单击此处输入文字"), i.e. it is empty
        content = _child(sdt, self.t.sdt_content)
        if content is not None:
            self._collect(content, parts)

    def _scan_texts(self, body: etree._Element) -> tuple[dict[etree._Element, list[str]], set[Any]]:
        """The text pieces of every paragraph of the body, in one pass of lxml's C iterator.

        One ``iter`` over the whole body costs about as much as a few paragraphs' own ``iter``
        calls, so paragraphs are not scanned one by one. A piece belongs to its nearest ``w:p``
        ancestor (almost always its run's parent). Paragraphs holding a content control, a text
        box, alternate content or moved-away text are marked slow: they take the full walk.
        """
        t = self.t
        p_tag, r_tag, t_tag, tab_tag = t.p, t.r, t.t, t.tab
        texts: dict[etree._Element, list[str]] = {}
        slow: set[Any] = set()
        for el in body.iter(*t.scan):
            tag = el.tag
            parent = el.getparent()
            if tag == t_tag:
                piece = el.text
                if not piece:
                    continue
            elif tag == tab_tag:
                if parent.tag != r_tag:  # a tab stop in w:pPr/w:tabs, not a tab character
                    continue
                piece = " "
            elif tag in t.slow:
                while parent is not None:  # every enclosing paragraph needs the full walk
                    if parent.tag == p_tag:
                        slow.add(parent)
                    parent = parent.getparent()
                continue
            elif tag == t.no_break_hyphen:
                piece = "-"
            else:  # w:br, w:cr
                piece = "\n"
            owner = parent.getparent() if parent is not None else None
            if owner is None or owner.tag != p_tag:
                owner = parent
                while owner is not None and owner.tag != p_tag:
                    owner = owner.getparent()
                if owner is None:
                    continue
            parts = texts.get(owner)
            if parts is None:
                texts[owner] = [piece]
            else:
                parts.append(piece)
        return texts, slow

    def paragraph_text(self, p: etree._Element) -> str:
        if p in self.slow:
            parts: list[str] = []
            self._collect(p, parts)
            text = "".join(parts)
        else:
            parts_or_none = self.texts.get(p)
            text = "".join(parts_or_none) if parts_or_none else ""
        if "[bookmark" in text:
            text, n = BOOKMARK_RE.subn("", text)
            self.bookmarks += n
        if "\u00a0" in text or "\u3000" in text:
            self.odd_spaces += 1
        return text

    def _style(self, p: etree._Element) -> str | None:
        ppr = _child(p, self.t.p_pr)
        if ppr is None:
            return None
        ps = _child(ppr, self.t.p_style)
        if ps is None:
            return None
        sid = str(ps.get(self.t.val, ""))
        if not sid:
            return None
        self.used_styles.add(sid)
        return sid  # an id for now; read() turns it into the style's name

    # -- blocks ----------------------------------------------------------------------------

    def walk(self, parent: etree._Element) -> None:
        t = self.t
        for child in parent:
            tag = child.tag
            if tag == t.p:
                index = self.paragraph_count
                self.paragraph_count += 1
                text = self.paragraph_text(child).strip(_WS)
                if text:
                    anchor = Anchor("docx", paragraph=index)
                    self.blocks.append(Paragraph(text=text, anchor=anchor, style=self._style(child)))
            elif tag == t.tbl:
                self.blocks.extend(self.table(child))
            elif tag == t.sdt:
                content = _child(child, t.sdt_content)
                if content is not None:
                    self.walk(content)
            elif tag in t.block_containers:
                self.walk(child)

    def _cell_text(self, tc: etree._Element, nested: list[RawTable]) -> str:
        lines: list[str] = []
        self._cell_blocks(tc, lines, nested)
        return "\n".join(lines)

    def _cell_blocks(self, parent: etree._Element, lines: list[str], nested: list[RawTable]) -> None:
        t = self.t
        after_table = False
        for child in parent:
            tag = child.tag
            if tag == t.p:
                text = self.paragraph_text(child)
                # Word must end a cell with a paragraph, so a nested table is always followed by an
                # empty one nobody typed.
                if text or not after_table:
                    lines.append(text)
                after_table = False
            elif tag == t.tbl:
                # A nested table is a table of its own; its text is not the outer cell's text.
                nested.extend(self.table(child))
                after_table = True
            elif tag == t.sdt:
                content = _child(child, t.sdt_content)
                if content is not None:
                    self._cell_blocks(content, lines, nested)
            elif tag in t.block_containers:
                self._cell_blocks(child, lines, nested)

    def _plain_cell_text(self, tc: etree._Element) -> tuple[etree._Element | None, str | None]:
        """``(tcPr, text)`` of a cell that holds only properties and paragraphs (nearly all do).

        The text is None when the cell holds anything else (a nested table, a content control, a
        tracked block): then ``_cell_text`` takes the general walk.
        """
        t = self.t
        tcpr = None
        paragraphs: list[etree._Element] = []
        for child in tc:
            tag = child.tag
            if tag == t.p:
                paragraphs.append(child)
            elif tag == t.tc_pr:
                tcpr = child
            elif tag == t.tbl or tag == t.sdt or tag in t.block_containers:
                return tcpr if tcpr is not None else _child(tc, t.tc_pr), None
        return tcpr, "\n".join([self.paragraph_text(p) for p in paragraphs])

    def table(self, tbl: etree._Element) -> list[RawTable]:
        """The table and, after it, the tables nested in its cells (document order)."""
        t = self.t
        ti = self.tbl_index.get(tbl, -1)
        nested: list[RawTable] = []
        rows: list[list[RawCell]] = []
        # grid column -> the origin cell of a vertical merge still open at that column
        open_v: dict[int, RawCell] = {}
        grid_span, v_merge = t.grid_span, t.v_merge
        for ri, tr in enumerate(table_rows(tbl, t)):
            trpr = _child(tr, t.tr_pr)
            before = 0
            if trpr is not None:
                if _child(trpr, t.del_) is not None:
                    continue  # a tracked row deletion: gone once changes are accepted
                before = _int_attr(_child(trpr, t.grid_before), t, 0)
            col = before
            out: list[RawCell] = []
            still_open: dict[int, RawCell] = {}
            for ci, tc in enumerate(row_cells(tr, t)):
                span = 1
                vmerge: str | None = None
                tcpr, text = self._plain_cell_text(tc)
                if tcpr is not None:
                    for prop in tcpr:
                        ptag = prop.tag
                        if ptag == grid_span:
                            span = max(1, _int_attr(prop, t, 1))
                        elif ptag == v_merge:
                            vmerge = str(prop.get(t.val, "continue"))
                if text is None:
                    # Text in a continuation cell is not shown by Word; only nested tables count.
                    text = self._cell_text(tc, nested)
                grid_cell(
                    out, open_v, still_open, col, _cell_anchor(ti, ri, ci), text, span, vmerge
                )
                col += span
            open_v = still_open
            rows.append(out)
        table = RawTable(rows=rows, anchor=Anchor("docx", table=ti), index=ti)
        return [table, *nested]


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
    """Put one ``w:tc`` on its row's grid positions .

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


# ------------------------------------------------------------------------------------------------


def read(path: str, data: bytes) -> SourceDocument:
    name = ooxml.name_of(path)
    zf = ooxml.open_zip(name, data)
    with zf:
        main = ooxml.main_part(zf, name, path)
        root = ooxml.parse_xml(name, main, ooxml.read_member(zf, name, main, ooxml.MAX_DOCUMENT_XML))
        tags = tags_for(root)
        try:
            body = _body(root, tags)
        except LookupError as exc:
            raise ReadError("corrupt", name=name, reason="正文为空（没有 w:body）") from exc
        _check_table_lengths(name, body, tags)
        walker = _Walker(tags, body)
        walker.walk(body)
        blocks, used = walker.blocks, walker.used_styles
        insertions = sum(1 for _ in body.iter(tags.ins, tags.move_to))
        deletions = sum(1 for _ in body.iter(tags.del_, tags.move_from))
        styles = ooxml.style_names(zf, name, main, used)
    for block in blocks:
        if isinstance(block, Paragraph) and block.style is not None:
            block.style = styles.get(block.style, block.style)
    notes: list[tuple[str, dict[str, Any]]] = []
    if insertions or deletions:
        notes.append(("tracked_changes", {"insertions": insertions, "deletions": deletions}))
    if walker.bookmarks:
        notes.append(("bookmark_removed", {"count": walker.bookmarks}))
    if walker.odd_spaces:
        notes.append(("odd_spaces", {"count": walker.odd_spaces}))
    return SourceDocument(path=path, kind="docx", blocks=blocks, notes=notes)


def _check_table_lengths(name: str, body: etree._Element, tags: _Tags) -> None:
    """Refuse a statistics table longer than any report's before it is walked (10⁵ rows took minutes)."""
    for tbl in body.iter(tags.tbl):
        rows = table_rows(tbl, tags)
        if len(rows) > MAX_TABLE_ROWS:
            head = "".join(t.text or "" for row in rows[:60] for t in row.iter(tags.t))
            if has_report_labels(head):
                raise ReadError("table_too_long", name=name, rows=len(rows), limit=MAX_TABLE_ROWS)


def parse_document_xml(data: bytes, name: str = "document.xml") -> etree._Element:
    """Parse a document.xml with the same safe parser the reader uses (for writers and tests)."""
    return ooxml.parse_xml(name, "word/document.xml", data)
