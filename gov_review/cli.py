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
from importlib import resources
from pathlib import Path

from . import __version__

SUPPORTED_EXTENSIONS = {
    ".txt",
    ".text",
    ".docx",
    ".docm",
    ".html",
    ".htm",
    ".shtml",
    ".pdf",
    ".doc",
    ".wps",
    ".grb",
}
EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2

SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_EN = {"error": "error", "warning": "warning", "info": "info"}


def sample_reports() -> list[str]:
    """Paths of the sample reports shipped in resources/samples (sorted)."""
    folder = resources.files("gov_review.resources").joinpath("samples")
    out = []
    for entry in folder.iterdir():
        if entry.name.endswith((".txt", ".docx")) and not entry.name.startswith("SOURCES"):
            out.append(str(entry))
    return sorted(out)


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files as given; folders expanded recursively to the report files inside (sorted)."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for root, _dirs, files in os.walk(path):
                for name in sorted(files):
                    if Path(name).suffix.lower() in SUPPORTED_EXTENSIONS and not name.startswith("~$"):
                        out.append(str(Path(root) / name))
        else:
            out.append(p)
    return out


def _print(text: str = "") -> None:
    try:
        sys.stdout.write(text + "\n")
    except UnicodeEncodeError:  # a console that cannot show Chinese: degrade, never crash
        sys.stdout.write(text.encode("ascii", "replace").decode("ascii") + "\n")


def cmd_check(args: argparse.Namespace) -> int:
    from .core.pipeline import analyse_file, report_to_json

    lang = args.lang
    files = expand_paths(args.files)
    if not files:
        _print("没有找到可检查的报告文件。" if lang == "zh" else "No report files found.")
        return EXIT_UNREADABLE
    status = EXIT_OK
    reports_json = []
    for path in files:
        report = analyse_file(path)
        if report.error is not None:
            status = EXIT_UNREADABLE
        elif status == EXIT_OK and report.counts()["error"]:
            status = EXIT_ERRORS
        if args.json:
            reports_json.append(report_to_json(report, lang))
        else:
            _print_report(report, lang, verbose=args.verbose)
    if args.json:
        # indent forces json's pure-Python encoder: keep it for a handful of reports only.
        indent = 1 if len(reports_json) <= 20 else None
        sys.stdout.write(json.dumps({"reports": reports_json}, ensure_ascii=False, indent=indent) + "\n")
    return status


def _print_report(report, lang: str, verbose: bool = False) -> None:
    zh = lang == "zh"
    _print(("文件：" if zh else "File: ") + report.path)
    if report.error is not None:
        _print(("  无法读取：" if zh else "  Cannot read: ") + report.error.message(lang))
        _print()
        return
    data = report.data
    fmt = (
        {"2019": "2019 版（试行）", "2021": "2021 版"}.get(data.format or "", "未识别")
        if zh
        else (data.format or "unknown")
    )
    body = data.body.name or ("未识别" if zh else "unknown")
    year = data.year or ("未识别" if zh else "unknown")
    if zh:
        _print(f"  主体：{body}　年度：{year}　格式：{fmt}")
    else:
        _print(f"  Body: {body}  Year: {year}  Format: {fmt}")
    counts = report.counts()
    if zh:
        _print(f"  结果：{counts['error']} 个错误，{counts['warning']} 个警告，{counts['info']} 个提示")
    else:
        _print(f"  Result: {counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes")
    for f in report.findings:
        if f.severity == "info" and not verbose:
            continue
        sev = SEVERITY_ZH[f.severity] if zh else SEVERITY_EN[f.severity]
        _print(f"  [{sev}] {f.rule} {f.message if zh else f.message_en}")
    if counts["info"] and not verbose:
        _print("  （提示类结果未列出，加 --verbose 显示）" if zh else "  (notes not listed; use --verbose)")
    _print()


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        from .gui.app import run
    except ImportError as exc:
        _print(f"无法启动图形界面：{exc}。请确认已安装 PySide6（pip install gov-review）。")
        return EXIT_UNREADABLE
    files = expand_paths(args.files) if args.files else sample_reports()
    return run(files, screenshot=args.screenshot, lang=args.lang)


def cmd_export(args: argparse.Namespace) -> int:
    try:
        from .core.export.cli import run_export
    except ImportError:
        _print("导出功能尚未安装。")
        return EXIT_UNREADABLE
    return run_export(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gov-review",
        description="政府信息公开工作年度报告审核工具 — review government information-disclosure annual reports.",
    )
    parser.add_argument("--version", action="version", version=f"gov-review {__version__}")
    sub = parser.add_subparsers(dest="command")

    check = sub.add_parser("check", help="检查报告并输出结果 / check reports")
    check.add_argument("files", nargs="+", help="报告文件或文件夹 / report files or folders")
    check.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    check.add_argument("--lang", choices=("zh", "en"), default="zh")
    check.add_argument("--verbose", "-v", action="store_true", help="同时列出提示类结果 / list notes too")
    check.set_defaults(func=cmd_check)

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
    export.set_defaults(func=cmd_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if hasattr(sys.stdout, "reconfigure"):
        with contextlib.suppress(ValueError, OSError):  # exotic streams keep their encoding
            sys.stdout.reconfigure(encoding="utf-8", errors="replace")
    commands = {"check", "gui", "export", "-h", "--help", "--version"}
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
