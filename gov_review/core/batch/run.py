"""Many reports at once: collect the files of folders, check them in worker processes, and hand back
one light row per report (the league table) instead of whole documents.

``check_many(paths, jobs=N)`` runs ``analyse_file`` in N processes, a few files per task, with a
bounded number of tasks in flight — memory stays flat however long the batch. Rows come back in
input order (``iter_check`` streams them). One bad file never stops the batch: its row carries the
one-sentence reason. ``jobs=1`` runs in this process (no start-up cost; the tests and small batches).
"""

from __future__ import annotations

import os
import threading
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from gov_review.core.batch.files import (  # noqa: F401  (collect_files: where callers found it)
    BatchError,
    collect_files,
    open_report,
)
from gov_review.core.batch.pool import new_pool
from gov_review.core.errors import GovReviewError
from gov_review.core.model import Finding
from gov_review.core.review.pipeline import Report

# ------------------------------------------------------------------------------------------------
# League rows


FIGURES: dict[str, tuple[str, ...]] = {
    # name -> cells summed (blank only if every cell is blank); the dashboard and the summary read these
    "new": ("t3.r_new.c_total",),
    "new_natural": ("t3.r_new.c_natural",),
    "new_org": tuple(f"t3.r_new.{c}" for c in ("c_biz", "c_research", "c_ngo", "c_legal", "c_org_other")),
    "carry": ("t3.r_carry.c_total",),
    "handled": ("t3.r_total.c_total",),
    "fwd": ("t3.r_fwd.c_total",),
    "open": ("t3.r_open.c_total",),
    "partial": ("t3.r_partial.c_total",),
    "deny": tuple(
        f"t3.r_deny_{r}.c_total"
        for r in ("secret", "lawban", "safety", "third", "internal", "process", "enforce", "query")
    ),
    "unable": ("t3.r_unable_nohold.c_total", "t3.r_unable_make.c_total", "t3.r_unable_unclear.c_total"),
    "reject": tuple(f"t3.r_reject_{r}.c_total" for r in ("petition", "repeat", "pub", "mass", "confirm")),
    "other": (
        "t3.r_other.c_total",
        "t3.r_other_nocorrect.c_total",
        "t3.r_other_nofee.c_total",
        "t3.r_other_else.c_total",
    ),
    "review": ("t4.review.c_total",),
    "review_corrected": ("t4.review.c_corrected",),
    "litigation": ("t4.lit_direct.c_total", "t4.lit_post.c_total"),
    "litigation_corrected": ("t4.lit_direct.c_corrected", "t4.lit_post.c_corrected"),
}


@dataclass(slots=True)
class LeagueRow:
    """One report in the league table: who, which year, how many findings of which rule.

    ``values`` (every cell's value, blank = None) is filled only when asked for (the summary needs
    it); ``digest`` for cross-year checks; ``report`` only when whole reports are asked for.
    """

    index: int
    path: str
    body: str | None = None
    body_level: str | None = None
    year: int | None = None
    format: str | None = None
    source_kind: str | None = None
    counts: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})
    by_rule: dict[str, int] = field(default_factory=dict)  # rule id -> findings (all severities)
    rule_severity: dict[str, str] = field(default_factory=dict)  # rule id -> its worst severity
    figures: dict[str, Decimal | None] = field(default_factory=dict)
    error: str | None = None  # Chinese sentence for an unreadable file
    error_en: str | None = None
    error_code: str | None = None
    waived: int = 0
    settled: int = 0  # errors settled by the reviewer (a bundle): not counted as errors
    values: dict[str, Decimal | None] | None = None
    digest: Any = None  # crossyear.YearDigest
    report: Report | None = None
    json: dict[str, Any] | None = None  # the CLI's per-report JSON, when asked for (``json_lang``)
    crossyear: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def name(self) -> str:
        return os.path.basename(self.path)

    def add_findings(self, findings: Iterable[Finding]) -> None:
        """Count findings found later (cross-year) into this row."""
        for f in findings:
            self.counts[f.severity] += 1
            self.by_rule[f.rule] = self.by_rule.get(f.rule, 0) + 1
            self.rule_severity[f.rule] = _worse(self.rule_severity.get(f.rule), f.severity)

    def to_dict(self) -> dict[str, Any]:
        from gov_review.core.model import number_to_json

        out: dict[str, Any] = {
            "path": self.path,
            "body": self.body,
            "body_level": self.body_level,
            "year": self.year,
            "format": self.format,
            "source_kind": self.source_kind,
            "counts": dict(self.counts),
            "by_rule": dict(sorted(self.by_rule.items())),
            "figures": {k: number_to_json(v) for k, v in self.figures.items()},
        }
        if self.waived:
            out["waived"] = self.waived
        if self.settled:
            out["settled"] = self.settled
        if self.error is not None:
            out.update(error=self.error, error_en=self.error_en, error_code=self.error_code)
        if self.crossyear:
            out["crossyear"] = [f.to_dict() | {"params": _json_params(f.params)} for f in self.crossyear]
        return out


