"""HTML pages saved from government websites.

A saved page holds the report inside the site's chrome: navigation, a
breadcrumb (当前位置), the 发布时间/来源/字体大中小 line, share and print links,
a sidebar that lists the agency's other reports, and a footer with 版权所有 and
the ICP number. Only the article may become blocks, because extraction takes
the report's title, agency and year from the first paragraphs.

How the article is found (no reliance on CMS class names):

1. The page is cut into *units* in document order: the text of each block
   element (p, div with direct text, h1-h6, li, a line ended by ``<br>``) and
   each data table. Every unit is owned by its innermost block element.
2. Each unit scores: Chinese prose and table figures count for the article
   (+ their length), link text and chrome lines (当前位置, 版权所有, 【打印】 …)
   count against it (- length, twice for chrome), other short text (headings,
   labels, a signature) counts 0.
3. Scores add up the element tree; the element with the highest total (the
   deepest one on ties) is the core of the article. The container grows from
   the core to its parent as long as the parent adds no link or chrome text.
4. The article's heading usually sits just above the container (an h1 or a
   "title" div); it is looked for among the units before the container,
   preferring the one matching ``<meta name="ArticleTitle">`` or the page
   ``<title>``, and becomes the first paragraph. A signature (agency name,
   date) that sits just after the container is kept too.
5. Inside the container, chrome lines and link-only lines are dropped.

Pictures: with OCR on (`indexer.ocr`), an ``<img>`` whose picture is a
``data:`` URI or a file inside the page's own folder (`pictures.py`) and holds
text (a table pasted as an image) is read in its place; nothing is fetched.

Tables: a ``<table>`` becomes a `Table` only when it holds data cells: at least
two columns, no nested table and no cell holding a long passage (those are
page-layout tables, whose cells are read as ordinary content); `html_tables.py`
reads a data table's cells into a grid, spans expanded.

`Document.meta` keys: ``page_title`` (the ``<title>``), ``article_title``
(``<meta name="ArticleTitle">``), ``title`` (the article title, else the page
title without the site name), ``published`` (ISO date from ``PubDate`` or the
发布时间 line), ``source`` (``ContentSource`` or 来源), ``publisher``
(发布机构 of the 信息公开 metadata box), ``site_name``, ``column``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import lxml.etree as etree
import lxml.html

from ..blocks import Block, Document, Paragraph, Table
from ..template import is_number_cell
from ..textnorm import han_count, has_han, match_form, normalize_text
from . import ReadError
from .encoding import decode_bytes
from .grid import is_template_row
from .html_tables import BLOCK_TAGS, CELL_TAGS, cell_text, is_data_table, table_grid, table_kind, text_content
from .meta import BOX_LABEL, iso_date
from .paragraphs import NUMBERING, SITE_CHROME
from .pictures import MAX_PICTURES, TOKEN, expand_tokens, picture_bytes
from .text import parse_text

# ---------------------------------------------------------------- constants

_DROP_TAGS = (
    "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet",
    "svg", "math", "canvas", "template", "select", "option", "optgroup", "textarea", "input",
    "button", "map", "audio", "video", "source", "link", "meta", "base", "head", "nav", "aside",
    "dialog", "menu", "img", "param",
)
_HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_\-:.]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_MSO_CONDITIONAL = re.compile(r"<!\[(?:if[^\]]*|endif)\]>", re.I)
_LOOKS_HTML = re.compile(r"<\s*(?:html|body|head|p|div|table|br|span|meta|title|h[1-6]|font|center)\b", re.I)
_SPACE = re.compile(r"\s")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all", re.I)

_CHROME = re.compile(
    r"当前位置|您的位置|您现在的位置|您所在的位置|所在位置|现在位置|当前页面"
    r"|字[体号][:：]?\s*[【\[（(]?\s*[大中小]"
    r"|^[【\[（(]?大[】\]）)]?\s*[【\[（(]?中[】\]）)]?\s*[【\[（(]?小[】\]）)]?$"
    r"|[【\[]\s*(?:打印|关闭|打印本页|打印此页|关闭窗口|收藏|返回顶部|纠错|大|中|小|默认)\s*[】\]]"
    r"|打印本页|打印此页|关闭窗口|关闭本页|返回顶部|返回首页"
    r"|分享到|分享至|扫一扫|上一篇|下一篇|上一条|下一条|相关阅读|相关链接|相关文章|相关稿件"
    r"|网站地图|ICP|备案号|版权所有|主办单位|承办单位|主办[:：]|承办[:：]|网站标识码|公网安备"
    r"|技术支持|联系我们|设为首页|加入收藏|无障碍|关怀版|长者模式|适老化|copyright|©"
    r"|浏览次数|点击数|点击量|阅读次数|访问次数|访问量|浏览量|阅读量|访问人次"
    r"|(?:发布|发表|更新|生成|发文|录入)(?:时间|日期)[:：]|(?<!数据)来源[:：]|责任编辑|编辑[:：]|作者[:：]"
    r"|索引号|(?:发布机构|主题分类|公开方式|公开范围|公开时限|所属机构|信息类别|组配分类|体裁分类|文号)[:：]",
    re.I,
)
_PROSE_PUNCT = re.compile("[，。；：、,;]")
_INFO_DATE = re.compile(r"(?:发布|发表|更新|生成|成文|发文|公开)?(?:时间|日期)\s*[:：]\s*((?:19|20)\d{2}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2})")
# 来源：某市某镇发布日期：…: the value ends where the next label starts (a page's spaces between them are dropped)
_INFO_SOURCE = re.compile(r"(?:信息|文章|稿件)?来源\s*[:：]\s*([^\s|│丨]{2,30}?)(?=\s|[|│丨]|$|(?:发布|更新|生成|成文)?(?:日期|时间)|作者|浏览|访问|点击|阅读|字[号体])")
# The 来源 label of an info line, its value printed or left empty (时间: 2026-01-16 18:22:45 来源:).
_INFO_SOURCE_LABEL = re.compile(r"(?<!数据)来源\s*[:：]")
# A line that opens with a label of the CMS metadata box (data/metadata_labels.tsv) or a byline's 来源, and the site
# chrome such a line never holds.
_METADATA_LINE = re.compile(rf"\s*(?:{BOX_LABEL}|来源)\s*[:：]")
_INFO_PUBLISHER = re.compile(r"发布机构\s*[:：]\s*([^\s|│丨]{2,40})")
# One class or id token of a breadcrumb or navigation bar ("position-relative" is not one).
_BREADCRUMB_TOKEN = re.compile(
    r"^(?:.*crumb.*|.*weizhi.*|.*dqwz.*|.*curpos.*|.*daohang.*|position|location|path|nav|navbar|menu"
    r"|.*[_-](?:position|location|path|nav|menu|pos)|(?:position|location|path|nav|menu|pos)[_-]?\d*)$",
    re.I,
)
_TITLE_ATTR = re.compile(r"title|tit\b|_tit|tit_|biaoti|\bbt\b|headline|subject|heading", re.I)
_SITE_SUFFIX = re.compile(r"\s*[_|｜\-—–]+\s*[^_|｜\-—–]*(?:网|网站|门户|政府|平台|首页)[^_|｜\-—–]*$")
_AGENCY_END = re.compile(r"(?:局|委|委员会|政府|办公室|办|中心|院|厅|部|处|所|站|会|馆|街道|镇|乡|署|队|集团|公司)$")
_DATE_LINE = re.compile(
    r"^(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*[年\-./]\s*[\d一二三四五六七八九十]{1,3}\s*[月\-./]"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日?$"
)


# ---------------------------------------------------------------- entry point


def read_html(path: Path) -> Document:
    data = path.read_bytes()
    declared = sniff_charset(data)
    text, encoding = decode_bytes(data, declared)
    text = text.replace("\x00", "")
    if not _LOOKS_HTML.search(text[:200000]):
        # A page saved as text under an .html name: read it as the text it is.
        if not has_han(text):
            raise ReadError("no Chinese text in the file; is it a report?")
        return Document(path=path, format="html", blocks=parse_text(text), encoding=encoding)
    blocks, meta = parse_html(text, path.parent)
    if not any(has_han(b.text) if isinstance(b, Paragraph) else any(has_han(c) for r in b.rows for c in r) for b in blocks):
        raise ReadError("no Chinese text in the page body; is it a report?")
    return Document(path=path, format="html", blocks=blocks, encoding=encoding, meta=meta)


def sniff_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>``, http-equiv, XML declaration)."""
    head = data[:16384]
    if b"\x00" in head[:200]:  # UTF-16: let the byte-order mark or the zero bytes decide
        return None
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return m.group(1).decode("ascii", "replace") if m else None


