"""Writes the run-together reports whose ambiguous rows only the column rules can settle.

They imitate how some sites publish the tables as text: one line per row, the label, then the
row's digits glued together (``112000013`` for 11 2 0 0 0 0 13), as in ``runtogether_2020.txt``.

- ``runtogether_columns_2020.txt``: （一）予以公开 ``112000013`` splits two ways by its own total
  (1 12 … 13 or 11 2 … 13); only 11 2 … 13 makes （七）总计 the sum of the outcome rows.
- ``runtogether_columns_ambiguous_2020.txt``: （一）and （二）both read ``270020130`` (2 7 0 0 20 1 30 or
  27 0 0 2 0 1 30). The columns fix 一 and （七）(each ``2970220260``, two ways alone) but cannot tell
  which of （一）/（二）is which: swapping them keeps every total. The reviewer must choose.

Run it again only to regenerate the .txt files; the tests read the .txt files.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
HEAD = "申请人情况 自然人 法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计"
T3 = [
    ("一、本年新收政府信息公开申请数量", "r_new"),
    ("二、上年结转政府信息公开申请数量", "r_carry"),
    ("三、本年度办理结果", None),
    ("（一）予以公开", "r_open"),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "r_partial"),
    ("（三）不予公开", None),
    ("1.属于国家秘密", "-"),
    ("2.其他法律行政法规禁止公开", "-"),
    ("3.危及“三安全一稳定”", "-"),
    ("4.保护第三方合法权益", "-"),
    ("5.属于三类内部事务信息", "-"),
    ("6.属于四类过程性信息", "-"),
    ("7.属于行政执法案卷", "-"),
    ("8.属于行政查询事项", "-"),
    ("（四）无法提供", None),
    ("1.本机关不掌握相关政府信息", "r_unable_nohold"),
    ("2.没有现成信息需要另行制作", "-"),
    ("3.补正后申请内容仍不明确", "-"),
    ("（五）不予处理", None),
    ("1.信访举报投诉类申请", "-"),
    ("2.重复申请", "-"),
    ("3.要求提供公开出版物", "-"),
    ("4.无正当理由大量反复申请", "-"),
    ("5.要求行政机关确认或重新出具已获取信息", "-"),
    ("（六）其他处理", "-"),
    ("（七）总计", "r_total"),
    ("四、结转下年度继续办理", "r_fwd"),
]
T4_HEAD = [
    "行政复议 行政诉讼",
    "结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉",
    "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计",
]


def report(title: str, new: int, carry: int, rows: dict[str, list[int]]) -> str:
    lines = [
        title,
        "一、总体情况",
        f"本年度新收政府信息公开申请{new}件，上年结转{carry}件。",
        "二、主动公开政府信息情况",
        "本年度通过门户网站主动公开政府信息35条。",
        "三、收到和处理政府信息公开申请情况",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        HEAD,
    ]
    for label, key in T3:
        if key is None:
            lines.append(label)
        else:
            lines.append(f"{label} {''.join(map(str, rows.get(key, [0] * 7)))}")
    lines += ["四、政府信息公开行政复议、行政诉讼情况", *T4_HEAD, "0" * 15]
    lines += [
        "五、存在的主要问题及改进情况",
        "依申请公开的答复质量有待提高。",
        "六、其他需要报告的事项",
        "无。",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    decided = {
        "r_new": [12, 3, 0, 0, 0, 0, 15],
        "r_carry": [1, 0, 0, 0, 0, 0, 1],
        "r_open": [11, 2, 0, 0, 0, 0, 13],
        "r_unable_nohold": [1, 1, 0, 0, 0, 0, 2],
        "r_total": [12, 3, 0, 0, 0, 0, 15],
        "r_fwd": [1, 0, 0, 0, 0, 0, 1],
    }
    (HERE / "runtogether_columns_2020.txt").write_text(
        report("河畔街道2020年政府信息公开工作年度报告", 15, 1, decided), encoding="utf-8"
    )
    undecided = {
        "r_new": [29, 7, 0, 2, 20, 2, 60],
        "r_open": [27, 0, 0, 2, 0, 1, 30],
        "r_partial": [2, 7, 0, 0, 20, 1, 30],
        "r_total": [29, 7, 0, 2, 20, 2, 60],
    }
    (HERE / "runtogether_columns_ambiguous_2020.txt").write_text(
        report("滨河街道2020年政府信息公开工作年度报告", 60, 0, undecided), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
