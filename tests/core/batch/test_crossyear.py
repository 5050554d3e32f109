"""Cross-year checks X01–X06 between two reports of the same body (RULES.md, "Across years")."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from gov_review.core.batch.crossyear.check import (
    YearDigest,
    check_pair,
    digest,
    find_pairs,
    load_previous,
    normalise_body,
    pair,
)
from gov_review.core.review.bundle import save_bundle
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import ReviewSession
from tests.conftest import DATA, seed_path

CROSS = DATA / "crossyear"
Y2022 = CROSS / "qingshan_county_2022.txt"
Y2023 = CROSS / "qingshan_county_2023.txt"


def by_rule(findings, rule, severity=None):
    return [f for f in findings if f.rule == rule and (severity is None or f.severity == severity)]


@pytest.mark.parametrize(
    "a, b",
    [
        ("某某县人民政府办公室", "某某县政府办公室"),
        ("某某县人民政府办公室", "某某县 政府办"),
        ("某某镇人民政府", "某某镇政府"),
        ("某某镇人民政府", "某某镇"),
        ("其塔木街道办事处", "其塔木街道"),
        ("青山县人民政府", "青山县人民政府\u3000"),
        ("ＡＢ县人民政府", "AB县人民政府"),
    ],
)
def test_the_same_body_written_two_ways_matches(a, b):
    assert normalise_body(a) == normalise_body(b) != ""


@pytest.mark.parametrize(
    "a, b",
    [
        ("某某县人民政府", "某某县人民政府办公室"),  # the government and its office are two bodies
        ("东城街道办事处", "西城街道办事处"),
        ("某某县教育局", "某某县卫生健康委员会"),
        ("某某镇人民政府", "某某乡人民政府"),
    ],
)
def test_different_bodies_do_not_match(a, b):
    assert normalise_body(a) != normalise_body(b)


def test_two_years_of_one_county_are_paired_and_the_broken_carry_over_is_an_error_on_both_cells():
    prev, cur = analyse_file(Y2022), analyse_file(Y2023)
    # Each year balances on its own: only the comparison of the two can see the mistake.
    assert not [f for f in cur.findings if f.rule == "R01" and f.severity == "error"]
    pairs = find_pairs([cur, prev])
    assert [(p.prev.path, p.cur.path, p.method) for p in pairs] == [(str(Y2022), str(Y2023), "auto")]

    found = check_pair(pairs[0].prev, pairs[0].cur)
    total = [f for f in by_rule(found, "X01") if f.cells == ["t3.r_carry.c_total"]]
    assert len(total) == 1 and total[0].severity == "error"
    f = total[0]
    assert f.params["other"] == {"path": str(Y2022), "year": 2022, "cells": ["t3.r_fwd.c_total"]}
    assert cur.data.value("t3.r_carry.c_total") == 3 and prev.data.value("t3.r_fwd.c_total") == 1
    assert "2023年" in f.equation and "2022年" in f.equation and " 3 ≠ " in f.equation
    assert f.equation.endswith("1，差 2")
    assert "上年结转" in f.message and "结转下年度" in f.message
    # The other columns are warnings, and only where they differ (自然人 3 vs 1; the rest 0 = 0).
    cols = {g.cells[0]: g.severity for g in by_rule(found, "X01") if g.cells[0] != "t3.r_carry.c_total"}
    assert cols == {"t3.r_carry.c_natural": "warning"}
    # 规范性文件 in force 30 + 4 − 2 = 32 holds.
    assert not by_rule(found, "X04")


def test_pairs_follow_the_years_not_the_order_given():
    prev, cur = analyse_file(Y2022), analyse_file(Y2023)
    assert find_pairs([prev]) == []
    assert find_pairs([cur]) == []  # no last year among the given ones
    assert [p.cur.path for p in find_pairs([prev], previous=[cur])] == []  # 2023 cannot precede 2022
    assert [p.prev.path for p in find_pairs([cur], previous=[prev])] == [str(Y2022)]


def test_a_region_prefix_added_one_year_still_pairs():
    a = YearDigest("a.pdf", 2023, "2021", "洪泽区人民政府")
    b = YearDigest("b.pdf", 2024, "2021", "淮安市洪泽区人民政府")
    c = YearDigest("c.pdf", 2024, "2021", "洪泽区人民政府办公室")
    pairs = find_pairs([a, b, c])
    assert [(p.prev.path, p.cur.path) for p in pairs] == [("a.pdf", "b.pdf")]


def test_a_blank_cell_cannot_be_assessed_and_is_never_read_as_zero():
    prev, cur = analyse_file(Y2022), analyse_file(Y2023)
    cell = cur.data.cells["t3.r_carry.c_total"]
    cell.raw, cell.value = "", None
    found = [f for f in check_pair(prev, cur) if f.cells[:1] == ["t3.r_carry.c_total"]]
    assert len(found) == 1
    assert found[0].severity == "info" and not found[0].assessable
    assert "无法核验" in found[0].message and "为空" in found[0].message


def test_last_years_bundle_counts_with_the_reviewers_edits(tmp_path: Path):
    folder = tmp_path / "2022"
    folder.mkdir()
    src = folder / Y2022.name
    shutil.copy(Y2022, src)
    session = ReviewSession(analyse_file(src), reviewer="审核员")
    session.set_value("t3.r_fwd.c_total", "3", reason="与下年度报告核对")
    save_bundle(session, folder / "青山县2022.grb", exports=False)
    src.unlink()  # only the bundle is left in last year's folder

    previous = load_previous(folder)
    assert [d.values["t3.r_fwd.c_total"] for d in previous] == [Decimal(3)]
    found = check_pair(previous[0], analyse_file(Y2023))
    assert not [f for f in by_rule(found, "X01") if f.cells == ["t3.r_carry.c_total"]]


def test_hand_pairing_checks_two_reports_whose_names_differ():
    # seed 004 (齐都镇 2019) and seed 003 (其塔木 2020): different names, so no automatic pair.
    prev, cur = analyse_file(seed_path(4)), analyse_file(seed_path(3))
    assert find_pairs([prev, cur]) == []
    p = pair(prev, cur)
    assert p.method == "manual"
    found = check_pair(p.prev, p.cur)
    # X03 (2019 format): total published this year = last year's total + newly published this year.
    for row in ("t2.a1.r_reg", "t2.a1.r_norm"):
        want = prev.data.value(f"{row}.c_total_pub") + cur.data.value(f"{row}.c_new_pub")
        got = cur.data.value(f"{row}.c_total_pub")
        x03 = [f for f in by_rule(found, "X03") if f.cells[0] == f"{row}.c_total_pub"]
        assert bool(x03) == (want != got)
        if x03:
            assert x03[0].severity == "warning"
            assert x03[0].params["other"]["cells"] == [f"{row}.c_total_pub"]
    # Unrelated prose is not "copied from last year".
    assert not by_rule(found, "X05", "warning")


def test_prose_copied_from_last_year_is_a_warning():
    found = check_pair(analyse_file(Y2022), analyse_file(Y2023))
    x05 = by_rule(found, "X05")
    assert len(x05) == 1 and x05[0].severity == "warning" and x05[0].params["percent"] > 50


def test_a_threefold_change_is_noted_but_small_numbers_are_not():
    cells = {"t3.r_new.c_total": Decimal(10), "t2.a6.r_penalty.c_decisions": Decimal(2)}
    prev = YearDigest("p.docx", 2022, "2021", "某县", values=dict(cells))
    cur = YearDigest(
        "c.docx",
        2023,
        "2021",
        "某县",
        values={"t3.r_new.c_total": Decimal(41), "t2.a6.r_penalty.c_decisions": Decimal(7)},
    )
    x06 = by_rule(check_pair(prev, cur), "X06", "info")
    assert [f.cells for f in x06 if f.assessable] == [["t3.r_new.c_total"]]
    noted = next(f for f in x06 if f.assessable)
    assert "10" in noted.message and "41" in noted.message
    # 其他对外管理服务事项 has no row in the 2021 format: not "blank", simply not compared.
    assert not [f for f in x06 if f.cells == ["t2.a5.r_other_service.c_decisions"]]


def test_a_digest_judges_like_the_whole_report():
    prev, cur = analyse_file(Y2022), analyse_file(Y2023)
    whole = [f.to_dict() for f in check_pair(prev, cur)]
    light = [f.to_dict() for f in check_pair(digest(prev), digest(cur))]
    assert whole == light
