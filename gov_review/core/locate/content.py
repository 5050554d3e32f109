"""Whether a section whose heading was not found is there all the same, by its content: a report
is not missing section 四 when its table 四 was read, only its heading."""

from __future__ import annotations

from gov_review.core.model import Paragraph, ReportData, SourceDocument
from gov_review.core.text.normalize import norm

_TABLE_OF_SECTION = {2: ("t2", "表二"), 3: ("t3", "表三"), 4: ("t4", "表四")}
# Words a paragraph of section 五 or 六 speaks with when its heading is missing.
_WORDS = {
    5: (("问题", "不足", "短板"), ("改进", "下一步", "加强", "整改")),
    6: (("信息处理费", "处理费", "其他需要报告"),),
}


_PREAMBLE = ("本报告", "根据《", "根据", "按照", "依据")


def section_content(doc: SourceDocument, data: ReportData, number: int) -> str | None:
    """What of section ``number`` the report holds without its heading (``"表四"``, a sentence), or
    None when nothing of it is there."""
    if number in _TABLE_OF_SECTION:
        table, name = _TABLE_OF_SECTION[number]
        return name if data.tables_found.get(table) else None
    paragraphs = _loose_paragraphs(doc, data, number)
    if number == 1:
        for p in paragraphs:
            text = norm(p.text)
            if "统计期限" in text or text.startswith(_PREAMBLE):
                continue  # the report's preamble, which comes before section 一
            if len(text) >= 30:  # a sentence of the overview, before section 二
                return _quote(p.text)
        return None
    for p in paragraphs:
        text = norm(p.text)
        if all(any(w in text for w in group) for group in _WORDS[number]):
            return _quote(p.text)
    return None


def _loose_paragraphs(doc: SourceDocument, data: ReportData, number: int) -> list[Paragraph]:
    """The paragraphs where section ``number`` would be: between the headings found around it."""
    before = [s for s in data.sections if s.number < number]
    after = [s for s in data.sections if s.number > number]
    start = before[-1].block_index + 1 if before else 0
    end = after[0].block_index if after else len(doc.blocks)
    if number > 1 and not before:
        return []
    out = []
    for b in doc.blocks[start:end]:
        if isinstance(b, Paragraph) and b.text.strip() and b.text != data.title:
            out.append(b)
    return out


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f"“{text[:20]}…”" if len(text) > 20 else f"“{text}”"
