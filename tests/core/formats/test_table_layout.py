"""The national tables' merged-cell layout is described once (formats/table_layout.py): the window's
grid shows it and the generated .docx writes it, so both read like the printed format."""

from __future__ import annotations

import pytest

from gov_review.core.export.docx_generate import generate_docx_bytes
from gov_review.core.formats.table_layout import DATA, HEADER, layout_for
from gov_review.core.read import read_document
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import ReviewSession
from tests.conftest import seed_path


def test_table_four_header_is_laid_out_as_the_format_prints_it():
    t4 = layout_for("t4", "2021")
    at = {(it.row, it.col): it for it in t4.items}
    assert (at[(0, 0)].zh, at[(0, 0)].colspan, at[(0, 0)].rowspan) == ("行政复议", 5, 1)
    assert (at[(0, 5)].zh, at[(0, 5)].colspan) == ("行政诉讼", 10)
    # 行政复议's own column labels span the two header rows beside the two litigation groups
    assert [(at[(1, j)].zh, at[(1, j)].rowspan) for j in range(5)] == [
        ("结果维持", 2),
        ("结果纠正", 2),
        ("其他结果", 2),
        ("尚未审结", 2),
        ("总计", 2),
    ]
    assert [at[(3, j)].cell_id for j in (0, 5, 10)] == [
        "t4.review.c_upheld",
        "t4.lit_direct.c_upheld",
        "t4.lit_post.c_upheld",
    ]


@pytest.mark.parametrize("fmt_seed", [0, 2])
def test_the_generated_docx_merges_cells_where_the_grid_does(fmt_seed):
    """A text report's corrected .docx: every header and label of the grid at its place, with its
    spans, and every data cell carrying the report's value."""
    session = ReviewSession(analyse_file(seed_path(fmt_seed)), "李审核")
    fmt = session.data.format
    doc = read_document("corrected.docx", generate_docx_bytes(session))
    for table, raw in zip(("t2", "t3", "t4"), doc.tables, strict=True):
        layout = layout_for(table, fmt)
        for it in layout.items:
            cell = raw.rows[it.row][it.col]
            assert (cell.colspan, cell.rowspan, cell.merged) == (it.colspan, it.rowspan, False), (table, it)
            if it.kind == DATA:
                value = session.cell(it.cell_id)
                assert cell.text == ("" if value is None or value.raw is None else value.raw.strip())
            else:
                assert cell.text == it.zh, (table, it)
        assert sum(1 for it in layout.items if it.kind == HEADER) > 0
