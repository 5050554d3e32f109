"""The review bundle: Save As and reopen give back the exact review; a save interrupted by a crash,
a full disk or a read-only folder never damages the previous bundle; tampered and hostile bundles
are refused with one sentence; the original report is never written to."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from gov_review.core.errors import BundleError, SaveError
from gov_review.core.export.outputs import save_with_exports
from gov_review.core.review import bundle
from gov_review.core.review.bundle import open_bundle, read_bundle, save_bundle, source_of
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import ReviewSession
from tests.core.helpers import REASON, WAIVE, review_002

ROOT = Path(__file__).resolve().parents[3]
SEEDS = [ROOT / "resources" / "samples" / f"seed_{i:03d}.txt" for i in range(5)]
DOCX = [ROOT / "tests" / "data" / "docx" / f"seed_{i:03d}.docx" for i in range(5)]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def copy_source(src: Path, tmp_path: Path) -> Path:
    target = tmp_path / "in" / src.name
    target.parent.mkdir(exist_ok=True)
    shutil.copyfile(src, target)
    return target


def state_of(session: ReviewSession) -> dict:
    """What a reviewer would compare after reopening: values, edits, notes, waivers, findings."""
    d = session.to_dict()
    return {k: d[k] for k in ("reviewer", "original", "values", "edits", "notes", "waivers", "findings")}


# ------------------------------------------------------------------------------------------------
# Round trips


@pytest.mark.parametrize("src", SEEDS + DOCX, ids=lambda p: p.name)
def test_round_trip_restores_the_exact_review(src: Path, tmp_path: Path) -> None:
    path = copy_source(src, tmp_path)
    before = digest(path)
    session = ReviewSession(analyse_file(path), "李审核")
    if "002" in src.name:
        session = review_002(path)
    else:
        first = next(iter(session.data.cells))
        session.set_value(first, "7", "测试更正")
        session.add_note(first, "请核实")
    target = tmp_path / "review.grb"
    save_bundle(session, target, exports=False)
    reopened = open_bundle(target)
    assert state_of(reopened) == state_of(session)
    assert source_of(reopened).findings_match
    assert source_of(reopened).data == path.read_bytes()
    # Save As of the reopened review: the same review again, and the original's name kept.
    again = tmp_path / "copy.grb"
    save_bundle(reopened, again, exports=False)
    contents = read_bundle(again)
    assert contents.source_name == src.name
    assert state_of(open_bundle(again)) == state_of(session)
    assert digest(path) == before


def test_bundle_layout_and_manifest(tmp_path: Path) -> None:
    path = copy_source(DOCX[2], tmp_path)
    session = review_002(path)
    target = tmp_path / "r.grb"
    save_with_exports(session, str(target))
    with zipfile.ZipFile(target) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read("manifest.json"))
        assert zf.read("source/seed_002.docx") == path.read_bytes()
        review = json.loads(zf.read("review.json"))
    assert names[0] == "manifest.json"
    assert {"review.json", "source/seed_002.docx"} <= set(names)
    exports = [n for n in names if n.startswith("exports/")]
    assert any(n.endswith("（更正稿）.docx") for n in exports)
    assert any(n.endswith("（修改记录）.xlsx") for n in exports)
    assert any(n.endswith("（审核意见）.docx") for n in exports)
    assert manifest["schema"] == bundle.BUNDLE_SCHEMA
    assert manifest["reviewer"] == "李审核"
    assert manifest["tool_version"]
    assert manifest["created"] and manifest["modified"]
    assert set(manifest["members"]) == set(names) - {"manifest.json"}
    assert [e["cell"] for e in review["edits"]] == ["t3.r_total.c_natural", "t3.r_total.c_total"]
    assert review["waivers"][0]["reason"] == WAIVE


def test_created_time_survives_resave_and_the_source_may_move(tmp_path: Path) -> None:
    path = copy_source(DOCX[2], tmp_path)
    session = review_002(path)
    target = tmp_path / "r.grb"
    save_bundle(session, target, exports=False)
    created = read_bundle(target).manifest["created"]
    path.unlink()  # the reviewer moved the report away after opening it
    session.add_note("t3.r_fwd.c_total", "再看一下")
    save_bundle(session, target, exports=False)
    contents = read_bundle(target)
    assert contents.manifest["created"] == created
    assert len(open_bundle(target).notes) == 2


def test_source_gone_before_first_save_is_a_clear_error(tmp_path: Path) -> None:
    path = copy_source(SEEDS[0], tmp_path)
    session = ReviewSession(analyse_file(path), "x")
    path.unlink()
    with pytest.raises(SaveError) as exc:
        save_bundle(session, tmp_path / "r.grb", exports=False)
    assert exc.value.code == "source_missing"
    assert "seed_000.txt" in exc.value.message_zh


# ------------------------------------------------------------------------------------------------
# Atomic save


CHILD = r"""
import sys
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import ReviewSession
from gov_review.core.review.bundle import save_bundle
from gov_review.core.export.outputs import save_with_exports
src, target, n = sys.argv[1], sys.argv[2], sys.argv[3]
s = ReviewSession(analyse_file(src), "child")
s.set_value("t3.r_total.c_total", "4", "run " + n)
print("ready", flush=True)
# Odd runs save without exports: each save is then mostly write + fsync + rename, where a kill hurts.
save = save_with_exports if int(n) % 2 == 0 else save_bundle
while True:
    save(s, target)
