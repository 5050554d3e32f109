"""Section headings found by their meaning: a typo or a variant is a warning quoting both headings,
"missing" is an error only when neither the heading nor the section's content is there, and lines
that only list the sections are not taken for the headings."""

from __future__ import annotations

from pathlib import Path

import pytest

from gov_review.core.locate.sections import match_heading
from gov_review.core.review.pipeline import analyse_file

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.mark.parametrize(
    ("text", "number", "standard"),
    [
        ("一、总体情况", 1, True),
        ("四、政府信息公开行政法复议、行政诉讼情况", 4, False),  # a stray character
        ("四、政府信息公开行政复议行政诉讼情况", 4, False),  # a missing one
        ("一、工作基本情况", 1, False),
        ("## 五、存在的主要问题及改进情况", 5, False),
        ("1、总体情况", 1, False),
        ("三、收到和處理政府信息公開申請情況", 3, False),  # traditional characters
        ("六、其他需要报告的事项\u3000", 6, True),  # a full-width space after it
        ("五、存在的主要问题", 5, False),
    ],
)
def test_a_heading_is_known_by_its_meaning(text, number, standard):
    hm = match_heading(text)
    assert hm is not None and hm.number == number and hm.standard is standard and not hm.weak


@pytest.mark.parametrize(
    "text",
    [
        "本报告包括总体情况、主动公开政府信息情况",  # lists two sections
        "总体情况良好，全年共主动公开信息1000余条",  # prose
        "（一）予以公开",
        "三、本年度办理结果",
    ],
)
def test_a_sentence_is_not_a_heading(text):
    assert match_heading(text) is None


def test_a_sub_heading_under_section_one_does_not_take_section_two():
    """Seed 002 numbers its sub-headings 1.–6. under 总体情况: ``2.主动公开情况`` is not section 二."""
    report = analyse_file(DATA / "docx" / "seed_002.docx")
    two = next(s for s in report.data.sections if s.number == 2)
    assert two.title == "二、主动公开政府信息情况" and two.standard
    assert not [f for f in report.findings if f.rule == "D01"]


def test_headings_with_a_typo_are_warnings_quoting_both():
    report = analyse_file(DATA / "findings" / "heading_typo_2022.txt")
    d01 = [f for f in report.findings if f.rule == "D01"]
    assert [(f.code, f.severity) for f in d01] == [("D01.variant", "warning")] * 3
    assert [f.message for f in d01] == [
        "第一部分标题写作“一、工作基本情况”，标准写法为“一、总体情况”。",
        "第四部分标题写作“四、政府信息公开行政法复议、行政诉讼情况”，标准写法为“四、政府信息公开行政复议、行政诉讼情况”。",
        "第五部分标题写作“## 五、存在的主要问题及改进情况”，标准写法为“五、存在的主要问题及改进情况”。",
    ]
    assert all(f.anchor is not None and f.anchor.line_start for f in d01)  # F8 can show each
    assert not [f for f in report.findings if f.severity == "error"]


def test_lines_listing_the_sections_are_not_the_headings():
    report = analyse_file(DATA / "findings" / "listing_sentence_2022.txt")
    lines = report.source.text.splitlines()
    sections = {s.number: s for s in report.data.sections}
    assert sorted(sections) == [1, 2, 3, 4, 5, 6]
    # the real headings, further down than the introduction's list of them
    assert lines.index("一、总体情况") < sections[1].anchor.line_start - 1
    assert sections[5].anchor.line_start > sections[4].anchor.line_start + 10
    assert [f.code for f in report.findings] == ["S03.body"]  # section 五 is not "empty" either


def test_a_missing_heading_over_a_present_table_is_a_warning_not_an_error():
    report = analyse_file(DATA / "findings" / "heading_typo_2022.txt")
    text = report.source.text.replace("四、政府信息公开行政法复议、行政诉讼情况", "（表格如下）")
    path = DATA / "findings" / "heading_typo_2022.txt"
    from gov_review.core.read.text import parse_text
    from gov_review.core.review.pipeline import analyse

    _data, findings = analyse(parse_text(text, str(path)))
    d01 = [f for f in findings if f.rule == "D01" and "第四部分" in f.message]
    assert [(f.code, f.severity) for f in d01] == [("D01.no_heading", "warning")]
    assert d01[0].message == (
        "未找到第四部分的标题，但该部分的内容已在报告中（表四）；"
        "标准标题为“四、政府信息公开行政复议、行政诉讼情况”，请补上。"
    )
    # with the table gone as well, the section is missing: an error
    cut = text[: text.index("（表格如下）")] + text[text.index("五、存在的主要问题") - 3 :]
    _data, findings = analyse(parse_text(cut, str(path)))
    assert [f.severity for f in findings if f.code == "D01.missing" and "第四部分" in f.message] == ["error"]


def test_section_one_without_its_heading_is_a_warning_and_without_its_text_an_error():
    from gov_review.core.read.text import parse_text
    from gov_review.core.review.pipeline import analyse

    text = (DATA / "text" / "report_2021_clean.txt").read_text(encoding="utf-8")
    _data, findings = analyse(parse_text(text.replace("一、总体情况\n", ""), "x.txt"))
    d01 = [(f.code, f.severity) for f in findings if f.rule == "D01"]
    assert d01 == [("D01.no_heading", "warning")]
    # the preamble (统计期限…) is not the overview: with the overview cut too, section 一 is missing
    cut = text[: text.index("一、总体情况")] + text[text.index("二、主动公开") :]
    _data, findings = analyse(parse_text(cut, "x.txt"))
    assert [(f.code, f.severity, f.message) for f in findings if f.rule == "D01"] == [
        ("D01.missing", "error", "缺少第一部分“总体情况”。")
    ]
