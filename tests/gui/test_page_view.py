"""The source pane's 原件 view of a PDF: the pages themselves, the selected cell outlined where it is
printed, a click on a number selecting its cell, a click on a quoted sentence selecting its finding.

Where a cell is printed is measured independently of the reader: poppler (pdftotext, pdftoppm)
finds the number and the ruled lines around it; the page view's own rendering is measured the same
way on the widget's pixels.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from gov_review.gui import settings
from gov_review.gui.views.page_view import PageView
from tests.conftest import seed_path

REAL = Path("/work/shared/real")
H23 = REAL / "hongze_district_2023.pdf"
H24 = REAL / "hongze_district_2024.pdf"
HUAIAN = REAL / "huaian_city_2024.pdf"
# (file, cell, the number printed in it)
KNOWN = [
    (H23, "t2.a1.r_norm.c_repealed", "5"),
    (H23, "t3.r_new.c_total", "21"),
    (H23, "t4.review.c_upheld", "10"),
    (H23, "t4.review.c_total", "0"),
    (H24, "t3.r_new.c_total", "95"),
    (H24, "t4.review.c_total", "2"),
    (HUAIAN, "t2.a1.r_norm.c_repealed", "26"),
    (HUAIAN, "t3.r_total.c_natural", "2932"),
    (HUAIAN, "t4.review.c_total", "351"),
]

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="the real reports are not on this machine")
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None, reason="poppler-utils missing"
)

DPI = 288  # 4 pixels a point
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


@cache
def words(pdf: Path, page: int) -> list[tuple[float, float, float, float, str]]:
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in _WORD.findall(out)]


@cache
def poppler_page(pdf: Path, page: int) -> QImage:
    png = subprocess.run(
        ["pdftoppm", "-f", str(page), "-l", str(page), "-r", str(DPI), "-gray", "-png", str(pdf)],
        capture_output=True,
        check=True,
    ).stdout
    return QImage.fromData(png)


def dark(img: QImage, x: int, y: int) -> bool:
    return QColor(img.pixel(x, y)).lightness() < 200


def ruled_box(img: QImage, word: QRectF, px: float) -> QRectF:
    """The ruled lines nearest around a word (all in image pixels; ``px`` pixels a point): the
    first column left/right of it dark for 3 pt up and down, the first row above/below dark for
    3 pt left and right."""
    cx, cy = int(word.center().x()), int(word.center().y())
    reach = int(1.5 * px)

    def vline(x: int) -> bool:
        return all(dark(img, x, y) for y in range(cy - reach, cy + reach + 1))

    def hline(y: int) -> bool:
        return all(dark(img, x, y) for x in range(cx - reach, cx + reach + 1))

    left = next(x for x in range(int(word.left()) - 1, 0, -1) if vline(x))
    right = next(x for x in range(int(word.right()) + 1, img.width()) if vline(x))
    top = next(y for y in range(int(word.top()) - 1, 0, -1) if hline(y))
    bottom = next(y for y in range(int(word.bottom()) + 1, img.height()) if hline(y))
    return QRectF(left, top, right - left, bottom - top)


def printed_box(pdf: Path, page: int, text: str, near: tuple[float, float, float, float]) -> QRectF:
    """poppler's measure of a cell, in points: the lines around the word ``text`` in its box."""
    x0, top, x1, bottom = near
    found = [
        w
        for w in words(pdf, page)
        if w[4] == text and x0 <= (w[0] + w[2]) / 2 <= x1 and top <= (w[1] + w[3]) / 2 <= bottom
    ]
    assert len(found) == 1, f"{text!r} not found once in its cell on page {page}: {found}"
    a, b, c, d, _ = found[0]
    s = DPI / 72
    box = ruled_box(poppler_page(pdf, page), QRectF(a * s, b * s, (c - a) * s, (d - b) * s), s)
    return QRectF(box.x() / s, box.y() / s, box.width() / s, box.height() / s)


