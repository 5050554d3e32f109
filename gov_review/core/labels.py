"""Matching label text to template ids: exact after normalising, then close variants, then fuzzy.

Every match returns a confidence so that reconstruction can say how sure it is of each cell.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher
from functools import lru_cache

from .normalize import norm, parse_value, strip_numbering


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
