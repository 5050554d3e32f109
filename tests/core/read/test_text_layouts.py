"""Every text layout a reviewer meets (issue 14): the same cells as the original, never a wrong number.

The fixtures in tests/data/text/layouts/ are the seeds, the real PDFs and the 2021 template rendered into
each layout by tests/data/text/make_layouts.py; expected.json holds each original's cell values and errors.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from gov_review.core.model import Cell
from gov_review.core.read.text import parse_text
from gov_review.core.reconstruct.build import reconstruct
from gov_review.core.review.pipeline import analyse, analyse_file, report_to_json
from tests.conftest import DATA

LAYOUTS = DATA / "text" / "layouts"
EXPECTED = json.loads((LAYOUTS / "expected.json").read_text(encoding="utf-8"))

# Read in full (and in the same column order) today: every canonical cell as the original, the same errors.
FULLY_READ_ALL = [
    f"{src}__{layout}.txt"
    for src in ("hongze_2023", "hongze_2024", "huaian_2024", "seed_000", "seed_002", "seed_003", "seed_004")
    for layout in (
        "aligned",
        "cells",
        "cells_blank",
        "cells_pipe",
        "furniture",
        "pipe",
        "pipe_bare",
        "vertical",
    )
] + [
    "hongze_2024__flat.txt",
    "seed_003__flat.txt",
    *(
        f"{src}__mixed.txt"
        for src in ("hongze_2023", "hongze_2024", "huaian_2024", "seed_002", "seed_003", "seed_004")
    ),
    "seed_001__pipe.txt",
    *(f"template_2021__{layout}.txt" for layout in ("mixed", "pipe")),
]
# An empty form (the 2021 Word template: no number anywhere) in a layout that drops blank cells has rows
# and tables with nothing to read; they are reported as missing (a limit in the README).
EMPTY_FORM_LAYOUTS = {"cells", "cells_blank", "cells_pipe", "aligned", "furniture", "flat"}
# Layout fixtures read exactly today: every canonical cell as the original, exact, and the same errors.
FULLY_READ = [
    f"{src}__{layout}.txt"
    for src in ("seed_000", "seed_002", "seed_003", "seed_004")
    for layout in ("pipe", "pipe_bare", "cells", "cells_blank", "cells_pipe", "vertical")
] + [
    "seed_001__pipe.txt",
    "seed_002__mixed.txt",
    "seed_003__mixed.txt",
    "seed_004__mixed.txt",
    "hongze_2023__pipe.txt",
    "huaian_2024__pipe.txt",
    "template_2021__pipe.txt",
]


def _value(cell: Cell | None) -> str | None:
    return None if cell is None or cell.value is None else str(cell.value)


def _errors(report) -> list[str]:
    return sorted(f"{f.code}|{','.join(f.cells)}" for f in report.findings if f.severity == "error")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_layout_fixture_has_a_wrong_value(name):
    """Whatever the layout, a cell either has the original's value or no value (and then says why)."""
    exp = EXPECTED[name]
    report = analyse_file(LAYOUTS / name)
    assert report.error is None
    cells = report.data.cells
    wrong = {
        cid: (v, _value(cells.get(cid)))
        for cid, v in exp["cells"].items()
        if _value(cells.get(cid)) is not None and _value(cells.get(cid)) != v
    }
    assert wrong == {}
    # a value the layout cannot settle is ambiguous (the reviewer is told), never silently absent
    unsettled = {
        cid: cells[cid].placement
        for cid, v in exp["cells"].items()
        if v is not None and _value(cells.get(cid)) is None and cells[cid].certainty != "ambiguous"
    }
    assert unsettled == {}
    # no false error: every error is one the original has too (the rest become "cannot verify")
    if not (exp["source"] == "template_2021" and exp["layout"] in EMPTY_FORM_LAYOUTS):
        assert set(_errors(report)) <= set(exp["errors"])
    # the title, body and year come from the report, never from the site's chrome above it
    assert (report.data.body.name, report.data.year) == (exp["body"], exp["year"])


@pytest.mark.parametrize("name", FULLY_READ)
def test_fully_read_layouts_give_the_originals_cells_and_errors(name):
    exp = EXPECTED[name]
    report = analyse_file(LAYOUTS / name)
    cells = report.data.cells
    for cid, v in exp["cells"].items():
        cell = cells[cid]
        assert _value(cell) == v, cid
        # a mixed file's space-aligned table 四 is placed in the standard column order: inferred
        # (and its flattened table 三 by the one split that fits)
        want = ("exact", "inferred") if "mixed" in name and not cid.startswith("t2.") else ("exact",)
        assert cell.certainty in want, (cid, cell.placement, cell.confidence)
    assert _errors(report) == exp["errors"]
    assert (report.data.format, report.data.year) == (exp["format"], exp["year"])


@pytest.mark.parametrize("name", FULLY_READ_ALL)
def test_read_in_full_gives_every_cell_and_error_of_the_original(name):
    exp = EXPECTED[name]
    report = analyse_file(LAYOUTS / name)
    got = {cid: _value(report.data.cells.get(cid)) for cid in exp["cells"]}
    assert got == exp["cells"]
    assert _errors(report) == exp["errors"]
    # positional and split cells say so; nothing read in full is ambiguous
    assert not [c for c in report.data.cells.values() if c.certainty == "ambiguous"]


