"""Bounding the work one PDF page can cause, before its characters and rules are extracted.

PDFium parses a page's content in native code and fast, but every object and character then
costs Python work (a box, an edge, a word). A hostile page of a few hundred thousand tiny text
objects would keep the reader busy for minutes, so the page's objects are counted first (forms
included, each form's objects once per drawing) and its characters right after PDFium has loaded
the text, before any of them is read; a page beyond the limits is refused with
``ReadError("too_complex")``. A real report page has a few hundred to a few thousand of each.

Before PDFium sees the file at all, its streams are looked at in the raw bytes: PDFium inflates a
content stream whole and keeps a state per ``q``, so a few hundred kilobytes deflating to hundreds
of megabytes of operators would cost gigabytes and minutes inside one native call. Each stream that
is not an image or a font is inflated with a cap, and the depth of its saved graphics states
(``q``) and of its marked-content sections (``BMC``/``BDC``: every later object copies the open ones,
so 20,000 open sections and 20,000 objects take 2 GB) is measured; a stream beyond the limits is
refused with ``ReadError("hostile")``. A real report's content streams are tens of kilobytes, with
states and sections nested a few levels deep.
"""

from __future__ import annotations

import re
import zlib

import pypdfium2.raw as pdfium_c

from gov_review.core.errors import ReadError

MAX_OBJECTS_PER_PAGE = 40_000  # text, path, image and form objects (those inside forms included)
MAX_CHARS_PER_PAGE = 40_000
MAX_STREAM_BYTES = 16 * 1024 * 1024  # one content stream, inflated
MAX_CONTENT_BYTES = 64 * 1024 * 1024  # all content streams of the file, inflated
MAX_SAVED_STATES = 10_000  # graphics states saved (q) and not yet restored (Q), in one stream
MAX_MARK_DEPTH = 200  # marked-content sections (BMC/BDC) open at once: each later object copies them
_FORM = 5
_MAX_FORM_DEPTH = 4


def check_objects(page: object, page_no: int, name: str) -> list[tuple[object, int]]:
    """Refuse a page with more objects than a person could read, before anything is extracted;
    return the page's (top-level) objects, each with its type."""
    raw = page.raw  # type: ignore[attr-defined]
    count = pdfium_c.FPDFPage_CountObjects(raw)
    if count > MAX_OBJECTS_PER_PAGE:
        refuse(name, page_no, count)
    get_object, get_type = pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFPageObj_GetType
    page_objects = [(obj, get_type(obj)) for obj in (get_object(raw, i) for i in range(count))]
    objects = [obj for obj, kind in page_objects if kind == _FORM]
    depth = 0
    while objects and count <= MAX_OBJECTS_PER_PAGE and depth < _MAX_FORM_DEPTH:
        inner = []
        for obj in objects:
            if depth and get_type(obj) != _FORM:
                continue
            n = pdfium_c.FPDFFormObj_CountObjects(obj)
            count += max(n, 0)
            if count > MAX_OBJECTS_PER_PAGE:
                break
            inner += [pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(n)]
        objects = inner
        depth += 1
    if count > MAX_OBJECTS_PER_PAGE:
        refuse(name, page_no, count)
    return page_objects


def check_chars(textpage: object, page_no: int, name: str) -> None:
    count = pdfium_c.FPDFText_CountChars(textpage.raw)  # type: ignore[attr-defined]
    if count > MAX_CHARS_PER_PAGE:
        refuse(name, page_no, count)


def refuse(name: str, page_no: int, found: int) -> None:
    raise ReadError("too_complex", name=name, page=page_no, found=found, limit=MAX_OBJECTS_PER_PAGE)


# Streams PDFium does not interpret as content: images and embedded font programs.
_NOT_CONTENT = (b"/Image", b"/Length1", b"/Length2", b"/Length3", b"/Type1C", b"/CIDFontType0C", b"/OpenType")
_NESTING_RE = re.compile(rb"(?<![^\s\]\)>])(q|Q|BMC|BDC|EMC)(?![^\s\[(</%])")


def check_streams(data: bytes, name: str) -> None:
    """Refuse a file whose content streams inflate beyond ``MAX_STREAM_BYTES`` or nest graphics
    states or marked content beyond the limits, before PDFium parses any page."""
    total = 0
    for start, body_start in _streams(data):
        head = data[max(0, start - 4096) : start]
        head = head[head.rfind(b"obj") + 1 :]
        if any(marker in head for marker in _NOT_CONTENT):
            continue
        end = data.find(b"endstream", body_start)
        raw = data[body_start : end if end >= 0 else len(data)]
        if b"/FlateDecode" in head or b"/Fl " in head or b"/Fl]" in head:
            try:
                body = zlib.decompressobj().decompress(raw, MAX_STREAM_BYTES + 1)
            except zlib.error:
                continue  # PDFium meets the same damage and reports the page
        else:
            body = raw
        total += len(body)
        if len(body) > MAX_STREAM_BYTES or total > MAX_CONTENT_BYTES:
            raise ReadError("hostile", name=name, reason="页面内容解压后过大（疑似压缩炸弹）")
        if body.count(b"q") > MAX_SAVED_STATES or body.count(b"BMC") + body.count(b"BDC") > MAX_MARK_DEPTH:
            _check_nesting(body, name)


def _streams(data: bytes):  # type: ignore[no-untyped-def]
    """(where ``stream`` starts, where its data starts) of every stream keyword in the file."""
    at = data.find(b"stream")
    while at >= 0:
        after = at + 6
        if data[at - 3 : at] != b"end":
            if data[after : after + 2] == b"\r\n":
                yield at, after + 2
            elif data[after : after + 1] in (b"\n", b"\r"):
                yield at, after + 1
        at = data.find(b"stream", after)


def _check_nesting(body: bytes, name: str) -> None:
    states = marks = 0
    for match in _NESTING_RE.finditer(body):
        op = match.group(1)
        if op == b"q":
            states += 1
            if states > MAX_SAVED_STATES:
                raise ReadError("hostile", name=name, reason="页面内容保存的图形状态层数异常")
        elif op == b"Q":
            states = max(0, states - 1)
        elif op == b"EMC":
            marks = max(0, marks - 1)
        else:
            marks += 1
            if marks > MAX_MARK_DEPTH:
                raise ReadError("hostile", name=name, reason="页面内容的标记层数异常")
