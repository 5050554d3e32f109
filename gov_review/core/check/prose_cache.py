"""The one thing the checks keep between runs: what they read from a document's prose.

The window re-checks the same ``doc`` after every cell edit; the prose (its quoted numbers, years,
claims, dates, section texts) does not change with a cell, and reading it is the only per-document
work worth keeping (0.07–0.16 ms of a 0.35–0.8 ms re-check after an edit on the seeds). Nothing
else is remembered: the equations, table checks and fix suggestions are worked out afresh on every
check, fast enough the first time (compiled.py), so a result can never be stale.

``for_document(doc)`` is keyed on the document object. Nothing edits a SourceDocument after
reading, and the entry holds the document itself, so its id cannot be reused by another object
while the entry lives. What is stored must depend on the document (and on what the caller puts in
its key), never on cell values or the rule pack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from gov_review.core.model import SourceDocument

T = TypeVar("T")

MAX_DOCUMENTS = 16  # the reports a reviewer has open; a batch reads each file once

_documents: dict[int, tuple[SourceDocument, dict[str, Any]]] = {}


def for_document(doc: SourceDocument) -> dict[str, Any]:
    """A dict for what is worked out from ``doc`` alone, kept while the document is in use."""
    entry = _documents.get(id(doc))
    if entry is not None and entry[0] is doc:
        return entry[1]
    if len(_documents) >= MAX_DOCUMENTS:
        del _documents[next(iter(_documents))]  # the oldest
    store: dict[str, Any] = {}
    _documents[id(doc)] = (doc, store)
    return store


def remembered(doc: SourceDocument, key: Any, make: Callable[[], T]) -> T:
    """What ``make()`` works out from ``doc``, worked out once per document and ``key``."""
    store = for_document(doc)
    hit = store.get(key)
    if hit is None:
        hit = store[key] = make()
    return hit


def clear() -> None:
    """Empty every memory the checks keep: the next check of any report is a first check.

    Benchmarks call it before each timed first check (bench_core.py --check-only); bench_docx.py
    and bench_html.py should too before timing read → reconstruct → check.
    """
    _documents.clear()