"""


@pytest.mark.slow
def test_killed_during_save_leaves_the_previous_bundle_intact(tmp_path: Path) -> None:
    path = copy_source(DOCX[2], tmp_path)
    before = digest(path)
    target = tmp_path / "r.grb"
    save_bundle(review_002(path), target)
    rng = random.Random(5)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    reasons = set()
    for n in range(30):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), str(target), str(n)],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"ready"
        # Land the kill anywhere in a save (one takes roughly 50-300 ms here).
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.wait(timeout=rng.uniform(0.0, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        session = open_bundle(target)  # never half a bundle
        assert session.cell("t3.r_total.c_total").raw == "4"
        reasons.add(session.edits[-1].reason)
    assert digest(path) == before
    # The bundle is always one of the complete states: the first save or some child's.
    assert reasons <= {REASON} | {f"run {n}" for n in range(30)}


def test_disk_full_keeps_the_old_bundle_and_leaves_no_temp_file(tmp_path: Path, monkeypatch) -> None:
    path = copy_source(DOCX[2], tmp_path)
    session = review_002(path)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "r.grb"
    save_bundle(session, target, exports=False)
    old = target.read_bytes()
    session.add_note("t3.r_fwd.c_total", "新的备注")

    def full(fh, data):
        fh.write(data[:100])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bundle, "_write_bytes", full)
    with pytest.raises(SaveError) as exc:
        save_bundle(session, target, exports=False)
    assert exc.value.code == "save_disk_full"
    assert "磁盘空间不足" in exc.value.message_zh
    assert target.read_bytes() == old
    assert sorted(p.name for p in folder.iterdir()) == ["r.grb"]
    assert len(session.notes) == 2  # the review is still in memory
    monkeypatch.undo()
    save_bundle(session, target, exports=False)
    assert len(open_bundle(target).notes) == 2


def test_read_only_target_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    path = copy_source(SEEDS[2], tmp_path)
    session = review_002(path)
    folder = tmp_path / "ro"
    folder.mkdir()

    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(bundle.tempfile, "mkstemp", refuse)
    with pytest.raises(SaveError) as exc:
        save_bundle(session, folder / "r.grb", exports=False)
    assert exc.value.code == "save_read_only"
    assert str(folder) in exc.value.message_zh
    assert list(folder.iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_directory(tmp_path: Path) -> None:
    path = copy_source(SEEDS[2], tmp_path)
    session = review_002(path)
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(SaveError) as exc:
            save_bundle(session, folder / "r.grb", exports=False)
        assert exc.value.code == "save_read_only"
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


# ------------------------------------------------------------------------------------------------
# Refused bundles


def _good(tmp_path: Path) -> Path:
    path = copy_source(SEEDS[2], tmp_path)
    target = tmp_path / "good.grb"
    save_bundle(review_002(path), target, exports=False)
    return target


def _rewrite(src: Path, dst: Path, edit) -> Path:
    """Copy a bundle member by member through ``edit(name, data) -> [(ZipInfo|name, data)]``."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            for name, data in edit(info.filename, zin.read(info)):
                zout.writestr(name, data)
    return dst


