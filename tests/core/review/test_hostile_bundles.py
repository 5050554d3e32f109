"""Forged and malformed bundles (issue 18): refused with one sentence, never a traceback.

The inputs ``tests/data/hostile/NN_input.grb`` are the campaign's smallest cases (see
tests/data/README.md); the forgeries below are made from a real seed review by editing review.json
and recomputing every hash, as a forger would.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from gov_review.core.errors import BundleError
from gov_review.core.review.bundle import open_bundle, save_bundle
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import ReviewSession
from tests.core.helpers import review_002

ROOT = Path(__file__).resolve().parents[3]
HOSTILE = ROOT / "tests" / "data" / "hostile"
SEED_002 = ROOT / "resources" / "samples" / "seed_002.txt"


def _refused(path: Path, code: str) -> str:
    with pytest.raises(BundleError) as exc:
        open_bundle(path)
    assert exc.value.code == code, exc.value.message_zh
    msg = exc.value.message_zh
    assert msg.endswith("。") and msg.count("。") == 1, msg
    return msg


@pytest.mark.parametrize(
    ("case", "code", "why"),
    [
        ("09", "bundle_invalid", "修改列表的格式不对"),  # "edits": null
        ("15", "bundle_corrupt", "记录格式不对"),  # a member listed as a bare int
        ("17", "bundle_invalid", "批注列表的格式不对"),  # "notes": "…"
        ("31", "bundle_invalid", "“new_raw”类型不对"),  # an edit whose new value is an int
        ("32", "bundle_invalid", "缺少“key”"),  # a waiver without its key
        ("33", "bundle_invalid", "接受的警告列表的格式不对"),  # waivers as a dict
        ("34", "bundle_invalid", "问题列表格式不对"),  # findings as a string
        ("35", "bundle_corrupt", "成员列表格式不对"),  # members as a list
        ("36", "bundle_corrupt", "成员列表格式不对"),  # schema 0 with members as a list
    ],
)
def test_campaign_bundles_are_refused_with_a_sentence(case: str, code: str, why: str) -> None:
    assert why in _refused(HOSTILE / f"{case}_input.grb", code)


def _forge(src: Path, dst: Path, change) -> Path:
    """Rewrite review.json through ``change(review)`` and recompute the manifest's hashes."""
    with zipfile.ZipFile(src) as zin:
        members = {i.filename: zin.read(i) for i in zin.infolist()}
    review = json.loads(members["review.json"])
    change(review)
    members["review.json"] = json.dumps(review, ensure_ascii=False).encode()
    manifest = json.loads(members.pop("manifest.json"))
    for name, data in members.items():
        manifest["members"][name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        zout.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
        for name, data in members.items():
            zout.writestr(name, data)
    return dst


@pytest.fixture
def good(tmp_path: Path) -> Path:
    target = tmp_path / "good.grb"
    save_bundle(review_002(SEED_002), target, exports=False)
    return target


def test_an_honest_forgery_with_recomputed_hashes_still_opens(good: Path, tmp_path: Path) -> None:
    # The check is on sense, not on who edited: a plausible change opens (hashes are no signature).
    def change(review):
        review["edits"][0]["reason"] = "改过的理由"

    session = open_bundle(_forge(good, tmp_path / "f.grb", change))
    assert session.edits[0].reason == "改过的理由"
    assert session.cell("t3.r_total.c_total").value == 4


@pytest.mark.parametrize(
    ("cell", "raw", "why"),
    [
        ("t9.nope", "4", "不存在的单元格“t9.nope”"),
        ("../../etc/passwd", "4", "不存在的单元格“../../etc/passwd”"),
        ("t3.r_total.c_total", "-5", "不接受的值“-5”"),
        ("t3.r_total.c_total", "3.5", "不接受的值“3.5”"),
        ("t3.r_total.c_total", "abc", "不接受的值“abc”"),
    ],
)
def test_edits_the_editor_would_refuse_are_refused(good: Path, tmp_path: Path, cell, raw, why) -> None:
    def change(review):
        review["edits"][0]["cell"] = cell
        review["edits"][0]["new_raw"] = raw

    msg = _refused(_forge(good, tmp_path / "f.grb", change), "bundle_invalid")
    assert why in msg and "被人改动" in msg


def test_a_note_on_a_cell_that_does_not_exist_is_refused(good: Path, tmp_path: Path) -> None:
    def change(review):
        review["notes"][0]["cell"] = "t9.nope"

    assert "t9.nope" in _refused(_forge(good, tmp_path / "f.grb", change), "bundle_invalid")


def test_a_waiver_on_an_error_is_refused(good: Path, tmp_path: Path) -> None:
    session = ReviewSession(analyse_file(SEED_002))
    error = next(f for f in session.findings if f.severity == "error")

    def change(review):
        review["edits"] = []  # the （七）总计 errors stand again
        review["waivers"].append(
            {"key": error.key, "rule": error.rule, "cells": list(error.cells), "reason": "不改了",
             "reviewer": "李审核", "time": "2024-01-01T00:00:00+08:00", "message": ""}
        )  # fmt: skip

    msg = _refused(_forge(good, tmp_path / "f.grb", change), "bundle_invalid")
    assert "错误必须改正" in msg


@pytest.mark.parametrize("cells", [5, "t3", None, {"a": 1}])
def test_saved_findings_with_odd_cells_still_open(good: Path, tmp_path: Path, cells) -> None:
    # The findings at save time are only compared with today's (fuzz case grb#628: an int crashed it).
    def change(review):
        review["findings"][0]["cells"] = cells

    session = open_bundle(_forge(good, tmp_path / "f.grb", change))
    assert session.source is not None and session.source.findings_match is False


def test_a_waiver_without_a_reason_is_refused(good: Path, tmp_path: Path) -> None:
    def change(review):
        review["waivers"][0]["reason"] = "  "

    assert "理由" in _refused(_forge(good, tmp_path / "f.grb", change), "bundle_invalid")


@pytest.mark.parametrize(
    "change",
    [
        lambda r: r["edits"].append(["t3.r_total.c_total", "4"]),
        lambda r: r["edits"][0].update(evil=1),
        lambda r: r["edits"][0].pop("cell"),
        lambda r: r["edits"][0].pop("old_raw"),
        lambda r: r["notes"][0].pop("time"),
        lambda r: r["waivers"][0].pop("cells"),
        lambda r: r["waivers"][0].update(cells="t3"),
        lambda r: r["waivers"][0].update(cells=[1, 2]),
        lambda r: r.update(reviewer=["x"]),
        lambda r: r["findings"].append("R01"),
        lambda r: r.update(notes={"a": 1}),
    ],
    ids=[
        "edit_list",
        "edit_extra_key",
        "edit_no_cell",
        "edit_no_old_raw",
        "note_no_time",
        "waiver_no_cells",
        "waiver_cells_str",
        "waiver_cells_int",
        "reviewer_list",
        "finding_str",
        "notes_dict",
    ],
)
def test_malformed_review_structures_are_refused(good: Path, tmp_path: Path, change) -> None:
    _refused(_forge(good, tmp_path / "f.grb", change), "bundle_invalid")


def test_a_padded_report_saves_and_reopens(tmp_path: Path) -> None:
    # Campaign case 13: a seed followed by 1.5 MB of spaces deflates > 200:1 and was refused as a bomb.
    src = tmp_path / "padded.txt"
    src.write_bytes(gzip.decompress((HOSTILE / "13_minimal_trailing_padding.txt.gz").read_bytes()))
    session = ReviewSession(analyse_file(src), "李审核")
    target = tmp_path / "padded.grb"
    save_bundle(session, target)
    again = open_bundle(target)
    assert again.to_dict()["values"] == session.to_dict()["values"]


def test_a_real_bomb_is_refused_by_its_inflated_size(good: Path, tmp_path: Path) -> None:
    # 200 MB of zeros (about 200 KB deflated), listed honestly in the manifest: refused before inflating.
    bomb = tmp_path / "bomb.grb"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zout:
        manifest = json.loads(zin.read("manifest.json"))
        manifest["members"]["exports/zeros.bin"] = {"sha256": "0" * 64}
        zout.writestr("manifest.json", json.dumps(manifest))
        for info in zin.infolist()[1:]:
            zout.writestr(info.filename, zin.read(info))
        with zout.open("exports/zeros.bin", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(200):
                fh.write(chunk)
    assert bomb.stat().st_size < 1024 * 1024
    assert "压缩炸弹" in _refused(bomb, "bundle_hostile")
