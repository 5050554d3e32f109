"""Across years: the same body's reports of consecutive years, and rules X01–X06 between them.

A pair is (last year's report, this year's report). Findings are pinned on *this* year's cells (so
the report list, the grid and F8 work as for any other finding); the other report's path, year and
cells travel in ``Finding.params["other"]``. Blank cells are missing, never 0: a rule that needs
one says it cannot be assessed.

Either side may be a full :class:`~gov_review.core.review.pipeline.Report` or a :class:`YearDigest` — the
few values and the prose fingerprint the rules read — which is what batch workers send back instead
of the whole document. The digest and last year's folder live in :mod:`.crossyear_digest`, body
names and pairing in :mod:`.crossyear_pairs`; this module holds the rules and is where callers
import all of it from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from gov_review.core.batch.crossyear.digest import (
    A1_ROWS,
    T3_COLS,
    X02_ROWS,
    Side,
    YearDigest,
    _rule,
    digest,
    load_previous,
    open_any,
    prose_fingerprint,
    prose_text,
)
from gov_review.core.batch.crossyear.pairs import Pair, find_pairs, normalise_body, pair
from gov_review.core.formats.templates import FORMATS, cell_info, get_template
from gov_review.core.model import Finding
from gov_review.core.text.normalize import fmt_number

__all__ = [
    "A1_ROWS",
    "RULES",
    "T3_COLS",
    "X02_ROWS",
    "Pair",
    "Side",
    "YearDigest",
    "check_pair",
    "check_pairs",
    "digest",
    "find_pairs",
    "load_previous",
    "normalise_body",
    "open_any",
    "pair",
    "prose_fingerprint",
    "prose_overlap",
    "prose_text",
]


# ------------------------------------------------------------------------------------------------
# The rules


@dataclass(slots=True)
class _Ctx:
    prev: YearDigest
    cur: YearDigest
    findings: list[Finding] = field(default_factory=list)

    @property
    def years(self) -> dict[str, Any]:
        py = self.prev.year if self.prev.year is not None else "上"
        cy = self.cur.year if self.cur.year is not None else "本"
        return {"year": cy, "prev_year": py}

    def emit(
        self,
        rule_id: str,
        code: str,
        cells: Sequence[str],
        other_cells: Sequence[str],
        instance: tuple[str, str],
        equation: tuple[str, str] | None,
        extra: dict[str, Any] | None = None,
        assessable: bool = True,
        expected: str | None = None,
        found: str | None = None,
    ) -> None:
        rule = _rule(rule_id)
        msg_key = "na" if code.endswith(".na") else rule_id
        severity = rule.severity_for(code)
        fill = {**self.years, **(extra or {})}
        zh = rule.message(msg_key, "zh").format(
            title=rule.title_zh, instance=instance[0], equation=equation[0] if equation else "", **fill
        )
        en = rule.message(msg_key, "en").format(
            title=rule.title_en, instance=instance[1], equation=equation[1] if equation else "", **fill
        )
        self.findings.append(
            Finding(
                rule=rule_id,
                severity=severity,  # type: ignore[arg-type]
                cells=list(cells),
                message=zh,
                message_en=en,
                code=code,
                params={
                    "other": {"path": self.prev.path, "year": self.prev.year, "cells": list(other_cells)},
                    "this": {"path": self.cur.path, "year": self.cur.year},
                    "instance": instance[0],
                    **(extra or {}),
                },
                expected=expected,
                found=found,
                assessable=assessable,
                equation=equation[0] if equation else None,
            )
        )

    def not_assessable(
        self, rule_id: str, cells: Sequence[str], other_cells: Sequence[str], instance: tuple[str, str]
    ) -> None:
        blank_zh, blank_en = [], []
        for side, ids in ((self.cur, cells), (self.prev, other_cells)):
            for cid in ids:
                if side.values.get(cid) is None:
                    blank_zh.append(f"{_year_zh(side.year)}“{_label(cid)}”")
                    blank_en.append(f"{side.year or '?'} “{_label(cid, 'en')}”")
        self.emit(
            rule_id,
            f"{rule_id}.na",
            cells,
            other_cells,
            instance,
            None,
            extra={"blank": "、".join(blank_zh)},
            assessable=False,
        )
        f = self.findings[-1]
        f.message_en = f.message_en.replace("、".join(blank_zh), ", ".join(blank_en))
        f.params["blank"] = [*(c for c in cells), *(c for c in other_cells)]


def _year_zh(year: int | None) -> str:
    return f"{year}年" if year is not None else ""


def _label(cid: str, lang: str = "zh") -> str:
    info = cell_info(cid)
    if info is None:
        return cid
    return info.label_zh if lang == "zh" else info.label_en


def _term(year: int | None, name: str, value: Decimal | None, lang: str) -> str:
    y = (f"{year}年" if lang == "zh" else f"{year} ") if year is not None else ""
    return f"{y}{name} {fmt_number(value)}"


def _relation(left: str, right: str, lv: Decimal, rv: Decimal, lang: str) -> str:
    if lv == rv:
        return f"{left} = {right}"
    diff = fmt_number(abs(lv - rv))
    return f"{left} ≠ {right}，差 {diff}" if lang == "zh" else f"{left} ≠ {right}, difference {diff}"


def _in_both(ctx: _Ctx, cur_ids: Sequence[str], prev_ids: Sequence[str]) -> bool:
    """The rows exist in both reports (a row absent from the format is not a blank)."""
    cur_ok = not ctx.cur.present or all(c in ctx.cur.present for c in cur_ids)
    prev_ok = not ctx.prev.present or all(c in ctx.prev.present for c in prev_ids)
    return cur_ok and prev_ok


def _x01(ctx: _Ctx) -> None:
    for col in T3_COLS:
        cur_id, prev_id = f"t3.r_carry.{col}", f"t3.r_fwd.{col}"
        if not _in_both(ctx, [cur_id], [prev_id]):
            continue
        info = cell_info(cur_id)
        inst = (info.col_label, info.label_en.rsplit(" · ", 1)[-1]) if info else (col, col)
        cv, pv = ctx.cur.values.get(cur_id), ctx.prev.values.get(prev_id)
        if cv is None or pv is None:
            ctx.not_assessable("X01", [cur_id], [prev_id], inst)
            continue
        if cv == pv:
            continue
        eq = tuple(
            _relation(
                _term(ctx.cur.year, "二、上年结转" if lang == "zh" else "carried over", cv, lang),
                _term(ctx.prev.year, "四、结转下年度" if lang == "zh" else "carried forward", pv, lang),
                cv,
                pv,
                lang,
            )
            for lang in ("zh", "en")
        )
        code = "X01" if col == "c_total" else "X01.col"
        ctx.emit("X01", code, [cur_id], [prev_id], inst, eq, expected=fmt_number(pv), found=fmt_number(cv))


def _three_term(
    ctx: _Ctx,
    rule_id: str,
    row: str,
    target: str,
    prev_terms: Sequence[tuple[str, int]],
    cur_terms: Sequence[tuple[str, int]],
) -> None:
    """``target (Y) == Σ sign·prev_terms (Y−1) + Σ sign·cur_terms (Y)`` for one table-2 row."""
    cur_ids = [f"{row}.{target}", *(f"{row}.{c}" for c, _ in cur_terms)]
    prev_ids = [f"{row}.{c}" for c, _ in prev_terms]
    if not _in_both(ctx, cur_ids, prev_ids):
        return
    info = cell_info(cur_ids[0])
    inst = (info.row_label, info.label_en.split(" · ")[-2]) if info else (row, row)
    values = [ctx.cur.values.get(c) for c in cur_ids] + [ctx.prev.values.get(c) for c in prev_ids]
    if any(v is None for v in values):
        ctx.not_assessable(rule_id, cur_ids, prev_ids, inst)
        return
    target_v = values[0]
    rhs = Decimal(0)
    parts: dict[str, list[str]] = {"zh": [], "en": []}
    for side, terms in ((ctx.prev, prev_terms), (ctx.cur, cur_terms)):
        for col, sign in terms:
            v = side.values[f"{row}.{col}"]
            assert v is not None
            rhs += sign * v
            for lang in ("zh", "en"):
                ci = cell_info(f"{row}.{col}")
                name = (ci.col_short if lang == "zh" else ci.label_en.rsplit(" · ", 1)[-1]) if ci else col
                text = _term(side.year, name, v, lang)
                parts[lang].append(text if not parts[lang] else ("+ " if sign > 0 else "- ") + text)
    if target_v == rhs:
        return
    ci = cell_info(cur_ids[0])
    eq = tuple(
        _relation(
            _term(
                ctx.cur.year,
                (ci.col_short if lang == "zh" else ci.label_en.rsplit(" · ", 1)[-1]) if ci else target,
                target_v,
                lang,
            ),
            " ".join(parts[lang]),
            target_v,
            rhs,
            lang,
        )
        for lang in ("zh", "en")
    )
    ctx.emit(
        rule_id, rule_id, cur_ids, prev_ids, inst, eq, expected=fmt_number(rhs), found=fmt_number(target_v)
    )


def _x02(ctx: _Ctx) -> None:
    if ctx.cur.format != "2019" or ctx.prev.format != "2019":
        return
    for row in X02_ROWS:
        _three_term(ctx, "X02", row, "c_prev", [("c_prev", 1), ("c_delta", 1)], [])


def _x03(ctx: _Ctx) -> None:
    if ctx.cur.format != "2019" or ctx.prev.format != "2019":
        return
    for row in A1_ROWS:
        _three_term(ctx, "X03", row, "c_total_pub", [("c_total_pub", 1)], [("c_new_pub", 1)])


def _x04(ctx: _Ctx) -> None:
    if ctx.cur.format != "2021" or ctx.prev.format != "2021":
        return
    for row in A1_ROWS:
        _three_term(ctx, "X04", row, "c_in_force", [("c_in_force", 1)], [("c_issued", 1), ("c_repealed", -1)])


def prose_overlap(prev: YearDigest, cur: YearDigest) -> float | None:
    """Share of last year's (sampled) prose n-grams found again this year; None if too little prose."""
    min_shingles = int(_rule("X05").raw["params"]["min_shingles"])
    if len(prev.prose) < min_shingles or len(cur.prose) < min_shingles:
        return None
    common = len(set(prev.prose).intersection(cur.prose))
    return common / len(prev.prose)


