"""Checking many reports at once: folders, worker processes, a bad file among good ones, cancel."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from gov_review.core.batch.run import check_many, collect_files, iter_check
from gov_review.core.review.bundle import save_bundle
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import ReviewSession
from tests.conftest import DATA, seed_path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A reviewer's folder: reports in sub-folders, a damaged .docx, Word's lock file, our own output."""
    (tmp_path / "乡镇").mkdir()
    (tmp_path / "部门" / "深").mkdir(parents=True)
    for n in (0, 2, 3):
        shutil.copy(seed_path(n), tmp_path / "乡镇" / f"seed_{n:03d}.txt")
    shutil.copy(DATA / "docx" / "seed_004.docx", tmp_path / "部门" / "齐都镇.docx")
    shutil.copy(DATA / "text" / "report_2021_clean.txt", tmp_path / "部门" / "深" / "青山县.txt")
    good = (DATA / "docx" / "seed_001.docx").read_bytes()
    (tmp_path / "部门" / "坏文件.docx").write_bytes(good[: len(good) // 3])  # cut off mid-transfer
    (tmp_path / "部门" / "~$齐都镇.docx").write_bytes(b"\x00" * 162)  # Word's lock file
    (tmp_path / "乡镇" / ".~seed.txt").write_text("临时", encoding="utf-8")
    (tmp_path / "乡镇" / "安镇街道（审核意见）.docx").write_bytes(good)  # a memo we wrote earlier
    return tmp_path


def names(rows) -> list[str]:
    return [Path(r.path).name for r in rows]


def test_folders_are_searched_recursively_skipping_lock_temp_and_our_own_files(folder: Path):
    files = collect_files([folder])
    assert sorted(Path(f).name for f in files) == sorted(
        ["seed_000.txt", "seed_002.txt", "seed_003.txt", "齐都镇.docx", "青山县.txt", "坏文件.docx"]
    )


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_bad_file_gets_its_reason_and_the_others_are_checked(folder: Path, jobs: int):
    files = collect_files([folder])
    rows = check_many(files, jobs=jobs)
    assert names(rows) == [Path(f).name for f in files]  # input order
    bad = [r for r in rows if r.error is not None]
    assert names(bad) == ["坏文件.docx"]
    assert "坏文件.docx" in bad[0].error and "损坏" in bad[0].error
    for row in rows:
        if row.error is None:
            want = analyse_file(row.path)
            assert row.body == want.data.body.name and row.year == want.data.year
            assert row.counts == want.counts()
    seed2 = next(r for r in rows if r.name == "seed_002.txt")
    r03 = [f for f in analyse_file(seed2.path).findings if f.rule == "R03"]
    assert seed2.by_rule["R03"] == len(r03) and seed2.rule_severity["R03"] == "error"
    assert seed2.figures["new"] == 4  # 一、本年新收 · 总计


def test_two_workers_give_the_same_league_table_as_one(folder: Path):
    files = collect_files([folder])
    one = [r.to_dict() for r in check_many(files, jobs=1, with_digest=True)]
    two = [r.to_dict() for r in check_many(files, jobs=2, with_digest=True, chunk=1)]
    assert one == two


@pytest.mark.parametrize("jobs", [1, 2])
def test_cancel_halfway_returns_the_rows_done_so_far(folder: Path, jobs: int):
    files = collect_files([folder]) * 4  # 24 files
    cancel = threading.Event()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done == 5:
            cancel.set()

    rows = check_many(files, jobs=jobs, progress=progress, cancel=cancel, chunk=1)
    assert 5 <= len(rows) < len(files)
    assert [r.index for r in rows] == sorted(r.index for r in rows)
    assert names(rows[:5]) == [Path(f).name for f in files[:5]]
    assert all(r.error is not None or r.body for r in rows)  # every row handed back is complete
    assert seen[:5] == [1, 2, 3, 4, 5]


def test_rows_stream_in_input_order(folder: Path):
    files = collect_files([folder])
    assert [r.index for r in iter_check(files, jobs=2, chunk=1)] == list(range(len(files)))


def test_a_bundle_counts_with_its_edits_and_waivers(tmp_path: Path):
    src = tmp_path / "seed_002.txt"
    shutil.copy(seed_path(2), src)
    session = ReviewSession(analyse_file(src), reviewer="审核员")
    before = session.counts()["error"]
    for cell in ("t3.r_total.c_natural", "t3.r_total.c_total"):
        session.set_value(cell, "4", reason="（七）总计应等于（一）至（六）之和 4")
    warning = next(f for f in session.findings if f.severity == "warning")
    session.waive(warning, "已电话核实")
    (tmp_path / "审核").mkdir()
    save_bundle(session, tmp_path / "审核" / "安镇街道.grb", exports=False)
    src.unlink()

    (row,) = check_many(collect_files([tmp_path]))
    assert row.path.endswith("安镇街道.grb")
    assert row.counts["error"] == session.counts()["error"] < before
    assert row.waived == 1 and row.figures["handled"] == 4


def test_a_worker_that_dies_costs_only_its_own_file(tmp_path: Path, monkeypatch):
    """A hostile file that kills its worker process (a crash in a C library) gets a row saying so;
    every other file is still checked and the batch ends normally."""
    import multiprocessing
    import os

    from gov_review.core.batch import pool, run

    paths = []
    for n in range(4):
        target = tmp_path / f"seed_{n:03d}.txt"
        shutil.copy(seed_path(n), target)
        paths.append(str(target))
    killer = tmp_path / "kills_its_reader.txt"
    shutil.copy(seed_path(4), killer)
    paths.insert(2, str(killer))

    parent = os.getpid()
    real = run.check_one

    def check_one(index, path, options=None):
        if path == str(killer) and os.getpid() != parent:
            os._exit(70)  # the worker process dies as a segfault in a C library would kill it
        return real(index, path, options or run.RowOptions())

    # forked workers see the stand-in reader
    monkeypatch.setattr(run, "check_one", check_one)
    monkeypatch.setattr(pool, "mp_context", lambda: multiprocessing.get_context("fork"))
    rows = check_many(paths, jobs=2, chunk=1)
    assert names(rows) == [Path(p).name for p in paths]
    crashed = rows[2]
    assert crashed.error_code == "worker_crashed"
    assert "kills_its_reader.txt" in crashed.error
    assert all(r.error is None and r.format for i, r in enumerate(rows) if i != 2)
