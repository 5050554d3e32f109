"""Golden record of what the PDF reader gives, to compare a new reader against the old one.

    python tests/data/pdf/golden.py write     # record golden/*.json from today's reader
    python tests/data/pdf/golden.py compare   # compare today's reader with golden/*.json

For every PDF of this folder (and the small synthetic ones the tests build) the record holds the
blocks (paragraph text, table cells with spans), every anchor (page and box), the reconstructed
cells (raw text, value, anchor) and the findings. ``compare`` demands the same texts, values,
spans and findings, and boxes within ``BOX_TOL`` points; it prints every difference.

The records in golden/ were written with the pdfplumber reader (the last commit that had it) and
are kept as the reference the PDFium reader is held to: tests/core/read/test_pdf_golden.py compares the
reader's part (blocks, anchors, refusals); the cells and findings also follow the reconstruction and
the checks as they change, so ``compare`` shows them but the test leaves them out.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
BOX_TOL = 2.0
sys.path.insert(0, str(HERE))


def inputs() -> dict[str, bytes]:
    from make_fixtures import TEXT, minimal_pdf, pdf_with_pages

    out = {p.name: p.read_bytes() for p in sorted(HERE.glob("*.pdf"))}
    out["synthetic_text.pdf"] = minimal_pdf(TEXT)
    out["synthetic_scan.pdf"] = minimal_pdf(
        b"0 0 0 RG 72 72 400 600 re S 0.5 g 100 100 50 50 re f", with_font=False
    )
    out["synthetic_two_pages.pdf"] = pdf_with_pages(
        [TEXT, b"BT /F1 12 Tf 72 700 Td (Second page line) Tj ET"], flate=True
    )
    return out


def _anchor(anchor: Any) -> Any:
    if anchor is None:
        return None
    return {"page": anchor.page, "bbox": list(anchor.bbox) if anchor.bbox else None}


def record(name: str, data: bytes) -> dict[str, Any]:
    from gov_review.core.errors import ReadError
    from gov_review.core.model import Paragraph
    from gov_review.core.read import read_document
    from gov_review.core.review.pipeline import analyse_file

    try:
        doc = read_document(name, data)
    except ReadError as exc:
        return {"error": exc.code}
    blocks: list[Any] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            blocks.append({"p": block.text, "anchor": _anchor(block.anchor)})
        else:
            rows = [
                [[c.text, c.merged, c.colspan, c.rowspan, _anchor(c.anchor)] for c in row]
                for row in block.rows
            ]
            blocks.append({"t": block.index, "anchor": _anchor(block.anchor), "rows": rows})
    out: dict[str, Any] = {"blocks": blocks, "notes": [list(n) for n in doc.notes]}
    path = HERE / name
    if path.exists():
        report = analyse_file(path)
        out["cells"] = {
            cid: [c.raw, c.value, _anchor(c.anchor)] for cid, c in sorted(report.data.cells.items())
        }
        out["findings"] = sorted(
            [f.rule, f.code, f.severity, list(f.cells), f.message] for f in report.findings
        )
    return out


def _diff(path: str, old: Any, new: Any, out: list[str]) -> None:
    if isinstance(old, dict) and isinstance(new, dict):
        if "bbox" in old and "bbox" in new and old.get("page") == new.get("page"):
            a, b = old["bbox"], new["bbox"]
            if (a is None) != (b is None) or (
                a and max(abs(x - y) for x, y in zip(a, b, strict=False)) > BOX_TOL
            ):
                out.append(f"{path}: box {a} -> {b}")
            return
        for key in sorted(set(old) | set(new)):
            if key not in old or key not in new:
                out.append(
                    f"{path}.{key}: {old.get(key, '<missing>')!r:.80} -> {new.get(key, '<missing>')!r:.80}"
                )
            else:
                _diff(f"{path}.{key}", old[key], new[key], out)
    elif isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            out.append(f"{path}: {len(old)} items -> {len(new)}")
        for i, (a, b) in enumerate(zip(old, new, strict=False)):
            _diff(f"{path}[{i}]", a, b, out)
    elif old != new:
        out.append(f"{path}: {old!r:.100} -> {new!r:.100}")


def compare(reader_only: bool = False) -> dict[str, list[str]]:
    """Differences per input between golden/ and today's reader (empty lists when all agree).

    ``reader_only`` compares what the reader gives (blocks, anchors, notes, the refusal) and leaves
    out the cells and findings, which also depend on the reconstruction and the checks."""
    out = {}
    for name, data in inputs().items():
        old = json.loads((GOLDEN / (name + ".json")).read_text(encoding="utf-8"))
        new = json.loads(json.dumps(record(name, data), ensure_ascii=False, default=str))
        if reader_only:
            for part in ("cells", "findings"):
                old.pop(part, None)
                new.pop(part, None)
        diffs: list[str] = []
        _diff(name, old, new, diffs)
        out[name] = diffs
    return out


def main() -> None:
    if sys.argv[1:] == ["write"]:
        GOLDEN.mkdir(exist_ok=True)
        for name, data in inputs().items():
            text = json.dumps(record(name, data), ensure_ascii=False, indent=0, default=str)
            (GOLDEN / (name + ".json")).write_text(text + "\n", encoding="utf-8")
            print("wrote", name)
        return
    total = 0
    for name, diffs in compare().items():
        print(f"{name}: {len(diffs)} differences")
        for line in diffs[:40]:
            print("   ", line)
        total += len(diffs)
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
