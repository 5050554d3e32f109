"""Matching label text to template ids: exact after normalising, then close variants, then fuzzy.

Every match returns a confidence so that reconstruction can say how sure it is of each cell.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache

from gov_review.core.formats.templates import FORMATS, get_template
from gov_review.core.text.normalize import norm, parse_value, strip_numbering


@lru_cache(maxsize=16384)
def is_label(text: str) -> bool:
    """A cell that names a row or column (has CJK text and is not a value like 0万元 or 无)."""
    # Cached: every table row asks it of every cell, and the same few hundred texts recur.
    s = norm(text)
    if not s:
        return False
    if parse_value(text).status != "invalid":
        return False
    return any("\u4e00" <= ch <= "\u9fff" for ch in s)


class LabelIndex:
    """Normalised label variants → key, with fuzzy fallback."""

    def __init__(self, entries: Iterable[tuple[str, Iterable[str]]], min_ratio: float = 0.72) -> None:
        self.exact: dict[str, str] = {}
        self.variants: list[tuple[str, str]] = []  # (normalised variant, key)
        self.min_ratio = min_ratio
        for key, labels in entries:
            for label in labels:
                n = strip_numbering(norm(label))
                if not n:
                    continue
                self.exact.setdefault(n, key)
                self.variants.append((n, key))
        self._cache: dict[str | tuple[str, frozenset[str]], tuple[str | None, float]] = {}

    def match(self, text: str, allowed: frozenset[str] | None = None) -> tuple[str | None, float]:
        """Return (key, confidence) or (None, 0). ``allowed`` restricts the keys considered."""
        cache_key = text if allowed is None else (text, allowed)
        hit = self._cache.get(cache_key)
        if hit is not None:
            return hit
        result = self._match(text, allowed)
        self._cache[cache_key] = result
        return result

    def _match(self, text: str, allowed: frozenset[str] | None) -> tuple[str | None, float]:
        s = strip_numbering(norm(text))
        if not s:
            return None, 0.0
        key = self.exact.get(s)
        if key is not None and (allowed is None or key in allowed):
            return key, 1.0
        candidates = [(v, k) for v, k in self.variants if allowed is None or k in allowed]
        # A label written longer or shorter than the template's (部分公开 vs 部分公开（区分处理的…）).
        best: tuple[str | None, float] = (None, 0.0)
        for variant, k in candidates:
            if len(variant) >= 2 and len(s) >= 2 and (s.startswith(variant) or variant.startswith(s)):
                shorter, longer = sorted((len(s), len(variant)))
                conf = 0.85 + 0.1 * shorter / longer
                if conf > best[1]:
                    best = (k, conf)
        if best[0] is not None:
            return best
        for variant, k in candidates:
            ratio = _ratio(s, variant)
            if ratio > best[1]:
                best = (k, ratio)
        if best[1] >= self.min_ratio:
            return best[0], round(best[1] * 0.9, 3)
        return None, 0.0


@lru_cache(maxsize=16384)
def _ratio(a: str, b: str) -> float:
    if abs(len(a) - len(b)) > max(len(a), len(b)) // 2:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


@lru_cache(maxsize=16384)
def text_info(text: str) -> tuple[str, bool]:
    """(normalised text, names a row or column) of a cell's text.

    Every pass over a table asks both of the same few hundred texts: one cached look-up instead of two.
    """
    return norm(text), is_label(text)


# ------------------------------------------------------------------------------------------------
# Label indexes of tables 二/三/四, built once from both templates


@dataclass(frozen=True, slots=True)
class TemplateIndexes:
    t2_rows: LabelIndex  # key "a1.r_reg"
    t2_cols: LabelIndex  # key col id
    t2_default_cols: dict[str, dict[str, list[str]]]  # fmt -> sub -> [col ids]
    t3_rows: LabelIndex  # key row id
    t3_row_group_of: dict[str, str | None]
    t3_groups: LabelIndex  # key group id
    t3_header: LabelIndex
    t3_header_groups: dict[str, tuple[frozenset[str], int]]
    t4_header: LabelIndex
    t4_header_groups: dict[str, tuple[frozenset[str], int]]


@cache
def template_indexes() -> TemplateIndexes:
    t2_rows: list[tuple[str, list[str]]] = []
    t2_cols: list[tuple[str, list[str]]] = []
    defaults: dict[str, dict[str, list[str]]] = {}
    t3_rows: dict[str, list[str]] = {}
    group_of: dict[str, str | None] = {}
    t3_groups: dict[str, list[str]] = {}
    for fmt in FORMATS:
        raw = get_template(fmt).raw
        defaults[fmt] = {}
        for sub in raw["t2"]["subtables"]:
            defaults[fmt][sub["id"]] = [c["id"] for c in sub["columns"]]
            for row in sub["rows"]:
                t2_rows.append((f"{sub['id']}.{row['id']}", [row["label"], *row.get("variants", [])]))
            for col in sub["columns"]:
                t2_cols.append((col["id"], [col["label"], *col.get("variants", [])]))
        for row in raw["t3"]["rows"]:
            t3_rows.setdefault(row["id"], [row["label"], *row.get("variants", [])])
            group_of[row["id"]] = row.get("group")
        for g in raw["t3"]["row_groups"]:
            t3_groups.setdefault(g["id"], [g["label"]])
    raw = get_template("2021").raw
    t3h = [(c["id"], [c["label"], *c.get("variants", [])]) for c in raw["t3"]["columns"]]
    t3h += [(g["id"], [g["label"], *g.get("variants", [])]) for g in raw["t3"]["header_groups"]]
    t3hg = {g["id"]: (frozenset(g["members"]), g["capacity"]) for g in raw["t3"]["header_groups"]}
    t4h = [(c["id"], [c["label"], *c.get("variants", [])]) for c in raw["t4"]["columns"]]
    t4h += [(g["id"], [g["label"], *g.get("variants", [])]) for g in raw["t4"]["header_groups"]]
    t4hg = {g["id"]: (frozenset(g["members"]), g["capacity"]) for g in raw["t4"]["header_groups"]}
    return TemplateIndexes(
        t2_rows=LabelIndex(t2_rows),
        t2_cols=LabelIndex(t2_cols),
        t2_default_cols=defaults,
        t3_rows=LabelIndex(t3_rows.items()),
        t3_row_group_of=group_of,
        t3_groups=LabelIndex(t3_groups.items(), min_ratio=0.9),
        t3_header=LabelIndex(t3h, min_ratio=0.8),
        t3_header_groups=t3hg,
        t4_header=LabelIndex(t4h, min_ratio=0.8),
        t4_header_groups=t4hg,
    )
