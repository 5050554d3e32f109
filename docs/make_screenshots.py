"""Make the README's screenshots: the real app on a real X server (Xvfb) of a laptop's 1366×768 and
a desktop's 1920×1080, in Chinese and English, opened as on a first start (no saved layout) with
seed 002 and its first finding shown (F8). Writes docs/images/window_{zh,en}_{1366,1920}.png.

Run: ``.venv/bin/python docs/make_screenshots.py`` (needs Xvfb and fonts-wqy-microhei).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "resources" / "samples" / "seed_002.txt"
SIZES = {"1366": "1366x768x24", "1920": "1920x1080x24"}


def shoot(lang: str, size: str, out: Path) -> None:
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", SIZES[size], "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as fh:
        display = ":" + fh.readline().strip()
    try:
        with tempfile.TemporaryDirectory() as home:  # a first start: no saved window layout
            env = dict(
                os.environ,
                DISPLAY=display,
                QT_QPA_PLATFORM="xcb",
                HOME=home,
                XDG_CONFIG_HOME=f"{home}/config",
                XDG_DATA_HOME=f"{home}/data",
            )
            cmd = [sys.executable, "-m", "gov_review", "gui", "--lang", lang, "--screenshot", str(out), str(SEED)]
            subprocess.run(cmd, env=env, check=True, cwd=ROOT, timeout=120)
    finally:
        xvfb.terminate()
        xvfb.wait(10)


def main() -> int:
    images = ROOT / "docs" / "images"
    for lang in ("zh", "en"):
        for size in SIZES:
            out = images / f"window_{lang}_{size}.png"
            shoot(lang, size, out)
            print(out.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
