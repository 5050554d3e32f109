"""Build the HTML fixtures of this folder from the seed reports (../../../../shared/seeds).

    .venv/bin/python tests/data/html/make_fixtures.py /work/shared/seeds

Each page carries a seed's paragraphs and table values unchanged, so the findings expected for the
seed (SEEDS.md) are expected for the page too. The markup is what users meet:

- seed002_gbk_site.html: a government site page saved from a browser, GBK bytes under
  ``<meta charset=gb2312>``, menus, breadcrumb, a 索引号/发布机构 metadata table (with 镕, outside
  GB2312), tables pasted from Word (MsoNormal paragraphs, <o:p>, mso- styles, lang=EN-US spans,
  rowspan/colspan merges for table 三's header block and its 三、/（三）/（四）/（五） groups and
  table 四's two header levels), a signature line with 堃, a footer table and scripts.
- seed000_utf8_layout.html: UTF-8, an old-style site laid out with tables, the report's tables
  nested in a layout cell, plain CMS markup.
- seed002_unclosed.html: the same report with no </td>, </tr> or </p>, as hand-written HTML has.
- seed003_word_saved.htm: a report Word saved as a web page (文件 → 另存为 → 网页): GBK bytes under
  ``<meta http-equiv=Content-Type content="text/html; charset=gb2312">``, the Office namespaces, the
  document properties in ``<!--[if gte mso 9]><xml>`` and the style sheet in a comment, NBSP padding
  written as ``&nbsp;``, and the row of empty cells Word adds after a merged table inside
  ``<![if !supportMisalignedColumns]>`` … ``<![endif]>``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from gov_review.core.model import Paragraph, RawTable  # noqa: E402
from gov_review.core.read.text import parse_text  # noqa: E402

WORD_TD = "style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'"


def word_cell(text: str, rowspan: int = 1, colspan: int = 1) -> str:
    span = (f" rowspan={rowspan}" if rowspan > 1 else "") + (f" colspan={colspan}" if colspan > 1 else "")
    if not text:
        inner = "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>"
    else:
        lines = text.split("\n")
        inner = "".join(
            f"<p class=MsoNormal align=center style='text-align:center;mso-line-height-rule:exactly'>"
            f"<span lang=EN-US style='font-size:10.5pt;font-family:宋体;mso-bidi-font-family:宋体'>{ln}</span>"
            f"<span style='font-size:10.5pt'><o:p></o:p></span></p>"
            for ln in lines
        )
    return f"<td width=64{span} valign=center {WORD_TD}>{inner}</td>"


def plain_cell(text: str, rowspan: int = 1, colspan: int = 1) -> str:
    span = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (f' colspan="{colspan}"' if colspan > 1 else "")
    return f"<td{span}>{text.replace(chr(10), '<br>')}</td>"


def seed_parts(path: Path) -> tuple[list[str], list[RawTable]]:
    doc = parse_text(path.read_text(encoding="utf-8"))
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)], doc.tables


def table2_rows(table: RawTable) -> list[list[tuple[str, int, int]]]:
    rows = []
    for row in table.rows:
        texts = [c.text.replace("\n\n", "\n") for c in row]
        if texts[0].startswith("第二十条"):
            rows.append([(texts[0], 1, 4)])
        else:
            rows.append([(t, 1, 1) for t in texts])
    return rows


def table3_rows(table: RawTable) -> list[list[tuple[str, int, int]]]:
    """Table 三 of the 2019 format with Word's merges, values taken from the seed in order."""
    entries = []  # (group label or None, row label, values)
    group = None
    for row in table.rows:
        if len(row) < 8 or not any(c.text.strip() for c in row[-7:]) and not row[0].text.startswith(("一", "二", "三", "四")):
            continue
        labels = [c.text.strip() for c in row[:-7] if c.text.strip()]
        if not labels or "勾稽" in labels[0] or labels[0] in ("自然人",):
            continue
        for lb in labels:
            if lb.startswith(("（三）", "（四）", "（五）")):
                group = lb
            elif lb.startswith("（"):
                group = None
        label = labels[-1]
        if label.startswith(("一", "二", "三", "四")) and "、" in label[:2]:
            group = None
        entries.append((group if label[0].isdigit() else None, label, [c.text for c in row[-7:]]))
    rows: list[list[tuple[str, int, int]]] = [
        [("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), ("申请人情况", 1, 6), ("总计", 3, 1)],
        [("自然人", 2, 1), ("法人或其他组织", 1, 5)],
        [("商业\n企业", 1, 1), ("科研\n机构", 1, 1), ("社会公益组织", 1, 1), ("法律服务机构", 1, 1), ("其他", 1, 1)],
    ]
    n_outcome = sum(1 for g, lb, _ in entries if g or lb.startswith("（"))
    first_outcome = True
    seen_groups = set()
    for grp, label, values in entries:
        vals = [(v, 1, 1) for v in values]
        if not grp and not label.startswith("（"):
            rows.append([(label, 1, 3), *vals])
            continue
        lead: list[tuple[str, int, int]] = []
        if first_outcome:
            lead.append(("三、本年度办理结果", n_outcome, 1))
            first_outcome = False
        if grp is None:
            rows.append([*lead, (label, 1, 2), *vals])
            continue
        if grp not in seen_groups:
            seen_groups.add(grp)
            lead.append((grp, sum(1 for g, _, _ in entries if g == grp), 1))
        rows.append([*lead, (label, 1, 1), *vals])
    return rows


def table4_rows(table: RawTable) -> list[list[tuple[str, int, int]]]:
    values = [c.text for c in table.rows[-1]]
    sub = ["结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"]
    return [
        [("行政复议", 1, 5), ("行政诉讼", 1, 10)],
        [*[(s, 2, 1) for s in sub], ("未经复议直接起诉", 1, 5), ("复议后起诉", 1, 5)],
        [(s, 1, 1) for s in sub * 2],
        [(v, 1, 1) for v in values],
    ]


def render_table(rows: list[list[tuple[str, int, int]]], cell, attrs: str) -> str:
    out = [f"<table {attrs}>"]
    for row in rows:
        out.append(" <tr style='mso-yfti-irow:0;height:20.0pt'>" + "".join(cell(t, r, c) for t, r, c in row) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def body_html(paragraphs: list[str], tables: list[RawTable], cell, table_attrs: str, para) -> tuple[str, str]:
    """(title, html of the report body): paragraphs with the three tables after headings 二/三/四."""
    title, rest = paragraphs[0], paragraphs[1:]
    t2, t3, t4 = (render_table(f(t), cell, table_attrs) for f, t in zip((table2_rows, table3_rows, table4_rows), tables))
    out = []
    for text in rest:
        out.append(para(text))
        if text.startswith("二、"):
            out.append(t2)
        elif text.startswith("三、"):
            out.append(t3)
        elif text.startswith("四、") or (text.startswith("4、") and "行政复议" in text):  # seed 003: "4、"
            out.append(t4)
    return title, "\n".join(out)


def word_para(text: str) -> str:
    # Word's HTML wraps long lines in the source; a browser joins them back (CJK: without a space).
    wrapped = "\n".join(text[i : i + 40] for i in range(0, len(text), 40))
    return f"<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-family:仿宋_GB2312'>{wrapped}<span lang=EN-US><o:p></o:p></span></span></p>"


def gbk_site(seeds: Path) -> None:
    paragraphs, tables = seed_parts(seeds / "002_60c3416880e5604d.txt")
    title, body = body_html(paragraphs, tables, word_cell, "class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-table-layout-alt:fixed'", word_para)
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta charset="gb2312">
<title>{title}_政府信息公开年度报告_某区人民政府</title>
<link rel="stylesheet" href="/css/main.css">
<style>.nav li{{float:left}} td{{font-size:12px}}</style>
<script>var _hmt = _hmt || []; document.write("<p>统计代码</p>");</script>
</head>
<body>
<div class="top"><div class="logo">某区人民政府</div><div class="search"><form action="/search"><input name="q"><button>搜索</button></form></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/bsfw">办事服务</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 政府信息公开年度报告</div>
<div class="main">
<table class="xxgk-meta" width="100%" border="0">
 <tr><td>索引号：</td><td>11370405MB1234567X/2021-00012</td><td>信息分类：</td><td>政府信息公开年度报告</td></tr>
 <tr><td>发布机构：</td><td>安镇街道办事处</td><td>发文日期：</td><td>2021-01-20</td></tr>
 <tr><td>责任编辑：</td><td>王镕</td><td>公开方式：</td><td>主动公开</td></tr>
</table>
<h1 class="article-title">{title}</h1>
<div class="info">发布时间：2021-01-20 来源：安镇街道 【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
<div class="TRS_Editor" id="zoom">
<div class=WordSection1 style='layout-grid:15.6pt'>
{body}
<p class=MsoNormal align=right style='text-align:right'><span style='font-family:仿宋_GB2312'>安镇街道办事处（审核：李堃）<o:p></o:p></span></p>
</div>
</div>
<div class="share">分享到：<a>微信</a> <a>微博</a> <span style="display:none">隐藏的文字</span></div>
<div class="print"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
</div>
<footer><table class="foot" width="100%"><tr><td>主办：某区人民政府办公室</td><td>网站标识码：3704050001</td></tr><tr><td>鲁ICP备12345678号</td><td>联系电话：0632-0000000</td></tr></table></footer>
<script src="/js/jquery.js"></script>
</body>
</html>
"""
    (HERE / "seed002_gbk_site.html").write_bytes(page.encode("gbk"))
    unclosed = f"<html><head><meta charset=utf-8><title>{title}</title></head><body>\n<p>{title}\n{body}\n</body></html>\n"
    for tag in ("</td>", "</tr>", "</p>"):
        unclosed = unclosed.replace(tag, "")
    (HERE / "seed002_unclosed.html").write_text(unclosed, encoding="utf-8")


def utf8_layout(seeds: Path) -> None:
    paragraphs, tables = seed_parts(seeds / "000_6a7134ba6c38d59e.txt")
    # The seed's title is split over two lines; the site prints it on two lines with a <br>.
    paragraphs = [paragraphs[0] + "\n" + paragraphs[1], *paragraphs[2:]]
    title, body = body_html(paragraphs, tables, plain_cell, 'border="1" cellspacing="0" width="100%"', lambda t: f"<p>{t}</p>")
    page = f"""<html>
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{title.replace(chr(10), "")}</title></head>
<body>
<table width="1000" align="center" border="0" cellpadding="0" cellspacing="0">
 <tr><td colspan="2"><a href="/">网站首页</a> | <a href="/xxgk">信息公开</a> | <a href="/xxgk/ndbg">年度报告</a></td></tr>
 <tr>
  <td width="200" valign="top"><ul><li>机构职能</li><li>政策文件</li><li>年度报告</li></ul></td>
  <td width="800" valign="top">
   <div class="title" align="center"><b>{title.replace(chr(10), "<br>")}</b></div>
   <div class="content">
{body}
   </div>
  </td>
 </tr>
 <tr><td colspan="2" align="center">版权所有：张山子镇人民政府 &nbsp; 技术支持：某公司</td></tr>
</table>
</body>
</html>
"""
    (HERE / "seed000_utf8_layout.html").write_text(page, encoding="utf-8")


def word_saved(seeds: Path) -> None:
    paragraphs, tables = seed_parts(seeds / "003_c927d918fc29d47b.txt")
    title, body = body_html(paragraphs, tables, word_cell, "class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=590 style='width:442.5pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'", word_para)
    # Word closes a table whose merges leave columns misaligned with a row of empty cells, one per
    # grid column, that only old browsers see.
    misaligned = "\n".join(
        " <![if !supportMisalignedColumns]>\n <tr height=0>"
        + "".join(f"<td width={w} style='border:none'></td>" for w in [64] * columns)
        + "</tr>\n <![endif]>\n</table>"
        for columns in (10,)
    )
    body = body.replace("</table>", misaligned, 2).replace(misaligned, "</table>", 1)  # table 三 only
    page = f"""<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List href="{title}.files/filelist.xml">
<title>{title}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>Administrator</o:Author>
  <o:LastAuthor>微软用户</o:LastAuthor>
  <o:Revision>2</o:Revision>
  <o:Pages>6</o:Pages>
 </o:DocumentProperties>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{{font-family:宋体;
	panose-1:2 1 6 0 3 1 1 1 1 1;}}
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{mso-style-parent:"";
	margin:0cm;
	text-align:justify;
	font-size:10.5pt;
	font-family:"Calibri",sans-serif;}}
@page WordSection1
	{{size:595.3pt 841.9pt;
	margin:72.0pt 90.0pt 72.0pt 90.0pt;}}
div.WordSection1
	{{page:WordSection1;}}
-->
</style>
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>

<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>{title}<span lang=EN-US><o:p></o:p></span></span></b></p>

{body}

</div>

</body>

</html>
"""
    # Word writes NBSP as &nbsp; and a character outside the page's charset as a reference.
    page = page.replace("\u00a0", "&nbsp;")
    (HERE / "seed003_word_saved.htm").write_bytes(page.encode("gbk", errors="xmlcharrefreplace"))


if __name__ == "__main__":
    seeds = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/seeds")
    gbk_site(seeds)
    utf8_layout(seeds)
    word_saved(seeds)
