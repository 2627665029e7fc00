"""The report's year (the statistics year) and its printed date.

Reports print many years besides their own: document numbers (国办公开办函
〔2021〕30号), dates, comparisons with last year, plans for next year. The
statistics period (本报告所列数据统计期限自2021年1月1日起至2021年12月31日止)
is the strongest signal when the title has no year; then years stated as the
year reported on (2021年，我局…; 2021年度) are weighed, the opening counting
double.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from .patterns import AGENCY_SUFFIX, HAN, REPORT_WORDS, SENTENCE_PUNCT, YEAR, cn_small_number, cn_year

DATE_CN = re.compile(rf"({YEAR})\s*年\s*([\d一二三四五六七八九十]{{1,3}})\s*月\s*([\d一二三四五六七八九十]{{1,3}})\s*日")
# 2020-01-19, 2020.1.19, and a page's 2021-03-2918:26 (the time glued to the day)
_DATE_NUM = re.compile(r"((?:19|20)\d{2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})(?:(?!\d)|(?=\d{1,2}:\d{2}))")
# 发布日期：2024-01-22, 发布日期 | 2022-04-06 (a metadata row), 发表日期:2024-01-26, 发文日期: 2023年01月12日 (the issue date)
_DATE_LABEL = re.compile(
    r"(?:(?:发布|发表|发文|成文|印发|公开|生成|更新)(?:日期|时间)|(?:^|(?<=[\s|｜丨]))(?:日期|时间))"
    r"\s*(?:[:：]|[|｜](?=\s*\d)|(?=\d{4}))"
    # 来源:某网站日期:2020-01-10, 来源:某局日期:2022年01月20日 (the display form drops the space): a bare label
    # right before a date; never 归档时间 (when the page went to the archive, not when it was published)
    r"|(?<!统计)(?<!截止)(?<!截至)(?<!生效)(?<!废止)(?<!失效)(?<!有效)(?<!归档)(?:日期|时间)\s*[:：](?=\s*(?:19|20)\d{2}\s*[-./年])"
)
# A label that says the page was published, as opposed to drafted or merely dated (发布日期：, 发布时间 2021-02-07)
_PUBLISHING_LABEL = re.compile(r"(?:发布|发表)(?:日期|时间)\s*(?:[:：]|[|｜]|(?=\s*(?:19|20)\d{2}))")
# The date a document was drafted or generated (成文日期, 公文生成日期, 印发日期), not the page's
_DRAFTING_LABEL = re.compile(r"(?:成文|印发|生成)(?:日期|时间)")
# What follows a page's own date on its line: a time, then page chrome (来源, 点击数, 发布：…) or nothing.
_TIME = re.compile(r"^\s*\d{1,2}:\d{2}(?::\d{2})?")
_PAGE_CHROME_AFTER = re.compile(
    r"^\s*(?:$|[|｜(（【\[]|(?:信息)?来源|发布|点击|浏览|访问|阅读|作者|字号|字体|打印|分享|责任编辑)"
)

# Years that are not the report's: inside document numbers and brackets, dates, links.
_DOC_NUMBER_YEAR = re.compile(rf"[〔\[【(（]\s*{YEAR}\s*[〕\]】)）]|{YEAR}\s*[〕\]】]\s*\d+\s*号|\d{{4}}/\d|https?://\S+")
_YEAR_MENTION = re.compile(rf"({YEAR})\s*(年度|年)")
_BARE_TITLE_YEAR = re.compile(rf"({YEAR})\s*{REPORT_WORDS}")
_STRONG_YEAR = re.compile(
    rf"(?:截至|截止|截止到|截止至)\s*({YEAR})\s*年\s*(?:底|末|12\s*月\s*31\s*日)|^\s*({YEAR})\s*年度?\s*[，,]|({YEAR})\s*年度"
)
_NOT_REPORT_YEAR_AFTER = re.compile(r"\s*[\d一二三四五六七八九十]{1,2}\s*月|\s*以来|\s*至|\s*-|\s*—")
_NOT_REPORT_YEAR_BEFORE = re.compile(r"(?:相较|相比|较|比|同比|与|上年|上一年|自|于|从)\s*$")
# 本报告所列数据统计期限自2021年1月1日起至2021年12月31日止; 统计周期为 2024 年 1 月 1 日至 12 月 31 日
_STATISTICS_PERIOD = re.compile(
    rf"统计(?:期限|周期|时限|时段|期间|区间|时间|范围|口径|截止时间|期)\s*(?:为|是|均为|从|自|：|:)?\s*(?:从|自)?\s*({YEAR})\s*年"
    rf"\s*(?:1|一)\s*月\s*(?:1|一)\s*日"
)
_FIRST_YEAR, _LAST_YEAR = 2007, dt.date.today().year  # the 条例 took effect in 2008 (reports on 2007 exist)


def parse_date(text: str) -> dt.date | None:
    """The first date in `text`: 2020年1月19日, 二〇二〇年一月十九日, 2020-01-19, 2020.1.19."""
    for pattern in (DATE_CN, _DATE_NUM):
        for m in pattern.finditer(text):
            try:
                return dt.date(cn_year(m.group(1)), cn_small_number(m.group(2)), cn_small_number(m.group(3)))
            except (ValueError, KeyError):
                continue
    return None


def published_of(paragraphs: list[str], meta_published: str | None = None, tail: int = 5, head: int = 15) -> str | None:
    """The date printed on the report: the page's labelled publishing date (发布时间：…), the signature date,
    a date line under the title, else the page's date."""
    opening = paragraphs[:head]
    labelled = _first_page_date(opening, drafting=False, labelled=True)  # 发布时间:2019-03-27 under the title
    if labelled:
        return labelled
    for text in reversed(paragraphs[-tail:]):
        if _is_date_line(text):
            return parse_date(text).isoformat()  # type: ignore[union-attr]
    for text in opening:  # （2026年1月23日） under the title
        if _is_date_line(text) and _bullet_off(text).startswith(("(", "（", "2", "二")):
            return parse_date(text).isoformat()  # type: ignore[union-attr]
        glued = _DATE_THEN_PREAMBLE.match(text)  # 2019年3月26日本年度报告根据…: the date line run into the preamble
        if glued and parse_date(glued.group(0)):
            return parse_date(glued.group(0)).isoformat()  # type: ignore[union-attr]
    if meta_published:
        date = parse_date(meta_published)
        if date:
            return date.isoformat()
    for drafting in (False, True):  # the date the page was published before the date the text was drafted
        date_seen = _first_page_date(opening, drafting)
        if date_seen:
            return date_seen
    for i, text in enumerate(opening):
        if _BODY_MARK.search(text):
            break  # the body has started: its dates are not the page's
        date = trailing_date(text)
        if date and not in_sharing_listing(opening, i):
            return date.isoformat()
    return None


