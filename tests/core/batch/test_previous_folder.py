"""Last year's folder as the cross-year panel reads it (no Qt): the digests of the reports it could
read, and each file it could not, with its reason in Chinese and English."""

from __future__ import annotations

import shutil
from pathlib import Path

from gov_review.core.batch.crossyear.previous import read_previous_folder
from tests.conftest import DATA


def test_last_years_folder_gives_digests_and_the_files_it_could_not_read(tmp_path: Path):
    shutil.copy(DATA / "docx" / "seed_004.docx", tmp_path / "齐都镇2021.docx")
    good = (DATA / "docx" / "seed_001.docx").read_bytes()
    (tmp_path / "坏文件.docx").write_bytes(good[: len(good) // 3])  # cut off mid-transfer
    found = read_previous_folder(str(tmp_path))
    assert [Path(d.path).name for d in found.digests] == ["齐都镇2021.docx"]
    assert [(Path(p).name, bool(zh), bool(en)) for p, zh, en in found.unread] == [("坏文件.docx", True, True)]
    assert (
        "坏文件.docx" in found.unread[0][1]
        or "损坏" in found.unread[0][1]
        or found.unread[0][1].endswith("。")
    )
