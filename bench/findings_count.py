"""How many findings each report gets (errors / warnings / infos / total), on the real files, the
seeds and the repo's fixtures: the number of findings should grow with the problems, not the cells.

    python bench/findings_count.py [FILE…]        # default: shared/real, shared/seeds, tests/data

Prints one line per report and the totals; run it before and after a change to the checks.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from gov_review.core.review.pipeline import analyse_file

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = {".txt", ".docx", ".doc", ".html", ".htm", ".pdf"}


def default_files() -> list[Path]:
    dirs = [ROOT.parent.parent / "shared" / "real", ROOT.parent.parent / "shared" / "seeds"]
    dirs = [d for d in dirs if d.is_dir()] + [ROOT / "tests" / "data"]
    out: list[Path] = []
    for d in dirs:
        out += sorted(p for p in d.rglob("*") if p.suffix.lower() in SUFFIXES and "encrypted" not in p.name)
    return out


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or default_files()
    total: Counter[str] = Counter()
    print(f"{'report':60} {'err':>4} {'warn':>4} {'info':>4} {'all':>4}")
    for path in files:
        report = analyse_file(path)
        if not report.ok:
            print(f"{str(path)[-60:]:60} unreadable")
            continue
        c = Counter(f.severity for f in report.findings)
        n = len(report.findings)
        total.update(c)
        total["all"] += n
        total["reports"] += 1
        print(f"{str(path)[-60:]:60} {c['error']:4} {c['warning']:4} {c['info']:4} {n:4}")
    print(
        f"{'TOTAL (' + str(total['reports']) + ' reports)':60} {total['error']:4} {total['warning']:4} "
        f"{total['info']:4} {total['all']:4}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
