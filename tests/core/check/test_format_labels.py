"""R12 names each label of the other format found in a report, with its replacement, once per table."""

from __future__ import annotations

from pathlib import Path

from gov_review.core.read.text import parse_text
from gov_review.core.review.pipeline import analyse, analyse_file

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data"


def test_2019_labels_in_a_2021_report_are_named_once_for_the_table():
    report = analyse_file(DATA / "findings" / "old_labels_2022.txt")
    r12 = [f for f in report.findings if f.rule == "R12"]
    assert len(r12) == 1
    f = r12[0]
    assert f.severity == "error" and f.code == "R12.other_labels"
    assert f.message == (
        "表二应按2021版格式填报，但使用了 2 个2019版格式的栏目名称："
        "“本年新制作数量”→“本年制发件数”、“规范性文件”→“行政规范性文件”；请改用2021版格式的栏目名称。"
    )
    # the 本年制发件数 cells it leaves absent are its cells; their own findings are folded under it
    assert f.cells == ["t2.a1.r_reg.c_issued", "t2.a1.r_norm.c_issued"]
    assert {g.code for g in f.folded} >= {"R06.missing_cells"}
    assert [g.code for g in report.findings] == ["R12.other_labels", "S03.body"]


def test_2021_labels_in_a_2019_report_are_named_the_other_way():
    text = (ROOT / "resources" / "samples" / "seed_004.txt").read_text(encoding="utf-8")
    assert "\t规范性文件\n" in text
    text = text.replace("\t规范性文件\n", "\t行政规范性文件\n").replace("本年新制作数量", "本年制发件数")
    data, findings = analyse(parse_text(text, "seed_004.txt"))
    assert data.year == 2019
    (f,) = [f for f in findings if f.code == "R12.other_labels"]
    assert "表二应按2019版格式填报" in f.message
    assert "“行政规范性文件”→“规范性文件”" in f.message and "“本年制发件数”→“本年新制作数量”" in f.message
    assert not [g for g in findings if g.code == "R12.mixed"]
