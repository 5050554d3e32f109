"""A county's worth of reports at once: 1,000 .docx checked headless, and memory as the batch grows.

Generates reports from the seed .docx fixtures (``tests/data/docx/seed_*.docx``) with the numbers in
their table cells varied (each report's numbers scaled by a random factor, one report in ten with a
mistyped cell; seeded random), into a temp folder — generation is not timed. Then:

- checks 1,000 with ``check_many(jobs=2)`` (target ≤ 20 s on the 2-core dev machine) and with
  ``jobs=1`` in-process, and prints both and the ratio;
- runs 100, 1,000 and 5,000 reports each in a fresh process and prints the peak RSS of that process
  and of its largest worker (``VmHWM`` / ``RUSAGE_CHILDREN``), to show memory stays flat.

    .venv/bin/python bench/bench_batch.py [--sizes 100,1000,5000] [--timed 1000] [--runs 1]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEEDS = sorted((ROOT / "tests" / "data" / "docx").glob("seed_*.docx"))
NUMBER_TEXT = re.compile(rb"(<w:t(?: [^>]*)?>)(\d{1,6})(</w:t>)")


def _varier(rng: random.Random, factor: int, typo_at: int):
    seen = 0

    def vary(m: re.Match[bytes]) -> bytes:
        nonlocal seen
        n = int(m.group(2))
        if 1990 <= n <= 2100:  # a year in a run of its own
            return m.group(0)
        seen += 1
        new = rng.randint(0, 99) if seen == typo_at else n * factor
        return m.group(1) + str(new).encode() + m.group(3)

    return vary


def generate(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """``count`` .docx reports: the seeds in turn, their numbers scaled, a few mistyped."""
    rng = random.Random(seed)
    templates = []
    for path in SEEDS:
        with zipfile.ZipFile(path) as zf:
            members = [(info, zf.read(info.filename)) for info in zf.infolist()]
        templates.append((path.stem, members))
    out = []
    for i in range(count):
        stem, members = templates[i % len(templates)]
        # Every number times the same factor keeps each table's sums as they were (a clean seed stays
        # clean, a broken one stays broken); one report in ten gets one number mistyped on top.
        factor = rng.randint(1, 9)
        typo_at = rng.randint(0, 60) if rng.random() < 0.1 else -1
        vary = _varier(rng, factor, typo_at)
        target = folder / f"{i // 100:03d}" / f"{stem}_{i:05d}.docx"
        target.parent.mkdir(exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
            for info, data in members:
                if info.filename == "word/document.xml":
                    data = NUMBER_TEXT.sub(vary, data)
                zf.writestr(info, data)
        out.append(target)
    return out


def peak_rss_mb() -> tuple[float, float]:
    """Peak RSS of this process (VmHWM) and of the largest finished child, in MB."""
    own = 0.0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            own = int(line.split()[1]) / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def measure(folder: str, jobs: int) -> None:
    """Child mode: check every report in ``folder`` and print rows, seconds and peak RSS."""
    from gov_review.core.batch.run import check_many, collect_files

    files = collect_files([folder])
    t0 = time.perf_counter()
    rows = check_many(files, jobs=jobs)
    elapsed = time.perf_counter() - t0
    bad = sum(1 for r in rows if r.error)
    own, child = peak_rss_mb()
    print(f"{len(rows)} {elapsed:.2f} {own:.1f} {child:.1f} {bad}")


def run_child(folder: Path, jobs: int) -> tuple[int, float, float, float, int]:
    out = subprocess.run(
        [sys.executable, __file__, "--measure", str(folder), "--jobs", str(jobs)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return int(out[0]), float(out[1]), float(out[2]), float(out[3]), int(out[4])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100,1000,5000")
    ap.add_argument("--timed", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--measure")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    if args.measure:
        measure(args.measure, args.jobs)
        return

    sizes = [int(s) for s in args.sizes.split(",") if s]
    with tempfile.TemporaryDirectory(prefix="gov-review-bench-") as tmp:
        base = Path(tmp)
        t0 = time.perf_counter()
        folders = {}
        for n in sorted({args.timed, *sizes}):
            folders[n] = base / f"n{n}"
            folders[n].mkdir()
            generate(folders[n], n)
        print(f"generated {sum(folders)} reports in {time.perf_counter() - t0:.1f} s (not timed below)")

        n = args.timed
        two = [run_child(folders[n], 2) for _ in range(args.runs)]
        one = [run_child(folders[n], 1) for _ in range(args.runs)]
        t2 = statistics.median(r[1] for r in two)
        t1 = statistics.median(r[1] for r in one)
        print(f"{n} .docx, 2 workers : {t2:6.2f} s  ({t2 / n * 1000:.1f} ms a report; target ≤ 20 s)")
        print(f"{n} .docx, in-process: {t1:6.2f} s  ({t1 / n * 1000:.1f} ms a report)")
        print(f"speed-up 2 workers / 1 process: {t1 / t2:.2f}×; unreadable: {two[0][4]}")

        print("peak RSS as the batch grows (2 workers):")
        for size in sizes:
            rows, secs, own, child, bad = run_child(folders[size], 2)
            print(
                f"  {rows:5d} reports: main {own:6.1f} MB, largest worker {child:6.1f} MB, "
                f"{secs:6.1f} s, unreadable {bad}"
            )


if __name__ == "__main__":
    main()
