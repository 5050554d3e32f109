"""Bounding the work one PDF page can cause, before pdfminer lays it out.

pdfminer interprets a page's content stream in one call and builds an object per character; a
hostile page of a few hundred thousand tiny text objects keeps it busy for minutes, and the file's
time limit, checked between pages, would only notice afterwards. So each page's content (and the
form XObjects it draws) is inflated with a cap and its text-showing and path operators are counted
first; a page beyond the limits is refused with ``ReadError("too_complex")``. A real report page
has a few hundred to a few thousand of them.
"""

from __future__ import annotations

import re
import time
import zlib
from typing import Any

from gov_review.core.errors import ReadError

MAX_OBJECTS_PER_PAGE = 40_000  # text-showing (Tj, TJ, ', ") plus path-painting operators
MAX_CONTENT_BYTES = 32 * 1024 * 1024  # inflated content of one page, XObjects included
MAX_XOBJECT_DEPTH = 4

# An operator is a bare word after an operand: counting the words is enough to bound the work
# (a word inside a string literal only counts a little high, never low).
_OPERATOR_RE = re.compile(rb"(?<![A-Za-z0-9_*'\"])(?:TJ|Tj|'|\"|re|l|c|v|y|m)(?![A-Za-z0-9_*])")
_DRAW_RE = re.compile(rb"(?<![A-Za-z0-9_])Do(?![A-Za-z0-9_])")


def check_page(page: Any, page_no: int, name: str, deadline: float, seconds: int) -> None:
    """Raise ``too_complex`` (or ``timeout`` past ``deadline``) before laying out a hostile page."""
    from pdfminer.pdftypes import resolve1

    budget = _Budget(name, page_no, deadline, seconds)
    page_obj = page.page_obj
    contents = page_obj.contents
    if not isinstance(contents, list):
        contents = [contents]
    draws = 0
    for ref in contents:
        draws += budget.scan(resolve1(ref), 1)
    # A form drawn n times is interpreted n times.
    _scan_xobjects(resolve1(page_obj.resources or {}), budget, max(1, draws), 0, set())


class _Budget:
    def __init__(self, name: str, page_no: int, deadline: float, seconds: int) -> None:
        self.name = name
        self.page_no = page_no
        self.deadline = deadline
        self.seconds = seconds
        self.objects = 0
        self.bytes = 0

    def scan(self, stream: Any, weight: int) -> int:
        """Count the stream's operators (× ``weight``); return how many XObjects it draws."""
        data = _inflate(stream, MAX_CONTENT_BYTES - self.bytes + 1)
        if data is None:
            return 0
        self.bytes += len(data)
        if self.bytes > MAX_CONTENT_BYTES:
            self.refuse(f"{self.bytes // (1024 * 1024)} MB")
        draws = 0
        # Count in slices so that a huge stream also meets the deadline.
        for start in range(0, len(data), 1 << 20):
            end = start + (1 << 20)
            self.objects += weight * len(_OPERATOR_RE.findall(data, start, end))
            draws += len(_DRAW_RE.findall(data, start, end))
            if self.objects > MAX_OBJECTS_PER_PAGE:
                self.refuse(f"{self.objects}+")
            if time.monotonic() > self.deadline:
                raise ReadError("timeout", name=self.name, seconds=self.seconds)
        return draws

    def refuse(self, found: str) -> None:
        raise ReadError(
            "too_complex", name=self.name, page=self.page_no, found=found, limit=MAX_OBJECTS_PER_PAGE
        )


def _inflate(stream: Any, cap: int) -> bytes | None:
    """The stream's decoded bytes, never inflating more than ``cap`` (a zip bomb stops there)."""
    from pdfminer.pdftypes import PDFStream, resolve1

    if not isinstance(stream, PDFStream):
        return None
    if getattr(stream, "data", None) is not None:
        return stream.data
    filters = resolve1(stream.attrs.get("Filter"))
    if not isinstance(filters, list):
        filters = [filters] if filters is not None else []
    names = [getattr(resolve1(f), "name", f) for f in filters]
    raw = stream.rawdata
    if raw is None:
        return None
    if not names:
        return raw[:cap]
    if names == ["FlateDecode"] and not stream.attrs.get("DecodeParms"):
        try:
            return zlib.decompressobj().decompress(raw, cap)
        except zlib.error:
            return None  # pdfminer will meet the same damage and report it
    try:
        return stream.get_data()[:cap]  # other filters are rare in content streams
    except Exception:  # a damaged stream is pdfminer's to report, not ours
        return None


def _scan_xobjects(resources: Any, budget: _Budget, weight: int, depth: int, seen: set[Any]) -> None:
    from pdfminer.pdftypes import PDFStream, resolve1

    if depth >= MAX_XOBJECT_DEPTH or not isinstance(resources, dict):
        return
    xobjects = resolve1(resources.get("XObject"))
    if not isinstance(xobjects, dict):
        return
    for ref in xobjects.values():
        key = getattr(ref, "objid", None) or id(ref)
        if key in seen:
            continue
        seen.add(key)
        xobj = resolve1(ref)
        if (
            not isinstance(xobj, PDFStream)
            or getattr(resolve1(xobj.attrs.get("Subtype")), "name", "") != "Form"
        ):
            continue
        inner = budget.scan(xobj, weight)
        _scan_xobjects(resolve1(xobj.attrs.get("Resources")), budget, weight * max(1, inner), depth + 1, seen)
