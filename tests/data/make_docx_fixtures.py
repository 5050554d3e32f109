"""Render the five seed reports (../shared/seeds/*.txt) as real .docx files, plus one hand-made file.

The seeds are text extracted from Word files; this script puts them back into Word the way an office
would have typed them: section titles as Heading paragraphs, East-Asian fonts (仿宋_GB2312 for prose,
宋体 in tables), and the merged cells of the national format made with python-docx's ``merge()``
(which writes real ``gridSpan``/``vMerge``):

- table 二: each caption row 第二十条第（X）项 spans all 4 columns; rows with 3 cells ((八), (九)) have
  their last cell spanning 2; seed 003's extra non-template line is a row spanning all 4.
- table 三: the corner cell spans 3 label columns × 3 header rows; 申请人情况 spans 7 columns (6 in
  seed 002, whose 总计 stands in the first header row, vertically merged); 法人或其他组织 spans 5;
  自然人 and 总计 are merged vertically; 三、本年度办理结果 and the group labels （三）（四）（五） are
  merged vertically over their rows; one-label rows span 3 columns, two-label rows span 2.
- table 四: 行政复议 spans 5, 行政诉讼 10, 未经复议直接起诉/复议后起诉 5 each; the five 行政复议 column
  headers are merged vertically over the second header row.

The seeds' quirks stay: seed 000's ``_GoBack`` bookmark (a real ``w:bookmarkStart`` here), blank and
NBSP-padded values, seed 002's missing （五）4/5 rows, seed 003's extra row, U+3000/NBSP indents.
Seed 004's multi-line cells use a line break (``w:br``) instead of separate paragraphs.

``special.docx`` is hand-made raw XML: tracked changes (w:ins/w:del), a content control (w:sdt) around
a value, a nested table and a row with gridBefore — see ``build_special``.

Run from the repository root:  .venv/bin/python tests/data/make_docx_fixtures.py
Each file is read back with gov_review's docx reader and checked against its text twin.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from gov_review.core.model import Paragraph, RawTable, SourceDocument  # noqa: E402
from gov_review.core.text.normalize import BOOKMARK_RE  # noqa: E402
from gov_review.core.read import docx as docx_reader  # noqa: E402
from gov_review.core.read.text import read as read_text  # noqa: E402
from gov_review.core.locate.sections import match_heading  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
OUT = HERE / "docx"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# A grid entry: (column, colspan, text, vmerge) with vmerge None | "restart" | "continue".
Entry = tuple[int, int, str, str | None]


def _set_fonts(run, east_asia: str, size: float | None = None) -> None:
    run.font.name = "Times New Roman"
    rpr = run._element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), east_asia)
    if size:
        run.font.size = Pt(size)


# ------------------------------------------------------------------------------------------------
# Layouts: text rows (the seeds' shape) → grid entries


def _layout_t2(rows: list[list[str]]) -> tuple[int, list[list[Entry]]]:
    out: list[list[Entry]] = []
    for row in rows:
        if len(row) == 1:
            out.append([(0, 4, row[0], None)])
        elif len(row) == 3:
            out.append([(0, 1, row[0], None), (1, 1, row[1], None), (2, 2, row[2], None)])
        else:
            out.append([(i, 1, t, None) for i, t in enumerate(row)])
    return 4, out


def _vm(text: str) -> str:
    return "continue" if text == "" else "restart"


def _layout_t3(rows: list[list[str]]) -> tuple[int, list[list[Entry]]]:
    r0, r1, r2 = rows[0], rows[1], rows[2]
    out: list[list[Entry]] = []
    if len(r0) == 3:  # seed 002: 总计 in the first header row
        out.append([(0, 3, r0[0], "restart"), (3, 6, r0[1], None), (9, 1, r0[2], "restart")])
    else:
        out.append([(0, 3, r0[0], "restart"), (3, 7, r0[1], None)])
    out.append(
        [(0, 3, "", "continue"), (3, 1, r1[1], "restart"), (4, 5, r1[2], None), (9, 1, r1[3], _vm(r1[3]))]
    )
    out.append(
        [(0, 3, "", "continue"), (3, 1, "", "continue")] + [(4 + i, 1, r2[2 + i], None) for i in range(5)]
    )
    out[-1].append((9, 1, "", "continue"))
    for row in rows[3:]:
        k = len(row) - 7
        labels, values = row[:k], row[k:]
        entries: list[Entry]
        if k == 1:
            entries = [(0, 3, labels[0], None)]
        elif k == 2:
            entries = [(0, 1, labels[0], _vm(labels[0])), (1, 2, labels[1], None)]
        else:
            entries = [
                (0, 1, labels[0], _vm(labels[0])),
                (1, 1, labels[1], _vm(labels[1])),
                (2, 1, labels[2], None),
            ]
        entries += [(3 + i, 1, v, None) for i, v in enumerate(values)]
        out.append(entries)
    return 10, out


def _layout_t4(rows: list[list[str]]) -> tuple[int, list[list[Entry]]]:
    r0, r1, r2, r3 = rows
    out: list[list[Entry]] = [
        [(0, 5, r0[0], None), (5, 10, r0[1], None)],
        [(i, 1, r1[i], "restart") for i in range(5)] + [(5, 5, r1[5], None), (10, 5, r1[6], None)],
        [(i, 1, "", "continue") for i in range(5)] + [(5 + i, 1, r2[5 + i], None) for i in range(10)],
        [(i, 1, v, None) for i, v in enumerate(r3)],
    ]
    return 15, out


def _layout(table: RawTable) -> tuple[int, list[list[Entry]]]:
    rows = [[c.text for c in r] for r in table.rows]
    first = rows[0][0]
    if "第二十条" in first:
        return _layout_t2(rows)
    if "勾稽" in first or "本列数据" in first:
        return _layout_t3(rows)
    if "行政复议" in first:
        return _layout_t4(rows)
    raise ValueError(f"unknown table starting {first!r}")


# ------------------------------------------------------------------------------------------------
# Writing


def _fill(cell, text: str, use_br: bool) -> None:
    lines = text.split("\n")
    para = cell.paragraphs[0]
    if use_br:
        run = para.add_run(lines[0])
        _set_fonts(run, "宋体", 10.5)
        for line in lines[1:]:
            run.add_break(WD_BREAK.LINE)
            run.add_text(line)
        return
    for i, line in enumerate(lines):
        p = para if i == 0 else cell.add_paragraph()
        run = p.add_run(line)
        _set_fonts(run, "宋体", 10.5)


def _add_table(document, table: RawTable, use_br: bool) -> None:
    ncols, grid = _layout(table)
    t = document.add_table(rows=len(grid), cols=ncols)
    t.style = "Table Grid"
    # Vertical extent of each restart: how many rows below continue it at the same column.
    for r, entries in enumerate(grid):
        for col, span, text, vm in entries:
            if vm == "continue":
                continue
            height = 1
            if vm == "restart":
                while r + height < len(grid) and any(
                    e[0] == col and e[3] == "continue" for e in grid[r + height]
                ):
                    height += 1
            origin = t.cell(r, col)
            if span > 1 or height > 1:
                origin = origin.merge(t.cell(r + height - 1, col + span - 1))
            _fill(origin, text, use_br)


def _add_paragraph(document, raw_line: str) -> None:
    bookmark = BOOKMARK_RE.search(raw_line)
    text = BOOKMARK_RE.sub("", raw_line)
    heading = match_heading(text.strip(" \t\u00a0\u3000"))
    p = document.add_paragraph(style="Heading 1" if heading else None)
    if bookmark:
        # Word's "last edit position": a hidden bookmark, which text extractors print as [bookmark: _GoBack].
        p._p.append(parse_xml(f'<w:bookmarkStart xmlns:w="{W_NS}" w:id="0" w:name="_GoBack"/>'))
        p._p.append(parse_xml(f'<w:bookmarkEnd xmlns:w="{W_NS}" w:id="0"/>'))
    run = p.add_run(text)
    _set_fonts(run, "黑体" if heading else "仿宋_GB2312", 16)


def build_seed(seed: Path, target: Path) -> SourceDocument:
    doc = read_text(str(seed), seed.read_bytes())
    assert doc.text is not None
    document = docx.Document()
    document.core_properties.author = "gov-review tests"
    use_br = seed.name.startswith("004")
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            a = block.anchor
            _add_paragraph(document, doc.text[a.char_start : a.char_end])
        else:
            _add_table(document, block, use_br)
    document.save(str(target))
    _freeze(target)
    return doc


def _freeze(target: Path) -> None:
    """Fixed timestamps inside the zip, so that rebuilding gives the same bytes (clean git diffs)."""
    with zipfile.ZipFile(target) as zin:
        members = [(i.filename, zin.read(i)) for i in zin.infolist()]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in members:
            if name == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2021-01-01T00:00:00Z", data
                )
            zout.writestr(zipfile.ZipInfo(name, date_time=(2021, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


def check_twin(text_doc: SourceDocument, path: Path) -> None:
    """The .docx must give back the text twin's paragraphs and, per w:tc, its cells' text."""
    got = docx_reader.read(str(path), path.read_bytes())
    assert [p.text for p in got.paragraphs] == [p.text for p in text_doc.paragraphs], path
    assert len(got.tables) == len(text_doc.tables), path
    for want, have in zip(text_doc.tables, got.tables, strict=True):
        assert len(want.rows) == len(have.rows), (path, want.index)
        for wrow, hrow in zip(want.rows, have.rows, strict=True):
            per_tc: dict[int, str] = {}
            for c in hrow:
                per_tc.setdefault(c.anchor.cell, c.text)
            assert [c.text for c in wrow] == list(per_tc.values()), (path, [c.text for c in wrow])


# ------------------------------------------------------------------------------------------------
# The hand-made file


SPECIAL_BODY = """
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>三、收到和处理政府信息公开申请情况</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">本年新收申请</w:t></w:r><w:del w:id="1" w:author="a" w:date="2021-01-01T00:00:00Z"><w:r><w:delText>5</w:delText></w:r></w:del><w:ins w:id="2" w:author="a" w:date="2021-01-01T00:00:00Z"><w:r><w:t>4</w:t></w:r></w:ins><w:r><w:t>件。</w:t></w:r></w:p>
<w:tbl>
  <w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
  <w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>自然人</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>总计</w:t></w:r></w:p></w:tc></w:tr>
  <w:tr><w:tc><w:p><w:r><w:t>一、本年新收</w:t></w:r><w:r><w:tab/><w:t>申请数量</w:t></w:r></w:p></w:tc>
    <w:tc><w:sdt><w:sdtPr><w:alias w:val="value"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>4</w:t></w:r></w:p></w:sdtContent></w:sdt></w:tc>
    <w:tc><w:p><w:del w:id="3" w:author="a" w:date="2021-01-01T00:00:00Z"><w:r><w:delText>5</w:delText></w:r></w:del><w:ins w:id="4" w:author="a" w:date="2021-01-01T00:00:00Z"><w:r><w:t>4</w:t></w:r></w:ins></w:p></w:tc></w:tr>
  <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>外</w:t></w:r></w:p>
      <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>
        <w:tr><w:tc><w:p><w:r><w:t>内1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>内2</w:t></w:r><w:r><w:br/><w:t>第二行</w:t></w:r></w:p></w:tc></w:tr>
      </w:tbl><w:p/></w:tc>
    <w:tc><w:p><w:r><w:t>尾</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl>
