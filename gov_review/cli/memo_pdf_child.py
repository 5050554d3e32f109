"""The memo PDF for ``gov-review export``: made by Qt (gov_review.gui.memo_pdf) in a child process,
so the command line never loads Qt itself and a machine without a display still exports the rest.

The command line hands ``child_pdf`` to the core's export (core/export/to_folder.py), which never
names the GUI.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from gov_review.core.export.outputs import ExportProblem

MEMO_PDF_MODULE = "gov_review.gui.memo_pdf"  # run as ``python -m``; a test checks that it exists
PDF_TIMEOUT = 120
log = logging.getLogger(__name__)


def child_pdf(html: str) -> bytes:
    """The memo PDF made by Qt in a child process (the core never loads Qt). Raises ExportProblem."""
    with tempfile.TemporaryDirectory(prefix="gov-review-") as tmp:
        src = Path(tmp) / "memo.html"
        out = Path(tmp) / "memo.pdf"
        src.write_text(html, encoding="utf-8")
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        try:
            proc = subprocess.run(
                [sys.executable, "-m", MEMO_PDF_MODULE, str(src), str(out)],
                capture_output=True,
                timeout=PDF_TIMEOUT,
                env=env,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise ExportProblem(f"排版超过 {PDF_TIMEOUT} 秒仍未完成。") from exc
        except OSError as exc:
            raise ExportProblem("无法启动排版程序。") from exc
        if proc.returncode != 0 or not out.exists():
            log.info("memo PDF child failed: %s", proc.stderr.decode("utf-8", "replace")[-2000:])
            raise ExportProblem("本机的 Qt 图形组件不可用，无法排版 PDF；可用 Word 打开审核意见 .docx 另存为 PDF。")
        return out.read_bytes()
