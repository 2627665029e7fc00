"""Plain-text reports: paragraphs, and tables in the layouts real files use.

Text saved from Word or PDF carries its tables in one of three layouts:

* tab-separated rows, one row per line (blank lines may fall inside a table);
* one cell per line, each line starting with a tab, rows separated by blank
  lines (what copying a Word table into a text editor gives);
* markdown pipes (``| a | b |``), with ``|---|`` separator lines;
* columns aligned with runs of spaces (what PDF-to-text converters write):
  a line of three or more cells separated by two or more spaces starts a
  table, and lines of two or more such cells continue it. Empty cells leave
  no trace in this layout, so its rows can be ragged.

Paragraphs wrapped by a PDF converter (a sentence cut at the line end, often
with a blank line after it) are joined again, so that a word such as 信息处理费
is not cut in two.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..blocks import Block, Document, Paragraph, Table
from ..runtogether import apply_cells, has_run_together_table, rebuild
from ..template import (APPEALS, APPLY, APPLY_ROWS, LABELS, columns_hold, label_core, label_parts, match_label, parse_number,
                        template_of_text)
from ..textnorm import has_han, normalize_text
from . import ReadError
from .columns import rows_from_columns
from .crawler import split_header
from .encoding import decode_bytes
from .grid import is_group_piece, is_template_row
from .pipes import is_table, is_trailing_pipe, take_metadata, trailing_pipe_rows

_SPACED = re.compile(r"[ \u3000]{2,}")
_SEPARATOR_CELL = re.compile(r"^[\s\-=:|+_—]*$")
_ONE_CELL_LINE = re.compile(r"^[ \u3000]*\t[^\t]*$")
NUMBERING = re.compile(
    r"^\s*(?:[一二三四五六七八九十百]+[、.．]"
    r"|[（(][一二三四五六七八九十\d]+[)）]"
    r"|\d+[.、．](?!\d)"
    r"|第[一二三四五六七八九十百\d]+[部分章条條节節项項]"
    r"|[①-⑳⑴-⒇])"
)
_SENTENCE_END = "。！？；：!?;…"
_PROSE_PUNCT = re.compile("[，。、；：,;]")
_DATE_LINE = re.compile(
    r"^\s*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日\s*$"
)
_METADATA_LABEL = re.compile(
    r"(?:索\s*引\s*号|发布机构|发文机关|主题分类|体裁分类|成文日期|发布日期|发文日期|公开日期|文\s*号|标\s*题|时\s*效\s*性)\s*[:：]"
)
_BULLET = re.compile(r"^\s*[•·●▪◆]")
_MARKDOWN_BOLD = re.compile(r"\*\*(.+?)\*\*")
_NUMBER_CELL = re.compile(r"^[\s+\-−增减]*[\d０-９][\d,，.．]*\s*(?:元|万元|件|条|个|项)?$")


def read_text(path: Path) -> Document:
    text, encoding = decode_bytes(path.read_bytes())
    if not has_han(text):
        raise ReadError("no Chinese text in the file; is it a report?")
    from .markdown import looks_like_markdown, parse_markdown  # markdown.py builds on this module

    meta, body = split_header(text)
    if meta and "\n" not in body.strip():
        blocks = rebuild(body.strip())
    else:
        blocks = parse_markdown(body) if looks_like_markdown(body) else parse_text(body)
    blocks, box = take_metadata(blocks)  # 索引号 | … | 发布机构 | … rows of a saved page
    return Document(path=path, format="txt", blocks=blocks, encoding=encoding, meta={**box, **meta})


def parse_text(text: str) -> list[Block]:
    """Split decoded text into paragraphs and tables."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = rows_from_columns(_pipe_row_ends(_pipe_lines_between_cells(_drawn_tables(lines))))
    lines = _labels_onto_figures(_tab_headers_joined(_cells_between_tabs(_spaced_labels_whole(lines))))
    blocks: list[Block] = []
    pending: list[str] = []  # paragraph lines, None-separated by blank lines
    i = 0
    while i < len(lines):
        kind = _line_kind(lines[i])
        if kind in ("tab", "pipe", "tpipe", "spaced", "figures"):
            end = _run_end(lines, i, kind)
            table_blocks = _table_blocks(lines[i:end], kind)
            if table_blocks and isinstance(table_blocks[0], Table):
                blocks.extend(_paragraphs(pending))
                pending = []
                blocks.extend(table_blocks)
            else:
                pending.extend(b.text for b in table_blocks)
            i = end
            continue
        if kind == "text" and _is_run_together(lines[i]):
            blocks.extend(_paragraphs(pending))
            pending = []
            blocks.extend(rebuild(lines[i].strip()))
            i += 1
            continue
        pending.append(lines[i])
        i += 1
    blocks.extend(_paragraphs(pending))
    return blocks


_ONE_LINE_BODY = 3000  # no paragraph is that long: a whole body written on one line


def _is_run_together(line: str) -> bool:
    """A line holding a whole body (crawler exports), or tables whose cells ran together."""
    if len(line) > _ONE_LINE_BODY:
        return True
    if len(line) < 200:
        return False
    return has_run_together_table(line)