def close_to(a: QRectF, b: QRectF, tol: float) -> bool:
    return all(
        abs(p - q) <= tol
        for p, q in zip(
            (a.left(), a.top(), a.right(), a.bottom()),
            (b.left(), b.top(), b.right(), b.bottom()),
            strict=True,
        )
    )


def show(window, path: Path) -> None:
    """Open a file (if it is not open) and make it the current report."""
    window.open_paths([str(path)])
    window.set_current(next(d for d in window.list_model.docs if d.path == str(path)))


def open_pdf(window, qtbot, path: Path):
    show(window, path)
    pages = window.source_pane.pages
    qtbot.waitUntil(lambda: bool(pages.sizes), timeout=5000)
    return pages


def wait_rendered(qtbot, pages: PageView, page: int) -> None:
    qtbot.waitUntil(lambda: page in pages.rendered_pages(), timeout=5000)


# ---------------------------------------------------------------------------------------------


@needs_poppler
@pytest.mark.parametrize(("pdf", "cell_id", "text"), KNOWN, ids=[f"{p.stem}:{c}" for p, c, _ in KNOWN])
def test_a_cells_box_is_where_poppler_sees_its_ruled_lines(window, qtbot, pdf, cell_id, text):
    window.open_paths([str(pdf)])
    cell = window.current.session.cell(cell_id)
    assert cell.raw.strip() == text
    a = cell.anchor
    measured = printed_box(pdf, a.page, text, a.bbox)
    x0, top, x1, bottom = a.bbox
    assert close_to(QRectF(x0, top, x1 - x0, bottom - top), measured, 2.0), (a.bbox, measured)


def test_pdf_opens_on_its_pages_with_only_the_visible_ones_rendered(window, qtbot):
    pages = open_pdf(window, qtbot, HUAIAN)
    pane = window.source_pane
    assert pane.mode == "pages" and pane.stack.currentWidget() is pages and pane.head.isVisible()
    assert len(pages.sizes) == 6 and pages.zoom is None  # fit to width
    assert abs(pages.page_rect(0).width() - (pages.viewport().width() - 20)) <= 1
    wait_rendered(qtbot, pages, 0)
    qtbot.waitUntil(lambda: not pages.renderer.busy(), timeout=5000)
    visible = pages.visible_pages()
    assert set(pages.rendered_pages()) <= set(range(visible[0] - 1, visible[-1] + 2))
    assert len(pages.rendered_pages()) < 6


@needs_poppler
def test_selected_cell_is_outlined_where_the_page_shows_it(window, qtbot):
    pages = open_pdf(window, qtbot, H23)
    pages.set_zoom(2.0)
    cid = "t4.review.c_total"
    window.select_cell(cid)
    a = window.current.session.cell(cid).anchor
    page = a.page - 1
    wait_rendered(qtbot, pages, page)
    box = pages.box_rect(page, QRectF(a.bbox[0], a.bbox[1], a.bbox[2] - a.bbox[0], a.bbox[3] - a.bbox[1]))
    assert QRectF(pages.viewport().rect()).contains(box)  # scrolled to it
    # the page as drawn (outlines off): its ruled lines around the printed number
    selected, pages.selected = pages.selected, None
    shot = pages.viewport().grab().toImage()
    pages.selected = selected
    w = next(
        w
        for w in words(H23, a.page)
        if w[4] == "0" and a.bbox[0] <= w[0] <= a.bbox[2] and a.bbox[1] <= w[1] <= a.bbox[3]
    )
    dpr = shot.devicePixelRatio()
    origin = pages.page_rect(page).topLeft()
    k = pages.scale * dpr  # device pixels a point
    word = QRectF(
        origin.x() * dpr + w[0] * k, origin.y() * dpr + w[1] * k, (w[2] - w[0]) * k, (w[3] - w[1]) * k
    )
    lines = ruled_box(shot, word, k)
    on_screen = QRectF(lines.x() / dpr, lines.y() / dpr, lines.width() / dpr, lines.height() / dpr)
    assert close_to(on_screen, box, 2.0 * pages.scale), (on_screen, box)
    # and the outline is red (an error: 行政复议 does not add up), thick, on that box
    outline = [o for o in pages.outlines() if o[0] == page and o[1] == QRectF(*_r(a.bbox))]
    assert outline and outline[-1][2].rgb() == QColor(214, 39, 40).rgb() and outline[-1][3] >= 3


