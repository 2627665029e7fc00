"""Tables written with trailing pipes, as web-page-to-text tools write them.

Two layouts end every cell with ``|``:

* one cell per line (``规章 |``), an extra ``|`` for every further column the
  cell spans (``第二十条第（一）项 | | | |``), rows separated by a line
  holding only ``|``; a cell merged down from the row above is left out;
* whole rows with a trailing pipe but no leading one (``行政许可 | 2629 |``).

Web pages also use pipes for their chrome (``设为首页 | 加入收藏 |``) and for
the 信息公开 metadata box (``索引号 | … | 发布机构 | …``): a run of pipe lines
is a table only when it holds a figure or a label of the national templates
(`is_table`); a metadata row is taken out as `Document.meta` by
`take_metadata`.
"""

from __future__ import annotations

import re

from ..blocks import Block, Paragraph, Table
from ..template import is_number_cell, match_label
from ..textnorm import han_count, normalize_text
from .meta import BOX_LABEL, is_box_label, meta_from_pairs, meta_key

def is_trailing_pipe(line: str) -> bool:
    """A line of a trailing-pipe table: ends with | and does not start with one (or is only pipes: |, ||)."""
    s = line.strip()
    return bool(s) and (not s.strip("|") or (s.endswith("|") and not s.startswith("|")))


def trailing_pipe_rows(lines: list[str]) -> list[list[str]]:
    """The rows of a run of trailing-pipe lines, in either layout."""
    # an empty cell written `` |`` (its text, none, then the pipe) where a row ends at a bare ``|``
    bare = any(line.rstrip() == "|" for line in lines)
    lines = [_EMPTY_CELL if bare and line.strip() == "|" and line[:1].isspace() else line.strip()
             for line in lines if line.strip()]
    if any(_PADDING.match(line) for line in lines):
        return _padded_rows([line if line != _EMPTY_CELL else "|" for line in lines])
    one_cell = sum(1 for line in lines if line in ("|", _EMPTY_CELL) or _spanning(_cells(line)))
    if "|" in lines and one_cell >= 0.8 * len(lines):
        rows: list[list[str]] = []
        row: list[str] = []
        for line in lines:
            if line == _EMPTY_CELL:
                row.append("")
                continue
            if line == "|":
                if row:
                    rows.append(row)
                row = []
                continue
            cells = _cells(line)
            row += [cells[0]] * len(cells) if _spanning(cells) else cells
        if row:
            rows.append(row)
        return rows
    if "|" not in lines and one_cell == len(lines) and any(len(_cells(line)) > 1 for line in lines):
        return _rows_ending_in_padding(lines)
    return _labels_with_their_figures([_cells(line) if line != _EMPTY_CELL else [""] for line in lines if line != "|"])


def _labels_with_their_figures(rows: list[list[str]]) -> list[list[str]]:
    """A row label on a line of its own and its figures on the next line (``规章 |`` / ``0 | 0 | 0 |``) as one row.

    What a page whose label cells hold a paragraph gives: the line breaks after the label, not after the row.
    """
    out: list[list[str]] = []
    for row in rows:
        filled = [c for c in row if c]
        prev = out[-1] if out else []
        label = [c for c in prev if c]
        if (filled and all(is_number_cell(c) for c in filled) and len(label) == 1 and len(prev) == 1
                and not is_number_cell(label[0])):
            out[-1] = prev + row
            continue
        out.append(row)
    return out


_EMPTY_CELL = "\x00|"
_PADDING = re.compile(r"^\|{2,}$")


def _padded_rows(lines: list[str]) -> list[list[str]]:
    """One cell per line, a blank cell a lone ``|``, and a line of pipes padding a short row to the table's width.

    What some page-to-text tools write (``行政许可 |`` / ``0 |`` / ``||``): a row ends at its padding, or once it
    has as many cells as the last padded row had with its padding (full rows carry none).
    """
    rows: list[list[str]] = []
    row: list[str] = []
    width = 0
    for line in lines:
        if _PADDING.match(line):
            width = len(row) + len(line)
            rows.append(row)
            row = []
            continue
        row += _cells(line) if line != "|" else [""]
        if width and len(row) >= width:
            rows.append(row)
            row = []
    if row:
        rows.append(row)
    return [r for r in rows if r]


def _rows_ending_in_padding(lines: list[str]) -> list[list[str]]:
    """One cell per line and no line between rows: a row ends at the cell whose line pads it with more pipes
    (``0 | |``, ``对外公开总数量 | |``, ``第二十条第（一）项 | ||||``), as a page-to-text tool writes a table whose rows
    end in a blank cell; the padding's columns stay blank."""
    rows: list[list[str]] = []
    row: list[str] = []
    for line in lines:
        cells = _cells(line) if line != _EMPTY_CELL else [""]
        row += cells[:1] + [""] * (len(cells) - 1)
        if len(cells) > 1:
            rows.append(row)
            row = []
    if row:
        rows.append(row)
    return rows


