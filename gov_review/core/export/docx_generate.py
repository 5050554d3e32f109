"""A clean .docx in the national layout, for reports that did not come as .docx (text, HTML, PDF).

Title, the six sections with the report's own prose, and tables 二, 三 and 四 laid out as the
national format prints them (the merged headers of ``template_2021.docx``), carrying the corrected
values. Every template row is present, so a row the original left out appears blank.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from gov_review.core.export.common import clean_text
from gov_review.core.formats.table_layout import layout_for
from gov_review.core.model import Paragraph
from gov_review.core.review.session import ReviewSession

# (row, column, colspan, rowspan, text, cell id or None) — one entry per visible cell of a grid.
Entry = tuple[int, int, int, int, str, "str | None"]


SECTION_TITLES = {
    1: "一、总体情况",
    2: "二、主动公开政府信息情况",
    3: "三、收到和处理政府信息公开申请情况",
    4: "四、政府信息公开行政复议、行政诉讼情况",
    5: "五、存在的主要问题及改进情况",
    6: "六、其他需要报告的事项",
}


def _fonts(run, east_asia: str, size: float, bold: bool = False) -> None:
    run.font.name = "Times New Roman"
    run.font.size = Pt(size)
    run.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east_asia)


def _value(session: ReviewSession, cid: str) -> str:
    cell = session.cell(cid)
    return "" if cell is None or cell.raw is None else cell.raw.strip()


# ------------------------------------------------------------------------------------------------
# Grids


def grid(table: str, fmt: str, session: ReviewSession) -> tuple[int, list[Entry]]:
    """Table ``table`` as the format prints it (formats/table_layout.py, the grid the window shows
    too), with the session's values in its data cells: the column count and one entry per cell."""
    layout = layout_for(table, fmt)
    entries = [
        (
            it.row,
            it.col,
            it.colspan,
            it.rowspan,
            _value(session, it.cell_id) if it.cell_id else it.zh,
            it.cell_id,
        )
        for it in layout.items
    ]
    return layout.cols, entries


def add_grid(document, ncols: int, entries: Sequence[Entry]) -> None:
    """Append a table with Word's own merges (gridSpan, vMerge restart/continue).

    The rows are written as XML directly: python-docx's ``cell()``/``merge()`` recompute the whole
    grid on every call, which made one table 3 take over a second.
    """
    nrows = max(e[0] + e[3] for e in entries)
    table = document.add_table(rows=0, cols=ncols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    width = int(9000 / ncols)  # twentieths of a point across an A4 text width
    for gc in table._tbl.tblGrid.findall(qn("w:gridCol")):
        gc.set(qn("w:w"), str(width))
    for r in range(nrows):
        slots = []
        for er, c, cs, rs, text, _cid in entries:
            if er <= r < er + rs:
                slots.append((c, cs, text if er == r else None, rs > 1, er == r))
        tr = OxmlElement("w:tr")
        for _c, cs, text, vertical, origin in sorted(slots):
            tr.append(_tc(width * cs, cs, text, ("restart" if origin else "continue") if vertical else None))
        table._tbl.append(tr)


def _tc(width: int, span: int, text: str | None, vmerge: str | None):
    tc = OxmlElement("w:tc")
    tcpr = OxmlElement("w:tcPr")
    tcw = OxmlElement("w:tcW")
    tcw.set(qn("w:w"), str(width))
    tcw.set(qn("w:type"), "dxa")
    tcpr.append(tcw)
    if span > 1:
        gs = OxmlElement("w:gridSpan")
        gs.set(qn("w:val"), str(span))
        tcpr.append(gs)
    if vmerge is not None:
        vm = OxmlElement("w:vMerge")
        if vmerge == "restart":
            vm.set(qn("w:val"), "restart")
        tcpr.append(vm)
    va = OxmlElement("w:vAlign")
    va.set(qn("w:val"), "center")
    tcpr.append(va)
    tc.append(tcpr)
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    jc = OxmlElement("w:jc")
    jc.set(qn("w:val"), "center")
    ppr.append(jc)
    p.append(ppr)
    if text:
        run = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        fonts = OxmlElement("w:rFonts")
        fonts.set(qn("w:ascii"), "Times New Roman")
        fonts.set(qn("w:hAnsi"), "Times New Roman")
        fonts.set(qn("w:eastAsia"), "宋体")
        size = OxmlElement("w:sz")
        size.set(qn("w:val"), "18")
        rpr.extend([fonts, size])
        t = OxmlElement("w:t")
        t.text = clean_text(text)
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.extend([rpr, t])
        p.append(run)
    tc.append(p)
    return tc


# ------------------------------------------------------------------------------------------------


def _squash(text: str) -> str:
    return re.sub(r"[\s\u00a0\u3000]+", "", text)


def generate_docx_bytes(session: ReviewSession) -> bytes:
    data = session.data
    doc_src = session.report.source
    fmt = data.format or "2021"
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")

    title = data.title or f"{data.body.name or ''}{data.year or ''}年政府信息公开工作年度报告"
    p = document.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _fonts(p.add_run(clean_text(_squash(title))), "方正小标宋简体", 22)

    blocks = doc_src.blocks if doc_src is not None else []
    sections = sorted(data.sections, key=lambda s: s.block_index)
    first = sections[0].block_index if sections else len(blocks)
    squashed_title = _squash(title)
    for b in blocks[:first]:
        if isinstance(b, Paragraph) and _squash(b.text) and _squash(b.text) not in squashed_title:
            _body(document, b.text)
    by_number = {s.number: s for s in sections}
    for number in range(1, 7):
        heading = document.add_paragraph(style="Heading 1")
        _fonts(heading.add_run(SECTION_TITLES[number]), "黑体", 16)
        sec = by_number.get(number)
        if sec is not None:
            end = sec.end_block if sec.end_block >= 0 else len(blocks)
            for b in blocks[sec.block_index + 1 : end]:
                if isinstance(b, Paragraph) and b.text.strip():
                    _body(document, b.text)
        if number in (2, 3, 4):
            add_grid(document, *grid(f"t{number}", fmt, session))
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _body(document, text: str) -> None:
    p = document.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(32)
    _fonts(p.add_run(clean_text(text).strip(" \t\u00a0\u3000")), "仿宋_GB2312", 16)


def generate_docx(session: ReviewSession) -> tuple[bytes, list[str]]:
    """A new .docx in the national layout, and the edited cells it carries (all of them)."""
    return generate_docx_bytes(session), session.edited_cells()
