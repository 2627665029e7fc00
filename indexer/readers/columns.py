"""Table 2 written column by column, as PDF-to-text without layout writes some tables without borders.

The page's first column comes out whole (第二十条第（一）项 / 信息内容 / 规章 / 规范性文件 / 第二十条第（五）项 …),
then each further column with its header and its figures (本年新 / 制作数量 / 0 / 0 / 上一年项目数量 / 0 / 0 …), in
the order the tool met them. The template says which rows each article's block holds and which columns each
row has, so a column of figures belongs to the first block, in the page's order, that has that column, has not
had it yet and has as many rows as the column has figures. When every column finds its block the lines become
the blocks' rows again (tab-separated, blanks where a block lacks a column); else they stay as they are.
"""

from __future__ import annotations

import re

_ARTICLE = re.compile(r"^第\s*二\s*十\s*条\s*第\s*[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*项$")
_FIGURE = re.compile(r"^(?:[+\-−增减]?\d[\d,.]*(?:万元|元)?|—|-|/|无)$")
_MAX_HEADER_LINES = 3


def rows_from_columns(lines: list[str]) -> list[str]:
    """`lines` with each table 2 written column by column put back in rows (tab-separated)."""
    from ..tables import ACTIVE, ACTIVE_COLUMNS, match_label, template_of_text  # imported late: tables builds on the readers

    template = None
    i = 0
    out: list[str] = []
    while i < len(lines):
        if not _ARTICLE.match(lines[i].strip()):
            out.append(lines[i])
            i += 1
            continue
        if template is None:
            template = template_of_text("\n".join(lines)) or ""
        found = _column_dump(lines, i, template, ACTIVE, ACTIVE_COLUMNS, match_label)
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        rows, i = found
        out += rows
    return out


def _column_dump(lines, start, template, active, columns_of, match_label):
    """(rows, end) of a table 2 dumped column by column from `start`, or None."""
    if template not in columns_of:
        return None
    blocks: list[tuple[str, list[tuple[str, str]]]] = []  # (article line, [(row label, row key)])
    i = start
    while i < len(lines):
        text = lines[i].strip()
        if not text:
            i += 1
            continue
        if _ARTICLE.match(text):
            blocks.append((text, []))
        elif text != "信息内容":
            lab = match_label(text, ("row",), (active,))
            if lab is None or not blocks or lab.key not in columns_of[template]:
                break
            blocks[-1][1].append((text, lab.key))
        i += 1
    if len(blocks) < 2 or not all(rows for _, rows in blocks):
        return None
    filled: list[dict[str, list[str]]] = [{} for _ in blocks]
    heads: dict[str, str] = {}
    chunks = 0
    while i < len(lines):
        j, header = _skip_blank(lines, i), []
        while j < len(lines) and len(header) < _MAX_HEADER_LINES and lines[j].strip() and not _FIGURE.match(lines[j].strip()):
            header.append(lines[j].strip())
            j += 1
        figures = []
        while (k := _skip_blank(lines, j)) < len(lines) and _FIGURE.match(lines[k].strip()):
            figures.append(lines[k].strip())
            j = k + 1
        lab = match_label("".join(header), ("col",), (active,)) if header and figures else None
        if lab is None:
            break
        target = next((b for b, (_, rows) in enumerate(blocks) if lab.key not in filled[b] and len(rows) == len(figures)
                       and all(lab.key in columns_of[template][key] for _, key in rows)), None)
        if target is None:
            return None
        filled[target][lab.key] = figures
        heads[lab.key] = "".join(header)
        chunks += 1
        i = j
    if chunks < 2 or not all(filled):
        return None
    rows: list[str] = []
    for (article, labelled), got in zip(blocks, filled):
        keys = [k for k in columns_of[template][labelled[0][1]] if k in got]
        rows += [article, "\t".join(["信息内容"] + [heads[k] for k in keys])]
        rows += ["\t".join([label] + [got[k][n] for k in keys]) for n, (label, _) in enumerate(labelled)]
    return rows + [""], i


def _skip_blank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i
