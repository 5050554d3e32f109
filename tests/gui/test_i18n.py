"""The Chinese interface is complete: every string the window can show has a finished zh_CN
translation, every dialog opens in both languages with the right words, Qt's own buttons are
Chinese too, and the start-up language follows --lang, the saved choice, then the system locale.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from gov_review.gui import dialogs, i18n, settings
from gov_review.gui.crash import CrashDialog
from gov_review.gui.dialogs import confirm
from gov_review.gui.dialogs.note import NoteDialog
from gov_review.gui.dialogs.waiver import WaiverDialog
from tests.conftest import ROOT, seed_path

# The real functions: tests/gui/conftest.py replaces them with a tripwire in every test.
REAL = {name: getattr(confirm, name) for name in ("ask_save", "warn", "inform")}

TS = ROOT / "resources" / "i18n" / "gov_review_zh_CN.ts"
GUI = ROOT / "gov_review" / "gui"
CJK = re.compile(r"[\u4e00-\u9fff]")


def catalogue() -> dict[tuple[str, str], str | None]:
    """(context, source) → finished translation, or None when missing, empty or unfinished."""
    out: dict[tuple[str, str], str | None] = {}
    for ctx in ET.parse(TS).getroot().iter("context"):
        name = ctx.findtext("name", "")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            text = "".join(tr.itertext()) if tr is not None else ""
            kind = tr.get("type") if tr is not None else "missing"
            if kind in ("vanished", "obsolete"):
                continue  # lupdate keeps them for reference; the app never asks for them
            ok = kind not in ("unfinished", "missing") and text.strip()
            out[(name, msg.findtext("source", ""))] = text if ok else None
    return out


def source_strings() -> list[tuple[set[str], str, str]]:
    """Every tr()/translate() literal in the GUI sources: (contexts it may be found under, source, where).

    ``self.tr`` in a mixin is looked up at run time under each class of the object's MRO (PySide6),
    so a string of ``ActionsMixin`` is found under ``MainWindow`` too.
    """
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(GUI.rglob("*.py"))}
    subclasses: dict[str, set[str]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for base in node.bases:
                    name = base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", "")
                    subclasses.setdefault(name, set()).add(node.name)

    def family(cls: str) -> set[str]:
        out, todo = {cls}, [cls]
        while todo:
            for sub in subclasses.get(todo.pop(), ()):
                if sub not in out:
                    out.add(sub)
                    todo.append(sub)
        return out

    found: list[tuple[set[str], str, str]] = []

    def visit(node: ast.AST, cls: str | None, path: Path) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name, path)
                continue
            if isinstance(child, ast.Call):
                f = child.func
                name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)
                where = f"{path.relative_to(ROOT)}:{child.lineno}"
                args = child.args
                if name == "tr":
                    assert args and isinstance(args[0], ast.Constant), f"tr() without a literal at {where}"
                    found.append((family(cls or "?"), args[0].value, where))
                elif name == "translate" and isinstance(f, ast.Attribute) and len(args) >= 2:
                    literal = all(isinstance(a, ast.Constant) for a in args[:2])
                    assert literal, f"translate() without literals at {where}: lupdate cannot see it"
                    found.append(({args[0].value}, args[1].value, where))
            visit(child, cls, path)

    for path, tree in trees.items():
        visit(tree, None, path)
    return found


# ------------------------------------------------------------------------------ the catalogue


def test_every_zh_cn_translation_is_finished():
    cat = catalogue()
    assert len(cat) > 50
    holes = [f"{ctx}: {src!r}" for (ctx, src), tr in cat.items() if tr is None]
    assert not holes, "unfinished or empty zh_CN translations:\n" + "\n".join(holes)


def test_every_translated_string_in_the_gui_is_in_the_catalogue():
    cat = catalogue()
    strings = source_strings()
    assert len(strings) > 50
    missing = [
        f"{where} {'/'.join(sorted(ctxs))}: {src!r}"
        for ctxs, src, where in strings
        if not any((ctx, src) in cat for ctx in ctxs)
    ]
    assert not missing, "strings missing from gov_review_zh_CN.ts (run pyside6-lupdate):\n" + "\n".join(
        missing
    )


def test_placeholders_survive_translation():
    """A translation that drops {name} would show the user a raw template or raise KeyError."""
    bad = []
    for (ctx, src), tr in catalogue().items():
        if tr is not None and set(re.findall(r"{\w+}", src)) != set(re.findall(r"{\w+}", tr)):
            bad.append(f"{ctx}: {src!r} → {tr!r}")
    assert not bad, "\n".join(bad)


def test_the_shipped_catalogue_translates(qapp):
    i18n.install(qapp, "zh")
    assert QCoreApplication.translate("MainWindow", "&File") == catalogue()[("MainWindow", "&File")]
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # Qt's qtbase_zh_CN
    i18n.install(qapp, "en")
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


# -------------------------------------------------------------------------- the start-up language


@pytest.mark.parametrize(
    ("explicit", "saved", "system", "expected"),
    [
        (None, None, QLocale.Language.Chinese, "zh"),
        (None, None, QLocale.Language.English, "en"),
        (None, None, QLocale.Language.German, "en"),
        (None, "zh", QLocale.Language.English, "zh"),  # the saved choice wins over the system
        (None, "en", QLocale.Language.Chinese, "en"),
        ("en", "zh", QLocale.Language.Chinese, "en"),  # --lang wins over everything
    ],
)
def test_start_up_language(monkeypatch, explicit, saved, system, expected):
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(system)))
    if saved:
        settings.put(settings.LANGUAGE, saved)
    assert i18n.initial_lang(explicit) == expected


def test_the_language_menu_choice_is_what_the_next_start_uses(window, monkeypatch):
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.Chinese)))
    window.set_language("en")
    assert i18n.initial_lang(None) == "en"
    window.set_language("zh")


# ----------------------------------------------------------------------------------- dialogs


def _tr(ctx: str, src: str, lang: str) -> str:
    """What the user must read: the catalogue's Chinese, or the English source."""
    if lang == "en":
        return src
    text = catalogue().get((ctx, src))
    assert text and CJK.search(text), f"{ctx}: {src!r} has no Chinese translation in the .ts"
    return text


