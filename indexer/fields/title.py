"""The report's title as a reader would cite it.

The first title-like line of a saved page is often not the title: a site
column (政府信息公开年报), a CMS metadata row (索引号 | 发布机构 | 分类), a label
glued to the title (标题：…, 公报标题…, 大中小…), a breadcrumb (首页 > 政务公开 >
…), or a title without its agency printed above the real one. So every line of
the opening is cleaned (`clean_title_line`), the title-like ones become
candidates (joined when split over two lines), and the candidate that names an
agency and a year wins; the earliest wins a tie.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..gazetteer import places_in
from .patterns import AGENCY_SUFFIX, NAME_CHAR, REPORT_WORDS, SENTENCE_PUNCT, YEAR, YEAR_WORD

# …年度报告, also with its year in brackets after it (…年度报告（2022年度）); …信息公开工作总结, as public institutions
# (hospitals) title theirs
# …年度报告（文字版）: a version note after the title is part of it as printed
_VERSION_NOTE = r"(?:[（(](?:文字版|图文版|图解版|简版|修订版|更正版|正式版)[)）])"
# …年度报告（上海市某区某镇人民政府）: the agency printed in brackets after a title that starts on its year
_AGENCY_NOTE = rf"(?:[（(]\s*{NAME_CHAR}{{2,38}}{AGENCY_SUFFIX}\s*[)）])"
_TITLE_LINE = re.compile(
    rf"{REPORT_WORDS}.{{0,16}}(?:年度报告|年报|工作报告|报告|工作总结)\s*(?:[（(]\s*{YEAR_WORD}\s*[)）]|{_VERSION_NOTE}|{_AGENCY_NOTE})?$")
_TITLE_START = re.compile(REPORT_WORDS)
_AGENCY_LINE = re.compile(rf"^{NAME_CHAR}{{2,38}}{AGENCY_SUFFIX}$")

# a list item's bullet before the title as a page lists it (  • 2016年某局…报告, - 某局…报告)
_MARKDOWN = re.compile(r"^\s*(?:#{1,6}|>|\*\*|[•●▪◦·](?=\s*\S)|[-*+](?=\s))\s*|\s*\*\*\s*$")
# 1、某局2017年度…报告本报告是根据…: a document-sharing site numbers the chunks it cuts a file into
_CHUNK_NUMBER = re.compile(r"^\d{1,3}、\s*")
# 中文名 | 某区人民政府2019年…报告 | 发布单位 | 某区人民政府: an encyclopedia's infobox row names the page
_INFOBOX_NAME = re.compile(r"^(?:[-•·*]\s*)?中文名\s*[:：|｜]\s*(?P<t>[^|｜]+?)\s*(?:[|｜]|$)")
# 来源某县某局, 发布机构某局: a CMS box's row whose label lost its colon; the page's metadata, not a byline or a signature
_SOURCE_LABEL = re.compile(r"(?:信息|文章)?来源(?!于)|发布机构|发布单位")
_LABEL = re.compile(r"^(?:(?:Page|P\.)\s*\d+\s*[-–—:：]|欢迎(?:光临|访问|来到)|文章标题|公报标题|信息标题|信息名称|文件名称|文档标题|内容概述|标题|名称|题目|主题"
                    rf"|(?:{_SOURCE_LABEL.pattern})(?=[\u4e00-\u9fff]))\s*[:：|｜]?\s*")
_CMS_LABEL = re.compile(
    r"索引号|索\s*引\s*号|发布机构|发文机关|主题分类|体裁分类|组配分类|服务对象|成文日期|发布日期|生成日期|发文日期"
    r"|文\s*号|发文字号|有效性|所属机构|信息类别|公开方式|公开范围|公开时限|分\s*类"
)
_NAME_FIELD = re.compile(r"(?:名\s*称|标\s*题)\s*[:：]\s*(.+?)(?=\s*(?:" + _CMS_LABEL.pattern + r")\s*[:：]|$)")
_BREADCRUMB = re.compile(r"\s*(?:>|＞|»|›|→|->)\s*")
# 首页/ 政府信息公开 / 年报 / 正文: a slash only separates crumbs in a line that starts at the home page
_SLASH_TRAIL = re.compile(r"^\s*(?:(?:当前|您的|您当前的|您现在的|所在)?位置\s*[:：]?\s*)?首页\s*[/／]")
_SLASH = re.compile(r"\s*[/／]\s*")
# 您现在的位置：|首页|某镇2024年…报告: a location line whose crumbs a table's bars separate
_BAR_TRAIL = re.compile(r"^\s*(?:当前|您的|您当前的|您现在的|所在)?位置\s*[:：]?\s*[|｜]")
_BAR = re.compile(r"\s*[|｜]\s*")
_CRUMB = re.compile(r"[\u4e00-\u9fffA-Za-z0-9 　:：]{1,20}")  # 当前位置：首页, 政务公开, 政府信息公开年报
_WIDGET = re.compile(
    r"(?:[【\[]?\s*(?:字体|字号)?\s*[:：]?\s*[大中小]\s*[大中小]\s*[大中小]\s*[】\]]?)"
    r"|(?:[【\[]\s*)?(?:打印本页|打印|关闭窗口|关闭|收藏|分享到?|扫一扫在手机(?:上)?打开当前页|扫一扫|二维码)(?:\s*[】\]])?"
)
# What every _WIDGET match holds. Most lines hold none, and this is found by its first characters, where _WIDGET,
# opening on optional parts, is tried at every position of the line: a tenth of the time on report openings.
_WIDGET_HINT = re.compile(r"[大中小]\s*[大中小]\s*[大中小]|打印|关闭|收藏|分享|扫一扫|二维码")
_TRAILING_INFO = re.compile(
    r"\s*(?:(?:发布|更新|生成)(?:时间|日期)|(?:信息|文章|稿件)?来源|浏览次数|访问量|阅读次数|点击数|作者)\s*[:：].*$"
    r"|(?<=报告)\s*[（(]?\s*(?:19|20)\d{2}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?\s*[)）]?$"  # …报告 2025-01-22
    r"|(?<=报告)\s*(?:[-_|｜]|—+)\s*[^，。；]{1,30}$"  # …报告-某某网站: the site's name after the title
    r"|(?<=报告)\s*[（(]全文[)）]\s*$"  # …报告（全文）: a news site's note that it reposts the whole text
    r"|(?<=报告)\s*[【\[]?\s*(?:字号|字体)\s*[:：].*$"  # …报告 字号:[ ] / 【字体: (sizes drawn as pictures print no text)
)
# 某市政府门户网站-某县人民政府2021年…报告_…: a page's <title> printed as its first line starts on the site's name
_SITE_PREFIX = re.compile(r"^[^，。；,;\s]{2,24}?(?:网站|政务网|网)\s*(?:[-–—_|｜]|——)\s*")
# 某市人民政府门户网站 部门 某市某局2022年…报告: a site's name and its columns before the title, spaces between
# (or none: a reader drops a space between two Chinese characters)
_SITE_SPACED = re.compile(r"^[^，。；,;\s]{2,24}?(?:网站|政务网)")
_SHORT_CRUMB = re.compile(r"[^，。；,;\s]{1,8}")
# A first line of a title broken over lines: an agency, a year, or both (某局, 2022年度, 某局2022年).
# Its year may be printed without 年 (某办公室2020 / 政府信息公开工作年度报告).
_TITLE_PIECE = re.compile(rf"^(?:{NAME_CHAR}{{2,38}}{AGENCY_SUFFIX})?(?:{YEAR_WORD}|{YEAR})?$(?<=.)")
# （2023年度）: a title's year in brackets on the line under it
_YEAR_NOTE_LINE = re.compile(rf"[（(]\s*{YEAR_WORD}\s*[)）]")
# A year right before the report words, with or without 年 (某委2020政府信息公开…)
_TITLE_YEAR = re.compile(rf"{YEAR_WORD}|{YEAR}\s*{REPORT_WORDS}")
# A breadcrumb's last crumb that is a column's name alone: where the page sits, never its title
_BARE_COLUMN = re.compile(r"(?:政府信息公开|政务公开|信息公开)?(?:工作)?(?:年度报告|年报)")
_COLUMN_NAME = re.compile(r"^(?:政府信息公开工作年度报告|政府信息公开年度报告|政府信息公开年报|政务公开年报|信息公开年报|年度报告|年报)(?=.)")
_GLUED_TITLE = re.compile(
    rf"^(?P<t>[^，。；：,;:]{{4,60}}?{REPORT_WORDS}[^，。；：,;:]{{0,16}}?(?:年度报告|年报|报告))"
    rf"(?=\s*(?:根据|依据|按照|本报告|本年度|为|一、|（一）|{YEAR_WORD}\s*[，,]))"
)


# ? ?某局…报告?: a mirror site writes the spaces it cannot encode as ASCII question marks; a title asks nothing
_MIRROR_MARKS = re.compile(r"^[?\s]+|[?\s]+$")


@lru_cache(maxsize=64)  # the opening's lines are cleaned for the title, then again for the byline under it
def clean_title_line(text: str) -> str:
    """A line of the opening without page chrome: markdown marks, labels, widgets, breadcrumbs, dates."""
    text = _MIRROR_MARKS.sub("", _MARKDOWN.sub("", text).strip())
    infobox = _INFOBOX_NAME.match(text)
    text = _once(infobox.group("t") if infobox else _CHUNK_NUMBER.sub("", text))
    text = re.sub(r"(?<=\d) (?=\d)", "", text)  # 2 0 2 2 年 (letter-spaced PDF text)
    field = _NAME_FIELD.search(text)
    if field and len(_CMS_LABEL.findall(text)) >= 1:
        text = field.group(1)
    parts = (_SLASH if _SLASH_TRAIL.match(text) else _BAR if _BAR_TRAIL.match(text) else _BREADCRUMB).split(text)
    if len(parts) > 1 and all(_CRUMB.fullmatch(p) for p in parts[:-1]):
        text = _once(without_column(parts[-1]))
        if _BARE_COLUMN.fullmatch(text.strip()):  # 首页>某区>信息公开>政府信息公开工作年度报告: the page's column
            return ""
    text = _TRAILING_INFO.sub("", text)
    if text.endswith("。") and is_title_line(text[:-1]):  # 某镇2019年度…报告。: an encyclopedia's lead sentence
        text = text[:-1]
    site = _SITE_PREFIX.match(text)
    if site and is_title_line(text[site.end():]):
        text = text[site.end():]
    text = _after_spaced_crumbs(text)
    text = (_WIDGET.sub("", text) if _WIDGET_HINT.search(text) else text).strip()
    text = _LABEL.sub("", text).strip(" 　《》|｜")  # 首页> |某局…报告: a table cell's bar left before the title
    unglued = _COLUMN_NAME.sub("", text)  # 政府信息公开年报 (a breadcrumb's last column) glued to the title
    if unglued != text and is_title_line(unglued) and title_head(unglued):
        return unglued
    return text


def _after_spaced_crumbs(text: str) -> str:
    """The title after a site's name and its columns (某市人民政府门户网站 部门 某市某局2022年…报告, or with the
    spaces a reader drops: …门户网站部门某市某局…): the most short crumbs that still leave a title on its own, a
    column glued before the title's place name dropped as a breadcrumb's last crumb's is (without_column)."""
    site = _SITE_SPACED.match(text)
    if not site:
        return text
    parts = text[site.end():].split()
    crumbs = 0
    while crumbs < len(parts) - 1 and _SHORT_CRUMB.fullmatch(parts[crumbs]):
        crumbs += 1
    for k in range(crumbs, -1, -1):  # 部门 is a column, not the start of the title
        rest = without_column(" ".join(parts[k:]))
        if is_title_line(rest) and title_head(rest):
            return rest
    return text


