"""The figures the dashboard draws, as the national format defines them (no Qt): table 三's outcome
groups and applicant columns, table 四's result columns, sums over filled cells and rates.

Blank cells are missing, never 0: a sum says whether a present cell was blank, and a rate is only
computed when every cell in it is filled and its denominator is positive.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Any

from gov_review.core.formats.templates import get_template

RATE_BANDS = ("0%", "0–10%", "10–25%", "25–50%", "≥50%")


@cache
def _groups(fmt: str) -> dict[str, list[str]]:
    return dict(get_template(fmt).groups)


OUTCOMES = (  # (label zh, label en, rows or group) — table 三, 三、本年度办理结果
    ("（一）予以公开", "(1) Disclosed", "r_open"),
    ("（二）部分公开", "(2) Partly disclosed", "r_partial"),
    ("（三）不予公开", "(3) Not disclosed", "g_deny"),
    ("（四）无法提供", "(4) Unable to provide", "g_unable"),
    ("（五）不予处理", "(5) Not processed", "g_reject"),
    ("（六）其他处理", "(6) Otherwise handled", "g_other"),
    ("（七）总计", "(7) Total", "r_total"),
)
APPLICANTS = (
    ("自然人", "Natural persons", "c_natural"),
    ("商业企业", "Businesses", "c_biz"),
    ("科研机构", "Research institutions", "c_research"),
    ("社会公益组织", "Public-interest orgs", "c_ngo"),
    ("法律服务机构", "Legal services", "c_legal"),
    ("其他", "Other organisations", "c_org_other"),
)
T4_COLS = (
    ("结果维持", "Upheld", "c_upheld"),
    ("结果纠正", "Corrected", "c_corrected"),
    ("其他结果", "Other result", "c_other"),
    ("尚未审结", "Pending", "c_pending"),
    ("总计", "Total", "c_total"),
)


def outcome_rows(data: Any, row_or_group: str) -> list[str]:
    if not row_or_group.startswith("g_"):
        return [row_or_group]
    rows = list(_groups(data.format or "2019").get(row_or_group, []))
    if row_or_group == "g_other":  # a 2021 report may still carry the 2019 single （六） row
        rows += [
            r for r in ("r_other", "r_other_nocorrect", "r_other_nofee", "r_other_else") if r not in rows
        ]
    return rows


def cell_sum(data: Any, cell_ids: list[str]) -> tuple[Decimal | None, bool]:
    """(sum of the filled cells or None when none is filled, whether any present cell is blank).
    A leading "-" subtracts the cell. Cells the report's format does not have at all are skipped."""
    total, seen, blank = Decimal(0), False, False
    for spec in cell_ids:
        sign, cid = (-1, spec[1:]) if spec.startswith("-") else (1, spec)
        cell = data.cells.get(cid)
        if cell is None:
            continue
        if cell.value is None:
            blank = True
        else:
            total += sign * cell.value
            seen = True
    return (total if seen else None), blank


def rate_of(
    data: Any, num_cells: list[str], den_cells: list[str]
) -> tuple[str, float | None, Decimal, Decimal]:
    """("ok", rate, num, den), ("blank", None…) when any cell is blank, ("zero", None…) when the
    denominator is 0."""
    num, num_blank = cell_sum(data, num_cells)
    den, den_blank = cell_sum(data, den_cells)
    if num_blank or den_blank or num is None or den is None:
        return "blank", None, Decimal(0), Decimal(0)
    if den <= 0:
        return "zero", None, Decimal(0), Decimal(0)
    return "ok", float(num / den), num, den


def rate_band(rate: float) -> int:
    """Index into RATE_BANDS: exactly 0, under 10 %, under 25 %, under 50 %, 50 % and more."""
    if rate <= 0:
        return 0
    return 1 if rate < 0.10 else 2 if rate < 0.25 else 3 if rate < 0.50 else 4


def correction_cells(data: Any, groups: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Numerator and denominator cells: corrected ÷ (total − pending), "-" marking a subtraction."""
    return [f"t4.{g}.c_corrected" for g in groups], [f"t4.{g}.c_total" for g in groups] + [
        f"-t4.{g}.c_pending" for g in groups
    ]
