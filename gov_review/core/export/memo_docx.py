"""The review memo as .docx in the form of GB/T 9704-2012 (党政机关公文格式).

A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; body 三号 仿宋_GB2312 at a fixed
28.95 pt line (22 lines a page); title 二号 方正小标宋简体; first-level headings 黑体, second-level
楷体_GB2312, third-level bold; page numbers ``— 1 —`` in 四号 宋体, odd pages right and even pages
left, one character in; the unit and the date at the foot (7.3.5.2, not sealed), the reviewer in a
note below; the corrections as an attachment on a page of its own. Every paragraph uses the Normal
style with the fonts set directly: no Word heading style (blue, Calibri Light), no theme font.

The fonts named are those Chinese government offices have; the font table gives Windows' own
仿宋/楷体/黑体 as alternates, so a machine without the _GB2312 fonts substitutes those, not a default.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

from gov_review.core.export.common import clean_text
from gov_review.core.export.memo import ATTACHMENT, NUMERALS, Item, Memo, reviewer_note, signature_indents

FANGSONG, KAITI, HEITI, XIAOBIAOSONG, SONG = "仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体"
ALTERNATES = {FANGSONG: "仿宋", KAITI: "楷体", XIAOBIAOSONG: "黑体"}
SIZE_2, SIZE_3, SIZE_4 = 22, 16, 14  # 二号, 三号, 四号 in points
LINE = Pt(28.95)  # 225 mm of text height / 22 lines
CHAR = Pt(SIZE_3)  # one character of 三号


def _fonts(rpr_owner, east_asia: str, size: float, bold: bool = False) -> None:
    """Set the fonts of a run or a style: Times New Roman for Latin text, ``east_asia`` for Chinese."""
    font = rpr_owner.font
    font.name = "Times New Roman"
    font.size = Pt(size)
    font.bold = bold
    fonts = rpr_owner.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    fonts.set(qn("w:eastAsia"), east_asia)


def _para(doc, text: str, font: str = FANGSONG, size: float = SIZE_3, *, bold: bool = False,
          align=None, first_line: float = 0.0, right: float = 0.0, line=LINE):
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = line
    fmt.space_before = fmt.space_after = Pt(0)
    if align is not None:
        p.alignment = align
    if first_line:
        fmt.first_line_indent = CHAR * first_line
    if right:
        fmt.right_indent = Pt(SIZE_3 * right)
    if text:
        run = p.add_run(clean_text(text))
        _fonts(run, font, size, bold)
    return p


def _page_field(paragraph) -> None:
    """A PAGE field between em dashes: ``— 1 —``."""

    def run_with(el=None, text: str | None = None):
        run = paragraph.add_run(text)
        _fonts(run, SONG, SIZE_4)
        if el is not None:
            run._r.append(el)
        return run

    run_with(text="— ")
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    run_with(text="1")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)
    run_with(text=" —")


def _page_numbers(doc, section) -> None:
    doc.settings.odd_and_even_pages_header_footer = True
    odd = section.footer.paragraphs[0]
    odd.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    odd.paragraph_format.right_indent = Pt(SIZE_4)  # 单页码居右空一字
    _page_field(odd)
    even = section.even_page_footer.paragraphs[0]
    even.alignment = WD_ALIGN_PARAGRAPH.LEFT
    even.paragraph_format.left_indent = Pt(SIZE_4)  # 双页码居左空一字
    _page_field(even)


def _font_alternates(doc) -> None:
    """Name Windows' own 仿宋/楷体/黑体 as alternates of the _GB2312 and 方正 fonts in fontTable.xml."""
    part = next((r.target_part for r in doc.part.rels.values() if r.reltype.endswith("/fontTable")), None)
    if part is None:
        return
    root = etree.fromstring(part.blob)
    w = root.nsmap.get("w") or "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    for name, alt in ALTERNATES.items():
        font = etree.SubElement(root, f"{{{w}}}font")
        font.set(f"{{{w}}}name", name)
        etree.SubElement(font, f"{{{w}}}altName").set(f"{{{w}}}val", alt)
        etree.SubElement(font, f"{{{w}}}charset").set(f"{{{w}}}val", "86")  # GB2312
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(28)
    normal = doc.styles["Normal"]
    _fonts(normal, FANGSONG, SIZE_3)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE
    fmt.space_before = fmt.space_after = Pt(0)
    # The document defaults name theme fonts (Calibri, 等线) that would win wherever a run sets none.
    for rfonts in doc.styles.element.xpath("./w:docDefaults//w:rFonts"):
        for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            rfonts.attrib.pop(qn(f"w:{attr}"), None)
        rfonts.set(qn("w:ascii"), "Times New Roman")
        rfonts.set(qn("w:hAnsi"), "Times New Roman")
        rfonts.set(qn("w:eastAsia"), FANGSONG)
    _page_numbers(doc, section)
    _font_alternates(doc)


