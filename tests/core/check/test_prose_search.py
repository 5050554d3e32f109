"""The prose is searched only where a quoted number can be (rules/narrative.py skips paragraphs
without a number and its unit, and patterns whose first words are absent): the quotes found must
be exactly those of searching every paragraph with every pattern."""

from __future__ import annotations

from collections import Counter

import pytest

from gov_review.core.check import narrative
from gov_review.core.model import Paragraph
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.text.normalize import norm
from gov_review.core.text.numerals import cn_to_int
from tests.conftest import DATA, SAMPLES


def _every_paragraph_every_pattern(doc, data) -> list[tuple[str, str, int]]:
    headings = {s.block_index for s in data.sections}
    out = []
    for i, b in enumerate(doc.blocks):
        if not isinstance(b, Paragraph) or i in headings or b.text == data.title:
            continue
        text = norm(b.text)
        claimed: list[tuple[int, int]] = []
        for pat in narrative.PATTERNS:
            for m in pat.regex.finditer(text):
                if any(s <= m.start("n") < e for s, e in claimed):
                    continue
                n = cn_to_int(m.group("n"))
                if n is None:
                    continue
                claimed.append((m.start("n"), m.end("n")))
                out.append((pat.rule, m.group(0), n))
    return out


def test_every_pattern_has_its_first_words():
    assert all(leads for leads in narrative._LEADS)  # else every paragraph is searched (slower)
    loose = next(i for i, p in enumerate(narrative.PATTERNS) if p.code == "loose")
    assert narrative._LEADS[loose] == ("收到", "受理", "接到", "接收")


@pytest.mark.parametrize(
    "path",
    [*sorted(SAMPLES.glob("seed_*.txt")), *sorted((DATA / "docx").glob("seed_*.docx"))],
    ids=lambda p: p.name,
)
def test_the_quotes_found_are_those_of_searching_everything(path):
    report = analyse_file(path)
    found = narrative.facts(report.source, report.data)
    assert [
        (p.rule, phrase, n) for p, phrase, n, _para, _scope in found.quotes
    ] == _every_paragraph_every_pattern(report.source, report.data)
    assert found.years == Counter(int(y) for t in found.texts for y in narrative._YEAR_MENTION_RE.findall(t))


def test_a_report_quoting_many_figures_is_read_like_every_pattern_would(tmp_path):
    text = (SAMPLES / "seed_001.txt").read_text(encoding="utf-8")
    extra = (
        "本年度共收到政府信息公开申请十二件，新收申请12件，上一年度结转3件，结转下年度继续办理1件，"
        "已办结14件，予以公开5件，部分公开2件，不予公开1件，无法提供2件，不予处理1件；"
        "行政复议案件1件，行政诉讼0件，自然人提出10件，商业企业2件，科研机构0件。\n"
        "2018年、2018年、2018年的报告也提到 2018年。\n"
    )
    path = tmp_path / "quotes.txt"
    path.write_text(text.replace("\n", "\n" + extra, 3), encoding="utf-8")
    report = analyse_file(path)
    found = narrative.facts(report.source, report.data)
    expected = _every_paragraph_every_pattern(report.source, report.data)
    assert len(expected) >= 15  # the paragraphs were read as prose, with their figures
    assert [(p.rule, phrase, n) for p, phrase, n, _para, _scope in found.quotes] == expected


@pytest.mark.parametrize(
    "text",
    [
        "本年度发生行政复议3件，行政诉讼2起。",
        "未发生行政复议、行政诉讼情况。",
        "因政府信息公开被申请复议的案件共计 2 宗",
        "起诉一件，以前年度结转。",
        "复议复议复议 5",
        "",
        "没有相关内容",
        *[t for p in sorted(SAMPLES.glob("seed_*.txt")) for t in [p.read_text(encoding="utf-8")]],
    ],
)
def test_review_and_litigation_figures_are_found_as_a_full_search_finds_them(text):
    from gov_review.core.check import document

    found = document._found(document._CASES_RE, document._CASES_LEADS, text)
    assert found == bool(document._CASES_RE.search(text))
