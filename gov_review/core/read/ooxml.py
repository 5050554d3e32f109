"""The OOXML package as untrusted input: a size-checked zip, safely parsed XML parts.

Reports arrive from outside; a .docx is a zip of XML. Members are checked against absurd sizes and
compression ratios before anything is inflated, and never inflated beyond a cap whatever their
headers claim; XML is parsed without DTDs, entity expansion or network access. Every failure is a
``ReadError`` with a code the reviewer's message is chosen by.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from xml.sax.saxutils import unescape

from lxml import etree

from gov_review.core.errors import ReadError

MB = 1024 * 1024
# A real report's document.xml is a few MB at most; styles.xml far less.
MAX_DOCUMENT_XML = 48 * MB
MAX_PART_XML = 8 * MB
MAX_MEMBERS = 4000
# Any member claiming more than this is not part of a report, whether or not we would read it.
MAX_MEMBER_SIZE = 512 * MB
MAX_TOTAL_SIZE = 1024 * MB
# XML deflates about 5-30×; a member beyond this ratio that is also big is a zip bomb.
MAX_RATIO = 200
RATIO_CHECK_FROM = 2 * MB

OFFICE_DOC_REL = "/officeDocument"

_ELEMENT_START = re.compile(rb"<[A-Za-z_]")

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    huge_tree=False,
    load_dtd=False,
    dtd_validation=False,
    remove_comments=True,
    remove_pis=True,
)

# Other zip-based formats a reviewer may pick by mistake: (marker member prefix, name in Chinese, ext).
_OTHER_ZIPS = (
    ("xl/", "Excel 表格", ".xlsx"),
    ("ppt/", "PowerPoint 演示文稿", ".pptx"),
    ("content.xml", "OpenDocument 文档", ".odt"),
    ("Contents/", "WPS/Hancom 文档", ".hwpx"),
)


def name_of(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def ext_of(path: str) -> str:
    name = name_of(path)
    return name[name.rfind(".") :].lower() if "." in name else ""


# ------------------------------------------------------------------------------------------------
# Zip container


def open_zip(name: str, data: bytes) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    # NotImplementedError: a damaged header claiming a zip version Python does not read.
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError, NotImplementedError) as exc:
        raise ReadError("corrupt", name=name, reason="ZIP 结构不完整") from exc
    if len(infos) > MAX_MEMBERS:
        raise ReadError("hostile", name=name, reason=f"压缩包内有 {len(infos)} 个文件")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_MEMBER_SIZE or total > MAX_TOTAL_SIZE:
            raise ReadError("hostile", name=name, reason="压缩包解压后体积异常（疑似压缩炸弹）")
        if info.file_size > RATIO_CHECK_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ReadError("hostile", name=name, reason="压缩比异常（疑似压缩炸弹）")
    return zf


def read_member(zf: zipfile.ZipFile, name: str, member: str, cap: int) -> bytes:
    info = zf.getinfo(member)
    if info.flag_bits & 0x1:
        raise ReadError("encrypted", name=name)
    if info.file_size > cap:
        raise ReadError("hostile", name=name, reason=f"{member} 过大")
    try:
        with zf.open(info) as fh:
            # The header's size can lie; never inflate more than the cap whatever it claims.
            out = fh.read(cap + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise ReadError("corrupt", name=name, reason=f"无法解压 {member}") from exc
    if len(out) > cap:
        raise ReadError("hostile", name=name, reason=f"{member} 解压后过大（疑似压缩炸弹）")
    return out


def parse_xml(name: str, member: str, data: bytes) -> etree._Element:
    # DTDs have no business in OOXML; refusing them outright also rules out entity expansion.
    m = _ELEMENT_START.search(data, 0, 65536)
    prolog = data[: m.start()] if m else data[:65536]
    if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
        raise ReadError("hostile", name=name, reason=f"{member} 含有 DTD/实体声明")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ReadError("corrupt", name=name, reason=f"{member} 不是有效的 XML") from exc
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise ReadError("hostile", name=name, reason=f"{member} 含有 DTD/实体声明")
    return root


def main_part(zf: zipfile.ZipFile, name: str, path: str) -> str:
    """The main document part's name, from _rels/.rels, else word/document.xml."""
    names = set(zf.namelist())
    if "_rels/.rels" in names:
        rels = parse_xml(name, "_rels/.rels", read_member(zf, name, "_rels/.rels", MAX_PART_XML))
        for rel in rels:
            if str(rel.get("Type", "")).endswith(OFFICE_DOC_REL):
                target = str(rel.get("Target", "")).lstrip("/")
                if target in names and target.startswith("word/"):
                    return target
    if "word/document.xml" in names:
        return "word/document.xml"
    ext = ext_of(path)
    for prefix, kind_zh, kind_ext in _OTHER_ZIPS:
        if any(n.startswith(prefix) for n in names):
            if ext == kind_ext:
                raise ReadError("unsupported_type", name=name, ext=ext)
            raise ReadError("wrong_type", name=name, ext=ext or "（无）", actual=kind_zh)
    if any(n.startswith("word/") for n in names) or "[Content_Types].xml" in names:
        raise ReadError("corrupt", name=name, reason="缺少正文 word/document.xml")
    if ext in (".docx", ".docm", ".doc", ".wps"):
        raise ReadError("wrong_type", name=name, ext=ext, actual="普通 ZIP 压缩包")
    raise ReadError("unsupported_type", name=name, ext=ext or "zip")


# English Word and python-docx give built-in styles these ids; Chinese Word and WPS use numbers.
BUILTIN_STYLE_NAMES = {
    "Normal": "Normal",
    "Title": "Title",
    "Subtitle": "Subtitle",
    **{f"Heading{i}": f"Heading {i}" for i in range(1, 10)},
}
_STYLE_NAME_RE = re.compile(rb'<(?:\w+:)?name\s+(?:\w+:)?val="([^"]*)"')


def style_names(zf: zipfile.ZipFile, name: str, main: str, used: set[str]) -> dict[str, str]:
    """Display names of the paragraph styles the body uses (``Heading1`` → ``Heading 1``).

    Only a handful of ids are ever used, while styles.xml is often hundreds of KB of latent styles:
    looking the few ids up in the bytes costs far less than parsing the whole part. A name that
    cannot be found this way is simply left as its id.
    """
    out = {sid: BUILTIN_STYLE_NAMES[sid] for sid in used if sid in BUILTIN_STYLE_NAMES}
    used = used - out.keys()
    member = main.rsplit("/", 1)[0] + "/styles.xml"
    if not used or member not in zf.namelist():
        return out
    try:
        data = read_member(zf, name, member, MAX_PART_XML)
    except ReadError as exc:
        if exc.code == "hostile":
            raise
        return out  # a broken styles.xml costs us heading names, nothing more
    for sid in used:
        pos = data.find(b'styleId="' + sid.encode("utf-8", "replace") + b'"')
        if pos < 0:
            continue
        end = data.find(b"style>", pos)  # the closing tag of this w:style
        m = _STYLE_NAME_RE.search(data, pos, end if end > 0 else pos + 2000)
        if m:
            label = unescape(m.group(1).decode("utf-8", "replace"), {"&quot;": '"', "&apos;": "'"})
            # Word stores built-in names in lower case ("heading 1") and shows them capitalised.
            out[sid] = label[:1].upper() + label[1:] if label.islower() else label
    return out