_TWICE = re.compile(r"^(?P<t>.{8,80}?)\s*(?P=t)\s*[|｜]?$")


def _once(text: str) -> str:
    """A line that prints the same text twice (某镇2024年…报告 某镇2024年…报告: a page's title and its heading run together) once."""
    m = _TWICE.match(text)
    return m.group("t") if m else text


# What may stand before a title's place name: a year, an agency (国家税务总局某市税务局), 关于.
_BEFORE_PLACE = re.compile(rf"(?:关于)?(?:{YEAR_WORD})?(?:{NAME_CHAR}{{2,38}}{AGENCY_SUFFIX})?(?:{YEAR_WORD})?")


def without_column(crumb: str) -> str:
    """The last crumb of a breadcrumb without its column's name glued before the title
    (2023>苏木镇场、社区服务中心某旗某苏木2023年…报告, 2024>乡镇(街道)某县某镇2024年…报告): the title
    starts at its first place name when what stands before that could not open a title."""
    mentions = places_in(crumb, agency=True)
    if not mentions or mentions[0].start == 0 or _BEFORE_PLACE.fullmatch(crumb[: mentions[0].start]):
        return crumb
    rest = crumb[mentions[0].start:]
    title = _TRAILING_INFO.sub("", rest)  # …报告发布时间：… (the page's date line run on)
    return rest if is_title_line(title) and title_head(title) else crumb


