"""What a grid cell's state is: an error or warning pinned on it, taking part in a failed check,
edited, accepted, annotated, inferred, ambiguous or missing. The window draws these states (gui/states.py);
what they are is decided here, without Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntFlag

from gov_review.core.model import Finding
from gov_review.core.review.session import ReviewSession

LOW_CONFIDENCE = 0.8
# Findings each of whose cells is a problem of its own (one finding for a row's blank totals), not a
# term of a check pinned on its first cell.
EACH_CELL = frozenset({"R07.total_blank_row"})


class CellState(IntFlag):
    NONE = 0
    ERROR = 1  # an error pinned on this cell (the finding's first cell, or each of an EACH_CELL one)
    WARNING = 2
    INVOLVED = 4  # takes part in a failed check pinned elsewhere
    EDITED = 8
    WAIVED = 16  # a warning on this cell was accepted with a reason
    NOTE = 32
    INFERRED = 64  # placed by position or order, by a similar label or by the one split that fits
    MISSING = 128  # the row/column is absent from the report
    AMBIGUOUS = 256  # not read: several splits fit, or the row's numbers could not be matched to columns


def cell_state(session: ReviewSession, cell_id: str, findings: Sequence[Finding] | None = None) -> CellState:
    """``findings``: those on the cell, when more than the session's own (a document's extra
    cross-year findings); by default the session's."""
    state = CellState.NONE
    cell = session.cell(cell_id)
    if cell is None or cell.placement == "missing":
        state |= CellState.MISSING
    elif cell.certainty == "ambiguous":
        state |= CellState.AMBIGUOUS
    elif cell.certainty != "exact" or cell.confidence < LOW_CONFIDENCE:
        state |= CellState.INFERRED
    if session.is_edited(cell_id):
        state |= CellState.EDITED
    if session.notes_for(cell_id):
        state |= CellState.NOTE
    for f in session.findings_for(cell_id) if findings is None else findings:
        if f.severity == "info" or not f.assessable:
            continue
        if session.is_waived(f):
            state |= CellState.WAIVED
        elif f.cells and (f.cells[0] == cell_id or f.code in EACH_CELL):
            state |= CellState.ERROR if f.severity == "error" else CellState.WARNING
        else:
            state |= CellState.INVOLVED
    return state
