"""Table rows that a text layout spread over several lines, back to one line a row before tables are read.

Tables drawn with characters (``+----+``, box drawing), a cell a line with a lone ``|`` after each cell or a
row's closing pipe on its own line, a browser's copy whose cells hold paragraphs between tab-only lines, and
header cells broken at each line break (``本年新`` / ``制作数量``) are each put back in the one-row-a-line form
that `text` reads (pipes or tabs). Only layout is undone here; what the cells mean is the mapper's.
"""

from __future__ import annotations

import re

from ..template import match_label

def join_broken_headers(lines: list[str], table_lines: set[int], sep: str, stop=None) -> tuple[list[str], set[int]]:
    """A header row broken at each line break inside its cells, whole again; the lines that are table rows after.

    ``信息内容| 本年新`` / ``制作数量| 本年新`` / ``公开数量| 对外公开总数量`` (html2text, `sep` ``|``) or the same with
    tabs (a browser's copy of ``本年新<br>制作数量``): consecutive table lines (all but the last holding a `sep`)
    are one row when joined they name three or more of the templates' columns, more than any shorter join,
    and have as many cells as the row after them or the table's fullest row. `stop(line)`: a line that is no
    piece of a row (a markdown separator row).
    """
    def inner(line: str) -> str:
        return line.strip().strip("|") if sep == "|" else line.strip("\n")

    def seps(line: str) -> int:
        return inner(line).count(sep)

    def columns(line: str) -> int:
        return sum(1 for c in inner(line).split(sep) if c.strip() and match_label(c.strip(), ("col", "head")) is not None)

    def glued(pieces: list[str]) -> str:
        return "".join(p.strip() if sep == "|" else p.strip(" \n") for p in pieces)

    out: list[str] = []
    found: set[int] = set()
    i = 0
    while i < len(lines):
        if i not in table_lines:
            out.append(lines[i])
            i += 1
            continue
        end = i
        while end + 1 in table_lines:
            end += 1
        fullest = max(seps(lines[k]) for k in range(i, end + 1))
        while i <= end:
            best: tuple[int, int] | None = None
            if seps(lines[i]) and columns(lines[i]) < 3:
                for j in range(i + 2, min(i + 6, end + 1) + 1):
                    piece = lines[j - 1]
                    if not seps(lines[j - 2]) or (stop is not None and stop(piece)) or columns(piece) >= 3:
                        break  # only the last piece may hold no separator; a whole header is no piece
                    joined = glued(lines[i:j])
                    if seps(joined) > fullest:
                        break
                    named = columns(joined)
                    after = seps(lines[j]) if j <= end else None
                    if named >= 3 and seps(joined) in (fullest, after) and (best is None or named > best[1]):
                        best = (j, named)
            found.add(len(out))
            if best is not None:
                out.append(glued(lines[i:best[0]]))
                i = best[0]
            else:
                out.append(lines[i])
                i += 1
    return out, found


_CELLS = re.compile(r"\S\t+\S")  # a line of two or more cells a tab apart


def tab_headers_joined(lines: list[str]) -> list[str]:
    """Tab-separated rows (a browser's copy of a table) whose header cells held line breaks, whole again."""
    if not any("\t" in line for line in lines):
        return lines
    lines = [line for i, line in enumerate(lines)  # a blank line between two rows of cells (cells as paragraphs) parts no row
             if line.strip() or "\t" in line or not (0 < i < len(lines) - 1 and _CELLS.search(lines[i - 1])
                                                     and _CELLS.search(lines[i + 1]))]
    rows = {i for i, line in enumerate(lines) if "\t" in line or (i and "\t" in lines[i - 1] and line.strip())}
    return join_broken_headers(lines, rows, "\t")[0]


_BORDER = re.compile(r"^\s*[+\-=─━═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╟╢╤╧╪┏┓┗┛┣┫┳┻╋:|│┃║\s]*[-=─━═]{3,}[+\-=─━═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╟╢╤╧╪┏┓┗┛┣┫┳┻╋:|│┃║\s]*$")
_VERTICAL = str.maketrans({"│": "|", "┃": "|", "║": "|"})


