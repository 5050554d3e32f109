"""Body text of a PDF page: lines outside the tables, grouped back into paragraphs.

A PDF has no paragraphs, only positioned lines. Chinese reports are typeset with a first-line
indent and full-width justified lines, so a paragraph starts at an indented line (or after a
short line, a gap or a change of font size) and a line that stops short of the right margin ends
one. Headings (``二、主动公开政府信息情况``) are short, so they come out as paragraphs of their own,
which is what section location needs.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from typing import Any

from gov_review.core.model import Anchor, Paragraph

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
    return join_lines(text.split("\n"), "\n")


@dataclass(slots=True)
class PdfParagraph:
    paragraph: Paragraph
    open_start: bool  # starts at the left margin (may continue the previous page's last paragraph)
    open_end: bool  # runs to the right margin (may continue on the next page)


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(b[0] - 1 <= cx <= b[2] + 1 and b[1] - 1 <= cy <= b[3] + 1 for b in boxes)


def page_paragraphs(
    page: Any, page_no: int, boxes: list[tuple[float, float, float, float]]
) -> list[PdfParagraph]:
    outside = (
        page.filter(lambda o: o.get("object_type") != "char" or not _inside(o, boxes)) if boxes else page
    )
    lines = [ln for ln in outside.extract_text_lines(strip=True, return_chars=True) if ln["text"].strip()]
    height = float(page.height)
    lines = [
        ln
        for ln in lines
        if not (_PAGE_NO_RE.match(ln["text"]) and (ln["top"] < height * 0.12 or ln["bottom"] > height * 0.85))
    ]
    if not lines:
        return []
    for ln in lines:
        sizes = [c.get("size", 0) for c in ln["chars"] if c["text"].strip()]
        ln["size"] = statistics.median(sizes) if sizes else 10.0
    left = min(ln["x0"] for ln in lines)
    right = max(ln["x1"] for ln in lines)

    groups: list[list[dict[str, Any]]] = []
    for ln in lines:
        size = ln["size"]
        if groups:
            prev = groups[-1][-1]
            short = prev["x1"] < right - 1.5 * size
            indented = ln["x0"] > left + 1.2 * size
            gap = ln["top"] - prev["bottom"] > 0.9 * max(size, prev["size"])
            resized = abs(size - prev["size"]) > 1.0
            if not (short or indented or gap or resized):
                groups[-1].append(ln)
                continue
        groups.append([ln])

    out: list[PdfParagraph] = []
    for group in groups:
        text = join_lines([ln["text"] for ln in group], " ")
        bbox = (
            round(min(ln["x0"] for ln in group), 1),
            round(min(ln["top"] for ln in group), 1),
            round(max(ln["x1"] for ln in group), 1),
            round(max(ln["bottom"] for ln in group), 1),
        )
        size = group[0]["size"]
        out.append(
            PdfParagraph(
                Paragraph(text=text, anchor=Anchor("pdf", page=page_no, bbox=bbox)),
                open_start=group[0]["x0"] <= left + 1.2 * size,
                open_end=group[-1]["x1"] >= right - 1.5 * group[-1]["size"],
            )
        )
    return out
