"""The command line: ``gov-review check|gui|export …`` over the same core as the window.

``gov-review FILE…`` (no sub-command) opens the window; with no file at all it opens the bundled
sample reports.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from gov_review import __version__
from gov_review.core.batch.files import REPORT_EXTENSIONS, collect_files, sample_reports

SUPPORTED_EXTENSIONS = set(REPORT_EXTENSIONS)
EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2

SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_EN = {"error": "error", "warning": "warning", "info": "info"}


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files as given; folders expanded recursively to the report files inside (sorted), leaving out
    hidden and temp files (``~$x.docx``) and the files this tool writes."""
    return collect_files(paths)


def _print(text: str = "") -> None:
    try:
        sys.stdout.write(text + "\n")
    except UnicodeEncodeError:  # a console that cannot show Chinese: degrade, never crash
        sys.stdout.write(text.encode("ascii", "replace").decode("ascii") + "\n")


def cmd_check(args: argparse.Namespace) -> int:
    from gov_review.core.batch.run import apply_crossyear, iter_check

    lang = args.lang
    files = expand_paths(args.files)
    if not files:
        _print("没有找到可检查的报告文件。" if lang == "zh" else "No report files found.")
        return EXIT_UNREADABLE
    crossyear = bool(args.last_year) or args.cross_year
    previous = _previous_year(args.last_year, args.jobs) if args.last_year else []
    status = EXIT_OK
    reports_json = []
    rows = []
    # Without cross-year checks each report is printed as soon as it is checked; with them, after
    # every report is in (a report's findings then depend on its partner).
    stream = not args.json and not crossyear
    for row in iter_check(files, jobs=args.jobs, with_digest=crossyear, json_lang=lang):
        if stream:
            _print_json_report(row.json, lang, verbose=args.verbose)
        if args.json:
            reports_json.append(row.json)
        if not crossyear:
            row.json = None  # printed (or held in reports_json): the row stays light
        rows.append(row)
    if crossyear:
        apply_crossyear(rows, previous)
        for row in rows:
            if row.crossyear and row.json is not None:
                _add_crossyear_json(row.json, row.crossyear, lang)
            if not args.json:
                _print_json_report(row.json, lang, verbose=args.verbose)
    for row in rows:
        if row.error is not None:
            status = EXIT_UNREADABLE
        elif status == EXIT_OK and row.counts["error"]:
            status = EXIT_ERRORS
        row.digest = None
    if args.out and not _write_out(rows, args.out, lang):
        status = EXIT_UNREADABLE
    if args.json:
        # indent forces json's pure-Python encoder: keep it for a handful of reports only.
        indent = 1 if len(reports_json) <= 20 else None
        sys.stdout.write(json.dumps({"reports": reports_json}, ensure_ascii=False, indent=indent) + "\n")
    return status


def _previous_year(paths: Sequence[str], jobs: int) -> list:
    """Digests of last year's reports and bundles (unreadable ones are left out)."""
    from gov_review.core.batch.run import check_many

    rows = check_many(expand_paths(paths), jobs=jobs, with_digest=True)
    return [r.digest for r in rows if r.ok and r.digest is not None]


def _add_crossyear_json(entry: dict, findings: list, lang: str) -> None:
    """Cross-year findings join the report's findings (extra keys name the other report's cells)."""
    for f in findings:
        d = f.to_dict()
        d["other"] = f.params.get("other")
        if lang == "en":
            d["message_zh"], d["message"] = d["message"], d["message_en"]
        entry["findings"].append(d)
        counts = entry.get("counts")
        if counts is not None:
            counts[f.severity] += 1


def _write_out(rows: list, out: str, lang: str) -> bool:
    """Write the league table; messages go to stderr so that ``--json`` output stays one document."""
    from gov_review.core.batch.summary import write_league
    from gov_review.core.errors import GovReviewError

    zh = lang == "zh"
    if Path(out).suffix.lower() not in (".json", ".csv", ".xlsx"):
        sys.stderr.write(
            f"无法写入“{out}”：请用 .json、.csv 或 .xlsx 作为输出文件的扩展名。\n"
            if zh
            else f"Cannot write “{out}”: use .json, .csv or .xlsx as the output file's extension.\n"
        )
        return False
    try:
        write_league(rows, out)
    except GovReviewError as exc:
        sys.stderr.write(exc.message(lang) + "\n")
        return False
    sys.stderr.write(("结果表已写入：" if zh else "League table written to: ") + out + "\n")
    return True


