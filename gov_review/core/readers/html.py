"""Web pages: a report as published on a government site, or a Word document saved as HTML.

The bytes are decoded here, before lxml sees them: given bytes, libxml2 trusts ``<meta charset=gb2312>``
and stops at the first character outside GB2312 (镕, 堃 in a name), silently dropping the rest.

A saved page wraps the report in site chrome (menus, breadcrumbs, a 索引号/发布机构 table, share
buttons, footers). The whole body is read once into blocks; then the article is chosen as the
deepest element holding every report table and most section headings, and only its blocks are kept
(plus the report title when the site prints it just above the article).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..encoding import decode, looks_binary
from ..errors import ReadError
from ..model import Anchor, Block, Paragraph, RawTable, SourceDocument
from ..sections import match_heading
from .html_table import REPORT_LABELS, clean_text, is_report_table, row_paragraphs, table_from_element

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
# Never content: dropped with everything inside them (their tails, text after them, are kept).
DROP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "nav",
        "header",
        "footer",
        "iframe",
        "form",
        "button",
        "select",
        "textarea",
        "object",
        "embed",
        "svg",
        "map",
        "xml",
        "meta",
        "link",
    }
)
BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "section",
        "article",
        "aside",
        "main",
        "center",
        "pre",
        "address",
        "figure",
        "figcaption",
        "caption",
        "hr",
        "body",
        "td",
        "th",
        "tr",
    }
)
_HIDDEN_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_TITLE_RE = re.compile(r"政府信息公开.{0,6}年度报告|年度报告$")
_CHROME_TITLE_RE = re.compile(r"首页|当前位置|您的位置|>|》》|＞")


def read(path: str, data: bytes) -> SourceDocument:
    from lxml import etree

    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    if looks_binary(data):
        raise ReadError("binary", name=name)
    m = _META_CHARSET_RE.search(data[:8192])
    declared = m.group(1).decode("ascii", "replace") if m else None
    text, encoding = decode(data, name, declared=declared)
    text = _XML_DECL_RE.sub("", text.replace("\x00", ""), count=1)
    if not text.strip():
        raise ReadError("empty", name=name)
    # The plain etree parser: lxml.html's element classes cost a lookup per node and we need none.
    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = etree.fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError("corrupt", name=name, reason=str(exc)[:120]) from exc
    if root is None:
        raise ReadError("html_no_text", name=name)
    tree = root.getroottree()
    body = root.find("body")
    if body is None:
        body = root
    found = list(_walk_blocks(body, tree))
    blocks = _article_blocks(found)
    if not blocks:
        raise ReadError("html_no_text", name=name)
    index = 0
    for block in blocks:
        if isinstance(block, RawTable):
            block.index = index
            index += 1
    return SourceDocument(path=path, kind="html", blocks=blocks, encoding=encoding)


# --------------------------------------------------------------------------------------------
# Reading the body into blocks


@dataclass(slots=True)
class _Found:
    block: Block
    element: object  # the lxml element the block came from
    heading: bool = False
    report_table: bool = False
    chrome: bool = False  # text of a table that holds no report labels (metadata, layout, footer)


def _hidden(el: object) -> bool:
    style = el.get("style")  # type: ignore[attr-defined]
    return bool(style) and bool(_HIDDEN_RE.search(style))


def _walk_blocks(body: object, tree: object) -> Iterator[_Found]:
    buffer: list[str] = []
    stack: list[object] = [body]

    def flush() -> Iterator[_Found]:
        text = clean_text("".join(buffer))
        buffer.clear()
        if text:
            el = stack[-1]
            para = Paragraph(text=text, anchor=Anchor("html", path=tree.getpath(el)))  # type: ignore[attr-defined]
            yield _Found(para, el, heading=match_heading(text) is not None)

    def walk(el: object) -> Iterator[_Found]:
        tag = el.tag  # type: ignore[attr-defined]
        if not isinstance(tag, str):
            return  # a comment or processing instruction the parser kept
        tag = tag.lower()
        if tag in DROP_TAGS or _hidden(el):
            return
        if tag == "br":
            yield from flush()
            return
        if tag == "table":
            yield from flush()
            yield from _table_blocks(el, tree)
            return
        block = tag in BLOCK_TAGS
        if block:
            yield from flush()
            stack.append(el)
        if el.text:  # type: ignore[attr-defined]
            buffer.append(el.text)  # type: ignore[attr-defined]
        for child in el:  # type: ignore[attr-defined]
            yield from walk(child)
            if child.tail:
                buffer.append(child.tail)
        if block:
            yield from flush()
            stack.pop()

    yield from walk(body)
    yield from flush()


def _table_blocks(table: object, tree: object) -> Iterator[_Found]:
    verdict = is_report_table(table)
    if verdict == "report":
        raw = table_from_element(table, tree)
        if raw.rows:
            yield _Found(raw, table, report_table=True)
        return
    if verdict == "layout":
        # A page laid out with tables: its cells are containers of paragraphs and of the real tables.
        for cell in table.xpath("./tr/td|./tr/th|./*/tr/td|./*/tr/th"):  # type: ignore[attr-defined]
            yield from _walk_blocks(cell, tree)
        return
    for para in row_paragraphs(table, tree):
        yield _Found(para, table, chrome=True)


# --------------------------------------------------------------------------------------------
# Choosing the article


def _article_blocks(found: list[_Found]) -> list[Block]:
    anchors_h = [f.element for f in found if f.heading]
    anchors_t = [f.element for f in found if f.report_table]
    container = _container(anchors_h, anchors_t)
    if container is None:
        return [f.block for f in found if not f.chrome or _has_labels(f.block)]
    inside = set(container.iter())  # type: ignore[attr-defined]
    first = next((i for i, f in enumerate(found) if f.element in inside), None)
    blocks = [f.block for f in found if f.element in inside]
    has_title = any(
        _TITLE_RE.search(b.text) and len(b.text) <= 60 for b in blocks[:3] if isinstance(b, Paragraph)
    )
    if first is not None and not has_title:
        blocks[:0] = _title_before(found[:first])
    return blocks


def _has_labels(block: Block) -> bool:
    return isinstance(block, Paragraph) and any(label in block.text for label in REPORT_LABELS)


def _container(headings: list[object], tables: list[object]) -> object | None:
    """The deepest element holding all report tables and at least 60 % of the section headings."""
    if len(headings) + len(tables) < 2:
        return None
    need_h = max(1, -(-len(headings) * 3 // 5)) if headings else 0
    chains = {id(el): [el, *el.iterancestors()] for el in [*headings, *tables]}  # type: ignore[attr-defined]
    candidates = chains[id(tables[0])] if tables else chains[id(headings[0])]
    for candidate in candidates:
        if all(candidate in chains[id(t)] for t in tables):
            count = sum(1 for h in headings if candidate in chains[id(h)])
            if count >= need_h and (count + len(tables)) >= 2:
                return candidate
    return None


def _title_before(found: list[_Found]) -> list[Paragraph]:
    """The report title printed just above the article (sites put it in a heading outside it).

    A title broken with ``<br>`` (``台儿庄区张山子镇`` / ``2020年…年度报告``) comes back whole.
    """
    start = max(0, len(found) - 8)
    for i in range(len(found) - 1, start - 1, -1):
        block = found[i].block
        if (
            isinstance(block, Paragraph)
            and not found[i].chrome
            and len(block.text) <= 60
            and _TITLE_RE.search(block.text)
            and not _CHROME_TITLE_RE.search(block.text)
        ):
            lines = [block]
            j = i - 1
            while j >= 0:
                prev = found[j].block
                if not (
                    isinstance(prev, Paragraph)
                    and prev.anchor.path == block.anchor.path
                    and len(prev.text) <= 30
                ):
                    break
                lines.insert(0, prev)
                j -= 1
            return lines
    return []