def _line_kind(line: str) -> str:
    if "\t" in line:
        return "tab"
    stripped = line.strip()
    if not stripped:
        return "blank"
    if stripped.startswith("|") and stripped.count("|") >= 2 and stripped.strip("|"):
        return "pipe"
    if is_trailing_pipe(stripped):
        return "tpipe"
    if len(_spaced_cells(stripped)) >= 3:
        return "spaced"
    if _label_and_figures(stripped):
        return "figures"
    return "text"


_BARE_FIGURES = re.compile(r"^\s*(?:[+\-−]?\d[\d,.]*\s+){2,}[+\-−]?\d[\d,.]*\s*$")  # 1 0 0 0 0 0 1
_FIGURE_TOKEN = re.compile(r"^(?:[+\-−增减]?\d[\d,.]*(?:万元|元)?|—|-|/|无)$")


def _labels_onto_figures(lines: list[str]) -> list[str]:
    """A table written one cell per line without markers (PDF-to-text without layout), put back in rows.

    A row label on its own line(s) and the row's figures on the next line become one line, label then
    figures (``（二）部分公开（区分处理的，只计这一情形，`` / ``不计其他情形）`` / ``1 0 0 0 0 0 1``), when
    the label is one of the national templates' and the number of figures fits its table; three or more
    lines that are each a column label of the templates (信息内容 / 本年制发件数 / …) become one header row.
    """
    out: list[str] = []
    for line in _figure_runs(lines):
        tokens = line.split()
        if tokens and "\t" not in line and all(_FIGURE_TOKEN.match(t) for t in tokens) and _label_above(out, tokens):
            continue
        out.append(line)
    out = _rows_in_template_order(out)
    # a row whose figures' order is in doubt keeps them only when the table's balance proves it
    doubted = {line: unplaced for i, line in enumerate(out) if _SEVEN_FIGURES.search(line) and _under_vertical_header(out, i)
               and (unplaced := _applicants_unplaced(line)) != line}
    if doubted:
        rows = {key: figures for line in out if (got := _apply_row(line)) for key, figures in [got]}
        out = [doubted[line] if line in doubted and not _columns_balance(line, rows) else line for line in out]
    return _header_runs(out)


_LIST_NUMBER = re.compile(r"\d+[.、．](?!\d)")  # 1.属于国家秘密: numbering, no figure
_CONTINUATION = 16  # characters: the rest of a wrapped label (这一情形，不计其他情形）, 禁止公开, 定”, 信息)


def _rows_in_template_order(lines: list[str]) -> list[str]:
    """PDF-to-text without layout of table 3 whose row labels stand away from their figures (二、上年结转… / fourteen
    figures / （二）部分公开… / … / （一）予以公开 / 1.属于国家秘密 0; a row that seemed whole inside it counts as its
    label and figures, since the figures before it may be its own): the rows rebuilt in the template's fixed row order,
    seven figures each, when the labels name a run of consecutive template rows, the figures are exactly seven per
    row, and the order cannot matter or is proven: every figure the same (0 …), or each row adding up to its 总计
    and every column of the whole table balancing (the crawler-export reader's sums, `apply_cells`). Otherwise the
    lines stay as they are (their figures unread)."""
    out = list(lines)
    whole: dict = {}  # the text's template and its whole table-3 rows, found once when first needed
    i = 0
    while i < len(out):
        region = _label_region(out, i, whole)
        if region is None:
            i += 1
            continue
        end, rows, kept = region
        if rows is None:
            i = end
            continue
        out[i:end] = rows + kept  # the region's other text (group labels, the rest of wrapped labels) after its rows
        i += len(kept) + len(rows)
    return out


def _label_region(lines: list[str], start: int, whole: dict) -> tuple[int, list[str] | None, list[str]] | None:
    """The table-3 region of labels and figures from `start` (a row label without its figures): where it ends, its rows
    rebuilt (None when they cannot be) and the region's other text. `whole` caches what is read from all `lines`."""
    if len(lines[start]) > 80 or "。" in lines[start]:
        return None  # prose: no row label starts a region
    first = _region_line(lines[start])
    if first is None or first[0] is None or first[2]:
        return None
    keys: dict[str, str] = {}
    figures: list[str] = []
    kept: list[str] = []
    end = start
    while end < len(lines):
        if not lines[end].strip():
            end += 1
            continue
        got = _region_line(lines[end])
        if got is None:
            break
        key, text, tokens = got
        if key is not None and key not in keys:
            keys[key] = text
        elif text:
            kept.append(text)
        figures += tokens
        end += 1
    if "template" not in whole:
        whole["template"] = template_of_text("\n".join(lines)) or "2021"
    template = whole["template"]
    order = [k for k in APPLY_ROWS[template] if k in keys]
    at = [APPLY_ROWS[template].index(k) for k in order]
    n = len(order)
    if n < 2 or len(figures) != 7 * n or at[-1] - at[0] != n - 1:
        return end, None, kept
    runs = {k: " ".join(figures[7 * r:7 * r + 7]) for r, k in enumerate(order)}
    if len(set(figures)) > 1:
        if "rows" not in whole:
            whole["rows"] = {k: " ".join(map(str, f)) for line in lines if (got := _apply_row(line)) for k, f in [got]}
        others = whole["rows"]
        if not all(k in {**others, **runs} for k in APPLY_ROWS[template]):
            return end, None, kept  # the whole table's sums are needed to prove the order
        cells = apply_cells({**others, **runs}, template)
        if any(c is None for k in order for c in cells[k]):
            return end, None, kept
    return end, [f"{_grouped(keys[k], k)} {runs[k]}" for k in order], kept


