"""HTML tables -> grids of cells: which ``<table>`` holds data (not page layout), its cells' text, spans expanded.

The HTML reader reads a saved page's tables with it, and markdown the tables that PDF-to-markdown converters keep
as HTML (merged cells): one way to read a ``<table>``, as a browser shows it. Also tells the 信息公开 metadata box
(索引号 | … | 发布机构 | …) from a data table.
"""

from __future__ import annotations

import re

import lxml.etree as etree
import lxml.html

from ..textnorm import normalize_text
from .grid import Cell, expand_spans, tidy_grid
from .meta import BOX_PAIR, is_box_label

BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd section article main header footer aside nav "
    "blockquote center table tr td th thead tbody tfoot caption form fieldset legend address "
    "figure figcaption hr body html pre details summary".split()
)
CELL_TAGS = frozenset(("td", "th"))

_SPAN = re.compile(r"\s*(\d{1,6})")  # rowspan / colspan attribute values
text_content = etree.XPath("string()", smart_strings=False)  # lxml.html's text_content(): every text node inside, in order


def _rows_of(table: etree._Element) -> list[etree._Element]:
    rows = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in child if c.tag == "tr")
    return rows


def _cells_of(tr: etree._Element) -> list[etree._Element]:
    return [c for c in tr if c.tag in CELL_TAGS]


def is_data_table(table: etree._Element, cell_texts: dict | None = None) -> bool:
    """A table of data cells, not a table that lays out the page (or holds the article).

    The text of each cell read is put in `cell_texts`, for `table_grid`.
    """
    rows = _rows_of(table)
    if not rows:
        return False
    widest = max(len(_cells_of(r)) for r in rows)
    if widest < 2:
        return False
    if any(True for _ in _nested_tables(table)):
        return False
    total = 0
    link = 0
    for row in rows:
        for cell in _cells_of(row):
            raw = cell_text(cell)
            if cell_texts is not None:
                cell_texts[cell] = raw
            text = normalize_text(raw)
            if len(text) > 300:
                return False
            total += len(text)
            for a in cell.iter("a"):
                if a.get("href") is not None:
                    link += len(normalize_text(text_content(a)))
    if total == 0:
        return False
    return link <= 0.5 * total


def _nested_tables(table: etree._Element):
    for el in table.iter("table"):
        if el is not table:
            yield el


def cell_text(cell: etree._Element) -> str:
    """A cell's text: ``<br>`` and block boundaries become spaces."""
    if not len(cell):  # no element inside: its own text
        return cell.text or ""
    parts: list[str] = []
    for event, el in etree.iterwalk(cell, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if el is not cell and (tag == "br" or tag in BLOCK_TAGS):
                parts.append(" ")
            if el.text:
                parts.append(el.text)
        else:
            if el is cell:
                break
            if tag in BLOCK_TAGS:
                parts.append(" ")
            if el.tail:
                parts.append(el.tail)
    return "".join(parts)


def _span(value: str | None) -> int:
    if not value:
        return 1
    m = _SPAN.match(value)
    return max(1, int(m.group(1))) if m else 1


def table_grid_of(markup: str) -> list[list[str]]:
    """The grid of one ``<table>`` written inside another format (markdown from PDF converters keeps merged tables
    as HTML), or [] when the markup holds no table."""
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    table = next(root.iter("table"), None)
    return table_grid(table) if table is not None else []


def table_grid(table: etree._Element, cell_texts: dict | None = None) -> list[list[str]]:
    known = cell_texts or {}
    rows = [
        [Cell(known.get(c) or cell_text(c), _span(c.get("rowspan")), _span(c.get("colspan"))) for c in _cells_of(tr)]
        for tr in _rows_of(table)
    ]
    return tidy_grid(expand_spans(rows))


def table_kind(grid: list[list[str]]) -> tuple[str, dict[str, str]]:
    """"meta" for the 信息公开 metadata box (索引号 | … | 发布机构 | …), else "data"."""
    labels = 0
    pairs: dict[str, str] = {}
    for row in grid:
        for i, cell in enumerate(row):
            if is_box_label(cell):
                labels += 1
                if i + 1 < len(row) and row[i + 1] and not is_box_label(row[i + 1]):
                    pairs[re.sub(r"[\s:：]", "", cell)] = row[i + 1]
            else:
                m = BOX_PAIR.match(cell)
                if m:
                    labels += 1
                    pairs[re.sub(r"\s", "", m.group(1))] = m.group(2)
    return ("meta" if labels >= 3 else "data"), pairs
