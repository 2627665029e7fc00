"""Table rows that say what their numbers are: the labelled form of a table-row passage.

A passage stores a table row as the report prints it, cells joined by
``" | "`` (``行政处罚 | 4 | -4 | 31``). Bare digits mean nothing in a snippet or
a pasted citation, so wherever a row is shown, and in the text that search
reads, each cell a figure was read from carries that figure's column name
(`metric_names`):

    行政处罚 | 上一年项目数量 4 · 本年增/减 -4 · 处理决定数量 31

The labels come from the record alone: the metrics that point at a passage
say which of its cells hold which figures. Rows without figures (headers,
notes) stay as printed, and so does the stored passage text. The index holds
the printed text and, once a report, the labels (`label_words`): a search for
处理决定数量 finds the report, and its snippet shows the labelled row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .metric_names import metric_parts
from .template import ACTIVE_COLUMNS, ACTIVE_ROWS, METRIC_KEYS, VALUE, cell_kind, convert, parse_number
from .textnorm import fold

CELL_SEPARATOR = " | "  # how a table row's cells are joined in its stored text
FIGURE_SEPARATOR = " · "  # between the labelled figures of one row
GROUP_MARK = "："  # after a row name that heads figures of several rows (table 4 printed on one line)


def _template_order() -> dict[str, int]:
    """Metric key -> its place in a printed table: table 2 row by row with each template's column order."""
    columns = list(dict.fromkeys(c for t in ("2019", "2021") for cols in ACTIVE_COLUMNS[t].values() for c in cols))
    active = [f"active.{row}.{col}" for row in ACTIVE_ROWS for col in columns]
    rest = [k for k in METRIC_KEYS if k not in set(active)]
    return {key: i for i, key in enumerate(active + rest)}


_ORDER = _template_order()


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of a labelled row's text: `kind` is cell (printed, no figure), group, label or value."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class LabelledRow:
    text: str
    pieces: tuple[Piece, ...]  # in order; the text between pieces is separators


def _equal(cell: str, key: str, value: int | float) -> bool:
    number = parse_number(cell)
    if number is None:
        return False
    read = convert(number, key.rsplit(".", 1)[-1], None)
    return any(abs(read * factor - value) < 1e-6 * max(1.0, abs(value)) for factor in (1, 10000, 0.0001))


def match_cells(cells: list[str], figures: list[tuple[str, int | float]]) -> dict[int, str]:
    """Cell index -> metric key, for the cells the figures were read from.

    Figures are in template order, as the cells are. When as many cells hold
    numbers as there are figures they pair in order; else the trailing number
    cells pair when their values agree (a leading 序号 column); else each
    figure takes the next cell with its value.
    """
    numeric = [i for i, cell in enumerate(cells) if cell_kind(cell) == VALUE]
    if not figures or not numeric:
        return {}
    if len(numeric) == len(figures):
        return {i: key for i, (key, _) in zip(numeric, figures)}
    if len(numeric) > len(figures):
        tail = numeric[len(numeric) - len(figures):]
        if all(_equal(cells[i], key, value) for i, (key, value) in zip(tail, figures)):
            return {i: key for i, (key, _) in zip(tail, figures)}
    out: dict[int, str] = {}
    at = 0
    for key, value in figures:
        for j in range(at, len(numeric)):
            if _equal(cells[numeric[j]], key, value):
                out[numeric[j]] = key
                at = j + 1
                break
    return out


def _names(keys: list[str], template: str | None, has_row_label: bool,
           printed_before: dict[str, str]) -> dict[str, tuple[str | None, str]]:
    """key -> (group shown before it or None, its label), choosing the names that tell the figures apart.

    A row name heads its figures when the row holds figures of several rows,
    unless the cell printed just before them already names it.
    """
    parts = {key: metric_parts(key, template) for key in keys}
    rows = {row for row, _ in parts.values()}
    columns = {column for _, column in parts.values()}
    if len(rows) > 1 and len(columns) == 1:  # a transposed table: the row names tell the figures apart
        return {key: (None, parts[key][0]) for key in keys}
    out: dict[str, tuple[str | None, str]] = {}
    previous = None
    for key in keys:
        row, column = parts[key]
        heads = row != previous and (len(rows) > 1 or not has_row_label)
        if heads and _names_row(printed_before.get(key, ""), row):
            heads = False
        out[key] = (row if heads else None, column)
        previous = row
    return out


def _names_row(cell: str, row: str) -> bool:
    cell, row = fold(cell), fold(row)
    return bool(cell) and bool(row) and (row in cell or cell in row)


def label_row(text: str, figures: list[tuple[str, int | float]], template: str | None = None) -> LabelledRow:
    """The labelled form of one table row; `figures` are the (key, value) pairs read from it."""
    cells = text.split(CELL_SEPARATOR)
    ordered = sorted(figures, key=lambda kv: _ORDER.get(kv[0], len(_ORDER)))
    matched = match_cells(cells, ordered)
    if not matched:
        return LabelledRow(text, (Piece("cell", 0, len(text)),))
    has_row_label = any(i not in matched and cell.strip() for i, cell in enumerate(cells))
    printed_before = {key: cells[i - 1] if i and (i - 1) not in matched else "" for i, key in matched.items()}
    names = _names([matched[i] for i in sorted(matched)], template, has_row_label, printed_before)
    out: list[str] = []
    pieces: list[Piece] = []
    pos = 0
    previous_figure = False

    def add(kind: str, piece: str) -> None:
        nonlocal pos
        pieces.append(Piece(kind, pos, pos + len(piece)))
        out.append(piece)
        pos += len(piece)

    def separate(piece: str) -> None:
        nonlocal pos
        out.append(piece)
        pos += len(piece)

    for i, cell in enumerate(cells):
        key = matched.get(i)
        if key is None:
            if i:
                separate(CELL_SEPARATOR)
            add("cell", cell)
            previous_figure = False
            continue
        group, label = names[key]
        if i:
            separate(FIGURE_SEPARATOR if previous_figure and group is None else CELL_SEPARATOR)
        if group:
            add("group", group)
            separate(GROUP_MARK)
        add("label", label)
        separate(" ")
        add("value", cell)
        previous_figure = True
    return LabelledRow("".join(out), tuple(pieces))


