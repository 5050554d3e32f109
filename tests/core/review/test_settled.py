"""A settled error: the reviewer's written decision on an error, counted apart from open errors,
saved in the bundle, shown by the CLI with ``"state": "settled"`` and its reason, undoable."""

from __future__ import annotations

import json
import zipfile

import pytest

from gov_review.cli.main import main as cli
from gov_review.core.review.bundle import open_bundle, save_bundle
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import SETTLE_TABLE, ReviewSession, WaiverNotAllowed, settle_reasons
from tests.conftest import seed_path


def _session() -> ReviewSession:
    return ReviewSession(analyse_file(seed_path(2)), "李审核")


def test_settling_an_error_counts_it_apart_and_undo_restores_it():
    s = _session()
    f = next(x for x in s.findings if x.code == "N01.mismatch")
    assert settle_reasons(f) == ["以表格为准（正文表述有误）", "以正文为准", "已与报送单位核实"]
    before = s.counts()
    rec = s.settle(f, SETTLE_TABLE)
    assert s.counts()["error"] == before["error"] - 1 and s.counts()["settled"] == 1
    assert f not in s.active_findings()
    s.unsettle(rec)
    assert s.counts() == before
    s.restore_settlement(rec)
    assert s.is_settled(f)
    with pytest.raises(WaiverNotAllowed):
        s.settle(f, "  ")
    warning = next(x for x in s.findings if x.severity == "warning")
    with pytest.raises(WaiverNotAllowed):
        s.settle(warning, "已与报送单位核实")
    r03 = next(x for x in s.findings if x.rule == "R03")
    assert settle_reasons(r03) == ["已与报送单位核实"]


def test_a_settled_error_survives_the_bundle_and_the_cli_shows_it(tmp_path, capsys):
    s = _session()
    errors = [x for x in s.findings if x.severity == "error"]
    for f in errors:
        s.settle(f, SETTLE_TABLE if f.rule == "N01" else "已与报送单位核实")
    path = tmp_path / "安镇街道.grb"
    save_bundle(s, path, exports=False)
    review = json.loads(zipfile.ZipFile(path).read("review.json"))
    n01 = next(x for x in review["findings"] if x["code"] == "N01.mismatch")
    assert n01["state"] == "settled" and n01["reason"] == SETTLE_TABLE
    assert {"rule", "severity", "cells", "message"} <= set(n01) and n01["severity"] == "error"
    reopened = open_bundle(path)
    assert reopened.counts()["settled"] == len(errors) and reopened.counts()["error"] == 0
    # the CLI: every error settled, so no open error (exit 0), each one marked with its reason
    assert cli(["check", "--json", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)["reports"][0]
    settled = [x for x in out["findings"] if x.get("state") == "settled"]
    assert len(settled) == len(errors) and all(x["reason"] for x in settled)
    assert out["counts"]["error"] == 0 and out["counts"]["settled"] == len(errors)
    assert cli(["check", str(path)]) == 0
    text = capsys.readouterr().out
    assert f"另有 {len(errors)} 个错误已核实" in text and "[错误·已核实] N01" in text


def test_a_forged_settlement_without_a_reason_is_refused(tmp_path):
    s = _session()
    s.settle(next(x for x in s.findings if x.code == "N01.mismatch"), SETTLE_TABLE)
    state = s.to_dict()
    state["settlements"][0]["reason"] = " "
    fresh = _session()
    with pytest.raises(ValueError, match="已核实的错误"):
        fresh.restore(state)
