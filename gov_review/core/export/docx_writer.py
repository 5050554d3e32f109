"""The corrected report as .docx.

A .docx source is corrected in place: a copy of the package where only ``word/document.xml`` (and,
for comments, ``word/comments.xml``, its relationship and ``[Content_Types].xml``) is rewritten;
every other member is copied unchanged. Each corrected value goes into the very ``w:tc`` its anchor
names (``find_tc``), keeping the paragraph's ``w:pPr`` and the first run's ``w:rPr`` so the cell
looks as before. Three modes:

- ``clean``: the new value only;
- ``comments``: the new value plus a Word comment on the cell (old value, reason, reviewer) and the
  reviewer's notes as comments;
- ``tracked``: ``w:del`` (old text) + ``w:ins`` (new text) by the reviewer, so the originating
  office can accept or reject each correction in Word/WPS; reasons and notes as comments.

Any other source (text, HTML, PDF, a .doc/.wps read through a converter) and a .docx whose package
is too damaged to copy get a clean .docx in the national layout (docx_generate).
"""

from __future__ import annotations

import copy
import io
import logging
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Literal

from lxml import etree

from gov_review.core.export.common import clean_text
from gov_review.core.read.docx import W_MAIN, find_tc, parse_document_xml
from gov_review.core.review.session import ReviewSession, SourceInfo, source_of

log = logging.getLogger(__name__)

DocxMode = Literal["clean", "comments", "tracked"]
MODES: tuple[str, ...] = ("clean", "comments", "tracked")

W = f"{{{W_MAIN}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
OFFICE_DOC_REL = "/officeDocument"


@dataclass(slots=True)
class DocxResult:
    data: bytes
    written: list[str] = field(default_factory=list)  # cell ids written back into the file
    skipped: list[str] = field(default_factory=list)  # corrected cells with no place in the file
    generated: bool = False  # True: a new document in the national layout, not the original edited
    patch_failed: bool = False  # True: a .docx source that could not be edited in place


def corrected_docx(
    session: ReviewSession, mode: str = "clean", source: SourceInfo | None = None
) -> DocxResult:
    """The corrected report as .docx bytes (see module doc for the modes)."""
    if mode not in MODES:
        raise ValueError(f"unknown docx mode {mode!r}")
    source = source or source_of(session)
    if (
        session.report.source is None
        or session.report.source.kind != "docx"
        or not source.data.startswith(b"PK")  # a .doc/.wps read through a converter
    ):
        return _generated(session)
    try:
        return _patch_docx(session, source.data, mode)
    except Exception:
        # A package that opened for reading can still hold a member that cannot be copied (a bad
        # CRC in docProps/app.xml, a broken relationship part). The corrected values matter, not
        # the original's furniture: generate the report in the national layout rather than fail.
        log.info("corrected .docx generated instead of patched", exc_info=True)
        result = _generated(session)
        result.patch_failed = True
        return result


def _generated(session: ReviewSession) -> DocxResult:
    """A new .docx in the national layout carrying every corrected value."""
    from gov_review.core.export.docx_generate import generate_docx  # python-docx: only when needed

    data, written = generate_docx(session)
    return DocxResult(data, written=written, generated=True)


# ------------------------------------------------------------------------------------------------


def _w(tag: str) -> str:
    return W + tag


def _el(tag: str, attrs: dict[str, str] | None = None, *children: etree._Element) -> etree._Element:
    el = etree.Element(_w(tag))
    for k, v in (attrs or {}).items():
        el.set(_w(k), v)
    el.extend(children)
    return el


def _w_date(iso: str) -> str:
    """Word wants xsd:dateTime in UTC without fractions."""
    try:
        t = datetime.fromisoformat(iso)
    except ValueError:
        t = datetime.now(timezone.utc)
    if t.tzinfo is None:
        t = t.astimezone()
    return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _run(text: str, rpr: etree._Element | None, tag: str = "t") -> etree._Element:
    r = _el("r")
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    t = etree.SubElement(r, _w(tag))
    t.text = clean_text(text)
    t.set(XML_SPACE, "preserve")
    return r


class _Ids:
    """Fresh ids for w:ins/w:del (unique among the document's annotations) and comments."""

    def __init__(self, root: etree._Element, comments: etree._Element | None) -> None:
        used = [
            int(v) for v in root.xpath("//@w:id", namespaces={"w": W_MAIN}) if str(v).lstrip("-").isdigit()
        ]
        self.next_change = max(used, default=0) + 1
        cused = []
        if comments is not None:
            cused = [int(v) for v in comments.xpath("//@w:id", namespaces={"w": W_MAIN}) if str(v).isdigit()]
        self.next_comment = max(cused + used, default=-1) + 1

    def change(self) -> str:
        self.next_change += 1
        return str(self.next_change)

    def comment(self) -> str:
        self.next_comment += 1
        return str(self.next_comment - 1)


