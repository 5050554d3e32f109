"""Which files of a folder are reports, the sample reports we ship, and opening one (a bundle with its
review applied).

The batch (run.py) and the cross-year check (crossyear/) both start here.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from gov_review.core.errors import GovReviewError
from gov_review.core.review.pipeline import Report

# Report files a folder may hold (the file's content still decides the reader).
REPORT_EXTENSIONS = frozenset(
    {".txt", ".text", ".docx", ".docm", ".html", ".htm", ".shtml", ".pdf", ".doc", ".wps", ".grb"}
)
# Files this tool writes next to reports (export/outputs.py): never checked as reports themselves.
OUTPUT_MARKERS = ("（更正稿）", "（审核意见）", "（修改记录）", "（审核记录）", "汇总表")


class BatchError(GovReviewError):
    """A file of a batch could not be checked for a reason other than its content."""


# ------------------------------------------------------------------------------------------------
# Collecting files


def _is_skipped(name: str) -> bool:
    if name.startswith((".", "~$", "~")) or name.endswith((".tmp", ".part", ".crdownload", "~")):
        return True  # hidden files, Office lock files (~$报告.docx), editors' and browsers' temp files
    stem = Path(name).stem
    return any(marker in stem for marker in OUTPUT_MARKERS)


def collect_files(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Report files among ``paths``: files as given, folders searched recursively (sorted).

    Hidden files and folders, Office lock files (``~$x.docx``), temp files and the files this tool
    writes (corrected reports, memos, summaries) are skipped inside folders. A file named explicitly
    is always kept, so that a wrong path gets its own clear message.
    """
    out: list[str] = []
    seen: set[str] = set()
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__")))
                for name in sorted(files):
                    if Path(name).suffix.lower() in REPORT_EXTENSIONS and not _is_skipped(name):
                        full = str(Path(root) / name)
                        if full not in seen:
                            seen.add(full)
                            out.append(full)
        elif str(path) not in seen:
            seen.add(str(path))
            out.append(str(path))
    return out


def open_report(path: str | os.PathLike[str]) -> tuple[Report, int]:
    """A report file, or a bundle's report with the reviewer's edits applied and waived findings
    left out; also how many findings were waived."""
    from gov_review.core.review.pipeline import analyse_file

    if Path(path).suffix.lower() != ".grb":
        return analyse_file(path), 0
    from gov_review.core.review.bundle import open_bundle

    try:
        session = open_bundle(path)
    except GovReviewError as exc:
        return Report(path=str(path), error=exc), 0
    report = session.report
    waived = session.counts()["waived"]
    # settled errors stay, marked with their reason (Report.settled) and counted apart
    report.findings = [f for f in session.findings if not session.is_waived(f)]
    report.settled = {f.key: session.settlements[f.key].reason for f in report.findings if session.is_settled(f)}
    report.path = str(path)
    return report, waived


def sample_reports() -> list[str]:
    """Paths of the sample reports shipped in resources/samples (sorted)."""
    folder = resources.files("gov_review.resources").joinpath("samples")
    out = []
    for entry in folder.iterdir():
        if entry.name.endswith((".txt", ".docx")) and not entry.name.startswith("SOURCES"):
            out.append(str(entry))
    return sorted(out)
