"""Writes the two hand-made 2021-format reports in the seeds' text layout (text extracted from .docx).

The layout follows ../shared/seeds and the table structure of ../shared/real/template_2021.docx:
one cell per TAB-prefixed line, a blank line between rows, bare TAB lines for merged cells.
Run it again only to regenerate the .txt files; the tests read the .txt files.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
T3_LABELS = [
    (["一、本年新收政府信息公开申请数量"], "r_new"),
    (["二、上年结转政府信息公开申请数量"], "r_carry"),
    (["三、本年度办理结果", "（一）予以公开"], "r_open"),
    (["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"], "r_partial"),
    (["", "（三）不予公开", "1.属于国家秘密"], "r_deny_secret"),
    (["", "", "2.其他法律行政法规禁止公开"], "r_deny_lawban"),
    (["", "", "3.危及“三安全一稳定”"], "r_deny_safety"),
    (["", "", "4.保护第三方合法权益"], "r_deny_third"),
    (["", "", "5.属于三类内部事务信息"], "r_deny_internal"),
    (["", "", "6.属于四类过程性信息"], "r_deny_process"),
    (["", "", "7.属于行政执法案卷"], "r_deny_enforce"),
    (["", "", "8.属于行政查询事项"], "r_deny_query"),
    (["", "（四）无法提供", "1.本机关不掌握相关政府信息"], "r_unable_nohold"),
    (["", "", "2.没有现成信息需要另行制作"], "r_unable_make"),
    (["", "", "3.补正后申请内容仍不明确"], "r_unable_unclear"),
    (["", "（五）不予处理", "1.信访举报投诉类申请"], "r_reject_petition"),
    (["", "", "2.重复申请"], "r_reject_repeat"),
    (["", "", "3.要求提供公开出版物"], "r_reject_pub"),
    (["", "", "4.无正当理由大量反复申请"], "r_reject_mass"),
    (["", "", "5.要求行政机关确认或重新出具已获取信息"], "r_reject_confirm"),
    (
        ["", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"],
        "r_other_nocorrect",
    ),
    (["", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"], "r_other_nofee"),
    (["", "", "3.其他"], "r_other_else"),
    (["", "（七）总计"], "r_total"),
    (["四、结转下年度继续办理"], "r_fwd"),
]


def rows_text(rows: list[list[str]]) -> str:
    return "\n\n".join("\n".join("\t" + c for c in row) for row in rows) + "\n\n\n"


def report(title: str, intro: list[str], t2_extra: list[list[str]], reg: list[str], norm: list[str],
           t3: dict[str, list[int]], t4: list[int], six: str) -> str:  # fmt: skip
    t2 = [
        ["第二十条第（一）项"], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", *reg], ["行政规范性文件", *norm],
        ["第二十条第（五）项"], ["信息内容", "本年处理决定数量"], ["行政许可", "1200"],
        ["第二十条第（六）项"], ["信息内容", "本年处理决定数量"], ["行政处罚", "350"], ["行政强制", "12"],
        ["第二十条第（八）项"], ["信息内容", "本年收费金额（单位：万元）"], ["行政事业性收费", "85.6"],
        *t2_extra,
    ]  # fmt: skip
    header = [
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
        ["", "自然人", "法人或其他组织", "总计"],
        ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
    ]
    body = [labels + [str(v) for v in t3.get(rid, [0] * 7)] for labels, rid in T3_LABELS]
    t4_rows = [
        ["行政复议", "行政诉讼"],
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"],
        ["", "", "", "", "", *["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2],
        [str(v) for v in t4],
    ]
    return (
        f"{title}\n\n" + "\n".join(intro) + "\n二、主动公开政府信息情况\n" + rows_text(t2)
        + "三、收到和处理政府信息公开申请情况\n" + rows_text(header + body)
        + "四、政府信息公开行政复议、行政诉讼情况\n" + rows_text(t4_rows)
        + "五、存在的主要问题及改进情况\n一是公开内容的规范性有待提高；二是依申请公开答复的说理还不够充分。下一步将加强培训，完善答复模板。\n"
        + f"六、其他需要报告的事项\n{six}\n"
    )  # fmt: skip


T3_CLEAN = {
    "r_new": [20, 3, 0, 0, 1, 0, 24],
    "r_carry": [2, 0, 0, 0, 0, 0, 2],
    "r_open": [10, 1, 0, 0, 0, 0, 11],
    "r_partial": [2, 0, 0, 0, 0, 0, 2],
    "r_deny_lawban": [1, 0, 0, 0, 0, 0, 1],
    "r_deny_third": [1, 0, 0, 0, 0, 0, 1],
    "r_unable_nohold": [4, 1, 0, 0, 1, 0, 6],
    "r_unable_unclear": [1, 0, 0, 0, 0, 0, 1],
    "r_reject_petition": [1, 0, 0, 0, 0, 0, 1],
    "r_other_nocorrect": [1, 0, 0, 0, 0, 0, 1],
    "r_other_nofee": [0, 1, 0, 0, 0, 0, 1],
    "r_total": [21, 3, 0, 0, 1, 0, 25],
    "r_fwd": [1, 0, 0, 0, 0, 0, 1],
}
T4 = [2, 1, 0, 1, 4, 1, 0, 0, 1, 2, 0, 0, 0, 0, 0]


def main() -> None:
    clean = report(
        "青山县人民政府2022年政府信息公开工作年度报告",
        [
            "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。",
            "一、总体情况",
            "2022年，青山县人民政府认真贯彻落实《中华人民共和国政府信息公开条例》。本年度新收政府信息公开申请24件，上年结转2件，办结25件，结转下年度继续办理1件。",
            "全年发生政府信息公开行政复议4件，行政诉讼2件。",
        ],
        [], ["0", "0", "0"], ["5", "1", "30"], T3_CLEAN, T4,
        "本年度发出收费通知1件，申请人逾期未缴纳，未实际收取信息处理费。\n青山县人民政府办公室\n2023年1月20日",
    )  # fmt: skip
    (HERE / "report_2021_clean.txt").write_text(clean, encoding="utf-8")

    t3_err = {**T3_CLEAN, "r_total": [20, 3, 0, 0, 1, 0, 25]}
    errors = report(
        "青山县东城街道办事处2022年政府信息公开工作年度报告",
        [
            "一、总体情况",
            "2022年，东城街道新收政府信息公开申请30件，上年结转2件。",
        ],
        [["第二十条第（九）项"], ["信息内容", "采购项目数量", "采购总金额"], ["政府集中采购", "2", "150000"]],
        ["1", "0", "1"], ["3", "0", "2"], t3_err, T4, "无。",
    )  # fmt: skip
    (HERE / "report_2021_errors.txt").write_text(errors, encoding="utf-8")


if __name__ == "__main__":
    main()