<w:p><w:r><w:t>完。</w:t></w:r></w:p>
"""


def build_special(target: Path) -> None:
    """A small .docx whose document.xml is written by hand (python-docx cannot make these parts)."""
    base = docx.Document()
    base.save(str(target))
    with zipfile.ZipFile(target) as zin:
        members = {n: zin.read(n) for n in zin.namelist()}
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}"><w:body>{SPECIAL_BODY}<w:sectPr/></w:body></w:document>'
    )
    members["word/document.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in members.items():
            zout.writestr(name, data)
    _freeze(target)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    assert len(seeds) == 5, seeds
    for seed in seeds:
        target = OUT / f"seed_{seed.name[:3]}.docx"
        text_doc = build_seed(seed, target)
        check_twin(text_doc, target)
        print(f"{target.relative_to(ROOT)}  ← {seed.name}")
    build_special(OUT / "special.docx")
    print(f"{(OUT / 'special.docx').relative_to(ROOT)}  (hand-made)")
    build_legacy(OUT / "seed_002.docx", OUT / "seed_002.doc")


def build_legacy(source: Path, target: Path) -> None:
    """A Word 97 .doc of one seed, converted by LibreOffice (skipped when it is not installed)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print(f"no LibreOffice: {target.name} not rebuilt")
        return
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [soffice, f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless"]
        cmd += ["--convert-to", "doc", "--outdir", tmp, str(source)]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)
        shutil.copyfile(Path(tmp, source.stem + ".doc"), target)
    print(f"{target.relative_to(ROOT)}  ← {source.name} (LibreOffice, MS Word 97)")


if __name__ == "__main__":
    main()
