"""Who may report what (S01–S06) and the document's shape (D01–D04)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from gov_review.core.check.emit import emit
from gov_review.core.check.narrative import ProseFacts, facts, leading_words
from gov_review.core.formats.templates import get_template
from gov_review.core.locate.content import section_content
from gov_review.core.locate.levels import level_name
from gov_review.core.locate.sections import STANDARD_TITLES, section_text
from gov_review.core.model import Finding, Paragraph, ReportData, SourceDocument
from gov_review.core.text.normalize import fmt_number, norm

NUMERALS = "一二三四五六"
LOW_LEVELS = {"township", "street", "county", "district"}


def check_body(doc: SourceDocument, data: ReportData, text: TextFacts | None = None) -> list[Finding]:
    out: list[Finding] = []
    body = data.body
    level = body.level
    name = body.name or "报告主体"
    if level is None and body.name:
        out.append(emit("S03", "level_unknown", body=name))  # 未识别: S01/S02 do not run on a guess
    elif level is None:
        out.append(emit("S03", "unknown"))
    else:
        out.append(emit("S03", "body", body=name, level=level_name(level), level_en=level_name(level, "en")))
    for code, params in data.observations:
        if code == "body_names" and params["names"]:
            out.append(emit("S03", "inconsistent", body=name, others="、".join(params["names"])))
    if data.format is not None and level is not None:
        reg_cols = (
            ["c_new_made", "c_new_pub", "c_total_pub"]
            if data.format == "2019"
            else ["c_issued", "c_repealed", "c_in_force"]
        )
        tpl = get_template(data.format)
        for col in reg_cols:
            cid = f"t2.a1.r_reg.{col}"
            value = data.value(cid)
            if value is None or value == 0:
                continue
            label = tpl.cells[cid].label_zh
            params = {
                "body": name,
                "level": level_name(level),
                "level_en": level_name(level, "en"),
                "label": label,
                "value": fmt_number(value),
            }
            if level in LOW_LEVELS or (level == "department" and body.parent_level in LOW_LEVELS):
                out.append(emit("S01", "not_allowed", [cid], **params))
            elif level == "department" and body.parent_level == "city":
                out.append(emit("S01", "city_department", [cid], **params))
        if level == "street":
            col = "c_new_made" if data.format == "2019" else "c_issued"
            cid = f"t2.a1.r_norm.{col}"
            value = data.value(cid)
            if value is not None and value > 0:
                out.append(
                    emit(
                        "S02",
                        "street_norm",
                        [cid],
                        body=name,
                        label=tpl.cells[cid].label_zh,
                        value=fmt_number(value),
                    )
                )
    text = text or text_facts(doc, data)
    out += _s04(data, text.explained)
    out += _s05(data, text.fee_in_six)
    out += _s06(data, text.claims)
    return out


@dataclass(frozen=True, slots=True)
class TextFacts:
    """What S04–S06 and D02/D04 read from the text: it does not change when a cell is edited."""

    explained: bool  # S04: the prose gives review/litigation figures or speaks of earlier years
    claims: list[str]  # S06: "均维持"-like phrases of paragraphs about review or litigation, in order
    fee_in_six: bool  # S05: section 六 speaks of a processing fee
    five_empty: bool  # D02: section 五 says nothing
    dated: tuple[Paragraph, re.Match[str]] | None  # D04: the date line near the end


def text_facts(doc: SourceDocument, data: ReportData, prose: ProseFacts | None = None) -> TextFacts:
    """What S04–S06 and D02/D04 read from the text (the checker works it out once per check)."""
    texts = (prose or facts(doc, data)).texts
    all_text = "".join(texts)
    explained = _found(_CASES_RE, _CASES_LEADS, all_text) or any(
        k in all_text for k in ("以前年度", "往年", "历年", "跨年度")
    )
    claims = []
    for text in texts:
        if "复议" in text or "诉讼" in text or "起诉" in text:  # a paragraph about review/litigation
            m = _CLAIM_RE.search(text)
            if m:
                claims.append(m.group(0))
    six = "".join(norm(p.text) for p in section_text(doc, data.sections, 6))
    five = "".join(norm(p.text) for p in section_text(doc, data.sections, 5)).strip("。.")
    dated = None
    for para in _last_paragraphs(doc, 4):
        m = _DATE_RE.search(norm(para.text))
        if m and len(norm(para.text)) <= 30:
            dated = (para, m)
            break
    return TextFacts(
        explained=explained,
        claims=claims,
        fee_in_six="处理费" in six or "信息处理费" in six,
        five_empty=not five or five in ("无", "暂无", "没有"),
        dated=dated,
    )


def _found(regex: re.Pattern[str], leads: tuple[str, ...] | None, text: str) -> bool:
    """``regex.search(text)`` found something: tried only where one of the words every match
    starts with occurs (a long text has a handful of such places)."""
    if leads is None:
        return regex.search(text) is not None
    for word in leads:
        i = text.find(word)
        while i != -1:
            if regex.match(text, i):
                return True
            i = text.find(word, i + 1)
    return False


def _last_paragraphs(doc: SourceDocument, n: int) -> list[Paragraph]:
    """The document's last ``n`` paragraphs, last first (``reversed(doc.paragraphs[-n:])``)."""
    out: list[Paragraph] = []
    for b in reversed(doc.blocks):
        if isinstance(b, Paragraph):
            out.append(b)
            if len(out) == n:
                break
    return out