def _grouped(label: str, key: str) -> str:
    """A row label that names its row only under its group (3.其他 under （六）其他处理) with the group before it."""
    group = next((lab.needs_group for lab in LABELS if lab.key == key and lab.needs_group), None)
    return f"（六）其他处理 {label}" if group == "other" and "其他处理" not in label else label


def _region_line(line: str) -> tuple[str | None, str, list[str]] | None:
    """A line of a table-3 region: (the row key its text names or None, its text, its figures), or None for a line
    that ends the region (prose, a footer, another table's row)."""
    tokens = line.split()
    n = len(tokens)
    while n and _FIGURE_TOKEN.match(tokens[n - 1]):
        n -= 1
    text, figures = " ".join(tokens[:n]), tokens[n:]
    if "\t" in line or "|" in line or (text and any(ch.isdigit() for ch in _LIST_NUMBER.sub("", text))):
        return None
    if not text:
        return None, "", figures
    whole = match_label(text, ("row", "group"), group="other")
    if (whole is not None and whole.role == "group") or (whole is None and is_group_piece(text)):
        return None, text, figures  # （三）不予公开 is a group, never the row 予以公开
    lab = whole or _template_row(text)
    if lab is not None:
        return (lab.key, text, figures) if lab.kind == APPLY and len(figures) <= 7 else None
    if figures or "。" in text or len(text) > _CONTINUATION or NUMBERING.match(text):
        return None  # prose, or a heading (四、…) after the table
    return None, text, []


_SEVEN_FIGURES = re.compile(r"\S\s+(?:\S+\s+){6}\S+\s*$")  # a label and (at least) seven tokens after it


def _under_vertical_header(lines: list[str], at: int) -> bool:
    """The lines right above line `at` (back to the last line holding a figure) are a header printed a character a
    line (自 / 然 / 人 / 商 / 业 …). PDF-to-text without layout reads the figures of the row under such a header
    into the header's column flows, out of order (1 2 3 4 5 6 7 comes out 1 3 2 4 5 6 7)."""
    near: list[str] = []
    for line in reversed(lines[max(0, at - 40):at]):
        if any(ch.isdigit() for ch in line) or len(near) == 8:
            break
        if line.strip():
            near.append(line.strip())
    return sum(1 for t in near if len(t) == 1 and has_han(t)) >= 3


def _apply_row(line: str) -> tuple[str, list[int]] | None:
    """The table-3 row key and seven figures of a line `label f1 … f7`, or None."""
    tokens = line.split()
    if len(tokens) < 8 or "\t" in line or "|" in line:
        return None
    numbers = [parse_number(f) for f in tokens[-7:]]
    lab = _template_row(" ".join(tokens[:-7]))
    if lab is None or lab.kind != APPLY or None in numbers:
        return None
    return lab.key, [n.value for n in numbers]


def _columns_balance(row: str, table: dict[str, list]) -> bool:
    """The figures of row 一 (or 二) as the text gives them agree, column by column, with the table's own balance
    一 + 二 = （七）总计 + 四、结转下年度继续办理, read from the table's other rows (`table`: key -> figures): the order
    is right after all."""
    found = _apply_row(row)
    if found is None or found[0] not in ("new", "carried_over"):
        return False
    rows = {key: tuple(map(str, figures)) for key, figures in table.items()}
    rows[found[0]] = tuple(map(str, found[1]))
    if not all(k in rows for k in ("new", "carried_over", "total", "carried_forward")):
        return False
    return columns_hold(rows, ())


def _applicants_unplaced(line: str) -> str:
    """A table-3 row whose figures' order cannot be trusted: its six applicant columns left absent (—) unless they
    are all the same figure, its 总计 kept when the six add up to it (then the last figure is 总计 whatever the
    order: the six and 总计 together sum to twice 总计); nothing kept when they do not."""
    tokens = line.split()
    label, figures = " ".join(tokens[:-7]), tokens[-7:]
    lab = _template_row(label) if label else None
    numbers = [parse_number(f) for f in figures]
    if lab is None or lab.kind != APPLY or len(tokens) < 8 or None in numbers:
        return line
    parts = [n.value for n in numbers[:6]]
    if len(set(parts)) == 1 and sum(parts) == numbers[6].value:
        return line
    total = figures[6] if sum(parts) == numbers[6].value and all(p >= 0 for p in parts) else "—"
    return " ".join([label] + ["—"] * 6 + [total])


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


