"""The offline promise: checking, exporting and reviewing in the window never open a connection.

Every way Python code reaches the network (connect, connect_ex, create_connection, name lookup) is
replaced by a recorder that refuses; the test then does what a reviewer does and asserts that
nothing was attempted.
"""

from __future__ import annotations

import json
import socket

import pytest

from gov_review.cli.main import main
from tests.conftest import seed_path


class Blocked(OSError):
    """Raised instead of any network access, so code that tries cannot go on unnoticed."""


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[str] = []

    def refuse(what):
        def _refuse(*args, **_kwargs):
            attempts.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise Blocked(f"network access attempted: {what}")

        return _refuse

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    return attempts


def test_the_guard_records_and_refuses(no_network):
    """Without this the tests below could pass with a guard that catches nothing."""
    import urllib.request

    with pytest.raises(OSError):
        urllib.request.urlopen("http://example.com/", timeout=1)
    s = socket.socket()
    try:
        with pytest.raises(Blocked):
            s.connect(("192.0.2.1", 80))
    finally:
        s.close()
    assert len(no_network) == 2


def test_check_and_export_stay_offline(no_network, tmp_path, capsys):
    seeds = [str(seed_path(n)) for n in range(5)]
    assert main(["check", "--json", *seeds]) == 1
    reports = json.loads(capsys.readouterr().out)["reports"]
    assert len(reports) == 5 and all("error" not in r for r in reports)
    out = tmp_path / "out"
    assert main(["export", str(seed_path(2)), "--out", str(out)]) in (0, 1)
    assert any(p.suffix == ".docx" for p in out.iterdir())
    assert no_network == []


def test_the_window_stays_offline(no_network, tmp_path, qtbot, monkeypatch):
    from PySide6.QtCore import QSettings

    from gov_review.core.review.recovery import RecoveryStore
    from gov_review.gui.app import make_app
    from gov_review.gui.main_window import MainWindow
    from gov_review.gui.workers import SyncPool

    monkeypatch.setenv("GOV_REVIEW_LOG_DIR", str(tmp_path / "logs"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    make_app("zh")
    from gov_review.gui import settings

    settings.put(settings.REVIEWER, "测试审核人")  # signed already: the first save asks no one
    settings.put(settings.UNIT, "测试审核单位")
    settings.put(settings.IDENTITY_ASKED, True)
    window = MainWindow(pool=SyncPool(), recovery=RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(window)
    window.show()
    window.open_paths([str(seed_path(n)) for n in range(5)], remember=False)
    assert len(window.list_model.docs) == 5
    window.set_current(next(d for d in window.list_model.docs if d.name == "seed_002.txt"))
    assert window.set_cell("t3.r_total.c_total", "4")
    window.tabs.setCurrentIndex(3)  # the statistics tab loads pyqtgraph
    doc = window.current
    doc.bundle_path = str(tmp_path / "seed_002.grb")
    assert window.save_current()
    assert (tmp_path / "seed_002.grb").stat().st_size > 0
    assert window.close_document(doc)  # saved: closes without asking
    window.open_paths([str(tmp_path / "seed_002.grb")], remember=False)
    assert len(window.list_model.docs) == 5 and window.list_model.docs[-1].name == "seed_002.grb"
    assert no_network == []