def _paragraphs(tc: etree._Element) -> list[etree._Element]:
    # The cell's own paragraphs, through content controls, never those of a nested table.
    out: list[etree._Element] = []
    for child in tc:
        if child.tag == _w("p"):
            out.append(child)
        elif child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                out.extend(_paragraphs(content))
    return out


def _visible_runs(p: etree._Element) -> list[etree._Element]:
    """Runs Word shows (all tracked changes accepted): not inside w:del / w:moveFrom."""
    hidden = {_w("del"), _w("moveFrom")}
    out = []
    for r in p.iter(_w("r")):
        anc = r.getparent()
        ok = True
        while anc is not None and anc is not p:
            if anc.tag in hidden:
                ok = False
                break
            anc = anc.getparent()
        if ok:
            out.append(r)
    return out


def _template_rpr(paras: list[etree._Element]) -> etree._Element | None:
    """The look to keep: the first text run's rPr, else the paragraph mark's."""
    for p in paras:
        for r in _visible_runs(p):
            if r.find(_w("t")) is not None:
                rpr = r.find(_w("rPr"))
                return _clean_rpr(rpr) if rpr is not None else None
    for p in paras:
        ppr = p.find(_w("pPr"))
        if ppr is not None and ppr.find(_w("rPr")) is not None:
            return _clean_rpr(ppr.find(_w("rPr")))
    return None


def _clean_rpr(rpr: etree._Element) -> etree._Element:
    # Revision marks belong to the old run, not to the value we write.
    rpr = copy.deepcopy(rpr)
    for tag in ("ins", "del", "rPrChange", "moveFrom", "moveTo"):
        for el in rpr.findall(_w(tag)):
            rpr.remove(el)
    return rpr


def _content(p: etree._Element) -> list[etree._Element]:
    return [c for c in p if c.tag != _w("pPr")]


def _write_cell(
    tc: etree._Element, text: str, mode: str, author: str, date: str, ids: _Ids
) -> etree._Element:
    """Put ``text`` in the cell; returns the paragraph holding it (for a comment)."""
    paras = _paragraphs(tc)
    if not paras:
        paras = [etree.SubElement(tc, _w("p"))]
    rpr = _template_rpr(paras)
    first = paras[0]
    if mode == "tracked":
        for i, p in enumerate(paras):
            runs = [
                copy.deepcopy(r)
                for r in _visible_runs(p)
                if r.find(_w("t")) is not None or r.find(_w("tab")) is not None
            ]
            for old in _content(p):
                p.remove(old)
            if runs:
                dele = _el("del", {"id": ids.change(), "author": author, "date": date})
                for r in runs:
                    for t in r.findall(_w("t")):
                        t.tag = _w("delText")
                    dele.append(r)
                p.append(dele)
            if i < len(paras) - 1:
                # Deleting the paragraph mark joins the cell's extra paragraphs into one on accept.
                ppr = p.find(_w("pPr"))
                if ppr is None:
                    ppr = _el("pPr")
                    p.insert(0, ppr)
                mark = ppr.find(_w("rPr"))
                if mark is None:
                    mark = etree.SubElement(ppr, _w("rPr"))
                mark.append(_el("del", {"id": ids.change(), "author": author, "date": date}))
        if text:
            first.append(_el("ins", {"id": ids.change(), "author": author, "date": date}, _run(text, rpr)))
        return first
    for old in _content(first):
        first.remove(old)
    for extra in paras[1:]:
        if extra.find(f".//{_w('tbl')}") is None:
            extra.getparent().remove(extra)
    if text:
        first.append(_run(text, rpr))
    return first


def _attach_comment(p: etree._Element, cid: str) -> None:
    content = _content(p)
    start = _el("commentRangeStart", {"id": cid})
    if content:
        content[0].addprevious(start)
    else:
        p.append(start)
    p.append(_el("commentRangeEnd", {"id": cid}))
    ref = _el("r")
    ref.append(_el("commentReference", {"id": cid}))
    p.append(ref)


def _comment_el(cid: str, author: str, date: str, lines: list[str]) -> etree._Element:
    author = clean_text(author)
    initials = author[:2] if author else "审"
    c = _el("comment", {"id": cid, "author": author or "审核人", "date": date, "initials": initials})
    for line in lines:
        p = _el("p")
        p.append(_run(line, None))
        c.append(p)
    return c


def _edit_comment(old: str | None, new: str | None, reason: str, reviewer: str) -> list[str]:
    lines = [f"审核更正：原填“{old or '（空白）'}”，更正为“{new or '（空白）'}”。"]
    if reason:
        lines.append(f"理由：{reason}")
    if reviewer:
        lines.append(f"审核人：{reviewer}")
    return lines


# ------------------------------------------------------------------------------------------------


