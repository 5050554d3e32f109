"""Build the one-folder app: translations → PyInstaller → the frozen app's own self-test.

    python packaging/build.py [--skip-selftest] [--keep-build]

Installs PyInstaller (the ``package`` extra) into this Python when it is missing, compiles
``resources/i18n/*.ts`` to ``.qm``, builds ``dist/gov-review/`` from ``packaging/gov-review.spec``,
then runs ``dist/gov-review/gov-review-cli --selftest`` offscreen and fails when it fails.
Prints the build time and the folder size. On Windows, ``packaging/installer.iss`` (Inno Setup)
turns that folder into a per-user installer.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "gov-review.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
APP_DIR = DIST / "gov-review"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""


def run(cmd: list[str], **kwargs) -> None:
    print("+ " + " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, **kwargs)


def package_extra() -> list[str]:
    """The requirements of pyproject's ``package`` extra."""
    import tomllib

    with open(ROOT / "pyproject.toml", "rb") as fh:
        return list(tomllib.load(fh)["project"]["optional-dependencies"]["package"])


def ensure_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        # The extra's requirements only: reinstalling the project itself would disturb an editable
        # install others may be using.
        print("PyInstaller is missing: installing the 'package' extra", flush=True)
        run([sys.executable, "-m", "pip", "install", "-q", *package_extra()])


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def selftest(app_dir: Path) -> None:
    exe = app_dir / f"gov-review-cli{EXE_SUFFIX}"
    if not exe.exists():
        raise SystemExit(f"the build produced no {exe}")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # Run from a neutral folder: the frozen app must not lean on the source tree.
    result = subprocess.run([str(exe), "--selftest"], cwd=str(app_dir.parent), env=env, timeout=600)
    if result.returncode != 0:
        raise SystemExit(f"the frozen app's self-test failed (exit status {result.returncode})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build dist/gov-review and self-test it.")
    parser.add_argument("--skip-selftest", action="store_true", help="build only (not for release)")
    parser.add_argument("--keep-build", action="store_true", help="reuse PyInstaller's work folder")
    args = parser.parse_args(argv)

    started = time.monotonic()
    ensure_pyinstaller()
    run([sys.executable, str(ROOT / "packaging" / "build_translations.py")])
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={DIST}",
        f"--workpath={WORK}",
        str(SPEC),
    ]
    if not args.keep_build:
        cmd.insert(3, "--clean")
    # PyInstaller imports packages to find their submodules; some touch Qt, and a build machine has no display.
    run(cmd, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    built = time.monotonic() - started
    size = folder_size(APP_DIR)
    print(f"built {APP_DIR} in {built:.0f} s; {size / 1e6:.0f} MB", flush=True)
    if not args.skip_selftest:
        selftest(APP_DIR)
        print("frozen self-test passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
