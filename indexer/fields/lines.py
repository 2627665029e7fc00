"""The lines of a report as the field rules read them.

Mirror sites copy reports converted to traditional characters, some with a
pinyin gloss after characters (應(yīng)急管理局). The rules read a line with
the glosses out (`field_lines`) and its characters simplified one for one
(`rule_lines`), so a name found in the rule form is at the same place in the
printed line (`as_printed`): the agency is spelled one way whatever script a
copy uses, and its printed form can still be quoted.

A saved page's header row (title, date, 点击数) that a crawler wrote with
table pipes can reach the rules as one paragraph of the same cells repeated,
one copy per spanned column: ``某局2020年…报告 | 某局2020年…报告 | … |
2021-02-09 发布：某局 | 2021-02-09 发布：某局``. Read that way the title is
never a title line and the date never a date line, so such a paragraph is
given back as its distinct cells, each a line.
"""

from __future__ import annotations

import re

from ..textnorm import simplified, without_glosses  # (re-exported) one for one; 應(yīng)急 → 應急
_PIPE = re.compile(r"\s*[|｜]\s*")


def unspread(text: str) -> list[str]:
    """The distinct cells of a paragraph made of repeated cells, in order; else the paragraph itself."""
    if "|" not in text and "｜" not in text:
        return [text]
    cells = [c for c in _PIPE.split(text) if c]
    distinct = list(dict.fromkeys(cells))
    if len(cells) >= 3 and len(distinct) * 2 <= len(cells):
        return distinct
    if len(distinct) == 1:  # 某局2020年…报告 | ||||: one cell and empty ones
        return distinct
    return [text]


def field_lines(paragraphs: list[str]) -> list[str]:
    """The paragraphs with every spread header row given back as its cells, pinyin glosses, spaces
    between two Han characters, a copy's lost indentation, the site's menus before the text and its footer out."""
    lines = [without_lost_indent(without_breaks(without_glosses(line))) for text in paragraphs for line in unspread(text)
             if not is_site_footer(line)]
    return without_menus(lines)


# 版权所有：某省人民政府办公厅 主办单位：… 网站标识码 … ICP备…: the site's footer names the site's owner, which is
# not the agency that reports (a department's report on its government's site) and may sit in another place
_SITE_FOOTER = re.compile(r"版权所有|(?:主办|承办)(?:单位)?\s*[:：]|网站标识码|ICP\s*备|公网安备|技术支持\s*[:：]")
_FOOTER_LINE = 200  # a footer line is short; a body written on one line that ends on the footer is no footer


def is_site_footer(text: str) -> bool:
    """A line of the site's footer (版权所有, 主办单位：, ICP备…), never a sentence of the report."""
    return len(text) <= _FOOTER_LINE and bool(_SITE_FOOTER.search(text))


# A menu item: a short line with no figure and no sentence (政府信息公开指南, •决策, 主题分类)
_MENU_ITEM = re.compile(r"^[^\d，。；：,;:！？!?]{1,12}$")
_MENU_RUN = 8  # a title split over lines takes three or four; a site's column menu many more
# • 政府信息公开指南: a link's bullet, which no piece of a title carries; a run with four of them is a menu however short
_BULLET = re.compile(r"^\s*[•·▪●◆►]")
_BULLETED_RUN = 4


def _is_menu(run: list[str]) -> bool:
    return len(run) >= _MENU_RUN or sum(bool(_BULLET.match(t)) for t in run) >= _BULLETED_RUN


_SENTENCE = re.compile("[。，,；;]")


def without_menus(lines: list[str]) -> list[str]:
    """The lines without the runs of menu items a saved page prints before its text (a column's own menu:
    指南, 制度, 年报, 目录, •全部, •决策 …, twenty lines above the title): a run of eight or more short
    lines without figures or sentences, before the first sentence of the text, is the site's."""
    body = next((i for i, t in enumerate(lines) if _SENTENCE.search(t)), len(lines))
    out: list[str] = []
    run: list[str] = []
    for i, text in enumerate(lines):
        if i < body and _MENU_ITEM.match(text.strip()):
            run.append(text)
            continue
        out.extend([] if _is_menu(run) else run)
        run = []
        out.append(text)
    out.extend([] if _is_menu(run) else run)
    return out


# ??2025年，某厅坚持… / ??（一）主动公开方面: a copy saved through an encoding without the full-width spaces
# that indented each paragraph turned them into question marks, which are never how a report's paragraph starts
_LOST_INDENT = re.compile(r"^(?:\?+ ?)+(?=[\u4e00-\u9fff0-9（(])")


def without_lost_indent(text: str) -> str:
    """A paragraph without the question marks its lost indentation became (??一、总体情况 → 一、总体情况)."""
    return _LOST_INDENT.sub("", text)


# 成都市住房和城乡建设 局: a line broken inside a word by a document conversion, the break made a space
_HAN_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")


def without_breaks(text: str) -> str:
    """A line without the spaces a conversion left between two Han characters (建设 局 → 建设局)."""
    return _HAN_SPACE.sub("", text)


def rule_lines(lines: list[str]) -> list[str]:
    """The lines as the rules match them: simplified, each as long as its printed line."""
    return [simplified(text) for text in lines]


def as_printed(found: str, rules: list[str], printed: list[str]) -> str:
    """`found` (read in the rule lines) as the report prints it: the same place of the printed line, or of two
    lines joined (a title split over two lines is found joined)."""
    for rule, line in zip(rules, printed):
        at = rule.find(found)
        if at >= 0:
            return line[at : at + len(found)]
    for k in range(len(rules) - 1):
        joined = rules[k] + rules[k + 1]
        at = joined.find(found)
        if at >= 0 and len(joined) == len(printed[k] + printed[k + 1]):
            return (printed[k] + printed[k + 1])[at : at + len(found)]
    return found
