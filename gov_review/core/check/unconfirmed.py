"""An error over a number placed by where it stands says "cannot verify" unless its row confirms it.

In space-aligned text (``pdftotext -layout``) a row with blank cells has its numbers put in the
columns they stand under (placement ``"position"``). A number that drifted by a few characters stands
under the neighbouring column, and the balance rules of both columns would then fail over a report
that is right. Such a cell is trusted only when its row's own sum confirms the row as read: a
``total == a + b + …`` rule of the same row (R02 in table 三, R04 in table 四) holds with the row's
blanks read as 0. An error that names a position-placed cell its row does not confirm (a balance
rule, a total "left blank" that is really a number drifted under the next column) is reported as a
"cannot verify" note (info) that names the cell, says why and keeps the problem as read; once the
reviewer has typed the value, the cell is no longer placed by position and the rule reports what it
finds.
"""

from __future__ import annotations

from decimal import Decimal

from gov_review.core.check.emit import emit
from gov_review.core.check.group import TABLE_ZH
from gov_review.core.formats.evaluator import compare, side_value
from gov_review.core.formats.pack import EquationInstance, equations
from gov_review.core.formats.templates import cell_info
from gov_review.core.model import Finding, ReportData
from gov_review.core.text.normalize import fmt_number

_NAMED = 3  # cells named in the note; more are counted


def unconfirmed(findings: list[Finding], data: ReportData) -> list[Finding]:
    """``findings`` with each error over an unconfirmed position-placed cell made a note; the notes of
    one row (a drifted number breaks several checks) are folded under one note about that row."""
    cells = data.cells
    placed = {c for c, cell in cells.items() if cell.placement == "position"}
    if not placed or data.format is None:
        return findings
    sums = _row_sums(data.format)
    out: list[Finding] = []
    by_row: dict[str, list[Finding]] = {}
    for f in findings:
        doubtful = []
        if f.severity == "error" and f.assessable:
            doubtful = [c for c in f.cells if c in placed and not _confirmed(sums.get(c, ()), data)]
        if not doubtful:
            out.append(f)
            continue
        note = _note(f, doubtful, data.format)
        row = _row(doubtful[0])
        if row not in by_row:
            out.append(note)  # the row's place in the list, taken by its row note if it has more
            by_row[row] = []
        by_row[row].append(note)
    hosts = {id(notes[0]): _row_note(row, notes, data) for row, notes in by_row.items() if len(notes) > 1}
    return [hosts.get(id(f), f) for f in out]


def _row(cell: str) -> str:
    return cell.rsplit(".", 1)[0]


def _row_note(row: str, notes: list[Finding], data: ReportData) -> Finding:
    """One note for a row whose position-placed numbers several checks could not verify."""
    fmt = data.format
    ids = [c for c in data.cells if _row(c) == row]
    infos = {c: cell_info(c, fmt) for c in ids}
    first = next(i for i in infos.values() if i is not None)
    values = {c: data.cells[c].value for c in ids}
    filled = [(i, fmt_number(values[c])) for c, i in infos.items() if i and values[c] is not None]
    blank = [i for c, i in infos.items() if i and values[c] is None]
    read = "、".join(f"{i.col_label} {v}" for i, v in filled)
    read_en = ", ".join(f"{i.col_en} {v}" for i, v in filled)
    if blank:
        read += ("，" if read else "") + "、".join(i.col_label for i in blank) + " 空白"
        read_en += ("; " if read_en else "") + ", ".join(i.col_en for i in blank) + " blank"
    host = emit(
        "R06",
        "unconfirmed_row",
        [c for c in ids if data.cells[c].placement == "position"],
        assessable=False,
        table=TABLE_ZH[row.split(".", 1)[0]],
        row=first.row_label,
        read=read,
        read_en=read_en,
        n=len(notes),
    )
    host.folded.extend(notes)
    return host


def _row_sums(fmt: str) -> dict[str, list[EquationInstance]]:
    """Each cell → the equalities that hold within its own row (a row total and its parts)."""
    out: dict[str, list[EquationInstance]] = {}
    for inst in equations(fmt):
        rows = {_row(c) for c in inst.formula.cells}
        if inst.formula.op == "==" and len(rows) == 1:
            for c in inst.formula.cells:
                out.setdefault(c, []).append(inst)
    return out


def _confirmed(sums: list[EquationInstance], data: ReportData) -> bool:
    """Whether one of a cell's row sums holds as read, blanks counted as 0."""
    for inst in sums:
        values = {c: data.cells[c].value if c in data.cells else None for c in inst.formula.cells}
        as_read = {c: Decimal(0) if v is None else v for c, v in values.items()}
        left, _ = side_value(inst.formula.left, as_read)
        right, _ = side_value(inst.formula.right, as_read)
        if compare(left, inst.formula.op, right):
            return True
    return False


def _note(f: Finding, doubtful: list[str], fmt: str) -> Finding:
    infos = [cell_info(c, fmt) for c in doubtful[:_NAMED]]
    zh = "、".join(f"“{i.label_zh}”" if i else c for i, c in zip(infos, doubtful, strict=False))
    en = ", ".join(f"“{i.label_en}”" if i else c for i, c in zip(infos, doubtful, strict=False))
    if len(doubtful) > _NAMED:
        zh += f"等 {len(doubtful)} 格"
        en += f" and {len(doubtful) - _NAMED} more"
    one = len(doubtful) == 1
    return Finding(
        rule=f.rule,
        severity="info",
        cells=f.cells,
        message=f"{zh}是按数字在对齐文本中的位置对应到列的，所在行的合计未能印证，"
        f"下面的问题无法核验，请对照原文核对：{f.message.rstrip('。')}。",
        message_en=f"{en} {'was' if one else 'were'} placed by where the number stands in aligned text and "
        f"the row's own sum does not confirm {'it' if one else 'them'}, so this cannot be verified; check "
        f"against the original: {f.message_en}",
        code=f"{f.code or f.rule}.unconfirmed",
        params={**f.params, "unconfirmed": doubtful},
        assessable=False,
        equation=f.equation,
        anchor=f.anchor,
    )
