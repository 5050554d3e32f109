"""Text against tables (N01–N10): numbers quoted in the prose must agree with the tables."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from gov_review.core.check.claims import compounds, fill, scope, sentence_around
from gov_review.core.check.emit import emit
from gov_review.core.formats.templates import get_template
from gov_review.core.model import Finding, Paragraph, ReportData, SourceDocument
from gov_review.core.text.normalize import fmt_number, norm
from gov_review.core.text.numerals import NUMBER_CHARS, cn_to_int

NUM = f"(?P<n>[{NUMBER_CHARS}]+)"
UNIT = r"(?P<unit>件|条|个|次|项|宗|起|人次)"
FILL = r"(?:数量|总数|数)?(?:共计|合计|总计|共|为|计|达到|达|有)?(?:[:：])?"
GAP = r"[^。；;，,、\n]{0,14}?"
_YEAR_MENTION_RE = re.compile(r"(20\d{2})年")


@dataclass(frozen=True, slots=True)
class _Pattern:
    rule: str
    code: str
    regex: re.Pattern[str]
    target: str  # a key into _target_cells
    target_zh: str
    target_en: str


def _p(rule: str, code: str, pattern: str, target: str, zh: str, en: str) -> _Pattern:
    return _Pattern(rule, code, re.compile(pattern), target, zh, en)


# Compound claims (resources/rules/prose_claims.json) first: their number is not read again by the
# single-row patterns (``予以公开及部分公开13件`` is not a claim that 部分公开 = 13).
COMPOUND_PATTERNS: tuple[_Pattern, ...] = tuple(
    _p(c.rule, "mismatch", fill(c.pattern, FILL=FILL, NUM=NUM, UNIT=UNIT), "+".join(c.targets), c.zh, c.en)
    for c in compounds()
)
PATTERNS: tuple[_Pattern, ...] = (
    *COMPOUND_PATTERNS,
    _p("N01", "mismatch", rf"新收{GAP}(?:申请|办件){FILL}{NUM}{UNIT}", "new", "新收申请总计", "new applications total"),
    _p("N01", "loose", rf"(?:收到|受理|接到|接收){GAP}(?:申请|办件){FILL}{NUM}{UNIT}", "new", "新收申请总计", "new applications total"),
    _p("N01", "loose", rf"(?:收到|受理|接到|接收)(?:政府信息公开|依申请公开|信息公开)(?:申请)?{FILL}{NUM}{UNIT}", "new", "新收申请总计", "new applications total"),
    _p("N02", "mismatch", rf"上一?年(?:度)?结转{GAP}{FILL}{NUM}{UNIT}", "carry", "二、上年结转·总计", "carried-over total"),
    _p("N04", "mismatch", rf"结转(?:至|到)?下一?年度?(?:继续办理)?{FILL}{NUM}{UNIT}", "fwd", "四、结转下年度·总计", "carried-forward total"),
    _p("N03", "mismatch", rf"(?:已办结|办结|答复|办理完毕){GAP}{FILL}{NUM}{UNIT}", "total", "（七）总计·总计", "total handled"),
    _p("N05", "mismatch", rf"予以公开{FILL}{NUM}{UNIT}", "open", "（一）予以公开·总计", "disclosed total"),
    _p("N05", "mismatch", rf"部分公开{FILL}{NUM}{UNIT}", "partial", "（二）部分公开·总计", "partly disclosed total"),
    _p("N05", "mismatch", rf"不予公开{FILL}{NUM}{UNIT}", "deny", "（三）不予公开合计", "not disclosed total"),
    _p("N05", "mismatch", rf"无法提供{FILL}{NUM}{UNIT}", "unable", "（四）无法提供合计", "cannot provide total"),
    _p("N05", "mismatch", rf"不予处理{FILL}{NUM}{UNIT}", "reject", "（五）不予处理合计", "not processed total"),
    _p("N06", "mismatch", rf"行政复议(?:案件|申请|案)?{FILL}{NUM}{UNIT}", "review", "行政复议·总计", "administrative reviews total"),
    _p("N07", "mismatch", rf"行政诉讼(?:案件|案)?{FILL}{NUM}{UNIT}", "litigation", "行政诉讼总计（两类之和）", "lawsuits total"),
    _p("N08", "mismatch", rf"自然人(?:提出|申请)?{FILL}{NUM}{UNIT}", "c_natural", "一、本年新收·自然人", "new applications by natural persons"),
    _p("N08", "mismatch", rf"商业企业(?:提出|申请)?{FILL}{NUM}{UNIT}", "c_biz", "一、本年新收·商业企业", "new applications by businesses"),
    _p("N08", "mismatch", rf"科研机构(?:提出|申请)?{FILL}{NUM}{UNIT}", "c_research", "一、本年新收·科研机构", "new applications by research institutions"),
    _p("N08", "mismatch", rf"社会公益组织(?:提出|申请)?{FILL}{NUM}{UNIT}", "c_ngo", "一、本年新收·社会公益组织", "new applications by NGOs"),
    _p("N08", "mismatch", rf"法律服务机构(?:提出|申请)?{FILL}{NUM}{UNIT}", "c_legal", "一、本年新收·法律服务机构", "new applications by legal service institutions"),
)  # fmt: skip
# A number and its unit, without which no pattern matches (each ends with them): paragraphs
# without one are not searched pattern by pattern.
_COUNT_RE = re.compile(f"[{NUMBER_CHARS}]{UNIT}")
assert all(p.regex.pattern.endswith(NUM + UNIT) for p in PATTERNS)


def leading_words(regex: re.Pattern[str]) -> tuple[str, ...] | None:
    """The words one of which every match starts with (``新收…`` → 新收; ``(?:收到|受理)…`` → both),
    read from the compiled pattern's syntax tree; None when it does not start with plain words."""
    try:
        try:
            from re import _constants as sre  # type: ignore[attr-defined]
            from re import _parser as parser  # type: ignore[attr-defined]
        except ImportError:  # Python 3.10
            import sre_constants as sre  # type: ignore[no-redef]
            import sre_parse as parser  # type: ignore[no-redef]
        if regex.flags & (re.IGNORECASE | re.VERBOSE):
            return None
        return _leads(list(parser.parse(regex.pattern)), sre)
    except (AttributeError, TypeError, ValueError, IndexError, re.error):
        return None  # a private module that changed: every paragraph is searched


