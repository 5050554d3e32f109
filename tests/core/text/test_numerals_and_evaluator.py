"""The small converters the rules stand on: Chinese numerals, values in cells, the formula evaluator."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gov_review.core.formats.evaluator import FormulaError, compile_formula, solve_for
from gov_review.core.text.normalize import norm, parse_value, strip_numbering
from gov_review.core.text.numerals import cn_to_int


@pytest.mark.parametrize(
    ("text", "value"),
    [("十六", 16), ("两", 2), ("一百零五", 105), ("二十", 20), ("十", 10), ("零", 0), ("三千零二", 3002),
     ("一万二千", 12000), ("１２", 12), ("1万2千", 12000), ("两百三十", 230), ("一千零一十", 1010), ("105", 105)],
)  # fmt: skip
def test_chinese_numerals(text, value):
    assert cn_to_int(text) == value


@pytest.mark.parametrize("text", ["统一", "", "件"])
def test_not_numerals(text):
    assert cn_to_int(text) is None


@pytest.mark.parametrize(
    ("raw", "value", "status", "unit"),
    [("0", 0, "ok", None), ("\u00a00", 0, "ok", None), ("0\u00a0", 0, "ok", None), ("", None, "blank", None),
     ("\u00a0", None, "blank", None), ("/", None, "blank", None), ("—", None, "blank", None), ("无", None, "blank", None),
     ("-", None, "blank", None), ("0万元", 0, "ok", "万元"), ("39173777.52元", Decimal("39173777.52"), "ok", "元"),
     ("－3", -3, "ok", None), ("１２", 12, "ok", None), ("1,234", 1234, "ok", None), ("abc", None, "invalid", None)],
)  # fmt: skip
def test_cell_values(raw, value, status, unit):
    p = parse_value(raw)
    assert (p.value, p.status, p.unit) == (None if value is None else Decimal(value), status, unit)


def test_label_normalisation():
    assert norm("本年增\\减") == norm("本年增／减") == "本年增/减"
    assert strip_numbering(norm("1．属于国家秘密")) == "属于国家秘密"
    assert strip_numbering(norm("三、（一）予以公开")) == "予以公开"
    assert norm("總計") == "总计"
    assert norm("[bookmark: _GoBack]二、主动公开政府信息情况") == "二、主动公开政府信息情况"


def test_formula_compiles_to_signed_terms_and_solves():
    f = compile_formula("a.x + a.y == b.z + (c.w - 2)")
    assert f.cells == ["a.x", "a.y", "b.z", "c.w"]
    values = {"a.x": Decimal(4), "a.y": Decimal(0), "c.w": Decimal(2)}
    assert solve_for(f, "b.z", values) == Decimal(4)


@pytest.mark.parametrize(
    "bad", ["__import__('os').system('x') == 1", "a.b", "a.b == ", "a.b == c.d extra", "a; b == c"]
)
def test_formula_rejects_anything_else(bad):
    with pytest.raises(FormulaError):
        compile_formula(bad)


def test_rule_pack_formulas_all_compile_for_both_formats():
    from gov_review.core.formats.pack import equations

    for fmt in ("2019", "2021"):
        insts = equations(fmt)
        ids = {i.rule.id for i in insts}
        assert {"R01", "R02", "R03", "R04"} <= ids
        assert ("R09" in ids) == (fmt == "2019") and ("R11" in ids) == (fmt == "2021")
        r02 = [i for i in insts if i.rule.id == "R02"]
        assert len(r02) == (23 if fmt == "2019" else 25)
