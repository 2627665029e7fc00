"""Patterns every field rule shares: years, report words, agency endings."""

from __future__ import annotations

import re

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_YEAR = "[〇○零Ｏ一二三四五六七八九]{4}"
YEAR = rf"(?:(?:19|20)\d{{2}}|{_CN_YEAR})"
# 2022年, 2022年度, 2022 年度 (the display form has no spaces there, OCR text may)
YEAR_WORD = rf"{YEAR}\s*年度?"
REPORT_WORDS = r"(?:政府信息公开|政务信息公开|政务公开|信息公开)"
HAN = "\u3400-\u4dbf\u4e00-\u9fff"  # with CJK extension A: rare place characters (塘㙍镇)
# Characters an agency name is made of: Han and brackets (XX县人民政府办公室（县政务服务管理办公室）).
NAME_CHAR = f"[{HAN}（）()]"

# A state farm, which reports like a township (德安县园艺场)
STATE_FARM = r"(?:园艺|林|农|垦殖|良种|茶|牧)场"
# How agency names end. Longer endings first: the alternation is tried in order.
AGENCY_SUFFIX = (
    r"(?:人民政府办公室|人民政府办公厅|人民政府机关|人民政府|管理委员会|委员会|办公室|办公厅|办事处|管委会|"
    r"总局|总署|海关|联合会|合作社|参事室|研究室|政府|银行|分行|支行|局|委|厅|办|院|中心|署|部|所|站|队|处|馆|社|公司|集团|"
    rf"{STATE_FARM})"
)
SENTENCE_PUNCT = re.compile("[。，；：,;:！？!?]")
# A bracketed second name after an agency's own (某县人民政府办公室（县政务服务中心）).
TRAILING_BRACKET = re.compile(r"[（(][^（）()]{1,30}[)）]$")


def cn_year(text: str) -> int:
    """'2020' or '二〇二〇' as an int."""
    if text.isdigit() and text.isascii():
        return int(text)
    return int("".join(str(_CN_DIGITS[c]) for c in text))


def cn_small_number(text: str) -> int:
    """1-31 written as digits or as 一 … 三十一."""
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return _CN_DIGITS[text]