def drawn_tables(lines: list[str]) -> list[str]:
    """Tables drawn with characters (pandoc's grid tables ``+----+`` / ``| 规章 | 0 |``, box drawing ``┌──┬──┐`` /
    ``│规章│0│``) as pipe rows: a border line becomes a separator row, a box's verticals pipes."""
    if not any(_BORDER.match(line) for line in lines) or not any(("|" in line or "│" in line or "┃" in line or "║" in line)
                                                                 and not _BORDER.match(line) for line in lines):
        return lines
    return ["|---|" if _BORDER.match(line) else line.translate(_VERTICAL) for line in lines]


def pipe_lines_between_cells(lines: list[str]) -> list[str]:
    """A table written a cell a line with a line holding only ``|`` after each cell (``规章`` / ``|`` / ``0`` / ``|``),
    as one cell a line: such a pipe marks no row, only the end of a cell. Text with fewer than four such lines (a
    lone pipe between two lines without pipes) is left as it is; a lone pipe next to pipe rows is a row's end."""
    def bare(line: str) -> bool:
        return bool(line.strip()) and "|" not in line

    between = {i for i in range(1, len(lines) - 1)
               if lines[i].strip() == "|" and bare(lines[i - 1]) and bare(lines[i + 1])}
    if len(between) < 4:
        return lines
    return [line for i, line in enumerate(lines) if i not in between]


def pipe_row_ends(lines: list[str]) -> list[str]:
    """A row's closing pipe on a line of its own (``规章 | 0 | 0 | 0`` / ``|``) put back at the row's end."""
    out: list[str] = []
    for line in lines:
        if line.strip() == "|" and out and " | " in out[-1] and not out[-1].rstrip().endswith("|"):
            out[-1] = out[-1].rstrip() + " |"
            continue
        out.append(line)
    return out


def rows_broken_at_blank_cells(lines: list[str]) -> list[str]:
    """Tab-separated rows a browser's copy broke at each blank cell holding only a line break, whole again.

    A cell written ``<td><br></td>`` copies as a line break between its two tabs, so a table-3 row of blank
    applicant cells comes out as ``一、本年新收…数量\t`` / ``\t`` / ``\t`` / … / ``\t0``: a line that ends with a tab
    goes on in the next line when that one starts with a tab. A row whose last cell is blank and a next row
    whose first cell is blank would read the same; tables print no row with an empty first cell.
    """
    out: list[str] = []
    for line in lines:
        if out and out[-1].endswith("\t") and line.startswith("\t") and out[-1].strip():
            out[-1] += line
            continue
        out.append(line)
    return out


def cells_between_tabs(lines: list[str]) -> list[str]:
    """Tables copied from a browser whose cells hold paragraphs, back to one tab-separated line a row.

    Such text puts each cell's paragraph between blank lines and a line holding only a tab between two cells
    of a row (``821`` / `` `` / ``\\t`` / `` `` / ``35``); a cell holding only a no-break space is empty, lines with no
    blank line between them are one cell (a ``<br>`` inside it), and cells with no tab between them are rows
    (or paragraphs) of their own. Lines that end up a row of one cell keep their line breaks: outside the
    tables a browser ends every block (a navigation bar, the title, the date line) with one line break, and
    joined they would glue the page's chrome to its title. Text with fewer than five tab-only lines, or more
    lines of text after a tab than tab-only lines, is left as it is.
    """
    tab_only = sum(1 for line in lines if line.strip() == "" and "\t" in line)
    if tab_only < 5 or tab_only <= sum(1 for line in lines if line.strip() and "\t" in line):
        return lines  # (one cell a line after a tab, as Word copies a table, marks merged cells with a tab alone)
    out: list[str] = []
    row: list[str] = []
    cell: list[str] = []
    lone: list[str] = []  # the lines of the row's first cell, as they were
    after_tab = False

    def end_row() -> None:
        if row:
            out.extend(["\t".join(row), ""] if len(row) > 1 else [*lone, ""])
            row.clear()

    for line in lines:
        if line.strip() or ("\xa0" in line and "\t" not in line):  # a no-break space alone: an empty cell
            if not cell:
                if not after_tab:
                    end_row()
                after_tab = False
            cell.append(line.strip())
            continue
        if cell:
            if not row:
                lone = list(cell)
            row.append("".join(cell))
            cell = []
        if "\t" in line:
            if after_tab:
                row.append("")  # two tabs with nothing but a no-break space between: an empty cell
            after_tab = True
    if cell:
        if not row:
            lone = list(cell)
        row.append("".join(cell))
    end_row()
    return out
