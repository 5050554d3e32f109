"""``gov-review --selftest``: prove an installed (or frozen) copy works, without a screen or a network.

It drives the real review window offscreen over the bundled sample reports, as a reviewer would:
the samples open, the known findings are on the right cells, the Chinese interface is loaded (ours
and Qt's own), the statistics tab draws (pyqtgraph is imported lazily, the first thing a frozen
build forgets), an edit clears the errors it should, the review is saved as a bundle with all its
exports (python-docx's template, XlsxWriter, the memo PDF) and the bundle reopens with the edit.
Exit status 0 means all of that happened; anything else prints what failed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from pathlib import Path

NAT, TOT = "t3.r_total.c_natural", "t3.r_total.c_total"

# What a reviewer must be told about each sample (shared/domain/SEEDS.md): (rule, severity, pinned cell).
EXPECTED = {
    "seed_000.txt": [("S04", "warning", None)],
    "seed_002.txt": [
        ("R01", "error", NAT),
        ("R03", "error", NAT),
        ("R01", "error", TOT),
        ("R03", "error", TOT),
        ("N01", "error", None),
        ("R06", "error", None),
    ],
    "seed_004.txt": [("S01", "error", "t2.a1.r_reg.c_new_made")],
}
EXPECTED.update({name.replace(".txt", ".docx"): wanted for name, wanted in EXPECTED.items()})  # Word twins
CLEAN = ("seed_003.txt", "seed_003.docx")  # R01–R04 hold: no error at all


class SelfTestFailed(Exception):
    """One check of the self-test did not hold; the message says which."""


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailed(message)


def _has(findings, rule: str, severity: str, cell: str | None) -> bool:
    return any(
        f.rule == rule and f.severity == severity and (cell is None or (f.cells and f.cells[0] == cell))
        for f in findings
    )


def _process(app) -> None:
    for _ in range(3):
        app.processEvents()


def run_checks(workdir: Path, log=print) -> None:
    """Every check, in a reviewer's order; raises SelfTestFailed (or anything unexpected)."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from gov_review.core.batch.files import sample_reports
    from gov_review.core.review.pipeline import analyse_file
    from gov_review.core.review.recovery import RecoveryStore

    # Settings (recent files, layout) go to the work folder, not the user's profile.
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(workdir / "settings"))

    from gov_review.gui import i18n, settings
    from gov_review.gui.app import make_app
    from gov_review.gui.main_window import MainWindow
    from gov_review.gui.workers import SyncPool

    app = make_app("zh")
    # The self-test is nobody's review: it signs as itself, so the first save asks no one (a
    # modal question offscreen would wait forever).
    settings.put(settings.REVIEWER, "自检")
    settings.put(settings.UNIT, "gov-review 自检")
    settings.put(settings.IDENTITY_ASKED, True)
    _check(i18n.current_lang() == "zh", "the Chinese interface could not be selected")
    _check(
        QCoreApplication.translate("MainWindow", "&File") == "文件(&F)",
        "the Chinese translation of the window (gov_review_zh_CN.qm) is not loaded",
    )
    _check(
        QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消",
        "Qt's own Chinese translation (qtbase_zh_CN.qm) is not loaded",
    )
    log("translations: ok")

    samples = [p for p in sample_reports() if Path(p).name.startswith("seed_")]
    _check(len(samples) >= 10, f"expected the ten sample reports, found {len(samples)}")
    # Autosaves go to the work folder too: the self-test is nobody's unsaved review.
    window = MainWindow(pool=SyncPool(), recovery=RecoveryStore(workdir / "recovery"))
    try:
        window.resize(1400, 900)
        window.show()
        window.open_paths(samples, remember=False)
        _process(app)
        docs = {d.name: d for d in window.list_model.docs}
        _check(len(docs) == len(samples), f"{len(docs)} of {len(samples)} sample reports opened")
        for name, doc in docs.items():
            _check(doc.ok, f"{name} could not be read: {doc.error_message()}")
            expected = analyse_file(doc.path).counts()
            _check(
                doc.counts()["error"] == expected["error"],
                f"{name}: the window shows {doc.counts()['error']} errors, the checker {expected['error']}",
            )
        for name, wanted in EXPECTED.items():
            findings = docs[name].session.findings
            for rule, severity, cell in wanted:
                where = f" on {cell}" if cell else ""
                _check(_has(findings, rule, severity, cell), f"{name}: {rule} {severity}{where} is missing")
        for name in CLEAN:
            _check(docs[name].counts()["error"] == 0, f"{name} should have no error")
        log(f"{len(docs)} sample reports: ok")

        seed2 = docs["seed_002.txt"]
        window.set_current(seed2)
        first = window.next_finding()
        _check(first is not None, "F8 found no finding in seed_002")
        window.tabs.setCurrentIndex(3)  # statistics: imports pyqtgraph
        _process(app)
        _check(window.stats is not None, "the statistics tab did not draw")
        log("findings walk and statistics: ok")

        for cell in (NAT, TOT):
            _check(window.set_cell(cell, "4"), f"editing {cell} was refused")
        _check(
            not _has(seed2.session.findings, "R01", "error", NAT),
            "correcting （七）总计 to 4 did not clear R01",
        )
        _check(seed2.modified, "the edit did not mark the review as modified")
        _check(window.autosave_now() == 1, "the autosave (what a crash keeps) wrote nothing")
        bundle = workdir / "seed_002.grb"
        seed2.bundle_path = str(bundle)  # skips the file dialog
        _check(window.save_current(), "saving the review bundle failed")
        _check(bundle.is_file() and bundle.stat().st_size > 0, "the review bundle was not written")
        _check(not seed2.modified, "after saving, the review still shows as modified")
        log(f"bundle saved ({bundle.stat().st_size:,} bytes): ok")

        # closed first: the window shows a bundle that is open rather than open it twice
        _check(window.close_document(seed2), "the saved review did not close")
        before = set(map(id, window.list_model.docs))
        window.open_paths([str(bundle)], remember=False)
        _process(app)
        reopened = next((d for d in window.list_model.docs if id(d) not in before), None)
        _check(reopened is not None and reopened.ok, "the saved bundle did not reopen")
        _check(str(reopened.session.data.value(NAT)) == "4", "the reopened bundle lost the correction")
        _check(
            not _has(reopened.session.findings, "R01", "error", NAT),
            "the reopened bundle shows the corrected error again",
        )
        log("bundle reopened with the correction: ok")
    finally:
        for doc in window.list_model.docs:
            doc.stack.setClean()  # nothing to ask about on close
        window.close()
        window.deleteLater()
        _process(app)


def main(argv: list[str] | None = None) -> int:
    """Run the self-test; 0 when every check held, 1 (with the reason on stderr) otherwise."""
    # Offscreen unless the caller chose a platform: the self-test runs on build machines with no display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    try:
        with tempfile.TemporaryDirectory(prefix="gov-review-selftest-") as tmp:
            run_checks(Path(tmp), log=lambda text: print(f"selftest: {text}", flush=True))
    except SelfTestFailed as exc:
        print(f"selftest FAILED: {exc}", file=sys.stderr, flush=True)
        return 1
    except Exception:
        print("selftest FAILED with an unexpected error:", file=sys.stderr)
        traceback.print_exc()
        return 1
    print("selftest: passed", flush=True)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
