"""Space-aligned tables (what PDF-to-text -layout writes): cells of a row and long row labels wrapped round their figures.

Columns are aligned by runs of spaces, so a cell is text between two or more spaces (figures a single space apart
too), and empty cells leave no trace. A long row label that wrapped over several lines with its figures beside
one of them is put back on one line, when the joined label names a template row that takes that many figures.
"""

from __future__ import annotations

import re

from ..template import ACTIVE, ACTIVE_COLUMNS, APPLY, APPLY_COLUMNS, match_label
from ..textnorm import has_han
from .grid import is_group_piece
from .paragraphs import NUMBERING
from .template_rows import FIGURE_TOKEN, FIGURES_LINE, row_fits, template_row, whole_row_label

_SPACED = re.compile(r"[ \u3000]{2,}")


def spaced_labels_whole(lines: list[str]) -> list[str]:
    """A long row label that PDF-to-text -layout wrapped over several lines, its figures beside one of them, as one
    line (其他对外管理服务事项（指… / …行政强  117  0  165 / 制、行政检查…） -> the label, then 117 0 165), when the
    lines joined name a template row that takes that many figures and the line's own text names none."""
    lines = _amounts_wrapped_round_rows(lines)
    out: list[str] = []
    i = 0
    while i < len(lines):
        cells = spaced_cells(lines[i]) if "\t" not in lines[i] and "|" not in lines[i] else []
        single = len(cells) <= 1
        if single:
            cells = _single_spaced(lines[i])
        if len(cells) < 2 or not has_han(cells[0]) or not all(FIGURE_TOKEN.match(c) for c in cells[1:]) \
                or template_row(cells[0]) is not None:
            split = _figures_over_two_lines(lines, i, cells)
            if split is not None:
                out += split
                i += 2
                continue
            round_label = _label_round_figures(out, lines, i, cells)
            if round_label is not None:
                out, tail = round_label
                out += tail
                i += 2
                continue
            out.append(lines[i])
            i += 1
            continue
        before, first = 0, False
        while before < 3 and before < len(out) and _label_piece(out[-1 - before]):
            before += 1
            first = bool(single and NUMBERING.match(out[-before]))
            if first:
                break  # the label's first line: what stands above it (a heading) is no part of it
        if single and not first and before < 3 and before < len(out) and _numbered_piece(out[-1 - before]):
            before += 1  # the label's first line, its item number (5.要求行政机关确认或重新出具) a digit of its own
        after = 0
        while after < 3 and i + 1 + after < len(lines) and _label_piece(lines[i + 1 + after]) \
                and not NUMBERING.match(lines[i + 1 + after]) \
                and not _starts_row(lines[i + 1 + after]):  # （六）其 / 规范性文件（… start the next label
            after += 1
        under = _row_under_group_piece(out, lines, i, cells)
        if under is not None:  # a group piece beside the label's pieces: never part of the joined label
            out, tail, used = under
            out += tail
            i += 1 + used
            continue
        found = next(((b, a) for b in range(before, -1, -1) for a in range(after, -1, -1) if b + a and row_fits(
            "".join([t.strip() for t in out[len(out) - b:]] + [cells[0]] + [t.strip() for t in lines[i + 1:i + 1 + a]]),
            cells[1:])), None)
        if found is None:
            beside = _row_beside_group_piece(out, lines, i, cells) if is_group_piece(cells[0]) else None
            if beside is None:
                out.append(lines[i])
                i += 1
                continue
            out, tail, used = beside
            out += tail
            i += 1 + used
            continue
        b, a = found
        label = "".join([t.strip() for t in out[len(out) - b:]] + [cells[0]] + [t.strip() for t in lines[i + 1:i + 1 + a]])
        del out[len(out) - b:]
        out.append(label + " " + " ".join(cells[1:]))
        i += 1 + a
    return out


_CELL_RUN = re.compile(r"\S+(?: \S+)*")  # a cell of a space-aligned line (words a single space apart) and its column


def _piece_right_of(line: str, col: int) -> tuple[str, str] | None:
    """The last cell of a line of words when it starts right of column `col` (a wrapped row label's piece beside a
    group label's), and the line without it; None for a line with figures (a leading 3. is numbering)."""
    at = [(m.start(), m.group()) for m in _CELL_RUN.finditer(line)] if "\t" not in line and "|" not in line else []
    if not at or at[-1][0] <= col + 1:
        return None
    start, text = at[-1]
    rest = line[:start]
    if any(ch.isdigit() for ch in rest + NUMBERING.sub("", text)):
        return None
    return text, rest.rstrip()


