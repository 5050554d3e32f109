"""One fuzz input through the tool as a reviewer meets it: open, and when it opens, save as a bundle
and reopen. The outcome is one word; anything but a typed refusal or a finished round trip is a defect.

Outcomes: ``saved`` (opened, saved, reopened with the same values), ``refused`` (a GovReviewError with
a Chinese sentence), ``traceback`` (any other exception, while opening or reopening), ``unsaveable``
(opened but the save or the reopen failed), ``lost`` (reopened with other values than were saved).
"""

from __future__ import annotations

import os
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path

from gov_review.core.errors import GovReviewError
from gov_review.core.export.outputs import save_with_exports
from gov_review.core.review.bundle import open_bundle, save_bundle
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import ReviewSession

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"

FIXTURES = {
    "txt": [*(ROOT / "resources" / "samples").glob("seed_00*.txt"), DATA / "text" / "report_2021_clean.txt"],
    "docx": [*(DATA / "docx").glob("seed_00*.docx"), DATA / "docx" / "special.docx"],
    "html": [*(DATA / "html").glob("*.htm*")],
    "pdf": [DATA / "pdf" / "hongze_district_2024.pdf", DATA / "pdf" / "encrypted_owner_only.pdf"],
}
SUFFIX = {"txt": ".txt", "docx": ".docx", "html": ".html", "grb": ".grb", "pdf": ".pdf"}


@dataclass(slots=True)
class Outcome:
    kind: str
    detail: str = ""  # the sentence of a refusal, or the traceback's last lines


def fixtures(fmt: str, workdir: Path) -> list[tuple[str, bytes]]:
    """The real files a format's mutations start from (a bundle of seed 002 is made for ``grb``)."""
    if fmt == "grb":
        from tests.core.helpers import review_002

        target = workdir / "base.grb"
        if not target.exists():
            save_bundle(review_002(ROOT / "resources" / "samples" / "seed_002.txt"), target)
        return [("base.grb", target.read_bytes())]
    return [(p.name, p.read_bytes()) for p in sorted(FIXTURES[fmt])]


def _tail(exc: BaseException) -> str:
    lines = traceback.format_exception(exc)
    return "".join(lines[-4:])[-800:]


def attempt(fmt: str, data: bytes, workdir: str | os.PathLike[str], exports: bool = True) -> Outcome:
    """Open ``data`` as a file of format ``fmt``; when it opens, save it as a bundle and reopen it."""
    folder = Path(tempfile.mkdtemp(prefix="fz", dir=workdir))
    src = folder / ("input" + SUFFIX[fmt])
    src.write_bytes(data)
    try:
        try:
            if fmt == "grb":
                session = open_bundle(src)
            else:
                report = analyse_file(src)
                if report.error is not None:
                    return _refusal(report.error)
                session = ReviewSession(report, "模糊测试")
        except GovReviewError as exc:
            return _refusal(exc)
        except Exception as exc:
            return Outcome("traceback", "open: " + _tail(exc))
        target = folder / "saved.grb"
        try:
            if exports:
                save_with_exports(session, str(target))
            else:
                save_bundle(session, target)
            again = open_bundle(target)
        except Exception as exc:
            return Outcome("unsaveable", _tail(exc))
        if again.to_dict()["values"] != session.to_dict()["values"]:
            return Outcome("lost", "values differ after reopening")
        return Outcome("saved")
    finally:
        for p in sorted(folder.rglob("*"), reverse=True):
            (p.rmdir if p.is_dir() else p.unlink)()
        folder.rmdir()


def _refusal(exc: GovReviewError) -> Outcome:
    text = exc.message_zh
    # A refusal must be a Chinese sentence, not a library's words.
    if not text.endswith("。") or not any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return Outcome("traceback", f"refusal is not a sentence: {text[:200]}")
    return Outcome("refused", text)
