"""Plain-text reports: the layouts real text files use, told apart line by line, read into paragraphs and tables.

Text saved from Word or PDF carries its tables in one of these layouts:

* tab-separated rows, one row per line (blank lines may fall inside a table);
* one cell per line, each line starting with a tab, rows separated by blank
  lines (what copying a Word table into a text editor gives);
* markdown pipes (``| a | b |``), with ``|---|`` separator lines, or a trailing pipe per row (`pipes`);
* columns aligned with runs of spaces (what PDF-to-text converters write, `spaced`):
  a line of three or more cells separated by two or more spaces starts a
  table, and lines of two or more such cells continue it. Empty cells leave
  no trace in this layout, so its rows can be ragged;
* a template row label with its figures on one line (行政许可 97).

Before lines are told apart, the layouts that spread a row over several lines are put back one row a line:
drawn tables, lone pipes and tab-only lines (`split_rows`), a table written column by column (`columns`), a
cell a line without markers (`cell_lines`, `table3_rows`). A whole body on one line (crawler exports) is
rebuilt by `runtogether`. What is not a table becomes paragraphs (`paragraphs`).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..blocks import Block, Document, Paragraph, Table
from ..template import is_number_cell
from ..textnorm import has_han, normalize_text, without_radicals
from . import ReadError
from .cell_lines import labels_onto_figures
from .columns import apply_rows_from_boxes, rows_from_block_runs, rows_from_columns
from .crawler import split_header
from .encoding import decode_bytes
from .grid import is_template_row
from .paragraphs import MARKDOWN_BOLD, NUMBERING, SENTENCE_END, paragraphs_of
from .pipes import is_table, is_trailing_pipe, take_metadata, trailing_pipe_rows
from .runtogether import has_run_together_table, rebuild
from .spaced import applicant_rows_at_columns, spaced_cells, spaced_continues, spaced_labels_whole, spaced_rows
from .split_rows import (cells_between_tabs, drawn_tables, pipe_lines_between_cells, pipe_row_ends, rows_broken_at_blank_cells,
                         tab_headers_joined)
from .template_rows import FIGURE_TOKEN, is_header_row, label_and_figures, whole_row_label

_SEPARATOR_CELL = re.compile(r"^[\s\-=:|+_—]*$")
_ONE_CELL_LINE = re.compile(r"^[ \u3000]*\t[^\t]*$")


def read_text(path: Path) -> Document:
    text, encoding = decode_bytes(path.read_bytes())
    text = without_radicals(text)  # pdfminer's ⼆、主动公开: the line rules match the table's words as printed
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
    lines = apply_rows_from_boxes(rows_from_block_runs(rows_from_columns(pipe_row_ends(pipe_lines_between_cells(drawn_tables(lines))))))
    lines = labels_onto_figures(tab_headers_joined(cells_between_tabs(rows_broken_at_blank_cells(applicant_rows_at_columns(spaced_labels_whole(lines))))))
    blocks: list[Block] = []
    pending: list[str] = []  # paragraph lines, None-separated by blank lines
    i = 0
    while i < len(lines):
        kind = _line_kind(lines[i])
        if kind in ("tab", "pipe", "tpipe", "spaced", "figures"):
            end = _run_end(lines, i, kind)
            table_blocks = _table_blocks(lines[i:end], kind)
            if table_blocks and isinstance(table_blocks[0], Table):
                blocks.extend(paragraphs_of(pending))
                pending = []
                blocks.extend(table_blocks)
            else:
                pending.extend(b.text for b in table_blocks)
            i = end
            continue
        if kind == "text" and _is_run_together(lines[i]):
            blocks.extend(paragraphs_of(pending))
            pending = []
            blocks.extend(rebuild(lines[i].strip()))
            i += 1
            continue
        pending.append(lines[i])
        i += 1
    blocks.extend(paragraphs_of(pending))
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
    if len(spaced_cells(stripped)) >= 3:
        return "spaced"
    if label_and_figures(stripped):
        return "figures"
    return "text"


def _run_end(lines: list[str], start: int, kind: str) -> int:
    """End of a table run: lines of `kind`, with blank lines allowed inside."""
    i = start
    last = start
    while i < len(lines):
        k = _line_kind(lines[i])
        if k == kind or (kind == "spaced" and k in ("text", "figures") and spaced_continues(lines[i])) \
                or (kind == "tpipe" and k == "pipe" and _leading_empty_cells(lines, i)):
            last = i
        elif k != "blank":
            break
        i += 1
    return last + 1


def _leading_empty_cells(lines: list[str], i: int) -> bool:
    """Line i is a whole row of a trailing-pipe table that starts with empty cells (`` |  |  | 结果维持 | 结果纠正 |``, a
    header row under cells merged down): it ends with a pipe and the next line with text is a trailing-pipe row
    again. A markdown table's rows (| a | b |) come with their |---| line and never sit between such rows."""
    line = lines[i].strip()
    if not line.endswith("|") or re.fullmatch(r"[|:\-\s]+", line):
        return False
    nxt = next((t.strip() for t in lines[i + 1:] if t.strip()), "")
    return is_trailing_pipe(nxt) and bool(nxt.strip("|"))


def _table_blocks(lines: list[str], kind: str) -> list[Block]:
    """The table in a run of lines, or its lines as paragraphs when it is no table."""
    explicit = False  # a markdown table (a |---| separator row) is a table even with one row
    if kind == "pipe":
        rows = [_pipe_cells(line) for line in lines if line.strip()]
        explicit = any(row and all(_SEPARATOR_CELL.match(c) for c in row) and "-" in "".join(row) for row in rows)
    elif kind == "tpipe":
        rows = trailing_pipe_rows(lines)
    elif kind == "spaced":
        rows = spaced_rows(lines)
        # a row of figures alone (table 4's fifteen under a header PDF-to-text left as lines of words), as "figures"
        explicit = len(rows) == 1 and all(FIGURE_TOKEN.match(c) for c in rows[0])
    elif kind == "figures":
        rows = [label_and_figures(line.strip()) for line in lines if line.strip()]
        explicit = True  # a template row label with its figures is a table row even alone
    elif _is_one_cell_per_line(lines):
        rows = _one_cell_rows(lines)
    else:
        rows = [line.split("\t") for line in lines if line.strip()]
        explicit = len(rows) == 1 and is_header_row(rows[0])  # a header of the templates' labels, alone
    rows = [[normalize_text(MARKDOWN_BOLD.sub(r"\1", c)) for c in row] for row in rows]
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


def _join_broken_labels(rows: list[list[str]]) -> list[list[str]]:
    """Join a row label broken over two lines (``补正后申请内容仍`` / ``不明确``).

    The second line comes out as a row with one short text cell and nothing
    else; it is glued to the last text cell of the row of numbers before it.
    Two whole template labels are two rows, the second printed blank
    (``规章 | 0`` / ``规范性文件 |``): gluing them made ``规章规范性文件 | 0``,
    a figure in a row that has none.
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
            if (label_at is not None and prev[label_at][-1:] not in SENTENCE_END
                    and not (whole_row_label(filled[0]) and whole_row_label(prev[label_at]))):
                prev[label_at] = prev[label_at] + filled[0]
                continue
        out.append(list(row))
    return out
