"""Reading the header rows of tables 三 and 四: grouped headers (申请人情况 → 自然人 | 法人或其他组织 →
…) expanded top-down into leaf columns, and headers whose rows were run together into one stream.
"""

from __future__ import annotations

from gov_review.core.formats.labels import LabelIndex, text_info
from gov_review.core.model import RawCell


def expand_header(
    header_rows: list[list[str]], groups: dict[str, tuple[frozenset[str], int]]
) -> list[tuple[str, ...]]:
    """Top-down expansion of grouped headers into leaf paths, in left-to-right order."""
    seq: list[tuple[str, ...]] = []
    for items in header_rows:
        if not items:
            continue
        if not seq:
            seq = [(k,) for k in items]
            continue
        it = 0
        new: list[tuple[str, ...]] = []
        for path in seq:
            key = path[-1]
            group = groups.get(key)
            if group is None:
                new.append(path)
                continue
            members, capacity = group
            children: list[str] = []
            while it < len(items) and items[it] in members and len(children) < capacity:
                children.append(items[it])
                it += 1
            if children:
                new.extend((*path, c) for c in children)
            else:
                new.append(path)
        new.extend((k,) for k in items[it:])
        seq = new
    return [p for p in seq if p[-1] not in groups]


# The national headers read row by row into one stream (a layout that lost the header's rows: one
# cell per line, a flattened table, a header written one character per line).
T3_HEADER_STREAMS = (
    ["applicant", "c_natural", "legal", "c_total", "c_biz", "c_research", "c_ngo", "c_legal", "c_org_other"],
    ["applicant", "c_natural", "legal", "c_biz", "c_research", "c_ngo", "c_legal", "c_org_other", "c_total"],
    # line by line, as pdftotext -layout writes it: the groups above, every column on the line below
    ["applicant", "legal", "c_natural", "c_biz", "c_research", "c_ngo", "c_legal", "c_org_other", "c_total"],
)
_T4_LEAVES = ["c_upheld", "c_corrected", "c_other", "c_pending", "c_total"]
T4_HEADER_STREAMS = (
    ["review", "litigation", *_T4_LEAVES, "lit_direct", "lit_post", *_T4_LEAVES, *_T4_LEAVES],
    ["review", "litigation", *_T4_LEAVES, "lit_direct", *_T4_LEAVES, "lit_post", *_T4_LEAVES],
    # line by line, as pdftotext -layout writes it
    ["review", "litigation", "lit_direct", "lit_post", *_T4_LEAVES, *_T4_LEAVES, *_T4_LEAVES],
)


def rows_lost(header_rows: list[list[str]], groups: dict[str, tuple[frozenset[str], int]]) -> bool:
    """A header row holding a group and a member of it: the header's rows were run together, so the
    row-by-row expansion cannot be trusted (it would read the group's members as its siblings)."""
    for keys in header_rows:
        for i, k in enumerate(keys):
            if k not in groups:
                continue
            # One member beside its group is a header cell spanning the rows (seed 002's 总计 beside
            # 申请人情况); two, or a member of a member group, are rows run together.
            members = groups[k][0]
            later = keys[i + 1 :]
            deeper = {m for g in members if g in groups for m in groups[g][0]}
            if sum(1 for x in later if x in members) >= 2 or not deeper.isdisjoint(later):
                return True
    return False


def flat_keys(header_rows: list[list[str]]) -> list[str]:
    return [k for keys in header_rows for k in keys]


def header_keys(cells: list[RawCell], index: LabelIndex) -> list[str]:
    keys: list[str] = []
    for c in cells:
        if not text_info(c.text)[1]:
            continue
        key, _conf = index.match(c.text)
        if key is not None:
            keys.append(key)
    return keys