def _cells(line: str) -> list[str]:
    parts = [normalize_text(p) for p in line.split("|")]
    return parts[:-1] if parts and not parts[-1] else parts


def _spanning(cells: list[str]) -> bool:
    """本年处理决定数量 | | |: one cell over three columns (a pipe per column)."""
    return bool(cells) and bool(cells[0]) and not any(cells[1:])


def is_table(rows: list[list[str]]) -> bool:
    """Pipe rows hold a table when a cell is a figure or a template label; else they are page chrome."""
    cells = [c for row in rows for c in row if c]
    return any(is_number_cell(c) for c in cells) or any(
        match_label(c, ("row", "col", "group")) is not None for c in cells if len(c) <= 40)


def metadata_pairs(cells: list[str]) -> list[tuple[str, str]]:
    """(label, value) pairs of a metadata row (索引号 | 001 | 发布机构 | 某局 …, or 发布机构：某局 cells)."""
    return [(label, value) for label, value, _ in _pairs_at(cells)]


def _pairs_at(cells: list[str]) -> list[tuple[str, str, int]]:
    """(label, value, index of the value's cell) of every pair in a metadata row."""
    pairs: list[tuple[str, str, int]] = []
    for i, cell in enumerate(cells):
        if is_box_label(cell) and i + 1 < len(cells) and not is_box_label(cells[i + 1]):
            pairs.append((re.sub(r"[\s:：]", "", cell), cells[i + 1], i + 1))
            continue
        m = re.match(r"^\s*([^:：]{2,6})\s*[:：]\s*(.+)$", cell)
        if m and is_box_label(m.group(1)):
            pairs.append((m.group(1), m.group(2), i))
    return pairs


def unpaired_tail(cells: list[str]) -> str:
    """The text a metadata row holds after its last value (…| 公开日期: | 2025-01-24 |某厅2024年度…报告): a
    saved page's title printed under its CMS box, its line run onto the box's; it is text, not metadata.
    Only a run of six Han characters or more: a stray value (有效) is not."""
    pairs = _pairs_at(cells)
    after = pairs[-1][2] + 1 if pairs else 0
    tail = " ".join(c.strip() for c in cells[after:] if c.strip())
    return tail if han_count(tail) >= 6 else ""


_BOX_LABEL_AT = re.compile(BOX_LABEL)


def label_run_pairs(text: str) -> list[tuple[str, str]]:
    """(label, value) pairs of a metadata row printed label, value, label, value with spaces only, which the
    display form runs together (文件编号公开时限长期公开发布机构某开发区党政办公室): the text between known box
    labels. Only a line that starts on a label, holds two or more, no colon (名称：… 发布日期：… is a line the
    title and date rules read) and no sentence, each value short."""
    if re.search("[。，；:：]", text):
        return []
    text = text.strip()
    labels = list(_BOX_LABEL_AT.finditer(text))
    if len(labels) < 2 or labels[0].start() != 0:
        return []
    pairs = []
    for m, nxt in zip(labels, labels[1:] + [None]):
        value = text[m.end() : nxt.start() if nxt else len(text)].strip(" 　:：")
        if len(value) > 40:
            return []
        pairs.append((re.sub(r"[\s:：]", "", m.group(0)), value))
    return pairs


def take_metadata(blocks: list[Block], within: int = 30) -> tuple[list[Block], dict[str, str]]:
    """Blocks without the 信息公开 metadata rows near the top, and the metadata those rows state."""
    out: list[Block] = []
    pairs: list[tuple[str, str]] = []
    for i, block in enumerate(blocks):
        if i < within and isinstance(block, Paragraph) and "|" not in block.text:
            run = label_run_pairs(block.text)  # 发布机构 某局 生成日期 2024-01-22, its spaces gone
            if run:
                pairs += run
                continue
        if i < within:
            # a paragraph holding sentences is text, whatever metadata runs into it
            rows = [list(r) for r in block.rows] if isinstance(block, Table) else [block.text.split("|")] \
                if "|" in block.text and "。" not in block.text else []
            found = [metadata_pairs([c.strip() for c in row]) for row in rows]
            # every row a metadata row; a box of several rows may give the title a row of its own (标题： | …)
            least = 1 if isinstance(block, Table) and sum(map(len, found)) >= 3 else 2
            if rows and all(len(f) >= least or not any(c.strip() for c in row) for f, row in zip(found, rows)):
                pairs += [p for f in found for p in f]
                tail = unpaired_tail([c.strip() for c in rows[-1]]) if not isinstance(block, Table) else ""
                if tail:
                    out.append(Paragraph(tail))
                continue
        out.append(block)
    meta = meta_from_pairs([(k, v) for k, v in pairs if meta_key(k)])
    return out, meta
