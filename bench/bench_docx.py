"""How much the .docx path costs beyond parsing the XML at all (issue 3's target: ≤ 2×).

For each seed .docx and the real 2021 template, measured in the same process and in turn within each
run, medians of ``runs``:
(a) unzip + lxml-parse ``word/document.xml`` only; the read alone; reconstruct and check of the read
document; (b) the whole read → reconstruct → check through ``analyse_file``. Prints the ratio b/a
per file, the median ratio, and the share of (b) each step takes (where the time goes).

Every step but (a) meets the file as new, as a report in the middle of a folder does: before each
timed run the core's memories of report content are emptied and the *other* files are read
(untimed; ``meet_as_new`` in bench/timing.py), so a repeated file is not flattered by what the core
remembers of it. ``again`` is the whole path with the memories kept (the same file re-read).

    .venv/bin/python bench/bench_docx.py [runs]
"""

from __future__ import annotations

import statistics
import sys
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import interleaved_medians_ms, meet_as_new  # noqa: E402  (bench/timing.py: CPU time unless BENCH_WALL=1)

from gov_review.core.check.checker import check  # noqa: E402
from gov_review.core.read import read_document  # noqa: E402
from gov_review.core.reconstruct.build import reconstruct  # noqa: E402
from gov_review.core.review.pipeline import analyse_file  # noqa: E402

FILES = sorted((ROOT / "tests" / "data" / "docx").glob("seed_*.docx"))
TEMPLATE = ROOT.parent / "shared" / "real" / "template_2021.docx"


def parse_only(path: Path) -> None:
    with zipfile.ZipFile(path) as zf:
        etree.fromstring(zf.read("word/document.xml"))


def full(path: Path) -> None:
    report = analyse_file(path)
    assert report.error is None, report.error


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    files = FILES + ([TEMPLATE] if TEMPLATE.exists() else [])
    print(f".docx: medians over {runs} runs, CPU milliseconds (same process)")
    print(
        f"{'file':<22}{'KB':>5}{'(a) parse':>10}{'read':>8}{'reconstr':>9}{'check':>8}{'(b) full':>9}"
        f"{'read/a':>8}{'b/a':>7}{'again/a':>9}"
    )
    ratios, again_ratios = [], []
    shares = {"parse": [], "read": [], "reconstruct": [], "check": []}
    for path in files:
        doc = read_document(path)
        data = reconstruct(doc)
        others = [o for o in files if o != path]
        new = meet_as_new(lambda others=others: [full(o) for o in others])
        m = interleaved_medians_ms(
            {
                "a": lambda path=path: parse_only(path),
                "read": lambda path=path: read_document(path),
                "reconstruct": lambda doc=doc: reconstruct(doc),
                "check": lambda doc=doc, data=data: check(doc, data),
                "b": lambda path=path: full(path),
                "again": lambda path=path: full(path),
            },
            runs,
            before=dict.fromkeys(("read", "reconstruct", "check", "b"), new),
        )
        a, r, rec, chk, b = m["a"], m["read"], m["reconstruct"], m["check"], m["b"]
        again_ratios.append(m["again"] / a)
        ratios.append(b / a)
        parts = a + max(r - a, 0) + rec + chk
        shares["parse"].append(a / parts)
        shares["read"].append(max(r - a, 0) / parts)
        shares["reconstruct"].append(rec / parts)
        shares["check"].append(chk / parts)
        kb = path.stat().st_size // 1024
        print(
            f"{path.name:<22}{kb:>5}{a:>10.2f}{r:>8.2f}{rec:>9.2f}{chk:>8.2f}{b:>9.2f}{r / a:>8.2f}{b / a:>7.2f}"
            f"{m['again'] / a:>9.2f}"
        )
    print(
        f"median b/a: {statistics.median(ratios):.2f} (target ≤ 2; each file met as new, after the "
        f"others: see the docstring)"
    )
    print(f"median again/a: {statistics.median(again_ratios):.2f} (the same file read again: memories kept)")
    print(
        "where (b) goes, median share: "
        + ", ".join(f"{k} {statistics.median(v) * 100:.0f} %" for k, v in shares.items())
        + "  (read = the reader beyond unzip + parse)"
    )


if __name__ == "__main__":
    main()