def is_cms_row(text: str) -> bool:
    """A metadata row of a CMS (索引号：… 发布机构：… 分类：…) that is not the title."""
    return len(_CMS_LABEL.findall(text)) >= 2 and not _NAME_FIELD.search(text)


def is_title_line(text: str) -> bool:
    return len(text) <= 80 and bool(_TITLE_LINE.search(text)) and not SENTENCE_PUNCT.search(text)


# （三）政府信息管理情况 cut after 政府 (an opening's last line): a numbered heading, never a name
_ENUMERATED = re.compile(r"^[（(][一二三四五六七八九十\d]{1,3}[)）]")


def is_agency_line(text: str) -> bool:
    """A line that is only an agency name (a title's first line, a byline, a signature), never a site's name."""
    return (len(text) <= 40 and bool(_AGENCY_LINE.match(text)) and not _ENUMERATED.match(text)
            and not text.endswith("网站")  # 欢迎来到某县人民政府门户网站: ends like a 站 (工作站), names a site
            and not _SOURCE_LABEL.match(text))


def title_head(title: str) -> str:
    """What precedes the report words of a title, years and connectives removed: the agency as the title prints it."""
    head = _TITLE_START.split(title, maxsplit=1)[0]
    if head.endswith("人民"):  # XX县人民|政府信息公开…
        head += "政府"
    year = re.search(YEAR_WORD, head)
    after = head[year.end():].strip() if year else ""
    if after and head[:year.start()].strip().endswith(after):  # 某海关2016年海关政府信息公开…: the kind said again
        head = head[:year.start()]
    head = re.sub(YEAR_WORD, "", head)
    head = re.sub(rf"{YEAR}\s*$", "", head)  # 某委2020政府信息公开…: a year printed without 年 before the report words
    head = re.sub(r"^年度?", "", head)  # 某局2025 / 年政府信息公开…: a line that starts on the end of the year before it
    head = re.sub(r"(?:关于|的|公开)$", "", head)
    subject = head.rpartition("关于")[2]  # XX县人民政府办公室关于XX县…: the report is the county's
    head = subject if subject.strip() else head.rpartition("关于")[0]
    return head.strip(" 　，,、:：《》“”\"")


