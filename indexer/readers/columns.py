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


_TABLE2_START = re.compile(r"^[二2][、.．]\s*主动公开政府信息情况$")
_NEXT_SECTION = re.compile(r"^[三3][、.．]")
_BLOCKS_2021 = (("一", ("rules", "normative"), ("issued", "repealed", "in_force")), ("五", ("licensing",), ("decisions",)),
                ("六", ("penalty", "coercion"), ("decisions",)), ("八", ("fees",), ("amount_wan",)))
_ROW_NAMES = {"rules": "规章", "normative": "行政规范性文件", "licensing": "行政许可", "penalty": "行政处罚",
              "coercion": "行政强制", "fees": "行政事业性收费"}
_COLUMN_NAMES = {"issued": "本年制发件数", "repealed": "本年废止件数", "in_force": "现行有效件数",
                 "decisions": "本年处理决定数量", "amount_wan": "本年收费金额（单位：万元）"}


def rows_from_block_runs(lines: list[str]) -> list[str]:
    """`lines` with a 2021 table 2 whose labels, headers and figures a PDF-to-text tool wrote on lines of their own,
    in an order of its text boxes (pdfminer: the labels' column, then each article's header and figures), put back
    in rows.

    Whatever the order of the labels and headers, each article's figures stay together and the articles keep
    theirs: runs of 6, 1, 2 and 1 figures are 规章 and 行政规范性文件 (three columns each), 行政许可, 行政处罚 over
    行政强制, and 行政事业性收费. The six of (一) are read only when all alike (in rows or in columns, the text
    does not say). Any other line in the table (prose, a label with its figure) or any other run leaves the lines
    as they are.
    """
    start = next((i for i, line in enumerate(lines) if _TABLE2_START.match(line.strip())), None)
    if start is None:
        return lines
    end = next((i for i in range(start + 1, len(lines)) if _NEXT_SECTION.match(lines[i].strip())), len(lines))
    runs: list[list[str]] = []
    previous_figure = False
    for line in lines[start + 1:end]:
        text = line.strip()
        if not text:
            continue
        if _FIGURE.match(text):
            if not previous_figure:
                runs.append([])
            runs[-1].append(text)
            previous_figure = True
            continue
        previous_figure = False
        if not _table2_word(text):
            return lines
    if [len(r) for r in runs] != [len(rows) * len(cols) for _, rows, cols in _BLOCKS_2021]:
        return lines
    if template_of_text("\n".join(lines[start:end])) != "2021":
        return lines
    out = [lines[start]]
    for (article, rows, cols), figures in zip(_BLOCKS_2021, runs):
        if len(rows) * len(cols) > 1 and len(cols) > 1 and len(set(figures)) > 1:
            figures = [""] * len(figures)
        out += [f"第二十条第（{article}）项", "\t".join(["信息内容"] + [_COLUMN_NAMES[c] for c in cols])]
        out += ["\t".join([_ROW_NAMES[r]] + figures[n * len(cols):(n + 1) * len(cols)]) for n, r in enumerate(rows)]
    return lines[:start] + out + [""] + lines[end:]


def _table2_word(text: str) -> bool:
    """A line a table 2 alone prints: an article, 信息内容, a row label, or column headers (several on one line)."""
    if _ARTICLE.match(text) or text == "信息内容" or match_label(text, ("row",), (ACTIVE,)) is not None:
        return True
    return all(match_label(part, ("col",), (ACTIVE,)) is not None for part in text.split())
