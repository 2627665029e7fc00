"""Text lines -> paragraphs: lines a converter wrapped mid-sentence joined again, headings and list items kept apart.

Every text layout ends here for what is not a table, so that a word such as 信息处理费 that a PDF converter cut
at a line's end is whole again for the field rules and the index. `NUMBERING` (一、 （一） 1. 第一条 ①) is the
heading numbering other readers use to tell a heading from a sentence.
"""

from __future__ import annotations

import re

from ..blocks import Paragraph
from ..textnorm import normalize_text
from .meta import BOX_LABEL_IN_TEXT

# Words of a site's page chrome (footer, navigation) that no report sentence or table cell holds.
SITE_CHROME = re.compile(r"ICP|备案号|版权所有|主办单位|承办单位|网站标识码|公网安备|技术支持|联系我们|设为首页|加入收藏"
                         r"|当前位置|您的位置|网站地图")
NUMBERING = re.compile(
    r"^\s*(?:[一二三四五六七八九十百]+[、.．]"
    r"|[（(][一二三四五六七八九十\d]+[)）]"
    r"|\d+[.、．](?!\d)"
    r"|第[一二三四五六七八九十百\d]+[部分章条條节節项項]"
    r"|[①-⑳⑴-⒇])"
)
SENTENCE_END = "。！？；：!?;…"
_PROSE_PUNCT = re.compile("[，。、；：,;]")
_DATE_LINE = re.compile(
    r"^\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日\s*$"
)
_BULLET = re.compile(r"^\s*[•·●▪◆]")
# a page's widgets (【字体：大 中 小】 打印本页 关闭窗口, 扫一扫在手机打开当前页): a line of chrome, never a sentence's part
_PAGE_WIDGET = re.compile(r"[大中小]\s*[大中小]\s*[大中小]\s*[】\]]|打印本页|关闭窗口|扫一扫|【\s*(?:打印|关闭)\s*】")
# a page's breadcrumb (当前位置：首页 > 政务公开 > 年报): a browser ends it with one line break, before the title
_BREADCRUMB = re.compile(r"^(?:当前位置|您的位置|您现在的位置|您当前的位置|所在位置)|(?:[>＞»›].*){2}")
MARKDOWN_BOLD = re.compile(r"\*\*(.+?)\*\*")


# 某省人民政府2010年政府信息公開工作報告: a report's title (traditional characters too) is a line of its own
_TITLE = re.compile(r"(?:政府|政务|政務)?(?:信息公开|信息公開|公开|公開).{0,16}(?:报告|報告|年报|年報)$")


def is_title(line: str) -> bool:
    """A line that reads as a report's whole title: report words, then 报告 or 年报 at its end, no sentence."""
    return len(line) <= 60 and bool(_TITLE.search(line)) and not _PROSE_PUNCT.search(line)


def paragraphs_of(lines: list[str]) -> list[Paragraph]:
    """Paragraphs from text lines, joining lines a converter wrapped mid-sentence."""
    out: list[str] = []
    blank_since_last = 0
    for raw in lines:
        text = normalize_text(MARKDOWN_BOLD.sub(r"\1", raw))
        if not text:
            blank_since_last += 1
            continue
        # a title after a blank line starts a paragraph, whatever the line above it (a page's spam line cut by commas)
        if out and blank_since_last <= 1 and should_join(out[-1], text) and not (blank_since_last and is_title(text)):
            out[-1] += text
        else:
            out.append(text)
        blank_since_last = 0
    return [Paragraph(t) for t in out]


def looks_like_heading(line: str) -> bool:
    return len(line) < 15 or (bool(NUMBERING.match(line)) and len(line) < 40 and "。" not in line[:-1])


def should_join(prev: str, nxt: str) -> bool:
    """True when `nxt` continues the sentence that `prev` was cut in."""
    if prev[-1] in SENTENCE_END or not _PROSE_PUNCT.search(prev):
        return False
    if looks_like_heading(prev) or NUMBERING.match(nxt) or _DATE_LINE.match(nxt):
        return False
    if _PAGE_WIDGET.search(prev) or _PAGE_WIDGET.search(nxt) or SITE_CHROME.search(nxt):
        return False
    # a page's metadata rows (索引号: … 主题分类: …), its breadcrumb and list items (• …) are lines of their own
    return (len(BOX_LABEL_IN_TEXT.findall(prev)) < 2 and not _BREADCRUMB.search(prev)
            and not _BULLET.match(nxt) and not _BULLET.match(prev))