def test_every_layout_has_fixtures_in_both_formats():
    by_layout: dict[str, set[str]] = {}
    for exp in EXPECTED.values():
        by_layout.setdefault(exp["layout"], set()).add(exp["format"])
    assert len(by_layout) == 10
    assert all(formats == {"2019", "2021"} for formats in by_layout.values())


def test_flattened_report_keeps_its_genuine_balance_errors():
    """seed 002 flattened by a crawler: （七）总计 0 against outcomes summing to 4 is still an error."""
    exp = EXPECTED["seed_002__flat.txt"]
    report = analyse_file(LAYOUTS / "seed_002__flat.txt")
    assert _errors(report) == exp["errors"]
    assert any(e.startswith("R03|t3.r_total.c_total") for e in exp["errors"])
    cell = report.data.cells["t3.r_new.c_total"]
    assert cell.value == 4 and cell.certainty == "inferred"  # the one split that fits


def test_space_aligned_blank_cells_are_placed_by_position_and_marked_inferred():
    report = analyse_file(LAYOUTS / "seed_000__aligned.txt")
    cells = report.data.cells
    total = cells["t3.r_total.c_total"]
    assert total.value == 1 and total.placement == "position" and total.certainty == "inferred"
    assert cells["t3.r_total.c_biz"].value is None
    js = report_to_json(report)["cells"]["t3.r_total.c_total"]
    assert js["confidence"] == "inferred" and js["value"] == 1


def test_json_confidence_words():
    pipe = report_to_json(analyse_file(LAYOUTS / "seed_002__pipe.txt"))["cells"]
    assert {c["confidence"] for c in pipe.values()} == {"exact"}
    amb = report_to_json(analyse_file(DATA / "text" / "runtogether_2020.txt"))["cells"]
    assert amb["t3.r_open.c_natural"]["confidence"] == "ambiguous"
    assert amb["t3.r_open.c_natural"]["candidates"] == [2, 27]
    assert amb["t3.r_new.c_total"]["confidence"] == "inferred"


REPORT_HEAD = "某镇2022年政府信息公开工作年度报告\n一、总体情况\n无。\n三、收到和处理政府信息公开申请情况\n"
T3_HEADER = (
    "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |\n"
    "| 自然人 | 法人或其他组织 | 总计 |\n"
    "| 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n"
    "|---|---|---|---|---|\n"
)


def test_a_row_short_of_a_value_is_not_filled_from_the_left():
    text = (
        REPORT_HEAD
        + T3_HEADER
        + "| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n"
        + "| （三）不予公开 | 1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 1 |\n"
        + "四、政府信息公开行政复议、行政诉讼情况\n"
    )
    doc = parse_text(text, path="short.txt")
    data, findings = analyse(doc)
    row = [data.cells[f"t3.r_deny_secret.{c}"] for c in ("c_natural", "c_biz", "c_total")]
    assert all(c.value is None and c.certainty == "ambiguous" for c in row)
    assert data.cells["t3.r_new.c_total"].value == 3
    said = [f for f in findings if f.code == "R06.row_width"]
    assert len(said) == 1
    assert "有 6 个数，应为 7 个，无法确定对应的列" in said[0].message
    assert "属于国家秘密" in said[0].message
    # a balance over the unread cells cannot be verified: info, not an error
    assert not [f for f in findings if f.severity == "error" and "t3.r_deny_secret.c_natural" in f.cells]


def test_a_stray_empty_cell_does_not_push_the_values_into_the_next_column():
    """An extra ``|`` in a pipe row (an empty cell among seven values): every column has its value,
    so the empty cell is the stray one; the 总计 is not lost and nothing is reported against it."""
    text = (
        REPORT_HEAD
        + T3_HEADER
        + "| 一、本年新收政府信息公开申请数量 | 95 | 0 | 0 | | 0 | 0 | 0 | 95 |\n"
        + "四、政府信息公开行政复议、行政诉讼情况\n"
    )
    data, findings = analyse(parse_text(text, path="stray.txt"))
    got = [data.cells[f"t3.r_new.{c}"].value for c in ("c_natural", "c_biz", "c_ngo", "c_org_other", "c_total")]
    assert got == [95, 0, 0, 0, 95]
    assert data.cells["t3.r_new.c_total"].certainty == "inferred"  # placed by order, and says so
    assert not [f for f in findings if f.rule == "R02" and "t3.r_new.c_total" in f.cells]


