"""R12: labels of the other format. Each label of the 2019 format found in a report of the 2021
format (and the reverse) is named with what its format writes instead (``规范性文件`` →
``行政规范性文件``), in one finding per table. The pairs are data: resources/rules/format_labels.json.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from gov_review.core.check.emit import emit
from gov_review.core.locate.sections import section_numbers, split_rows
from gov_review.core.model import Finding, ReportData, SourceDocument
from gov_review.core.text.normalize import norm, strip_numbering

TABLE_ZH = {"t2": "表二", "t3": "表三", "t4": "表四"}
FORMAT_ZH = {"2019": "2019版", "2021": "2021版"}


@cache
def _pairs() -> tuple[dict, ...]:
    ref = resources.files("gov_review.resources").joinpath("rules/format_labels.json")
    return tuple(json.loads(ref.read_text(encoding="utf-8"))["labels"])


def _key(text: str) -> str:
    return strip_numbering(norm(text)).replace("(", "（").replace(")", "）")


def expected_format(data: ReportData) -> str | None:
    """The format the report should use: the report year's, else the one its tables were read in."""
    if data.year is not None:
        return "2021" if data.year >= 2021 else "2019"
    return data.format


def check_labels(doc: SourceDocument, data: ReportData) -> list[Finding]:
    fmt = expected_format(data)
    if fmt is None:
        return []
    other = "2019" if fmt == "2021" else "2021"
    wanted = {_key(p[other]): p for p in _pairs() if p[other]}
    rows, _texts = split_rows(doc, section_numbers(doc, data.sections))
    out: list[Finding] = []
    for table in ("t2", "t3", "t4"):
        found: dict[str, dict] = {}
        for row in rows[table]:
            for cell in row:
                pair = wanted.get(_key(cell.text)) if cell.text else None
                if pair is not None and pair["table"] == table:
                    found.setdefault(pair[other], pair)
        if not found:
            continue
        zh = "、".join(
            f"“{label}”→“{pair[fmt]}”" if pair[fmt] else f"“{label}”（{FORMAT_ZH[fmt]}无此栏目）"
            for label, pair in found.items()
        )
        en = ", ".join(f"“{label}” → “{pair[fmt] or '—'}”" for label, pair in found.items())
        out.append(
            emit(
                "R12",
                "other_labels",
                table=TABLE_ZH[table],
                fmt=FORMAT_ZH[fmt],
                other=FORMAT_ZH[other],
                labels=zh,
                labels_en=en,
                n=len(found),
                replaced=[pair[fmt] for pair in found.values() if pair[fmt]],
            )
        )
    return out