def _open_refused(path: Path, code: str) -> BundleError:
    with pytest.raises(BundleError) as exc:
        open_bundle(path)
    assert exc.value.code == code, exc.value.message_zh
    assert exc.value.message_zh.endswith("。")
    assert exc.value.message_en
    return exc.value


def test_tampered_member_is_refused(tmp_path: Path) -> None:
    def edit(name, data):
        if name == "review.json":
            data = data.replace("李审核".encode(), "王某某".encode())
        return [(name, data)]

    err = _open_refused(_rewrite(_good(tmp_path), tmp_path / "t.grb", edit), "bundle_tampered")
    assert "review.json" in err.message_zh


def test_tampered_source_is_refused(tmp_path: Path) -> None:
    def edit(name, data):
        return [(name, data.replace(b"16", b"4") if name.startswith("source/") else data)]

    _open_refused(_rewrite(_good(tmp_path), tmp_path / "t.grb", edit), "bundle_tampered")


def test_unlisted_member_is_refused(tmp_path: Path) -> None:
    def edit(name, data):
        return [(name, data)] + ([("exports/evil.exe", b"MZ")] if name == "review.json" else [])

    _open_refused(_rewrite(_good(tmp_path), tmp_path / "t.grb", edit), "bundle_tampered")


@pytest.mark.parametrize(
    ("member", "why"),
    [
        ("../evil.txt", "跳出"),
        ("exports/../../evil.txt", "跳出"),
        ("/etc/evil", "绝对路径"),
        ("C:/evil", "绝对路径"),
    ],
)
def test_path_traversal_and_absolute_names_are_refused(tmp_path: Path, member: str, why: str) -> None:
    def edit(name, data):
        return [(name, data)] + ([(member, b"x")] if name == "review.json" else [])

    err = _open_refused(_rewrite(_good(tmp_path), tmp_path / "t.grb", edit), "bundle_hostile")
    assert why in err.message_zh


def test_symlink_member_is_refused(tmp_path: Path) -> None:
    def edit(name, data):
        if name != "review.json":
            return [(name, data)]
        link = zipfile.ZipInfo("exports/link")
        link.external_attr = 0o120777 << 16
        return [(name, data), (link, b"/etc/passwd")]

    err = _open_refused(_rewrite(_good(tmp_path), tmp_path / "t.grb", edit), "bundle_hostile")
    assert "符号链接" in err.message_zh


def test_duplicate_names_are_refused(tmp_path: Path) -> None:
    def edit(name, data):
        return [(name, data)] * (2 if name == "review.json" else 1)

    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate we write on purpose
        bad = _rewrite(_good(tmp_path), tmp_path / "t.grb", edit)
    err = _open_refused(bad, "bundle_hostile")
    assert "重复" in err.message_zh


def test_too_many_members_are_refused(tmp_path: Path) -> None:
    def edit(name, data):
        extra = [(f"exports/f{i}.txt", b"") for i in range(100)] if name == "review.json" else []
        return [(name, data), *extra]

    _open_refused(_rewrite(_good(tmp_path), tmp_path / "t.grb", edit), "bundle_hostile")


# A real compression bomb: tests/core/review/test_hostile_bundles.py (refused by its inflated size).


