"""Writes two years of one body's report, in the seeds' text layout, for the cross-year tests.

- ``qingshan_county_2022.txt`` is ``../text/report_2021_clean.txt`` (青山县人民政府, report year 2022)
  written again by the same generator, so the pair shares its layout and wording.
- ``qingshan_county_2023.txt`` is the same county's next report: new figures, its own 总体情况, and a
  carry-over mistyped the way reviewers meet it — 上年结转 3 (自然人 3, 总计 3) where last year's report
  carried 1 forward. The 2023 table 三 balances on its own (R01/R03 hold), so only the cross-year check
  X01 can see it. 规范性文件 in force 30 + 4 − 2 = 32 (X04 holds).

Run it again only to regenerate the .txt files; the tests read the .txt files.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("make_2021", HERE.parent / "text" / "make_2021_fixtures.py")
assert _spec is not None and _spec.loader is not None
make_2021 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_2021)

T3_2023 = {
    "r_new": [30, 2, 0, 0, 0, 0, 32],
    "r_carry": [3, 0, 0, 0, 0, 0, 3],  # last year's report carried 1 forward
    "r_open": [20, 2, 0, 0, 0, 0, 22],
    "r_partial": [3, 0, 0, 0, 0, 0, 3],
    "r_unable_nohold": [5, 0, 0, 0, 0, 0, 5],
    "r_reject_repeat": [3, 0, 0, 0, 0, 0, 3],
    "r_total": [31, 2, 0, 0, 0, 0, 33],
    "r_fwd": [2, 0, 0, 0, 0, 0, 2],
}
T4_2023 = [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]


def main() -> None:
    (HERE / "qingshan_county_2022.txt").write_text(
        (HERE.parent / "text" / "report_2021_clean.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    text = make_2021.report(
        "青山县人民政府2023年政府信息公开工作年度报告",
        [
            "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
            "一、总体情况",
            "2023年，青山县人民政府围绕优化营商环境和基层政务公开标准化规范化建设，持续深化政务公开。"
            "本年度新收政府信息公开申请32件，上年结转3件，办结33件，结转下年度继续办理2件。",
            "全年发生政府信息公开行政复议1件，行政诉讼1件。",
        ],
        [], ["0", "0", "0"], ["4", "2", "32"], T3_2023, T4_2023,
        "本年度未收取信息处理费。\n青山县人民政府办公室\n2024年1月18日",
    )  # fmt: skip
    (HERE / "qingshan_county_2023.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
