"""What PDFium gives for one page: its characters (box and font size) and the edges of its visible rules.

Coordinates are PDF points from the top-left corner of the page's media box (``x0, top, x1, bottom``),
the anchor convention of the rest of the tool (and of the rendered page view).

Characters: a character's box is the width PDFium gives it and a height of one font size (as drawn,
through the text matrix) up from the font's descent, so that every character of a line has the same top however its glyph is drawn (a
tight glyph box would put ``一`` far below ``国``). Characters PDFium generates itself (line breaks,
spaces it guesses) are left out: the word and line building decides where spaces go.

Edges: every straight segment of a path a reader can see (stroked or filled in a colour other than
white: WPS paints every paragraph and cell on an invisible white box), split into horizontal and
vertical ones; paths inside form XObjects are included with their form's matrix.
"""

from __future__ import annotations

import ctypes
import itertools
import math
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

# A page object type PDFium reports (fpdf_edit.h).
TEXT, PATH, IMAGE, SHADING, FORM = 1, 2, 3, 4, 5
_MAX_FORM_DEPTH = 4
_WHITE = 0.95 * 255
# Where PDFium writes a path's draw mode and colours. PDFium is entered by one thread at a time
# (pdfium_lock), so one set serves every call.
_OUT = (ctypes.c_int(), ctypes.c_int(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint())


@dataclass(slots=True)
class Char:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float


@dataclass(slots=True)
class Edge:
    orientation: str  # "h" | "v"
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def length(self) -> float:
        return self.x1 - self.x0 if self.orientation == "h" else self.bottom - self.top

    def key(self) -> tuple[float, float, float, float]:
        return (self.x0, self.top, self.x1, self.bottom)


def page_origin(page: object) -> tuple[float, float]:
    """(left, top) of the page's media box in PDF user space."""
    left, _bottom, _right, top = page.get_mediabox()  # type: ignore[attr-defined]
    return left, top


def chars(textpage: object, origin: tuple[float, float]) -> list[Char]:
    raw = textpage.raw  # type: ignore[attr-defined]
    left, top = origin
    rect = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()
    out: list[Char] = []
    get_unicode = pdfium_c.FPDFText_GetUnicode
    generated = pdfium_c.FPDFText_IsGenerated
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    font_size = pdfium_c.FPDFText_GetFontSize
    text_matrix = pdfium_c.FPDFText_GetMatrix
    tight_box = pdfium_c.FPDFText_GetCharBox
    x0, x1, y0, y1 = (ctypes.c_double() for _ in range(4))
    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        code = get_unicode(raw, i)
        if code in (0, 0xFFFE, 0xFFFF, 10, 13) or code > 0x10FFFF or (code == 32 and generated(raw, i) == 1):
            continue  # PDFium's own line breaks and the spaces it guesses
        if (0xD800 <= code <= 0xDFFF) or not loose_box(raw, i, rect):
            continue
        # The font size as drawn: the size the text sets, scaled by the text's matrix.
        size = font_size(raw, i)
        if text_matrix(raw, i, matrix):
            size *= math.hypot(matrix.c, matrix.d)
        if not 0 < size < 10_000:
            size = rect.top - rect.bottom
        if rect.right - rect.left > 1.5 * size + 1 and tight_box(raw, i, x0, x1, y0, y1):
            # Vertical writing (an Identity-V font): PDFium's loose box runs along the column, so
            # the character is the em square around its glyph.
            cx, cy = (x0.value + x1.value) / 2 - left, top - (y0.value + y1.value) / 2
            out.append(Char(chr(code), cx - size / 2, cy - size / 2, cx + size / 2, cy + size / 2, size))
            continue
        bottom = top - rect.bottom
        out.append(Char(chr(code), rect.left - left, bottom - size, rect.right - left, bottom, size))
    return out


def edges(objects: list[tuple[object, int]], origin: tuple[float, float]) -> list[Edge]:
    """The edges of the visible paths among a page's ``objects`` (each with its type; the paths
    inside its forms included)."""
    out: list[Edge] = []
    _collect(objects, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), origin, out, 0)
    return out


def _collect(
    objects: list[tuple[object, int]],
    outer: tuple[float, float, float, float, float, float],
    origin: tuple[float, float],
    out: list[Edge],
    depth: int,
) -> None:
    matrix = pdfium_c.FS_MATRIX()
    for obj, kind in objects:
        if kind not in (PATH, FORM) or not pdfium_c.FPDFPageObj_GetMatrix(obj, matrix):
            continue
        m = _compose((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
        if kind == FORM:
            if depth < _MAX_FORM_DEPTH:
                inner = [
                    pdfium_c.FPDFFormObj_GetObject(obj, i)
                    for i in range(pdfium_c.FPDFFormObj_CountObjects(obj))
                ]
                typed = [(o, pdfium_c.FPDFPageObj_GetType(o)) for o in inner]
                _collect(typed, m, origin, out, depth + 1)
            continue
        if _visible(obj):
            _path_edges(obj, m, origin, out)


def _compose(
    m: tuple[float, float, float, float, float, float], n: tuple[float, float, float, float, float, float]
) -> tuple[float, float, float, float, float, float]:
    """``m`` then ``n`` (PDF row-vector convention: a point is multiplied by m, then by n)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _visible(obj: object) -> bool:
    fill, stroke, r, g, b, a = _OUT
    if not pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke):
        return False
    if (
        fill.value
        and pdfium_c.FPDFPageObj_GetFillColor(obj, r, g, b, a)
        and a.value
        and min(r.value, g.value, b.value) < _WHITE
    ):
        return True
    return bool(
        stroke.value
        and pdfium_c.FPDFPageObj_GetStrokeColor(obj, r, g, b, a)
        and a.value
        and min(r.value, g.value, b.value) < _WHITE
    )


def _path_edges(
    obj: object,
    m: tuple[float, float, float, float, float, float],
    origin: tuple[float, float],
    out: list[Edge],
) -> None:
    """One edge per straight piece of each subpath (and the piece that closes it)."""
    a, b, c, d, e, f = m
    left, top = origin
    x, y = ctypes.c_float(), ctypes.c_float()
    subpath: list[tuple[float, float]] = []
    closed = False

    def flush() -> None:
        points = [*subpath, subpath[0]] if closed and len(subpath) > 2 else subpath
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            if abs(y0 - y1) < 0.01:
                out.append(Edge("h", min(x0, x1), y0, max(x0, x1), y0))
            elif abs(x0 - x1) < 0.01:
                out.append(Edge("v", x0, min(y0, y1), x0, max(y0, y1)))

    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        if not seg or not pdfium_c.FPDFPathSegment_GetPoint(seg, x, y):
            continue
        px = a * x.value + c * y.value + e - left
        py = top - (b * x.value + d * y.value + f)
        if pdfium_c.FPDFPathSegment_GetType(seg) == pdfium_c.FPDF_SEGMENT_MOVETO:
            if subpath:
                flush()
            subpath, closed = [], False
        subpath.append((px, py))
        closed = closed or bool(pdfium_c.FPDFPathSegment_GetClose(seg))
    if subpath:
        flush()


def page_height(page: object) -> float:
    _left, bottom, _right, top = page.get_mediabox()  # type: ignore[attr-defined]
    return top - bottom