def _tab_headers_joined(lines: list[str]) -> list[str]:
    """Tab-separated rows (a browser's copy of a table) whose header cells held line breaks, whole again."""
    if not any("\t" in line for line in lines):
        return lines
    rows = {i for i, line in enumerate(lines) if "\t" in line or (i and "\t" in lines[i - 1] and line.strip())}
    return join_broken_headers(lines, rows, "\t")[0]


def _spaced_labels_whole(lines: list[str]) -> list[str]:
    """A long row label that PDF-to-text -layout wrapped over several lines, its figures beside one of them, as one
    line (其他对外管理服务事项（指… / …行政强  117  0  165 / 制、行政检查…） -> the label, then 117 0 165), when the
    lines joined name a template row that takes that many figures and the line's own text names none."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        cells = _spaced_cells(lines[i]) if "\t" not in lines[i] and "|" not in lines[i] else []
        if len(cells) < 2 or not has_han(cells[0]) or not all(_FIGURE_TOKEN.match(c) for c in cells[1:]) \
                or _template_row(cells[0]) is not None:
            out.append(lines[i])
            i += 1
            continue
        before = 0
        while before < 3 and before < len(out) and _label_piece(out[-1 - before]):
            before += 1
        after = 0
        while after < 3 and i + 1 + after < len(lines) and _label_piece(lines[i + 1 + after]):
            after += 1
        found = next(((b, a) for b in range(before, -1, -1) for a in range(after, -1, -1) if b + a and _row_fits(
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


_BORDER = re.compile(r"^\s*[+\-=─━═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╟╢╤╧╪┏┓┗┛┣┫┳┻╋:|│┃║\s]*[-=─━═]{3,}[+\-=─━═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╟╢╤╧╪┏┓┗┛┣┫┳┻╋:|│┃║\s]*$")
_VERTICAL = str.maketrans({"│": "|", "┃": "|", "║": "|"})


def _drawn_tables(lines: list[str]) -> list[str]:
    """Tables drawn with characters (pandoc's grid tables ``+----+`` / ``| 规章 | 0 |``, box drawing ``┌──┬──┐`` /
    ``│规章│0│``) as pipe rows: a border line becomes a separator row, a box's verticals pipes."""
    if not any(_BORDER.match(line) for line in lines) or not any(("|" in line or "│" in line or "┃" in line or "║" in line)
                                                                 and not _BORDER.match(line) for line in lines):
        return lines
    return ["|---|" if _BORDER.match(line) else line.translate(_VERTICAL) for line in lines]


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
            if not (a + b) or not _row_fits(label, cells[1:]):
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


def _label_piece(line: str) -> bool:
    """A line that may be a piece of a wrapped label: text, no figure, no cell separator."""
    return bool(line.strip()) and "\t" not in line and "|" not in line and not any(ch.isdigit() for ch in line)


def _pipe_lines_between_cells(lines: list[str]) -> list[str]:
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


def _pipe_row_ends(lines: list[str]) -> list[str]:
    """A row's closing pipe on a line of its own (``规章 | 0 | 0 | 0`` / ``|``) put back at the row's end."""
    out: list[str] = []
    for line in lines:
        if line.strip() == "|" and out and " | " in out[-1] and not out[-1].rstrip().endswith("|"):
            out[-1] = out[-1].rstrip() + " |"
            continue
        out.append(line)
    return out


def _cells_between_tabs(lines: list[str]) -> list[str]:
    """Tables copied from a browser whose cells hold paragraphs, back to one tab-separated line a row.

    Such text puts each cell's paragraph between blank lines and a line holding only a tab between two cells
    of a row (``821`` / `` `` / ``\\t`` / `` `` / ``35``); a cell holding only a no-break space is empty, lines with no
    blank line between them are one cell (a ``<br>`` inside it), and cells with no tab between them are rows
    (or paragraphs) of their own. Text with fewer than five tab-only lines, or more lines of text after a tab
    than tab-only lines, is left as it is.
    """
    tab_only = sum(1 for line in lines if line.strip() == "" and "\t" in line)
    if tab_only < 5 or tab_only <= sum(1 for line in lines if line.strip() and "\t" in line):
        return lines  # (one cell a line after a tab, as Word copies a table, marks merged cells with a tab alone)
    out: list[str] = []
    row: list[str] = []
    cell: list[str] = []
    after_tab = False

    def end_row() -> None:
        if row:
            out.extend(["\t".join(row), ""] if len(row) > 1 else [row[0], ""])
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
            row.append("".join(cell))
            cell = []
        if "\t" in line:
            if after_tab:
                row.append("")  # two tabs with nothing but a no-break space between: an empty cell
            after_tab = True
    if cell:
        row.append("".join(cell))
    end_row()
    return out


def _is_figure_cell(line: str, several: bool = False) -> bool:
    """A line of one figure; with `several`, also of a few of a row's figures that a PDF-to-text tool put on one
    line (``13612 252 0``)."""
    tokens = line.split()
    return bool(tokens) and "\t" not in line and len(tokens) <= (4 if several else 1) and \
        all(_FIGURE_TOKEN.match(t) for t in tokens)


