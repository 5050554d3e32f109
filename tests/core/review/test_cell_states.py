"""What the grid marks on each cell, decided without Qt: an error where it is pinned, the cells a
failed check takes in, the reviewer's edit, accepted warning and note, and an absent row."""

from __future__ import annotations

from gov_review.core.review.cell_states import CellState, cell_state
from tests.conftest import seed_path
from tests.core.helpers import review_002


def test_cell_states_of_a_reviewed_report():
    s = review_002(seed_path(2))  # two totals corrected, a note, the R08 warning accepted
    assert cell_state(s, "t3.r_new.c_total") & CellState.ERROR  # N01: the prose says 16
    assert cell_state(s, "t3.r_new.c_total") & CellState.NOTE
    mass = cell_state(s, "t3.r_reject_mass.c_natural")
    assert mass & CellState.ERROR and not mass & CellState.INVOLVED  # R06 pinned on its first cell
    assert cell_state(s, "t3.r_reject_mass.c_biz") & CellState.INVOLVED
    assert cell_state(s, "t3.r_total.c_natural") & CellState.EDITED
    waived = cell_state(s, "t2.a9.r_procure.c_amount")
    assert waived & CellState.WAIVED and not waived & CellState.WARNING
    assert cell_state(s, "t3.r_open.c_natural") == CellState.NONE


def test_a_cell_the_report_does_not_have_is_missing():
    s = review_002(seed_path(2))
    assert cell_state(s, "t9.no_such.cell") & CellState.MISSING


def test_each_blank_total_of_a_row_is_marked_as_an_error():
    """Seed 000's （七）总计 row: five totals blank, said in one finding, each cell marked on its own."""
    from gov_review.core.review.pipeline import analyse_file
    from gov_review.core.review.session import ReviewSession

    s = ReviewSession(analyse_file(seed_path(0)), "审核人")
    for col in ("c_biz", "c_research", "c_ngo", "c_legal", "c_org_other"):
        state = cell_state(s, f"t3.r_total.{col}")
        assert state & CellState.ERROR and not state & CellState.INVOLVED, col
    assert not cell_state(s, "t3.r_total.c_natural") & CellState.ERROR  # filled: not part of it
