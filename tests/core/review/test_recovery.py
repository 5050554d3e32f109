"""Autosave and recovery: after a crash the review comes back as it was at the last autosave, even
if the report has moved; a clean close leaves nothing behind."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.recovery import RecoveryStore, default_dir
from gov_review.core.review.session import ReviewSession

ROOT = Path(__file__).resolve().parents[3]
DOCX2 = ROOT / "tests" / "data" / "docx" / "seed_002.docx"


def _session(tmp_path: Path) -> tuple[ReviewSession, Path]:
    src = tmp_path / "in" / "seed_002.docx"
    src.parent.mkdir()
    shutil.copyfile(DOCX2, src)
    s = ReviewSession(analyse_file(src), "李审核")
    s.set_value("t3.r_total.c_total", "4", "合计应为 4")
    s.add_note("t3.r_new.c_total", "请核实")
    return s, src


def test_crash_then_recover(tmp_path: Path) -> None:
    session, src = _session(tmp_path)
    store = RecoveryStore(tmp_path / "rec")
    assert store.save(session) is not None
    assert store.save(session) is None  # nothing changed: the timer costs nothing
    session.set_value("t3.r_total.c_natural", "4", "合计应为 4")
    store.save(session)
    src.unlink()  # the report moved before the crash

    after = RecoveryStore(tmp_path / "rec")  # a new run of the program
    pending = after.pending()
    assert len(pending) == 1
    entry = pending[0]
    assert entry.source_name == "seed_002.docx" and entry.edits == 2 and entry.notes == 1
    assert entry.reviewer == "李审核" and not entry.damaged
    back = after.load(entry)
    assert back.to_dict()["values"] == session.to_dict()["values"]
    assert [n.text for n in back.notes] == ["请核实"]
    assert {f.key for f in back.findings} == {f.key for f in session.findings}
    # Autosaving the recovered session replaces its entry; a clean close removes it.
    back.add_note("t3.r_fwd.c_total", "再看")
    after.save(back)
    assert len(after.pending()) == 1
    after.discard(back)
    assert after.pending() == []
    assert list((tmp_path / "rec").iterdir()) == []


def test_damaged_recovery_file_is_listed_as_damaged(tmp_path: Path) -> None:
    folder = tmp_path / "rec"
    folder.mkdir()
    (folder / "abc.json").write_text("{not json")
    store = RecoveryStore(folder)
    [entry] = store.pending()
    assert entry.damaged
    store.discard(entry)
    assert store.pending() == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG paths are Linux only")
def test_default_dir_is_in_the_user_data_folder(monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", "/data/home")
    assert default_dir() == Path("/data/home/gov-review/recovery")