def _row_beside_group_piece(out: list[str], lines: list[str], i: int, cells: list[str]) -> tuple[list[str], list[str], int] | None:
    """PDF-to-text -layout: a row's figures on the line of a piece of its group's label (（三）不予公  0  0 …), the row's
    own label wrapped above and below it further right (3.危及“三安全一稳 / 定”). Returns `out` without the label's
    pieces above, the lines to add (the group piece, the row, the rest of the lines below) and how many lines below
    were used; None when the pieces around name no row that takes the figures."""
    col = lines[i].index(cells[0])
    above: list[tuple[int, str, str]] = []
    while len(above) < 3 and len(out) > len(above):
        got = _piece_right_of(out[-1 - len(above)], col)
        if got is None:
            break
        above.insert(0, (len(out) - 1 - len(above), *got))
        if NUMBERING.match(got[0]):
            break  # the label's first line
    below: list[tuple[int, str, str]] = []
    while len(below) < 2 and i + 1 + len(below) < len(lines):
        got = _piece_right_of(lines[i + 1 + len(below)], col)
        if got is None or NUMBERING.match(got[0]):
            break
        below.append((i + 1 + len(below), *got))
    for b in range(len(above), -1, -1):
        for a in range(len(below), -1, -1):
            label = "".join(t for _, t, _ in above[len(above) - b:]) + "".join(t for _, t, _ in below[:a])
            if not (a + b) or not row_fits(label, cells[1:]):
                continue
            kept = list(out)
            for at, _, rest in reversed(above[len(above) - b:]):
                if rest.strip():
                    kept[at] = rest
                else:
                    del kept[at]
            tail = [" " * col + cells[0], label + "  " + "  ".join(cells[1:])] + [rest for _, _, rest in below[:a] if rest.strip()]
            return kept, tail, a
    return None


def _row_under_group_piece(out: list[str], lines: list[str], i: int, cells: list[str]) -> tuple[list[str], list[str], int] | None:
    """PDF-to-text -layout: a row label wrapped over several lines, its figures beside a middle piece, and a piece of
    the group cell left of the label's first line (办理结果    （二）部分公开（区分处理 / 的，只计这一情形，不计其他  3  1 …
    / 情形）). Each piece is the last cell of its line; what stands left of it (the group piece) stays a line of its
    own. Returns `out` without the pieces above, the lines to add and how many lines below were used; None unless
    the pieces make a whole row label (its remark aside) whose table takes these figures."""
    above: list[tuple[str, str]] = []
    while len(above) < 3 and len(out) > len(above):
        got = _last_cell(out[-1 - len(above)])
        if got is None:
            break
        above.insert(0, got)
        if NUMBERING.match(got[0]):
            break  # the label's first line
    below: list[tuple[str, str]] = []
    while len(below) < 3 and i + 1 + len(below) < len(lines):
        got = _last_cell(lines[i + 1 + len(below)])
        if got is None or NUMBERING.match(got[0]) or template_row(got[0]) is not None:
            break
        below.append(got)
    if not any(rest.strip() for _, rest in above + below):
        return None  # no group piece beside the label: the plain joining above has tried these lines
    middles = [(cells[0], "")]
    left = "".join(rest.strip() for _, rest in above)
    if left and len(cells[0]) <= 2 and (is_group_piece(left + cells[0]) or _group_label(left + cells[0])):
        middles.insert(0, ("", cells[0]))  # 不予处 / 理: the figures' line starts with the group's last piece
    for middle in middles:
        for b in range(len(above), 0, -1):
            for a in range(len(below), -1, -1):
                pieces = above[len(above) - b:] + [middle] + below[:a]
                label = "".join(t for t, _ in pieces)
                if row_fits(label, cells[1:]) and whole_row_label(_label_without_remark(label)):
                    tail = [rest for _, rest in above[len(above) - b:] + [middle] if rest.strip()]
                    tail.append(label + "  " + "  ".join(cells[1:]))
                    return out[:len(out) - b], tail + [rest for _, rest in below[:a] if rest.strip()], a
    return None


def _group_label(text: str) -> bool:
    """`text` is a whole table-3 group label (不予处理, （五）不予处理)."""
    lab = match_label(text, ("group",))
    return lab is not None and lab.kind == APPLY


