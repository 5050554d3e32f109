"""Every output of a review at once, as {file name: bytes} (for the bundle's exports/ and the CLI),
and saving a bundle with them."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from gov_review import __version__
from gov_review.core.export.common import corrections, file_stem, finding_states
from gov_review.core.review.bundle import save_bundle
from gov_review.core.review.session import ReviewSession, SourceInfo, source_of

# File-name suffixes (Chinese: the reviewer mails these files to the reporting body as they are).
SUFFIX_DOCX = "（更正稿）.docx"
SUFFIX_XLSX = "（修改记录）.xlsx"
SUFFIX_CSV = "（修改记录）.csv"
SUFFIX_JSON = "（审核记录）.json"
SUFFIX_MEMO_DOCX = "（审核意见）.docx"
SUFFIX_MEMO_HTML = "（审核意见）.html"
SUFFIX_MEMO_PDF = "（审核意见）.pdf"

Progress = Callable[[str], None]


def review_json(session: ReviewSession, source: SourceInfo | None = None) -> bytes:
    """The whole review as JSON: the session state plus the corrections and each finding's fate."""
    source = source or source_of(session)
    out: dict[str, Any] = {
        "tool": "gov-review",
        "tool_version": __version__,
        "source": {"name": source.name, "sha256": source.sha256, "size": len(source.data)},
        "review": session.to_dict(),
        "corrections": [_as_dict(c) for c in corrections(session)],
        "finding_states": [
            {
                "key": s.finding.key,
                "code": s.finding.code or s.finding.rule,
                "severity": s.finding.severity,
                "status": s.status,
                "reason": s.reason,
                "new": s.new,
                "message": s.finding.message,
            }
            for s in finding_states(session, include_info=True)
        ],
    }
    return json.dumps(out, ensure_ascii=False, indent=1).encode("utf-8")


def _as_dict(obj: Any) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in obj.__slots__}


def export_all(
    session: ReviewSession,
    source: SourceInfo | None = None,
    docx_mode: str = "clean",
    progress: Progress | None = None,
) -> dict[str, bytes]:
    """Corrected report, corrections (xlsx, csv), review JSON, memo (docx, html). Not the memo PDF:
    that needs Qt (gov_review.gui.memo_pdf)."""
    from gov_review.core.export.csv import corrections_csv
    from gov_review.core.export.docx_writer import corrected_docx
    from gov_review.core.export.memo import build_memo, memo_docx, memo_html
    from gov_review.core.export.xlsx import corrections_xlsx

    source = source or source_of(session)
    stem = file_stem(session)
    say = progress or (lambda _step: None)
    out: dict[str, bytes] = {}
    say("docx")
    corrected = corrected_docx(session, docx_mode, source)
    out[stem + SUFFIX_DOCX] = corrected.data
    say("xlsx")
    out[stem + SUFFIX_XLSX] = corrections_xlsx(session)
    out[stem + SUFFIX_CSV] = corrections_csv(session)
    say("json")
    out[stem + SUFFIX_JSON] = review_json(session, source)
    say("memo")
    memo = build_memo(session, corrected.skipped)  # the memo asks for what the .docx could not carry
    out[stem + SUFFIX_MEMO_DOCX] = memo_docx(memo)
    out[stem + SUFFIX_MEMO_HTML] = memo_html(memo).encode("utf-8")
    return out


def save_with_exports(
    session: ReviewSession, path: str, extra_exports: dict[str, bytes] | None = None
) -> str:
    """Save the review as a bundle carrying every output (``extra_exports``: what only the GUI can
    make, the memo PDF). Returns the path written; raises SaveError as save_bundle does."""
    out = export_all(session)
    out.update(extra_exports or {})
    return save_bundle(session, path, exports=out)
