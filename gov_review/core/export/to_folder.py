"""``gov-review export FILE_OR_BUNDLE --out DIR [--docx-mode clean|comments|tracked]``.

A bundle exports its review; a plain report exports unreviewed (the corrected report equals the
original, the memo lists the findings). The memo PDF needs Qt, which the core never loads: it is
made by ``python -m gov_review.gui.memo_pdf`` in a child process.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from gov_review.core.errors import GovReviewError, SaveError
from gov_review.core.export.common import file_stem
from gov_review.core.export.outputs import SUFFIX_MEMO_HTML, SUFFIX_MEMO_PDF, export_all
from gov_review.core.review.bundle import SUFFIX, atomic_write, open_bundle, remember_source
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import ReviewSession

PDF_TIMEOUT = 120


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


def memo_pdf(html: bytes, target: Path) -> str | None:
    """Write the memo PDF through Qt in a child process; returns None or why it failed."""
    with tempfile.TemporaryDirectory(prefix="gov-review-") as tmp:
        src = Path(tmp) / "memo.html"
        out = Path(tmp) / "memo.pdf"
        src.write_bytes(html)
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        try:
            proc = subprocess.run(
                [sys.executable, "-m", "gov_review.gui.memo_pdf", str(src), str(out)],
                capture_output=True,
                timeout=PDF_TIMEOUT,
                env=env,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            return str(exc)
        if proc.returncode != 0 or not out.exists():
            tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [
                f"exit {proc.returncode}"
            ]
            return tail[0]
        atomic_write(target, out.read_bytes())
    return None


def run_export(args: argparse.Namespace) -> int:
    lang = getattr(args, "lang", "zh") or "zh"
    zh = lang != "en"
    mode = getattr(args, "docx_mode", "clean") or "clean"
    try:
        session = load_session(args.source)
        outdir = Path(args.out)
        try:
            outdir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveError("save_read_only", name=outdir.name, folder=str(outdir)) from exc
        outputs = export_all(session, docx_mode=mode)
        original = Path(args.source).resolve()
        written = []
        for name, data in outputs.items():
            target = outdir / name
            if target.resolve() == original:  # never, whatever the names: the original is read-only
                raise SaveError("export_failed", name=name, reason="输出文件与原件同名")
            atomic_write(target, data)
            written.append(target)
        pdf_target = outdir / (file_stem(session) + SUFFIX_MEMO_PDF)
        html = outputs[file_stem(session) + SUFFIX_MEMO_HTML]
        problem = memo_pdf(html, pdf_target)
    except GovReviewError as exc:
        _say(exc.message(lang))
        return 2
    for path in written:
        _say(("已写出：" if zh else "Written: ") + str(path))
    if problem is None:
        _say(("已写出：" if zh else "Written: ") + str(pdf_target))
    else:
        _say(
            f"审核意见 PDF 未能生成（{problem}），其余文件已写出；可用 Word 打开审核意见 .docx 另存为 PDF。"
            if zh
            else f"The memo PDF could not be made ({problem}); the other files were written."
        )
    return 0