def _label_round_figures(out: list[str], lines: list[str], i: int, cells: list[str]) -> tuple[list[str], list[str]] | None:
    """PDF-to-text -layout: a row's figures on a line of their own, its label wrapped above and below them, each piece the
    last cell of its line (理结果    （二）部分公开（区分处理的，只计这一情 / 0  0  0  0  0  0  0 / 形，不计其他情形）; a
    group label's piece on the left, 理结果 or 开, stays a line of its own). Returns `out` without the piece above and
    the lines to add (the rest of both lines, the row); None unless the two pieces joined are a whole row label that
    takes these figures and the piece above is not one already (or its remark's bracket is left open)."""
    if len(cells) < 2 or not all(FIGURE_TOKEN.match(c) for c in cells) or not out or i + 1 >= len(lines):
        return None
    above, below = _last_cell(out[-1]), _last_cell(lines[i + 1])
    if above is None or below is None or NUMBERING.match(below[0]) or template_row(below[0]) is not None:
        return None
    label = above[0] + below[0]
    if not row_fits(label, cells) or not whole_row_label(_label_without_remark(label)):
        return None
    opened = above[0].count("（") + above[0].count("(") > above[0].count("）") + above[0].count(")")
    if not opened and whole_row_label(_label_without_remark(above[0])):
        return None  # the piece above is a whole label: the line below is no part of it
    tail = [t for t in (above[1], below[1]) if t.strip()] + [label + "  " + "  ".join(cells)]
    return out[:-1], tail


_FIGURE_AT = re.compile(r"(?<!\S)\S+(?=\s|$)")


def _figure_starts(line: str, n: int) -> list[int]:
    """Where the last `n` cells of a line (its figures) start."""
    return [m.start() for m in _FIGURE_AT.finditer(line.rstrip())][-n:] if n else []


_AMOUNT = re.compile(r"^\d[\d,.]*$")
_MONEY_UNIT = re.compile(r"^(?:万元|元)$")


def _amounts_wrapped_round_rows(lines: list[str]) -> list[str]:
    """PDF-to-text -layout: a money amount that wrapped in its cell round its row's line, the figure above and the
    unit below (3405820 / 政府集中采购  21 / 元), put back as the row's last cell (政府集中采购  21  3405820元), when
    the row's template columns end in an amount and it lacks just that one (采购总金额 after 采购项目数量; 本年收费金额)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if 0 < i < len(lines) - 1 and out and _AMOUNT.match(out[-1].strip()) and _MONEY_UNIT.match(lines[i + 1].strip()):
            cells = spaced_cells(lines[i]) if "\t" not in lines[i] and "|" not in lines[i] else []
            lab = template_row(cells[0]) if cells and has_han(cells[0]) else None
            if lab is not None and lab.kind == ACTIVE and all(FIGURE_TOKEN.match(c) for c in cells[1:]) and any(
                    cols and cols[-1].startswith("amount_") and len(cols) == len(cells)
                    for cols in (ACTIVE_COLUMNS[t].get(lab.key, ()) for t in ACTIVE_COLUMNS)):
                out[-1] = lines[i].rstrip() + "  " + out[-1].strip() + lines[i + 1].strip()
                i += 2
                continue
        out.append(lines[i])
        i += 1
    return out


def _figures_over_two_lines(lines: list[str], i: int, cells: list[str]) -> list[str] | None:
    """PDF-to-text -layout: a table-3 row whose figures are split between the two lines of its wrapped label (办理结果
    （二）部分公开（区分处理的，只计这 0 0 0 0 / 一情形，不计其他情形）   0   0 0), the second line's figures right of
    the first's: the group piece as a line of its own, then the row, label joined, its seven figures in order. Only
    when the pieces joined are a whole row label of table 3 and the figures together are its seven."""
    if len(cells) < 2 or i + 1 >= len(lines) or not all(FIGURE_TOKEN.match(c) for c in cells[1:]):
        return None
    nxt = _single_spaced(lines[i + 1])
    if len(nxt) < 2 or not all(FIGURE_TOKEN.match(c) for c in nxt[1:]) or NUMBERING.match(nxt[0]) \
            or template_row(nxt[0]) is not None:
        return None
    first, second = cells[1:], nxt[1:]
    head = _last_cell(cells[0])
    if head is None:
        return None
    label, rest = head
    below = _last_cell(nxt[0])  # 办理结果    这一情形，…: the group's piece beside it stays apart too
    if below is None:
        return None
    piece, rest_below = below
    joined = label + piece
    found = template_row(joined)
    if found is None or found.kind != APPLY or len(first) + len(second) != 7 \
            or not whole_row_label(_label_without_remark(joined)):
        return None
    if min(_figure_starts(lines[i + 1], len(second))) <= max(_figure_starts(lines[i], len(first))):
        return None  # the second line's figures do not stand right of the first's: their order is not known
    return [t for t in (rest, rest_below) if t.strip()] + [joined + "  " + "  ".join(first + second)]


def _last_cell(line: str) -> tuple[str, str] | None:
    """The last cell of a line of words (no figure but a leading numbering) and the line before it. A group piece a
    single space before a numbered label (不予处 4.无正当理由大量反复) is two cells."""
    at = [(m.start(), m.group()) for m in _CELL_RUN.finditer(line)] if "\t" not in line and "|" not in line else []
    if not at:
        return None
    start, text = at[-1]
    left, sep, right = text.partition(" ")
    if sep and NUMBERING.match(right) and is_group_piece(left):
        start, text = start + len(left) + 1, right
    rest = line[:start].rstrip()
    if any(ch.isdigit() for ch in rest + NUMBERING.sub("", text)):
        return None
    return text, rest


def _label_without_remark(label: str) -> str:
    """（二）部分公开（区分处理的，…） -> （二）部分公开: a row label's remark in brackets off."""
    return re.sub(r"[（(][^（()）]*[)）]$", "", label)