def _leads(items: list, sre: object) -> tuple[str, ...] | None:
    if not items:
        return None
    op, arg = items[0]
    if op is sre.LITERAL:  # type: ignore[attr-defined]
        word = []
        for op2, arg2 in items:
            if op2 is not sre.LITERAL:  # type: ignore[attr-defined]
                break
            word.append(chr(arg2))
        return ("".join(word),)
    if op is sre.BRANCH:  # type: ignore[attr-defined]
        out: list[str] = []
        for alternative in arg[1]:
            leads = _leads(list(alternative), sre)
            if leads is None:
                return None
            out += leads
        return tuple(out)
    if op is sre.SUBPATTERN and not arg[1] and not arg[2]:  # type: ignore[attr-defined]
        return _leads(list(arg[3]), sre)
    return None


_LEADS = tuple(leading_words(p.regex) for p in PATTERNS)


_TARGETS: dict[str, tuple[object, dict[str, list[str]]]] = {}


def _target_cells(fmt: str) -> dict[str, list[str]]:
    """The cells whose sum each pattern's number is compared with, per format (built once)."""
    tpl = get_template(fmt)
    hit = _TARGETS.get(fmt)
    if hit is None or hit[0] is not tpl:
        groups = tpl.groups

        def rows(rs: list[str]) -> list[str]:
            return [f"t3.{r}.c_total" for r in rs]

        cells = {
            "new": ["t3.r_new.c_total"],
            "carry": ["t3.r_carry.c_total"],
            "fwd": ["t3.r_fwd.c_total"],
            "total": ["t3.r_total.c_total"],
            "open": ["t3.r_open.c_total"],
            "partial": ["t3.r_partial.c_total"],
            "deny": rows(groups["g_deny"]),
            "unable": rows(groups["g_unable"]),
            "reject": rows(groups["g_reject"]),
            "other": rows(groups["g_other"]),
            "new+carry": ["t3.r_new.c_total", "t3.r_carry.c_total"],
            "review": ["t4.review.c_total"],
            "litigation": ["t4.lit_direct.c_total", "t4.lit_post.c_total"],
            **{c: [f"t3.r_new.{c}"] for c in ("c_natural", "c_biz", "c_research", "c_ngo", "c_legal")},
        }
        for c in compounds():
            cells["+".join(c.targets)] = [cell for t in c.targets for cell in cells[t]]
        hit = _TARGETS[fmt] = (tpl, cells)
    return hit[1]


