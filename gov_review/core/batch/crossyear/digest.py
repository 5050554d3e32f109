"""What the cross-year rules read from one report, and last year's folder read as such digests.

A :class:`YearDigest` holds the few cell values X01–X06 read and a sampled fingerprint of the
report's prose: batch workers send it back instead of the whole document, and a folder of hundreds
of last year's reports is held as a few KB each.
"""

from __future__ import annotations

import os
import re
import unicodedata
import zlib
from array import array
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Union

from gov_review.core.formats.pack import Rule, load_pack
from gov_review.core.review.pipeline import Report

T3_COLS = ("c_natural", "c_biz", "c_research", "c_ngo", "c_legal", "c_org_other", "c_total")
X02_ROWS = ("t2.a5.r_license", "t2.a5.r_other_service", "t2.a6.r_penalty", "t2.a6.r_coercion", "t2.a8.r_fee")
A1_ROWS = ("t2.a1.r_reg", "t2.a1.r_norm")


def _rule(rule_id: str) -> Rule:
    return load_pack("crossyear")[rule_id]


def _read_cells() -> tuple[str, ...]:
    """Every cell id an X rule reads (the digest keeps only these)."""
    ids: list[str] = []
    for col in T3_COLS:
        ids += [f"t3.r_carry.{col}", f"t3.r_fwd.{col}"]
    for row in X02_ROWS:
        ids += [f"{row}.c_prev", f"{row}.c_delta"]
    for row in A1_ROWS:
        ids += [f"{row}.c_total_pub", f"{row}.c_new_pub", f"{row}.c_in_force", f"{row}.c_issued"]
        ids += [f"{row}.c_repealed"]
    ids += [c for c in _rule("X06").raw["cells"] if c not in ids]
    return tuple(ids)


@dataclass(slots=True)
class YearDigest:
    """What the X rules need from one report: a few cell values and a fingerprint of its prose.

    ``prose`` holds sampled character-shingle hashes (sorted, unique) — a few KB a report, so a
    batch of thousands can be paired without keeping the documents.
    """

    path: str
    year: int | None
    format: str | None
    body: str | None
    level: str | None = None
    values: dict[str, Decimal | None] = field(default_factory=dict)
    present: frozenset[str] = frozenset()  # cell ids that exist in the report (blank or not)
    prose: array = field(default_factory=lambda: array("I"))
    prose_chars: int = 0


Side = Union[Report, YearDigest]  # noqa: UP007 - a runtime alias, kept readable on 3.10


_PROSE_DROP = re.compile(r"[\W_]+", re.UNICODE)
_DIGITS = re.compile(r"\d+")


def prose_text(report: Report) -> str:
    """The report's body text outside its tables, as one string."""
    if report.source is None:
        return ""
    return "\n".join(p.text for p in report.source.paragraphs)


def prose_fingerprint(text: str) -> tuple[array, int]:
    """Sampled hashes of the character n-grams of ``text`` (numbers folded, spacing dropped).

    Numbers are folded to one digit so a paragraph copied with this year's figures typed in still
    counts as repeated. Keeping the hashes ≡ 0 mod k (the same k for every report) samples both
    reports alike, so the overlap of the samples estimates the overlap of the texts.
    """
    params = _rule("X05").raw["params"]
    n, mod = int(params["shingle"]), int(params["sample_mod"])
    flat = _DIGITS.sub("0", _PROSE_DROP.sub("", unicodedata.normalize("NFKC", text)))
    keep: set[int] = set()
    crc = zlib.crc32
    for i in range(len(flat) - n + 1):
        h = crc(flat[i : i + n].encode("utf-8"))
        if h % mod == 0:
            keep.add(h)
    return array("I", sorted(keep)), len(flat)


def digest(report: Side) -> YearDigest:
    """The digest of a report (a digest is returned as it is)."""
    if isinstance(report, YearDigest):
        return report
    data = report.data
    if data is None:
        return YearDigest(report.path, None, None, None)
    wanted = _read_cells()
    values = {cid: data.value(cid) for cid in wanted}
    present = frozenset(cid for cid in wanted if cid in data.cells and data.cells[cid].placement != "missing")
    prose, chars = prose_fingerprint(prose_text(report))
    return YearDigest(
        path=report.path,
        year=data.year,
        format=data.format,
        body=data.body.name,
        level=data.body.level,
        values=values,
        present=present,
        prose=prose,
        prose_chars=chars,
    )


# ------------------------------------------------------------------------------------------------
# Last year's folder


def load_previous(folder: str | os.PathLike[str], as_digest: bool = True) -> list[Side]:
    """Last year's reports and review bundles (.grb) in ``folder``, recursively.

    A bundle counts with the reviewer's edited values. Files that cannot be read are left out (the
    cross-year check of their partner then simply finds no pair). Digests by default: a folder of
    hundreds of reports is held as a few KB each.
    """
    from gov_review.core.batch.files import collect_files

    out: list[Side] = []
    for path in collect_files([folder]):
        report = open_any(path)
        if report.data is None:
            continue
        out.append(digest(report) if as_digest else report)
    return out


def open_any(path: str | os.PathLike[str]) -> Report:
    """A report file, or a bundle's report with the reviewer's edits applied (waived findings dropped)."""
    from gov_review.core.batch.files import open_report

    return open_report(path)[0]
