"""One file opened for review: what the window's workers run, in a thread or a worker process.

Kept in the core (no Qt) so that a worker process started for a folder of reports imports only
what reading needs, and so that its result can be pickled back: a ``ReviewSession`` ready for
review, or the ``Report`` of a file that could not be read (its error says why).
"""

from __future__ import annotations

import contextlib

from gov_review.core.review.pipeline import Report, analyse_file
from gov_review.core.review.session import ReviewSession


def open_for_review(path: str, reviewer: str = "") -> Report | ReviewSession:
    """Read, rebuild and check one file; a .grb bundle opens with its review."""
    from gov_review.core.errors import GovReviewError

    if path.lower().endswith(".grb"):
        from gov_review.core.review.bundle import open_bundle

        try:
            return open_bundle(path)
        except GovReviewError as exc:
            return Report(path=path, error=exc)
    report = analyse_file(path)
    if report.error is None and report.data is not None and report.source is not None:
        # the session (its findings index) is built here too, not on the GUI thread, and the
        # original's bytes are kept now: the bundle must carry what was checked, even if the file
        # changes on disk afterwards
        from gov_review.core.review.bundle import remember_source

        session = ReviewSession(report, reviewer)
        # the file vanished after reading: saving will say so, reviewing still works
        with contextlib.suppress(GovReviewError):
            remember_source(session)
        return session
    return report
