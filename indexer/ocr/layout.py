"""Recognised boxes -> text lines, and lines -> paragraphs (pure functions on coordinates).

Boxes belong to one line when they overlap vertically by more than half the
smaller box's height; a line's boxes are read left to right. Boxes far apart
on one line (a gap wider than two characters, as between a name and a date
in a signature block) are joined with two spaces, which the text reader
takes as a column gap; close boxes are joined directly, since Chinese has no
spaces between words.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Line

from ..readers.paragraphs import NUMBERING
from ..textnorm import normalize_text

_SENTENCE_END = "。！？；!?;…：:"


@dataclass(frozen=True, slots=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str = ""
    score: float = 1.0


def _overlap(a: Box, b: Box) -> float:
    return min(a.y1, b.y1) - max(a.y0, b.y0)


def group_lines(boxes: list[Box]) -> list[Line]:
    """Lines top to bottom, each the boxes that share its height, left to right."""
    rows: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: (b.y0 + b.y1) / 2):
        for row in rows:
            last = row[-1]
            if _overlap(box, last) > 0.5 * min(box.y1 - box.y0, last.y1 - last.y0):
                row.append(box)
                break
        else:
            rows.append([box])
    lines = []
    for row in rows:
        row.sort(key=lambda b: b.x0)
        height = max(b.y1 - b.y0 for b in row)
        text = row[0].text
        for prev, box in zip(row, row[1:]):
            text += ("  " if box.x0 - prev.x1 > 2 * height else "") + box.text
        lines.append(Line(text.strip(), min(b.x0 for b in row), min(b.y0 for b in row),
                          max(b.x1 for b in row), max(b.y1 for b in row), min(b.score for b in row)))
    return sorted(lines, key=lambda ln: ln.top)


def paragraphs(lines: list[Line]) -> list[tuple[str, float]]:
    """(text, lowest confidence) of the paragraphs the lines make, in order.

    A line runs on into the next when it reaches the right margin, the next
    line starts at the left margin (not indented, not numbered) and follows
    at the usual line distance. For images without a page layout of their own
    (a caption above a table image); scanned PDF pages use the PDF reader's
    paragraph rules.
    """
    if not lines:
        return []
    right = max(ln.x1 for ln in lines)
    left = min(ln.x0 for ln in lines)
    out: list[tuple[str, float]] = []
    prev: Line | None = None
    for ln in lines:
        h = max(ln.height, 1.0)
        joins = (
            prev is not None
            and prev.x1 >= right - 2 * h
            and ln.x0 <= left + 0.8 * h
            and not NUMBERING.match(ln.text)
            and ln.top - prev.bottom < 1.2 * h
            and prev.text[-1:] not in _SENTENCE_END
        )
        if joins:
            text, conf = out[-1]
            out[-1] = (normalize_text(text + ln.text), min(conf, ln.confidence))
        else:
            out.append((ln.text, ln.confidence))
        prev = ln
    return out