def parse_html(text: str, page_dir: Path | None = None) -> tuple[list[Block], dict[str, str]]:
    """Blocks of the article and page metadata from decoded HTML.

    With `page_dir` (the folder of a saved page), pictures of the page are read
    by OCR where they hold text (tables pasted as images), in their place.
    """
    root = _parse(text)
    meta = _head_meta(root)
    body = root.find("body")
    if body is None:
        body = root
    pictures = _read_pictures(body, page_dir) if page_dir is not None else {}
    _clean(body)
    units = _Walker().walk(body)
    if not units:
        return [], meta
    _collect_metadata(units, meta)
    container, score = _find_container(body, units)
    if score <= 0 and any(has_han(u.text) for u in units if not u.is_table):
        raise ReadError(
            "the page holds no article text, only navigation and links "
            "(is the report an attachment or an image?)"
        )
    blocks = _article_blocks(units, container, meta)
    return expand_tokens(blocks, pictures), meta


def _read_pictures(body: etree._Element, page_dir: Path) -> dict[int, list[Block]]:
    """OCR of the page's pictures; each ``<img>`` that holds text is replaced by a token the layout keeps in place."""
    from .. import ocr

    if not ocr.active():
        return {}
    out: dict[int, list[Block]] = {}
    for n, img in enumerate(list(body.iter("img"))[:MAX_PICTURES], 1):
        src = img.get("src") or ""
        data = picture_bytes(src, page_dir)
        blocks = ocr.image_blocks(data, "图片" if src.startswith("data:") else src[-60:]) if data else []
        parent = img.getparent()
        if not blocks or parent is None:
            continue
        token = etree.Element("span")
        token.text = TOKEN.format(n)
        token.tail = img.tail
        parent.replace(img, token)
        out[n] = blocks
    return out