def _json_params(params: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in params.items() if isinstance(v, (str, int, float, list, dict, type(None)))}


_ORDER = {"error": 0, "warning": 1, "info": 2}


def _worse(a: str | None, b: str) -> str:
    return b if a is None or _ORDER[b] < _ORDER[a] else a


def figure(values: dict[str, Decimal | None], cells: Sequence[str]) -> Decimal | None:
    """Sum of the cells that are filled; None when all are blank (blank is not 0)."""
    present = [v for c in cells if (v := values.get(c)) is not None]
    return sum(present, Decimal(0)) if present else None


@dataclass(frozen=True, slots=True)
class RowOptions:
    """What a row carries besides counts and figures (each costs memory and pickling)."""

    with_cells: bool = False  # every cell's value (the summary)
    with_digest: bool = False  # the cross-year digest
    keep_report: bool = False  # the whole Report, SourceDocument included
    json_lang: str | None = None  # the CLI's per-report JSON in this language


def row_from_report(
    index: int,
    report: Report,
    with_cells: bool = False,
    with_digest: bool = False,
    keep_report: bool = False,
    waived: int = 0,
    json_lang: str | None = None,
) -> LeagueRow:
    row = LeagueRow(index=index, path=report.path, waived=waived)
    if report.error is not None:
        row.error = report.error.message("zh")
        row.error_en = report.error.message("en")
        row.error_code = report.error.code
        if json_lang is not None:
            from gov_review.core.review.pipeline import report_to_json

            row.json = report_to_json(report, json_lang)
        return row
    data = report.data
    assert data is not None
    row.body, row.body_level = data.body.name, data.body.level
    row.year, row.format = data.year, data.format
    row.source_kind = report.source.kind if report.source is not None else None
    row.add_findings([f for f in report.findings if not (f.severity == "error" and f.key in report.settled)])
    row.settled = len(report.findings) - sum(row.counts.values()) if report.settled else 0
    values = {cid: c.value for cid, c in data.cells.items()}
    row.figures = {name: figure(values, cells) for name, cells in FIGURES.items()}
    if with_cells:
        row.values = values
    if with_digest:
        from gov_review.core.batch.crossyear.check import digest

        row.digest = digest(report)
    if keep_report:
        row.report = report
    if json_lang is not None:
        from gov_review.core.review.pipeline import report_to_json

        row.json = report_to_json(report, json_lang)
    return row


def check_one(index: int, path: str, options: RowOptions = RowOptions()) -> LeagueRow:
    """Check one file (or open one bundle) into a row. Never raises for a bad file."""
    try:
        report, waived = open_report(path)
        return row_from_report(
            index,
            report,
            options.with_cells,
            options.with_digest,
            options.keep_report,
            waived,
            options.json_lang,
        )
    except Exception as exc:  # a bug on one file's path must not stop the other 999
        err = BatchError("internal_error", name=os.path.basename(path), reason=type(exc).__name__)
        row = LeagueRow(index=index, path=path)
        row.error, row.error_en, row.error_code = err.message_zh, err.message_en, err.code
        row.error_en += "\n" + "".join(traceback.format_exception_only(type(exc), exc)).strip()
        if options.json_lang is not None:
            row.json = _error_json(path, err, options.json_lang)
        return row


def _error_json(path: str, err: GovReviewError, lang: str) -> dict[str, Any]:
    from gov_review.core.review.pipeline import report_to_json

    return report_to_json(Report(path=path, error=err), lang)


def _check_chunk(items: Sequence[tuple[int, str]], options: RowOptions) -> list[LeagueRow]:
    return [check_one(i, p, options) for i, p in items]


def _crashed_row(index: int, path: str) -> LeagueRow:
    err = BatchError("worker_crashed", name=os.path.basename(path))
    return LeagueRow(
        index=index, path=path, error=err.message_zh, error_en=err.message_en, error_code=err.code
    )


# ------------------------------------------------------------------------------------------------
# Running a batch


