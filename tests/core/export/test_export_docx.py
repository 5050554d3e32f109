"""The corrected report: for a .docx the corrections land in the very cells, keep their look, and
everything else in the package is untouched; comments and tracked changes carry who, what and why;
other sources become a national-layout .docx. Read back, the fixed findings are gone."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from gov_review.core.export.docx_writer import corrected_docx
from gov_review.core.read.docx import W_MAIN, find_tc
from gov_review.core.review.pipeline import analyse_file
from gov_review.core.review.session import ReviewSession
from tests.core.helpers import REASON, review_002

ROOT = Path(__file__).resolve().parents[3]
SEEDS = [ROOT / "resources" / "samples" / f"seed_{i:03d}.txt" for i in range(5)]
DOCX = [ROOT / "tests" / "data" / "docx" / f"seed_{i:03d}.docx" for i in range(5)]
W = f"{{{W_MAIN}}}"
FIXED = {"R01", "R03"}


def errors(findings) -> set[str]:
    return {f.rule for f in findings if f.severity == "error"}


def tc_of(data: bytes, session: ReviewSession, cid: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    return find_tc(root, session.original[cid].anchor)


@pytest.mark.parametrize("mode", ["clean", "comments", "tracked"])
def test_docx_corrections_land_in_place_and_fix_the_findings(mode: str, tmp_path: Path) -> None:
    src = tmp_path / "seed_002.docx"
    shutil.copyfile(DOCX[2], src)
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    session = review_002(src)
    assert errors(analyse_file(src).findings) >= FIXED
    result = corrected_docx(session, mode)
    assert sorted(result.written) == ["t3.r_total.c_natural", "t3.r_total.c_total"] and not result.skipped
    reread = analyse_file("corrected.docx", data=result.data)
    assert reread.error is None
    assert reread.data.cells["t3.r_total.c_total"].value == 4
    assert reread.data.cells["t3.r_total.c_natural"].value == 4
    assert not FIXED & errors(reread.findings)
    # Nothing else moved: every other cell reads as before.
    for cid, cell in session.original.items():
        if cid not in result.written:
            assert reread.data.cells[cid].raw == cell.raw, cid
    # python-docx opens it, with the national tables intact.
    d = docx.Document(io.BytesIO(result.data))
    assert len(d.tables) == 3
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before


def test_other_members_are_copied_byte_for_byte() -> None:
    session = review_002(DOCX[2])
    result = corrected_docx(session, "comments")
    with zipfile.ZipFile(DOCX[2]) as a, zipfile.ZipFile(io.BytesIO(result.data)) as b:
        changed = {
            "word/document.xml",
            "[Content_Types].xml",
            "word/_rels/document.xml.rels",
            "word/comments.xml",
        }
        for info in a.infolist():
            if info.filename not in changed:
                assert b.read(info.filename) == a.read(info.filename), info.filename
        assert [i.filename for i in b.infolist()][: len(a.infolist())] == [i.filename for i in a.infolist()]


def test_clean_keeps_the_run_and_paragraph_formatting(tmp_path: Path) -> None:
    # Give the cell a right alignment and a second paragraph, as Word users do, then correct it.
    probe = ReviewSession(analyse_file(DOCX[2]), "x")
    anchor = probe.original["t3.r_total.c_total"].anchor
    with zipfile.ZipFile(DOCX[2]) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    tc = find_tc(root, anchor)
    p = tc.find(W + "p")
    ppr = etree.SubElement(p, W + "pPr")
    p.insert(0, ppr)
    etree.SubElement(ppr, W + "jc").set(W + "val", "right")
    etree.SubElement(tc, W + "p")
    members["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    src = tmp_path / "styled.docx"
    with zipfile.ZipFile(src, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    session = review_002(src)
    old = find_tc(root, anchor)
    new = tc_of(corrected_docx(session, "clean").data, session, "t3.r_total.c_total")
    assert etree.tostring(new.find(W + "tcPr")) == etree.tostring(old.find(W + "tcPr"))
    old_p, new_p = old.find(W + "p"), new.find(W + "p")
    assert new_p.find(f"{W}pPr/{W}jc").get(W + "val") == "right"
    assert etree.tostring(new_p.find(f"{W}r/{W}rPr")) == etree.tostring(old_p.find(f"{W}r/{W}rPr"))
    assert b"eastAsia" in etree.tostring(new_p.find(f"{W}r/{W}rPr"))  # the cell's 宋体 kept
    assert len(new.findall(W + "p")) == 1
    assert "".join(new.itertext()) == "4"


def test_comments_mode_says_old_value_reason_and_reviewer() -> None:
    session = review_002(DOCX[2])
    data = corrected_docx(session, "comments").data
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        comments = etree.fromstring(zf.read("word/comments.xml"))
        assert "comments.xml" in zf.read("word/_rels/document.xml.rels").decode()
        assert "/word/comments.xml" in zf.read("[Content_Types].xml").decode()
    texts = ["".join(c.itertext()) for c in comments.iter(W + "comment")]
    assert len(texts) == 3  # two corrections and the note
    assert any("原填“0”" in t and "更正为“4”" in t and REASON in t and "李审核" in t for t in texts)
    assert any("请核实" in t for t in texts)
    assert {c.get(W + "author") for c in comments.iter(W + "comment")} == {"李审核"}
    d = docx.Document(io.BytesIO(data))  # python-docx still opens a package with comments
    assert d.tables[1].rows


def test_tracked_mode_can_be_accepted_or_rejected() -> None:
    session = review_002(DOCX[2])
    tc = tc_of(corrected_docx(session, "tracked").data, session, "t3.r_total.c_total")
    dele, ins = tc.find(f".//{W}del"), tc.find(f".//{W}ins")
    assert "".join(t.text for t in dele.iter(W + "delText")) == "0"
    assert "".join(t.text for t in ins.iter(W + "t")) == "4"
    for mark in (dele, ins):
        assert mark.get(W + "author") == "李审核"
        assert mark.get(W + "date").endswith("Z")
    # Rejecting every change gives the original value back.
    for el in list(tc.iter(W + "ins")):
        el.getparent().remove(el)
    assert "".join(t.text for t in tc.iter(W + "delText")) == "0"


@pytest.mark.parametrize("src", SEEDS, ids=lambda p: p.name)
def test_other_sources_get_a_national_layout_docx(src: Path) -> None:
    session = ReviewSession(analyse_file(src), "李审核")
    if "002" in src.name:
        session = review_002(src)
    result = corrected_docx(session, "tracked")  # no original cells to mark: a clean document
    assert result.generated
    reread = analyse_file("generated.docx", data=result.data)
    assert reread.error is None
    assert reread.data.format == session.data.format
    assert reread.data.year == session.data.year
    for cid, cell in session.data.cells.items():
        if cell.value is not None:
            assert reread.data.cells[cid].value == cell.value, cid
    if "002" in src.name:
        assert not FIXED & errors(reread.findings)
    d = docx.Document(io.BytesIO(result.data))
    assert len(d.tables) == 3
    t3 = d.tables[1]
    assert "申请人情况" in t3.cell(0, 3).text and t3.cell(0, 3)._tc is t3.cell(0, 9)._tc  # merged header


def test_a_correction_with_no_place_in_the_docx_is_reported() -> None:
    session = review_002(DOCX[2])
    session.set_value("t3.r_reject_mass.c_total", "0", "补填缺少的行")  # the row is not in the file
    result = corrected_docx(session, "clean")
    assert result.skipped == ["t3.r_reject_mass.c_total"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
@pytest.mark.slow
def test_libreoffice_renders_the_tracked_docx(tmp_path: Path) -> None:
    session = review_002(DOCX[2])
    doc = tmp_path / "corrected.docx"
    doc.write_bytes(corrected_docx(session, "tracked").data)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(doc),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / "corrected.pdf"
    assert pdf.exists() and pdf.stat().st_size > 10_000