def title_after_cms_row(text: str) -> str | None:
    """A title glued to the end of a CMS metadata row (… 分类：政府信息公开年报XX局2022年…报告), or a cell of the
    row that holds it, glued to the preamble the row runs into."""
    last = list(re.finditer(r"[:：]", text))
    tail = _COLUMN_NAME.sub("", text[last[-1].end():].strip()) if last else ""
    if tail and is_title_line(tail):
        return tail
    # 文件下载内容概述|某市人民政府2011年…年度报告本年度报告是根据…: a row's cell holding the title, glued to the preamble
    for cell in _BAR.split(text):
        glued = _GLUED_TITLE.match(cell.strip())
        if glued and title_head(glued.group("t")):
            return glued.group("t")
    return None


# 中国政府网 | 某部 | 某省政府门户网站: a site's bar of links, items between bars, never a piece of a title
_LINK_BAR = re.compile(r"[^\s|｜]\s*[|｜]\s*[^\s|｜]")


def _candidates(lines: list[str]) -> list[tuple[int, str]]:
    """(line index, title) of every title-like line, joined with a split-off end or a preceding agency line."""
    out: list[tuple[int, str]] = []
    for i, text in enumerate(lines):
        if not text:  # a line that was all chrome (a CMS row, a breadcrumb ending on its column) opens no title
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        candidate = text
        if not is_title_line(candidate) and _TITLE_START.search(candidate + nxt) and nxt and len(nxt) <= 20 \
                and not SENTENCE_PUNCT.search(candidate) and not _LINK_BAR.search(candidate):
            if is_title_line(candidate + nxt) and not (is_title_line(nxt) and title_head(nxt)):
                candidate = candidate + nxt  # 某局2020年政府信息公开 / 工作年度报告
        if not is_title_line(candidate):
            glued = _GLUED_TITLE.match(text)
            if not glued:
                continue
            candidate = _once(glued.group("t"))  # 某局…报告某局…报告2020年，…: a file name and the heading run on
        if not title_head(candidate) and i > 0 and _split_inside_report_words(lines[i - 1], candidate):
            candidate = lines[i - 1] + candidate  # 某街道办事处2023年度政府 / 信息公开工作年度报告
        elif i > 0 and _split_inside_agency(lines[i - 1], candidate):
            candidate = lines[i - 1] + candidate  # 重庆市某区人民政府某街道 / 办事处2023年…报告
        if not title_head(candidate):  # 某局 / 2020年度 / 政府信息公开工作年度报告
            k = i
            while k > 0 and i - k < 2 and _TITLE_PIECE.match(lines[k - 1]) and not (
                    re.fullmatch(YEAR_WORD, lines[k - 1]) and re.match(YEAR_WORD, candidate)):
                k -= 1
                candidate = lines[k] + candidate
                if title_head(candidate):
                    break
        if _YEAR_NOTE_LINE.fullmatch(nxt) and not re.search(YEAR_WORD, candidate):
            candidate += nxt  # 某局 / 政府信息公开工作年度报告 / （2023年度）: the title's year on a line of its own
        out.append((i, candidate))
    return out


