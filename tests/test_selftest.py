"""``gov-review --selftest`` in-process: what the build runs on the frozen app must hold from source."""

from __future__ import annotations

import pytest

from gov_review.cli import selftest


@pytest.fixture
def isolated(tmp_path, monkeypatch, qapp):
    from PySide6.QtCore import QSettings

    from gov_review.gui import i18n

    monkeypatch.setenv("GOV_REVIEW_LOG_DIR", str(tmp_path / "logs"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield
    i18n.install(qapp, "zh")


def test_selftest_passes_on_the_samples(isolated, capsys):
    from gov_review.cli.main import main

    assert main(["--selftest"]) == 0  # as the build runs it: `gov-review --selftest`
    out = capsys.readouterr().out
    assert "10 sample reports: ok" in out and "bundle reopened with the correction: ok" in out
    assert out.rstrip().endswith("selftest: passed")


def test_selftest_fails_with_a_reason_when_a_finding_is_missing(isolated, capsys, monkeypatch):
    """A build whose rule pack lost R01 must not pass: the self-test names what is missing."""
    wanted = dict(selftest.EXPECTED)
    wanted["seed_003.txt"] = [("R01", "error", selftest.NAT)]  # seed 003 balances: no R01 there
    monkeypatch.setattr(selftest, "EXPECTED", wanted)
    assert selftest.main() == 1
    assert "seed_003.txt: R01 error on t3.r_total.c_natural is missing" in capsys.readouterr().err