# 2019年3月26日本年度报告根据《条例》…: a page's date with the preamble's first words glued to it
_DATE_THEN_PREAMBLE = re.compile(rf"^\s*(?:{DATE_CN.pattern}|{_DATE_NUM.pattern})(?=本(?:年度)?(?:报告|年报)(?:是)?(?:根据|依据|按照))")
_BODY_MARK = re.compile("[。，,；;！？]")  # a sentence: page chrome has colons and bars, no commas
# A date closing a line of page chrome or the title: 银川市人民政府门户网站 www.yinchuan.gov.cn 2023-01-28
_TRAILING = re.compile(rf"(?:{DATE_CN.pattern}|{_DATE_NUM.pattern})\s*(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*$")
_PERIOD_BEFORE = re.compile(r"(?:至|到|起|止|[-~～—－])\s*$")
# 编辑: 某用户 2019-07-14: a document-sharing site's stamp of who posted the copy when, not the report's date
# 归档时间:2020-01-01: when the page went to the site's archive, not the report's date
_ARCHIVED = re.compile(r"归档(?:日期|时间)\s*[:：]?\s*$")
_EDIT_STAMP = re.compile(r"^\s*(?:编辑|上传者?|上传人|分享者|贡献者)\s*[:：]")


# ID:33072920 / 大小:233.98 KB / 页数:8页 / 时间:2019-02-19: a document-sharing site's listing of the copy
_SHARING_LABEL = re.compile(r"^\s*(?:ID|大小|文件大小|页数|格式|下载次数|下载量|上传时间|上传者?)\s*[:：]")


def in_sharing_listing(lines: list[str], i: int, reach: int = 3) -> bool:
    """Whether line `i` stands among a document-sharing site's file details (大小：…, 页数：…): its date is
    when the copy was posted, not the report's."""
    return any(_SHARING_LABEL.match(t) for t in lines[max(0, i - reach) : i + reach + 1] if t is not lines[i])


