"""Which reports are the same body in consecutive years: body names matched across years, and pairs.

A pair is (last year's report, this year's report); either side may be a full report or a
:class:`~gov_review.core.batch.crossyear.digest.YearDigest`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from gov_review.core.batch.crossyear.digest import Side, YearDigest

_PUNCT_CATEGORIES = ("P", "S", "Z", "C")
_REGION_END = tuple("省市区县州旗盟")
# Suffix variants of one and the same body, longest first; applied to the end of the name.
_SUFFIXES = (
    ("人民政府办公室", "政府办公室"),
    ("人民政府办公厅", "政府办公厅"),
    ("政府办", "政府办公室"),
    ("街道办事处", "街道"),
    ("街道办", "街道"),
    ("人民政府", "政府"),
)
_GOV_SHORT = re.compile(r"(?<=[省市区县州旗盟镇乡])政府$")


def normalise_body(name: str | None) -> str:
    """A key under which the same body's name matches across years, and different bodies do not.

    ``某某县人民政府办公室`` / ``某某县政府办公室`` / ``某某县 政府办`` → ``某某县政府办公室``;
    ``某某镇人民政府`` / ``某某镇政府`` / ``某某镇`` → ``某某镇``; ``某某街道办事处`` → ``某某街道``.
    A government and its office stay apart (``某某县`` ≠ ``某某县政府办公室``).
    """
    if not name:
        return ""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith(_PUNCT_CATEGORIES))
    for _ in range(2):  # "…人民政府办公室" then nothing; "…街道办事处" then nothing
        for long, short in _SUFFIXES:
            if text.endswith(long):
                text = text[: -len(long)] + short
                break
    return _GOV_SHORT.sub("", text)


def _suffix_match(short: str, long: str) -> bool:
    """``其塔木街道`` vs ``长春市九台区其塔木街道``: the longer name only adds its region in front."""
    if len(short) < 3 or len(long) <= len(short) or not long.endswith(short):
        return False
    return long[: -len(short)].endswith(_REGION_END)


@dataclass(slots=True)
class Pair:
    """Last year's and this year's report of one body. ``method``: "auto" (by name) or "manual"."""

    prev: Side
    cur: Side
    method: Literal["auto", "manual"] = "auto"
    key: str = ""  # the normalised body name they matched on ("" for a manual pair)

    @property
    def paths(self) -> tuple[str, str]:
        return (self.prev.path, self.cur.path)


def _year(r: Side) -> int | None:
    return r.year if isinstance(r, YearDigest) else (r.data.year if r.data is not None else None)


def _body(r: Side) -> str | None:
    return r.body if isinstance(r, YearDigest) else (r.data.body.name if r.data is not None else None)


def find_pairs(reports: Iterable[Side], previous: Iterable[Side] = ()) -> list[Pair]:
    """Pairs of the same body in consecutive years, found by normalised name and the reports' years.

    ``previous`` adds reports that may only be last year's side (a folder of last year's reports);
    ``reports`` pair among themselves too. A name that only adds its region in front of another
    (``长春市九台区其塔木街道`` / ``其塔木街道``) matches when that is the only candidate. Reports without a
    year or a body name are never paired automatically — pair them by hand with :func:`pair`.
    """
    current = list(reports)
    pool = current + [r for r in previous if all(r is not c for c in current)]
    by_key: dict[str, dict[int, list[Side]]] = {}
    for r in pool:
        key, year = normalise_body(_body(r)), _year(r)
        if key and year is not None:
            by_key.setdefault(key, {}).setdefault(year, []).append(r)
    keys = sorted(by_key)
    out: list[Pair] = []
    for r in current:
        key, year = normalise_body(_body(r)), _year(r)
        if not key or year is None:
            continue
        cands = sorted(by_key.get(key, {}).get(year - 1, []), key=lambda s: s.path)
        matched = key
        if not cands:
            loose = [k for k in keys if k != key and (_suffix_match(k, key) or _suffix_match(key, k))]
            loose = [k for k in loose if by_key[k].get(year - 1)]
            if len(loose) == 1:
                matched = loose[0]
                cands = sorted(by_key[matched][year - 1], key=lambda s: s.path)
        if cands:
            out.append(Pair(prev=cands[0], cur=r, method="auto", key=matched))
    return out


def pair(prev: Side, cur: Side) -> Pair:
    """A pairing made by hand (the names differ, or a year is missing): checked like any other."""
    return Pair(prev=prev, cur=cur, method="manual", key="")
