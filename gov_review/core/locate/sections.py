"""Finding the six sections 一…六 by their words, not only by their numerals, and the table rows of
tables 二/三/四 (by their section and by their own words)."""

from __future__ import annotations

import re
from functools import lru_cache

from gov_review.core.formats.headings import (  # noqa: F401  (the names callers found here)
    NUMERALS,
    SECTION_KEYWORDS,
    STANDARD_TITLES,
    TITLE_FORMS,
    HeadingMatch,
    match_heading,
)
from gov_review.core.model import Paragraph, RawCell, RawTable, Section, SourceDocument
from gov_review.core.text.normalize import norm
from gov_review.core.text.runtogether import DIGITS_RE


def locate_sections(doc: SourceDocument) -> list[Section]:
    """Find the section headings in order; a section that is absent is simply not in the list.

    Lines that list the sections one after another (a table of contents, an introduction) are not
    the headings when the sections are headed again further on; a parenthesised numeral heads a
    section only when no plain heading names it.
    """
    blocks = doc.blocks
    cands: list[tuple[int, HeadingMatch]] = []
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            hm = match_heading(block.text)
            if hm is not None:
                cands.append((index, hm))
    listed = _listing(blocks, cands)
    # Per section, its best heading: the standard one, else a plain one, else a sub-heading-like one
    # (the first of equals).
    best: dict[int, tuple[int, HeadingMatch]] = {}
    for pos, (index, hm) in enumerate(cands):
        if pos in listed:
            continue
        held = best.get(hm.number)
        if held is None or (hm.standard, not hm.weak) > (held[1].standard, not held[1].weak):
            best[hm.number] = (index, hm)
    found: list[Section] = []
    for index, hm in sorted(best.values(), key=lambda c: c[0]):
        if found and hm.number < found[-1].number:
            continue  # a heading for section n must not come after one for a later section
        block = blocks[index]
        assert isinstance(block, Paragraph)
        found.append(
            Section(
                number=hm.number,
                title=block.text.strip(),
                block_index=index,
                anchor=block.anchor,
                standard=hm.standard,
            )
        )
    for i, sec in enumerate(found):
        sec.end_block = found[i + 1].block_index if i + 1 < len(found) else len(blocks)
    return found


def _listing(blocks: list, cands: list[tuple[int, HeadingMatch]]) -> set[int]:
    """Positions (in ``cands``) of headings that only list the sections: a run of two or more
    candidates with nothing but empty lines between them, whose sections are headed again later."""
    out: set[int] = set()
    run: list[int] = []

    def close() -> None:
        if len(run) >= 2:
            last_index = cands[run[-1]][0]
            later = {hm.number for i, hm in cands if i > last_index}
            if all(cands[p][1].number in later for p in run):
                out.update(run)
        run.clear()

    for pos, (index, _hm) in enumerate(cands):
        if run:
            prev = cands[run[-1]][0]
            between = blocks[prev + 1 : index]
            if any(not isinstance(b, Paragraph) or b.text.strip() for b in between):
                close()
        run.append(pos)
    close()
    return out


def section_text(doc: SourceDocument, sections: list[Section], number: int) -> list[Paragraph]:
    """The paragraphs of one section (headings excluded); empty when the section is absent."""
    for sec in sections:
        if sec.number == number:
            return [b for b in doc.blocks[sec.block_index + 1 : sec.end_block] if isinstance(b, Paragraph)]
    return []


def section_numbers(doc: SourceDocument, sections: list[Section]) -> list[int]:
    """Each block's section number (0 before the first section)."""
    out = [0] * len(doc.blocks)
    for sec in sections:
        out[sec.block_index : sec.end_block] = [sec.number] * (sec.end_block - sec.block_index)
    return out


# ------------------------------------------------------------------------------------------------
# Classifying table rows into tables 二/三/四


_T4_ROW_WORDS = frozenset(("行政复议", "行政诉讼", "行政法复议"))


@lru_cache(maxsize=4096)
def _row_kind(raw_texts: tuple[str, ...]) -> str | None:
    """Which table a row's words announce. Cached on the row's raw texts (header rows recur)."""
    texts = [norm(t) for t in raw_texts if t]
    joined = "".join(texts)
    if "第二十条" in joined:
        return "t2"
    if "勾稽关系" in joined or "申请人情况" in joined or "本年新收政府信息公开申请" in joined:
        return "t3"
    if not _T4_ROW_WORDS.isdisjoint(texts) and "本年度办理结果" not in joined:
        return "t4"
    return None


_TEXT_ROW_RE = re.compile(r"^(?P<label>.*?[\u4e00-\u9fff）)”])\s*(?P<nums>\d[\d\s]*)$")


def _paragraph_rows(doc: SourceDocument, section_of: list[int], number: int) -> list[list[RawCell]]:
    """A table published as plain lines (label then numbers, or a line of numbers) inside a section."""
    rows: list[list[RawCell]] = []
    for index, block in enumerate(doc.blocks):
        if section_of[index] != number or not isinstance(block, Paragraph):
            continue
        text = block.text.strip()
        if DIGITS_RE.match(text):
            rows.append([RawCell(text, block.anchor)])
            continue
        m = _TEXT_ROW_RE.match(text)
        if m and len(m.group("label")) <= 60:
            rows.append([RawCell(m.group("label"), block.anchor), RawCell(m.group("nums"), block.anchor)])
        elif len(text) <= 60:
            rows.append([RawCell(part, block.anchor) for part in text.split()])
    return rows


_TABLE_OF_SECTION = {2: "t2", 3: "t3", 4: "t4"}


def split_rows(
    doc: SourceDocument, section_of: list[int]
) -> tuple[dict[str, list[list[RawCell]]], dict[str, list[tuple[str, ...]]]]:
    """Each table row (merged positions dropped) under the table its section or its words name.

    ``section_of`` gives each block's section number (0 outside any section). Also returns each
    row's texts, which key the tables' plans.
    """
    out: dict[str, list[list[RawCell]]] = {"t2": [], "t3": [], "t4": []}
    texts: dict[str, list[tuple[str, ...]]] = {"t2": [], "t3": [], "t4": []}
    state: str | None = None
    for index, block in enumerate(doc.blocks):
        if not isinstance(block, RawTable):
            continue
        by_section = _TABLE_OF_SECTION.get(section_of[index])
        if by_section is not None:
            state = by_section
        for row in block.rows:
            cells = [c for c in row if not c.merged]
            row_texts = tuple([c.text for c in cells])
            kind = _row_kind(row_texts)
            if kind is not None:
                state = kind
            if state is not None:
                out[state].append(cells)
                texts[state].append(row_texts)
    for table, number in (("t3", 3), ("t4", 4)):
        if not out[table]:
            out[table] = _paragraph_rows(doc, section_of, number)
            texts[table] = [tuple([c.text for c in cells]) for cells in out[table]]
    return out, texts
