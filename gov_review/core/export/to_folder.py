"""``gov-review export FILE_OR_BUNDLE --out DIR [--docx-mode clean|comments|tracked] [--reviewer NAME]
[--unit UNIT]``.

A bundle exports its review; a plain report exports unreviewed (the corrected report equals the
original, the memo lists the findings). The memo PDF needs Qt, which the core never loads: the
command line passes in how to make it (gov_review/cli/memo_pdf_child.py). Each output is made on its own:
one that cannot be made is left out, said in one sentence and named in ``（导出说明）.txt``.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from gov_review.core.errors import GovReviewError, SaveError
from gov_review.core.export.outputs import ALL_KINDS, PdfMaker, make_exports
from gov_review.core.review.bundle import SUFFIX, SourceInfo, atomic_write, open_bundle, remember_source
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import ReviewSession


def _say(text: str) -> None:
    try:
        sys.stdout.write(text + "\n")
    except UnicodeEncodeError:  # a console that cannot show Chinese
        sys.stdout.write(text.encode("ascii", "replace").decode("ascii") + "\n")


def load_session(source: str, reviewer: str = "") -> ReviewSession:
    """A bundle's review, or a fresh unreviewed session for a plain report. Raises GovReviewError."""
    if source.lower().endswith(SUFFIX):
        return open_bundle(source)
    report = analyse_file(source)
    if report.error is not None:
        raise report.error
    session = ReviewSession(report, reviewer)
    remember_source(session)
    return session


@dataclass(slots=True)
class FolderExport:
    """What an export to a folder wrote, and what it left out and why (Chinese sentences)."""

    folder: str
    written: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def export_to_folder(
    session: ReviewSession,
    folder: str | os.PathLike[str],
    *,
    source: SourceInfo | None = None,
    docx_mode: str = "clean",
    kinds: tuple[str, ...] = ALL_KINDS,
    pdf_maker: PdfMaker | None = None,
    original: str | os.PathLike[str] | None = None,
) -> FolderExport:
    """Make the outputs and write each into ``folder`` (created if need be) with the user's umask.

    Raises SaveError when the folder cannot be made or written; an output that cannot be made is
    left out and named with its reason (and in （导出说明）.txt).
    """
    outdir = Path(folder)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SaveError("save_read_only", name=outdir.name, folder=str(outdir)) from exc
    made = make_exports(session, source, docx_mode, kinds=kinds, pdf_maker=pdf_maker)
    keep = Path(original).resolve() if original else None
    result = FolderExport(str(outdir), problems=list(made.problems), notices=list(made.notices))
    for name, data in made.with_notice().items():
        target = outdir / name
        if keep is not None and target.resolve() == keep:  # never, whatever the names
            raise SaveError("export_failed", name=name, reason="输出文件与原件同名")
        atomic_write(target, data)
        result.written.append(str(target))
    return result


def run_export(args: argparse.Namespace, pdf_maker: PdfMaker | None = None) -> int:
    """``pdf_maker``: how the memo PDF is made (it needs Qt, so the command line passes it in)."""
    lang = getattr(args, "lang", "zh") or "zh"
    zh = lang != "en"
    mode = getattr(args, "docx_mode", "clean") or "clean"
    try:
        session = load_session(args.source)
        # The options sign; else the bundle's own reviewer and unit; else the window's settings.
        saved = getattr(args, "saved_identity", None) or {}
        session.reviewer = getattr(args, "reviewer", None) or session.reviewer or saved.get("reviewer", "")
        session.unit = getattr(args, "unit", None) or session.unit or saved.get("unit", "")
        made = export_to_folder(session, args.out, docx_mode=mode, pdf_maker=pdf_maker, original=args.source)
    except GovReviewError as exc:
        _say(exc.message(lang))
        return 2
    for path in made.written:
        _say(("已写出：" if zh else "Written: ") + path)
    for line in made.problems + made.notices:
        _say(line)
    return 0