# ---------------------------------------------------------------- parsing


def _parse(text: str) -> etree._Element:
    text = _XML_DECL.sub("", text)
    text = _MSO_CONDITIONAL.sub("", text)  # Word's <![if !supportLists]> markers; keep what they wrap
    # lxml's own tree, not lxml.html's: lxml.html looks up a Python class for every element the
    # walk touches (9 % of reading a page, profiled); the two methods of it used here are below.
    parser = etree.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    root = _fromstring(text, parser)
    # libxml2 gives up inside absurdly deep nesting and silently drops the rest of the
    # page; when much of the text went missing, parse again with the nesting flattened.
    parsed_han = han_count(root.xpath("string()"))
    # The page's text holds no more Han characters than the whole file: only a parse that kept less than
    # 0.8 of those needs the exact count of the text outside tags, scripts and comments.
    raw_han = han_count(_strip_tags(text)) if parsed_han < 0.8 * han_count(text) else 0
    if raw_han > 20 and parsed_han < 0.8 * raw_han:
        flat = re.sub(r"</?(?:div|section|article|center|blockquote)\b[^>]*>", "<br>", text, flags=re.I)
        flat = re.sub(r"</?(?:span|font|b|i|u|em|strong|small|big|sub|sup|o:p|label)\b[^>]*>", "", flat, flags=re.I)
        root = _fromstring(flat, parser)
    return root


def _fromstring(text: str, parser: etree.HTMLParser) -> etree._Element:
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"the HTML cannot be parsed ({exc})") from exc
    if root is None:
        raise ReadError("the HTML page is empty")
    return root


def _strip_tags(text: str) -> str:
    text = re.sub(r"<(script|style)\b.*?</\1\s*>", " ", text, flags=re.I | re.S)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    return re.sub(r"<[^>]*>", " ", text)


