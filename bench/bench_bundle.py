"""Time saving/opening a bundle and each export on the seed 002 review (medians of N runs).

.venv/bin/python bench/bench_bundle.py [--runs 15] [--pdf]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gov_review.core.export.csv import corrections_csv  # noqa: E402
from gov_review.core.export.docx_writer import corrected_docx  # noqa: E402
from gov_review.core.export.memo import build_memo, memo_html  # noqa: E402
from gov_review.core.export.memo_docx import memo_docx  # noqa: E402
from gov_review.core.export.outputs import review_json, save_with_exports  # noqa: E402
from gov_review.core.export.xlsx import corrections_xlsx  # noqa: E402
from gov_review.core.review.bundle import open_bundle, save_bundle, source_of  # noqa: E402
from gov_review.core.review.pipeline import analyse_file  # noqa: E402
from gov_review.core.review.session import ReviewSession  # noqa: E402


def review(path: Path) -> ReviewSession:
    s = ReviewSession(analyse_file(path), "bench")
    s.set_value("t3.r_total.c_natural", "4", "合计")
    s.set_value("t3.r_total.c_total", "4", "合计")
    s.add_note("t3.r_new.c_total", "请核实")
    s.waive(next(f for f in s.findings if f.rule == "R08"), "可接受")
    source_of(s)
    return s


def cases_for(s: ReviewSession, target: Path, pdf: bool) -> list[tuple[str, Callable[[], object]]]:
    cases: list[tuple[str, Callable[[], object]]] = [
        ("save bundle (no exports)", lambda: save_bundle(s, target, exports=False)),
        ("save bundle (with exports)", lambda: save_with_exports(s, str(target))),
        ("open bundle", lambda: open_bundle(target)),
        ("docx clean", lambda: corrected_docx(s, "clean")),
        ("docx comments", lambda: corrected_docx(s, "comments")),
        ("docx tracked", lambda: corrected_docx(s, "tracked")),
        ("xlsx", lambda: corrections_xlsx(s)),
        ("csv", lambda: corrections_csv(s)),
        ("json", lambda: review_json(s)),
        ("memo docx", lambda: memo_docx(build_memo(s))),
        ("memo html", lambda: memo_html(build_memo(s))),
    ]
    if pdf:
        from gov_review.gui.memo_pdf import memo_pdf_bytes

        html = memo_html(build_memo(s))
        cases.append(("memo pdf (Qt)", lambda html=html: memo_pdf_bytes(html)))
    return cases


def median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm caches (templates, rule pack, imports)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--pdf", action="store_true", help="also time the memo PDF (loads Qt)")
    args = parser.parse_args()
    rows: list[tuple[str, str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for src in (ROOT / "tests/data/docx/seed_002.docx", ROOT / "resources/samples/seed_002.txt"):
            s = review(src)
            kind = src.suffix
            target = Path(tmp) / f"r{kind}.grb"
            for name, fn in cases_for(s, target, args.pdf):
                rows.append((kind, name, median_ms(fn, args.runs)))
    print(f"{'source':<7} {'operation':<28} {'median ms':>10}   (runs={args.runs})")
    print("-" * 50)
    for kind, name, ms in rows:
        print(f"{kind:<7} {name:<28} {ms:>10.1f}")


if __name__ == "__main__":
    main()
