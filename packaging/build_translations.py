"""Compile every ``resources/i18n/*.ts`` into the ``.qm`` beside it with ``pyside6-lrelease``.

The tool comes from the PySide6 wheel (the venv's ``bin``/``Scripts``), so no Qt SDK is needed.
Fails (exit 1) when a catalogue has unfinished or missing translations unless ``--allow-unfinished``:
a shipped Chinese interface with English holes is a defect, not a warning.

    python packaging/build_translations.py [--allow-unfinished]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"


def lrelease() -> str:
    """The pyside6-lrelease next to this Python (a venv), else on PATH."""
    folder = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        if (folder / name).exists():
            return str(folder / name)
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    raise SystemExit(
        "pyside6-lrelease not found: install PySide6-Essentials in this Python (pip install -e .)"
    )


def unfinished(ts: Path) -> list[str]:
    """Source strings of ``ts`` whose translation is missing, empty, unfinished or vanished."""
    bad = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name", "")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            kind = tr.get("type") if tr is not None else "missing"
            if kind in ("obsolete", "vanished"):
                continue
            if tr is None or kind == "unfinished" or not "".join(tr.itertext()).strip():
                bad.append(f"{name}: {msg.findtext('source', '')}")
    return bad


def build(allow_unfinished: bool = False) -> list[Path]:
    tool = lrelease()
    built = []
    sources = sorted(I18N.glob("*.ts"))
    if not sources:
        raise SystemExit(f"no .ts files in {I18N}")
    for ts in sources:
        holes = unfinished(ts)
        if holes and not allow_unfinished:
            listing = "\n  ".join(holes)
            raise SystemExit(f"{ts.name}: {len(holes)} strings not translated:\n  {listing}")
        qm = ts.with_suffix(".qm")
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        if not qm.is_file() or qm.stat().st_size == 0:
            raise SystemExit(f"pyside6-lrelease wrote no {qm.name}")
        print(f"{ts.relative_to(ROOT)} -> {qm.relative_to(ROOT)} ({qm.stat().st_size:,} bytes)")
        built.append(qm)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--allow-unfinished", action="store_true", help="build even with untranslated strings"
    )
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    build(args.allow_unfinished)
    return 0


if __name__ == "__main__":
    sys.exit(main())