def _usual_gap(lines: list[str]) -> int:
    """How many blank lines usually stand between two lines of text (1 when every paragraph is followed by one)."""
    gaps: dict[int, int] = {}
    run = None
    for line in lines:
        if line.strip():
            if run is not None:
                gaps[run] = gaps.get(run, 0) + 1
            run = 0
        elif run is not None:
            run += 1
    return max(gaps, key=gaps.get) if gaps else 0


def _figure_runs(lines: list[str]) -> list[str]:
    """A table's figures written one cell to a line (a saved page's cells as paragraphs): one line of figures.

    Figures on consecutive lines, blank lines between them allowed, become one line right under the line
    before them (``行政许可`` / ``0`` / ``0`` / ``0`` → ``行政许可`` / ``0 0 0``). Where the text puts one blank line
    between any two paragraphs, each further blank line before or between the figures is an empty cell (—),
    kept when the row label above then takes exactly that many figures. Lines of a few figures each (a
    PDF-to-text tool's ``13612 252 0`` / ``45`` / ``128`` / ``32 14069``) join only into a table-3 row whose
    seven figures add up (its six columns to its 总计): such lines can as well hold several rows' figures.
    """
    usual = _usual_gap(lines)
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _is_figure_cell(lines[i], several=True):
            out.append(lines[i])
            i += 1
            continue
        lead = 0
        while out and not out[-1].strip():
            out.pop()
            lead += 1
        figures, with_empty, j, several = _figure_run(lines, i, usual, lead, True)
        if several and not _summed_row(out, figures):
            figures, with_empty, j, _ = _figure_run(lines, i, usual, lead, False)
            if not figures:  # a line of several figures on its own: left as it is
                out += [""] * lead + [lines[i]]
                i += 1
                continue
        if len(with_empty) > len(figures) and out and _row_fits(out[-1].strip(), with_empty):
            figures = with_empty
        if lead and not out:
            out += [""] * lead
        out.append(" ".join(figures))
        i = j
    return out


def _figure_run(lines: list[str], i: int, usual: int, lead: int, several: bool) -> tuple[list[str], list[str], int, bool]:
    """The figures on the lines from i on (blank lines between allowed), with blanks beyond the usual gap as empty
    cells; where the run ends; whether a line held several figures."""
    figures: list[str] = []
    with_empty = ["—"] * (lead - usual if usual and lead > usual else 0)
    j, multi = i, False
    while j < len(lines):
        k = j
        while k < len(lines) and not lines[k].strip():
            k += 1
        if k >= len(lines) or not _is_figure_cell(lines[k], several):
            break
        if usual and k - j > usual and figures:
            with_empty += ["—"] * (k - j - usual)
        tokens = lines[k].split()
        multi = multi or len(tokens) > 1
        figures += tokens
        with_empty += tokens
        j = k + 1
    return figures, with_empty, j, multi


def _summed_row(out: list[str], figures: list[str]) -> bool:
    """Seven figures that add up (six columns to 总计), under a table-3 row's label or a label none matches (a
    label the tool broke: 度办理结 （二）部分公开（区分处理的，只计这一情); or table 4's fifteen under its header."""
    numbers = [parse_number(f) for f in figures]
    if any(n is None for n in numbers):
        return False
    if len(numbers) == 15 and out and re.search(r"[维纠审]|尚未|总计?$", out[-1]):
        # table 4's row under its header: each group's four results add up to its 总计
        return all(sum(n.value for n in numbers[g:g + 4]) == numbers[g + 4].value for g in (0, 5, 10))
    if len(numbers) != 7 or sum(n.value for n in numbers[:-1]) != numbers[-1].value:
        return False
    for take in (1, 2, 3):
        label = "".join(t.strip() for t in out[-take:])
        lab = match_label(label, ("row",), group="other") if len(out) >= take and len(label) <= 80 else None
        if lab is not None:
            return lab.kind == APPLY
    return True


