"""Web pages: a report as published on a government site, or a Word document saved as HTML.

The bytes are decoded here, before lxml sees them: given bytes alone, libxml2 trusts
``<meta charset=gb2312>`` and stops at the first character outside GB2312 (镕, 堃 in a name), silently
dropping the rest. Only bytes already proven UTF-8 go to libxml2 as they are, with the encoding
named, which overrides the page's label.

Speed (issue 3): one parse, one walk of the page outside the report tables (no generators, leaf
spans without a call), each report table laid out in one pass over its rows with the cells' text
gathered by libxml2 (``html_table``), and XPaths only for the blocks that are kept.

A saved page wraps the report in site chrome (menus, breadcrumbs, a 索引号/发布机构 table, share
buttons, footers). The whole body is read once into blocks; then the article is chosen as the
deepest element holding every report table and most section headings, and only its blocks are kept
(plus the report title when the site prints it just above the article).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lxml import etree

from gov_review.core.errors import ReadError
from gov_review.core.formats.headings import match_heading
from gov_review.core.model import Anchor, Block, Paragraph, RawTable, SourceDocument
from gov_review.core.read.encoding import decode, looks_binary
from gov_review.core.read.html_table import (
    MAX_TABLE_ROWS,
    REPORT_LABELS,
    TableTooLong,
    check_length,
    clean_text,
    is_report_table,
    row_paragraphs,
    table_from_element,
)

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
# Inline elements whose leaf needs no walk: their text is all they add (no break, drop or table).
_INLINE_LEAF = frozenset(
    {"span", "a", "font", "b", "strong", "i", "em", "u", "o:p", "sub", "sup", "small", "big", "label"}
)
_LAYOUT_CELLS = etree.XPath("./tr/td|./tr/th|./*/tr/td|./*/tr/th")
_HIDDEN_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_TITLE_RE = re.compile(r"政府信息公开.{0,6}年度报告|年度报告$")
_CHROME_TITLE_RE = re.compile(r"首页|当前位置|您的位置|>|》》|＞")


def _parser(encoding: str | None) -> Any:
    # The plain etree parser: lxml.html's element classes cost a lookup per node and we need none.
    # A new parser per page: a parser is not to be shared between threads (check --jobs, the GUI).
    return etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, encoding=encoding)


def read(path: str, data: bytes) -> SourceDocument:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    if looks_binary(data):
        raise ReadError("binary", name=name)
    m = _META_CHARSET_RE.search(data[:8192])
    declared = m.group(1).decode("ascii", "replace") if m else None
    text, encoding = decode(data, name, declared=declared)
    cleaned = _XML_DECL_RE.sub("", text.replace("\x00", ""), count=1)
    if not cleaned.strip():
        raise ReadError("empty", name=name)
    try:
        if encoding == "utf-8" and cleaned is text:  # (CPython returns a str unchanged as itself)
            # The file's own bytes, known to be UTF-8 and unchanged by the cleaning: libxml2 reads
            # them as they are instead of converting the decoded text back (the same tree, ~6 % of
            # the parse saved). The encoding given to the parser overrides any <meta charset>.
            root = etree.fromstring(data, parser=_parser("utf-8"))
        else:
            root = etree.fromstring(cleaned, parser=_parser(None))
    except (etree.ParserError, ValueError) as exc:
        raise ReadError("corrupt", name=name, reason=str(exc)[:120]) from exc
    if root is None:
        raise ReadError("html_no_text", name=name)
    tree = root.getroottree()
    body = root.find("body")
    if body is None:
        body = root
    found: list[_Found] = []
    try:
        _walk_blocks(body, tree, found)
    except TableTooLong as exc:
        raise ReadError("table_too_long", name=name, rows=exc.rows, limit=MAX_TABLE_ROWS) from None
    blocks = _article_blocks(found, tree)
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
    text: str  # a paragraph's text ("" for a table)
    element: Any  # the lxml element the block came from
    # The block when made while reading (tables, chrome rows); body paragraphs are made once the
    # article is chosen, so the text outside it never pays for an XPath.
    block: Block | None = None
    heading: bool = False
    report_table: bool = False
    chrome: bool = False  # text of a table that holds no report labels (metadata, layout, footer)


@lru_cache(maxsize=4096)
def _hides(style: str) -> bool:
    """Whether an inline style hides its element; remembered, as Word repeats a few styles on
    every span of a page."""
    return bool(_HIDDEN_RE.search(style))


def _walk_blocks(body: Any, tree: Any, out: list[_Found]) -> None:
    """Append the blocks of ``body`` to ``out`` in reading order."""
    buffer: list[str] = []
    stack: list[Any] = [body]

    def flush() -> None:
        if buffer:
            text = clean_text("".join(buffer))
            buffer.clear()
            if text:
                out.append(_Found(text, stack[-1], heading=match_heading(text) is not None))

    def walk(el: Any) -> None:
        tag = el.tag
        if not isinstance(tag, str):
            return  # a comment or processing instruction the parser kept
        tag = tag.lower()
        if tag in DROP_TAGS:
            return
        style = el.get("style")
        if style and _hides(style):
            return
        if tag == "br":
            flush()
            return
        if tag == "table":
            flush()
            _table_blocks(el, tree, out)
            return
        block = tag in BLOCK_TAGS
        if block:
            flush()
            stack.append(el)
        if el.text:
            buffer.append(el.text)
        for child in el:
            if len(child) == 0 and child.tag in _INLINE_LEAF:
                # A leaf span/a/font/…: its text and tail, without a call (most of Word's markup).
                style = child.get("style")
                if child.text and not (style and _hides(style)):
                    buffer.append(child.text)
            else:
                walk(child)
            if child.tail:
                buffer.append(child.tail)
        if block:
            flush()
            stack.pop()

    walk(body)
    flush()


def _table_blocks(table: Any, tree: Any, out: list[_Found]) -> None:
    check_length(table)
    verdict = is_report_table(table)
    if verdict == "report":
        raw = table_from_element(table, tree)
        if raw.rows:
            out.append(_Found("", table, raw, report_table=True))
        return
    if verdict == "layout":
        # A page laid out with tables: its cells are containers of paragraphs and of the real tables.
        for cell in _LAYOUT_CELLS(table):
            _walk_blocks(cell, tree, out)
        return
    for para in row_paragraphs(table, tree):
        out.append(_Found(para.text, table, para, chrome=True))


# --------------------------------------------------------------------------------------------
# Choosing the article


def _article_blocks(found: list[_Found], tree: Any) -> list[Block]:
    paths: dict[Any, str] = {}

    def path_of(f: _Found) -> str:
        if f.block is not None:
            return f.block.anchor.path  # type: ignore[return-value]
        path = paths.get(f.element)
        if path is None:
            path = paths[f.element] = tree.getpath(f.element)
        return path

    def make(f: _Found) -> Block:
        if f.block is None:
            f.block = Paragraph(text=f.text, anchor=Anchor("html", path=path_of(f)))
        return f.block

    anchors_h = [f.element for f in found if f.heading]
    anchors_t = [f.element for f in found if f.report_table]
    container = _container(anchors_h, anchors_t)
    if container is None:
        return [make(f) for f in found if not f.chrome or _has_labels(f.text)]
    inside = _inside(container)
    kept = [f for f in found if inside(f.element)]
    first = next((i for i, f in enumerate(found) if inside(f.element)), None)
    has_title = any(_TITLE_RE.search(f.text) and len(f.text) <= 60 for f in kept[:3] if not f.report_table)
    blocks = [make(f) for f in kept]
    if first is not None and not has_title:
        blocks[:0] = [make(f) for f in _title_before(found[:first], path_of)]
    return blocks


def _inside(container: Any) -> Callable[[Any], bool]:
    """Whether an element is ``container`` or below it: a walk up, remembered for every element
    passed (listing every element of the container cost more than the rest of choosing)."""
    known: dict[Any, bool] = {container: True}

    def inside(el: Any) -> bool:
        chain = []
        node = el
        while node is not None and node not in known:
            chain.append(node)
            node = node.getparent()
        result = node is not None and known[node]
        for passed in chain:
            known[passed] = result
        return result

    return inside


def _has_labels(text: str) -> bool:
    return any(label in text for label in REPORT_LABELS)


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


def _title_before(found: list[_Found], path_of: Callable[[_Found], str]) -> list[_Found]:
    """The report title printed just above the article (sites put it in a heading outside it).

    A title broken with ``<br>`` (``台儿庄区张山子镇`` / ``2020年…年度报告``) comes back whole.
    """
    start = max(0, len(found) - 8)
    for i in range(len(found) - 1, start - 1, -1):
        f = found[i]
        if (
            not f.report_table
            and not f.chrome
            and len(f.text) <= 60
            and _TITLE_RE.search(f.text)
            and not _CHROME_TITLE_RE.search(f.text)
        ):
            lines = [f]
            path = path_of(f)
            j = i - 1
            while j >= 0:
                prev = found[j]
                if prev.report_table or len(prev.text) > 30 or path_of(prev) != path:
                    break
                lines.insert(0, prev)
                j -= 1
            return lines
    return []