def _buttons(box: QDialogButtonBox) -> set[str]:
    return {b.text().replace("&", "") for b in box.buttons()}


@pytest.fixture
def warning():
    from gov_review.core.review.pipeline import analyse_file

    report = analyse_file(str(seed_path(2)))
    return next(f for f in report.findings if f.severity == "warning")


def open_note(lang, qtbot, monkeypatch, _finding, _window):
    seen = {}

    def fake_exec(self):
        seen.update(title=self.windowTitle(), label=self.label.text(), buttons=_buttons(self.buttons))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(NoteDialog, "exec", fake_exec)
    assert NoteDialog.get_note("（七）总计·总计") is None
    assert seen["title"] == _tr("NoteDialog", "Add note", lang)
    assert seen["label"] == _tr("NoteDialog", "Note on {cell}:", lang).format(cell="（七）总计·总计")
    return seen


def open_waiver(lang, qtbot, monkeypatch, finding, _window):
    seen = {}

    def fake_exec(self):
        seen.update(
            title=self.windowTitle(),
            message=self.message.text(),
            prompt=self.prompt.text(),
            buttons=_buttons(self.buttons),
        )
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(WaiverDialog, "exec", fake_exec)
    assert WaiverDialog.get_reason(finding) is None
    assert seen["title"] == _tr("WaiverDialog", "Accept warning", lang)
    assert seen["message"] == (finding.message if lang == "zh" else finding.message_en)
    assert seen["prompt"] == _tr(
        "WaiverDialog", "Why can this warning stand? The reason goes into the review memo.", lang
    )
    assert _tr("WaiverDialog", "Accept", lang) in seen["buttons"]
    return seen


def open_settle(lang, qtbot, monkeypatch, _finding, _window):
    from gov_review.core.review.pipeline import analyse_file
    from gov_review.gui.dialogs.settle import SettleDialog

    error = next(f for f in analyse_file(str(seed_path(2))).findings if f.code == "N01.mismatch")
    seen = {}

    def fake_exec(self):
        self.reason_box.setCurrentText("以正文为准")
        seen.update(
            title=self.windowTitle(),
            prompt=self.prompt.text(),
            check=self.edit_check.text(),
            buttons=_buttons(self.buttons),
        )
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(SettleDialog, "exec", fake_exec)
    assert SettleDialog.get_decision(error) is None
    assert seen["title"] == _tr("SettleDialog", "Settle error", lang)
    assert seen["check"] == _tr("SettleDialog", "Also set the cell to the text's figure {n}", lang).format(n=16)
    assert _tr("SettleDialog", "Settle", lang) in seen["buttons"]
    return seen