def _label_above(out: list[str], figures: list[str]) -> bool:
    """Join `figures` to the row label on the last one to three lines of `out`, if they hold one (or to the row
    whose first figures are on its label's line: ``行政规范性文件 564`` / ``984`` / ``4185``)."""
    started = _FIGURES_LINE.match(out[-1].strip()) if out and "\t" not in out[-1] and "|" not in out[-1] else None
    if started and _row_fits(started.group(1), started.group(2).split() + figures):
        out[-1] = out[-1].rstrip() + " " + " ".join(figures)
        return True
    # a label wrapped round its row's first figure: 2.其他法律行政法规 / 0 / 禁止公开 / 0 0 0 0 0 0
    if len(out) >= 3 and all(t.strip() and "\t" not in t and "|" not in t for t in out[-3:]) \
            and _FIGURE_TOKEN.match(out[-2].strip()) and not any(ch.isdigit() for ch in out[-1]) \
            and not _FIGURE_TOKEN.match(out[-3].split()[-1]) and len(out[-1].strip()) <= 12:
        label = out[-3].strip() + out[-1].strip()
        if _row_fits(label, [out[-2].strip()] + figures) and not _row_fits(out[-1].strip(), figures):
            out[-3:] = [label + " " + out[-2].strip() + " " + " ".join(figures)]
            return True
    # the rest of a wrapped label between a row's first figure and the others: 规章（设区的市…相 / 0 / 关数据） / 0 0
    closing = [k for k in (1, 2) if len(out) > k and out[-1].strip().endswith(("）", ")"))
               and all(t.strip() and not any(ch.isdigit() for ch in t) for t in out[-k:])]
    for k in closing:
        head = out[-k - 1].strip()
        row = _FIGURES_LINE.match(head) if "\t" not in head and "|" not in head else None
        if row and row.group(1).count("（") + row.group(1).count("(") > row.group(1).count("）") + row.group(1).count(")") \
                and _row_fits(row.group(1), row.group(2).split() + figures):
            out[-k - 1] = head + " " + " ".join(figures)
            return True
    for take in (1, 2, 3, 4, 5):
        above = out[-take:]
        if len(out) < take or any(not t.strip() or "\t" in t or "|" in t or _FIGURE_TOKEN.match(t.split()[-1])
                                  for t in above):
            return False
        label = "".join(t.strip() for t in above)
        if take > 3 and not (label.endswith(("）", ")")) and ("（" in above[0] or "(" in above[0])):
            continue  # four or five lines only for a label whose remark in brackets wrapped (规范性文件（行政机关…）)
        if len(label) <= (80 if take <= 3 else 160) and _row_fits(label, figures):
            out[-take:] = [label + " " + " ".join(figures)]
            return True
        # the rest of a wrapped group cell printed after the row's label (三、本年度 （一）予以公开 / 办理结果)
        if take > 1 and all(len(t.strip()) <= 6 for t in above[1:]) and _row_fits(above[0].strip(), figures):
            out[-take:] = [t.strip() for t in above[1:]] + [above[0].strip() + " " + " ".join(figures)]
            return True
    return False


def _template_row(label: str):
    """The template row `label` names (3.其他 stands alone here); of a cell holding two labels (三、本年度（一）予以公开)
    the last that names a row."""
    return match_label(label, ("row",), group="other") or next(
        (found for part in reversed(label_parts(label)) if (found := match_label(part, ("row",), group="other"))), None)


def _row_fits(label: str, figures: int | list[str]) -> bool:
    """`label` names a template row whose table has about that many figures per row. A table 3 row takes seven, or
    five or six when the others add up to the last (its blanks vanished, 总计 kept): other short rows of figures
    (columns dumped one after another, 3 0 3 / 3 0 3) would be read into the wrong columns."""
    lab = _template_row(label)
    if lab is None:
        return False
    n = figures if isinstance(figures, int) else len(figures)
    if lab.kind == APPLY:
        return n == 7 or (5 <= n <= 6 and not isinstance(figures, int) and _adds_up(figures))
    if lab.kind == APPEALS:
        return n == 5
    return n <= 4


def _adds_up(figures: list[str]) -> bool:
    numbers = [parse_number(f) for f in figures]
    return None not in numbers and sum(x.value for x in numbers[:-1]) == numbers[-1].value


def _is_header_row(cells: list[str]) -> bool:
    whole = sum(1 for c in cells if c.strip() and match_label(c.strip(), ("col", "head")) is not None)
    return whole >= 3 or (whole >= 2 and whole + sum(1 for c in cells if _starts_columns(c.strip()) >= 2) >= 3)


def _header_runs(lines: list[str]) -> list[str]:
    """Three or more lines that are each a column label (信息内容 / 本年制发件数 / …): one tab-separated header row.

    A line that is the start of several columns of one table (本年新, its 制作数量 / 公开数量 lost) is a piece of such
    a run when two of its lines are whole labels; the table reader names what it cut short."""
    filled = [n for n, line in enumerate(lines) if line.strip()]
    place = {n: k for k, n in enumerate(filled)}

    def repeats(at: int) -> int:
        """How many times line `at` stands in a row (blank lines between)."""
        k = place[at]
        a = b = k
        while a > 0 and lines[filled[a - 1]].strip() == lines[at].strip():
            a -= 1
        while b + 1 < len(filled) and lines[filled[b + 1]].strip() == lines[at].strip():
            b += 1
        return b - a + 1

    def is_column(at: int) -> bool:
        line = lines[at]
        t = line.strip()
        if not (0 < len(t) <= 20) or re.search(r"[\t|]", line):
            return False
        if match_label(t, ("col", "head")) is not None:
            return True
        started = _starts_columns(t)  # a piece, as many times as the columns it starts (本年新 | 本年新)
        return started >= 2 and repeats(at) == started

    out: list[str] = []
    i = 0
    while i < len(lines):
        j, columns = i, []
        while j < len(lines) and is_column(j):
            columns.append(lines[j].strip())
            j += 1
            k = j  # blank lines between column labels (a cell a paragraph)
            while k < len(lines) and not lines[k].strip():
                k += 1
            if k > j and k < len(lines) and is_column(k):
                j = k
        if len(columns) >= 3 and sum(1 for c in columns if match_label(c, ("col", "head")) is not None) >= 2:
            out.append("\t".join(columns))
            i = j
            continue
        out.append(lines[i])
        i += 1
    return out


