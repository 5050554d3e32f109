"""The prose's compound claims and scope words, read from ``resources/rules/prose_claims.json``.

A compound claim quotes one figure for several rows of a table (``予以公开及部分公开13件``); the
narrative checks compare it with the sum of those rows. A figure whose sentence names another scope
(``全区各部门…``) is not the reporting body's own table and is not compared; one that says it
includes the carried-over applications (``含上年结转``) is compared with new + carried over.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Compound:
    id: str
    rule: str
    pattern: str  # with {FILL}, {NUM}, {UNIT} still to be filled in
    targets: tuple[str, ...]
    zh: str
    en: str
    example: str
    example_table: dict[str, int]


@cache
def _raw() -> dict[str, Any]:
    ref = resources.files("gov_review.resources").joinpath("rules/prose_claims.json")
    return json.loads(ref.read_text(encoding="utf-8"))


@cache
def compounds() -> tuple[Compound, ...]:
    return tuple(
        Compound(
            id=c["id"],
            rule=c["rule"],
            pattern=c["pattern"],
            targets=tuple(c["targets"]),
            zh=c["zh"],
            en=c["en"],
            example=c["example"],
            example_table=dict(c["example_table"]),
        )
        for c in _raw()["compound"]
    )


def fill(pattern: str, **parts: str) -> str:
    """The pattern with its {FILL}/{NUM}/{UNIT} placeholders replaced (plain replace: a regex's own
    braces, as in ``{0,14}``, are left alone)."""
    for key, value in parts.items():
        pattern = pattern.replace("{" + key + "}", value)
    return pattern


_SENTENCE_ENDS = "。；;！!？?\n"


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that holds ``text[start:end]``."""
    lo = max((text.rfind(ch, 0, start) for ch in _SENTENCE_ENDS), default=-1) + 1
    his = [i for i in (text.find(ch, end) for ch in _SENTENCE_ENDS) if i != -1]
    return text[lo : min(his) if his else len(text)]


def scope(sentence: str) -> str | None:
    """``"other"`` when the sentence speaks of a wider scope than the body's own table,
    ``"with_carry"`` when its figure includes the carried-over applications, else None."""
    words = _raw()["scope"]
    if any(w in sentence for w in words["with_carry"]):
        return "with_carry"
    if any(w in sentence for w in words["other_scope"]):
        return "other"
    return None
