"""Never a false error over a number placed by where it stands, and one finding per problem.

The drifted report (tests/data/text/aligned_drift_2020.txt) is seed 000 as ``pdftotext -layout``
writes it (tests/data/text/layouts/seed_000__aligned.txt) with one change a converter makes: in the
short row （七）总计 (a number under 自然人, blanks, a number under 总计) the last number stands 8
characters to the left, under 其他.
"""

from __future__ import annotations

import json

from gov_review.cli.main import main as cli
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import ReviewSession
from tests.conftest import DATA

ALIGNED = DATA / "text" / "layouts" / "seed_000__aligned.txt"
DRIFTED = DATA / "text" / "aligned_drift_2020.txt"
PIPE = DATA / "text" / "layouts" / "seed_000__pipe.txt"
EXPECTED = json.loads((DATA / "text" / "layouts" / "expected.json").read_text(encoding="utf-8"))


def test_the_drifted_report_differs_from_seed_000_in_one_row_only():
    before = ALIGNED.read_text(encoding="utf-8").split("\n")
    after = DRIFTED.read_text(encoding="utf-8").split("\n")
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1
    a, b = changed[0]
    assert a.startswith("（七）总计") and a.split() == b.split() and len(a) - len(b) == 8


def _errors(findings) -> list[str]:
    return sorted(f"{f.code}|{','.join(f.cells)}" for f in findings if f.severity == "error")


def _analysed(tmp_path, text: str):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return analyse_file(path)


def test_a_drifted_number_gives_no_error_but_one_note_on_its_row():
    report = analyse_file(DRIFTED)
    cells = report.data.cells
    # read as it stands, and marked as placed by position
    assert cells["t3.r_total.c_org_other"].value == 1 and cells["t3.r_total.c_total"].value is None
    assert {cells[f"t3.r_total.{c}"].placement for c in ("c_natural", "c_org_other", "c_total")} == {
        "position"
    }
    assert not [f for f in report.findings if f.severity == "error"], _errors(report.findings)
    notes = [f for f in report.findings if f.code == "R06.unconfirmed_row"]
    assert len(notes) == 1
    note = notes[0]
    assert note.severity == "info" and not note.assessable
    assert note.message.startswith(
        "表三“（七）总计”行的数字是按其在对齐文本中的位置对应到列的，该行的合计未能印证"
    )
    assert "读到：自然人 1、其他 1" in note.message and "总计 空白" in note.message
    assert "(read: Natural persons 1, Other organisations 1; Businesses," in note.message_en
    assert "t3.r_total.c_total" in note.cells
    # the checks it could not verify are under it, each saying why and what was read
    r01 = [n for n in note.folded if n.code == "R01.unconfirmed"]
    assert len(r01) == 1 and "一 0 + 二 0 ≠ （七）1 + 四 0" in r01[0].message
    assert "“表三 · （七）总计 · 其他”是按数字在对齐文本中的位置对应到列的" in r01[0].message
    assert {n.code for n in note.folded} >= {
        "R01.unconfirmed",
        "R03.unconfirmed",
        "R07.total_blank.unconfirmed",
    }


def test_the_row_its_own_sum_confirms_keeps_its_errors():
    """The same short row without the drift: 自然人 1 … 总计 1 adds up, so its errors stand."""
    report = analyse_file(ALIGNED)
    assert _errors(report.findings) == EXPECTED["seed_000__aligned.txt"]["errors"]
    assert not [f for f in report.findings if "unconfirmed" in f.code]


def test_once_the_reviewer_types_the_row_the_checks_report_what_they_find():
    report = analyse_file(DRIFTED)
    session = ReviewSession(report, "审核人")
    session.set_value("t3.r_total.c_org_other", "", "对照原文")
    session.set_value("t3.r_total.c_total", "1", "对照原文")
    assert not [f for f in session.findings if "unconfirmed" in f.code]
    assert _errors(session.findings) == EXPECTED["seed_000__aligned.txt"]["errors"]


def test_the_check_command_does_not_fail_the_drifted_report(capsys):
    status = cli(["check", "--json", str(DRIFTED)])
    out = json.loads(capsys.readouterr().out)["reports"][0]
    assert status == 0
    note = next(f for f in out["findings"] if f["rule"] == "R06" and "unconfirmed_row" in f.get("code", ""))
    assert note["severity"] == "info"


def test_a_blank_total_of_its_row_and_its_column_is_named_once(tmp_path):
    row = "| （七）总计 | 1 |  |  |  |  |  | 1 |"
    text = PIPE.read_text(encoding="utf-8").replace(row, row[: -len("1 |")] + " |")
    assert text != PIPE.read_text(encoding="utf-8")
    report = _analysed(tmp_path, text)
    named = [f for f in report.findings if "t3.r_total.c_total" in f.cells and f.code.startswith("R07.total")]
    assert len(named) == 1
    # said once, under the row's finding when the row has other blank totals
    inner = [x for x in named[0].folded if x.cells == ["t3.r_total.c_total"]] or [named[0]]
    assert len(inner) == 1 and inner[0].code == "R07.total_blank"
