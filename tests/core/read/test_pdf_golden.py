"""The PDFium reader gives every PDF fixture the blocks and anchors the pdfplumber reader gave.

The reference is tests/data/pdf/golden/ (written by tests/data/pdf/golden.py before the reader was
replaced): the same paragraphs, table cells (text, spans, merges) and refusals, every box within
2 pt. (When the reader was replaced the cells and findings were the same too; they are left out here
because they also follow the reconstruction and the checks, which change on their own.)
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[2] / "data" / "pdf"))
import golden

_DIFFS = {}


def _diffs() -> dict[str, list[str]]:
    if not _DIFFS:
        _DIFFS.update(golden.compare(reader_only=True))
    return _DIFFS


@pytest.mark.parametrize("name", sorted(golden.inputs()))
def test_same_blocks_anchors_cells_and_findings_as_the_golden_record(name: str) -> None:
    assert _diffs()[name] == []


def test_the_golden_record_holds_the_report_tables() -> None:
    """The comparison is not empty: the real reports' records hold table cells and findings."""
    import json

    record = json.loads((golden.GOLDEN / "hongze_district_2023.pdf.json").read_text(encoding="utf-8"))
    assert sum("rows" in b for b in record["blocks"]) == 3
    assert record["cells"]["t3.r_total.c_total"][1] == "21"
    assert any(f[0] == "R04" for f in record["findings"])