def test_lying_size_header_is_refused(tmp_path: Path) -> None:
    # A member whose header claims a small size but inflates to more is stopped at the claim.
    good = _good(tmp_path)
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as zf:
        info = zf.getinfo("review.json")
    # Shrink the declared size in the central directory entry (uncompressed size field).
    pos = bytes(data).find(b"review.json", bytes(data).find(b"PK\x01\x02"))
    entry = pos - 46
    assert data[entry : entry + 4] == b"PK\x01\x02"
    data[entry + 24 : entry + 28] = (info.file_size // 2).to_bytes(4, "little")
    bad = tmp_path / "liar.grb"
    bad.write_bytes(bytes(data))
    with pytest.raises(BundleError) as exc:
        open_bundle(bad)
    assert exc.value.code in ("bundle_hostile", "bundle_corrupt", "bundle_tampered")


def test_not_a_bundle_and_truncated(tmp_path: Path) -> None:
    docx_copy = tmp_path / "x.grb"
    shutil.copyfile(DOCX[0], docx_copy)
    _open_refused(docx_copy, "bundle_not_bundle")
    text = tmp_path / "t.grb"
    text.write_text("hello")
    _open_refused(text, "bundle_not_bundle")
    good = _good(tmp_path)
    cut = tmp_path / "cut.grb"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    _open_refused(cut, "bundle_corrupt")


def test_newer_schema_asks_for_an_upgrade(tmp_path: Path) -> None:
    def edit(name, data):
        if name == "manifest.json":
            m = json.loads(data)
            m["schema"] = bundle.BUNDLE_SCHEMA + 1
            data = json.dumps(m).encode()
        return [(name, data)]

    err = _open_refused(_rewrite(_good(tmp_path), tmp_path / "n.grb", edit), "bundle_newer")
    assert "升级" in err.message_zh
    assert str(bundle.BUNDLE_SCHEMA + 1) in err.message_zh


def test_schema_0_bundle_is_upgraded(tmp_path: Path) -> None:
    # The development format: members as bare hashes, a review without notes or waivers.
    good = _good(tmp_path)
    old = tmp_path / "old.grb"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(old, "w") as zout:
        review = json.loads(zin.read("review.json"))
        review.pop("notes")
        review.pop("waivers")
        review["schema"] = 0
        review_bytes = json.dumps(review, ensure_ascii=False).encode()
        source = next(n for n in zin.namelist() if n.startswith("source/"))
        manifest = {
            "format": "gov-review-bundle",
            "schema": 0,
            "members": {
                "review.json": hashlib.sha256(review_bytes).hexdigest(),
                source: hashlib.sha256(zin.read(source)).hexdigest(),
            },
        }
        zout.writestr("manifest.json", json.dumps(manifest))
        zout.writestr("review.json", review_bytes)
        zout.writestr(source, zin.read(source))
    session = open_bundle(old)
    assert session.cell("t3.r_total.c_total").raw == "4"
    assert session.notes == [] and session.waivers == {}


def test_in_memory_bytes_open_the_same(tmp_path: Path) -> None:
    good = _good(tmp_path)
    contents = read_bundle("whatever.grb", data=good.read_bytes())
    assert contents.source_name == "seed_002.txt"
    assert isinstance(io.BytesIO(contents.source).read(), bytes)


def test_a_bundle_opened_in_a_worker_process_saves_again(tmp_path: Path) -> None:
    """A folder of 12 or more files is read in worker processes and each session is pickled back to
    the window: a bundle's original (which is not on disk) and its path must travel with it."""
    import pickle

    from gov_review.core.review.opening import open_for_review

    src = copy_source(SEEDS[2], tmp_path)
    session = ReviewSession(analyse_file(src), "李审核")
    first = tmp_path / "报告.grb"
    save_bundle(session, first)
    src.unlink()  # the original is only inside the bundle now

    back = pickle.loads(pickle.dumps(open_for_review(str(first))))
    assert isinstance(back, ReviewSession)
    assert back.source.bundle_path == str(first)
    again = tmp_path / "again.grb"
    save_bundle(back, again)
    assert read_bundle(again).source == SEEDS[2].read_bytes()


def test_a_bundle_claiming_an_unknown_zip_version_is_refused_with_a_sentence(tmp_path: Path) -> None:
    from tests.core.read.test_docx_hostile import _claim_unknown_zip_version

    path = copy_source(DOCX[2], tmp_path)
    target = tmp_path / "r.grb"
    save_with_exports(review_002(path), str(target))
    target.write_bytes(_claim_unknown_zip_version(target.read_bytes()))
    with pytest.raises(BundleError) as info:
        read_bundle(str(target))
    assert info.value.code == "bundle_corrupt" and "无法打开" in info.value.message()
