"""Tables without ruling lines read from where a PDF page puts its words.

A page printed from a web page whose tables have no borders (or light ones
the printer dropped), or ruled only between rows, gives no cell boxes: only
words. A table is still there in their positions:

* **words**: a line's characters cut where a gap opens between them (a cell
  ends; cells of a row can be as close as 3 points, the text of one cell
  touches), units (元, 万元, 件 …) kept on their figure;
* **figure lines**: lines ending in figures (``1.属于国家秘密 13 0 0 0 0 0 13``,
  or a row of bare figures); the figures' x-ranges, overlapping from row to
  row, are the table's **figure columns** (left-, centre- or right-aligned
  alike); everything left of the first figure column is the **label area**;
* a **region** of consecutive lines is one table while no word crosses from
  the label area into the figure columns, no section heading comes, and the
  lines follow at the table's row distance; header lines above the first
  figure line join while they fit the columns; a region holds a row with two
  figures or a label of the national templates, else it stays text;
* **rows**: every figure line is a row; label text on other lines (wrapped
  labels, a row header written down a narrow column) joins the cell above
  it when it follows at the line distance, overlaps it and does not start a
  numbered item (1. （三） 二、) or a second whole template label; a cell
  whose lines hold a row's figure line (vertically centred, or top-aligned)
  is that row's label; the rest (headers, rows whose cells are all blank)
  are rows of their own, grouped by height;
* header text over the figure columns goes to every column it covers (a
  merged cell repeated, as the ruled reader does), placed by how the figures
  sit in their cells (left, centred, right); a column blank in every row is
  found by its header alone;
* cells without padding let text touch: figures are cut at the column edges
  the fullest rows show (never when centred: no edge tells where), header
  cells into the templates' labels they are made of, a label from its first
  figure.

A table broken over a page continues when the next page's first lines fit
its columns, and a header at the foot of a page heads the rows that start
the next one. The grid (label cells, then one cell per figure column, blank
where a row has no figure) goes to the same mapper as every other table.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Protocol, Sequence

from ..template import VALUE, cell_kind, figure_length, match_label
from ..textnorm import normalize_text
from .runtogether import header_pieces

GAP = 0.15  # of the font size: a gap this wide between two characters ends a word
LABEL_GAP = 0.6  # of the font size: label words this close are one label (autospaced digits, 第 1 项)
LINE = 1.5  # of the font size: the next line of a cell follows within this distance (Noto CJK sets lines 1.45 apart)
ROW = 0.6  # of the font size: cells whose middles are this close are one row
HEADER_PITCH = 1.6  # a header line joins when it is at most this many row distances above (rowspans centre theirs)
HEADER_OVER_FIGURES = 2.0  # … and this many when all its words stand over the figure columns (a tall header row)
MAX_PITCH = 1.6  # a line further below the region's last line than this many row distances ends it
TOLERANCE = 2.0  # points
_UNIT = re.compile(r"^(?:万元|元|件|条|个|项|次|篇|人|家)$")
_DASH = re.compile(r"^(?:[—\-－–―/／]+|无)$")
# a numbered item starts a cell (1.属于国家秘密, （三）不予公开, 二、上年结转); 第三项 inside a note does not
_ARTICLE = re.compile(r"^\s*第\s*二\s*十\s*条\s*第\s*[（(]\s*[一二三四五六七八九十]+\s*[)）]\s*项")  # a row of its own
_REMARK = re.compile(r"^[（(](?![一二三四五六七八九十\d]+[)）])")
NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d)|[①-⑳⑴-⒇])")


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    chars: tuple[tuple[float, float], ...] = ()  # each character's x0 and x1, to cut figures that touch

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


class TextLine(Protocol):
    page: int
    top: float
    bottom: float
    size: float
    words: tuple[Word, ...]


def words_of(chars: Sequence[dict]) -> tuple[Word, ...]:
    """A line's characters (pdfplumber dicts) as words: runs without a gap between characters; spaces cut."""
    out: list[Word] = []
    cur: list[dict] = []

    def flush() -> None:  # each field in one pass that runs in C (`map`): a word is a few characters, a page thousands
        if cur:
            x1s = list(map(_X1, cur))
            out.append(Word("".join(map(_TEXT, cur)), cur[0]["x0"], max(x1s), min(map(_TOP, cur)),
                            max(map(_BOTTOM, cur)), statistics.median(c.get("size", 0) or 0 for c in cur),
                            tuple(zip(map(_X0, cur), x1s))))
            cur.clear()

    last_size = 0  # cur[-1]'s
    for c in sorted(chars, key=_X0):
        if not c.get("text", "").strip():
            flush()
            continue
        size = c.get("size", 0) or 0
        if cur:
            em = last_size if last_size > size else size  # max(size, last_size, 1.0) without a call per character
            if c["x0"] - cur[-1]["x1"] > GAP * (1.0 if 1.0 > em else em):
                flush()
        cur.append(c)
        last_size = size
    flush()
    return tuple(_units_kept(out))