_CASES_RE = re.compile(
    r"(?:行政复议|行政诉讼|复议|诉讼|起诉)[^。；;，,]{0,10}?[0-9零一二两三四五六七八九十百]+\s*(?:件|条|起|宗|次)"
)


def _s04(data: ReportData, explained: bool) -> list[Finding]:
    case_cells = ["t4.review.c_total", "t4.lit_direct.c_total", "t4.lit_post.c_total"]
    handled_cells = ["t3.r_new.c_total", "t3.r_carry.c_total"]
    cases = [data.value(c) for c in case_cells]
    handled = [data.value(c) for c in handled_cells]
    if any(v is None for v in cases + handled):
        return []
    total_cases = sum(cases, Decimal(0))  # type: ignore[arg-type]
    total_handled = sum(handled, Decimal(0))  # type: ignore[arg-type]
    # An explanation (worked out once per text): the prose gives review/litigation figures, or
    # speaks of earlier years' cases.
    if total_cases > total_handled and not explained:
        return [
            emit(
                "S04",
                "exceeds",
                [*case_cells, *handled_cells],
                cases=fmt_number(total_cases),
                new=fmt_number(handled[0]),
                carry=fmt_number(handled[1]),
                handled=fmt_number(total_handled),
            )
        ]
    return []


def _s05(data: ReportData, fee_in_six: bool) -> list[Finding]:
    if data.format != "2021":
        return []
    value = data.value("t3.r_other_nofee.c_total")
    if value is None or value <= 0:
        return []
    if fee_in_six:
        return []
    return [emit("S05", "fee_not_reported", ["t3.r_other_nofee.c_total"], value=fmt_number(value))]


_CASES_LEADS = leading_words(_CASES_RE)

_CLAIM_RE = re.compile(
    r"(均(?:获|被|予以)?维持|全部(?:获得?|予以)?维持|均已(?:审)?结案|全部(?:审)?结案|均已审结)"
)


def _s06(data: ReportData, claims: list[str]) -> list[Finding]:
    out: list[Finding] = []
    for phrase in claims:
        bad: list[tuple[str, Decimal]] = []
        cols = ("c_pending",) if "结" in phrase else ("c_corrected", "c_other", "c_pending")
        for g in ("review", "lit_direct", "lit_post"):
            for c in cols:
                v = data.value(f"t4.{g}.{c}")
                if v is not None and v > 0:
                    bad.append((f"t4.{g}.{c}", v))
        if bad:
            tpl = get_template(data.format or "2021")
            what = "、".join(
                f"{tpl.cells[c].label_zh.replace('表四 · ', '')} {fmt_number(v)}" for c, v in bad
            )
            what_en = ", ".join(f"{c} = {fmt_number(v)}" for c, v in bad)
            out.append(emit("S06", "claim", [c for c, _ in bad], phrase=phrase, what=what, what_en=what_en))
            break
    return out


# ------------------------------------------------------------------------------------------------
# Document shape


_DATE_RE = re.compile(r"(20\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def check_document(doc: SourceDocument, data: ReportData, text: TextFacts | None = None) -> list[Finding]:
    out: list[Finding] = []
    found = {s.number: s for s in data.sections}
    for n in range(1, 7):
        sec = found.get(n)
        if sec is None:
            content = section_content(doc, data, n)
            if content is not None:  # the section is there, only its heading is not
                out.append(
                    emit(
                        "D01",
                        "no_heading",
                        numeral=NUMERALS[n - 1],
                        title=STANDARD_TITLES[n],
                        content=content,
                    )
                )
            elif n == 6:
                out.append(emit("D03", "missing"))  # says what D01 would, and that "无" is enough
            else:
                out.append(emit("D01", "missing", numeral=NUMERALS[n - 1], title=STANDARD_TITLES[n]))
        elif not sec.standard:
            out.append(
                emit(
                    "D01",
                    "variant",
                    anchor=sec.anchor,
                    numeral=NUMERALS[n - 1],
                    title=STANDARD_TITLES[n],
                    written=sec.title.strip(),
                )
            )
    text = text or text_facts(doc, data)
    if 5 in found and text.five_empty:
        out.append(emit("D02", "empty", anchor=found[5].anchor))
    out += _d04(data, text.dated)
    return out


def _d04(data: ReportData, dated: tuple[Paragraph, re.Match[str]] | None) -> list[Finding]:
    if data.year is None:
        return []
    if dated is None:
        return []
    para, m = dated
    try:
        when = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return []
    department = data.body.level == "department"
    deadline = date(data.year + 1, 1, 31) if department else date(data.year + 1, 3, 31)
    if when > deadline:
        dl_zh = f"{deadline.year}年{deadline.month}月{deadline.day}日"
        return [
            emit(
                "D04",
                "late",
                anchor=para.anchor,
                date=m.group(0),
                deadline=dl_zh,
                deadline_en=deadline.isoformat(),
            )
        ]
    return []
