"""Soak: the seeded monkey of tests/gui/monkey.py drives the real window for 20,000 steps (open,
close, switch, F8, edits, undo/redo, waivers, notes, saves, reopened bundles, language switches).

Each run of ``--steps`` (5,000 by default) goes to its own child process under faulthandler, so a
crash (exit 139) is counted and reported with its stack instead of ending the soak. A failed check
or an exception records the seed and step, and that child goes on with a fresh window.

Prints steps, failures, time and the peak RSS of the children. Run:
``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_soak.py [--total 20000] [--steps 5000]``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import faulthandler, json, os, sys, tempfile, time, traceback
from pathlib import Path
faulthandler.enable()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
seed, steps = int(sys.argv[1]), int(sys.argv[2])
tmp = Path(tempfile.mkdtemp(prefix="soak_"))
from PySide6.QtCore import QSettings
from gov_review.gui.app import make_app
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
app = make_app("zh")
from gov_review.core.review.recovery import RecoveryStore
from gov_review.gui.main_window import MainWindow
from gov_review.gui.workers import SyncPool
from tests.gui.monkey import Answers, Monkey, patch_dialogs

answers = Answers()
patch_dialogs(setattr, answers)
errors = []
sys.excepthook = lambda t, v, tb: errors.append("".join(traceback.format_exception(t, v, tb)))


def window():
    w = MainWindow(pool=SyncPool(), recovery=RecoveryStore(tmp / "recovery"))
    w.resize(1366, 768)
    w.show()
    return w


done, failures, start = 0, [], time.perf_counter()
w, monkey = window(), None
monkey = Monkey(w, seed, tmp, answers)
while done < steps:
    try:
        monkey.step()
        if errors:  # raised in a slot: Qt printed it and went on; the soak counts it
            raise RuntimeError(errors.pop())
    except Exception as exc:  # a failed check or an error: note it, go on with a fresh window
        failures.append(f"seed {seed} step {monkey.steps}: {exc}"[:3000])
        answers.warnings.clear()
        for d in w.list_model.docs:
            d.stack.setClean()
            d.unsaved_recovery = False
        w.close()
        w.deleteLater()
        w = window()
        monkey = Monkey(w, seed * 1000 + len(failures), tmp, answers)
    done += 1
for d in w.list_model.docs:
    d.stack.setClean()
    d.unsaved_recovery = False
w.close()
with open("/proc/self/status") as fh:
    peak = next(int(line.split()[1]) / 1024 for line in fh if line.startswith("VmHWM:"))
print(json.dumps({"steps": done, "failures": failures, "seconds": time.perf_counter() - start, "peak_mb": peak}))
"""


def run_child(seed: int, steps: int) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(seed), str(steps)], capture_output=True, text=True, cwd=ROOT, env=env
    )
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if out.returncode != 0 or not lines:
        return {
            "steps": 0,
            "failures": [f"seed {seed}: exit {out.returncode}\n{out.stderr[-3000:]}"],
            "seconds": 0.0,
            "peak_mb": 0.0,
        }
    return json.loads(lines[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=20_000)
    parser.add_argument("--steps", type=int, default=5_000, help="steps per child process")
    parser.add_argument("--seed", type=int, default=101, help="seed of the first child")
    args = parser.parse_args()
    start = time.perf_counter()
    steps, failures, peak = 0, [], 0.0
    seed = args.seed
    while steps < args.total:
        n = min(args.steps, args.total - steps)
        result = run_child(seed, n)
        steps += result["steps"] or n  # a crashed child counts its steps as tried
        failures += result["failures"]
        peak = max(peak, result["peak_mb"])
        print(f"seed {seed}: {result['steps']} steps, {len(result['failures'])} failures, "
              f"{result['seconds']:.0f} s, peak RSS {result['peak_mb']:.0f} MB", flush=True)
        seed += 1
    elapsed = time.perf_counter() - start
    for f in failures:
        print("FAILURE:", f)
    print(f"soak: {steps} steps, {len(failures)} failures, {elapsed:.0f} s, peak RSS {peak:.0f} MB")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