@lru_cache(maxsize=4096)
def _starts_columns(text: str) -> int:
    """How many columns of one table a header cell cut short starts (本年新: 本年新制作数量, 本年新公开数量), else 0."""
    core = label_core(text)
    if len(core) < 2 or match_label(text, ("col", "head", "row", "group")) is not None:
        return 0
    found = [lab for lab in LABELS if lab.role == "col" and any(a.startswith(core) and a != core for a in lab.alts)]
    return len(found) if len(found) >= 2 and len({lab.kind for lab in found}) == 1 else 0


_FIGURES_LINE = re.compile(r"^(\S.*?)\s+((?:(?:[+\-−增减]?\d[\d,.]*(?:万元|元)?|—|-|/|无)(?:\s+|$))+)$")


def _label_and_figures(line: str) -> list[str]:
    """A template row label and its figures on one line, single-spaced (行政许可 97, 规章 0 0 0), else []."""
    if _BARE_FIGURES.match(line) and len(line.split()) >= 5:
        return [""] + line.split()  # a row of figures alone (1 0 0 0 0 0 1): its place says which row
    m = _FIGURES_LINE.match(line)
    # remarks in brackets go, closed or cut by the line's end: （二）部分公开（区分处理的，只计 / 0 0 0 0 0 0 0
    label = NUMBERING.sub("", re.sub(r"[（(][^（()）]*(?:[)）]|$)", "", m.group(1))) if m else ""
    if not m or re.search("[，。；：,;]", label) or not has_han(m.group(1)):
        return []
    if _template_row(m.group(1)) is None:
        return []
    return [m.group(1)] + m.group(2).split()


_CLAUSE_END = re.compile("[，。；,;]$|。")


def _spaced_cells(line: str) -> list[str]:
    """Cells of a space-aligned table row, or [] for prose that merely holds double spaces."""
    cells = _SPACED.split(line.strip())
    if any(_CLAUSE_END.search(c) for c in cells):
        return []
    if len(cells) < 2:
        return cells
    # figures a single space apart are cells too (0  0 0   0: PDF-to-text keeps the columns' gaps only roughly)
    cells = [t for c in cells for t in (c.split() if len(c.split()) > 1 and all(map(_FIGURE_TOKEN.match, c.split())) else [c])]
    return _figure_off_label(cells)


def _figure_off_label(cells: list[str]) -> list[str]:
    """A row's first figure cut off the label it touches: a label that fills its column leaves PDF-to-text one
    space before the figure (``1.属于国家秘密 0   0   0`` -> ``1.属于国家秘密 | 0 | 0 | 0``), when every cell after
    the label is a figure; the label itself holds no figure at its end (规章 0 keeps its 0 apart anyway)."""
    at = next((i for i in range(len(cells) - 1, -1, -1) if not _FIGURE_TOKEN.match(cells[i])), None)
    if at is None or at == len(cells) - 1:
        return cells
    head, _, tail = cells[at].rpartition(" ")
    if not head.strip() or not has_han(head) or not _FIGURE_TOKEN.match(tail) or tail in ("-", "—", "/", "无"):
        return cells
    if _FIGURE_TOKEN.match(head.split()[-1]):
        return cells  # two figures in the text cell: no label's end
    return cells[:at] + [head.rstrip(), tail] + cells[at + 1:]


def _spaced_continues(line: str) -> bool:
    """A line that continues a space-aligned table: two or more cells (规章  0  0  0, 行政许可  603)."""
    return len(_spaced_cells(line)) >= 2


def _run_end(lines: list[str], start: int, kind: str) -> int:
    """End of a table run: lines of `kind`, with blank lines allowed inside."""
    i = start
    last = start
    while i < len(lines):
        k = _line_kind(lines[i])
        if k == kind or (kind == "spaced" and k in ("text", "figures") and _spaced_continues(lines[i])):
            last = i
        elif k != "blank":
            break
        i += 1
    return last + 1


