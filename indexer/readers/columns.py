"""Table 2 written column by column, as PDF-to-text without layout writes some tables without borders.

The page's first column comes out whole (第二十条第（一）项 / 信息内容 / 规章 / 规范性文件 / 第二十条第（五）项 …),
then each further column with its header and its figures (本年新 / 制作数量 / 0 / 0 / 上一年项目数量 / 0 / 0 …), in
the order the tool met them. The template says which rows each article's block holds and which columns each
row has, so a column of figures belongs to the first block, in the page's order, that has that column, has not
had it yet and has as many rows as the column has figures. When every column finds its block the lines become
the blocks' rows again (tab-separated, blanks where a block lacks a column); else they stay as they are.
pdfminer writes a block's headers together and then their figures (本年制发件数 / 本年废止件数 / 现行有效件 / six
figures): in rows or in columns the text does not say, so such a group is read only for a block of one row or
figures all alike; a block the tool wrote in rows later on is left to the usual reading.
"""

from __future__ import annotations

import re

from ..template import ACTIVE, ACTIVE_COLUMNS, Label, match_label, template_of_text

_ARTICLE = re.compile(r"^第\s*二\s*十\s*条\s*第\s*[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*项$")
_FIGURE = re.compile(r"^(?:[+\-−增减]?\d[\d,.]*(?:万元|元)?|—|-|/|无)$")
_MAX_HEADER_LINES = 3


def rows_from_columns(lines: list[str]) -> list[str]:
    """`lines` with each table 2 written column by column put back in rows (tab-separated)."""
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
        found = _column_dump(lines, i, template)
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        rows, i = found
        out += rows
    return out


def _column_dump(lines: list[str], start: int, template: str) -> tuple[list[str], int] | None:
    """(rows, end) of a table 2 dumped column by column from `start`, or None."""
    if template not in ACTIVE_COLUMNS:
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
            lab = match_label(text, ("row",), (ACTIVE,))
            if lab is None or not blocks or lab.key not in ACTIVE_COLUMNS[template]:
                break
            blocks[-1][1].append((text, lab.key))
        i += 1
    empty = [article for article, rows in blocks if not rows]  # a block the tool wrote in rows later on
    blocks = [(article, rows) for article, rows in blocks if rows]
    if len(blocks) < 2:
        return None
    filled: list[dict[str, list[str]]] = [{} for _ in blocks]
    heads: dict[str, str] = {}
    chunks = 0
    while i < len(lines):
        j, header = _skip_blank(lines, i), []
        while (k := _skip_blank(lines, j)) < len(lines) and len(header) < 3 * _MAX_HEADER_LINES \
                and not _FIGURE.match(lines[k].strip()):
            header.append(lines[k].strip())
            j = k + 1
        figures = []
        while (k := _skip_blank(lines, j)) < len(lines) and _FIGURE.match(lines[k].strip()):
            figures.append(lines[k].strip())
            j = k + 1
        labels = _column_labels(header) if figures else None
        if not labels:
            break
        width = len(labels)
        keys = [lab.key for _, lab in labels]
        target = next((b for b, (_, rows) in enumerate(blocks) if not set(keys) & set(filled[b])
                       and len(rows) * width == len(figures)
                       and all(key in ACTIVE_COLUMNS[template][row] for key in keys for _, row in rows)), None)
        if target is None or len(set(keys)) < width:
            return None
        if width > 1 and len(blocks[target][1]) > 1 and len(set(figures)) > 1:
            return None  # several columns' headers, then their figures: in rows or in columns, the text does not say
        for c, (text, lab) in enumerate(labels):
            filled[target][lab.key] = figures[c::width]
            heads[lab.key] = text
        chunks += 1
        i = j
    if chunks < 2 or not all(filled):
        return None
    rows: list[str] = []
    for (article, labelled), got in zip(blocks, filled):
        keys = [k for k in ACTIVE_COLUMNS[template][labelled[0][1]] if k in got]
        rows += [article, "\t".join(["信息内容"] + [heads[k] for k in keys])]
        rows += ["\t".join([label] + [got[k][n] for k in keys]) for n, (label, _) in enumerate(labelled)]
    return rows + [""] + empty, i


def _column_labels(header: list[str]) -> list[tuple[str, Label]] | None:
    """The column labels a run of header lines spells, in order (本年新 / 制作数量: one label over two lines;
    本年制发件数 / 本年废止件数 / 现行有效件: three), or None when a piece is left over."""
    labels, piece = [], ""
    for line in (part for text in header for part in text.split()):  # 本年增/减 处理决定数量: two on one line
        piece += line
        lab = match_label(piece, ("col",), (ACTIVE,))
        if lab is not None:
            labels.append((piece, lab))
            piece = ""
    return labels if labels and not piece else None


def _skip_blank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i
