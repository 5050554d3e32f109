"""The long fuzz run of issue 18: ≥ 10,000 mutated real fixtures across formats, each opened and, when
it opens, saved as a bundle (with its exports) and reopened — in worker processes, so that a hang or a
blow-up is measured and survived rather than ending the run.

    .venv/bin/python bench/bench_fuzz.py                 # 10,000 inputs, 2 workers
    .venv/bin/python bench/bench_fuzz.py --total 500 --exports-every 4

Counts printed at the end: outcomes (saved / refused / traceback / unsaveable / lost), hangs (an input
over --hang seconds: the worker is killed), inputs that took over 10 s, peak RSS of any worker (MB),
and the first few failing inputs (format, mutation, seed) to reproduce with tests/fuzz/mutate.py.
Each worker runs under an address-space cap (--mem-mb), so a memory blow-up shows as a MemoryError.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import multiprocessing as mp
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fuzz.mutate import mutations  # noqa: E402
from tests.fuzz.run import attempt, fixtures  # noqa: E402

# Share of the inputs per format (the campaign's mix: mostly text and Word, bundles forged).
SHARES = {"txt": 0.30, "docx": 0.28, "html": 0.15, "grb": 0.22, "pdf": 0.05}
RECYCLE = 250  # a fresh worker after this many inputs, so that its peak RSS is a recent one


def _worker(conn, workdir: str, mem_mb: int) -> None:
    # PDF libraries log every malformed operator to stderr: thousands of lines that say nothing here.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    if mem_mb:
        resource.setrlimit(resource.RLIMIT_AS, (mem_mb * 1024 * 1024, mem_mb * 1024 * 1024))
    while True:
        job = conn.recv()
        if job is None:
            return
        fmt, data, exports = job
        started = time.monotonic()
        try:
            out = attempt(fmt, data, workdir, exports=exports)
            kind, detail = out.kind, out.detail
        except MemoryError:
            kind, detail = "memory", "MemoryError"
        except BaseException as exc:
            kind, detail = "traceback", repr(exc)[:300]
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        conn.send((kind, detail, time.monotonic() - started, rss))


class Worker:
    def __init__(self, workdir: str, mem_mb: int) -> None:
        self.conn, child = mp.Pipe()
        self.proc = mp.Process(target=_worker, args=(child, workdir, mem_mb), daemon=True)
        self.proc.start()
        self.done = 0
        self.job: tuple[str, str] | None = None
        self.started = 0.0

    def stop(self) -> None:
        with contextlib.suppress(BrokenPipeError, OSError):
            self.conn.send(None)
        self.proc.join(2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--total", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--hang", type=float, default=30.0, help="kill an input after this many seconds")
    ap.add_argument("--mem-mb", type=int, default=2048)
    ap.add_argument("--exports-every", type=int, default=1, help="save exports with every n-th input")
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()

    workdir = tempfile.mkdtemp(prefix="bench-fuzz-")
    jobs = []
    for fmt, share in SHARES.items():
        count = round(args.total * share)
        for desc, _name, data in mutations(fmt, fixtures(fmt, Path(workdir)), count, args.seed):
            jobs.append((fmt, desc, data))
    # Interleave formats so that a partial run still covers all of them.
    jobs.sort(key=lambda j: int(j[1].split("#")[1].split()[0]))
    print(
        f"{len(jobs)} inputs, {args.workers} workers, hang limit {args.hang} s, cap {args.mem_mb} MB",
        flush=True,
    )

    counts: collections.Counter[str] = collections.Counter()
    by_fmt: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    failures: list[str] = []
    slow = 0
    peak = 0
    with_exports = 0
    workers = [Worker(workdir, args.mem_mb) for _ in range(args.workers)]
    pending = list(reversed(jobs))
    started = time.monotonic()
    finished = 0
    while pending or any(w.job for w in workers):
        for i, w in enumerate(workers):
            if w.job is None and pending:
                fmt, desc, data = pending.pop()
                exports = finished % args.exports_every == 0
                with_exports += exports
                w.job, w.started = (fmt, desc), time.monotonic()
                w.conn.send((fmt, data, exports))
                continue
            if w.job is None:
                continue
            if w.conn.poll(0.01):
                kind, detail, seconds, rss = w.conn.recv()
                peak = max(peak, rss)
                slow += seconds > 10
            elif time.monotonic() - w.started > args.hang:
                kind, detail = "hang", f"over {args.hang} s"
                w.proc.kill()
            elif not w.proc.is_alive():
                kind, detail = "crash", f"worker died (exit {w.proc.exitcode})"
            else:
                continue
            fmt, desc = w.job
            counts[kind] += 1
            by_fmt[fmt][kind] += 1
            finished += 1
            if kind not in ("saved", "refused"):
                failures.append(f"{desc}: {kind}: {detail[-300:]}")
                print("  FAIL " + failures[-1].replace("\n", " | "), flush=True)
            w.job = None
            w.done += 1
            if kind in ("hang", "crash") or w.done >= RECYCLE:
                w.stop()
                workers[i] = Worker(workdir, args.mem_mb)
            if finished % 500 == 0:
                rate = finished / (time.monotonic() - started)
                print(f"  {finished}/{len(jobs)} ({rate:.1f}/s) {dict(counts)} peak {peak} MB", flush=True)
    for w in workers:
        w.stop()

    elapsed = time.monotonic() - started
    print(f"\n{finished} inputs in {elapsed:.0f} s; saved with exports: {with_exports}")
    for fmt, c in sorted(by_fmt.items()):
        print(f"  {fmt:5} {dict(c)}")
    print(f"outcomes: {dict(counts)}")
    print(
        f"tracebacks: {counts['traceback'] + counts['crash'] + counts['memory']}, hangs (> {args.hang} s, killed): "
        f"{counts['hang']}, inputs over 10 s: {slow}, unsaveable: {counts['unsaveable']}, lost: {counts['lost']}, "
        f"peak RSS {peak} MB"
    )
    for line in failures[:25]:
        print("  " + line.replace("\n", " | "))
    return 0 if not failures else 1


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    raise SystemExit(main())