def open_ask_save(lang, qtbot, monkeypatch, _finding, _window):
    seen = {}

    def fake_exec(self):
        seen.update(
            title=self.windowTitle(),
            text=self.text(),
            buttons={b.text() for b in self.buttons()},
        )
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(confirm, "ask_save", REAL["ask_save"])
    assert confirm.ask_save(None, "seed_002.txt") == confirm.CANCEL
    assert seen["title"] == _tr("Confirm", "Unsaved review", lang)
    assert "seed_002.txt" in seen["text"]
    assert seen["buttons"] == {_tr("Confirm", s, lang) for s in ("Save", "Don't save", "Cancel")}
    return seen


def open_about(lang, qtbot, monkeypatch, _finding, window):
    seen = {}
    monkeypatch.setattr(confirm, "inform", REAL["inform"])
    monkeypatch.setattr(
        confirm.QMessageBox,
        "information",
        staticmethod(lambda _parent, title, text, *a: seen.update(title=title, text=text)),
    )
    window.about()
    assert seen["title"] == _tr("MainWindow", "About gov-review", lang)
    return seen


def open_crash(lang, qtbot, monkeypatch, _finding, _window):
    dialog = CrashDialog("Traceback (most recent call last):\nValueError: x", saved=True)
    qtbot.addWidget(dialog)
    seen = {
        "title": dialog.windowTitle(),
        "message": dialog.message.text(),
        "buttons": _buttons(dialog.buttons),
    }
    if lang == "zh":
        assert "复制报告" in seen["buttons"] and "关闭" in seen["buttons"]
        assert "已自动保存" in seen["message"]
    else:
        assert {"Copy report", "Close"} <= seen["buttons"]
        assert "has been saved" in seen["message"]
    return seen


def open_warn(lang, qtbot, monkeypatch, _finding, _window):
    """warn() shows the caller's sentence; what the language decides is Qt's own OK button."""
    seen = {}

    def fake_exec(self):
        self.show()  # a box given no button gets Qt's OK when shown
        seen.update(title=self.windowTitle(), text=self.text(), buttons={b.text() for b in self.buttons()})
        self.hide()
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(confirm, "warn", REAL["warn"])
    title = _tr("MainWindow", "About gov-review", lang)
    confirm.warn(None, title, "x")
    assert seen["title"] == title
    assert seen["buttons"] == {"确定" if lang == "zh" else "OK"}  # Qt's qtbase_zh_CN
    return seen


def open_recovery(lang, qtbot, monkeypatch, _finding, _window):
    from gov_review.core.review.recovery import RecoveryEntry
    from gov_review.gui.dialogs.recovery import LATER, RecoveryDialog

    seen = {}

    def fake_exec(self):
        seen.update(
            title=self.windowTitle(),
            prompt=self.prompt.text(),
            entry=self.list.item(0).text(),
            buttons=_buttons(self.buttons),
        )
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(RecoveryDialog, "exec", fake_exec)
    entry = RecoveryEntry(
        id="a",
        state_path=Path("a.json"),
        source_name="seed_002.txt",
        edits=2,
        notes=1,
        saved="2024-03-01T10:00:00",
    )
    assert RecoveryDialog.ask([entry]) == LATER
    assert seen["title"] == _tr("RecoveryDialog", "Restore unsaved reviews", lang)
    assert seen["buttons"] == {_tr("RecoveryDialog", s, lang) for s in ("Restore", "Discard", "Decide later")}
    assert seen["entry"].startswith("seed_002.txt")
    return seen


def open_pair(lang, qtbot, monkeypatch, _finding, _window):
    pair = pytest.importorskip("gov_review.gui.dialogs.pair")
    from gov_review.core.review.pipeline import analyse_file

    seen = {}

    def fake_exec(self):
        seen.update(title=self.windowTitle(), hint=self.hint.text(), buttons=_buttons(self.buttons))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(pair.PairDialog, "exec", fake_exec)
    reports = [analyse_file(str(seed_path(n))) for n in (2, 4)]
    assert pair.PairDialog.get_pair(reports) is None
    assert seen["title"] == _tr("PairDialog", "Pair two years by hand", lang)
    return seen


