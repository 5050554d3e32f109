"""Body text of a PDF page: characters into words and lines, lines outside the tables into paragraphs.

Words and lines follow the rules the reader had when it was built on pdfplumber, so that cells and
paragraphs read the same: characters whose tops lie within 3 pt (chained) share a line; a gap of
more than 3 pt, a space or a step backwards starts a new word; words of a line are joined by one
space, lines by a line break.

A PDF has no paragraphs, only positioned lines. Chinese reports are typeset with a first-line
indent and full-width justified lines, so a paragraph starts at an indented line (or after a
short line, a gap or a change of font size) and a line that stops short of the right margin ends
one. Headings (``二、主动公开政府信息情况``) are short, so they come out as paragraphs of their own,
which is what section location needs.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from gov_review.core.model import Anchor, Paragraph
from gov_review.core.read.pdf_page import Char

# Page numbers in headers/footers: "-1-", "- 4 -", "第 3 页", "3/6".
_PAGE_NO_RE = re.compile(
    r"^[\s\-—–－]*(?:第\s*)?\d{1,4}\s*(?:页|/\s*\d{1,4})?(?:\s*共\s*\d+\s*页)?[\s\-—–－]*$"
)


def _cjk(ch: str) -> bool:
    o = ord(ch)
    return (
        0x3000 <= o <= 0x303F  # CJK punctuation
        or 0x3400 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0xFF00 <= o <= 0xFFEF  # full-width forms
        or 0x20000 <= o <= 0x3FFFF
        or ch in "“”‘’…—·"
    )


def join_lines(lines: list[str], sep: str) -> str:
    """Join wrapped lines: nothing between two CJK characters (the wrap is not a space), else ``sep``."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out and not (_cjk(out[-1]) or _cjk(line[0])):
            out += sep
        out += line
    return out


def join_cell_lines(text: str) -> str:
    """A cell's text with lines wrapped by the cell width joined back (``三\\n、\\n本`` → ``三、本``).

    Between two non-CJK pieces the line break is kept: the reconstruction splits on it if it must.
    """
    if "\n" not in text:
        return text.strip()
    return join_lines(text.split("\n"), "\n")


_TOL = 3.0


@dataclass(slots=True)
class Line:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    chars: list[Char]
    size: float = 10.0


def _cluster(items: list[Any], key: Callable[[Any], float], tol: float = _TOL) -> list[list[Any]]:
    """Items whose keys lie within ``tol`` of the next (chained), in key order; stable inside a group."""
    index: dict[float, int] = {}
    last = None
    group = -1
    for value in sorted({key(i) for i in items}):
        if last is None or value > last + tol:
            group += 1
        index[value] = group
        last = value
    groups: list[list[Any]] = [[] for _ in range(group + 1)]
    for item in items:
        groups[index[key(item)]].append(item)
    return groups


def _line_of(chars: list[Char], text: str) -> Line:
    return Line(
        text,
        min(c.x0 for c in chars),
        min(c.top for c in chars),
        max(c.x1 for c in chars),
        max(c.bottom for c in chars),
        chars,
    )


def _words(chars: list[Char]) -> list[Line]:
    words: list[Line] = []
    top = attrgetter("top")
    for group in _cluster(chars, top):
        group.sort(key=lambda c: (c.x0, c.x1))
        current: list[Char] = []
        for ch in group:
            if ch.text.isspace():
                if current:
                    words.append(_line_of(current, "".join(c.text for c in current)))
                current = []
                continue
            if current:
                prev = current[-1]
                if ch.x0 < prev.x0 or ch.x0 > prev.x1 + _TOL or abs(ch.top - prev.top) > _TOL:
                    words.append(_line_of(current, "".join(c.text for c in current)))
                    current = []
            current.append(ch)
        if current:
            words.append(_line_of(current, "".join(c.text for c in current)))
    return words


def text_lines(chars: list[Char]) -> list[Line]:
    """The characters' lines, top to bottom, each with its words left to right."""
    out = []
    for group in _cluster(_words(chars), attrgetter("top")):
        group.sort(key=lambda w: (w.x0, w.x1))
        out.append(_line_of([c for w in group for c in w.chars], " ".join(w.text for w in group)))
    return out


def cell_text(chars: list[Char]) -> str:
    """A cell's characters as its lines of text, joined by line breaks.

    Most cells hold one word (a number, a short label): their characters, left to right, follow
    each other without a space, a gap or a step, and that word is the cell's one line. The rest go
    through the full word and line building.
    """
    ordered = sorted(chars, key=lambda c: (c.x0, c.x1))
    prev = None
    for ch in ordered:
        if ch.text.isspace() or (
            prev is not None
            and (ch.x0 < prev.x0 or ch.x0 > prev.x1 + _TOL or abs(ch.top - prev.top) > _TOL)
        ):
            return "\n".join(line.text for line in text_lines(chars))
        prev = ch
    return "".join(c.text for c in ordered)


@dataclass(slots=True)
class PdfParagraph:
    paragraph: Paragraph
    open_start: bool  # starts at the left margin (may continue the previous page's last paragraph)
    open_end: bool  # runs to the right margin (may continue on the next page)


def _outside(chars: list[Char], boxes: list[tuple[float, float, float, float]]) -> list[Char]:
    """The characters whose centre lies in none of the ``boxes`` (each taken 1 pt larger)."""
    out = chars
    for x0, top, x1, bottom in boxes:
        x0, top, x1, bottom = x0 - 1, top - 1, x1 + 1, bottom + 1
        out = [
            c
            for c in out
            if not (x0 <= (c.x0 + c.x1) / 2 <= x1 and top <= (c.top + c.bottom) / 2 <= bottom)
        ]
    return out


def page_paragraphs(
    chars: list[Char], height: float, page_no: int, boxes: list[tuple[float, float, float, float]]
) -> list[PdfParagraph]:
    outside = _outside(chars, boxes)
    lines = [ln for ln in text_lines(outside) if ln.text.strip()]
    lines = [
        ln
        for ln in lines
        if not (_PAGE_NO_RE.match(ln.text) and (ln.top < height * 0.12 or ln.bottom > height * 0.85))
    ]
    if not lines:
        return []
    for ln in lines:
        sizes = [c.size for c in ln.chars if c.text.strip()]
        ln.size = statistics.median(sizes) if sizes else 10.0
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)

    groups: list[list[Line]] = []
    for ln in lines:
        size = ln.size
        if groups:
            prev = groups[-1][-1]
            short = prev.x1 < right - 1.5 * size
            indented = ln.x0 > left + 1.2 * size
            gap = ln.top - prev.bottom > 0.9 * max(size, prev.size)
            resized = abs(size - prev.size) > 1.0
            if not (short or indented or gap or resized):
                groups[-1].append(ln)
                continue
        groups.append([ln])

    out: list[PdfParagraph] = []
    for group in groups:
        text = join_lines([ln.text for ln in group], " ")
        bbox = (
            round(min(ln.x0 for ln in group), 1),
            round(min(ln.top for ln in group), 1),
            round(max(ln.x1 for ln in group), 1),
            round(max(ln.bottom for ln in group), 1),
        )
        size = group[0].size
        out.append(
            PdfParagraph(
                Paragraph(text=text, anchor=Anchor("pdf", page=page_no, bbox=bbox)),
                open_start=group[0].x0 <= left + 1.2 * size,
                open_end=group[-1].x1 >= right - 1.5 * group[-1].size,
            )
        )
    return out