def figures_by_passage(metrics: Iterable[tuple[str, int | float, str | None]]) -> dict[str, list[tuple[str, int | float]]]:
    """passage id -> [(key, value)] of the figures read from it."""
    out: dict[str, list[tuple[str, int | float]]] = {}
    for key, value, passage in metrics:
        if passage:
            out.setdefault(passage, []).append((key, value))
    return out


def labelled_rows(record: dict, only: set[str] | None = None) -> dict[str, LabelledRow]:
    """passage id -> labelled form, for the table rows of a record (spec/report.md dict) that hold figures.

    `only`: the passage ids wanted (labelling every row of every result cost 17 ms a result).
    """
    figures = figures_by_passage((k, m["value"], m.get("passage")) for k, m in (record.get("metrics") or {}).items())
    return {
        p["id"]: label_row(p["text"], figures[p["id"]], record.get("template"))
        for p in record.get("passages", [])
        if p.get("kind") == "table_row" and p["id"] in figures and (only is None or p["id"] in only)
    }


def _overlaps(needle: str, name: str) -> bool:
    """Whether `needle` can match text that overlaps `name`: inside it, holding it, or running into or out of it."""
    if needle in name or name in needle:
        return True
    return any(name.endswith(needle[:i]) or name.startswith(needle[i:]) for i in range(1, len(needle)))


def rows_that_can_show(record: dict, needles: Iterable[str]) -> set[str]:
    """The figure rows whose labelled text can hold one of `needles` (match form); no other row needs labelling.

    A row's labelled text is its printed cells (each whole), the names of its
    figures and separators: a hit in it lies inside a printed cell (so in the
    printed text too), overlaps a name, or crosses a separator. Labelling
    every row of a result cost about 18 ms (31 rows) when a query word was a
    piece of a column name (本年, 申请人, 费).
    """
    needles = [n for n in needles if n]
    separators = set(fold(CELL_SEPARATOR + FIGURE_SEPARATOR + GROUP_MARK)) - {" "}
    template = record.get("template")
    keys_of: dict[str, list[str]] = {}
    for key, metric in (record.get("metrics") or {}).items():
        if metric.get("passage"):
            keys_of.setdefault(metric["passage"], []).append(key)
    out: set[str] = set()
    crossing = any(separators.intersection(n) for n in needles)
    for p in record.get("passages", []):
        keys = keys_of.get(p["id"])
        if p.get("kind") != "table_row" or not keys:
            continue
        printed = fold(p["text"])
        if crossing or any(n in printed for n in needles):
            out.add(p["id"])
            continue
        names = {fold(name) for key in keys for name in metric_parts(key, template) if name}
        if any(_overlaps(n, name) for n in needles for name in names):
            out.add(p["id"])
    return out


def display_texts(record: dict, only: set[str] | None = None) -> list[str]:
    """Each passage's text as shown and searched: table rows labelled (those in `only`), everything else as stored."""
    rows = labelled_rows(record, only)
    return [rows[p["id"]].text if p["id"] in rows else p["text"] for p in record.get("passages", [])]


def display_passages(record: dict, only: set[str] | None = None) -> list[dict]:
    """The record's passages with their display text in place of the stored one (for those in `only`).

    A row shown with its figures labelled carries ``labelled: True``: of two
    rows naming 处理决定数量, the one stating a figure makes the better snippet.
    """
    rows = labelled_rows(record, only)
    return [dict(p, text=rows[p["id"]].text, labelled=True) if p["id"] in rows else p
            for p in record.get("passages", [])]


def label_words(record: dict) -> list[str]:
    """The names the record's table rows are labelled with when shown, each once, in template order.

    What the index holds of the labels (once a report). Read from the metrics
    alone, without matching cells: a row's column names, or its row names when
    the row holds one column of several rows (a transposed table), and the
    group names a row holding several rows shows.
    """
    template = record.get("template")
    rows = {p["id"] for p in record.get("passages", []) if p.get("kind") == "table_row"}
    keys_of: dict[str, list[str]] = {}
    for key, metric in (record.get("metrics") or {}).items():
        if metric.get("passage") in rows:
            keys_of.setdefault(metric["passage"], []).append(key)
    words: dict[str, int] = {}
    for keys in keys_of.values():
        parts = {key: metric_parts(key, template) for key in keys}
        row_names = {row for row, _ in parts.values()}
        transposed = len(row_names) > 1 and len({column for _, column in parts.values()}) == 1
        for key, (row, column) in parts.items():
            order = _ORDER.get(key, len(_ORDER))
            if transposed or len(row_names) > 1:
                words[row] = min(words.get(row, order), order)
            if not transposed:
                words[column] = min(words.get(column, order), order)
    return sorted(words, key=lambda w: (words[w], w))