def _r(b):
    return (b[0], b[1], b[2] - b[0], b[3] - b[1])


def test_clicking_a_number_on_the_page_selects_its_cell(window, qtbot):
    pages = open_pdf(window, qtbot, H23)
    for cid in ("t4.review.c_upheld", "t3.r_new.c_total", "t2.a1.r_norm.c_repealed"):
        a = window.current.session.cell(cid).anchor
        pages.ensure_visible(a.page - 1, QRectF(*_r(a.bbox)))
        box = pages.box_rect(a.page - 1, QRectF(*_r(a.bbox)))
        qtbot.mouseClick(pages.viewport(), Qt.MouseButton.LeftButton, pos=box.center().toPoint())
        assert window.current_cell() == cid
        assert pages.selected == cid
        assert cid.split(".")[1] in pages.tooltip_at(box.center()) or pages.tooltip_at(box.center())
    tip = pages.tooltip_at(box.center())
    assert tip.startswith("表二") and tip.endswith("：5")


def test_a_finding_selects_and_outlines_its_cells(window, qtbot):
    pages = open_pdf(window, qtbot, H23)
    finding = window.next_finding()
    assert finding.rule == "R04" and finding.severity == "error"
    assert pages.selected == finding.cells[0]
    drawn = {(o[0], (o[1].x(), o[1].y())) for o in pages.outlines()}
    for cid in finding.cells:
        a = window.current.session.cell(cid).anchor
        assert (a.page - 1, (a.bbox[0], a.bbox[1])) in drawn
    a = window.current.session.cell(finding.cells[0]).anchor
    assert QRectF(pages.viewport().rect()).contains(pages.box_rect(a.page - 1, QRectF(*_r(a.bbox))))