def _head_meta(root: etree._Element) -> dict[str, str]:
    meta: dict[str, str] = {}
    title = root.find(".//title")
    if title is not None:
        t = normalize_text(text_content(title))
        if t:
            meta["page_title"] = t
    names = {
        "articletitle": "article_title",
        "pubdate": "published",
        "publishdate": "published",
        "firstpublishedtime": "published",
        "publishtime": "published",
        "contentsource": "source",
        "sitename": "site_name",
        "columnname": "column",
        "og:url": "url",
        "url": "url",
    }
    for el in root.iter("meta"):
        name = (el.get("name") or el.get("property") or "").strip().lower()
        key = names.get(name)
        content = normalize_text(el.get("content") or "")
        if not key or not content or key in meta:
            continue
        if key == "published":
            iso = iso_date(content)
            if iso:
                meta[key] = iso
        else:
            meta[key] = content
    for el in root.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and re.match(r"https?://", el.get("href") or "", re.I):
            meta["url"] = el.get("href").strip()  # the page's own address beats og:url
            break
    if "url" in meta and not re.match(r"https?://\S+$", meta["url"], re.I):
        del meta["url"]
    if "article_title" in meta:
        meta["title"] = meta["article_title"]
    elif "page_title" in meta:
        t = _SITE_SUFFIX.sub("", meta["page_title"]).strip()
        t = re.sub(r"^Microsoft Word\s*-\s*|\.(?:docx?|wps|pdf)$", "", t, flags=re.I).strip()
        if t:
            meta["title"] = t
    return meta


def _clean(body: etree._Element) -> None:
    """Remove what is never content: scripts, styles, forms' widgets, hidden elements, site header."""
    etree.strip_elements(body, etree.Comment, etree.ProcessingInstruction, *_DROP_TAGS, with_tail=False)
    doomed = []
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        style = el.get("style")
        if style and _HIDDEN.search(style):
            doomed.append(el)
        elif el.tag in ("header", "footer") and not any(a.tag == "article" for a in el.iterancestors()):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            _drop_tree(el)


def _drop_tree(el: etree._Element) -> None:
    """lxml.html's drop_tree(): remove the element and what it holds, keeping the text that follows it."""
    parent = el.getparent()
    if el.tail:
        previous = el.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + el.tail
        else:
            previous.tail = (previous.tail or "") + el.tail
    parent.remove(el)


# ---------------------------------------------------------------- units


@dataclass
class _Unit:
    seq: int
    owner: etree._Element  # innermost block element
    text: str = ""
    link_chars: int = 0
    in_cell: bool = False
    plain: str = ""  # the text outside links
    table: list[list[str]] | None = None  # a data table's expanded grid
    table_kind: str = ""  # "data" or "meta"
    pairs: dict[str, str] = field(default_factory=dict)

    @property
    def is_table(self) -> bool:
        return self.table is not None

    @property
    def link_share(self) -> float:
        n = len(self.text.replace(" ", ""))
        return self.link_chars / n if n else 0.0

    def score(self) -> float:
        if self.table is not None:
            if self.table_kind == "meta":
                return 0.0  # the article's own metadata box: neither for nor against it, like is_metadata_line
            return sum(_cell_score(c) if len(c) <= 60 else _text_score(c, True, 0.0) for row in self.table for c in row)
        if self.is_info_line() or self.is_metadata_line():
            return 0.0
        return _text_score(self.text, self.in_cell, self.link_share)

    def is_info_line(self) -> bool:
        """The article's own 发布时间 … 来源 … line (its 来源 printed or left empty): it sits between the title and
        the body, so it counts neither for the article nor against it (a long agency name in it must not cut a
        short article off its container)."""
        return (len(self.text) <= 120 and self.link_share <= 0.5 and bool(_INFO_DATE.search(self.text))
                and bool(_INFO_SOURCE_LABEL.search(self.text)))

    def is_metadata_line(self) -> bool:
        """A line of the article's own CMS metadata (索引号：…, 发布机构：…, 生成日期：…, 来源：…) printed inside its
        container: neutral like the info line, so it does not cut the article down to one paragraph; it stays
        out of the report's paragraphs (is_chrome) and its fields are read by _collect_metadata."""
        return (len(self.text) <= 120 and self.link_share <= 0.5 and bool(_METADATA_LINE.match(self.text))
                and not SITE_CHROME.search(self.text))


@lru_cache(maxsize=16384)  # short table cells (labels, figures) repeat within a page and across pages
def _cell_score(text: str) -> float:
    return _text_score(text, in_cell=True, link_share=0.0)


