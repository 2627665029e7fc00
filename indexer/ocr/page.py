"""One page image -> text lines and table grids, each with the engine's confidence.

The page is straightened and its ruled tables found (`ruling.py`). Outside
the tables the text detector finds the lines, which are recognised and
grouped (`layout.py`). Inside a table every cell is read on its own: a cell
whose ink is one line high is recognised from its crop (the detector misses
lone digits such as a 0 in a small cell), the figures of a row together in
one strip; a taller cell is run through the detector alone, so that its lines
never run on into the next cell. The rules are erased before cropping so that
they are never read as 1 or 一.
"""

from __future__ import annotations

import re
import statistics

import cv2
import numpy as np

from ..textnorm import normalize_text
from . import engine
from .image import binarise, straighten
from .layout import Box, group_lines
from .model import OcrPage, OcrTable
from .ruling import CellBox, TableBox, char_height, find_tables, rule_masks

_DIGITS_LIKE = re.compile(r"^[\doOlI|,，.．]+$")
_ZERO_LIKE = {"o", "O", "。", ".", "○", "〇", "０", "0.", "o.", ".0", "D"}  # a lone 0 misread; no figure cell holds these


def fix_figure(text: str) -> str:
    """A cell that reads as digits with look-alike letters (o for 0, l for 1) is the digits."""
    if text in _ZERO_LIKE:
        return "0"
    if text in ("一", "-", "－", "_", "一一", "——"):
        return "—"  # a lone dash (no figure) is read as the numeral 一
    if not _DIGITS_LIKE.match(text) or not any(ch.isdigit() for ch in text):
        return text
    return text.translate(str.maketrans("oOlI|，．", "00111,.")).strip(".")


def recognise_page(grey: np.ndarray) -> OcrPage:
    """Text lines and ruled tables of one grey page image."""
    grey = straighten(grey)
    ink = binarise(grey)
    height = char_height(ink)
    tables = find_tables(ink, height)
    horizontal, vertical = rule_masks(ink, height)
    rules = np.zeros_like(ink)
    for t in tables:  # rules outside tables would be strokes of large characters (a title)
        x0, y0, x1, y1 = t.box
        region = (slice(max(0, y0 - 4), y1 + 5), slice(max(0, x0 - 4), x1 + 5))
        rules[region] = cv2.bitwise_or(horizontal[region], vertical[region])
    rules = cv2.dilate(rules, np.ones((3, 3), np.uint8))
    text_ink = cv2.bitwise_and(ink, cv2.bitwise_not(rules))
    clean = grey.copy()
    clean[rules > 0] = 255
    prose = grey.copy()
    for t in tables:  # the text outside the tables is found by the detector; cells are read on their own
        x0, y0, x1, y1 = t.box
        prose[max(0, y0 - 2):y1 + 3, max(0, x0 - 2):x1 + 3] = 255
    outside = engine.detect(prose)
    texts = engine.read_lines([_crop(prose, b) for b in outside])
    page = OcrPage(grey.shape[1], grey.shape[0])
    page.lines = group_lines([Box(*b, text=normalize_text(t), score=s) for b, (t, s) in zip(outside, texts) if t.strip()])
    for table in tables:
        page.tables.append(_read_table(table, clean, text_ink, height))
    return page


def _crop(grey: np.ndarray, box: tuple[float, float, float, float], pad: float = 0.0) -> np.ndarray:
    x0, y0, x1, y1 = box
    h = y1 - y0
    p = pad * h
    ys = slice(max(0, int(y0 - p)), min(grey.shape[0], int(y1 + p + 1)))
    xs = slice(max(0, int(x0 - p)), min(grey.shape[1], int(x1 + p + 1)))
    crop = grey[ys, xs]
    if pad:
        border = max(2, int(p))
        crop = cv2.copyMakeBorder(crop, border, border, border, border, cv2.BORDER_CONSTANT, value=255)
    return crop


def _ink_box(text_ink: np.ndarray, cell: CellBox, char: int) -> tuple[int, int, int, int] | None:
    """The box around the cell's ink, ignoring specks of noise; None for an empty cell."""
    x0, y0, x1, y1 = cell.box
    inset = 3
    region = text_ink[y0 + inset:y1 - inset, x0 + inset:x1 - inset]
    if region.size == 0:
        return None
    n, _, stats, _ = cv2.connectedComponentsWithStats(region, connectivity=8)
    rh, rw = region.shape

    def stray(x: int, y: int, w: int, h: int, area: int) -> bool:
        # specks of noise, and stubs of rules left at the cell's edge where a rule meets it
        return area < max(6, 0.02 * char * char) or x == 0 or y == 0 or x + w >= rw or y + h >= rh

    parts = [stats[i] for i in range(1, n) if not stray(*(int(v) for v in stats[i]))]
    if not parts:
        return None
    if sum(int(p[4]) for p in parts) < 25:
        return None
    bx0 = min(int(p[0]) for p in parts)
    by0 = min(int(p[1]) for p in parts)
    bx1 = max(int(p[0] + p[2]) for p in parts)
    by1 = max(int(p[1] + p[3]) for p in parts)
    return x0 + inset + bx0, y0 + inset + by0, x0 + inset + bx1, y0 + inset + by1


