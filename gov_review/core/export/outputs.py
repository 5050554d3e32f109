"""Every output of a review at once, as {file name: bytes} (for the bundle's exports/ and the CLI),
and saving a bundle with them."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
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
log = logging.getLogger(__name__)


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


# What the reviewer can choose to export (the window's dialog), in the order they are made.
KIND_DOCX, KIND_MEMO_DOCX, KIND_MEMO_PDF, KIND_XLSX, KIND_CSV, KIND_JSON, KIND_MEMO_HTML = (
    "docx",
    "memo_docx",
    "memo_pdf",
    "xlsx",
    "csv",
    "json",
    "memo_html",
)
FOLDER_KINDS = (KIND_DOCX, KIND_MEMO_DOCX, KIND_MEMO_PDF, KIND_XLSX, KIND_CSV)
ALL_KINDS = (*FOLDER_KINDS, KIND_JSON, KIND_MEMO_HTML)
KIND_ZH = {
    KIND_DOCX: "更正稿（Word）",
    KIND_MEMO_DOCX: "审核意见（Word）",
    KIND_MEMO_PDF: "审核意见（PDF）",
    KIND_XLSX: "修改记录（Excel）",
    KIND_CSV: "修改记录（CSV）",
    KIND_JSON: "审核记录（JSON）",
    KIND_MEMO_HTML: "审核意见（网页）",
}
SUFFIXES = {
    KIND_DOCX: SUFFIX_DOCX,
    KIND_MEMO_DOCX: SUFFIX_MEMO_DOCX,
    KIND_MEMO_PDF: SUFFIX_MEMO_PDF,
    KIND_XLSX: SUFFIX_XLSX,
    KIND_CSV: SUFFIX_CSV,
    KIND_JSON: SUFFIX_JSON,
    KIND_MEMO_HTML: SUFFIX_MEMO_HTML,
}
SUFFIX_NOTICE = "（导出说明）.txt"

# memo HTML -> PDF bytes. The core cannot make a PDF (that needs Qt): the window passes
# gov_review.gui.memo_pdf.memo_pdf_bytes, the CLI a function that runs it in a child process.
PdfMaker = Callable[[str], bytes]


class ExportProblem(Exception):
    """An output that cannot be made, with the plain Chinese reason to show the reviewer."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(slots=True)
class ExportSet:
    """What an export produced: the files, and for each one left out, why (in Chinese)."""

    files: dict[str, bytes] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # one sentence per output left out
    notices: list[str] = field(default_factory=list)  # made, but differently than asked
    notice_name: str = ""

    def with_notice(self) -> dict[str, bytes]:
        """The files plus, when something was left out or changed, a note saying what and why."""
        out = dict(self.files)
        if self.problems or self.notices:
            text = "\r\n".join(["本次导出的说明：", *self.problems, *self.notices, ""])
            out[self.notice_name] = text.encode("utf-8-sig")
        return out


def make_exports(
    session: ReviewSession,
    source: SourceInfo | None = None,
    docx_mode: str = "clean",
    progress: Progress | None = None,
    kinds: tuple[str, ...] = ALL_KINDS,
    pdf_maker: PdfMaker | None = None,
) -> ExportSet:
    """Each output made on its own: one that cannot be made is left out with a reason, and never
    stops the others (nor the bundle, which holds the review whatever happens here)."""
    from gov_review.core.export.csv import corrections_csv
    from gov_review.core.export.docx_writer import DocxResult, corrected_docx
    from gov_review.core.export.memo import build_memo, memo_html
    from gov_review.core.export.memo_docx import memo_docx
    from gov_review.core.export.xlsx import corrections_xlsx

    source = source or source_of(session)
    stem = file_stem(session)
    say = progress or (lambda _step: None)
    result = ExportSet(notice_name=stem + SUFFIX_NOTICE)
    made: dict[str, object] = {}

    def attempt(kind: str, fn: Callable[[], object]) -> object | None:
        try:
            return fn()
        except ExportProblem as exc:
            result.problems.append(f"{KIND_ZH[kind]}未能生成：{exc.reason}")
        except Exception:
            log.info("export %s failed", kind, exc_info=True)
            result.problems.append(
                f"{KIND_ZH[kind]}未能生成：报告中有本工具无法写入此类文件的内容。"
                "审核包和其他文件已保存；可把审核包发给技术支持查明原因。"
            )
        return None

    wanted = set(kinds)
    corrected: DocxResult | None = None
    if KIND_DOCX in wanted or wanted & {KIND_MEMO_DOCX, KIND_MEMO_PDF, KIND_MEMO_HTML}:
        say("docx")
        corrected = attempt(KIND_DOCX, lambda: corrected_docx(session, docx_mode, source))  # type: ignore[assignment]
        if corrected is not None and KIND_DOCX in wanted:
            made[KIND_DOCX] = corrected.data
            if corrected.patch_failed:
                result.notices.append(
                    "原 Word 文件已损坏、无法在原件上修改，更正稿已按国家规定格式重新生成（原件版式未保留）。"
                )
    say("xlsx")
    if KIND_XLSX in wanted:
        made[KIND_XLSX] = attempt(KIND_XLSX, lambda: corrections_xlsx(session))
    if KIND_CSV in wanted:
        made[KIND_CSV] = attempt(KIND_CSV, lambda: corrections_csv(session))
    say("json")
    if KIND_JSON in wanted:
        made[KIND_JSON] = attempt(KIND_JSON, lambda: review_json(session, source))
    say("memo")
    # the memo asks for what the .docx could not carry
    memo = attempt(KIND_MEMO_DOCX, lambda: build_memo(session, corrected.skipped if corrected else ()))
    if memo is not None:
        html = attempt(KIND_MEMO_HTML, lambda: memo_html(memo))  # type: ignore[arg-type]
        if KIND_MEMO_DOCX in wanted:
            made[KIND_MEMO_DOCX] = attempt(KIND_MEMO_DOCX, lambda: memo_docx(memo))  # type: ignore[arg-type]
        if KIND_MEMO_HTML in wanted and html is not None:
            made[KIND_MEMO_HTML] = html.encode("utf-8")  # type: ignore[union-attr]
        if KIND_MEMO_PDF in wanted and pdf_maker is not None and html is not None:
            say("pdf")
            made[KIND_MEMO_PDF] = attempt(KIND_MEMO_PDF, lambda: pdf_maker(html))  # type: ignore[arg-type]
    for kind in ALL_KINDS:
        data = made.get(kind)
        if isinstance(data, bytes):
            result.files[stem + SUFFIXES[kind]] = data
    return result


def export_all(
    session: ReviewSession,
    source: SourceInfo | None = None,
    docx_mode: str = "clean",
    progress: Progress | None = None,
    pdf_maker: PdfMaker | None = None,
) -> dict[str, bytes]:
    """Every output for the bundle's exports/ (the memo PDF only with a ``pdf_maker``), plus a note
    naming any output that could not be made and why. Never raises for a review that opened."""
    return make_exports(session, source, docx_mode, progress, ALL_KINDS, pdf_maker).with_notice()


def save_with_exports(
    session: ReviewSession,
    path: str,
    extra_exports: dict[str, bytes] | None = None,
    pdf_maker: PdfMaker | None = None,
) -> str:
    """Save the review as a bundle carrying every output (export_all's; ``extra_exports``: any the
    caller made itself). Returns the path written; raises SaveError as save_bundle does."""
    out = export_all(session, pdf_maker=pdf_maker)
    out.update(extra_exports or {})
    return save_bundle(session, path, exports=out)
