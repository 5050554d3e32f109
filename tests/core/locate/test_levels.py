"""A body's level comes from its name through resources/levels.json; a name the table does not settle
is 未识别 and no who-may-report rule (S01–S02) fires on a guess."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from gov_review.core.locate.levels import level_name, level_of, parent_level
from gov_review.core.read.text import parse_text
from gov_review.core.review.pipeline import analyse, analyse_file

DATA = Path(__file__).resolve().parents[2] / "data"
TABLE = json.loads(resources.files("gov_review.resources").joinpath("levels.json").read_text("utf-8"))


@pytest.mark.parametrize("entry", TABLE["patterns"], ids=lambda e: e["example"])
def test_each_pattern_gives_its_example_its_level(entry):
    assert level_of(entry["example"]) == entry["level"]


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("平潭综合实验区管理委员会", "zone_prefecture"),
        ("天津市滨海新区", "zone"),
        ("郑州高新技术产业开发区管委会", "zone"),
        ("成都高新区", "zone"),
        ("其塔木街道办事处", "street"),
        ("中国（福建）自由贸易试验区福州片区管理局", "zone"),
        ("广西壮族自治区人民政府", "province"),
        ("某某单位", None),
    ],
)
def test_levels_of_names(name, level):
    assert level_of(name) == level


def test_parents_of_departments():
    assert parent_level("淮安市洪泽区生态环境") == "district"
    assert parent_level("平潭综合实验区经济发展") == "zone_prefecture"
    assert parent_level("广西壮族自治区教育") == "province"
    assert level_name(None) == "未识别"


def test_the_pingtan_zone_is_a_prefecture_level_zone_and_its_rules_are_not_judged():
    report = analyse_file(DATA / "findings" / "zone_2022.txt")
    assert report.data.body.level == "zone_prefecture"
    assert report.data.value("t2.a1.r_reg.c_issued") == 1  # it reports 规章 figures
    assert [(f.code, f.message) for f in report.findings] == [
        ("S03.body", "报告主体识别为“平潭综合实验区管理委员会”（地级综合实验区（管理机构））。")
    ]


def test_a_name_that_does_not_settle_the_level_is_unidentified_and_s01_is_silent():
    text = (DATA / "findings" / "zone_2022.txt").read_text(encoding="utf-8")
    text = text.replace("平潭综合实验区管理委员会", "青山县某某单位")
    data, findings = analyse(parse_text(text, "x.txt"))
    assert data.body.level is None
    assert [f.rule for f in findings if f.rule in ("S01", "S02")] == []
    (s03,) = [f for f in findings if f.rule == "S03"]
    assert "未识别" in s03.message and "青山县某某单位" in s03.message
