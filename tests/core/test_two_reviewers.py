"""Two reviewers, one bundle (issue 18): the second save does not silently replace the first one's
work; a file changed on disk is noticed; temp files of an interrupted save do not pile up.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from gov_review.core.errors import BundleConflict
from gov_review.core.review.bundle import open_bundle, save_bundle
from gov_review.core.review.ondisk import bundle_changed, source_changed, sweep_temp_files
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.recovery import RecoveryStore
from gov_review.core.review.session import ReviewSession

ROOT = Path(__file__).resolve().parents[2]
SEED_002 = ROOT / "resources" / "samples" / "seed_002.txt"


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    target = tmp_path / "shared.grb"
    save_bundle(ReviewSession(analyse_file(SEED_002), "甲"), target, exports=False)
    return target


def test_the_second_save_is_refused_and_the_first_reviewers_work_kept(shared: Path) -> None:
    a = open_bundle(shared, reviewer="甲")
    b = open_bundle(shared, reviewer="乙")  # opened before A saves
    a.set_value("t3.r_total.c_total", "4", "甲的修改")
    a.add_note("t3.r_new.c_total", "甲的批注")
    save_bundle(a, shared, exports=False)
    assert bundle_changed(b.source)
    b.set_value("t3.r_total.c_natural", "4", "乙的修改")
    with pytest.raises(BundleConflict) as exc:
        save_bundle(b, shared, exports=False)
    assert exc.value.code == "bundle_changed"
    assert exc.value.message_zh == (
        "审核包“shared.grb”在您打开之后已被他人（或另一个窗口）保存过，为免覆盖对方的修改，本次未保存；"
        "请“另存为”一个新文件，或重新打开对方保存的版本。"
    )
    kept = open_bundle(shared)
    assert [e.reason for e in kept.edits] == ["甲的修改"]
    assert [n.text for n in kept.notes] == ["甲的批注"]
    # B's way out: Save As elsewhere (nothing lost), or overwrite on purpose.
    other = shared.with_name("乙.grb")
    save_bundle(b, other, exports=False)
    assert [e.reason for e in open_bundle(other).edits] == ["乙的修改"]


def test_saving_twice_in_a_row_is_no_conflict(shared: Path) -> None:
    a = open_bundle(shared)
    a.set_value("t3.r_total.c_total", "4")
    save_bundle(a, shared, exports=False)
    a.set_value("t3.r_total.c_natural", "4")
    save_bundle(a, shared, exports=False)
    assert len(open_bundle(shared).edits) == 2


def test_overwrite_replaces_theirs_when_chosen(shared: Path) -> None:
    a, b = open_bundle(shared), open_bundle(shared)
    a.set_value("t3.r_total.c_total", "4")
    save_bundle(a, shared, exports=False)
    b.set_value("t3.r_total.c_natural", "4")
    save_bundle(b, shared, exports=False, overwrite=True)
    assert [e.cell for e in open_bundle(shared).edits] == ["t3.r_total.c_natural"]


def test_a_bundle_deleted_meanwhile_is_simply_written_again(shared: Path) -> None:
    a = open_bundle(shared)
    shared.unlink()
    save_bundle(a, shared, exports=False)
    assert shared.exists()


def test_a_recovered_session_still_knows_which_bundle_it_came_from(shared: Path, tmp_path: Path) -> None:
    b = open_bundle(shared)
    b.set_value("t3.r_total.c_natural", "4")
    store = RecoveryStore(tmp_path / "recovery")
    store.save(b)
    a = open_bundle(shared)
    a.set_value("t3.r_total.c_total", "4")
    save_bundle(a, shared, exports=False)  # A saves while B's window has crashed
    back = store.load(store.pending()[0])
    with pytest.raises(BundleConflict):
        save_bundle(back, shared, exports=False)


def test_a_source_rewritten_on_disk_is_noticed(tmp_path: Path) -> None:
    src = tmp_path / "report.txt"
    shutil.copyfile(SEED_002, src)
    session = ReviewSession(analyse_file(src))
    from gov_review.core.review.bundle import remember_source

    remember_source(session)
    assert not source_changed(session)
    src.write_text(src.read_text(encoding="utf-8").replace("16", "17"), encoding="utf-8")
    assert source_changed(session)
    src.unlink()
    assert not source_changed(session)  # gone is not "changed": the review keeps its own copy


def test_temp_files_of_an_interrupted_save_are_swept_on_the_next_save(shared: Path) -> None:
    old = shared.parent / ".shared.grb.abc123.tmp"
    old.write_bytes(b"x" * 1000)
    past = time.time() - 3600
    os.utime(old, (past, past))
    fresh = shared.parent / ".shared.grb.def456.tmp"  # another process saving right now
    fresh.write_bytes(b"y")
    unrelated = shared.parent / ".other.grb.zzz.tmp"
    unrelated.write_bytes(b"z")
    os.utime(unrelated, (past, past))
    session = open_bundle(shared)  # opening sweeps too
    assert not old.exists() and fresh.exists() and unrelated.exists()
    os.utime(fresh, (past, past))
    save_bundle(session, shared, exports=False)
    assert not fresh.exists() and unrelated.exists()
    assert sweep_temp_files(shared) == []