def trailing_date(text: str) -> dt.date | None:
    """The date a short line of the opening ends on, after its title or site name, not a period's end."""
    if len(text) > 80:
        return None
    m = _TRAILING.search(text)
    if (not m or not text[: m.start()].strip() or _PERIOD_BEFORE.search(text[: m.start()]) or _EDIT_STAMP.match(text)
            or _ARCHIVED.search(text[: m.start()])):
        return None
    return parse_date(m.group(0))


def _first_page_date(opening: list[str], drafting: bool, labelled: bool = False) -> str | None:
    """The first page date of the opening's lines (only lines with a publishing label when `labelled`),
    outside a document-sharing site's listing of other reports."""
    for i, text in enumerate(opening):
        if labelled and not _PUBLISHING_LABEL.search(text):
            continue
        date = page_date(text, opening[i + 1] if i + 1 < len(opening) else "", drafting)
        if date and not in_sharing_listing(opening, i):
            return date.isoformat()
    return None


def page_date(text: str, next_line: str = "", drafting: bool = True) -> dt.date | None:
    """The page's own date on a metadata line: after a label (发布日期：…, or on the line after a
    bare label), or first on a line of page chrome (2021-02-07 18:07 来源：…, 2024年01月25日 (点击: )).

    A publishing label on the line wins over a drafting one (成文日期 2022-01-08 发布日期 2022-09-06);
    with `drafting` false, a line with drafting labels only gives no date."""
    labels = list(_DATE_LABEL.finditer(text))
    label = next((m for m in labels if not _DRAFTING_LABEL.match(m.group(0))), None)
    if label is None and labels:
        if not drafting:
            return None
        label = labels[0]
    if label:
        rest = text[label.end():]
        if rest.strip():
            return parse_date(rest[:30])  # the date right after its label, not one in the text run on after it
        return parse_date(next_line) if _is_date_line(next_line) else None
    m = _LEADING_DATE.match(text) or _SOURCE_THEN_DATE.match(text)
    if m and not _SITE_CLOCK.search(text):
        after = _TIME.sub("", text[m.end():])
        if _PAGE_CHROME_AFTER.match(after):
            return parse_date(m.group(0))
    return None


_LEADING_DATE = re.compile(rf"^\s*(?:{DATE_CN.pattern}|{_DATE_NUM.pattern})")
# 来源:某省人民政府办公厅   2020-03-31 17:13:25 【字体: a byline that names the source, then the page's date and time
_SOURCE_THEN_DATE = re.compile(rf"^\s*(?:信息|文章)?来源\s*[:：]\s*[^\d\s|｜:：]{{2,40}}?\s*(?:{DATE_CN.pattern}|{_DATE_NUM.pattern})")


_SITE_CLOCK = re.compile(r"星期|周[一二三四五六日天]")  # a date with its weekday is the site's clock


# What may stand beside the date on a date line: an agency's name (its signature), brackets, a time.
_BESIDE_DATE = re.compile(rf"^(?:[{HAN}（）()]{{2,38}}{AGENCY_SUFFIX})?$")


def _is_date_line(text: str) -> bool:
    """A short line that is (almost) only a date: 2024年1月18日, （2026年1月23日）, 某局 2024年1月18日;
    not a sentence about dates (数据核定时间点为2022年1月1日至12月31日)."""
    text = _bullet_off(text)
    if len(text) > 40 or SENTENCE_PUNCT.search(text.rstrip("。")) or _SITE_CLOCK.search(text):
        return False
    m = next((m for pattern in (DATE_CN, _DATE_NUM) for m in [pattern.search(text)] if m), None)
    if m is None or parse_date(m.group(0)) is None:
        return False
    rest = _TIME.sub("", text[m.end():])
    beside = re.sub(r"[\s()（）\[\]【】。.]", "", text[: m.start()] + rest)
    return bool(_BESIDE_DATE.match(beside))


def _bullet_off(text: str) -> str:
    """A line without the list bullet a page puts before it (• 2023-01-29)."""
    return text.lstrip(" •·・*-–—")


