"""Re-checks of one document (the window's path: the session re-checks after every edit).

A reviewer must never see a finding, message or fix suggestion that a fresh check of the same
report would not give: after an edit, after undoing it, with decimals in a money cell, and after
the rule pack itself was edited.
"""

from __future__ import annotations

import copy
import json
import random
from decimal import Decimal
from importlib import resources

import pytest

from gov_review.core.check.checker import check
from gov_review.core.formats import pack as pack_module
from gov_review.core.formats.templates import get_template
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import ReviewSession
from tests.conftest import DATA, SAMPLES, seed_path
from tests.core.helpers import on


def _seen(findings) -> list:
    """Everything a reviewer sees of the findings, the suggested value's digits included."""
    return [
        (
            f.to_dict(),
            f.params,
            None
            if f.suggestion is None
            else (
                f.suggestion["cell"],
                str(f.suggestion["value"]),
                f.suggestion["fixes"],
                f.suggestion["breaks"],
            ),
        )
        for f in findings
    ]


def _fresh(doc, data) -> list:
    return _seen(check(copy.deepcopy(doc), copy.deepcopy(data)))


def test_edits_and_undo_on_the_same_document_give_what_a_fresh_check_gives():
    session = ReviewSession(analyse_file(DATA / "docx" / "seed_002.docx"), "李审核")
    doc, data = session.report.source, session.report.data
    assert on(session.findings, "R03", "t3.r_total.c_total", "error")  # the seed's known mistake
    money = next(c for c, i in get_template(data.format).cells.items() if i.kind == "money")

    first = session.set_value("t3.r_total.c_natural", "4")
    assert _seen(session.findings) == _fresh(doc, data)
    session.set_value("t3.r_total.c_total", "4")
    assert not on(session.findings, "R03", "t3.r_total.c_total", "error")
    assert _seen(session.findings) == _fresh(doc, data)
    session.undo_edit(first)  # back to values checked before: remembered results come back
    assert on(session.findings, "R03", "t3.r_total.c_natural", "error")
    assert _seen(session.findings) == _fresh(doc, data)
    for text in ("12.50", "12.5", "0.05", "", "3"):  # money keeps its decimals; blank clears it
        session.set_value(money, text)
        assert data.cells[money].value == (Decimal(text) if text else None)
        assert _seen(session.findings) == _fresh(doc, data)
    session.set_value("t3.r_new.c_natural", "")  # a blank makes equations unassessable
    blank = next(f for f in session.findings if f.code == "R07.blank" and "t3.r_new.c_natural" in f.cells)
    # the notes that only follow from the blank are folded under it, not listed again
    assert any(n.code.endswith(".na") and "t3.r_new.c_natural" in n.cells for n in blank.folded)
    assert not any(f.code.endswith(".na") and "t3.r_new.c_natural" in f.cells for f in session.findings)
    assert _seen(session.findings) == _fresh(doc, data)


@pytest.mark.parametrize("path", [SAMPLES / "seed_001.txt", DATA / "docx" / "seed_002.docx", seed_path(4)])
def test_changed_values_rechecked_on_one_document_match_a_fresh_check(path):
    report = analyse_file(path)
    rng = random.Random(path.name)
    ids = [cid for cid, c in report.data.cells.items() if c.value is not None]
    variants = []
    for k in range(12):
        data = copy.deepcopy(report.data)
        for cid in rng.sample(ids, 1 + k % 3):
            cell = data.cells[cid]
            if k % 5 == 0:
                cell.raw = f"{cell.raw}件"  # a unit written into the cell: only the raw text changes
            else:
                cell.value = None if k % 4 == 3 else cell.value + rng.choice([-2, 1, 5])
        variants.append(data)
    check(report.source, report.data)
    for data in variants + variants[::-1]:  # the second pass meets remembered results
        remembered = _seen(check(report.source, data))
        assert remembered == _fresh(report.source, data)


@pytest.fixture
def edited_pack(tmp_path, monkeypatch):
    """A user's copy of the national rule pack, loaded in place of the shipped one."""
    shipped = resources.files("gov_review.resources").joinpath("rules/national.json")
    raw = json.loads(shipped.read_text(encoding="utf-8"))
    copy_path = tmp_path / "national.json"
    real_files = resources.files

    class Root:
        def __init__(self, real):
            self.real = real

        def joinpath(self, name):
            return copy_path if name == "rules/national.json" else self.real.joinpath(name)

    def write(pack: dict) -> None:
        copy_path.write_text(json.dumps(pack, ensure_ascii=False), encoding="utf-8")
        pack_module.load_pack.cache_clear()
        pack_module.equations.cache_clear()

    monkeypatch.setattr(pack_module.resources, "files", lambda pkg: Root(real_files(pkg)))
    yield raw, write
    monkeypatch.undo()
    pack_module.load_pack.cache_clear()
    pack_module.equations.cache_clear()


def test_an_edited_rule_pack_is_honoured_by_the_next_check(edited_pack):
    raw, write = edited_pack
    report = analyse_file(DATA / "docx" / "seed_002.docx")
    doc, data = report.source, report.data
    before = _seen(check(doc, data))  # remembered under the shipped pack
    assert on(report.findings, "R01", "t3.r_total.c_total", "error")

    pack = copy.deepcopy(raw)
    r01 = next(r for r in pack["rules"] if r["id"] == "R01")
    r01["formula"] = r01["formula"].replace("==", ">=")  # same cells, another comparison
    r01["message"]["zh"] = "用户改写：" + r01["message"]["zh"]
    x01 = copy.deepcopy(r01)
    x01.update(id="X01", severity="warning", formula="t3.r_new.{c} == t3.r_fwd.{c} + 1000")
    x01["message"] = {"zh": "新增规则：{equation}", "en": "added rule: {equation}"}
    x01["primary"] = "t3.r_new.{c}"
    pack["rules"].append(x01)
    write(pack)

    edited = check(doc, data)
    assert _seen(edited) == _fresh(doc, data)
    assert _seen(edited) != before
    assert on(edited, "X01", "t3.r_new.c_total", "warning")
    assert all(f.message.startswith("用户改写") for f in edited if f.code == "R01")
    # 一 + 二 = 4 against （七）0 + 四 0: ">=" holds where "==" failed, so the error is gone.
    assert not on(edited, "R01", "t3.r_total.c_total")

    write(raw)  # the user puts the shipped rules back
    assert _seen(check(doc, data)) == before