def _main_part(zf: zipfile.ZipFile) -> str:
    names = set(zf.namelist())
    if "_rels/.rels" in names:
        rels = parse_document_xml(zf.read("_rels/.rels"), "_rels/.rels")
        for rel in rels:
            if str(rel.get("Type", "")).endswith(OFFICE_DOC_REL):
                target = str(rel.get("Target", "")).lstrip("/")
                if target in names:
                    return target
    return "word/document.xml"


def _xml_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _patch_docx(session: ReviewSession, data: bytes, mode: str) -> DocxResult:
    result = DocxResult(b"")
    zin = zipfile.ZipFile(io.BytesIO(data))
    main = _main_part(zin)
    folder = main.rsplit("/", 1)[0]
    rels_name = f"{folder}/_rels/{main.rsplit('/', 1)[1]}.rels"
    root = parse_document_xml(zin.read(main), main)
    names = set(zin.namelist())

    comments_name: str | None = None
    comments_root: etree._Element | None = None
    rels_root = parse_document_xml(zin.read(rels_name), rels_name) if rels_name in names else None
    if rels_root is not None:
        for rel in rels_root:
            if rel.get("Type") == COMMENTS_REL:
                comments_name = f"{folder}/{str(rel.get('Target', '')).lstrip('/')}"
                if comments_name in names:
                    comments_root = parse_document_xml(zin.read(comments_name), comments_name)
    ids = _Ids(root, comments_root)
    new_comments: list[etree._Element] = []
    want_comments = mode in ("comments", "tracked")

    last_edit = {e.cell: e for e in session.edits}
    for cid in session.edited_cells():
        cell = session.cell(cid)
        orig = session.original.get(cid)
        anchor = orig.anchor if orig is not None else None
        if anchor is None or anchor.kind != "docx" or anchor.cell is None:
            result.skipped.append(cid)
            continue
        try:
            tc = find_tc(root, anchor)
        except LookupError:
            result.skipped.append(cid)
            continue
        edit = last_edit.get(cid)
        author = clean_text((edit.reviewer if edit else "") or session.reviewer or "审核人")
        date = _w_date(edit.time if edit else "")
        p = _write_cell(tc, (cell.raw or "") if cell else "", mode, author, date, ids)
        result.written.append(cid)
        if mode == "comments" or (mode == "tracked" and edit is not None and edit.reason):
            number = ids.comment()
            lines = _edit_comment(
                orig.raw.strip() if orig and orig.raw else None,
                cell.raw if cell else None,
                edit.reason if edit else "",
                author,
            )
            new_comments.append(_comment_el(number, author, date, lines))
            _attach_comment(p, number)

    if want_comments:
        for note in session.notes:
            orig = session.original.get(note.cell)
            anchor = orig.anchor if orig is not None else None
            if anchor is None or anchor.kind != "docx" or anchor.cell is None:
                continue
            try:
                tc = find_tc(root, anchor)
            except LookupError:
                continue
            paras = _paragraphs(tc) or [etree.SubElement(tc, _w("p"))]
            number = ids.comment()
            author = note.reviewer or session.reviewer or "审核人"
            new_comments.append(_comment_el(number, author, _w_date(note.time), [f"审核意见：{note.text}"]))
            _attach_comment(paras[0], number)

    replaced: dict[str, bytes] = {main: _xml_bytes(root)}
    added: dict[str, bytes] = {}
    if new_comments:
        if comments_root is None:
            comments_root = etree.Element(_w("comments"), nsmap={"w": W_MAIN})
        comments_root.extend(new_comments)
        if comments_name is None:
            comments_name = f"{folder}/comments.xml"
            if rels_root is None:
                rels_root = etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
            used = {str(r.get("Id")) for r in rels_root}
            rid = next(f"rIdGR{i}" for i in range(1, 10000) if f"rIdGR{i}" not in used)
            etree.SubElement(
                rels_root, f"{{{REL_NS}}}Relationship", Id=rid, Type=COMMENTS_REL, Target="comments.xml"
            )
            (replaced if rels_name in names else added)[rels_name] = _xml_bytes(rels_root)
            ct = parse_document_xml(zin.read("[Content_Types].xml"), "[Content_Types].xml")
            etree.SubElement(
                ct, f"{{{CT_NS}}}Override", PartName="/" + comments_name, ContentType=COMMENTS_CT
            )
            replaced["[Content_Types].xml"] = _xml_bytes(ct)
        (replaced if comments_name in names else added)[comments_name] = _xml_bytes(comments_root)

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            body = replaced.get(info.filename)
            if body is None:
                body = zin.read(info)
            clone = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            clone.compress_type = info.compress_type
            clone.external_attr = info.external_attr
            clone.create_system = info.create_system
            zout.writestr(clone, body)
        for name, body in added.items():
            zout.writestr(
                zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)),
                body,
                compress_type=zipfile.ZIP_DEFLATED,
            )
    zin.close()
    result.data = out.getvalue()
    return result