# 数据统计限自2021年1月1日至2021年12月31日 (a label misprinted), 涵盖2013年1月1日至12月31日: a whole calendar year's span
_WHOLE_YEAR_SPAN = re.compile(
    rf"({YEAR})\s*年\s*(?:1|01|一)\s*月\s*(?:1|01|一)\s*日\s*(?:起)?\s*(?:至|到|—|－|-|~|～)\s*(?:({YEAR})\s*年)?\s*12\s*月\s*31\s*日"
)


def statistics_year(paragraphs: list[str], head: int = 15) -> int | None:
    """The year of the statistics period the opening states (统计期限自2021年1月1日起…); failing a labelled
    period, the one whole calendar year the opening spans (2021年1月1日至2021年12月31日)."""
    for pattern in (_STATISTICS_PERIOD, _WHOLE_YEAR_SPAN):
        for text in paragraphs[:head]:
            m = pattern.search(text)
            if m and (pattern is _STATISTICS_PERIOD or m.group(2) in (None, m.group(1))):
                year = cn_year(m.group(1))
                if _FIRST_YEAR <= year <= _LAST_YEAR:
                    return year
    return None


# 《某省2022年预算执行情况和2023年预算草案的报告》: another document's name, its years its own; not a
# disclosure report's name (《某镇2023年政府信息公开工作年度报告》, 《某局2022年…年度报告》: the report quoting itself)
_OTHER_DOCUMENT = re.compile(r"《(?![^《》]*(?:信息公开|政务公开|年报|年度报告))[^《》]{1,80}》")
# 公开2022年度部门决算, 完成2022年度省本级政府决算公开: final accounts are published the year after theirs
_FINAL_ACCOUNTS_YEAR = re.compile(
    rf"{YEAR}\s*年度?(?=\s*(?:(?:部门|单位|省本级|市本级|县本级|区本级|本级)?(?:政府|财政)?(?:收支)?决算))"
)


def report_years(text: str) -> list[tuple[int, float]]:
    """(year, weight) for every year `text` prints as a statistics year."""
    cleaned = _DOC_NUMBER_YEAR.sub(" ", text)
    cleaned = _FINAL_ACCOUNTS_YEAR.sub(" ", _OTHER_DOCUMENT.sub(" ", cleaned))
    out: list[tuple[int, float]] = []
    for m in _STRONG_YEAR.finditer(cleaned):
        out.append((cn_year(next(g for g in m.groups() if g)), 3.0))
    for m in _YEAR_MENTION.finditer(cleaned):
        after = cleaned[m.end():m.end() + 4]
        before = cleaned[max(0, m.start() - 4):m.start()]
        if m.group(2) == "年" and _NOT_REPORT_YEAR_AFTER.match(after):
            continue
        if _NOT_REPORT_YEAR_BEFORE.search(before):
            continue
        out.append((cn_year(m.group(1)), 1.0))
    return out


def year_of(title: str | None, paragraphs: list[str], published: str | None = None) -> int | None:
    """The year the statistics cover: the title's year, else the statistics period, else the year the text reports on most."""
    latest = _LAST_YEAR
    if published:
        latest = min(latest, int(published[:4]))
    if title:
        years = [y for y, _ in report_years(title) if _FIRST_YEAR <= y <= _LAST_YEAR]
        bare = _BARE_TITLE_YEAR.search(title)  # 某厅2022政府信息公开工作年度报告: the year printed without 年
        if not years and bare and _FIRST_YEAR <= cn_year(bare.group(1)) <= _LAST_YEAR:
            years = [cn_year(bare.group(1))]
        if years:
            return years[0]
    period = statistics_year(paragraphs)
    if period is not None:
        return period
    votes: Counter[int] = Counter()
    for i, text in enumerate(paragraphs):
        position = 2.0 if i < 10 else 1.0  # the opening states the year; later text compares
        for year, weight in report_years(text):
            if _FIRST_YEAR <= year <= latest:
                votes[year] += weight * position
    if not votes:
        return since_year(paragraphs, latest)
    return max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0]


_SINCE_YEAR = re.compile(rf"({YEAR})\s*年以来")


def since_year(paragraphs: list[str], latest: int = _LAST_YEAR, head: int = 10) -> int | None:
    """The last resort for a year: an opening that dates its work only from the year on (2019年以来，我局…),
    the latest such year."""
    years = [cn_year(m.group(1)) for text in paragraphs[:head] for m in _SINCE_YEAR.finditer(text)]
    years = [y for y in years if _FIRST_YEAR <= y <= latest]
    return max(years) if years else None
