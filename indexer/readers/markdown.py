"""Markdown reports: what PDF-to-markdown converters and OCR tools write.

Markdown is read as plain text (`text.parse_text`) once its markup is gone:

* heading markers (``## 一、总体情况``) are removed and the heading stands
  alone as a paragraph, so ``#`` never reaches a title or an agency and the
  heading is found as a section heading;
* emphasis (``**x**``, ``__x__``), links (``[x](url)`` -> x), images, block
  quotes, bullets, horizontal rules and ``<br>`` are removed;
* page footers that converters leave inside the text (``— 3 —``,
  ``第3页 共5页``, ``- 3 -``) are dropped, and a paragraph cut by one is
  joined again;
* pipe tables in every variant: with or without the leading and trailing
  pipes, compact rows (``| 行政处罚 | 69 | ||``), separator rows anywhere.
  Tables split into several markdown tables stay separate grids; the table
  mapper reads a layout across grids;
* tables the converter kept as HTML (``<table>…</table>``, merged cells and
  all) read as the HTML reader reads a saved page's, and LaTeX ``tabular``
  tables (OCR converters) by their ``&`` and ``\\\\``.

`looks_like_markdown` tells markdown inside a ``.txt`` file from plain text.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..blocks import Block, Document, Table
from ..template import PLUS_MINUS
from ..textnorm import has_han
from . import ReadError
from .encoding import decode_bytes
from .html_tables import table_grid_of
from .split_rows import join_broken_headers
from .text import parse_text

_HEADING = re.compile(r"^\s{0,3}(#{1,6})[ \t]*(.*?)[ \t]*#*[ \t]*$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:_\s*){3,})$")
_FOOTER = re.compile(
    r"^\s*(?:[—–\-－~～·•]+\s*\d{1,4}\s*[—–\-－~～·•]+"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4})\s*$"
)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]+|\([^)]*\))*\)")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![*A-Za-z0-9])\*(?=[^\s*])([^*\n]+?)(?<=\S)\*(?!\*)")
_BR = re.compile(r"<br\s*/?>", re.I)
_TAG = re.compile(r"</?(?:span|font|b|strong|i|em|u|sup|sub|p|div)\b[^>]*>", re.I)
_BULLET = re.compile(r"^\s*(?:[-*+•]\s+|>\s?)+")
_HTML_TABLE = re.compile(r"<table\b.*?</table\s*>", re.I | re.S)
_EMBEDDED_TABLE = re.compile(r"<table\b.*?</table\s*>|\\begin\{tabular\}.*?\\end\{tabular\}", re.I | re.S)
_TABULAR_SPEC = re.compile(r"^\\begin\{tabular\}\s*(?:\{(?:[^{}]|\{[^{}]*\})*\})?")
_MULTI = re.compile(r"\\multi(column|row)\s*\{(\d+)\}\s*\{[^{}]*\}\s*\{((?:[^{}]|\{[^{}]*\})*)\}")
_RULES = re.compile(r"\\(?:hline|cline\s*\{[^{}]*\}|toprule|midrule|bottomrule)")


def tabular_grid(markup: str) -> list[list[str]]:
    """The grid of a LaTeX ``tabular`` (what OCR converters such as Mathpix write for a table): rows end at ``\\\\``,
    cells at ``&``; ``\\multicolumn{n}`` is repeated over its n columns as a merged HTML cell is, ``\\multirow``
    written in its first row and left blank below (the rows under it hold an empty cell there)."""
    from .grid import tidy_grid

    body = _TABULAR_SPEC.sub("", markup.strip()).removesuffix("\\end{tabular}")
    body = _RULES.sub("", body)
    grid: list[list[str]] = []
    for raw in re.split(r"\\\\", body):
        if not raw.strip():
            continue
        row: list[str] = []
        for cell in raw.split("&"):
            m = _MULTI.search(cell)
            text = re.sub(r"\\[a-zA-Z]+\s*|[{}$]", "", _MULTI.sub(lambda x: x.group(3), cell)).strip()
            row += [text] * (int(m.group(2)) if m and m.group(1) == "column" else 1)
        grid.append(row)
    return tidy_grid(grid)
_ARTICLE_ROW = re.compile(r"^\s*第\s*二\s*十\s*条\s*第\s*[（(]\s*[一二三四五六七八九十]+\s*[)）]\s*项\s*$")


def read_markdown(path: Path) -> Document:
    text, encoding = decode_bytes(path.read_bytes())
    if not has_han(text):
        raise ReadError("no Chinese text in the file; is it a report?")
    return Document(path=path, format="md", blocks=parse_markdown(text), encoding=encoding)


def looks_like_markdown(text: str) -> bool:
    """Markdown inside a text file: ``#`` headings, pipe tables with a ``|---|`` separator row, or tables a converter
    kept as HTML (``<table>…<td>``)."""
    if (_HTML_TABLE.search(text[:200_000]) and re.search(r"<t[dh]\b", text[:200_000], re.I)) or \
            "\\begin{tabular}" in text[:200_000]:
        return True
    headings = separators = 0
    for line in text.splitlines()[:3000]:
        if _HEADING.match(line) and _HEADING.match(line).group(2):
            headings += 1
        elif "-" in line and _SEPARATOR.match(line) and "|" in line:
            separators += 1
    return headings >= 2 or separators >= 1


def parse_markdown(text: str) -> list[Block]:
    """Blocks of a markdown document; a table written as HTML inside it (``<table>…</table>``, as PDF-to-markdown
    converters keep tables with merged cells) is read as HTML."""
    blocks: list[Block] = []
    pos = 0
    for m in _EMBEDDED_TABLE.finditer(text):
        grid = table_grid_of(m.group(0)) if m.group(0).lstrip().startswith("<") else tabular_grid(m.group(0))
        if not grid:
            continue
        blocks += parse_text("\n".join(plain_lines(text[pos:m.start()])))
        blocks.append(Table.from_rows(grid))
        pos = m.end()
    return blocks + parse_text("\n".join(plain_lines(text[pos:])))


def plain_lines(text: str) -> list[str]:
    """The document's lines with the markup gone, tables as ``| a | b |`` rows."""
    lines = _without_break_lines(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    lines, table_lines = _join_broken_headers(lines, _table_lines(lines))
    lines, table_lines = _join_wrapped_rows(lines, table_lines)
    lines, table_lines = _join_blank_cell_breaks(lines, table_lines)
    out: list[str] = []
    for i, line in enumerate(lines):
        if _FOOTER.match(line):
            continue  # a page footer: the paragraph it cut goes on
        if i in table_lines:
            out.append(_table_row(line))  # separator rows too: they mark a table of one row as a table
            continue
        if _RULE.match(line) or (_SETEXT.match(line) and line.strip() and out and not out[-1].strip()):
            out.append("")
            continue
        heading = _HEADING.match(line)
        if heading and heading.group(2):
            out += ["", "", _inline(heading.group(2)), "", ""]  # a heading is its own paragraph
            continue
        if _SETEXT.match(line) and out and out[-1].strip():
            out[-1:] = ["", "", out[-1], "", ""]  # 标题 / ===== : the line above is a heading
            continue
        out.append(_inline(_BULLET.sub("", line)))
    return out


def _without_break_lines(lines: list[str]) -> list[str]:
    """Without the lines of spaces html2text writes for a ``<br>`` that stands alone inside a table cell
    (``本年新<br>&nbsp;<br>制作数量`` -> ``信息内容| 本年新␣␣`` / ``␣␣`` / ``制作数量| 本年新␣␣``): such a line ends no table,
    a hard break (two spaces) closing the pipe line before it and a pipe line after it."""
    out: list[str] = []
    for i, line in enumerate(lines):
        if (line and not line.strip() and out and "|" in out[-1] and out[-1].endswith("  ")
                and i + 1 < len(lines) and "|" in lines[i + 1]):
            continue
        out.append(line)
    return out


def _table_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines that belong to pipe tables (a run of lines with pipes around a separator row)."""
    found: set[int] = set()
    for i, line in enumerate(lines):
        if "|" not in line and "-" not in line:
            continue
        one_cell_head = (0 < i < len(lines) - 1 and lines[i - 1].strip() and "|" not in lines[i - 1]
                         and ("|" in lines[i + 1] or (_ARTICLE_ROW.match(lines[i + 1]) and i + 2 < len(lines)
                                                      and "|" in lines[i + 2])))
        # 第二十条第（一）项 / --- / 信息内容| 本年制发件数 (html2text); a caption row over it: 主动公开政府信息情况 / --- /
        # 第二十条第（一）项 / 信息内容| …
        if _SEPARATOR.match(line) and ("|" in line or (i > 0 and "|" in lines[i - 1]) or one_cell_head):
            j = i - 1
            while j >= 0 and "|" in lines[j] and j not in found and not _HEADING.match(lines[j]):
                found.add(j)
                j -= 1
            if one_cell_head:
                found.add(i - 1)
            found.add(i)
            k = i + 1
            while k < len(lines) and not _HEADING.match(lines[k]) and ("|" in lines[k] or (
                    lines[k].strip() and k + 1 < len(lines) and "|" in lines[k + 1])):  # a one-cell row inside
                found.add(k)
                k += 1
    for i, line in enumerate(lines):  # rows written with their pipes but no separator (| 0 | 0 | 0 |)
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
            found.add(i)
    return found


def _join_broken_headers(lines: list[str], table_lines: set[int]) -> tuple[list[str], set[int]]:
    """A header row a converter broke at each ``<br>`` inside its cells, whole again (`text.join_broken_headers`):
    ``信息内容| 本年新`` / ``制作数量| 本年新`` / ``公开数量| 对外公开总数量``; a separator row is no piece."""
    return join_broken_headers(lines, table_lines, "|", stop=lambda line: bool(_SEPARATOR.match(line)))


_WRAP = 70  # characters: html2text wraps its lines at 78, a table row after a cell's pipe
_LEADING_FIGURE = re.compile(rf"^\s*{PLUS_MINUS}?\d[\d,.]*\s*\|")


def _joined_rows(lines: list[str], table_lines: set[int], continues) -> tuple[list[str], set[int]]:
    """The lines with each table line joined to the table lines after it that `continues(joined, next)` says go on
    its row; the indexes of the table lines after."""
    out: list[str] = []
    kept: set[int] = set()
    i = 0
    while i < len(lines):
        line = lines[i]
        while i in table_lines and i + 1 in table_lines and (joined := continues(line, lines[i + 1])) is not None:
            line = joined
            i += 1
        if i in table_lines:
            kept.add(len(out))
        out.append(line)
        i += 1
    return out, kept


def _join_wrapped_rows(lines: list[str], table_lines: set[int]) -> tuple[list[str], set[int]]:
    """A table row html2text wrapped after a long label's pipe (``规范性文件（…很长的说明…）|`` / ``2| 2| 19``),
    whole again: a long row line ending in a pipe, with one cell, and a next table line that starts with a figure."""
    def continues(line: str, after: str) -> str | None:
        stripped = line.strip()
        if (len(stripped) >= _WRAP and stripped.endswith("|") and not stripped.startswith("|")
                and stripped.count("|") == 1 and _LEADING_FIGURE.match(after)):
            return stripped + " " + after.strip()
        return None
    return _joined_rows(lines, table_lines, continues)


def _join_blank_cell_breaks(lines: list[str], table_lines: set[int]) -> tuple[list[str], set[int]]:
    """A row html2text broke at each blank cell that held only a ``<br>``, whole again: it writes the break
    after the cell's pipe, so the row goes on over lines that start with the pipe closing the blank cell
    (``一、本年新收…数量|`` / ``|`` / ``|`` / ``| 0``). Only a row written without a leading pipe (html2text's)
    starts such a run: converters that write ``| a | b |`` start every row with a pipe."""
    def continues(line: str, after: str) -> str | None:
        if (not line.lstrip().startswith("|") and line.rstrip().endswith("|") and after.lstrip().startswith("|")
                and not _SEPARATOR.match(after)):
            return line.rstrip() + after.strip()
        return None
    return _joined_rows(lines, table_lines, continues)


def _table_row(line: str) -> str:
    """A pipe row with its outer pipes, whatever the converter wrote."""
    row = _inline(line.strip())
    if not row.startswith("|"):
        row = "| " + row
    if not row.endswith("|"):
        row += " |"
    return row


def _inline(text: str) -> str:
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _BR.sub("", text)
    text = _TAG.sub("", text)
    for _ in range(2):
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or "", text)
    return text.replace("\\|", "｜").replace("\\", "") if "\\" in text else text