def open_identity(lang, qtbot, monkeypatch, _finding, _window):
    from gov_review.gui.dialogs.identity import IdentityDialog

    seen = {}

    def fake_exec(self):
        seen.update(title=self.windowTitle(), prompt=self.prompt.text(), buttons=_buttons(self.buttons))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(IdentityDialog, "exec", fake_exec)
    assert IdentityDialog.ask(None, "", "", "someone") is None
    assert seen["title"] == _tr("IdentityDialog", "Reviewer and reviewing unit", lang)
    return seen


def open_export(lang, qtbot, monkeypatch, _finding, _window):
    from gov_review.gui.dialogs.export import ExportDialog

    seen = {}

    def fake_exec(self):
        seen.update(
            title=self.windowTitle(),
            mode=self.mode.itemText(0),
            outputs=[b.text() for b in self.checks.values()],
            buttons=_buttons(self.buttons),
        )
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ExportDialog, "exec", fake_exec)
    assert ExportDialog.get_options(None, "/tmp") is None
    assert seen["title"] == _tr("ExportDialog", "Export", lang)
    assert seen["mode"] == _tr("ExportDialog", "Clean copy (new values only)", lang)
    return seen


OPENERS = {
    "IdentityDialog": open_identity,
    "ExportDialog": open_export,
    "NoteDialog": open_note,
    "RecoveryDialog": open_recovery,
    "PairDialog": open_pair,
    "warn": open_warn,
    "WaiverDialog": open_waiver,
    "SettleDialog": open_settle,
    "ask_save": open_ask_save,
    "about": open_about,
    "CrashDialog": open_crash,
}


def test_every_dialog_has_an_opener_here():
    """A new dialog in gui/dialogs/ must be added to OPENERS, or this test fails."""
    found = set()
    for info in pkgutil.iter_modules(dialogs.__path__):
        module = importlib.import_module(f"{dialogs.__name__}.{info.name}")
        for name, obj in vars(module).items():
            if getattr(obj, "__module__", None) != module.__name__ or name.startswith("_"):
                continue
            if (inspect.isclass(obj) and issubclass(obj, QDialog)) or (
                inspect.isfunction(obj) and "QMessageBox" in inspect.getsource(obj)
            ):
                found.add(name)
    # inform() is the about box's (and other notices') carrier, opened through MainWindow.about
    assert found - {"inform"} <= set(OPENERS), f"dialogs without a language test: {found - set(OPENERS)}"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", sorted(OPENERS))
def test_each_dialog_speaks_the_language(name, lang, qapp, qtbot, monkeypatch, warning, window):
    i18n.install(qapp, lang)
    seen = OPENERS[name](lang, qtbot, monkeypatch, warning, window)
    if lang == "zh":
        assert CJK.search(seen["title"]), f"{name}: title {seen['title']!r} is not Chinese"
        # standard buttons (OK, Cancel, Close) come from Qt's own catalogue
        assert not seen.get("buttons", set()) & {"OK", "Cancel", "Close", "Save", "Discard"}, seen
    else:
        assert not CJK.search(seen["title"]), f"{name}: title {seen['title']!r} is not English"
        assert not any(CJK.search(b) for b in seen.get("buttons", set())), seen


def test_a_stale_qm_is_not_used_when_the_ts_is_newer(tmp_path, monkeypatch):
    """In a checkout where the .ts moved on, new strings must not show in English."""
    import os
    import shutil

    ts = tmp_path / i18n.TS_NAME
    shutil.copyfile(TS, ts)
    qm = tmp_path / i18n.QM_NAME
    qm.write_bytes(b"stale")
    os.utime(qm, (1_000_000, 1_000_000))
    monkeypatch.setattr(i18n, "_i18n_file", lambda name: tmp_path / name)
    assert i18n.qm_path() not in (None, str(qm))
    os.utime(qm, None)  # rebuilt after the .ts: the shipped file is used
    assert i18n.qm_path() == str(qm)