def _print_json_report(entry: dict | None, lang: str, verbose: bool = False) -> None:
    """The text output of one report, from its JSON (what the workers send back)."""
    if entry is None:
        return
    zh = lang == "zh"
    _print(("文件：" if zh else "File: ") + entry["path"])
    if entry.get("error") is not None:
        _print(("  无法读取：" if zh else "  Cannot read: ") + entry["error"])
        _print()
        return
    fmt_id = entry.get("format")
    fmt = (
        {"2019": "2019 版（试行）", "2021": "2021 版"}.get(fmt_id or "", "未识别")
        if zh
        else (fmt_id or "unknown")
    )
    body = entry.get("body") or ("未识别" if zh else "unknown")
    year = entry.get("year") or ("未识别" if zh else "unknown")
    if zh:
        _print(f"  主体：{body}　年度：{year}　格式：{fmt}")
    else:
        _print(f"  Body: {body}  Year: {year}  Format: {fmt}")
    counts = {"error": 0, "warning": 0, "info": 0, "settled": 0}
    for f in entry["findings"]:
        counts["settled" if f.get("state") == "settled" else f["severity"]] += 1
    if zh:
        settled = f"（另有 {counts['settled']} 个错误已核实）" if counts["settled"] else ""
        _print(
            f"  结果：{counts['error']} 个错误，{counts['warning']} 个警告，{counts['info']} 个提示{settled}"
        )
    else:
        settled = f" ({counts['settled']} settled errors besides)" if counts["settled"] else ""
        _print(
            f"  Result: {counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes{settled}"
        )
    for f in entry["findings"]:
        if f["severity"] == "info" and not verbose:
            continue
        sev = SEVERITY_ZH[f["severity"]] if zh else SEVERITY_EN[f["severity"]]
        if f.get("state") == "settled":
            sev += "·已核实" if zh else ", settled"
            _print(f"  [{sev}] {f['rule']} {f['message']}（{f['reason']}）")
            continue
        _print(f"  [{sev}] {f['rule']} {f['message']}")
    if counts["info"] and not verbose:
        _print("  （提示类结果未列出，加 --verbose 显示）" if zh else "  (notes not listed; use --verbose)")
    _print()


def cmd_summary(args: argparse.Namespace) -> int:
    from gov_review.core.batch.run import check_many
    from gov_review.core.batch.summary import aggregate_all, write_summary
    from gov_review.core.errors import GovReviewError

    zh = args.lang == "zh"
    files = expand_paths(args.files)
    if not files:
        _print("没有找到可汇总的报告文件。" if zh else "No report files found.")
        return EXIT_UNREADABLE
    if Path(args.out).suffix.lower() != ".xlsx":
        _print(
            "汇总表请用 .xlsx 作为输出文件的扩展名。"
            if zh
            else "The summary must be written to a .xlsx file."
        )
        return EXIT_UNREADABLE
    rows = check_many(files, jobs=args.jobs, with_cells=True)
    try:
        write_summary(rows, args.out)
    except GovReviewError as exc:
        _print(exc.message(args.lang))
        return EXIT_UNREADABLE
    aggs = aggregate_all(rows)
    bad = [r for r in rows if r.error is not None]
    if zh:
        _print(f"汇总表已写入：{args.out}（{len(rows) - len(bad)} 份报告，{len(bad)} 份无法读取）")
    else:
        _print(f"Summary written to {args.out} ({len(rows) - len(bad)} reports, {len(bad)} unreadable)")
    for r in bad:
        _print(f"  {r.path}：{r.error}" if zh else f"  {r.path}: {r.error_en}")
    for fmt, agg in aggs.items():
        errors = sum(1 for f in agg.findings if f.severity == "error")
        if zh:
            _print(f"  {fmt} 版：{agg.reports} 份，汇总数据 {errors} 个错误")
        else:
            _print(f"  format {fmt}: {agg.reports} reports, {errors} errors in the sums")
    if bad:
        return EXIT_UNREADABLE
    if any(r.counts["error"] for r in rows) or any(
        f.severity == "error" for a in aggs.values() for f in a.findings
    ):
        return EXIT_ERRORS
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        from gov_review.gui.app import run
    except ImportError as exc:
        _print(f"无法启动图形界面：{exc}。请确认已安装 PySide6（pip install gov-review）。")
        return EXIT_UNREADABLE
    files = expand_paths(args.files) if args.files else []
    # no files named: the samples, unless a crash left a review to restore (the window decides)
    return run(files, screenshot=args.screenshot, lang=args.lang, samples=sample_reports() if not files else [])


