"""A model that follows one open report: rebuilt whenever the report's review changes."""

from __future__ import annotations

from gov_review.gui.document import ReportDocument


class FollowsDocument:
    """Mixin for Qt models showing one report's review; subclasses implement ``rebuild``."""

    doc: ReportDocument | None

    def set_document(self, doc: ReportDocument | None) -> None:
        if self.doc is not None:
            self.doc.changed.disconnect(self.rebuild)
        self.doc = doc if doc is not None and doc.session is not None else None
        if self.doc is not None:
            self.doc.changed.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:  # pragma: no cover - always overridden
        raise NotImplementedError
