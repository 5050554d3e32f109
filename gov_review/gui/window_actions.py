"""The main window's actions, shortcuts and menus (the standard keys a Windows user expects), and
their texts in the current language. A mixin of MainWindow.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from gov_review.gui import i18n

N_TABLES = 3  # the statistics tab comes after 表二、表三、表四


class ActionsMixin:
    def _action(self, shortcut: Any = None, slot: Any = None, name: str = "") -> QAction:
        a = QAction(self)
        if name:
            a.setObjectName(name)
        if isinstance(shortcut, list):
            a.setShortcuts(shortcut)
        elif shortcut is not None:
            a.setShortcut(shortcut)
        if slot is not None:
            a.triggered.connect(slot)
        self.addAction(a)
        return a

    def _build_actions(self) -> None:
        act, keys = self._action, QKeySequence.StandardKey
        self.act_open = act(keys.Open, self.open_dialog, "actOpen")
        self.act_open_folder = act(QKeySequence("Ctrl+Shift+O"), self.open_folder_dialog, "actOpenFolder")
        self.act_save = act(keys.Save, self.save_current, "actSave")
        self.act_save_as = act(QKeySequence("Ctrl+Shift+S"), self.save_current_as, "actSaveAs")
        self.act_export = act(QKeySequence("Ctrl+E"), lambda: self.exporter.export_current(), "actExport")
        self.act_identity = act(None, lambda: self.exporter.edit_identity(), "actIdentity")
        self.act_close = act(QKeySequence("Ctrl+W"), self.close_current, "actClose")
        self.act_quit = act(QKeySequence("Ctrl+Q"), self.close, "actQuit")
        # our own actions, not QUndoGroup's: those are named by Qt's catalogue (撤消) and keep the
        # language they were made in
        self.act_undo = act(keys.Undo, self.undo_group.undo, "actUndo")
        self.act_redo = act([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")], self.undo_group.redo, "actRedo")
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        self.undo_group.canUndoChanged.connect(self.act_undo.setEnabled)
        self.undo_group.canRedoChanged.connect(self.act_redo.setEnabled)
        self.undo_group.undoTextChanged.connect(lambda _t: self._retranslate_undo())
        self.undo_group.redoTextChanged.connect(lambda _t: self._retranslate_undo())
        self.act_note = act(QKeySequence("Ctrl+M"), lambda: self.add_note(), "actNote")
        self.act_waive = act(None, lambda: self.waive_finding(self.findings.current_finding()), "actWaive")
        self.act_fix = act(
            QKeySequence("Ctrl+Return"),
            lambda: self.apply_suggestion(self.findings.current_finding()),
            "actFix",
        )
        self.act_next = act(QKeySequence("F8"), self.next_finding, "actNext")
        self.act_prev = act(QKeySequence("Shift+F8"), self.previous_finding, "actPrev")
        self.act_compare_previous = act(None, self.compare_with_previous_folder, "actComparePrevious")
        self.act_stats = act(None, lambda: self.tabs.setCurrentIndex(N_TABLES), "actStats")
        self.act_zh = act(None, lambda: self.set_language("zh"), "actZh")
        self.act_en = act(None, lambda: self.set_language("en"), "actEn")
        group = QActionGroup(self)
        for a in (self.act_zh, self.act_en):
            a.setCheckable(True)
            group.addAction(a)
        (self.act_zh if i18n.current_lang() == "zh" else self.act_en).setChecked(True)
        self.act_about = act(None, self.about, "actAbout")
        self._build_menus()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_recent = QMenu(self)
        self.menu_recent.setObjectName("recentMenu")
        self.menu_recent.aboutToShow.connect(self._fill_recent)
        self.menu_file.addActions([self.act_open, self.act_open_folder])
        self.menu_file.addMenu(self.menu_recent)
        self.menu_file.addSeparator()
        self.menu_file.addActions([self.act_save, self.act_save_as, self.act_export, self.act_close])
        self.menu_file.addAction(self.act_identity)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = bar.addMenu("")
        self.menu_edit.addActions([self.act_undo, self.act_redo])
        self.menu_edit.addSeparator()
        self.menu_edit.addActions([self.act_note, self.act_waive, self.act_fix])
        self.menu_review = bar.addMenu("")
        self.menu_review.addActions([self.act_next, self.act_prev])
        self.menu_review.addSeparator()
        self.menu_review.addAction(self.act_compare_previous)
        self.menu_view = bar.addMenu("")
        self.menu_view.addAction(self.act_stats)
        self.menu_view.addActions(self._batch_actions())
        self.menu_view.addSeparator()
        self.menu_lang = self.menu_view.addMenu("")
        self.menu_lang.addActions([self.act_zh, self.act_en])
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_about)

    def _retranslate_actions(self) -> None:
        """The actions' texts (the menu titles are MainWindow's own, in its retranslate)."""
        texts = {
            self.act_open: self.tr("&Open…"),
            self.act_open_folder: self.tr("Open &folder…"),
            self.act_save: self.tr("&Save review bundle"),
            self.act_save_as: self.tr("Save review bundle &as…"),
            self.act_export: self.tr("&Export…"),
            self.act_identity: self.tr("Reviewer and &unit…"),
            self.act_close: self.tr("&Close report"),
            self.act_quit: self.tr("E&xit"),
            self.act_note: self.tr("Add &note…"),
            self.act_waive: self.tr("&Accept warning…"),
            self.act_fix: self.tr("Apply &suggested fix"),
            self.act_next: self.tr("&Next finding"),
            self.act_prev: self.tr("&Previous finding"),
            self.act_compare_previous: self.tr("Compare with last year's reports…"),
            self.act_stats: self.tr("&Statistics"),
            self.act_zh: "中文",
            self.act_en: "English",
            self.act_about: self.tr("&About"),
        }
        for a, text in texts.items():
            a.setText(text)
        self._retranslate_undo()

    def _retranslate_undo(self) -> None:
        """Undo/Redo name the step they would take (“撤销 设置 … 为 4”), in the current language."""
        undo, redo = self.undo_group.undoText(), self.undo_group.redoText()
        self.act_undo.setText(self.tr("&Undo {what}").format(what=undo) if undo else self.tr("&Undo"))
        self.act_redo.setText(self.tr("&Redo {what}").format(what=redo) if redo else self.tr("&Redo"))
