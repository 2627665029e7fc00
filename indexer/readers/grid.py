"""Expand tables with merged cells into plain grids, and tidy them.

HTML (rowspan/colspan) and DOCX (gridSpan/vMerge) describe merged cells in
different ways; both readers describe each row as a list of `Cell` and this
module lays them out on a grid, repeating a merged cell's text in every
position it covers, so that a row label spanning three rows labels all three.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..template import APPLY, LABELS, VALUE, cell_kind, label_core, match_label
from ..textnorm import normalize_text

MAX_SPAN = 200  # hostile files declare rowspan=100000; no real report table is that big


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1


def expand_spans(rows: list[list[Cell]]) -> list[list[str]]:
    """Lay out rows of (possibly merged) cells on a rectangular grid of strings.

    A table that would hold more cells than ``[limits] cells`` is refused
    before the grid is built.
    """
    from .. import limits

    most = limits.current().cells
    merged = not all(c.rowspan <= 1 and c.colspan <= 1 for row in rows for c in row)
    placed = (sum(1 if c.rowspan <= 1 and c.colspan <= 1  # most cells of a table with merged ones: one position
                  else max(1, min(c.rowspan, MAX_SPAN, len(rows) - r)) * max(1, min(c.colspan, MAX_SPAN))
                  for r, row in enumerate(rows) for c in row) if merged else sum(map(len, rows)))
    if placed > most:
        raise limits.exceeded("cells", f"a table spans {placed:,} cells")
    if not merged:  # rows as they are
        width = max((len(row) for row in rows), default=0)
        height = max((r for r, row in enumerate(rows) if row), default=-1) + 1  # trailing rows without cells go
        return [[normalize_text(c.text) for c in row] + [""] * (width - len(row)) for row in rows[:height]]
    grid: dict[tuple[int, int], str] = {}
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in grid:
                c += 1
            # A span never creates rows of its own: it ends with the table (as in HTML).
            rowspan = max(1, min(cell.rowspan, MAX_SPAN, len(rows) - r))
            colspan = max(1, min(cell.colspan, MAX_SPAN))
            text = normalize_text(cell.text)
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid.setdefault((r + dr, c + dc), text)
            c += colspan
            width = max(width, c)
    height = max((r for r, _ in grid), default=-1) + 1
    height = min(height, len(rows) + MAX_SPAN)
    return [[grid.get((r, c), "") for c in range(width)] for r in range(height)]


def drop_empty_rows(rows: list[list[str]]) -> list[list[str]]:
    """Rows with no text at all carry nothing for a reader or a mapper."""
    return [row for row in rows if any(cell.strip() for cell in row)]


def tidy_grid(grid: list[list[str]]) -> list[list[str]]:
    """Drop empty rows and columns; squeeze the copies a hostile colspan made."""
    grid = drop_empty_rows(grid)
    if not grid:
        return []
    width = max(len(r) for r in grid)
    keep = [c for c in range(width) if any(c < len(r) and r[c] for r in grid)]
    keep = sorted(set(keep) | blank_applicant_columns(grid, keep))
    grid = [[r[c] if c < len(r) else "" for c in keep] for r in grid]
    if len(keep) > 60:  # no report table is that wide: the width comes from a bogus colspan
        cols = list(zip(*grid))
        squeezed = [cols[0]] + [col for prev, col in zip(cols, cols[1:]) if col != prev]
        grid = [list(r) for r in zip(*squeezed)]
    return grid


APPLY_WIDTH = 7  # table 3's figures a row: six applicant columns and 总计


def blank_applicant_columns(grid: list[list[str]], keep: list[int]) -> set[int]:
    """Columns empty in every row that a table-3 row holds as blank cells between its label and its last figure, when
    the row then has exactly table 3's seven cells after its label (一、本年新收… | | | | | | | 0 in a grid whose header
    rows stop short and end in padding cells, 自然人 | 法人或其他组织 | 总计 | | | …: no header cell is above those blank
    cells, so dropping their columns would leave the row's 0 with fewer cells before it than 总计 has). Spacer columns
    between every two cells give a row more than seven cells and are dropped as before."""
    kept, out = set(keep), set()
    for row in grid:
        filled = [c for c, text in enumerate(row) if text.strip()]
        if len(filled) < 2:
            continue
        labels = list(itertools.takewhile(lambda c: cell_kind(row[c]) != VALUE, filled))
        if not labels or len(labels) == len(filled) or match_label(row[labels[-1]], ("row",), (APPLY,)) is None:
            continue
        after = range(labels[-1] + 1, filled[-1] + 1)
        if len(after) == APPLY_WIDTH and len([c for c in after if c in kept]) < APPLY_WIDTH:
            out |= {c for c in after if c not in kept}
    return out


def is_template_row(grid: list[list[str]]) -> bool:
    """A one-row table that is a template row with its figures (四、结转下年度继续办理 | 0 | 0 …, the last row of a
    table printed alone): a table, not a line of text (its repeated figures would collapse)."""
    if len(grid) != 1:
        return False
    cells = [c for c in grid[0] if c.strip()]
    texts = list(itertools.takewhile(lambda c: cell_kind(c) != VALUE, cells))
    figures = [c for c in cells[len(texts):] if c not in texts]  # the label repeated over the columns it spans
    # the row's group labels before its own (（三）不予公开 | 1.属于国家秘密 | 0 …), or a piece of a wrapped one (三、本年度)
    return (bool(figures) and bool(texts) and match_label(texts[-1], ("row",)) is not None
            and all(match_label(t, ("row", "group")) is not None or is_group_piece(t) for t in texts[:-1])
            and all(cell_kind(c) == VALUE or _sign_before_figure(c, figures[i + 1:i + 2]) for i, c in enumerate(figures)))


_LONE_SIGN = re.compile(r"^(?:增加?|减少?|[+＋\-−－])$")


def _sign_before_figure(cell: str, after: list[str]) -> bool:
    """A change's sign that a text tool set apart from its figure (行政处罚 32 减 11 21): the figure follows it."""
    return bool(_LONE_SIGN.match(cell.strip())) and bool(after) and cell_kind(after[0]) == VALUE


_GROUP_NUMERAL = re.compile(r"^\s*[（(][三四五六][)）]")  # the numerals of 不予公开, 无法提供, 不予处理, 其他处理


def is_group_piece(text: str) -> bool:
    """A piece of a wrapped group label (三、本年度 / 办理结果, （三）不予公 / 开): the start or the end, two characters
    or more, of a table-3 group label (本年度办理结果, 不予公开 …); one character after the group's numeral （三）不."""
    core = label_core(text)
    if len(core) == 1 and _GROUP_NUMERAL.match(text):  # （三）不 / 予公开: the numeral makes one character the start
        return any(lab.kind == APPLY and lab.role == "group" and any(alt.startswith(core) for alt in lab.alts)
                   for lab in LABELS)
    return len(core) >= 2 and any(lab.kind == APPLY and lab.role == "group" and any(
        alt != core and (alt.startswith(core) or alt.endswith(core)) for alt in lab.alts) for lab in LABELS)
