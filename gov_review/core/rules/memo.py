"""What the checks keep between runs, so that a re-check after an edit redoes only what the edit
touched (issue 4) and a check stays a small share of reading a file (issue 3).

Two kinds of memory, both safe by construction:

- ``results(name)``: findings (and other outcomes) keyed on *exactly* the inputs they were worked
  out from (cell values, raw texts, the rule's id...). An edit changes the key, so a stale result can
  never be served. Cleared whenever the rule pack is reloaded (its messages are in the findings) and
  when it grows past a bound.
- ``for_document(doc)``: what only depends on the source document (its prose, the matches of the
  text patterns), keyed on the document object. The GUI re-checks the same ``doc`` with edited
  ``data``; nothing edits a SourceDocument after reading, and the entry holds the document itself, so
  its id cannot be reused by another object while the entry lives.

A finding taken from memory is copied before it is handed out: callers may set ``suggestion`` or
change ``params`` on their own findings.
"""

from __future__ import annotations

from typing import Any

from ..model import Finding, SourceDocument
from .pack import load_pack

MAX_RESULTS = 20_000  # per memory; a reviewer's session or a batch of a few thousand reports fits
MAX_DOCUMENTS = 16

_results: dict[str, dict[Any, Any]] = {}
_pack_seen: list[object] = [None]
_documents: dict[int, tuple[SourceDocument, dict[str, Any]]] = {}


def results(name: str, limit: int = MAX_RESULTS) -> dict[Any, Any]:
    """The memory called ``name``; empty after the rule pack was reloaded or past ``limit`` entries.

    Memories with big keys (a whole table's cells) take a lower limit, so a batch of thousands of
    reports keeps a few MB, not hundreds.
    """
    pack = load_pack()
    if pack is not _pack_seen[0]:
        _results.clear()
        _documents.clear()
        _pack_seen[0] = pack
    memo = _results.get(name)
    if memo is None or len(memo) > limit:
        memo = _results[name] = {}
    return memo


def for_document(doc: SourceDocument) -> dict[str, Any]:
    """A dict for what is worked out from ``doc`` alone, kept while the document is in use."""
    entry = _documents.get(id(doc))
    if entry is not None and entry[0] is doc:
        return entry[1]
    if len(_documents) >= MAX_DOCUMENTS:
        del _documents[next(iter(_documents))]  # the oldest: a batch reads each file once
    store: dict[str, Any] = {}
    _documents[id(doc)] = (doc, store)
    return store


def clone(f: Finding) -> Finding:
    """A fresh copy of a remembered finding (its lists and params are the caller's own)."""
    params = f.params.copy()
    for k, v in params.items():
        if type(v) is list:
            params[k] = v.copy()
    return Finding(
        f.rule,
        f.severity,
        list(f.cells),
        f.message,
        f.message_en,
        f.code,
        params,
        f.expected,
        f.found,
        f.assessable,
        f.equation,
        f.anchor,
        None,
    )


def clear() -> None:
    """Empty every memory the checks keep (results and per-document): the next check of any report
    is a first check. Benchmarks call it before each timed first check; a reloaded pack does too."""
    _results.clear()
    _documents.clear()


forget = clear  # the earlier name
