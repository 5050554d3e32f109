"""Last year's folder as the cross-year panel reads it, on a worker thread: digests, and what failed.

Nothing here touches a widget: the window runs ``read_previous_folder`` in its task pool and its
result is handed back to the panel on the GUI thread.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from gov_review.core.batch.crossyear import check as crossyear
from gov_review.core.batch.crossyear.check import YearDigest


@dataclass(slots=True)
class PreviousFolder:
    """Last year's folder as read: the digests of its readable reports and bundles, and the files
    that could not be read with their reason (zh, en)."""

    folder: str
    digests: list[YearDigest] = field(default_factory=list)
    unread: list[tuple[str, str, str]] = field(default_factory=list)


def read_previous_folder(folder: str) -> PreviousFolder:
    """Runs on a worker thread: last year's reports in ``folder`` (recursively) as digests.

    ``load_previous`` leaves unreadable files out without saying which; they are found by
    difference and read once more for their reason (only the failures, so the cost is small).
    """
    from gov_review.core.batch.files import collect_files

    files = collect_files([folder])
    digests = [d for d in crossyear.load_previous(folder) if isinstance(d, YearDigest)]
    read = {os.path.abspath(d.path) for d in digests}
    out = PreviousFolder(folder, digests)
    for path in files:
        if os.path.abspath(path) in read:
            continue
        err = crossyear.open_any(path).error
        zh = getattr(err, "message_zh", None) or (str(err) if err else "未能识别报告内容。")
        en = getattr(err, "message_en", None) or (str(err) if err else "The report could not be read.")
        out.unread.append((path, zh, en))
    return out
