"""A PDF report's full check against the bare PDFium text extraction of the same file (issue 16: ≤ 3×).

    .venv/bin/python bench/bench_pdf.py [runs]

For each of the three real reports of tests/data/pdf, timed in turn within every run (medians of
``runs``, CPU time unless BENCH_WALL=1; bench/timing.py): the bare extraction (pypdfium2: open the
bytes, every page's text page and its text), the tool's read (bytes → paragraphs and tables:
characters with boxes and sizes, rules, tables, paragraphs) and the full check (read → reconstruct
→ check). The read and the check meet the report as new (``meet_as_new``).

Before (the pdfplumber reader, measured in one process on this machine before it was replaced;
bare pypdfium2 / read / full, ms): hongze 2023 8.2 / 290 / 253, hongze 2024 8.3 / 237 / 260,
huaian 2024 22.4 / 522 / 425 — full = 19–31× bare.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pypdfium2

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from timing import interleaved_medians_ms, meet_as_new  # noqa: E402  (CPU time unless BENCH_WALL=1)

from gov_review.core.read import read_document  # noqa: E402
from gov_review.core.review.pipeline import analyse_file  # noqa: E402

PDF = sorted((ROOT / "tests" / "data" / "pdf").glob("h*.pdf"))


def bare(data: bytes) -> str:
    """What PDFium alone does for the text of every page."""
    pdf = pypdfium2.PdfDocument(data)
    out = []
    try:
        for page in pdf:
            textpage = page.get_textpage()
            out.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return "".join(out)


def main() -> None:
    runs = int(sys.argv[1]) if sys.argv[1:] else 15
    print(f"{'report':<28}{'bare':>8}{'read':>8}{'full':>8}{'full/bare':>11}   (ms, median of {runs})")
    for path in PDF:
        data = path.read_bytes()
        others = [p for p in PDF if p != path]

        def read_others(others: list[Path] = others) -> None:
            for other in others:
                read_document(other)

        times = interleaved_medians_ms(
            {
                "bare": lambda data=data: bare(data),
                "read": lambda path=path, data=data: read_document(path, data),
                "full": lambda path=path, data=data: analyse_file(path, data),
            },
            runs,
            before={"read": meet_as_new(read_others), "full": meet_as_new(read_others)},
        )
        ratio = times["full"] / times["bare"]
        print(
            f"{path.name:<28}{times['bare']:>8.1f}{times['read']:>8.1f}{times['full']:>8.1f}{ratio:>10.1f}×"
        )
    print("target: full ≤ 3× bare")


if __name__ == "__main__":
    main()