def _split_inside_agency(before: str, line: str) -> bool:
    """A title broken inside its agency's name (某市某区人民政府某街道 / 办事处2023年…报告): the line starts
    on a bare type, the line before, no sentence and no title, starts on a place and ends the name's first part."""
    head = title_head(line)
    if not head or _names_its_place(head) or not re.fullmatch(AGENCY_SUFFIX, head):
        return False
    return (2 <= len(before) <= 40 and not SENTENCE_PUNCT.search(before) and not is_title_line(before)
            and not re.search(r"\d", before) and _names_its_place(before))


def _split_inside_report_words(before: str, line: str) -> bool:
    """A title broken inside its report words (某局2023年度政府 / 信息公开工作年度报告): the line
    before, no sentence and no bar of links, makes a title with an agency together with this one."""
    joined = before + line
    return (len(before) <= 40 and not SENTENCE_PUNCT.search(before) and not is_title_line(before)
            and not _LINK_BAR.search(before) and is_title_line(joined) and bool(title_head(joined)))


def _score(title: str, position: int) -> float:
    score = 0.0
    if _TITLE_YEAR.search(title):
        score += 2
    head = title_head(title)
    if len(head) >= 2:
        score += 2
    if _names_its_place(head):  # 区退役军人事务局… above 广州市越秀区退役军人事务局…: the placed one is the title
        score += 1
    if _PUBLISHES.search(head):  # 某省人民政府发布2010年…报告: a news headline about the report, not its title
        score -= 1.5
    return score - 0.01 * position


_PUBLISHES = re.compile(r"(?:发布|公布|印发)$")


def _names_its_place(head: str) -> bool:
    mentions = places_in(head, agency=True)
    return bool(mentions) and mentions[0].start == 0 and len(mentions[0].text) >= 2


def title_of(paragraphs: list[str], meta_title: str | None = None, limit: int = 15) -> str | None:
    """The report's title as a reader would cite it, joined when split over two lines.

    `meta_title` is the page's or file's own title (HTML <title>, DOCX core
    title, a crawler's 标题 line): a candidate like the others, after them on a tie."""
    lines = [title_after_cms_row(t) or "" if is_cms_row(t) else clean_title_line(t) for t in paragraphs[:limit]]
    enclosed = enclosed_report_title(paragraphs)
    if enclosed:
        return enclosed
    cands = [(_score(t, i), t) for i, t in _candidates(lines)]
    if meta_title:
        pieces = [t for t in re.split(r"\s*[_|｜]+\s*|\s+[-—]+\s+", meta_title.strip()) if t]
        cleaned = clean_title_line(pieces[0]) if pieces else ""
        if is_title_line(cleaned):
            cands.append((_score(cleaned, limit), cleaned))
    cands = [c for c in cands if not crumbs_before(c[1], [t for _, t in cands])] or cands
    if not cands:
        return quoted_title(paragraphs)
    best = max(cands, key=lambda c: c[0])
    return named_in_preamble(best[1], paragraphs) or best[1]


