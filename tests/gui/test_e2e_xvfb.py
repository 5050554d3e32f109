"""The real app under a real X server (Xvfb), driven by real key presses (xdotool): the crash
sequence of issue 12 — open a report, F8, Ctrl+W, Ctrl+O another (typed into Qt's own file dialog),
F8 — leaves the process alive with the new report in the title.

Skipped when Xvfb or xdotool is missing (.ci/run installs both).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import seed_path

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")), reason="Xvfb and xdotool are not installed"
)


@pytest.fixture
def xserver(tmp_path):
    """A private X display (Xvfb picks a free number and writes it to us)."""
    read, write = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as fh:
        number = fh.readline().strip()
    if not number:
        proc.kill()
        pytest.skip("Xvfb did not start")
    yield f":{number}"
    proc.terminate()
    proc.wait(10)


def _xdotool(display: str, *args: str) -> str:
    out = subprocess.run(
        ["xdotool", *args], capture_output=True, text=True, env=dict(os.environ, DISPLAY=display), timeout=30
    )
    return out.stdout.strip()


def _titles(display: str, pid: int) -> dict[str, str]:
    """Window id → title of the app's windows."""
    ids = _xdotool(display, "search", "--onlyvisible", "--pid", str(pid), "--name", ".").split()
    return {i: _xdotool(display, "getwindowname", i) for i in ids}


def _wait_for(display: str, pid: int, text: str, timeout: float = 60) -> str:
    """The id of the app's window whose title contains ``text``."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for wid, title in _titles(display, pid).items():
            if text in title:
                return wid
        time.sleep(0.3)
    raise AssertionError(f"no window titled …{text}… (titles: {_titles(display, pid)})")


def _press(display: str, wid: str, *keys: str) -> None:
    _xdotool(display, "windowfocus", "--sync", wid)
    for key in keys:
        _xdotool(display, "key", "--clearmodifiers", key)
        time.sleep(0.4)


def test_f8_close_open_another_f8_with_real_key_presses(xserver, tmp_path):
    first, second = seed_path(2), seed_path(0)
    env = dict(
        os.environ,
        DISPLAY=xserver,
        QT_QPA_PLATFORM="xcb",
        QT_QPA_PLATFORMTHEME="",  # Qt's own file dialog, whose name field takes typed text
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        GOV_REVIEW_LOG_DIR=str(tmp_path / "logs"),
    )
    app = subprocess.Popen(
        [sys.executable, "-X", "faulthandler", "-m", "gov_review", "gui", "--lang", "zh", str(first)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        main = _wait_for(xserver, app.pid, first.name)
        _press(xserver, main, "F8", "ctrl+w")
        _wait_for(xserver, app.pid, "政府信息公开")  # the title without a report
        assert all(first.name not in t for t in _titles(xserver, app.pid).values())
        _press(xserver, main, "ctrl+o")
        dialog = _wait_for(xserver, app.pid, "打开报告")
        _xdotool(xserver, "windowfocus", "--sync", dialog)
        _xdotool(xserver, "type", "--delay", "15", str(second))
        _press(xserver, dialog, "Return")
        main = _wait_for(xserver, app.pid, second.name)
        _press(xserver, main, "F8", "F8", "shift+F8")
        time.sleep(1.0)
        assert app.poll() is None, f"the app died (exit {app.returncode}):\n{app.stdout.read()}"
        assert any(second.name in t for t in _titles(xserver, app.pid).values())
    finally:
        if app.poll() is None:
            app.send_signal(signal.SIGTERM)
        try:
            app.wait(15)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait(5)
        if app.stdout is not None:
            app.stdout.close()