def _single_spaced(line: str) -> list[str]:
    """The rest of a wrapped label and its figures one space apart (pypdfium2's text: 已获取信息 5 0 0 0 0 0 5), as
    cells; [] for anything else."""
    m = FIGURES_LINE.match(line.strip()) if "\t" not in line and "|" not in line else None
    return [m.group(1).strip()] + m.group(2).split() if m and not any(ch.isdigit() for ch in m.group(1)) else []


def _numbered_piece(line: str) -> bool:
    """A label's first line that starts with its item number (5.要求行政机关确认或重新出具), no other digit in it."""
    text = line.strip()
    return bool(NUMBERING.match(text)) and _label_piece(NUMBERING.sub("", text, count=1))


def _starts_row(line: str) -> bool:
    """A line that begins a template row's own label (规范性文件（说明…), so starts the next row, not a wrapped piece."""
    text = line.strip()
    found = template_row(text)
    return found is not None and any(text.startswith(alt) for alt in found.alts)


def _label_piece(line: str) -> bool:
    """A line that may be a piece of a wrapped label: text, no figure, no cell separator."""
    return bool(line.strip()) and "\t" not in line and "|" not in line and not any(ch.isdigit() for ch in line)


_CLAUSE_END = re.compile("[，。；,;]$|。")


def spaced_cells(line: str) -> list[str]:
    """Cells of a space-aligned table row, or [] for prose that merely holds double spaces."""
    cells = _SPACED.split(line.strip())
    if any(_CLAUSE_END.search(c) for c in cells):
        return []
    if len(cells) < 2:
        return cells
    # figures a single space apart are cells too (0  0 0   0: PDF-to-text keeps the columns' gaps only roughly)
    cells = [t for c in cells for t in (c.split() if len(c.split()) > 1 and all(map(FIGURE_TOKEN.match, c.split())) else [c])]
    return _figure_off_label(cells)


def _figure_off_label(cells: list[str]) -> list[str]:
    """A row's first figure cut off the label it touches: a label that fills its column leaves PDF-to-text one
    space before the figure (``1.属于国家秘密 0   0   0`` -> ``1.属于国家秘密 | 0 | 0 | 0``), when every cell after
    the label is a figure; the label itself holds no figure at its end (规章 0 keeps its 0 apart anyway)."""
    at = next((i for i in range(len(cells) - 1, -1, -1) if not FIGURE_TOKEN.match(cells[i])), None)
    if at is None or at == len(cells) - 1:
        return cells
    head, _, tail = cells[at].rpartition(" ")
    if not head.strip() or not has_han(head) or not FIGURE_TOKEN.match(tail) or tail in ("-", "—", "/", "无"):
        return cells
    if FIGURE_TOKEN.match(head.split()[-1]):
        return cells  # two figures in the text cell: no label's end
    return cells[:at] + [head.rstrip(), tail] + cells[at + 1:]


