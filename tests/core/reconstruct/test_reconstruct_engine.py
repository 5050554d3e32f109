"""Reconstructing one report must never be affected by the reports read before it.

Several label look-ups are cached by text. These tests read reports the way a user meets them,
several in one process, in orders that would expose a stale or shared result.
"""

from __future__ import annotations

from pathlib import Path

from gov_review.core.locate.meta import detect_body
from gov_review.core.model import Paragraph, SourceDocument
from gov_review.core.read import read_document
from gov_review.core.reconstruct.build import reconstruct
from tests.conftest import DATA, SAMPLES

SEED_TXT = SAMPLES / "seed_000.txt"  # 2020 report, 2019 format
SEED_DOCX = SAMPLES / "seed_000.docx"  # the same report as Word
REPORT_2021 = DATA / "text" / "report_2021_clean.txt"
RUNTOGETHER = DATA / "text" / "runtogether_columns_ambiguous_2020.txt"


def _cells(path: Path) -> dict[str, dict]:
    return {cid: c.to_dict() for cid, c in reconstruct(read_document(path)).cells.items()}


def _with_value(src: Path, dst: Path, line: int, value: str) -> Path:
    """The report with one table cell's line rewritten, as a corrected file would read."""
    lines = src.read_bytes().decode("utf-8").split("\n")
    indent = lines[line - 1][: len(lines[line - 1]) - len(lines[line - 1].lstrip("\t"))]
    lines[line - 1] = indent + value
    dst.write_bytes("\n".join(lines).encode("utf-8"))
    return dst


def test_same_labels_different_numbers_each_report_keeps_its_own(tmp_path):
    first = reconstruct(read_document(SEED_TXT))
    cid = "t3.r_new.c_natural"
    line = first.cells[cid].anchor.line_start
    assert first.cells[cid].value is not None
    changed = _with_value(SEED_TXT, tmp_path / "seed_000_changed.txt", line, "987")

    second = reconstruct(read_document(changed))
    assert second.cells[cid].value == 987
    assert second.cells[cid].raw.strip() == "987"
    assert second.cells[cid].anchor.line_start == line

    # every other cell reads as in the original, on the same line (later character offsets move by
    # the two characters added); the original read again is unchanged
    def seen(cells):
        return {
            k: (c.raw, c.value, c.placement, c.confidence, c.anchor and c.anchor.line_start)
            for k, c in cells.items()
            if k != cid
        }

    assert seen(second.cells) == seen(first.cells)
    again = reconstruct(read_document(SEED_TXT))
    assert again.cells[cid].value == first.cells[cid].value
    assert {k: c.to_dict() for k, c in again.cells.items()} == {
        k: c.to_dict() for k, c in first.cells.items()
    }


def test_a_changed_label_is_matched_anew(tmp_path):
    first = reconstruct(read_document(SEED_TXT))
    label_line = next(
        i
        for i, text in enumerate(SEED_TXT.read_text(encoding="utf-8").split("\n"), 1)
        if text.strip() == "规范性文件"
    )
    renamed = _with_value(SEED_TXT, tmp_path / "seed_000_renamed.txt", label_line, "某某某某")
    second = reconstruct(read_document(renamed))
    # the row is no longer recognised: its values are reported, not placed under the old label
    assert first.cells["t2.a1.r_norm.c_new_made"].placement != "missing"
    assert second.cells["t2.a1.r_norm.c_new_made"].placement == "missing"
    assert any(u.reason == "extra_row" and "某某某某" in u.text for u in second.unplaced)
    assert not any("某某某某" in u.text for u in first.unplaced)


