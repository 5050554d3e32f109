"""Where in the source a finding without a cell or an anchor of its own is shown: a finding about
the report as a whole (its year, its body, its format) at the title, a missing section where it
should have been (the next section's heading), anything else at the title too."""

from __future__ import annotations

from gov_review.core.model import Anchor, Finding, Paragraph, ReportData, SourceDocument

NUMERALS = "一二三四五六"


def place_of(finding: Finding, doc: SourceDocument | None, data: ReportData | None) -> Anchor | None:
    """The anchor to highlight for ``finding`` (its own when it has one)."""
    if finding.anchor is not None:
        return finding.anchor
    if doc is None or data is None:
        return None
    numeral = finding.params.get("numeral")
    if finding.code in ("D01.missing", "D01.no_heading") and numeral in NUMERALS:
        n = NUMERALS.index(numeral) + 1
        later = [s for s in data.sections if s.number > n]
        if later:
            return later[0].anchor
    return _title_anchor(doc, data)


def _title_anchor(doc: SourceDocument, data: ReportData) -> Anchor | None:
    first = None
    for block in doc.blocks:
        if isinstance(block, Paragraph) and block.text.strip():
            if data.title and block.text.strip() and block.text.strip() in data.title:
                return block.anchor
            first = first or block.anchor
    return first