_WORD = re.compile(r"\S+(?: \S+)*")  # a cell of a header line (words a single space apart) and where it starts
_POS_TOL = 1  # characters: a figure this close to a header cell's start stands under it
_NONSPACE = re.compile(r"\S+")


def spaced_rows(lines: list[str]) -> list[list[str]]:
    """The cells of a space-aligned table's lines (`spaced_cells`); a line of figures alone right under header lines
    of words that agree on one set of columns (table 4's 结果 / 维持 … a word a column) keeps each figure in the
    column it stands under, the columns between blank: PDF-to-text -layout writes a blank cell as spaces only
    (5              2    7: 5 _ _ 2 7). A line that does not line up so is left as `spaced_cells` reads it."""
    rows: list[list[str]] = []
    header: list[str] = []  # the header lines right above
    for line in lines:
        if not line.strip():
            continue
        cells = spaced_cells(line)
        if cells and all(FIGURE_TOKEN.match(c) for c in cells):
            placed = _under_columns(header, line) if header else None
            rows.append(placed if placed is not None else cells)
            header = []
            continue
        header = header + [line] if _header_line(line) else []
        rows.append(cells)
    return rows


def _under_columns(header: list[str], line: str) -> list[str] | None:
    """The figures of `line` in the columns of the header lines above, blanks between; None unless the header lines
    agree on their columns (as many as the widest line has cells) and every figure starts at one of them."""
    starts = _column_starts(header, _WORD)
    widest = max((len(_WORD.findall(h)) for h in header), default=0)
    figures = [(m.start(), m.group()) for m in re.finditer(r"\S+", line)]
    if widest < 3 or len(starts) != widest or len(figures) >= widest:
        return None
    out = _cells_at(starts, figures, unique=False)
    while out and not out[-1]:
        out.pop()
    return out


def _column_starts(header: list[str], word: re.Pattern[str], after: int = -1) -> list[int]:
    """Where the header lines' columns start (a word's start, right of `after`), one start for words within
    `_POS_TOL` of each other, left to right."""
    starts: list[int] = []
    for h in header:
        for m in word.finditer(h):
            if m.start() > after and not any(abs(m.start() - y) <= _POS_TOL for y in starts):
                starts.append(m.start())
    return sorted(starts)


def _cells_at(starts: list[int], figures: list[tuple[int, str]], unique: bool) -> list[str] | None:
    """Each (position, figure) in the column it starts under, the other cells blank; None when a figure stands
    under no column (or, `unique`, near two), or out of order."""
    out = [""] * len(starts)
    last = -1
    for x, figure in figures:
        near = [i for i, y in enumerate(starts) if abs(x - y) <= _POS_TOL]
        at = near[0] if near and (len(near) == 1 or not unique) else None
        if at is None or at <= last:
            return None
        out[at], last = figure, at
    return out


def _header_line(line: str) -> bool:
    """A line of a table's header as PDF-to-text -layout writes it: words (no figures) that name no template row."""
    words = _WORD.findall(line)
    return bool(words) and not any(ch.isdigit() for ch in line) \
        and all(template_row(w) is None or match_label(w, ("col", "head")) is not None for w in words)


def applicant_rows_at_columns(lines: list[str]) -> list[str]:
    """Table-3 rows of -layout text printed with fewer figures than seven (一、本年新收…   1        1) as tab-separated
    rows of their label and seven cells, blanks where no figure stands (`_applicant_row_under_columns`), by the
    header lines of the table above; every other line as it is. Read a second way too: the headings that span
    columns (申请人情况, 法人或其他组织) set aside, only rows whose label starts the line, and the whole rows of seven
    figures next to a placed row tab-separated like it, so that the table stays one (`_whole_rows_beside`); that
    reading is taken unless a row below the placed ones holds figures it leaves as they are (the table would part)."""
    placed, placed_at = _placed_rows(lines, spanning=False)
    if placed_at and not _figures_left_unplaced(placed, placed_at[-1] + 1):
        return _whole_rows_beside(placed, placed_at)
    return _placed_rows(lines, spanning=True)[0]


def _placed_rows(lines: list[str], spanning: bool) -> tuple[list[str], list[int]]:
    """`lines` with the short table-3 rows placed under the header lines above, and where they are."""
    out: list[str] = []
    header: list[str] = []  # the header lines right above
    applicants: list[str] = []  # the last run of header lines
    placed_at: list[int] = []
    for line in lines:
        if not line.strip():
            out.append(line)
            continue
        if _header_line(line):
            header.append(line)
            out.append(line)
            continue
        applicants, header = header or applicants, []
        placed = _applicant_row_under_columns(applicants, line, spaced_cells(line), spanning) if applicants else None
        if placed is not None:
            placed_at.append(len(out))
        out.append("\t".join(placed) if placed is not None else line)
    return out, placed_at