# 某局编制了某局2022年政府信息公开工作年度报告: the preamble printing the report's title after its verb
_PREAMBLE_VERB = r"(?:编制了|编制|编写了|现公布|现发布|公布|发布|形成了)\s*"


def named_in_preamble(title: str, paragraphs: list[str], limit: int = 6) -> str | None:
    """A title line that names no agency (2022年政府信息公开工作年度报告) which the preamble prints whole after an
    agency's name (某市卫生健康委编制了某市卫生健康委员会2022年政府信息公开工作年度报告): that printing, as a reader
    cites it. Only before the first section, and only the title printed whole (not another year's report)."""
    if title_head(title) or not _TITLE_YEAR.search(title):
        return None
    pattern = re.compile(rf"{_PREAMBLE_VERB}(?P<t>{NAME_CHAR}{{2,38}}?{AGENCY_SUFFIX}{re.escape(title)})")
    for text in paragraphs[:limit]:
        if _FIRST_SECTION.match(text):
            break
        m = pattern.search(text)
        if m and title_head(m.group("t")):
            return m.group("t")
    return None


def crumbs_before(title: str, others: list[str]) -> bool:
    """A candidate that is another candidate with crumbs put before it: a breadcrumb whose crumbs only spaces
    separate (某市人民政府门户网站 某市某局 政府信息公开年报 某市某局2023年…报告; the display form drops the
    spaces), the title printed alone on another line of the opening. What stands before must be crumbs (a site, a
    column), not a place (某省某市某局2023年…报告 above 某市某局2023年…报告 is a title in full)."""
    for other in others:
        if len(other) < len(title) and title.endswith(other):
            before = title[: -len(other)]
            if before[-1:].isspace() or _CRUMB_WORD.search(before):
                return True
    return False


# What a breadcrumb's crumbs say and a title's agency never does: a site, its home page, a column
_CRUMB_WORD = re.compile(r"网站|首页|政务公开|信息公开|年报|年度报告")


_QUOTED = re.compile(r"《(?P<t>[^《》]{6,80})》")
_FIRST_SECTION = re.compile(r"^\s*(?:一|1)\s*[、.．]")


def quoted_title(paragraphs: list[str], limit: int = 6) -> str | None:
    """A report with no title line that quotes its own name in its preamble (现发布《某局2022年政府信息公开工作
    年度报告》): that name, when it names an agency or a place and a year. Only before the first section: the body
    quotes other years' reports."""
    for text in paragraphs[:limit]:
        if _FIRST_SECTION.match(text):
            break
        for m in _QUOTED.finditer(text):
            name = m.group("t").strip()
            if is_title_line(name) and title_head(name) and _TITLE_YEAR.search(name):
                return name
    return None


# 某市人民政府关于报送某市2020年度政府信息公开工作年度报告的函: a cover letter's own title, the report it sends inside
_COVER_LETTER = re.compile(
    rf"^(?:{NAME_CHAR}{{2,38}}{AGENCY_SUFFIX})?关于(?:报送|呈报|上报|报备|提交|印送|转报)[《“]?(?P<t>[^《》“”，。；]{{6,60}}?"
    rf"(?:年度报告|年报))[》”]?的(?:函|报告|请示|通知)$")


def enclosed_report_title(paragraphs: list[str], limit: int = 40) -> str | None:
    """A report printed under its cover letter (某市人民政府关于报送某市2020年度…年度报告的函, the letter's address
    and signature, then the report): the report's own title, printed as a line after the letter's title, else as
    the letter names it, when it names an agency or a place and a year. The letter's title is the letter's, not
    the report's."""
    if not any("关于" in t for t in paragraphs[:limit]):  # every report's title runs this: most have no letter
        return None
    lines = [clean_title_line(t) for t in paragraphs[:limit]]
    for i, text in enumerate(lines):
        m = _COVER_LETTER.match(text)
        if not m:
            continue
        if any(is_title_line(line) and title_head(line) for line in lines[:i]):
            return None  # a report titled above it that names a letter: the report's title stands
        name = m.group("t")
        if any(line == name for line in lines[i + 1:]):
            return name
        return name if title_head(name) and _TITLE_YEAR.search(name) else None
    return None