def test_2019_and_2021_reports_read_alternately_are_each_read_as_alone():
    alone = {p: _cells(p) for p in (SEED_TXT, REPORT_2021)}
    for _ in range(2):
        for path, fmt in ((SEED_TXT, "2019"), (REPORT_2021, "2021")):
            data = reconstruct(read_document(path))
            assert data.format == fmt
            assert {cid: c.to_dict() for cid, c in data.cells.items()} == alone[path]
    assert "t2.a1.r_reg.c_issued" in alone[REPORT_2021] and "t2.a1.r_reg.c_issued" not in alone[SEED_TXT]
    assert "t2.a1.r_reg.c_new_made" in alone[SEED_TXT] and "t2.a1.r_reg.c_new_made" not in alone[REPORT_2021]


def test_word_and_text_twins_carry_their_own_anchors():
    for order in ((SEED_DOCX, SEED_TXT), (SEED_TXT, SEED_DOCX)):
        reports = {p: reconstruct(read_document(p)) for p in order}
        word, text = reports[SEED_DOCX], reports[SEED_TXT]
        assert {k: c.value for k, c in word.cells.items()} == {k: c.value for k, c in text.cells.items()}
        placed = [c for c in word.cells.values() if c.anchor is not None]
        assert placed and all(c.anchor.kind == "docx" for c in placed)
        assert all(c.anchor.kind == "text" for c in text.cells.values() if c.anchor is not None)
        assert all(u.anchor.kind == "docx" for u in word.unplaced if u.anchor is not None)


def test_reports_share_no_mutable_result():
    doc = read_document(RUNTOGETHER)
    first = reconstruct(doc)
    second = reconstruct(doc)
    assert first.observations == second.observations and first.observations
    # a reviewer's edit of one report, and anything done to its observations, stays there
    cid = next(c for c in first.cells if first.cells[c].value is not None)
    notes = list(second.cells[cid].notes)
    first.cells[cid].value = None
    first.cells[cid].notes.append("edited")
    for _code, params in first.observations:
        for value in params.values():
            if isinstance(value, list):
                value.clear()
        params["touched"] = True
    third = reconstruct(doc)
    assert second.cells[cid].value is not None and second.cells[cid].notes == notes
    assert third.observations == second.observations
    assert all("touched" not in params for _code, params in third.observations)
    assert {k: c.to_dict() for k, c in third.cells.items()} == {
        k: c.to_dict() for k, c in second.cells.items()
    }


def test_run_together_rows_are_decoded_alike_when_seen_again():
    doc = read_document(DATA / "text" / "runtogether_2020.txt")
    first, second = reconstruct(doc), reconstruct(doc)
    assert first.cells["t3.r_new.c_total"].placement == "split"
    assert first.cells["t3.r_open.c_natural"].candidates == second.cells["t3.r_open.c_natural"].candidates
    assert {k: c.to_dict() for k, c in first.cells.items()} == {
        k: c.to_dict() for k, c in second.cells.items()
    }
    assert [(u.text, u.reason) for u in first.unplaced] == [(u.text, u.reason) for u in second.unplaced]


def _doc(*lines: str) -> SourceDocument:
    from gov_review.core.model import Anchor

    return SourceDocument(
        "x.txt", "text", [Paragraph(t, Anchor("text", line_start=i)) for i, t in enumerate(lines)]
    )


def test_body_with_a_typo_in_the_title_is_found_in_the_text():
    body, _ = detect_body("西坡在2020年度政府信息公开工作年度报告", _doc("本报告由西坡镇人民政府编制。"))
    assert (body.name, body.level, body.evidence) == ("西坡镇人民政府", "township", "text")
    # the same title over another text finds that text's body, not the one found before
    body, _ = detect_body("西坡在2020年度政府信息公开工作年度报告", _doc("本报告由西坡乡人民政府编制。"))
    assert (body.name, body.level) == ("西坡乡人民政府", "township")


def test_other_names_of_the_body_are_found_across_punctuation():
    title = "张山子镇2020年政府信息公开工作年度报告"
    # names of another level count; the body's own level (镇, 乡) does not
    _, others = detect_body(title, _doc("张山子街道办事处，张山子镇人民政府。张山子乡、张山子区人民政府"))
    assert others == ["张山子街道办事处", "张山子区人民政府"]