Progress = Callable[[int, int], None]


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def iter_check(
    paths: Sequence[str],
    jobs: int = 1,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    *,
    with_cells: bool = False,
    with_digest: bool = False,
    keep_reports: bool = False,
    json_lang: str | None = None,
    chunk: int | None = None,
) -> Iterator[LeagueRow]:
    """Rows of ``paths`` in input order, as they are ready; stops early when ``cancel`` is set.

    ``paths`` are files (see :func:`collect_files` for folders). ``progress(done, total)`` is called
    after every row, from the calling thread.
    """
    total = len(paths)
    options = RowOptions(with_cells, with_digest, keep_reports, json_lang)
    done = 0
    if jobs <= 1 or total <= 1:
        for i, path in enumerate(paths):
            if cancel is not None and cancel.is_set():
                return
            row = check_one(i, path, options)
            done += 1
            if progress is not None:
                progress(done, total)
            yield row
        return
    size = chunk or max(1, min(16, total // (jobs * 8) or 1))
    work: deque[list[tuple[int, str]]] = deque(
        [list(enumerate(paths))[k : k + size] for k in range(0, total, size)]
    )
    for row in _run_pool(work, jobs, options, cancel):
        done += 1
        if progress is not None:
            progress(done, total)
        yield row


def _run_pool(
    work: deque[list[tuple[int, str]]],
    jobs: int,
    options: RowOptions,
    cancel: threading.Event | None,
) -> Iterator[LeagueRow]:
    """Feed chunks to a pool, at most ``2 × jobs`` in flight, and yield their rows in order.

    A worker that dies (a crash in a C library on a hostile file) breaks the pool and every chunk
    in flight with it. Those files become suspects: each is checked again alone in a new pool, so
    the one that kills its worker again is the one whose row says so, and no other file is blamed.
    """
    in_flight: deque[tuple[list[tuple[int, str]], Future[list[LeagueRow]]]] = deque()
    suspects: deque[tuple[int, str]] = deque()
    executor = new_pool(jobs)
    succeeded = breaks = 0
    try:
        while work or in_flight or suspects:
            if cancel is not None and cancel.is_set():
                # Rows already computed are handed over; nothing new is started.
                for _items, fut in in_flight:
                    fut.cancel()
                for _items, fut in in_flight:
                    if fut.done() and not fut.cancelled() and fut.exception() is None:
                        yield from fut.result()
                return
            if breaks >= 2 and not succeeded:
                # The pool cannot even start (no worker ever finished a file): check in this process.
                for index, path in [*suspects, *(one for items in work for one in items)]:
                    if cancel is not None and cancel.is_set():
                        return
                    yield check_one(index, path, options)
                return
            if suspects:
                one = suspects.popleft()
                try:
                    rows = _wait(executor.submit(_check_chunk, [one], options), cancel)
                except BrokenProcessPool:
                    breaks += 1
                    executor = new_pool(jobs, executor)
                    if succeeded:
                        yield _crashed_row(*one)
                    else:  # perhaps no worker can start at all: the check above decides
                        suspects.appendleft(one)
                    continue
                if rows is None:  # cancelled while waiting
                    suspects.appendleft(one)
                    continue
                succeeded += 1
                yield from rows
                continue
            while work and len(in_flight) < 2 * jobs:
                items = work.popleft()
                try:
                    in_flight.append((items, executor.submit(_check_chunk, items, options)))
                except BrokenProcessPool:  # a worker died since the last chunk was handed out
                    work.appendleft(items)
                    break
            try:
                if not in_flight:
                    raise BrokenProcessPool("no worker to hand a chunk to")
                rows = _wait(in_flight[0][1], cancel)
            except BrokenProcessPool:
                breaks += 1
                executor = new_pool(jobs, executor)
                suspects.extend(one for items, _fut in in_flight for one in items)
                in_flight.clear()
                continue
            if rows is None:  # cancelled while waiting
                continue
            in_flight.popleft()
            succeeded += 1
            yield from rows
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _wait(fut: Future[list[LeagueRow]], cancel: threading.Event | None) -> list[LeagueRow] | None:
    """The chunk's rows; None if ``cancel`` was set first (checked every 0.1 s)."""
    while True:
        try:
            return fut.result(timeout=0.1 if cancel is not None else None)
        except TimeoutError:
            if cancel is not None and cancel.is_set():
                return None


def check_many(
    paths: Sequence[str],
    jobs: int = 1,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    *,
    with_cells: bool = False,
    with_digest: bool = False,
    keep_reports: bool = False,
    json_lang: str | None = None,
    chunk: int | None = None,
) -> list[LeagueRow]:
    """League rows for ``paths`` (files; use :func:`collect_files` for folders), in input order.

    When ``cancel`` is set the rows checked so far are returned (still in input order).
    """
    rows = list(
        iter_check(
            paths,
            jobs,
            progress,
            cancel,
            with_cells=with_cells,
            with_digest=with_digest,
            keep_reports=keep_reports,
            json_lang=json_lang,
            chunk=chunk,
        )
    )
    rows.sort(key=lambda r: r.index)
    return rows


def apply_crossyear(rows: Sequence[LeagueRow], previous: Sequence[Any] = ()) -> list[Any]:
    """Pair the rows' reports (and ``previous`` digests of last year) and count X findings into rows.

    Rows need ``digest`` (``with_digest=True``). Returns the pairs found.
    """
    from gov_review.core.batch.crossyear.check import check_pair, find_pairs

    by_path = {r.path: r for r in rows}
    digests = [r.digest for r in rows if r.digest is not None and r.ok]
    pairs = find_pairs(digests, previous)
    for p in pairs:
        found = check_pair(p.prev, p.cur)
        row = by_path.get(p.cur.path)
        if row is not None:
            row.crossyear.extend(found)
            row.add_findings(found)
    return pairs
