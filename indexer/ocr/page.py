"""One page image -> text lines and table grids, each with the engine's confidence.

The page is straightened, its ruled tables found (`ruling.py`), and the text
detector run once over the whole page. Outside the tables, detected boxes are
recognised and grouped into lines (`layout.py`). Inside a table every cell is
read on its own: a cell whose ink is one line high is recognised directly
from its crop (the detector misses lone digits such as a 0 in a small cell);
a taller cell is read from the detected boxes inside it, line by line. The
rules themselves are erased before cropping so that they are never read as
1 or 一.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

import cv2
import numpy as np

from ..textnorm import normalize_text
from . import engine
from .image import binarise, straighten
from .layout import Box, Line, group_lines
from .ruling import CellBox, TableBox, char_height, find_tables, rule_masks

_DIGITS_LIKE = re.compile(r"^[\doOlI|,，.．]+$")
_ZERO_LIKE = {"o", "O", "。", ".", "○", "〇", "０", "0.", "o.", ".0", "D"}  # a lone 0 misread; no figure cell holds these


@dataclass
class OcrTable:
    top: float
    box: tuple[int, int, int, int]
    rows: list[list[str]]
    confidence: list[float]  # per row: the lowest confidence of its cells (1.0 for a row with no text)


@dataclass
class OcrPage:
    width: int
    height: int
    lines: list[Line] = field(default_factory=list)
    tables: list[OcrTable] = field(default_factory=list)

    def items(self) -> list[Line | OcrTable]:
        """Lines and tables in reading order (top to bottom)."""
        return sorted([*self.lines, *self.tables], key=lambda it: it.top)


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
    rules = cv2.dilate(cv2.bitwise_or(horizontal, vertical), np.ones((3, 3), np.uint8))
    text_ink = cv2.bitwise_and(ink, cv2.bitwise_not(rules))
    clean = grey.copy()
    clean[rules > 0] = 255
    detected = engine.detect(clean)
    page = OcrPage(grey.shape[1], grey.shape[0])

    def in_table(x: float, y: float) -> TableBox | None:
        for t in tables:
            x0, y0, x1, y1 = t.box
            if x0 <= x <= x1 and y0 <= y <= y1:
                return t
        return None

    outside = [b for b in detected if in_table((b[0] + b[2]) / 2, (b[1] + b[3]) / 2) is None]
    texts = engine.read_lines([_crop(clean, b) for b in outside])
    page.lines = group_lines([Box(*b, text=normalize_text(t), score=s) for b, (t, s) in zip(outside, texts) if t.strip()])
    for table in tables:
        inside = [b for b in detected if in_table((b[0] + b[2]) / 2, (b[1] + b[3]) / 2) is table]
        page.tables.append(_read_table(table, clean, text_ink, inside))
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


def _ink_box(text_ink: np.ndarray, cell: CellBox) -> tuple[int, int, int, int] | None:
    """The box around the cell's ink, ignoring specks of noise; None for an empty cell."""
    x0, y0, x1, y1 = cell.box
    inset = 3
    region = text_ink[y0 + inset:y1 - inset, x0 + inset:x1 - inset]
    if region.size == 0:
        return None
    n, _, stats, _ = cv2.connectedComponentsWithStats(region, connectivity=8)
    parts = [stats[i] for i in range(1, n) if stats[i][4] >= 6]  # specks of a few pixels are noise
    if not parts:
        return None
    if sum(int(p[4]) for p in parts) < 25:
        return None
    bx0 = min(int(p[0]) for p in parts)
    by0 = min(int(p[1]) for p in parts)
    bx1 = max(int(p[0] + p[2]) for p in parts)
    by1 = max(int(p[1] + p[3]) for p in parts)
    return x0 + inset + bx0, y0 + inset + by0, x0 + inset + bx1, y0 + inset + by1


def _read_table(table: TableBox, grey: np.ndarray, text_ink: np.ndarray, detected: list) -> OcrTable:
    inks = {cell: _ink_box(text_ink, cell) for cell in table.cells}
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
            mine = [b for b in detected if _centre_in(b, cell.box)]
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
    for cell, ink in single:
        by_row.setdefault(cell.row, []).append((cell, ink))
    strips, members, alone = [], [], []
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


def _centre_in(b: tuple[float, float, float, float], box: tuple[int, int, int, int]) -> bool:
    cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]