def _table_value(data: ReportData, cells: list[str]) -> Decimal | None:
    """The sum of the cells' values, None when one is blank."""
    vals = [data.value(c) for c in cells]
    if any(v is None for v in vals):
        return None
    return sum(vals, Decimal(0))  # type: ignore[arg-type]


def prose(doc: SourceDocument, data: ReportData) -> list[Paragraph]:
    """Body paragraphs that are not headings or the title."""
    return list(facts(doc, data).paragraphs)


@dataclass(frozen=True, slots=True)
class ProseFacts:
    """What the checks read from the prose (all but headings and the title)."""

    paragraphs: list[Paragraph]
    texts: list[str]  # norm(text) of each paragraph
    # Numbers quoted in the prose: (pattern, the matched phrase, the number, its paragraph), in the
    # order of paragraphs, then patterns, then position; spans taken by a stricter pattern left out.
    # The scope its sentence gives (claims.scope): None, "other" or "with_carry".
    quotes: list[tuple[_Pattern, str, int, Paragraph, str | None]]
    years: Counter[int]  # years mentioned, for N10


def facts(doc: SourceDocument, data: ReportData) -> ProseFacts:
    """Read the prose once per check (the checker hands the result to every check that needs it)."""
    headings = {s.block_index for s in data.sections}
    paragraphs = []
    for i, b in enumerate(doc.blocks):
        if isinstance(b, Paragraph) and i not in headings and b.text != data.title:
            paragraphs.append(b)
    texts = [norm(p.text) for p in paragraphs]
    # The scope its sentence gives (claims.scope): None, "other" or "with_carry".
    quotes: list[tuple[_Pattern, str, int, Paragraph, str | None]] = []
    for para, text in zip(paragraphs, texts, strict=True):
        if not text or not _COUNT_RE.search(text):
            continue  # every pattern ends with a number and its unit: most paragraphs have none
        claimed: list[tuple[int, int]] = []  # spans already matched by a stricter pattern
        for pat, leads in zip(PATTERNS, _LEADS, strict=True):
            if leads is not None:  # a match starts with one of these words: is one in the paragraph?
                for word in leads:
                    if word in text:
                        break
                else:
                    continue
            for m in pat.regex.finditer(text):
                if any(s <= m.start("n") < e for s, e in claimed):
                    continue
                n = cn_to_int(m.group("n"))
                if n is None:
                    continue
                claimed.append((m.start("n"), m.end("n")))
                quotes.append((pat, m.group(0), n, para, scope(sentence_around(text, m.start(), m.end()))))
    years = Counter(int(y) for y in _YEAR_MENTION_RE.findall("\n".join(texts)))
    return ProseFacts(paragraphs, texts, quotes, years)


def check_narrative(doc: SourceDocument, data: ReportData, prose: ProseFacts | None = None) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[tuple[str, str, int]] = set()
    prose_facts = prose or facts(doc, data)
    targets = _target_cells(data.format or "2021") if prose_facts.quotes else {}
    for pat, phrase, n, para, where in prose_facts.quotes:
        if where == "other":
            continue  # a wider scope than this body's table (全区各部门…)
        code, cells = pat.code, targets[pat.target]
        if where == "with_carry" and pat.target == "new":
            code, cells = "with_carry", targets["new+carry"]
        table_value = _table_value(data, cells)
        key = (pat.rule, pat.target, n)
        if table_value is None or key in seen:
            continue
        seen.add(key)
        if Decimal(n) == table_value:
            continue
        findings.append(
            emit(
                pat.rule,
                code,
                cells,
                anchor=para.anchor,
                phrase=phrase,
                n=n,
                table=fmt_number(table_value),
                target=pat.target_zh,
                target_en=pat.target_en,
                expected=fmt_number(table_value),
                found=str(n),
            )
        )
    findings += _years(data, prose_facts.years)
    return findings


def _years(data: ReportData, counts: Counter[int]) -> list[Finding]:
    out: list[Finding] = []
    if data.year is None:
        out.append(emit("N10", "no_year"))
        return out
    for code, params in data.observations:
        if code == "stats_period" and params["year"] != data.year:
            out.append(emit("N10", "period", year=data.year, period=params["year"]))
    allowed = {data.year, data.year + 1}
    if counts:
        other, count = counts.most_common(1)[0]
        own = sum(counts[y] for y in allowed)
        if other not in allowed and other < data.year and count >= 3 and count > own:
            out.append(emit("N10", "text_year", year=data.year, other=other, count=count))
    return out
