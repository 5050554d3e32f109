"""Writes the reports of issue 15's cases (findings a reviewer can trust), each described in the
issue, in the seeds' text layout through ``../text/make_2021_fixtures.py``'s ``report``.

Run it again only to regenerate the .txt files; the tests read the .txt files.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("make_2021", HERE.parent / "text" / "make_2021_fixtures.py")
assert _spec is not None and _spec.loader is not None
m21 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(m21)

TITLE = "青山县人民政府2022年政府信息公开工作年度报告"
INTRO = [
    "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。",
    "一、总体情况",
    "2022年，青山县人民政府认真贯彻落实《中华人民共和国政府信息公开条例》。本年度新收政府信息公开申请24件，上年结转2件，办结25件，结转下年度继续办理1件。",
    "全年发生政府信息公开行政复议4件，行政诉讼2件。",
]
SIX = "本年度发出收费通知1件，申请人逾期未缴纳，未实际收取信息处理费。\n青山县人民政府办公室\n2023年1月20日"
NBSP = "\u00a0"


def clean(
    title: str = TITLE, intro: list[str] | None = None, t3: dict | None = None, reg: list | None = None
) -> str:
    return m21.report(
        title, intro or INTRO, [], reg or ["0", "0", "0"], ["5", "1", "30"], t3 or m21.T3_CLEAN, m21.T4, SIX
    )


def main() -> None:
    # 1. Headings: a stray character in 四, 一 written 工作基本情况, a markdown ## before 五.
    text = clean(intro=[INTRO[0], "一、工作基本情况", *INTRO[2:]])
    text = text.replace("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政法复议、行政诉讼情况")
    text = text.replace("五、存在的主要问题及改进情况", "## 五、存在的主要问题及改进情况")
    (HERE / "heading_typo_2022.txt").write_text(text, encoding="utf-8")

    # 1b. An introduction that lists the six sections, one per line, before the real headings.
    listing = [
        INTRO[0],
        "本报告由以下六个部分组成：",
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
        "本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况等六个部分。",
        *INTRO[1:],
    ]
    (HERE / "listing_sentence_2022.txt").write_text(clean(intro=listing), encoding="utf-8")

    # 2. Compound claims that agree with the sum of the rows they name (予以公开 11 + 部分公开 2 = 13,
    # 不予公开 2 + 无法提供 7 = 9, 复议 4 + 诉讼 2 = 6), one that does not, and a district-wide figure.
    compound = [
        *INTRO[:2],
        "2022年，本机关新收政府信息公开申请24件，上年结转2件。其中予以公开及部分公开13件，不予公开和无法提供共9件。",
        "全年发生政府信息公开行政复议和行政诉讼共6件。",
        "全区各部门共收到政府信息公开申请95件。",
        "不予处理和其他处理共5件。",
    ]
    (HERE / "compound_claims_2022.txt").write_text(clean(intro=compound), encoding="utf-8")

    # 3. A block of blank cells: the five 法人或其他组织 columns of table 三 left blank in all 25 rows
    # (自然人 and 总计 filled), as published reports often do when no organisation applied.
    t3 = {}
    for _labels, rid in m21.T3_LABELS:
        row = m21.T3_CLEAN.get(rid, [0] * 7)
        t3[rid] = [row[0], *[NBSP] * 5, row[0]]
    t3["r_new"] = [24, *[NBSP] * 5, 24]
    t3["r_open"] = [11, *[NBSP] * 5, 11]
    t3["r_unable_nohold"] = [6, *[NBSP] * 5, 6]
    t3["r_other_nofee"] = [1, *[NBSP] * 5, 1]
    t3["r_total"] = [25, *[NBSP] * 5, 25]
    (HERE / "blank_block_2022.txt").write_text(clean(t3=t3), encoding="utf-8")

    # 7. A 2021-format report (2022) whose table 二 uses the 2019 labels 规范性文件 and 本年新制作数量.
    text = clean().replace("行政规范性文件", "规范性文件").replace("本年制发件数", "本年新制作数量")
    (HERE / "old_labels_2022.txt").write_text(text, encoding="utf-8")

    # 8. A prefecture-level zone that reports 规章 figures (1 made, 2 in force): its level is not
    # guessed from 区 (a district may not make 规章).
    text = clean(title="平潭综合实验区管理委员会2022年政府信息公开工作年度报告", reg=["1", "0", "2"]).replace(
        "青山县人民政府", "平潭综合实验区管理委员会"
    )
    (HERE / "zone_2022.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
