"""How much the .docx path costs beyond parsing the XML at all.

For each seed .docx: (a) unzip + lxml-parse word/document.xml only, (b) the whole
read → reconstruct → check via ``analyse_file``. Prints medians and the ratio b/a (target ≤ 2×).

    .venv/bin/python bench/bench_docx.py [runs]
"""

from __future__ import annotations

import statistics
import sys
import time
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gov_review.core.pipeline import analyse_file  # noqa: E402
from gov_review.core.readers import read_document  # noqa: E402

FILES = sorted((ROOT / "tests" / "data" / "docx").glob("seed_*.docx"))
TEMPLATE = ROOT.parent / "shared" / "real" / "template_2021.docx"


def parse_only(path: Path) -> None:
    with zipfile.ZipFile(path) as zf:
        etree.fromstring(zf.read("word/document.xml"))


def read_only(path: Path) -> None:
    read_document(path)


def full(path: Path) -> None:
    report = analyse_file(path)
    assert report.error is None, report.error


def median_ms(fn, path: Path, runs: int) -> float:
    fn(path)  # warm caches and lazy imports
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    files = FILES + ([TEMPLATE] if TEMPLATE.exists() else [])
    print(f"medians over {runs} runs, milliseconds")
    print(f"{'file':<22}{'KB':>6}{'(a) parse':>11}{'read':>9}{'(b) full':>10}{'read/a':>8}{'b/a':>7}")
    ratios = []
    for path in files:
        a = median_ms(parse_only, path, runs)
        r = median_ms(read_only, path, runs)
        b = median_ms(full, path, runs)
        ratios.append(b / a)
        kb = path.stat().st_size // 1024
        print(f"{path.name:<22}{kb:>6}{a:>11.2f}{r:>9.2f}{b:>10.2f}{r / a:>8.2f}{b / a:>7.2f}")
    print(f"median b/a: {statistics.median(ratios):.2f} (target ≤ 2)")


if __name__ == "__main__":
    main()