def cmd_export(args: argparse.Namespace) -> int:
    try:
        from gov_review.core.export.to_folder import run_export
    except ImportError:
        _print("导出功能尚未安装。")
        return EXIT_UNREADABLE
    from gov_review.cli.identity import saved_identity

    args.saved_identity = saved_identity()
    from gov_review.cli import memo_pdf_child

    return run_export(args, pdf_maker=memo_pdf_child.child_pdf)


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("--jobs 需要一个正整数 / --jobs needs a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError("--jobs 至少为 1 / --jobs must be at least 1")
    return n


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gov-review",
        description="政府信息公开工作年度报告审核工具 — review government information-disclosure annual reports.",
    )
    parser.add_argument("--version", action="version", version=f"gov-review {__version__}")
    # handled in main() before parsing; here so that --help lists it
    parser.add_argument(
        "--selftest",
        action="store_true",
        help="自检：打开样例、核对结果、保存并重新打开审核包 / self-test: open the samples, check, save and reopen a bundle",
    )
    sub = parser.add_subparsers(dest="command")

    check = sub.add_parser("check", help="检查报告并输出结果 / check reports")
    check.add_argument("files", nargs="+", help="报告文件或文件夹 / report files or folders")
    check.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    check.add_argument("--lang", choices=("zh", "en"), default="zh")
    check.add_argument("--verbose", "-v", action="store_true", help="同时列出提示类结果 / list info findings too")
    check.add_argument(
        "--jobs", "-j", type=_jobs, default=1, metavar="N", help="并行进程数 / worker processes (default 1)"
    )
    check.add_argument(
        "--out",
        metavar="FILE",
        help="把报告一览表写入 .json/.csv/.xlsx / write the league table (.json/.csv/.xlsx)",
    )
    check.add_argument(
        "--last-year",
        metavar="PATH",
        action="append",
        default=[],
        help="上一年度的报告或审核包（文件或文件夹），进行跨年度比对 / last year's reports or bundles",
    )
    check.add_argument(
        "--cross-year",
        action="store_true",
        help="在所给报告之间进行跨年度比对 / cross-year checks among the given reports",
    )
    check.set_defaults(func=cmd_check)

    summary = sub.add_parser("summary", help="生成汇总表 / write the summary workbook (汇总表)")
    summary.add_argument("files", nargs="+", help="报告文件或文件夹 / report files or folders")
    summary.add_argument("--out", required=True, metavar="FILE.xlsx", help="汇总表文件 / output workbook")
    summary.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N")
    summary.add_argument("--lang", choices=("zh", "en"), default="zh")
    summary.set_defaults(func=cmd_summary)

    gui = sub.add_parser("gui", help="打开审核窗口 / open the review window")
    gui.add_argument("files", nargs="*")
    gui.add_argument(
        "--screenshot",
        metavar="OUT.png",
        help="渲染主窗口到 PNG 后退出 / render the window to a PNG and exit",
    )
    gui.add_argument("--lang", choices=("zh", "en"), default=None)
    gui.set_defaults(func=cmd_gui)

    export = sub.add_parser("export", help="导出修正后的报告和审核意见 / export corrected outputs")
    export.add_argument("source", help="报告文件或审核包（.grb）")
    export.add_argument("--out", required=True, help="输出目录")
    export.add_argument("--docx-mode", choices=("clean", "comments", "tracked"), default="clean")
    export.add_argument("--lang", choices=("zh", "en"), default="zh")
    export.add_argument(
        "--reviewer", help="审核人（签署审核意见）；缺省时取审核包或图形界面设置中的审核人，都没有则留空待手签"
    )
    export.add_argument("--unit", help="审核单位（审核意见以其名义发出）；缺省规则同 --reviewer")
    export.set_defaults(func=cmd_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--selftest" in argv:  # the installed or frozen app checks itself (packaging/build.py runs it)
        from gov_review.cli.selftest import main as selftest

        return selftest()
    if hasattr(sys.stdout, "reconfigure"):
        with contextlib.suppress(ValueError, OSError):  # exotic streams keep their encoding
            sys.stdout.reconfigure(encoding="utf-8", errors="replace")
    commands = {"check", "summary", "gui", "export", "-h", "--help", "--version"}
    if not argv or argv[0] not in commands:
        argv = ["gui", *argv]  # `gov-review FILE…` and bare `gov-review` open the window
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except BrokenPipeError:  # `gov-review check … | head`: the reader went away, not an error of ours
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
