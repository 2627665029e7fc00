"""Ruled tables in a page image: the ruling lines, the grid they draw, and its merged cells.

Long thin runs of ink (a morphological opening with a long line-shaped
kernel) are the rules. Horizontal rules give the row edges and vertical rules
the column edges; the grid is every edge position found. Two neighbouring grid
positions belong to one merged cell when no rule separates them (the rule
between them is missing over most of their shared side), so a label spanning
three columns or a group label spanning eight rows comes out as one cell
whose text is repeated over the positions it covers, like every reader's
grids (`readers/grid.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np


@dataclass(frozen=True, slots=True)
class CellBox:
    row: int
    col: int
    rowspan: int
    colspan: int
    box: tuple[int, int, int, int]  # x0, y0, x1, y1 in pixels, inside the rules


@dataclass(frozen=True, slots=True)
class TableBox:
    box: tuple[int, int, int, int]
    rows: int
    cols: int
    cells: tuple[CellBox, ...]


@dataclass(frozen=True, slots=True)
class Segment:
    pos: int  # y of a horizontal rule, x of a vertical one
    start: int
    end: int


def char_height(ink: np.ndarray) -> int:
    """The usual height of a character on the page (median height of the ink's small connected parts)."""
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    heights = sorted(int(stats[i][3]) for i in range(1, n)
                     if 6 <= stats[i][3] <= 200 and stats[i][2] <= 3 * stats[i][3] and stats[i][4] >= 12)
    return heights[len(heights) // 2] if heights else 20


def rule_masks(ink: np.ndarray, height: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(horizontal rules, vertical rules) of a binarised page (ink = 255).

    A rule is a straight run of ink longer than any stroke of a character:
    1.6 character heights upright (a cell is at least that high), 3 across.
    """
    unit = height or char_height(ink)
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (unit * 3, 1)))
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, int(unit * 1.6))))
    # close small gaps a noisy scan leaves in a rule
    horizontal = cv2.dilate(horizontal, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 3)))
    vertical = cv2.dilate(vertical, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 5)))
    return horizontal, vertical


def _segments(mask: np.ndarray, horizontal: bool) -> list[Segment]:
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out = []
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        if horizontal:
            out.append(Segment(int(y + h // 2), int(x), int(x + w)))
        else:
            out.append(Segment(int(x + w // 2), int(y), int(y + h)))
    return out


def cluster(values: list[int], tol: int) -> list[int]:
    """Positions closer than `tol` are one edge (their mean)."""
    out: list[list[int]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [round(sum(g) / len(g)) for g in out]


def _covered(segments: list[Segment], start: int, end: int) -> bool:
    """True when the rules of one edge cover most of start..end."""
    need = end - start
    if need <= 0:
        return True
    got = sum(max(0, min(end, s.end) - max(start, s.start)) for s in segments)
    return got >= 0.6 * need


def find_tables(ink: np.ndarray, height: int | None = None) -> list[TableBox]:
    """Ruled tables of a binarised, straightened page, top to bottom."""
    horizontal, vertical = rule_masks(ink, height)
    both = cv2.bitwise_or(horizontal, vertical)
    n, _, stats, _ = cv2.connectedComponentsWithStats(both, connectivity=8)
    tables = []
    tol = max(4, ink.shape[1] // 300)
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        if w < 60 or h < 30:
            continue
        region = (slice(y, y + h), slice(x, x + w))
        hs = [Segment(s.pos + y, s.start + x, s.end + x) for s in _segments(horizontal[region], True)]
        vs = [Segment(s.pos + x, s.start + y, s.end + y) for s in _segments(vertical[region], False)]
        table = _grid(hs, vs, tol)
        if table is not None:
            tables.append(table)
    return sorted(tables, key=lambda t: t.box[1])


def _grid(hs: list[Segment], vs: list[Segment], tol: int) -> TableBox | None:
    ys = cluster([s.pos for s in hs], tol)
    xs = cluster([s.pos for s in vs], tol)
    rows, cols = len(ys) - 1, len(xs) - 1
    if rows < 1 or cols < 2 or rows * cols < 4:
        return None  # a frame or an underline, not a table
    at_y = {y: [s for s in hs if abs(s.pos - y) <= tol] for y in ys}
    at_x = {x: [s for s in vs if abs(s.pos - x) <= tol] for x in xs}
    parent = list(range(rows * cols))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def union(a: int, b: int) -> None:
        parent[find(a)] = find(b)

    for r in range(rows):
        for c in range(cols):
            if c + 1 < cols and not _covered(at_x[xs[c + 1]], ys[r], ys[r + 1]):
                union(r * cols + c, r * cols + c + 1)
            if r + 1 < rows and not _covered(at_y[ys[r + 1]], xs[c], xs[c + 1]):
                union(r * cols + c, (r + 1) * cols + c)
    groups: dict[int, list[tuple[int, int]]] = {}
    for r in range(rows):
        for c in range(cols):
            groups.setdefault(find(r * cols + c), []).append((r, c))
    cells = []
    for members in groups.values():
        r0 = min(r for r, _ in members)
        r1 = max(r for r, _ in members) + 1
        c0 = min(c for _, c in members)
        c1 = max(c for _, c in members) + 1
        if len(members) != (r1 - r0) * (c1 - c0):
            # not a rectangle (a rule lost to noise): no merge can be trusted, each position is a cell
            cells.extend(CellBox(r, c, 1, 1, (xs[c], ys[r], xs[c + 1], ys[r + 1])) for r, c in members)
            continue
        cells.append(CellBox(r0, c0, r1 - r0, c1 - c0, (xs[c0], ys[r0], xs[c1], ys[r1])))
    cells.sort(key=lambda cb: (cb.row, cb.col))
    return TableBox((xs[0], ys[0], xs[-1], ys[-1]), rows, cols, tuple(cells))