def _x05(ctx: _Ctx) -> None:
    threshold = float(_rule("X05").raw["params"]["threshold"])
    share = prose_overlap(ctx.prev, ctx.cur)
    inst = ("正文", "prose")
    if share is None:
        ctx.emit("X05", "X05.na", [], [], inst, None, assessable=False)
        return
    if share <= threshold:
        return
    percent = round(share * 100)
    eq_zh = f"重复 {percent}% > {round(threshold * 100)}%"
    eq_en = f"repeated {percent}% > {round(threshold * 100)}%"
    ctx.emit("X05", "X05", [], [], inst, (eq_zh, eq_en), extra={"percent": percent, "share": round(share, 3)})


def _in_format(cid: str, fmt: str | None) -> bool:
    return fmt in FORMATS and cid in get_template(fmt).cells


def _x06(ctx: _Ctx) -> None:
    raw = _rule("X06").raw
    factor = Decimal(str(raw["params"]["factor"]))
    for cid in raw["cells"]:
        if not _in_both(ctx, [cid], [cid]):
            continue
        if (ctx.cur.present and cid not in ctx.cur.present) or (
            ctx.prev.present and cid not in ctx.prev.present
        ):
            continue
        if not _in_format(cid, ctx.cur.format) or not _in_format(cid, ctx.prev.format):
            continue  # 其他对外管理服务事项 and the 2021 fee exist in one format only
        info = cell_info(cid, ctx.cur.format)
        if info is None:
            continue
        inst = (info.row_label if info.table == "t2" else "本年新收申请", info.label_en)
        cv, pv = ctx.cur.values.get(cid), ctx.prev.values.get(cid)
        if cv is None or pv is None:
            ctx.not_assessable("X06", [cid], [cid], inst)
            continue
        # Small numbers swing wildly (1 → 4) without meaning anything; only flag sizeable ones.
        floor = Decimal(str(raw["params"]["min_money" if info.kind == "money" else "min_count"]))
        hi, lo = max(cv, pv), min(cv, pv)
        if hi < floor or hi <= factor * lo:
            continue
        ratio = "∞" if lo == 0 else fmt_number((hi / lo).quantize(Decimal("0.1")))
        eq = (
            f"{_term(ctx.cur.year, info.col_short, cv, 'zh')} / {_term(ctx.prev.year, info.col_short, pv, 'zh')}"
            f"，相差 {ratio} 倍",
            f"{_term(ctx.cur.year, 'this', cv, 'en')} / {_term(ctx.prev.year, 'last', pv, 'en')}, {ratio}×",
        )
        ctx.emit(
            "X06",
            "X06",
            [cid],
            [cid],
            inst,
            eq,
            extra={"prev": fmt_number(pv), "cur": fmt_number(cv), "factor": fmt_number(factor)},
        )


RULES: tuple[Callable[[_Ctx], None], ...] = (_x01, _x02, _x03, _x04, _x05, _x06)


def check_pair(prev: Side, cur: Side) -> list[Finding]:
    """Apply X01–X06 between last year's report ``prev`` and this year's ``cur``.

    Returns findings pinned on ``cur``'s cells, each naming ``prev``'s cells in ``params["other"]``.
    A report that could not be read gives no findings.
    """
    p, c = digest(prev), digest(cur)
    if p.format is None or c.format is None:
        return []
    ctx = _Ctx(p, c)
    for rule in RULES:
        rule(ctx)
    from gov_review.core.check.checker import sort_findings

    return sort_findings(ctx.findings, c.format)


def check_pairs(pairs: Iterable[Pair]) -> dict[str, list[Finding]]:
    """Cross-year findings of many pairs, by the current report's path."""
    out: dict[str, list[Finding]] = {}
    for p in pairs:
        out.setdefault(p.cur.path, []).extend(check_pair(p.prev, p.cur))
    return out