def _text_score(text: str, in_cell: bool, link_share: float) -> float:
    """Positive for article text (prose, table figures), negative for links and chrome, else 0."""
    n = len(text.replace(" ", ""))
    if not n:
        return 0.0
    if link_share > 0.5:
        return -float(n)
    if is_chrome(text):
        return -2.0 * n
    if is_prose(text) or (in_cell and is_number_cell(text)):
        return float(n)
    return 0.0


def is_prose(text: str) -> bool:
    han = han_count(text)
    return han >= 60 or (han >= 6 and _PROSE_PUNCT.search(text) is not None)


def is_chrome(text: str) -> bool:
    """A line of page chrome: breadcrumb, font size, print/close, share, footer, info line."""
    if len(text) > 200 or not _CHROME.search(text):
        return False
    if NUMBERING.match(text) and not re.search(r"上一篇|下一篇|ICP|版权所有|当前位置", text):
        return False  # a numbered heading of the report itself
    return not (text.endswith("。") and han_count(text) >= 30)


class _Walker:
    """One pass over the body: text units in document order, data tables as grids."""

    def __init__(self) -> None:
        self.units: list[_Unit] = []
        self.buf: list[str] = []
        self.plain: list[str] = []
        self.link_chars = 0
        self.seq = 0
        self.blocks: list[etree._Element] = []
        self.links = 0
        self.cells = 0
        self.cell_texts: dict[etree._Element, str] = {}  # cells read while telling a data table, read once

    def walk(self, body: etree._Element) -> list[_Unit]:
        walker = etree.iterwalk(body, events=("start", "end"))
        for event, el in walker:
            tag = el.tag if isinstance(el.tag, str) else ""
            if event == "start":
                if tag in BLOCK_TAGS or tag == "br":
                    self._flush()
                if tag == "table" and is_data_table(el, self.cell_texts):
                    self._table(el)
                    walker.skip_subtree()
                    continue
                if tag == "pre":
                    self._pre(el)
                    walker.skip_subtree()
                    continue
                if tag in BLOCK_TAGS:
                    self.blocks.append(el)
                    if tag in CELL_TAGS:
                        self.cells += 1
                if tag == "a" and el.get("href") is not None:
                    self.links += 1
                self._add(el.text)
            else:
                if tag in ("table", "pre") and (not self.blocks or self.blocks[-1] is not el):
                    pass  # handled whole at its start
                else:
                    if tag in BLOCK_TAGS:
                        self._flush()
                        if self.blocks and self.blocks[-1] is el:
                            self.blocks.pop()
                        if tag in CELL_TAGS:
                            self.cells -= 1
                    if tag == "a" and el.get("href") is not None:
                        self.links -= 1
                self._add(el.tail)
        self._flush()
        return self.units

    def _next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def _owner(self) -> etree._Element:
        return self.blocks[-1]

    def _add(self, text: str | None) -> None:
        if not text:
            return
        self.buf.append(text)
        if self.links > 0:
            self.link_chars += len(_SPACE.sub("", text))
        else:
            self.plain.append(text)

    def _flush(self) -> None:
        if self.buf:
            text = normalize_text("".join(self.buf))
            if text:
                self.units.append(
                    _Unit(
                        self._next_seq(), self._owner(), text, min(self.link_chars, len(text)), self.cells > 0,
                        plain=normalize_text("".join(self.plain)),
                    )
                )
        self.buf = []
        self.plain = []
        self.link_chars = 0

    def _table(self, table: etree._Element) -> None:
        owner = table
        caption = table.find("caption")
        if caption is not None:
            text = normalize_text(cell_text(caption))
            if text:
                self.units.append(_Unit(self._next_seq(), owner, text))
        grid = table_grid(table, self.cell_texts)
        self.cell_texts.clear()
        if not grid:
            return
        kind, pairs = table_kind(grid)
        if (len(grid) >= 2 and max(len(r) for r in grid) >= 2) or is_template_row(grid):
            self.units.append(_Unit(self._next_seq(), owner, table=grid, table_kind=kind, pairs=pairs))
        else:  # a one-row or one-column "table": its lines are paragraphs
            for row in grid:
                text = " ".join(_dedupe(row))
                if text:
                    self.units.append(_Unit(self._next_seq(), owner, text, in_cell=True))

    def _pre(self, pre: etree._Element) -> None:
        for block in parse_text(text_content(pre)):
            if isinstance(block, Paragraph):
                self.units.append(_Unit(self._next_seq(), pre, block.text))
            else:
                self.units.append(_Unit(self._next_seq(), pre, table=[list(r) for r in block.rows], table_kind="data"))


