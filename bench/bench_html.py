"""How long reading a report costs, against the cost of merely parsing it.

    .venv/bin/python bench/bench_html.py [runs]

HTML: a full read + reconstruct + check of each HTML fixture against a bare ``lxml.html.fromstring``
of the same bytes (median of ``runs`` ≥ 50; target ratio ≤ 2×). PDF: the read time per page of the
three real reports (median of a few runs: pdfminer's layout analysis dominates).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gov_review.core.encoding import decode  # noqa: E402
from gov_review.core.pipeline import analyse_file  # noqa: E402
from gov_review.core.readers import read_document  # noqa: E402

HTML = sorted((ROOT / "tests" / "data" / "html").glob("*.html"))
PDF = sorted((ROOT / "tests" / "data" / "pdf").glob("h*.pdf"))


def median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm caches and imports
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    runs = max(50, int(sys.argv[1]) if len(sys.argv) > 1 else 50)
    print(f"HTML (median of {runs} runs)")
    # lxml on the raw bytes of a GBK page under <meta charset=gb2312> stops at the first character
    # outside GB2312, so it looks fast; "lxml(text)" parses the decoded text, the fair baseline.
    print(
        f"{'file':<28}{'KB':>6}{'lxml ms':>9}{'lxml(text)':>11}{'read ms':>9}{'full ms':>9}"
        f"{'full/lxml':>11}{'full/lxml(text)':>17}"
    )
    for path in HTML:
        data = path.read_bytes()
        text = decode(data, path.name, declared="gb18030")[0]
        bare = median_ms(lambda data=data: lxml.html.fromstring(data), runs)
        bare_text = median_ms(lambda text=text: lxml.html.fromstring(text), runs)
        read = median_ms(lambda path=path, data=data: read_document(path, data), runs)
        full = median_ms(lambda path=path, data=data: analyse_file(path, data), runs)
        print(
            f"{path.name:<28}{len(data) // 1024:>6}{bare:>9.2f}{bare_text:>11.2f}{read:>9.2f}{full:>9.2f}"
            f"{full / bare:>10.1f}×{full / bare_text:>16.1f}×"
        )
    pdf_runs = 3
    print(f"\nPDF (median of {pdf_runs} runs)")
    print(f"{'file':<28}{'pages':>6}{'read ms':>10}{'ms/page':>10}{'full ms':>10}")
    for path in PDF:
        data = path.read_bytes()
        pages = read_document(path, data).tables[-1].anchor.page or 1
        pages = max(pages, _page_count(data))
        read = median_ms(lambda path=path, data=data: read_document(path, data), pdf_runs)
        full = median_ms(lambda path=path, data=data: analyse_file(path, data), pdf_runs)
        print(f"{path.name:<28}{pages:>6}{read:>10.0f}{read / pages:>10.0f}{full:>10.0f}")


def _page_count(data: bytes) -> int:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


if __name__ == "__main__":
    main()