_TABLE4_HEADING = re.compile(r"^\s*四\s*、.*(?:复议|诉讼)")


def _figures_left_unplaced(lines: list[str], start: int) -> bool:
    """Whether a line from `start` to table 4's heading holds figures in a row neither placed nor whole (a row under a
    group label, 三、本年度办理结果 （一）予以公开  7  7): tab rows above it and spaced rows below would part its table."""
    for line in lines[start:]:
        if _TABLE4_HEADING.match(line):
            return False
        if "\t" in line or not line.strip() or _whole_applicant_row(line) is not None:
            continue
        if any(FIGURE_TOKEN.match(c) for c in spaced_cells(line)[1:]) or FIGURE_TOKEN.match(line.strip()):
            return True
    return False


def _whole_rows_beside(lines: list[str], placed_at: list[int]) -> list[str]:
    """`lines` with each whole table-3 row (its label and seven figures) that stands next to a placed row (blank
    lines and other whole rows between) tab-separated like it: a run of tab rows and a run of spaced ones would
    part one table in two, and a short row alone no longer says which table it ends."""
    out = list(lines)
    for at in placed_at:
        for step in (-1, 1):
            i = at + step
            while 0 <= i < len(out):
                if out[i].strip() and "\t" not in out[i]:
                    cells = _whole_applicant_row(out[i])
                    if cells is None:
                        break
                    out[i] = "\t".join(cells)
                elif out[i].strip() and i not in placed_at:
                    break
                i += step
    return out


def _whole_applicant_row(line: str) -> list[str] | None:
    """The label and seven figures of a whole table-3 row written with spaces, or None."""
    cells = spaced_cells(line)
    if len(cells) != len(APPLY_COLUMNS) + 1 or not all(FIGURE_TOKEN.match(c) for c in cells[1:]):
        return None
    lab = template_row(cells[0])
    return cells if lab is not None and lab.kind == APPLY else None


def _applicant_row_under_columns(header: list[str], line: str, cells: list[str], spanning: bool = True) -> list[str] | None:
    """A table-3 row printed with fewer figures than its seven columns (一、本年新收…   1        1: its blank cells
    left as spaces) as its label and seven cells, each figure in the column it stands under, the others blank; None
    unless the header lines above start exactly seven columns right of the label (words of the first column's note,
    which start left of the label's end, set aside) and every figure starts at one of them and no other, in order. A row whose
    figures do not line up so is left as `spaced_cells` reads it (its blanks then unplaced: absent, not guessed)."""
    if len(cells) < 2 or not all(FIGURE_TOKEN.match(c) for c in cells[1:]) or len(cells) - 1 >= len(APPLY_COLUMNS):
        return None
    lab = template_row(cells[0])
    if lab is None or lab.kind != APPLY or (not spanning and line.lstrip("\f").index(cells[0]) > 0):
        return None  # (read without spanning headings) a label indented under its group's: figures need not line up
    label_end = line.index(cells[0]) + len(cells[0])
    heads = header if spanning else [_without_spanning_headings(h) for h in header]
    starts = _column_starts(heads, _NONSPACE, after=label_end)
    if len(starts) != len(APPLY_COLUMNS):
        return None
    figures = [(label_end + m.start(), m.group()) for m in _NONSPACE.finditer(line[label_end:])]
    out = _cells_at(starts, figures, unique=True)  # between two columns: neither is sure
    return [cells[0], *out] if out is not None else None


def _without_spanning_headings(line: str) -> str:
    """A header line with the headings that span several columns (申请人情况, 法人或其他组织) blanked out: a layout
    tool puts them where it likes, over no column of their own."""
    return _NONSPACE.sub(lambda m: " " * len(m.group()) if _spanning_heading(m.group()) else m.group(), line)


def _spanning_heading(word: str) -> bool:
    lab = match_label(word, ("head",), (APPLY,))
    return lab is not None and lab.key is None


def spaced_continues(line: str) -> bool:
    """A line that continues a space-aligned table: two or more cells (规章  0  0  0, 行政许可  603)."""
    return len(spaced_cells(line)) >= 2
