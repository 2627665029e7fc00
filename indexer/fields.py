"""Field rules: title, agency, agency level, year and printed date of a report.

Each rule is a small pure function over the report's paragraphs (display
form), so each can be tested on a string. Reports start in many ways (page
junk before the title, a year-first title, a title split over two lines, no
title at all) and print other years than their own (document numbers such as
国办公开办函〔2021〕30号, dates, comparisons with last year), so every rule
looks for the strongest evidence first and weighs the rest.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_YEAR = "[〇○零Ｏ一二三四五六七八九]{4}"
YEAR = rf"(?:(?:19|20)\d{{2}}|{_CN_YEAR})"
_REPORT_WORDS = r"(?:政府信息公开|政务信息公开|政务公开|信息公开)"
_TITLE_LINE = re.compile(rf"{_REPORT_WORDS}.{{0,16}}(?:年度报告|年报|工作报告|报告)$")
_TITLE_START = re.compile(rf"{_REPORT_WORDS}")
AGENCY_SUFFIX = (
    r"(?:人民政府办公室|人民政府办公厅|人民政府|管理委员会|委员会|办公室|办公厅|办事处|管委会|"
    r"局|委|厅|办|院|中心|署|部|所|站|队|处|馆|公司|集团|政府)"
)
_AGENCY_LINE = re.compile(rf"^[\u4e00-\u9fff（）()]{{2,38}}{AGENCY_SUFFIX}$")
_SENTENCE_PUNCT = re.compile("[。，；：,;:！？!?]")
_CONTACT = re.compile(r"(?:请与|请联系|联系(?:单位|部门|机关)[:：]\s*)([\u4e00-\u9fff（）()]{2,30}?" + AGENCY_SUFFIX + r")(?:联系|[，。,；;]|$)")

_DATE_CN = re.compile(rf"({YEAR})\s*年\s*([\d一二三四五六七八九十]{{1,3}})\s*月\s*([\d一二三四五六七八九十]{{1,3}})\s*日")
_DATE_NUM = re.compile(r"((?:19|20)\d{2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})(?!\d)")
_DATE_LABEL = re.compile(r"(?:发布|成文|印发|公开|生成)(?:日期|时间)\s*[:：]")

# Years that are not the report's: inside document numbers and brackets, dates, links.
_DOC_NUMBER_YEAR = re.compile(rf"[〔\[【(（]\s*{YEAR}\s*[〕\]】)）]|{YEAR}\s*[〕\]】]\s*\d+\s*号|\d{{4}}/\d|https?://\S+")
_YEAR_MENTION = re.compile(rf"({YEAR})\s*(年度|年)")
_STRONG_YEAR = re.compile(rf"(?:截至|截止|截止到|截止至)\s*({YEAR})\s*年\s*(?:底|末|12\s*月\s*31\s*日)|^\s*({YEAR})\s*年度?\s*[，,]|({YEAR})\s*年度")
_NOT_REPORT_YEAR_AFTER = re.compile(r"\s*[\d一二三四五六七八九十]{1,2}\s*月|\s*以来|\s*至|\s*-|\s*—")
_NOT_REPORT_YEAR_BEFORE = re.compile(r"(?:相较|相比|较|比|同比|与|上年|上一年|自|于|从)\s*$")


def cn_year(text: str) -> int:
    """'2020' or '二〇二〇' as an int."""
    if text.isdigit() and text.isascii():
        return int(text)
    return int("".join(str(_CN_DIGITS[c]) for c in text))


def _cn_small_number(text: str) -> int:
    """1-31 written as digits or as 一 … 三十一."""
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return _CN_DIGITS[text]


def parse_date(text: str) -> dt.date | None:
    """The first date in `text`: 2020年1月19日, 二〇二〇年一月十九日, 2020-01-19, 2020.1.19."""
    for pattern in (_DATE_CN, _DATE_NUM):
        for m in pattern.finditer(text):
            try:
                return dt.date(cn_year(m.group(1)), _cn_small_number(m.group(2)), _cn_small_number(m.group(3)))
            except (ValueError, KeyError):
                continue
    return None


# ---------------------------------------------------------------- title


def _is_title_line(text: str) -> bool:
    return len(text) <= 80 and bool(_TITLE_LINE.search(text)) and not _SENTENCE_PUNCT.search(text)


def _is_agency_line(text: str) -> bool:
    return len(text) <= 40 and bool(_AGENCY_LINE.match(text))


def agency_in_title(title: str) -> str | None:
    """The agency a title names: what precedes the report words, years removed."""
    head = _TITLE_START.split(title, maxsplit=1)[0]
    head = re.sub(rf"{YEAR}\s*年?度?", "", head)
    head = re.sub(r"(?:关于|的)$", "", head).strip(" 　，,、:：《》“”\"")
    if len(head) < 2 or not re.search(AGENCY_SUFFIX + "$", head):
        return None
    return head


def title_of(paragraphs: list[str], meta_title: str | None = None, limit: int = 12) -> str | None:
    """The report's title as a reader would cite it, joined when split over two lines."""
    head = paragraphs[:limit]
    for i, text in enumerate(head):
        candidate = text
        nxt = head[i + 1] if i + 1 < len(head) else ""
        if not _is_title_line(candidate) and _TITLE_START.search(candidate) and nxt and len(nxt) <= 20:
            if _is_title_line(candidate + nxt):  # 某局2020年政府信息公开 / 工作年度报告
                candidate = candidate + nxt
        if not _is_title_line(candidate):
            continue
        if agency_in_title(candidate) is None and i > 0 and _is_agency_line(head[i - 1]):
            candidate = head[i - 1] + candidate  # 某局 / 2020年政府信息公开工作年度报告
        return candidate.strip("《》")
    if meta_title:
        cleaned = re.split(r"\s*[-_|｜—]+\s*", meta_title.strip())[0]
        if _TITLE_LINE.search(cleaned):
            return cleaned
    return None