_TEXT, _X0, _X1, _TOP, _BOTTOM = (itemgetter(k) for k in ("text", "x0", "x1", "top", "bottom"))


def _units_kept(words: list[Word]) -> list[Word]:
    """A unit written apart from its figure (251000 元) stays on it; a figure's bracketed note (90(信用中国某市))
    stays in its word but out of its extent, so the note's width does not join the figure columns."""
    out: list[Word] = []
    for w in words:
        k = figure_length(w.text) if len(w.chars) == len(w.text) else None
        if k:
            w = Word(w.text, w.x0, w.chars[k - 1][1], w.top, w.bottom, w.size, w.chars)
        if out and _UNIT.match(w.text) and cell_kind(out[-1].text) == VALUE and w.x0 - out[-1].x1 < LABEL_GAP * w.size:
            prev = out[-1]
            out[-1] = Word(prev.text + w.text, prev.x0, w.x1, min(prev.top, w.top), max(prev.bottom, w.bottom), prev.size,
                           prev.chars + w.chars)
        else:
            out.append(w)
    return out


def _is_figure(text: str) -> bool:
    return cell_kind(text) == VALUE or bool(_DASH.match(text))


_TRAILING_FIGURE = re.compile(r"^(.*[^\d,.+\-])(\d[\d,.]*)$")


