"""Pair two opened reports by hand (last year's, this year's) when their body names differ.

``PairDialog.get_pair(items)`` returns ``(prev, cur)`` or None; tests patch only ``exec``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from gov_review.gui.models.league import Item, item_label, item_ok, item_year, tr_zh


class PairDialog(QDialog):
    def __init__(self, items: list[Item], cur: Item | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pairDialog")
        self.items = [it for it in items if item_ok(it)]
        self.setWindowTitle(
            tr_zh(
                QCoreApplication.translate("PairDialog", "Pair two years by hand"), "手动配对两个年度的报告"
            )
        )
        intro = QLabel(
            tr_zh(
                QCoreApplication.translate(
                    "PairDialog",
                    "Choose last year's and this year's report of the same body; the cross-year checks X01–X06 compare them.",
                ),
                "请选择同一主体上一年度和本年度的报告，跨年度检查 X01–X06 将对二者进行比对。",
            ),
            self,
        )
        intro.setWordWrap(True)
        self.prev_combo = QComboBox(self)
        self.prev_combo.setObjectName("pairPrev")
        self.cur_combo = QComboBox(self)
        self.cur_combo.setObjectName("pairCur")
        for it in self.items:
            self.prev_combo.addItem(item_label(it))
            self.cur_combo.addItem(item_label(it))
        self.hint = QLabel(self)
        self.hint.setObjectName("pairHint")
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(
            tr_zh(QCoreApplication.translate("PairDialog", "Last year:"), "上一年度："), self.prev_combo
        )
        form.addRow(tr_zh(QCoreApplication.translate("PairDialog", "This year:"), "本年度："), self.cur_combo)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.hint)
        lay.addWidget(self.buttons)
        self.prev_combo.currentIndexChanged.connect(self._update)
        self.cur_combo.currentIndexChanged.connect(self._update)
        self._preselect(cur)
        self._update()
        self.resize(560, self.sizeHint().height())

    def _preselect(self, cur: Item | None) -> None:
        """This year's: the given report; last year's: an opened report of the year before, if any."""
        if not self.items:
            return
        cur_i = next((i for i, it in enumerate(self.items) if it is cur), 0)
        self.cur_combo.setCurrentIndex(cur_i)
        year = item_year(self.items[cur_i])
        prev_i = next(
            (i for i, it in enumerate(self.items) if year and item_year(it) == year - 1),
            1 if len(self.items) > 1 and cur_i == 0 else 0,
        )
        self.prev_combo.setCurrentIndex(prev_i)

    def select(self, prev: Item, cur: Item) -> None:
        """Choose both reports (what a reviewer does with the two lists)."""
        self.prev_combo.setCurrentIndex(next(i for i, it in enumerate(self.items) if it is prev))
        self.cur_combo.setCurrentIndex(next(i for i, it in enumerate(self.items) if it is cur))

    def choice(self) -> tuple[Item, Item] | None:
        p, c = self.prev_combo.currentIndex(), self.cur_combo.currentIndex()
        if p < 0 or c < 0 or p == c:
            return None
        return self.items[p], self.items[c]

    def _update(self, *_args: object) -> None:
        choice = self.choice()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(choice is not None)
        if choice is None:
            self.hint.setText(
                tr_zh(
                    QCoreApplication.translate("PairDialog", "Choose two different reports."),
                    "请选择两份不同的报告。",
                )
            )
            return
        py, cy = item_year(choice[0]), item_year(choice[1])
        if py is not None and cy is not None and cy - py != 1:
            self.hint.setText(
                tr_zh(
                    QCoreApplication.translate(
                        "PairDialog",
                        "The years are {prev} and {cur}, not consecutive: the comparison may mislead.",
                    ),
                    "两份报告的年度为 {prev} 年和 {cur} 年，并不相邻，比对结果可能不准确。",
                ).format(prev=py, cur=cy)
            )
        else:
            self.hint.setText("")

    @classmethod
    def get_pair(
        cls, items: list[Item], cur: Item | None = None, parent: QWidget | None = None
    ) -> tuple[Item, Item] | None:
        """(last year's, this year's) as chosen, or None when cancelled."""
        dlg = cls(items, cur, parent)
        try:
            if dlg.exec() == QDialog.DialogCode.Accepted:
                return dlg.choice()
            return None
        finally:
            dlg.deleteLater()
