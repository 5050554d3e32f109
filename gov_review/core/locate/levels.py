"""A reporting body's administrative level from its name, through the table in resources/levels.json
(name patterns → levels); a name the table does not settle has no level (None, shown as 未识别)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

_GOV_SUFFIX_RE = re.compile(r"(人民政府|政府)$")


@dataclass(frozen=True, slots=True)
class _Table:
    names_zh: dict[str, str]
    names_en: dict[str, str]
    patterns: tuple[tuple[re.Pattern[str], str], ...]
    parents: tuple[tuple[re.Pattern[str], str], ...]


@cache
def _table() -> _Table:
    ref = resources.files("gov_review.resources").joinpath("levels.json")
    raw = json.loads(ref.read_text(encoding="utf-8"))
    return _Table(
        names_zh={k: v["zh"] for k, v in raw["levels"].items()},
        names_en={k: v["en"] for k, v in raw["levels"].items()},
        patterns=tuple((re.compile(p["pattern"]), p["level"]) for p in raw["patterns"]),
        parents=tuple((re.compile(p["pattern"]), p["level"]) for p in raw["parents"]),
    )


def level_names(lang: str = "zh") -> dict[str, str]:
    """Each level's name in ``lang`` (zh/en)."""
    return _table().names_zh if lang == "zh" else _table().names_en


def level_name(level: str | None, lang: str = "zh") -> str:
    if level is None:
        return "未识别" if lang == "zh" else "not identified"
    return level_names(lang).get(level, level)


@lru_cache(maxsize=1024)
def level_of(name: str) -> str | None:
    """The level the name gives, or None when the table does not settle it."""
    n = name if name.endswith(("镇人民政府", "乡人民政府")) else _GOV_SUFFIX_RE.sub("", name)
    for regex, level in _table().patterns:
        if regex.search(n):
            return level
    return None


def parent_level(name: str) -> str | None:
    """For a department: the level of the government it belongs to, from the place words before its
    own name (淮安市洪泽区生态环境局 → district); None when no place word is there."""
    for regex, level in _table().parents:
        if regex.search(name):
            return level
    return None
