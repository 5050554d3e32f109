"""The corrections as CSV, UTF-8 with a BOM so that Excel on a Chinese Windows opens it correctly."""

from __future__ import annotations

import csv
import io

from gov_review.core.export.common import corrections
from gov_review.core.review.session import ReviewSession

HEADER = ["单元格编号", "单元格（中文）", "原值", "更正值", "理由", "审核人", "时间"]


def corrections_csv(session: ReviewSession) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(HEADER)
    for c in corrections(session):
        writer.writerow([c.cell, c.label, c.original, c.corrected, c.reason, c.reviewer, c.time])
    return buf.getvalue().encode("utf-8-sig")
