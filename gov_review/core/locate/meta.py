"""The report's title, year and reporting body (name and administrative level)."""

from __future__ import annotations

import re
from functools import lru_cache

from gov_review.core.locate.levels import level_names, level_of, parent_level
from gov_review.core.model import BodyInfo, Paragraph, Section, SourceDocument
from gov_review.core.text.normalize import norm

_YEAR_RE = re.compile(r"(20\d{2})\s*年")
_TITLE_TAIL_RE = re.compile(
    r"(?:20\d{2}\s*年度?)?\s*(?:政府)?(?:信息公开|政务公开)?(?:工作)?\s*年\s*度\s*报\s*告.*$|"
    r"(?:20\d{2}\s*年度?)\s*(?:政府)?(?:信息公开|政务公开).*$"
)
_STATS_PERIOD_RE = re.compile(r"统计期限[^。]{0,10}?自?\s*(20\d{2})\s*年\s*1\s*月\s*1\s*日")

LEVEL_NAMES_ZH = level_names("zh")

# Suffixes that end a body's name, for the name's stem (长春市九台区其塔木街道办事处 → 其塔木).
_LEVEL_SUFFIXES = (
    *("街道办事处", "街道办", "街道", "镇人民政府", "乡人民政府", "镇政府", "乡政府", "镇", "乡"),
    *("区人民政府", "县人民政府", "市人民政府", "州人民政府", "省人民政府", "自治区人民政府"),
    *("区政府", "县政府", "市政府", "旗", "县", "区", "市", "州", "盟", "省", "自治区"),
)
_DEPT_RE = re.compile(r"(局|委员会|委|办公室|办|厅|部|中心|署|院|所|站|队)$")
_GOV_SUFFIX_RE = re.compile(r"(人民政府|政府)$")


# Site chrome and crawler metadata above a report copied from a web page (issue 14): never its title.
_META_RE = re.compile(
    r"^(?:标题|题目|发布时间|发布日期|成文日期|来源|信息来源|发布机构|发文机关|索引号|作者|浏览次数|点击数|"
    r"访问量|字号|分类|主题分类|文号)\s*[:：]"
)
_NAV_START = ("首页", "当前位置", "您的位置", "您当前的位置", "网站首页", "当前所在位置")
_NAV_WORDS = (
    "当前所在位置",
    "您当前的位置",
    "当前位置",
    "您的位置",
    "网站首页",
    "首页",
    "政府信息公开年报",
    "政府信息公开年度报告",
    "法定主动公开内容",
    "政府信息公开",
    "政务公开",
    "政务资讯",
    "政务动态",
    "信息公开",
    "年度报告",
    "年报",
)
_NAV_SEP = " \t\u3000>»›/|:：…·-—"
_PAGE_NO_RE = re.compile(r"^[—–\-－]*\s*\d{1,3}\s*[—–\-－]*$|^第\s*\d{1,3}\s*页")


def strip_chrome(text: str) -> str:
    """A leading paragraph without the site's navigation run; "" for metadata, navigation, page numbers."""
    s = text.strip()
    if _META_RE.match(s) or _PAGE_NO_RE.match(s):
        return ""
    if not s.startswith(_NAV_START):
        return s
    changed = True
    while changed:
        changed = False
        s = s.lstrip(_NAV_SEP)
        for word in _NAV_WORDS:
            if s.startswith(word):
                s = s[len(word) :]
                changed = True
                break
    return s.strip(_NAV_SEP)


def find_title(doc: SourceDocument, sections: list[Section]) -> tuple[str | None, list[Paragraph]]:
    """The title: the short leading paragraphs before section 一 (up to three lines), site chrome skipped."""
    limit = sections[0].block_index if sections else len(doc.blocks)
    parts: list[Paragraph] = []
    texts: list[str] = []
    for block in doc.blocks[:limit]:
        if not isinstance(block, Paragraph):
            break
        text = strip_chrome(block.text) if not parts else block.text.strip()
        if not text:
            continue
        if len(norm(text)) > 45 or text.startswith(("根据", "按照", "本报告", "依据")):
            break
        parts.append(block)
        texts.append(text)
        if len(parts) == 3 or "报告" in norm(text):
            break
    if not parts:
        return None, []
    return "".join(texts), parts


def find_year(title: str | None, doc: SourceDocument) -> int | None:
    if title:
        m = _YEAR_RE.search(norm(title))
        if m:
            return int(m.group(1))
    return None


