"""Finding the six sections 一…六 by their words, not only by their numerals, and the table rows of
tables 二/三/四 (by their section and by their own words)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from gov_review.core.model import Paragraph, RawCell, RawTable, Section, SourceDocument
from gov_review.core.text.normalize import norm
from gov_review.core.text.runtogether import DIGITS_RE

NUMERALS = "一二三四五六"
STANDARD_TITLES = {
    1: "总体情况",
    2: "主动公开政府信息情况",
    3: "收到和处理政府信息公开申请情况",
    4: "政府信息公开行政复议、行政诉讼情况",
    5: "存在的主要问题及改进情况",
    6: "其他需要报告的事项",
}
# Other wordings of a section's title seen in published reports, besides the standard one.
TITLE_FORMS: dict[int, tuple[str, ...]] = {
    1: ("总体情况", "基本情况", "工作概况", "总体概况", "概述"),
    2: ("主动公开政府信息情况",),
    3: ("收到和处理政府信息公开申请情况", "依申请公开政府信息情况"),
    4: ("政府信息公开行政复议、行政诉讼情况", "行政复议、行政诉讼情况"),
    5: ("存在的主要问题及改进情况", "存在的问题及改进措施", "存在的主要问题", "主要问题及改进"),
    6: ("其他需要报告的事项",),
}
# Words a title may add or leave out without changing which section it heads: compared without them.
_OPTIONAL_RE = re.compile(
    r"政府信息公开|政府信息|政务公开|信息公开|工作|情况|事项|主要|的|和|及|与|、|,|，|\."
)
# Traditional characters of the titles that the label normaliser does not already map.
_TRAD_TITLES = str.maketrans(
    "體況動開處請復議訴訟問題進報項務總公這關於", "体况动开处请复议诉讼问题进报项务总公这关于"
)
# A heading's prefix: ## (markdown), a numeral and its separator, or a parenthesised numeral.
_PREFIX_RE = re.compile(
    r"^#*(?:(?P<paren>[(（][一二三四五六七八九十\d]{1,2}[)）])|(?P<num>[一二三四五六七八九十]{1,2}|\d{1,2})?"
    r"(?P<sep>[、.．:：]|\s)?)"
)
MAX_HEADING_LEN = 40


@dataclass(frozen=True, slots=True)
class HeadingMatch:
    number: int
    standard: bool
    prefix: str
    # A sub-heading unless no other heading names the section: a parenthesised numeral, a numeral that
    # is not the section's (``1.主动公开`` under 总体情况), or no numeral and a shortened title.
    weak: bool = False


def _core(text: str) -> str:
    return _OPTIONAL_RE.sub("", text)


_CORES = {n: tuple(dict.fromkeys(_core(norm(f)) for f in forms)) for n, forms in TITLE_FORMS.items()}


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of two short strings, or ``limit + 1`` once it is sure to exceed it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def _tolerance(core: str) -> int:
    """Characters a title may differ by (a stray or missing one): none for a short title's core
    (总体 vs 总计), one for most, two for a long one."""
    return 0 if len(core) < 4 else 1 if len(core) < 10 else 2


def _near(core: str, form_core: str) -> bool:
    return form_core in core or _distance(core, form_core, _tolerance(form_core)) <= _tolerance(form_core)


def _sections_named(core: str) -> list[int]:
    """The sections whose title (without optional words) the text contains or nearly equals."""
    return [n for n, cores in _CORES.items() if any(_near(core, c) for c in cores)]


# Cached: readers ask it of every line and reconstruction of every paragraph again; a HeadingMatch is
# frozen, so sharing one between callers is safe.
@lru_cache(maxsize=8192)
def match_heading(text: str) -> HeadingMatch | None:
    """Which section a paragraph heads, or None: the title by its meaning (a stray or missing
    character, optional words, ``1、``/``（一）``/``##`` prefixes, traditional characters), not a
    sentence that lists several sections' names. Cheap enough to call on every line."""
    s = norm(text).translate(_TRAD_TITLES)
    if not s or len(s) > MAX_HEADING_LEN or "|" in s or "\t" in text:
        return None  # a table's row (行政复议 | 行政诉讼), not a heading
    m = _PREFIX_RE.match(s)
    prefix = m.group(0) if m else ""
    rest = s[len(prefix) :].rstrip("。.:：")
    core = _core(rest)
    if len(core) < 2 or len(core) > 24:
        return None
    named = _sections_named(core)
    if len(named) != 1:
        return None  # no section, or a sentence that lists several
    number = named[0]
    # The title's words must make most of the line: "总体情况良好，…" is prose, not a heading.
    best = min(len(c) for c in _CORES[number] if _near(core, c))
    if len(core) > best + 6:
        return None
    num = m.group("num") if m else None
    standard = (
        not prefix.startswith("#")
        and num == NUMERALS[number - 1]
        and m.group("sep") == "、"
        and rest == norm(STANDARD_TITLES[number])
        and s == norm(text)
    )
    if m and m.group("paren"):
        weak = True
    elif num == NUMERALS[number - 1]:
        weak = False
    else:  # an arabic numeral (also a sub-heading's) or none: the title must be nearly whole
        whole = any(
            rest == norm(f) or (len(f) >= 6 and _distance(rest, norm(f), 1) <= 1) for f in TITLE_FORMS[number]
        )
        if num is None and not whole:
            return None  # words of a title without its numeral (a table's header 行政复议 行政诉讼)
        weak = num != str(number) or not whole
    return HeadingMatch(number, standard, prefix, weak=weak)


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