def _dedupe(row: list[str]) -> list[str]:
    out: list[str] = []
    for c in row:
        if c and (not out or out[-1] != c):
            out.append(c)
    return out


# ---------------------------------------------------------------- the article


def _collect_metadata(units: list[_Unit], meta: dict[str, str]) -> None:
    """The 信息公开 metadata box: publisher, date, and its 信息名称 as the title unless the page names one."""
    for u in units:
        if u.is_table and u.table_kind == "meta":
            if "发布机构" in u.pairs:
                meta.setdefault("publisher", u.pairs["发布机构"])
            name = u.pairs.get("信息名称") or u.pairs.get("标题")
            if name and "article_title" not in meta:
                meta["title"] = name  # the box's name beats a <title> with the site's name in it
            for key in ("发布日期", "生成日期", "成文日期", "发文日期"):
                iso = iso_date(u.pairs.get(key, ""))
                if iso:
                    meta.setdefault("published", iso)
                    break
        elif not u.is_table and "发布机构" in u.text:
            m = _INFO_PUBLISHER.search(u.text)
            if m:
                meta.setdefault("publisher", m.group(1))


def _find_container(body: etree._Element, units: list[_Unit]) -> tuple[etree._Element, float]:
    """The element that holds the article: all of its prose and none of the chrome.

    The core is the deepest element with the highest score (article text minus
    links and chrome). From there the container grows to the parent as long as
    the parent adds no link or chrome text, so that headings, a title or a
    table of labels at the edge of the article are not left out.
    """
    own: dict[etree._Element, float] = {}
    own_bad: dict[etree._Element, float] = {}
    for u in units:
        score = u.score()
        own[u.owner] = own.get(u.owner, 0.0) + score
        if score < 0:
            own_bad[u.owner] = own_bad.get(u.owner, 0.0) - score
    elements = [el for el in body.iter() if isinstance(el.tag, str)]
    total: dict[etree._Element, float] = {}
    bad: dict[etree._Element, float] = {}
    for el in reversed(elements):  # children before parents
        total[el] = total.get(el, 0.0) + own.get(el, 0.0)
        bad[el] = bad.get(el, 0.0) + own_bad.get(el, 0.0)
        parent = el.getparent()
        if parent is not None and el is not body:
            total[parent] = total.get(parent, 0.0) + total[el]
            bad[parent] = bad.get(parent, 0.0) + bad[el]
    best, best_score = body, 0.0
    for el in elements:  # document order: a descendant comes after its ancestor, so >= picks the deepest
        score = total[el]
        if score >= best_score and score > 0:
            best, best_score = el, score
    core = set(best.iter())
    titles_outside = 0
    while best is not body:
        parent = best.getparent()
        if parent is None or bad[parent] > bad[best]:
            break
        mine = set(best.iter())
        theirs = set(parent.iter())
        added = [u for u in units if u.owner not in mine and u.owner in theirs]
        if any(u.owner.tag == "li" for u in added if not u.is_table):
            break  # a list beside the article: other reports, other agencies
        titles_outside += sum(1 for u in added if _title_like(u) and u.owner not in core)
        if titles_outside > 1:
            break  # more than the article's own heading: a list of other reports
        best = parent
    return best, best_score


_REPORT_TITLE = re.compile(r"年度报告|年报|工作报告")


def _title_like(u: _Unit) -> bool:
    return not u.is_table and len(u.text) <= 60 and bool(_REPORT_TITLE.search(u.text)) and not _PROSE_PUNCT.search(u.text)