def test_a_stray_cell_that_cannot_be_told_from_a_blank_one_leaves_the_row_unread():
    """An extra ``|`` in a row that also has a blank cell: which empty cell is the stray one cannot
    be told, so the row is not read (before, 95 went under 其他 and 总计 read 0: two false errors)."""
    text = (
        REPORT_HEAD
        + T3_HEADER
        + "| 一、本年新收政府信息公开申请数量 | 95 | 0 | | | 0 | 0 | 95 |  |\n"
        + "| 二、上年结转政府信息公开申请数量 | 95 | 0 | 0 | | 0 | 0 | 0 | 95 |\n"
        + "四、政府信息公开行政复议、行政诉讼情况\n"
    )
    data, findings = analyse(parse_text(text, path="stray2.txt"))
    # an empty cell after the last column is no trouble: the row is read as it stands
    got = [data.cells[f"t3.r_new.{c}"].value for c in ("c_natural", "c_research", "c_org_other", "c_total")]
    assert got == [95, None, 0, 95]
    text = text.replace("| 95 | 0 | | | 0 | 0 | 95 |  |", "| 95 | | 0 | | 0 | 0 | 0 | 95 |")
    data, findings = analyse(parse_text(text, path="stray3.txt"))
    row = [data.cells[f"t3.r_new.{c}"] for c in ("c_natural", "c_biz", "c_total")]
    assert all(c.value is None and c.certainty == "ambiguous" for c in row)
    assert [f.code for f in findings if f.code.startswith("R06.row_width")] == ["R06.row_width"]
    assert not [f for f in findings if f.severity == "error" and set(f.cells) & {c.id for c in row}]


def _renderer():
    spec = importlib.util.spec_from_file_location("make_layouts", DATA / "text" / "make_layouts.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "layout",
    ["pipe", "pipe_bare", "cells", "cells_blank", "cells_pipe", "flat", "aligned", "vertical", "furniture"],
)
def test_one_number_changed_in_any_layout_is_flagged_on_that_cell_or_marked_ambiguous(layout):
    make = _renderer()
    original = analyse_file(Path(__file__).parents[3] / "resources" / "samples" / "seed_003.txt")
    target = "t3.r_deny_third.c_natural"
    original.data.cells[target].raw = "5"
    text = make.render(original.source, original.data, layout)
    data, findings = analyse(parse_text(text, path=f"mutated_{layout}.txt"))
    cell = data.cells[target]
    if cell.certainty == "ambiguous":
        return
    assert cell.value == 5
    flagged = [f for f in findings if f.severity == "error" and target in f.cells]
    assert flagged, [f.code for f in findings]


def test_check_on_every_layout_fixture_reads_every_file(capsys):
    from gov_review.cli.main import main

    status = main(["check", "--json", str(LAYOUTS)])
    out = json.loads(capsys.readouterr().out)
    assert status != 2
    assert len(out["reports"]) == len(EXPECTED)
    assert not [r["path"] for r in out["reports"] if r.get("error")]


def test_layout_is_detected_per_table_not_from_the_name():
    doc = parse_text((LAYOUTS / "seed_002__mixed.txt").read_text(encoding="utf-8"), path="x.md")
    assert [t.layout for t in doc.tables][:2] == ["pipe", "flat"]
    assert reconstruct(doc).cells["t4.lit_direct.c_total"].value == 3


def test_title_body_and_year_skip_site_chrome():
    text = "首页政务公开政府信息公开年报平潭综合实验区2024年度政府信息公开工作年度报告\n一、总体情况\n无。\n"
    data = reconstruct(parse_text(text))
    assert (data.body.name, data.year) == ("平潭综合实验区", 2024)
    text = (
        "首页 > 政务资讯 > 政务公开\n标题: 某县2023年政府信息公开工作年度报告\n发布时间: 2024-01-20\n来源: 县政府办\n"
        "— 1 —\n某县2023年政府信息公开工作年度报告\n一、总体情况\n无。\n"
    )
    data = reconstruct(parse_text(text))
    assert (data.title, data.body.name, data.year) == ("某县2023年政府信息公开工作年度报告", "某县", 2023)


# A sentence many reports write under heading 四: the tables' words, with counts glued to them.
T4_PROSE = "本年度共发生政府信息公开行政复议4件，行政诉讼2件。其中行政复议维持3件，行政复议和行政诉讼共6件。"


@pytest.mark.parametrize(
    "path",
    [LAYOUTS / n for n in FULLY_READ_ALL if not n.startswith("template_")]
    + [Path(__file__).resolve().parents[3] / "resources" / "samples" / "seed_002.txt"],
    ids=lambda p: p.name,
)
def test_a_sentence_naming_the_tables_words_stays_prose_and_table_four_is_still_read(path):
    """Read as a flattened table, that sentence once took the place of table 四, which came out
    empty. It is a paragraph; every cell reads as without it."""
    name = path.name
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.strip().startswith(("四、政府信息公开", "4、")))
    text = "\n".join([*lines[: at + 1], "", T4_PROSE, "", *lines[at + 1 :]])
    doc = parse_text(text, path=name)
    assert any(getattr(b, "text", None) == T4_PROSE for b in doc.blocks)  # one paragraph, whole
    data, _findings = analyse(doc)
    plain, _ = analyse(parse_text("\n".join(lines), path=name))
    t4 = [cid for cid in plain.cells if cid.startswith("t4.")]
    assert t4 and any(plain.cells[cid].value is not None for cid in t4)
    assert {cid: _value(data.cells.get(cid)) for cid in t4} == {cid: _value(plain.cells[cid]) for cid in t4}
