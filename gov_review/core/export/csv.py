"""The corrections as CSV, UTF-8 with a BOM so that Excel on a Chinese Windows opens it correctly.

Text is text: Excel runs a field that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (a cell
of a hostile report, ``=HYPERLINK(...)``, would become a link or worse), so such a field is written
after an apostrophe, unless it is a plain number such as ``-3``.
"""

from __future__ import annotations

import csv
import io
import re

from gov_review.core.export.common import corrections
from gov_review.core.review.session import ReviewSession

HEADER = ["单元格编号", "单元格（中文）", "原值", "更正值", "理由", "审核人", "时间"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_RE = re.compile(r"[+-]?\d+(?:\.\d+)?")


def corrections_csv(session: ReviewSession) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(HEADER)
    for c in corrections(session):
        fields = [c.cell, c.label, c.original, c.corrected, c.reason, c.reviewer, c.time]
        writer.writerow([_text(f) for f in fields])
    return buf.getvalue().encode("utf-8-sig")


def _text(value: object) -> str:
    s = "" if value is None else str(value)
    if s.startswith(_FORMULA_START) and not _NUMBER_RE.fullmatch(s):
        return "'" + s
    return s