# ---------------------------------------------------------------- agency


def signature_agency(paragraphs: list[str], tail: int = 6) -> str | None:
    """The agency signing the report: a name-only line near the end, usually above the date."""
    for text in reversed(paragraphs[-tail:]):
        if _is_agency_line(text):
            return text
        m = re.match(rf"^([\u4e00-\u9fff（）()]{{2,38}}{AGENCY_SUFFIX})\s*{_DATE_CN.pattern}$", text)
        if m:
            return m.group(1)
    return None


def contact_agency(paragraphs: list[str]) -> str | None:
    """An agency named in a contact line: 如有疑问，请与某某局联系."""
    for text in paragraphs:
        m = _CONTACT.search(text)
        if m:
            return m.group(1)
    return None


_ABBREVIATIONS = (
    ("卫健委", "卫生健康委员会"),
    ("卫健局", "卫生健康局"),
    ("卫计委", "卫生和计划生育委员会"),
    ("卫计局", "卫生和计划生育局"),
    ("发改委", "发展和改革委员会"),
    ("住建局", "住房和城乡建设局"),
    ("人社局", "人力资源和社会保障局"),
    ("市监局", "市场监督管理局"),
)


def expand_abbreviations(name: str) -> str:
    for short, full in _ABBREVIATIONS:
        name = name.replace(short, full)
    if name.endswith("委") and not name.endswith("党委"):
        name += "员会"
    return name


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def same_agency(short: str, long: str) -> bool:
    """True when `long` is a fuller printing of the agency `short` (市卫生健康委 / 舟山市卫生健康委员会).

    A longer name that adds an office after the short one's own ending
    (某县人民政府 / 某县人民政府办公室) is another agency.
    """
    a, b = expand_abbreviations(short), expand_abbreviations(long)
    return _is_subsequence(a, b) and a[-2:] == b[-2:]


def agency_of(title: str | None, paragraphs: list[str], publisher: str | None = None) -> str | None:
    """The reporting agency in its fullest printed form.

    `publisher` is what a web page's information box names as 发布机构; it
    counts only when the report itself names no agency.
    """
    from_title = agency_in_title(title) if title else None
    others = [a for a in (signature_agency(paragraphs), contact_agency(paragraphs)) if a]
    if publisher and not others and from_title is None and re.search(AGENCY_SUFFIX + "$", publisher):
        others.append(publisher)
    if from_title is None:
        return others[0] if others else None
    fuller = [a for a in others if len(a) > len(from_title) and same_agency(from_title, a)]
    return max(fuller, key=len) if fuller else from_title


# ---------------------------------------------------------------- year and date


def published_of(paragraphs: list[str], meta_published: str | None = None, tail: int = 5) -> str | None:
    """The date printed on the report: the signature date, else a labelled issue date."""
    for text in reversed(paragraphs[-tail:]):
        if len(text) <= 40 and not _SENTENCE_PUNCT.search(text.rstrip("。")):
            date = parse_date(text)
            if date:
                return date.isoformat()
    if meta_published:
        date = parse_date(meta_published)
        if date:
            return date.isoformat()
    for text in paragraphs[:8]:
        if _DATE_LABEL.search(text):
            date = parse_date(text[_DATE_LABEL.search(text).end():])
            if date:
                return date.isoformat()
    return None


def _report_years(text: str) -> list[tuple[int, float]]:
    """(year, weight) for every year `text` prints as a statistics year."""
    cleaned = _DOC_NUMBER_YEAR.sub(" ", text)
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
    """The year the statistics cover: the title's year, else the year the text reports on most."""
    today = dt.date.today().year
    latest = today
    if published:
        latest = min(latest, int(published[:4]))
    if title:
        years = [y for y, _ in _report_years(title) if 2007 <= y <= today]
        if years:
            return years[0]
    votes: Counter[int] = Counter()
    for i, text in enumerate(paragraphs):
        position = 2.0 if i < 10 else 1.0  # the opening states the year; later text compares
        for year, weight in _report_years(text):
            if 2007 <= year <= latest:
                votes[year] += weight * position
    if not votes:
        return None
    return max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0]


# ---------------------------------------------------------------- agency level

_NATIONAL = re.compile(r"^(?:国务院|中华人民共和国|国家|中国(?!共产党)|最高人民)")
_LEVEL_BY_PREFIX = (("省", "province"), ("自治区", "province"), ("市", "city"), ("州", "city"), ("盟", "city"),
                    ("区", "county"), ("县", "county"), ("旗", "county"), ("镇", "township"), ("乡", "township"),
                    ("街道", "township"))
_TOWNSHIP = re.compile(r"(?:镇|乡|街道|苏木)(?:人民政府|政府|办事处|党委|卫生院|$)")


def agency_level_of(agency: str | None, place_levels: list[str]) -> str | None:
    """national / province / city / county / township, from the places the agency name prints.

    `place_levels` are the legal levels of the places in the agency name, in
    order; the last (most specific) one decides. With no place printed, the
    name's first character (市卫生健康委, 区卫生健康局) tells the level.
    """
    if not agency:
        return None
    if not place_levels and _NATIONAL.match(agency):
        return "national"
    if place_levels:
        level = place_levels[-1]
        if level != "township" and _TOWNSHIP.search(agency):
            return "township"
        return level
    for prefix, level in _LEVEL_BY_PREFIX:
        if agency.startswith(prefix):
            return level
    return None