def _attachment(doc, memo: Memo) -> None:
    p = _para(doc, "")
    p.add_run().add_break(WD_BREAK.PAGE)
    _para(doc, "附件", HEITI)
    _para(doc, "")
    _para(doc, ATTACHMENT, XIAOBIAOSONG, SIZE_2, align=WD_ALIGN_PARAGRAPH.CENTER, line=Pt(36))
    _para(doc, "")
    heads = ["序号", "单元格", "原值", "更正值", "理由"]
    widths = [Mm(12), Mm(62), Mm(20), Mm(20), Mm(42)]
    table = doc.add_table(rows=1, cols=len(heads))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    rows = [heads] + [
        [str(n), c.label, c.original or "空白", c.corrected or "空白", c.reason or "—"]
        for n, c in enumerate(memo.corrections, start=1)
    ]
    for i, values in enumerate(rows):
        cells = table.rows[0].cells if i == 0 else table.add_row().cells
        for j, (cell, text) in enumerate(zip(cells, values, strict=True)):
            cell.width = widths[j]
            p = cell.paragraphs[0]
            p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
            if j in (0, 2, 3) or i == 0:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _fonts(p.add_run(clean_text(text)), HEITI if i == 0 else SONG, 12)
    # Repeat the header row on every page of a long list.
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def memo_docx_bytes(memo: Memo) -> bytes:
    doc = Document()
    _setup(doc)
    _para(doc, memo.title, XIAOBIAOSONG, SIZE_2, align=WD_ALIGN_PARAGRAPH.CENTER, line=Pt(36))
    _para(doc, "")
    _para(doc, memo.addressee)
    _para(doc, memo.intro, first_line=2)
    for k, (heading, content) in enumerate(memo.sections):
        _para(doc, f"{NUMERALS[k]}、{heading}", HEITI, first_line=2)
        for block in content:
            if isinstance(block, Item):
                _para(doc, block.heading, bold=True, first_line=2)
                for label, text in block.lines:
                    _para(doc, f"{label}：{text}", first_line=2)
            elif block.startswith("（"):
                _para(doc, block, KAITI, first_line=2)
            else:
                _para(doc, block, first_line=2)
    if memo.corrections:
        _para(doc, "")
        _para(doc, f"附件：{ATTACHMENT}", first_line=2)
    _para(doc, "")
    _para(doc, "")
    unit_indent, date_indent = signature_indents(memo)
    if memo.unit:
        _para(doc, memo.unit, align=WD_ALIGN_PARAGRAPH.RIGHT, right=unit_indent)
    _para(doc, memo.date, align=WD_ALIGN_PARAGRAPH.RIGHT, right=date_indent)
    _para(doc, reviewer_note(memo.reviewer), first_line=2)
    if memo.corrections:
        _attachment(doc, memo)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


memo_docx = memo_docx_bytes  # the name the outputs use, beside memo.memo_html
