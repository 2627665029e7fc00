"""The lines of a report as the field rules read them.

A saved page's header row (title, date, 点击数) that a crawler wrote with
table pipes can reach the rules as one paragraph of the same cells repeated,
one copy per spanned column: ``某局2020年…报告 | 某局2020年…报告 | … |
2021-02-09 发布：某局 | 2021-02-09 发布：某局``. Read that way the title is
never a title line and the date never a date line, so such a paragraph is
given back as its distinct cells, each a line.
"""

from __future__ import annotations

import re

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
    """The paragraphs with every spread header row given back as its cells."""
    return [line for text in paragraphs for line in unspread(text)]
