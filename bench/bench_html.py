"""How long reading a report costs, against the cost of merely parsing it (issue 3's target: ≤ 2×).

    .venv/bin/python bench/bench_html.py [runs]

HTML: for each fixture (.html and Word's .htm), in the same process, each timed in turn within every
run (medians of ``runs`` ≥ 50): a bare ``lxml.html.fromstring`` of the bytes and of the decoded text,
the read alone (bytes → blocks: decode, parse, find the report's tables, lay their cells out),
reconstruct and check of the read document, and the full read → reconstruct → check. Targets
(issue 3): read ≤ 1.4× and full ≤ 2× lxml(text). lxml on the raw bytes of a GBK page under
``<meta charset=gb2312>`` stops at the first character outside GB2312 and looks fast, so the ratio
is given against the parse of the decoded text, the fair baseline. PDF: the read time per page of
the three real reports (median of a few runs).
Every step but the bare parses meets the page as new (``meet_as_new`` in bench/timing.py: the core's
memories of content emptied, the other pages read first); ``again`` re-reads the same page.
"""

from __future__ import annotations

import statistics
import sys
from functools import partial
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import interleaved_medians_ms, median_ms, meet_as_new  # noqa: E402  (CPU time unless BENCH_WALL=1)

from gov_review.core.check.checker import check  # noqa: E402
from gov_review.core.read import read_document  # noqa: E402
from gov_review.core.read.encoding import decode  # noqa: E402
from gov_review.core.reconstruct.build import reconstruct  # noqa: E402
from gov_review.core.review.pipeline import analyse_file  # noqa: E402

HTML = sorted(p for p in (ROOT / "tests" / "data" / "html").iterdir() if p.suffix in (".html", ".htm"))
PDF = sorted((ROOT / "tests" / "data" / "pdf").glob("h*.pdf"))


def _read_all(skip: Path) -> None:
    for other in HTML:
        if other != skip:
            analyse_file(other, other.read_bytes())


def main() -> None:
    runs = max(50, int(sys.argv[1]) if len(sys.argv) > 1 else 50)
    print(f"HTML (median of {runs} runs, CPU milliseconds, same process)")
    print(
        f"{'file':<26}{'KB':>5}{'lxml':>7}{'lxml(text)':>11}{'read':>7}{'reconstr':>9}{'check':>7}{'full':>7}"
        f"{'full/lxml':>10}{'read/lxml(text)':>16}{'full/lxml(text)':>16}"
    )
    ratios, again = [], []
    read_ratios = []
    for path in HTML:
        data = path.read_bytes()
        text = decode(data, path.name, declared="gb18030")[0]
        doc = read_document(path, data)
        rep = reconstruct(doc)
        # Timed in turn within each run, so a change of the machine's load hits every column alike.
        t = interleaved_medians_ms(
            {
                "bare": lambda data=data: lxml.html.fromstring(data),
                "bare_text": lambda text=text: lxml.html.fromstring(text),
                "read": lambda path=path, data=data: read_document(path, data),
                "rec": lambda doc=doc: reconstruct(doc),
                "chk": lambda doc=doc, rep=rep: check(doc, rep),
                "full": lambda path=path, data=data: analyse_file(path, data),
                "again": lambda path=path, data=data: analyse_file(path, data),
            },
            runs,
            # each step meets the page as new: memories of content emptied, the other pages read
            before=dict.fromkeys(("read", "rec", "chk", "full"), meet_as_new(partial(_read_all, path))),
        )
        bare, bare_text, read, rec, chk, full = (
            t[k] for k in ("bare", "bare_text", "read", "rec", "chk", "full")
        )
        ratios.append(full / bare_text)
        again.append(t["again"] / bare_text)
        read_ratios.append(read / bare_text)
        print(
            f"{path.name:<26}{len(data) // 1024:>5}{bare:>7.2f}{bare_text:>11.2f}{read:>7.2f}{rec:>9.2f}{chk:>7.2f}"
            f"{full:>7.2f}{full / bare:>9.1f}×{read / bare_text:>15.2f}×{full / bare_text:>15.2f}×"
        )
    print(
        f"median read/lxml(text): {statistics.median(read_ratios):.2f}× (target ≤ 1.4×), "
        f"full/lxml(text): {statistics.median(ratios):.2f}× (target ≤ 2×; each page met as new), "
        f"the same page again: {statistics.median(again):.2f}×"
    )
    pdf_runs = 3
    print(f"\nPDF (median of {pdf_runs} runs)")
    print(f"{'file':<28}{'pages':>6}{'read ms':>10}{'ms/page':>10}{'full ms':>10}")
    for path in PDF:
        data = path.read_bytes()
        pages = _page_count(data)
        read = median_ms(lambda path=path, data=data: read_document(path, data), pdf_runs)
        full = median_ms(lambda path=path, data=data: analyse_file(path, data), pdf_runs)
        print(f"{path.name:<28}{pages:>6}{read:>10.0f}{read / pages:>10.0f}{full:>10.0f}")


def _page_count(data: bytes) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


if __name__ == "__main__":
    main()