def _article_blocks(units: list[_Unit], container: etree._Element, meta: dict[str, str]) -> list[Block]:
    inside = set(container.iter())
    idx = [i for i, u in enumerate(units) if u.owner in inside]
    if not idx:
        return []
    first, last = idx[0], idx[-1]
    body_units = units[first:last + 1]

    _info_from(units[max(0, first - 60):first], meta, nearest_first=True)
    _info_from(body_units[:10], meta, nearest_first=False)

    blocks: list[Block] = []
    for u in body_units:
        block = _block_of(u)
        if block is not None:
            blocks.append(block)

    own_title = any(_title_like(u) for u in body_units[:3])
    heading = None if own_title else _find_heading(units[max(0, first - 40):first], meta)
    if heading and not _repeats(heading, blocks):
        blocks.insert(0, Paragraph(heading))

    # A signature (agency, date) that the page put just after the article's body.
    for u in units[last + 1:last + 6]:
        if u.is_table or u.link_share > 0.5 or is_chrome(u.text):
            break
        if len(u.text) <= 40 and (_DATE_LINE.match(u.text) or _AGENCY_END.search(u.text)):
            blocks.append(Paragraph(u.text))
        else:
            break
    return blocks


def _block_of(u: _Unit) -> Block | None:
    if u.is_table:
        if u.table_kind == "meta":
            return None
        return Table.from_rows(u.table)
    if u.link_share > 0.6 and han_count(u.plain) < 6 and not u.text.startswith("附件"):
        return None  # a link list (other reports, related pages, with their dates) inside the container
    if is_chrome(u.text):
        return None
    return Paragraph(u.text)


def _info_from(units: list[_Unit], meta: dict[str, str], nearest_first: bool) -> None:
    """发布时间 / 来源 from the info line above the article."""
    seq = reversed(units) if nearest_first else units
    for u in seq:
        if u.is_table or len(u.text) > 200:
            continue
        if "published" not in meta:
            m = _INFO_DATE.search(u.text)
            if m:
                iso = iso_date(m.group(1))
                if iso:
                    meta["published"] = iso
        if "source" not in meta:
            m = _INFO_SOURCE.search(u.text)
            if m:
                meta["source"] = m.group(1)


def _find_heading(units: list[_Unit], meta: dict[str, str]) -> str | None:
    """The article's own heading among the units just before the container."""
    wanted = [match_form(meta[k]) for k in ("article_title", "title") if meta.get(k)]
    best: tuple[int, int] | None = None
    best_text = None
    for distance, u in enumerate(reversed(units)):
        t = u.text
        if u.is_table or u.link_share > 0.3 or not (6 <= len(t) <= 100) or not has_han(t):
            continue
        if is_chrome(t) or _DATE_LINE.match(t) or u.owner.tag == "li" or _in_breadcrumb(u.owner):
            continue
        if re.search(r"[>»＞›]", t) and "首页" in t:  # 首页 > 政务公开 > …
            continue
        mf = match_form(t)
        if any(mf == w or (len(mf) >= max(8, 0.6 * len(w)) and mf in w) or (len(w) >= 8 and w in mf) for w in wanted):
            rank = 3
        elif u.owner.tag in _HEADING_TAGS or _has_title_attr(u.owner):
            rank = 2
        elif "报告" in t and not _PROSE_PUNCT.search(t):
            rank = 1
        else:
            continue
        key = (rank, -distance)
        if best is None or key > best:
            best, best_text = key, t
    return best_text


def _has_title_attr(el: etree._Element) -> bool:
    for e in (el, el.getparent()):
        if e is None:
            continue
        if _TITLE_ATTR.search(" ".join((e.get("class") or "", e.get("id") or ""))):
            return True
    return False


def _in_breadcrumb(el: etree._Element) -> bool:
    e = el
    for _ in range(3):
        if e is None:
            return False
        tokens = " ".join((e.get("class") or "", e.get("id") or "")).split()
        if any(_BREADCRUMB_TOKEN.match(t) for t in tokens):
            return True
        e = e.getparent()
    return False


def _repeats(heading: str, blocks: list[Block]) -> bool:
    """True when the article body already starts with this heading."""
    mf = match_form(heading)
    joined = ""
    for b in blocks[:4]:
        if not isinstance(b, Paragraph):
            break
        joined += match_form(b.text)
        if joined == mf or (len(joined) >= len(mf) and joined.startswith(mf)) or mf == match_form(b.text):
            return True
        if len(joined) >= len(mf):
            break
    return False