def test_a_prose_finding_outlines_its_sentence_and_a_click_there_selects_it(window, qtbot):
    pages = open_pdf(window, qtbot, H24)
    prose = next(f for f in window.current.findings() if f.rule == "N01")
    window.go_to_finding(prose)
    assert pages.anchor == prose.anchor
    para = QRectF(*_r(prose.anchor.bbox))
    assert any(o[0] == prose.anchor.page - 1 and o[1].contains(para) for o in pages.outlines())
    # another finding, then a click on the sentence goes back to the prose one
    window.go_to_finding(next(f for f in window.current.findings() if f.rule == "R12"))
    assert pages.anchor is None
    pages.ensure_visible(prose.anchor.page - 1, para)
    spot = pages.box_rect(prose.anchor.page - 1, para).center().toPoint()
    qtbot.mouseClick(pages.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert window._finding_key == prose.key and pages.anchor == prose.anchor


def test_zoom_keys_and_wheel_and_back_to_fit_width(window, qtbot):
    pages = open_pdf(window, qtbot, HUAIAN)
    fit = pages.scale
    pages.setFocus()
    qtbot.keyClick(pages, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert pages.zoom is not None and pages.scale == pytest.approx(fit * 1.2)
    qtbot.keyClick(pages, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(pages, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert pages.scale == pytest.approx(fit / 1.2)
    at = QPointF(pages.viewport().rect().center())
    wheel = QWheelEvent(
        at,
        pages.viewport().mapToGlobal(at),
        QPoint(),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(pages.viewport(), wheel)
    assert pages.scale == pytest.approx(fit / 1.2 * 1.15**2)
    qtbot.keyClick(pages, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert pages.zoom is None and pages.scale == pytest.approx(fit)
    assert window.source_pane.zoom_label.text() == f"{round(fit * 100)}%"
    assert window.source_pane.btn_fit.text() == "适合宽度"


def test_zooming_in_keeps_the_selected_cell_in_view(window, qtbot):
    pages = open_pdf(window, qtbot, H23)
    window.select_cell("t4.review.c_total")
    a = window.current.session.cell("t4.review.c_total").anchor
    for _ in range(5):
        pages.zoom_by(1.2)
        box = pages.box_rect(a.page - 1, QRectF(*_r(a.bbox)))
        assert QRectF(pages.viewport().rect()).contains(box.center())
    assert pages.scale > 1.0


def test_the_choice_of_view_is_remembered_and_text_files_show_text(window, qtbot):
    pane = window.source_pane
    open_pdf(window, qtbot, H23)
    pane.btn_text.click()
    assert pane.mode == "text" and settings.get(settings.SOURCE_VIEW) == "text"
    show(window, H24)
    assert pane.mode == "text" and pane.head.isVisible()
    pane.btn_pages.click()
    assert pane.mode == "pages" and settings.get(settings.SOURCE_VIEW) == "pages"
    show(window, seed_path(2))
    assert pane.mode == "text" and not pane.head.isVisible()
    assert settings.get(settings.SOURCE_VIEW) == "pages"  # a text file does not change the choice


def test_the_view_survives_closing_and_switching_reports(window, qtbot):
    pane = window.source_pane
    pages = open_pdf(window, qtbot, H23)
    window.select_cell("t4.review.c_total")
    window.close_current()
    assert pages.doc is None and not pages.sizes
    pages = open_pdf(window, qtbot, HUAIAN)
    window.select_cell("t3.r_total.c_natural")
    wait_rendered(qtbot, pages, 4)
    window.open_paths([str(H24), str(seed_path(2))])
    for path in (H24, HUAIAN, seed_path(2), H24):
        doc = next(d for d in window.list_model.docs if d.path == str(path))
        window.set_current(doc)
        window.next_finding()
        pages.viewport().repaint()
        if str(path).endswith(".pdf"):
            assert pane.mode == "pages" and pages.doc is doc
            qtbot.waitUntil(lambda: bool(pages.sizes), timeout=5000)
            assert len(pages.sizes) == (6 if path == HUAIAN else 5)
    while window.list_model.docs:
        window.close_current()
    assert pages.doc is None
    pages.viewport().repaint()
    qtbot.waitUntil(lambda: not pages.renderer.busy(), timeout=5000)


def test_a_reopened_bundle_shows_the_same_pages(window, qtbot, tmp_path):
    pages = open_pdf(window, qtbot, H23)
    wait_rendered(qtbot, pages, 0)
    first = pages._cache[0][1]
    bundle = tmp_path / "h23.grb"
    assert window.save_document(window.current, str(bundle))
    window.close_current()
    pages = open_pdf(window, qtbot, bundle)
    assert window.current.path == str(bundle) and len(pages.sizes) == 5
    wait_rendered(qtbot, pages, 0)
    assert pages._cache[0][1] == first
    window.select_cell("t4.review.c_total")
    assert pages.selected == "t4.review.c_total"


def test_first_page_within_a_short_wait_and_clicks_outside_cells_do_nothing(window, qtbot):
    pages = open_pdf(window, qtbot, HUAIAN)
    wait_rendered(qtbot, pages, 0)
    before = window.current_cell()
    qtbot.mouseClick(pages.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert window.current_cell() == before
    assert pages.cell_at(QPointF(2, 2)) is None and pages.tooltip_at(QPointF(2, 2)) == ""


def test_switching_to_text_shows_the_place_selected_on_the_pages(window, qtbot):
    pane = window.source_pane
    open_pdf(window, qtbot, H23)
    window.select_cell("t4.review.c_upheld")
    assert window.source.doc is None  # the text is laid out only when asked for
    pane.btn_text.click()
    cell = window.current.session.cell("t4.review.c_upheld")
    assert window.source.doc is window.current
    assert window.source.highlighted == cell.anchor and window.source.highlighted_text() == "10"
    window.select_cell("t4.review.c_total")  # in 文本 the text follows at once
    assert window.source.highlighted_text() == "0"