def _table_blocks(lines: list[str], kind: str) -> list[Block]:
    """The table in a run of lines, or its lines as paragraphs when it is no table."""
    explicit = False  # a markdown table (a |---| separator row) is a table even with one row
    if kind == "pipe":
        rows = [_pipe_cells(line) for line in lines if line.strip()]
        explicit = any(row and all(_SEPARATOR_CELL.match(c) for c in row) and "-" in "".join(row) for row in rows)
    elif kind == "tpipe":
        rows = trailing_pipe_rows(lines)
    elif kind == "spaced":
        rows = [_spaced_cells(line) for line in lines if line.strip()]
        # a row of figures alone (table 4's fifteen under a header PDF-to-text left as lines of words), as "figures"
        explicit = len(rows) == 1 and all(_FIGURE_TOKEN.match(c) for c in rows[0])
    elif kind == "figures":
        rows = [_label_and_figures(line.strip()) for line in lines if line.strip()]
        explicit = True  # a template row label with its figures is a table row even alone
    elif _is_one_cell_per_line(lines):
        rows = _one_cell_rows(lines)
    else:
        rows = [line.split("\t") for line in lines if line.strip()]
        explicit = len(rows) == 1 and _is_header_row(rows[0])  # a header of the templates' labels, alone
    rows = [[normalize_text(_MARKDOWN_BOLD.sub(r"\1", c)) for c in row] for row in rows]
    rows = [_trim_right(row) for row in rows if not all(_SEPARATOR_CELL.match(c) for c in row)]
    rows = _join_broken_labels([row for row in rows if row])
    explicit = explicit or is_template_row(rows)  # 四、结转下年度继续办理 | 0 | 0 …: a table's last row, alone
    chrome = kind in ("pipe", "tpipe") and not explicit and not is_table(rows)  # 设为首页 | 加入收藏
    if chrome or not rows or (len(rows) < 2 and not explicit) or max(sum(1 for c in row if c) for row in rows) < 2:
        glue = " | " if kind in ("pipe", "tpipe") else " "  # page chrome and metadata keep their pipes
        return [Paragraph(t) for row in rows if (t := glue.join(c for c in row if c))]
    return [Table.from_rows(rows)]


def _pipe_cells(line: str) -> list[str]:
    cells = line.strip().split("|")
    if cells and not cells[0].strip():
        cells = cells[1:]
    if cells and not cells[-1].strip():
        cells = cells[:-1]
    return cells


def _is_one_cell_per_line(lines: list[str]) -> bool:
    cell_lines = [line for line in lines if line.strip() or "\t" in line]
    if not cell_lines:
        return False
    single = sum(1 for line in cell_lines if _ONE_CELL_LINE.match(line))
    has_groups = any(not line.strip() and "\t" not in line for line in lines)
    return has_groups and single >= 0.8 * len(cell_lines)


def _one_cell_rows(lines: list[str]) -> list[list[str]]:
    rows: list[list[str]] = []
    row: list[str] = []
    for line in lines:
        if "\t" not in line and not line.strip():
            if row:
                rows.append(row)
            row = []
            continue
        row.append(line.split("\t", 1)[-1])
    if row:
        rows.append(row)
    return rows


def _trim_right(row: list[str]) -> list[str]:
    end = len(row)
    while end and not row[end - 1]:
        end -= 1
    return row[:end]


def is_number_cell(cell: str) -> bool:
    return bool(_NUMBER_CELL.match(cell))


def _join_broken_labels(rows: list[list[str]]) -> list[list[str]]:
    """Join a row label broken over two lines (``补正后申请内容仍`` / ``不明确``).

    The second line comes out as a row with one short text cell and nothing
    else; it is glued to the last text cell of the row of numbers before it.
    """
    out: list[list[str]] = []
    for row in rows:
        filled = [c for c in row if c]
        prev = out[-1] if out else None
        if (
            prev is not None
            and len(filled) == 1
            and len(filled[0]) <= 10
            and not is_number_cell(filled[0])
            and not NUMBERING.match(filled[0])
            and any(is_number_cell(c) for c in prev)
        ):
            label_at = max(i for i, c in enumerate(prev) if c and not is_number_cell(c)) if any(
                c and not is_number_cell(c) for c in prev
            ) else None
            if label_at is not None and prev[label_at][-1:] not in _SENTENCE_END:
                prev[label_at] = prev[label_at] + filled[0]
                continue
        out.append(list(row))
    return out


def _paragraphs(lines: list[str]) -> list[Paragraph]:
    """Paragraphs from text lines, joining lines a converter wrapped mid-sentence."""
    out: list[str] = []
    blank_since_last = 0
    for raw in lines:
        text = normalize_text(_MARKDOWN_BOLD.sub(r"\1", raw))
        if not text:
            blank_since_last += 1
            continue
        if out and blank_since_last <= 1 and should_join(out[-1], text):
            out[-1] += text
        else:
            out.append(text)
        blank_since_last = 0
    return [Paragraph(t) for t in out]


def looks_like_heading(line: str) -> bool:
    return len(line) < 15 or (bool(NUMBERING.match(line)) and len(line) < 40 and "。" not in line[:-1])


def should_join(prev: str, nxt: str) -> bool:
    """True when `nxt` continues the sentence that `prev` was cut in."""
    if prev[-1] in _SENTENCE_END or not _PROSE_PUNCT.search(prev):
        return False
    if looks_like_heading(prev) or NUMBERING.match(nxt) or _DATE_LINE.match(nxt):
        return False
    # a page's metadata rows (索引号: … 主题分类: …) and list items (• …) are lines of their own
    return len(_METADATA_LABEL.findall(prev)) < 2 and not _BULLET.match(nxt) and not _BULLET.match(prev)
