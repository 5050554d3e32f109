"""Two .docx files in the shape most reports have (test_docx_reader.py reads them as typed).

``layout.docx`` is made with python-docx the way an office types a report: Heading paragraphs, prose
with a tab, a manual line break, a non-breaking hyphen, U+3000/NBSP indents, a tab stop in the
paragraph properties, and a table with horizontally and vertically merged cells, a cell of two
paragraphs, empty cells and a row that starts after an unused grid column (``gridBefore``, as Word
writes for a row shorter on the left).

``layout_strict.docx`` is the same document saved in the ISO "Strict Open XML" namespace (Word's
"Strict Open XML Document" format), which the reader supports as well.

Run from the repository root:  .venv/bin/python tests/data/make_docx_layout_fixtures.py
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import qn

HERE = Path(__file__).resolve().parent
OUT = HERE / "docx"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"


def build_layout() -> bytes:
    document = docx.Document()
    document.add_paragraph("某区2023年政府信息公开工作年度报告", style="Title")
    document.add_paragraph("一、总体情况", style="Heading 1")
    p = document.add_paragraph("\u3000\u3000本年度主动公开信息")
    p.add_run().add_tab()
    p.add_run("共计 120 条。")
    p = document.add_paragraph("联系电话：0517")
    p.add_run()._r.append(parse_xml(f'<w:noBreakHyphen xmlns:w="{W_NS}"/>'))
    p.add_run("83600000")
    run = p.add_run()
    run.add_break(WD_BREAK.LINE)
    run.add_text("地址：某路 1 号")
    # A tab stop is paragraph formatting, not a tab character.
    p.paragraph_format.tab_stops.add_tab_stop(docx.shared.Cm(4))
    document.add_paragraph("\u00a0")  # a paragraph of one NBSP: blank once trimmed
    document.add_paragraph("二、主动公开政府信息情况", style="Heading 1")

    table = document.add_table(rows=5, cols=4)
    table.style = "Table Grid"
    table.cell(0, 0).merge(table.cell(0, 3)).text = "第二十条第（一）项"
    for i, label in enumerate(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]):
        table.cell(1, i).text = label
    merged = table.cell(2, 0).merge(table.cell(3, 0))  # vertical merge over two rows
    merged.text = "规章"
    table.cell(2, 1).text = "3"
    table.cell(2, 2).text = ""
    table.cell(2, 3).text = "\u00a012"
    table.cell(3, 1).text = "0"
    cell = table.cell(3, 2)
    cell.text = "1"
    cell.add_paragraph("（含修订）")
    table.cell(3, 3).text = "11"
    table.cell(4, 1).merge(table.cell(4, 3)).text = "合计"
    # Row 5 starts at the second grid column: drop its first w:tc and say so in w:trPr.
    row = table.rows[4]._tr
    row.remove(row.tc_lst[0])
    row.get_or_add_trPr().append(parse_xml(f'<w:gridBefore xmlns:w="{W_NS}" w:val="1"/>'))

    document.add_paragraph("三、收到和处理政府信息公开申请情况", style="Heading 1")
    document.add_paragraph("本年度收到申请 5 件。")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def to_strict(data: bytes) -> bytes:
    """The same package with WordprocessingML in the Strict namespace (as Word's Strict save does)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            member = src.read(info)
            if info.filename.startswith("word/") and info.filename.endswith(".xml"):
                member = member.replace(W_NS.encode(), W_STRICT.encode())
            out.writestr(info, member)
    return buf.getvalue()


def main() -> None:
    layout = build_layout()
    (OUT / "layout.docx").write_bytes(layout)
    (OUT / "layout_strict.docx").write_bytes(to_strict(layout))
    print("wrote", OUT / "layout.docx", OUT / "layout_strict.docx")


if __name__ == "__main__":
    assert qn("w:p")  # python-docx is importable with its oxml helpers
    main()
