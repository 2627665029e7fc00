"""A text line against the national template: which template row its label names, and whether its figures fit that row.

Text that lost its table's layout keeps only labels and figures; the text readers (`cell_lines`, `spaced`,
`table3_rows`, `text`) decide which lines are a row by asking whether a label is a template row whose table takes
that many figures (table 3 seven, table 4 five, table 2 up to four). What is a row label is the template's
(`indexer.template`); how a line holds one is the text's, so these questions live with the text readers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..template import APPEALS, APPLY, FIGURE_NOTE, LABELS, PLUS_MINUS, SIGN, label_core, label_parts, match_label, parse_number
from ..textnorm import has_han
from .paragraphs import NUMBERING

_BARE_FIGURES = re.compile(rf"^\s*(?:{PLUS_MINUS}?\d[\d,.]*\s+){{2,}}{PLUS_MINUS}?\d[\d,.]*\s*$")  # 1 0 0 0 0 0 1
# One figure as the text readers see it: 140万; ?0 (a lost character); 增 (a change printed without its figure);
# 90(信用中国某市) (a note in brackets that cannot change the figure)
_FIGURE = rf"(?:[?？\ufffd]?{SIGN}?\d[\d,.]*(?:万元|元|万|{FIGURE_NOTE})?|—|-|/|无|增加?|减少?)"
FIGURE_TOKEN = re.compile(rf"^{_FIGURE}$")


def template_row(label: str):
    """The template row `label` names (3.其他 stands alone here); of a cell holding two labels (三、本年度（一）予以公开)
    the last that names a row."""
    return match_label(label, ("row",), group="other") or next(
        (found for part in reversed(label_parts(label)) if (found := match_label(part, ("row",), group="other"))), None)


def whole_row_label(text: str) -> bool:
    """`text` is a template row label as printed whole (规范性文件, 行政许可), not a piece of one (补正后申请内容仍)."""
    lab = match_label(text, ("row",))
    return lab is not None and label_core(text) in {label_core(a) for a in lab.alts}


def row_fits(label: str, figures: int | list[str]) -> bool:
    """`label` names a template row whose table has about that many figures per row. A table 3 row takes seven, or
    five or six when the others add up to the last (its blanks vanished, 总计 kept): other short rows of figures
    (columns dumped one after another, 3 0 3 / 3 0 3) would be read into the wrong columns."""
    lab = template_row(label)
    if lab is None:
        return False
    n = figures if isinstance(figures, int) else len(figures)
    if lab.kind == APPLY:
        return n == 7 or (5 <= n <= 6 and not isinstance(figures, int) and _adds_up(figures))
    if lab.kind == APPEALS:
        return n == 5
    return n <= 4


def _adds_up(figures: list[str]) -> bool:
    numbers = [parse_number(f) for f in figures]
    return None not in numbers and sum(x.value for x in numbers[:-1]) == numbers[-1].value


def is_header_row(cells: list[str]) -> bool:
    whole = sum(1 for c in cells if c.strip() and match_label(c.strip(), ("col", "head")) is not None)
    return whole >= 3 or (whole >= 2 and whole + sum(1 for c in cells if starts_columns(c.strip()) >= 2) >= 3)


@lru_cache(maxsize=4096)
def starts_columns(text: str) -> int:
    """How many columns of one table a header cell cut short starts (本年新: 本年新制作数量, 本年新公开数量), else 0."""
    core = label_core(text)
    if len(core) < 2 or match_label(text, ("col", "head", "row", "group")) is not None:
        return 0
    found = [lab for lab in LABELS if lab.role == "col" and any(a.startswith(core) and a != core for a in lab.alts)]
    return len(found) if len(found) >= 2 and len({lab.kind for lab in found}) == 1 else 0


FIGURES_LINE = re.compile(rf"^(\S.*?)\s+((?:{_FIGURE}(?:\s+|$))+)$")


_UNIT_APART = re.compile(r"(\d)[ \t\u3000]+(万元|元)(?=\s|$)")


def label_and_figures(line: str) -> list[str]:
    """A template row label and its figures on one line, single-spaced (行政许可 97, 规章 0 0 0), else [].

    A unit set off by a space (政府集中采购 30 2792220.8 元: PDF text tools put one where the font changes) is the
    figure's before it."""
    line = _UNIT_APART.sub(r"\1\2", line)
    if _BARE_FIGURES.match(line) and len(line.split()) >= 5:
        return [""] + line.split()  # a row of figures alone (1 0 0 0 0 0 1): its place says which row
    m = FIGURES_LINE.match(line)
    # remarks in brackets go, closed or cut by the line's end: （二）部分公开（区分处理的，只计 / 0 0 0 0 0 0 0
    label = NUMBERING.sub("", re.sub(r"[（(][^（()）]*(?:[)）]|$)", "", m.group(1))) if m else ""
    if not m or re.search("[，。；：,;]", label) or not has_han(m.group(1)):
        return []
    if template_row(m.group(1)) is None:
        return []
    return [m.group(1)] + m.group(2).split()