def _read_table(table: TableBox, grey: np.ndarray, text_ink: np.ndarray, char: int) -> OcrTable:
    inks = {cell: _ink_box(text_ink, cell, char) for cell in table.cells}
    heights = [b[3] - b[1] for b in inks.values() if b is not None]
    line_height = statistics.median(heights) if heights else 0
    single: list[tuple[CellBox, tuple[int, int, int, int]]] = []
    multi: dict[CellBox, list] = {}
    for cell, ink in inks.items():
        if ink is None:
            continue
        if ink[3] - ink[1] <= 1.6 * line_height:
            single.append((cell, ink))
        else:
            mine = [b for b in _detect_in(grey, ink) if b[3] - b[1] >= 0.5 * line_height]
            if mine:
                multi[cell] = mine
            else:
                single.append((cell, ink))
    text: dict[CellBox, str] = {}
    conf: dict[CellBox, float] = {}
    alone = _read_rows(single, grey, round(line_height), text, conf)
    crops = [_crop(grey, ink, pad=0.35) for _, ink in alone]
    multi_boxes = [(cell, b) for cell, boxes in multi.items() for b in boxes]
    crops += [_crop(grey, b) for _, b in multi_boxes]
    results = engine.read_lines(crops)
    for (cell, _), (t, s) in zip(alone, results[:len(alone)]):
        text[cell] = fix_figure(normalize_text(t))
        conf[cell] = s
    parts: dict[CellBox, list[Box]] = {}
    for (cell, b), (t, s) in zip(multi_boxes, results[len(alone):]):
        parts.setdefault(cell, []).append(Box(*b, text=normalize_text(t), score=s))
    for cell, boxes in parts.items():
        lines = group_lines(boxes)
        text[cell] = normalize_text("".join(ln.text for ln in lines))
        conf[cell] = min((ln.confidence for ln in lines), default=0.0)
    rows = [["" for _ in range(table.cols)] for _ in range(table.rows)]
    row_conf = [1.0] * table.rows
    for cell in table.cells:
        t = text.get(cell, "")
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                rows[r][c] = t
            if cell in conf:
                row_conf[r] = min(row_conf[r], conf[cell])
    return OcrTable(table.box[1], table.box, rows, row_conf)


_SEPARATORS = re.compile(r"[|丨｜]")
_LOOSE_SEPARATORS = re.compile(r"[|丨｜lI]")


def _read_rows(single: list[tuple[CellBox, tuple[int, int, int, int]]], grey: np.ndarray, height: int,
               text: dict[CellBox, str], conf: dict[CellBox, float]) -> list[tuple[CellBox, tuple[int, int, int, int]]]:
    """Read rows of three or more one-line cells as one strip each; return the cells left to read alone.

    Recognising a crop costs the same for one digit as for a line of them, and a
    table is mostly one-digit cells. So the cells of a row are cut out, set
    side by side with a drawn bar between them, and read at once; the bars
    come back as | and split the text into cells. When the count of parts is
    not the count of cells, the row's cells are read one by one instead.
    """
    by_row: dict[int, list[tuple[CellBox, tuple[int, int, int, int]]]] = {}
    alone = []
    for cell, ink in single:
        if ink[2] - ink[0] <= 4 * height:  # figures; labels are read alone, in full
            by_row.setdefault(cell.row, []).append((cell, ink))
        else:
            alone.append((cell, ink))
    strips, members = [], []
    for row in by_row.values():
        if len(row) < 3 or height <= 0:
            alone.extend(row)
            continue
        row.sort(key=lambda it: it[0].col)
        strips.append(_strip(grey, [ink for _, ink in row], height))
        members.append(row)
    for row, (t, s) in zip(members, engine.read_lines(strips)):
        t = normalize_text(t).replace(" ", "")
        parts = _SEPARATORS.split(t)
        if len(parts) != len(row):
            parts = _LOOSE_SEPARATORS.split(t)
        if len(parts) != len(row) or not all(parts):
            alone.extend(row)
            continue
        for (cell, _), part in zip(row, parts):
            text[cell] = fix_figure(part)
            conf[cell] = s
    return alone


def _strip(grey: np.ndarray, inks: list[tuple[int, int, int, int]], height: int) -> np.ndarray:
    pad = int(0.35 * height) + 2
    tall = max(height, max(b[3] - b[1] for b in inks)) + 2 * pad
    gap = np.full((tall, max(3, height // 2)), 255, np.uint8)
    bar = np.full((tall, max(2, height // 8)), 255, np.uint8)
    bar[pad // 2:tall - pad // 2, :] = 0
    parts = [np.full((tall, pad), 255, np.uint8)]
    for i, (x0, y0, x1, y1) in enumerate(inks):
        crop = grey[y0:y1 + 1, x0:x1 + 1]
        top = (tall - crop.shape[0]) // 2
        crop = cv2.copyMakeBorder(crop, top, tall - crop.shape[0] - top, 0, 0, cv2.BORDER_CONSTANT, value=255)
        if i:
            parts += [gap, bar, gap]
        parts.append(crop)
    parts.append(np.full((tall, pad), 255, np.uint8))
    return np.hstack(parts)


def _detect_in(grey: np.ndarray, ink: tuple[int, int, int, int]) -> list[tuple[float, float, float, float]]:
    """Text lines detected in one cell's ink (alone, so that lines never run on into the next cell)."""
    x0, y0, x1, y1 = ink
    pad = 12
    crop = cv2.copyMakeBorder(grey[y0:y1 + 1, x0:x1 + 1], pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
    return [(bx0 - pad + x0, by0 - pad + y0, bx1 - pad + x0, by1 - pad + y0) for bx0, by0, bx1, by1 in engine.detect(crop)]