def stats_period_year(doc: SourceDocument) -> tuple[int, Paragraph] | None:
    for block in doc.paragraphs[:80]:
        m = _STATS_PERIOD_RE.search(norm(block.text))
        if m:
            return int(m.group(1)), block
    return None


def _level_of(name: str) -> str | None:
    return level_of(name)


def _parent_level(name: str) -> str | None:
    """For a department: the level of the government it belongs to (XX市XX局 → city)."""
    return parent_level(name)


@lru_cache(maxsize=1024)
def body_from_title(title: str | None) -> str | None:
    if not title:
        return None
    s = norm(title)
    s = _TITLE_TAIL_RE.sub("", s)
    s = re.sub(r"20\d{2}年度?$", "", s)
    s = s.strip("《》\"'")
    return s or None


_NAME_IN_TEXT_RE = re.compile(
    r"([\u4e00-\u9fff]{2,12}?(?:街道办事处|镇人民政府|乡人民政府|区人民政府|县人民政府|市人民政府|"
    r"街道(?!办)|镇(?!街道|人民政府|政府)|乡(?!人民政府|政府|镇)))"
)


_NON_CJK_RE = re.compile(r"[^\u4e00-\u9fff]+")


def detect_body(title: str | None, doc: SourceDocument) -> tuple[BodyInfo, list[str]]:
    """Return the body and the other names the text gives it (for S03)."""
    texts = tuple([norm(p.text) for p in doc.paragraphs[:60]])
    name, level, parent, evidence, others = _body(title, texts)
    return BodyInfo(name=name, level=level, parent_level=parent, evidence=evidence), list(others)


# Cached on the title and the leading lines, which are all it reads: a report checked again (or its
# twin in another file format) finds its body without searching its prose again.
@lru_cache(maxsize=256)
def _body(
    title: str | None, texts: tuple[str, ...]
) -> tuple[str | None, str | None, str | None, str | None, tuple[str, ...]]:
    name = body_from_title(title)
    level = _level_of(name) if name else None
    evidence = "title" if level else None
    if name and level is None:
        # A typo in the title (西坡在…): look for the name with a level suffix in the text.
        stem = name.rstrip("在的")
        for text in texts:
            found = _find_named(text, stem[:2])
            if found:
                name = found
                level = _level_of(name)
                evidence = "text"
                break
    parent = _parent_level(_strip_dept(name)) if level == "department" and name else None
    # Other self-names in the text: names ending with a government suffix that share the stem.
    others: list[str] = []
    if name:
        stem = _stem(name)
        for text in texts:
            # A name is a run of CJK characters, so it never spans punctuation and one that contains
            # the stem lies in a run that does: the regex (costly on whole lines of prose) reads only
            # those runs, and finds there exactly what it would in the whole line.
            if not stem or stem not in text:
                continue
            for run in _NON_CJK_RE.split(text):
                if stem not in run:
                    continue
                for m in _NAME_IN_TEXT_RE.finditer(run):
                    cand = m.group(1)
                    if stem in cand and _level_of(cand) not in (None, level):
                        others.append(cand)
    return name, level, parent, evidence, tuple(others)


_LEVEL_TAIL_RE = re.compile(r"[\u4e00-\u9fff]{0,6}?(街道办事处|镇人民政府|乡人民政府|街道|镇|乡)")


def _find_named(text: str, head: str) -> str | None:
    """The first ``head`` followed by a township or street suffix within six characters, as
    ``re.search(re.escape(head) + _LEVEL_TAIL_RE.pattern, text)`` finds it, without compiling a
    pattern per report (compiling the CJK range costs milliseconds)."""
    start = text.find(head)
    while start >= 0:
        m = _LEVEL_TAIL_RE.match(text, start + len(head))
        if m:
            return text[start : m.end()]
        if start >= len(text):
            break
        start = text.find(head, start + 1)
    return None


def _strip_dept(name: str) -> str:
    m = _DEPT_RE.search(name)
    return name[: m.start()] if m else name


@lru_cache(maxsize=1024)
def _stem(name: str) -> str:
    s = _GOV_SUFFIX_RE.sub("", name)
    for suffix in _LEVEL_SUFFIXES:
        if s.endswith(suffix):
            s = s[: -len(suffix)]
            break
    # The last place component: 长春市九台区其塔木 → 其塔木
    parts = re.split(r"省|自治区|市|州|盟|县|区|旗", s)
    return parts[-1] if parts and parts[-1] else s