def _label_apart(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """A row label and its first figure with no gap between them (行政规范性文件564 | 984 | 4185) apart, when more
    figures follow it or the text is a row label of the templates (行政事业性收费316441): a sentence that ends in
    a number stays one word."""
    k = len(words)
    while k > 0 and _is_figure(words[k - 1].text):
        k -= 1
    if k == 0:
        return words
    w = words[k - 1]
    m = _TRAILING_FIGURE.match(w.text)
    if not m or len(w.chars) != len(w.text) or not _is_figure(m.group(2)):
        return words
    if k == len(words) and not _is_row_label(m.group(1)):
        return words
    cut = len(m.group(1))
    label = Word(m.group(1), w.x0, w.chars[cut - 1][1], w.top, w.bottom, w.size, w.chars[:cut])
    figure = Word(m.group(2), w.chars[cut][0], w.x1, w.top, w.bottom, w.size, w.chars[cut:])
    return words[:k - 1] + (label, figure) + words[k:]


_LONE_SIGN = re.compile(r"^(?:增加?|减少?|[+＋\-−－])$")


def _signs_joined(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """A change's sign set apart from its figure (减 | 11: the font changes from the sign to the digits, and a gap
    opens) joined to it (减11), when the figure follows within half a character: one cell, as the page shows it."""
    out: list[Word] = []
    for w in words:
        prev = out[-1] if out else None
        if (prev is not None and _LONE_SIGN.match(prev.text) and cell_kind(w.text) == VALUE
                and w.x0 - prev.x1 <= 0.5 * (w.size or prev.size or 10.0)):
            out[-1] = Word(prev.text + w.text, prev.x0, w.x1, min(prev.top, w.top), max(prev.bottom, w.bottom),
                           prev.size, prev.chars + w.chars)
            continue
        out.append(w)
    return tuple(out) if len(out) != len(words) else words


def _is_row_label(text: str) -> bool:
    return len(text) <= 40 and match_label(text, ("row",)) is not None


def _figures(line: TextLine) -> list[Word]:
    """The figures a line ends with (after its last word of text)."""
    out: list[Word] = []
    for w in reversed(line.words):
        if not _is_figure(w.text):
            break
        out.append(w)
    return out[::-1]


# ------------------------------------------------------------------ regions


@dataclass
class Region:
    """Consecutive lines (indices into the caller's list) that are one table, and its grid."""

    first: int
    last: int  # inclusive
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class _Growing:
    lines: list[int]
    figure_lines: list[int]
    x_fig: float  # where the first figure starts
    label_end: float  # where the labels beside figures end (no label: -inf)
    pitches: list[float]

    def take(self, line: TextLine, figs: list[Word]) -> None:
        self.x_fig = min(self.x_fig, figs[0].x0)
        self.label_end = max([self.label_end] + [w.x1 for w in line.words if w not in figs])


def find_tables(lines: Sequence[TextLine], barrier: Sequence[bool] | None = None) -> list[Region]:
    """The borderless tables among `lines` (reading order, page margins already left out).

    `barrier[i]` says a ruled table stands between line i-1 and line i (no region reaches over it).
    """
    for ln in lines:
        ln.words = _label_apart(_signs_joined(ln.words))
    figures = [_figures(ln) for ln in lines]
    regions: list[Region] = []
    i, floor = 0, 0
    while i < len(lines):
        if not figures[i]:
            i += 1
            continue
        grown = _grow(lines, figures, i, barrier)
        grown.lines = _with_header(lines, figures, grown, floor, barrier) + grown.lines
        if _accepted(lines, figures, grown):
            region = Region(grown.lines[0], grown.lines[-1])
            region.rows = _grid(lines, figures, grown)
            if region.rows:
                regions.append(region)
                i = floor = grown.lines[-1] + 1
                continue
        i = max(i + 1, grown.lines[-1] + 1)  # a seed inside lines that are no table makes no table either
    return regions


def _fits(line: TextLine, figs: list[Word], grown: _Growing) -> bool:
    """No word of the line runs from the label area into the figure columns; its figures lie right of the
    labels, its labels left of the figures."""
    if figs and figs[0].x0 < grown.label_end - TOLERANCE:
        return False
    if figs and any(w.x1 > grown.x_fig + TOLERANCE for w in line.words if w not in figs):
        return False
    return not any(w.x0 < grown.label_end - TOLERANCE and w.x1 > grown.x_fig + TOLERANCE for w in line.words)


def _in_label_area(x0: float, grown: _Growing) -> bool:
    """Text starting left of where the labels beside figures end is a label (a longer label wrapped on its own
    line too); text starting right of it is over the figure columns (a header)."""
    return x0 < grown.label_end - TOLERANCE


def _trailing_label(word: Word, grown: _Growing) -> bool:
    """A word after the last figure line that may end the last row's wrapped label: in the label area, or, when no
    figure line holds a label (each row's label wrapped round its figures' line, 二、上年结转… / 0 0 0 / 申请数量),
    wholly left of the figures."""
    if grown.label_end == float("-inf"):
        return word.x1 <= grown.x_fig + TOLERANCE
    return _in_label_area(word.x0, grown)


def _gap(lines: Sequence[TextLine], a: int, b: int) -> float | None:
    """How far line b's top is below line a's, None across a page (a page break is no gap)."""
    if lines[a].page != lines[b].page:
        return None
    return lines[b].top - lines[a].top


def _pitch(grown: _Growing, size: float) -> float:
    """The table's row distance: the usual distance between consecutive lines seen, at least a line's; before
    any is seen, that of a row with roomy padding."""
    steps = sorted(p for p in grown.pitches if p > 0.8 * size)
    if not steps:
        return 2.5 * size
    # the lines of a row's cells (centred, wrapped) come closer than rows do: the larger distances are the rows'
    return max(steps[int(0.75 * (len(steps) - 1))] if len(steps) >= 4 else steps[-1], 1.2 * size)


def _size(lines: Sequence[TextLine], grown: _Growing) -> float:
    """The font size of the table's figure lines (a heading above it may be larger)."""
    return statistics.median(lines[j].size or 10.0 for j in grown.figure_lines)


def _heading(line: TextLine) -> bool:
    """A national section's heading: numbered (四、…情况) or its exact words; table text only resembles one
    (行政复议 行政诉讼 over table 4, 息公开申请 ending a wrapped label)."""
    from ..structure import heading_score, split_numbering

    text = "".join(w.text for w in line.words)
    numbered = split_numbering(text)[0] is not None
    return any(heading_score(text, no) >= (2.5 if numbered else 3.0) for no in range(1, 7))


def _grow(lines: Sequence[TextLine], figures: list[list[Word]], start: int, barrier) -> _Growing:
    grown = _Growing([start], [start], figures[start][0].x0, float("-inf"), [])
    grown.take(lines[start], figures[start])
    last = start
    for j in range(start + 1, len(lines)):
        if barrier is not None and barrier[j]:
            break
        if lines[j].page != lines[last].page and lines[j].page != lines[last].page + 1:
            break
        gap = _gap(lines, last, j)
        if gap is not None and gap > MAX_PITCH * _pitch(grown, _size(lines, grown)):
            break
        if not _fits(lines[j], figures[j], grown) or (not figures[j] and _heading(lines[j])):
            break
        if gap is not None:
            grown.pitches.append(gap)
        grown.lines.append(j)
        if figures[j]:
            grown.figure_lines.append(j)
            grown.take(lines[j], figures[j])
        last = j
    # lines after the last figure line stay only as the last row's wrapped label
    end = grown.lines.index(grown.figure_lines[-1]) + 1
    keep = grown.lines[:end]
    for j in grown.lines[end:]:
        prev = keep[-1]
        gap = _gap(lines, prev, j)
        words = lines[j].words
        if gap is None or gap > LINE * lines[j].size or not all(_trailing_label(w, grown) for w in words) \
                or NUMBERED.match(words[0].text if words else ""):
            break
        keep.append(j)
    grown.lines = keep
    return grown


def _with_header(lines: Sequence[TextLine], figures: list[list[Word]], grown: _Growing, floor: int, barrier) -> list[int]:
    """Lines above the first figure line that fit the region's columns and follow at its row distance."""
    out: list[int] = []
    below = grown.lines[0]
    size = _size(lines, grown)
    for j in range(grown.lines[0] - 1, floor - 1, -1):
        if barrier is not None and barrier[below]:
            break
        gap = _gap(lines, j, below)
        if figures[j] or not lines[j].words or (gap is None and lines[j].page != lines[below].page - 1):
            break
        if gap is not None and gap > HEADER_PITCH * _pitch(grown, size) \
                and not (gap <= HEADER_OVER_FIGURES * _pitch(grown, size) and _over_figures(lines[j], grown)):
            break  # (a header at the foot of the page before: the table's first rows went to the next page)
        if not _fits(lines[j], [], grown) or _heading(lines[j]) or _prose(lines[j]):
            break
        out.insert(0, j)
        if gap is not None:
            grown.pitches.append(gap)
        below = j
    return out


def _over_figures(line: TextLine, grown: _Growing) -> bool:
    """Every word of the line stands over the figure columns, none in the label area: the last line of a tall
    header row (its cells' words centred or wrapped, 商业 / 企业), never a heading or a sentence above the table."""
    return bool(line.words) and all(w.x0 >= grown.x_fig - TOLERANCE for w in line.words)


def _prose(line: TextLine) -> bool:
    """A sentence (a header cell does not end in 。 or ：)."""
    text = "".join(w.text for w in line.words)
    return text.endswith(("。", "：", ":")) and len(text) > 12


def _accepted(lines: Sequence[TextLine], figures: list[list[Word]], grown: _Growing) -> bool:
    """A table: rows of two or more figures (two rows, or one of three figures), or a label of the templates' rows
    beside figures under a header of the templates' columns, or in two rows (信息内容 | 本年处理决定数量 / 行政许可 |
    1,234); else lines that happen to end in numbers (a sentence broken after 规范性文件34)."""
    if any(len(figures[j]) >= 2 for j in grown.figure_lines) and (len(grown.figure_lines) >= 2 or len(figures[grown.figure_lines[0]]) >= 3):
        return True

    words = [w for j in grown.lines for w in lines[j].words if not _is_figure(w.text)]
    labelled = any(_in_label_area(w.x0, grown) and _is_row_label(w.text) for w in words)
    headed = any(not _in_label_area(w.x0, grown) and match_label(w.text, ("col",)) is not None for w in words)
    return labelled and (headed or len(grown.figure_lines) >= 2)


# ------------------------------------------------------------------ grid


@dataclass(slots=True)
class _Fragment(Word):
    """Label or header text of one line: its words that belong together, the line they are on."""

    line: int = 0
    figure_line: bool = False


@dataclass
class _Cell:
    parts: list[_Fragment]

    @property
    def x0(self) -> float:
        return min(p.x0 for p in self.parts)

    @property
    def x1(self) -> float:
        return max(p.x1 for p in self.parts)

    @property
    def top(self) -> float:
        return self.parts[0].top

    @property
    def bottom(self) -> float:
        return self.parts[-1].bottom

    @property
    def text(self) -> str:
        return normalize_text("".join(p.text for p in self.parts))


def _figure_columns(figures: list[list[Word]], figure_lines: list[int]) -> tuple[list[list[Word]], list[tuple[float, float]]]:
    """The figure columns, and each line's figures with those that touch their neighbour cut apart.

    Cells without padding can leave no gap between two figures (13612252 for 13612 and 252): the rows with the
    most figures show the columns and how figures sit in them; a figure over two or more of them is cut where
    a character starts at a column's left edge (figures set left) or ends at its right edge (set right), when
    that gives a figure for each column. Centred figures are not cut (no edge tells where).
    """
    most = max(len(figures[j]) for j in figure_lines)
    fullest = [w for j in figure_lines if len(figures[j]) == most for w in figures[j]]
    base = _columns(fullest)
    align = _alignment(base, fullest)
    out = list(figures)
    if align in ("left", "right"):
        for j in figure_lines:
            if len(figures[j]) < most:
                out[j] = [p for w in figures[j] for p in (_cut(w, base, align) or [w])]
    return out, _columns([w for j in figure_lines for w in out[j]])


def _cut(word: Word, columns: list[tuple[float, float]], align: str) -> list[Word]:
    """`word` cut at the edges of the `columns` it lies over (their left edges for figures set left, right
    edges for figures set right), if that gives one figure a column; else nothing."""
    over = [(a, b) for a, b in columns if min(b, word.x1) - max(a, word.x0) > 0]
    if len(over) < 2 or len(word.chars) != len(word.text):
        return []
    tol = 0.3 * max(word.size, 1.0)
    if align == "left":
        cuts = [i for i, (x0, _) in enumerate(word.chars) if i and any(abs(x0 - a) <= tol for a, _ in over[1:])]
    else:
        cuts = [i + 1 for i, (_, x1) in enumerate(word.chars[:-1]) if any(abs(x1 - b) <= tol for _, b in over[:-1])]
    if len(cuts) != len(over) - 1:
        return []
    pieces = []
    for start, end in zip([0] + cuts, cuts + [len(word.text)]):
        chars = word.chars[start:end]
        pieces.append(Word(word.text[start:end], chars[0][0], chars[-1][1], word.top, word.bottom, word.size, chars))
    return pieces if all(_is_figure(p.text) for p in pieces) else []


def _columns(words: list[Word]) -> list[tuple[float, float]]:
    """The figure columns: the x-ranges of figures that overlap from row to row, left to right."""
    out: list[list[float]] = []
    for w in sorted(words, key=lambda w: w.x0):
        if out and w.x0 < out[-1][1] - 0.5:
            out[-1][1] = max(out[-1][1], w.x1)
        else:
            out.append([w.x0, w.x1])
    return [(a, b) for a, b in out]


def _fragments(lines: Sequence[TextLine], figures: list[list[Word]], j: int, grown: _Growing) -> tuple[list[_Fragment], list[_Fragment]]:
    """A line's text as fragments: (label area, over the figure columns); figures are left out."""
    figs = {id(w) for w in figures[j]}
    label: list[_Fragment] = []
    header: list[_Fragment] = []
    words = [p for w in lines[j].words for p in _header_apart(w, grown)]
    cut = {id(w) for w in words} - {id(w) for w in lines[j].words}  # pieces of touching header cells stay apart
    for w in words:
        if id(w) in figs:
            continue
        target = label if _in_label_area(w.x0, grown) else header
        gap = LABEL_GAP if target is label else GAP
        if target is header and _REMARK.match(w.text) and id(w) not in cut and not _at_column_edge(lines, grown, j, w):
            gap = LABEL_GAP  # a remark in brackets after a space (数量 （指2018年事项数）) belongs to the words before it
        if target and target[-1].line == j and w.x0 - target[-1].x1 < gap * w.size and not NUMBERED.match(w.text) \
                and id(w) not in cut:
            f = target[-1]
            f.text += w.text
            f.x1, f.top, f.bottom = w.x1, min(f.top, w.top), max(f.bottom, w.bottom)
        else:
            target.append(_Fragment(w.text, w.x0, w.x1, w.top, w.bottom, w.size, line=j, figure_line=bool(figures[j])))
    return label, header


def _at_column_edge(lines: Sequence[TextLine], grown: _Growing, j: int, word: Word) -> bool:
    """Whether a word starts where words of the table's other lines near it start: a column's edge (the next
    cell's text, set left), not the middle of a cell."""
    tol = 0.5 * max(word.size, 1.0)
    return any(abs(w.x0 - word.x0) <= tol for k in grown.lines if k != j and abs(k - j) <= 4 for w in lines[k].words)


def _header_apart(word: Word, grown: _Growing) -> list[Word]:
    """Header cells that touch (cells without padding): 上一年项目数量本年增/减 cut into the templates' labels it
    is made of, at its characters."""
    if _in_label_area(word.x0, grown) or len(word.chars) != len(word.text) or len(word.text) < 4 or _is_figure(word.text):
        return [word]
    pieces = header_pieces(word.text)
    if not pieces:
        return [word]
    out, at = [], 0
    for piece in pieces:
        chars = word.chars[at:at + len(piece)]
        out.append(Word(piece, chars[0][0], chars[-1][1], word.top, word.bottom, word.size, chars))
        at += len(piece)
    return out


def _is_label(text: str) -> bool:
    return match_label(text, ("row", "group", "col", "head")) is not None


def _aligned(a: _Fragment, b: _Fragment) -> bool:
    """Two lines of one cell share where the cell aligns them: their left edges, middles or right edges (a title
    centred over the table and a column's header under it share none)."""
    tol = 0.5 * max(a.size, b.size, 1.0)
    return abs(a.x0 - b.x0) <= tol or abs((a.x0 + a.x1) / 2 - (b.x0 + b.x1) / 2) <= tol or abs(a.x1 - b.x1) <= tol


def _cells(fragments: list[_Fragment], lines: Sequence[TextLine]) -> list[_Cell]:
    """Fragments joined into cells: the next line of a cell follows closely below, overlapping it."""
    cells: list[_Cell] = []
    for f in sorted(fragments, key=lambda f: (f.line, f.x0)):
        home = None
        for cell in reversed(cells):
            last = cell.parts[-1]
            if last.line == f.line or lines[last.line].page != lines[f.line].page:
                continue
            if (f.top + f.bottom) / 2 - (last.top + last.bottom) / 2 > LINE * f.size:
                continue  # middles: a line's top moves with its tallest glyph (4. stands higher than 保护)
            if min(last.x1, f.x1) - max(last.x0, f.x0) <= 0 or not _aligned(last, f):
                continue
            if NUMBERED.match(f.text) or (_is_label(last.text) and _is_label(f.text)) or _ARTICLE.match(last.text) \
                    or _ARTICLE.match(f.text):
                continue
            if last.figure_line and f.figure_line and _is_label(cell.text):
                continue  # two rows' labels, each beside its figures
            home = cell
            break
        if home is not None:
            home.parts.append(f)
        else:
            cells.append(_Cell([f]))
    return cells


def _grid(lines: Sequence[TextLine], figures: list[list[Word]], grown: _Growing) -> list[list[str]]:
    members = grown.lines
    printed = figures
    figures, columns = _figure_columns(figures, grown.figure_lines)
    figure_words = [w for j in grown.figure_lines for w in figures[j]]
    label_frags: list[_Fragment] = []
    header_frags: list[_Fragment] = []
    for j in members:
        a, b = _fragments(lines, printed, j, grown)
        label_frags += a
        header_frags += b
    label_cells = _cells(label_frags, lines)
    header_cells = _cells(header_frags, lines)

    # rows: every figure line, then rows of cells that hold no figure line
    anchors = {j: _Row(lines[j].page, _middle(figures[j])) for j in grown.figure_lines}
    free: list[tuple[_Cell, bool]] = []
    for cell, is_label in [(c, True) for c in label_cells] + [(c, False) for c in header_cells]:
        hit = _anchors_of(cell, anchors, lines)
        if hit:
            for j in hit:
                (anchors[j].labels if is_label else anchors[j].headers).append(cell)
        else:
            free.append((cell, is_label))
    rows = list(anchors.items())
    extra: list[_Row] = []
    for cell, is_label in sorted(free, key=lambda f: (lines[f[0].parts[0].line].page, _cell_middle(f[0]))):
        page = lines[cell.parts[0].line].page
        middle = _cell_middle(cell)
        row = extra[-1] if extra and extra[-1].page == page and abs(extra[-1].y - middle) <= ROW * cell.parts[0].size else None
        if row is None:
            row = _Row(page, middle)
            extra.append(row)
        (row.labels if is_label else row.headers).append(cell)
    ordered = sorted([(r.page, r.y, j, r) for j, r in rows] + [(r.page, r.y, -1, r) for r in extra], key=lambda t: t[:2])

    first = min((r.page, r.y) for r in anchors.values())
    columns = _with_blank_columns(columns, [c for *_, r in ordered if (r.page, r.y) < first for c in r.headers])
    width = max((len(r.labels) for *_, r in ordered), default=0)
    spans = _cell_spans(columns, figure_words, grown.label_end, [r.headers for *_, r in ordered])
    grid: list[list[str]] = []
    for _, _, j, row in ordered:
        labels = [c.text for c in sorted(row.labels, key=lambda c: c.x0)]
        cells = [""] * (width - len(labels)) + labels + [""] * len(columns)
        for cell in row.headers:
            for k in _covered(cell.x0, cell.x1, spans):
                cells[width + k] = cells[width + k] or cell.text
        if j >= 0:
            for w in figures[j]:
                k = next((k for k, (a, b) in enumerate(columns) if a <= w.x0 and w.x1 <= b), None)
                if k is not None:
                    cells[width + k] = f"{cells[width + k]} {w.text}".strip()
        if any(c.strip() for c in cells):
            grid.append(cells)
    return grid


@dataclass
class _Row:
    page: int
    y: float
    labels: list[_Cell] = field(default_factory=list)
    headers: list[_Cell] = field(default_factory=list)


def _middle(words: list[Word]) -> float:
    return statistics.median(w.middle for w in words)


def _cell_middle(cell: _Cell) -> float:
    return (cell.top + cell.bottom) / 2


def _anchors_of(cell: _Cell, anchors: dict[int, _Row], lines: Sequence[TextLine]) -> list[int]:
    """The figure lines a cell belongs to: those it has a line on, and those beside its text."""
    page = lines[cell.parts[0].line].page
    own = [p.line for p in cell.parts if p.line in anchors]
    inside = [j for j, r in anchors.items() if r.page == page and cell.top <= r.y <= cell.bottom]
    return sorted(set(own) | set(inside))


def _with_blank_columns(columns: list[tuple[float, float]], headers: list[_Cell]) -> list[tuple[float, float]]:
    """The figure columns and the columns only a header names: a column blank in every row (科研机构 of a table
    whose research institutes made no request) has no figure to show where it is, only its header.

    A header above the first figure line that lies over no figure column and over no two narrower headers (法人或其他
    组织 over 商业企业, 科研机构 … is a group's), clear of the figure columns by more than half the distance between
    two columns, is such a column; headers that lie over one place are one column. The distance between two columns
    is the narrowest between figure columns, or, when the figure columns lie far apart (a table whose only figures
    stand under 自然人 and 总计), the usual distance between these headers.
    """
    if not columns or not headers:
        return columns
    middles = [(a + b) / 2 for a, b in columns]
    gap = min((q - p for p, q in zip(middles, middles[1:])), default=float("inf"))
    leaves: list[_Cell] = []
    for cell in sorted(headers, key=lambda c: c.x0):
        if any(min(b, cell.x1) - max(a, cell.x0) > 0 for a, b in columns):
            continue
        under = {round(c.x0) for c in headers if c is not cell and c.x1 - c.x0 < cell.x1 - cell.x0
                 and min(c.x1, cell.x1) - max(c.x0, cell.x0) > TOLERANCE}
        if len(under) < 2:
            leaves.append(cell)
    places: list[list[float]] = []  # leaves that lie over one another (商业 / 企业): one place
    for cell in leaves:
        if places and min(places[-1][1], cell.x1) - max(places[-1][0], cell.x0) > 0:
            places[-1] = [min(places[-1][0], cell.x0), max(places[-1][1], cell.x1)]
        else:
            places.append([cell.x0, cell.x1])
    if len(places) >= 3:
        at = [(a + b) / 2 for a, b in places]
        gap = min(gap, statistics.median(q - p for p, q in zip(at, at[1:])))
    extra: list[list[float]] = []
    for cell in leaves:
        middle = (cell.x0 + cell.x1) / 2
        if any(abs(middle - m) <= gap / 2 for m in middles):
            continue
        if extra and abs(middle - (extra[-1][0] + extra[-1][1]) / 2) <= gap / 2:
            extra[-1] = [min(extra[-1][0], cell.x0), max(extra[-1][1], cell.x1)]
        else:
            extra.append([cell.x0, cell.x1])
    return sorted(columns + [(a, b) for a, b in extra])


def _spread(columns: list[tuple[float, float]], words: list[Word]) -> dict[str, float]:
    """How far apart the figures of each column lie on their left edges, right edges and middles (summed)."""
    spread = {"left": 0.0, "right": 0.0, "center": 0.0}
    for a, b in columns:
        mine = [w for w in words if a <= w.x0 and w.x1 <= b]
        if len({round(w.x1 - w.x0) for w in mine}) < 2:
            continue
        spread["left"] += max(w.x0 for w in mine) - min(w.x0 for w in mine)
        spread["right"] += max(w.x1 for w in mine) - min(w.x1 for w in mine)
        spread["center"] += max((w.x0 + w.x1) / 2 for w in mine) - min((w.x0 + w.x1) / 2 for w in mine)
    return spread


def _alignment(columns: list[tuple[float, float]], words: list[Word]) -> str | None:
    """How the figures sit in their cells (left, right, center), or None when their widths cannot tell."""
    spread = _spread(columns, words)
    if max(spread.values()) - min(spread.values()) <= TOLERANCE:
        return None
    return min(spread, key=lambda k: spread[k])


def _cell_spans(columns: list[tuple[float, float]], words: list[Word], start: float,
                header_rows: list[list[_Cell]]) -> list[tuple[float, float]]:
    """Where each figure column's cells lie across the page, from how its figures are aligned.

    Figures of different widths line up on their left edges, right edges or middles; the cells run from one
    column's aligned edge to the next's (left), from the previous column's right edge to this one's (right),
    or between the midpoints of the middles (centred). A header over a column is placed by these spans, so a
    header set left in its cell finds the column of figures set right in theirs. When the figures cannot tell
    (all of one width), the alignment whose spans put two headers of a row in one column least often.
    """
    spread = _spread(columns, words)
    inf = float("inf")
    middles = [(a + b) / 2 for a, b in columns]
    edges = {
        "left": [start] + [a for a, _ in columns[1:]] + [inf],
        "right": [start] + [b for _, b in columns[:-1]] + [inf],
        "center": [start] + [(p + q) / 2 for p, q in zip(middles, middles[1:])] + [inf],
    }
    spans = {k: list(zip(e, e[1:])) for k, e in edges.items()}
    if max(spread.values()) - min(spread.values()) > TOLERANCE:
        return spans[min(spread, key=lambda k: spread[k])]

    def collisions(align: str) -> int:
        count = 0
        for row in header_rows:
            taken: list[int] = []
            for cell in row:
                taken += _covered(cell.x0, cell.x1, spans[align])
            count += len(taken) - len(set(taken))
        return count

    return spans[min(("left", "center", "right"), key=collisions)]


def _covered(x0: float, x1: float, spans: list[tuple[float, float]]) -> list[int]:
    """The columns a piece of header text from x0 to x1 lies over: those holding a good part of it."""
    width = max(x1 - x0, 1.0)
    overlaps = [max(0.0, min(b, x1) - max(a, x0)) for a, b in spans]
    hit = [k for k, o in enumerate(overlaps) if o >= 0.3 * width]
    return hit or [max(range(len(spans)), key=lambda k: overlaps[k])]
