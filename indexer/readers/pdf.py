"""PDF reports with a text layer.

Each page's characters and ruled lines come from PDFium (`pdfium_pages`, in C),
or from pdfplumber (pdfminer, in Python, about four times the time) for a
page PDFium's reading does not map (rotated, boxes off the origin, forms) and
for a file PDFium cannot open (pdfplumber then says what is wrong with it).
Per page, ruled tables are found with pdfplumber's table finder. A table's grid
comes from the geometry of its cells: the distinct x and y edges of all cell
boxes are the grid lines, and a cell that reaches over several of them spans
those columns or rows, so a merged cell's text is repeated in every position
it covers. Characters inside a table become its cells' text and never also
paragraphs. Boxes of a single column (a frame drawn around text) are not
tables, nor is a single row unless it holds figures in three or more cells
(a table's last row, alone on the next page, continuing the table above).

The remaining characters are read as lines, and paragraphs are rebuilt from
the lines in reading order, across page breaks:

* running headers and footers (a line in the top or bottom margin that comes
  back on most pages, digits aside) and page numbers ("- 3 -", "第 3 页 共 5 页",
  "3/5") are dropped;
* a line continues into the next when it runs to the right margin, the next
  line is not indented, does not start with numbering (一、 （一） 1. 第一条),
  has the same font size and follows at the normal line distance; a line that
  ends a sentence (。；！？) at the margin continues only in a document whose
  paragraphs are indented (otherwise there is no telling);
* a short centred line (the title, a signature) stays alone.

A PDF without a text layer (a scan) is read by OCR (`indexer.ocr`) when the
engine is installed and turned on, else refused with a `ReadError` that says
how to turn it on; a PDF whose fonts have no Unicode map raises `ReadError`; an encrypted PDF that cannot be opened
raises a `ReadError` that says so.
"""

from __future__ import annotations

import math
import re
import statistics
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfplumber.utils.exceptions import PdfminerException

from .. import limits
from ..blocks import Block, Document, Paragraph, Table
from ..template import PLUS_MINUS, is_number_cell
from ..textnorm import has_han, normalize_text
from . import ReadError
from .grid import blank_applicant_columns, drop_empty_rows
from .paragraphs import NUMBERING
from .pdf_borderless import Word, find_tables, words_of
from .pdf_cells import TableFinder
from .pdf_text import text_lines, text_of
from .template_rows import whole_row_label
from .text import parse_text

_SENTENCE_END = "。！？；!?;…"
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－~～·•]\s*\d{1,4}\s*[-—–－~～·•]"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|[-—–－]?\s*\d{1,4}\s*[-—–－]?"
    r"|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$",
    re.I,
)
_MARGIN = 0.1  # top and bottom tenth of the page: where running headers and footers live


@dataclass
class _Line:
    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page_width: float
    page_height: float
    words: tuple[Word, ...] = ()


@dataclass
class _TableItem:
    page: int
    top: float
    rows: list[list[str]]


def read_pdf(path: Path) -> Document:
    pages = _page_count(path)
    if pages is not None:
        limits.check("pages", pages, f"the PDF has {pages:,} pages")
    read = _read_with_pdfium(path)
    if read is None:
        read = _read_with_pdfplumber(path)
    items, meta, (chars, cid_chars, pages) = read
    if chars < max(10, 5 * pages):
        return _scanned(path, meta)
    if cid_chars > 0.5 * chars:
        # pdfminer could not map the glyphs to text; PDFium (which pdfplumber ships
        # with) often can. Its text has no table geometry, so it is read as plain text.
        blocks = _pdfium_blocks(path)
        if not blocks:
            raise ReadError("the PDF's fonts have no Unicode mapping, so its text cannot be extracted; run OCR on it first")
        return Document(path=path, format="pdf", blocks=blocks, meta=meta)
    blocks = build_blocks(items)
    if not any(has_han(b.text) if isinstance(b, Paragraph) else any(has_han(c) for r in b.rows for c in r) for b in blocks):
        raise ReadError("no Chinese text in the PDF; is it a report?")
    return Document(path=path, format="pdf", blocks=blocks, meta=meta)


def _read_with_pdfplumber(path: Path) -> tuple[list, dict[str, str], tuple[int, int, int]]:
    try:
        pdf = pdfplumber.open(path)
    except PdfminerException as exc:
        raise ReadError(_open_error(exc)) from exc
    except Exception as exc:  # pdfminer raises many kinds of errors on broken files
        raise ReadError(_open_error(exc)) from exc
    try:
        return _read_pages(pdf)
    except PdfminerException as exc:
        raise ReadError(_open_error(exc)) from exc
    finally:
        pdf.close()


def _read_with_pdfium(path: Path) -> tuple[list, dict[str, str], tuple[int, int, int]] | None:
    """The pages read by PDFium (`pdfium_pages`), a page it cannot map by pdfplumber; None: pdfplumber reads it all.

    PDFium reads a page in a few milliseconds where pdfminer takes about 100:
    most of the time of indexing a corpus that has PDFs in it.
    """
    try:
        import pypdfium2

        from . import pdfium_pages
    except ImportError:
        return None
    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except Exception:  # damaged or encrypted: pdfplumber says why
        return None
    plumber = None
    try:
        title = pdf.get_metadata_dict().get("Title")
        meta = _meta(title)
        items: list[_Line | _TableItem] = []
        chars = cid_chars = 0
        doctop = 0.0
        count = len(pdf)
        limits.check("pages", count, f"the PDF has {count:,} pages")
        for number in range(count):
            page = pdfium_pages.page_of(pdf, number, doctop)
            if page is None:
                if plumber is None:
                    plumber = pdfplumber.open(path)
                page = plumber.pages[number]
                height = float(page.height)
                all_chars = _dedupe(page.chars)
                tables, unmapped = _find_tables(page), 0
                width = float(page.width)
                cids = True
            else:
                height, width = page.height, page.width
                all_chars, unmapped = _dedupe(page.chars), page.unmapped
                tables = _find_tables(_EdgePage(page.edges, page.bbox))
                cids = False  # PDFium's characters are one letter each, never pdfminer's (cid:N): no pass over them
            page_chars = [c for c in all_chars if c.get("text", "").strip()]
            chars += len(page_chars) + unmapped
            cid_chars += unmapped + (sum(1 for c in page_chars if c["text"].startswith("(cid:")) if cids else 0)
            items.extend(_page_items(number, all_chars, page_chars, tables, width, height))
            doctop += height
        return items, meta, (chars, cid_chars, count)
    except pypdfium2.PdfiumError:
        return None
    except PdfminerException as exc:
        raise ReadError(_open_error(exc)) from exc
    finally:
        if plumber is not None:
            plumber.close()
        pdf.close()


class _EdgePage:
    """What pdfplumber's table finder asks of a page: its edges and box."""

    def __init__(self, edges: list[dict], bbox: tuple[float, float, float, float]) -> None:
        self.edges = edges
        self.bbox = bbox


def _find_tables(page) -> list:
    try:
        return TableFinder(page).tables
    except Exception:  # odd vector graphics must not cost the page its text
        return []


def _page_count(path: Path) -> int | None:
    """Pages of the PDF as its page tree declares them (PDFium reads only that), or None if it cannot tell."""
    try:
        import pypdfium2
    except ImportError:
        return None
    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except Exception:  # damaged or encrypted: pdfplumber says why below
        return None
    try:
        return len(pdf)
    finally:
        pdf.close()


def _scanned(path: Path, meta: dict[str, str]) -> Document:
    """A PDF of page images (a scan): read by OCR when it is installed and turned on."""
    from .. import ocr

    if not ocr.active():
        raise ReadError(f"the PDF has no text layer (a scanned image?); {ocr.unavailable_reason()}")
    blocks = ocr.pdf_pages(path)
    if not any(has_han(b.text) if isinstance(b, Paragraph) else any(has_han(c) for r in b.rows for c in r) for b in blocks):
        raise ReadError("the PDF has no text layer and OCR found no Chinese text on its pages")
    return Document(path=path, format="pdf", blocks=blocks, meta=meta)


def _pdfium_blocks(path: Path) -> list[Block]:
    try:
        import pypdfium2
    except ImportError:
        return []
    pages: list[str] = []
    try:
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            for i in range(min(len(pdf), limits.current().pages)):
                page = pdf[i]
                pages.append(page.get_textpage().get_text_range())
        finally:
            pdf.close()
    except Exception:  # PDFium refuses the file too: report the pdfminer diagnosis
        return []
    text = "\n".join(pages)
    if not has_han(text):
        return []
    lines = [ln for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if not _PAGE_NUMBER.match(ln.strip())]
    return [b for b in parse_text("\n".join(lines)) if isinstance(b, (Paragraph, Table))]


def _open_error(exc: Exception) -> str:
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    name = type(cause).__name__
    if "Password" in name or "Encrypt" in name or "password" in str(cause).lower():
        return "the PDF is encrypted with a password and cannot be opened; save an unprotected copy"
    return f"the PDF file is damaged or not a PDF ({cause})"


def _meta(title) -> dict[str, str]:
    meta: dict[str, str] = {}
    if isinstance(title, bytes):
        title = title.decode("utf-16" if title.startswith(b"\xfe\xff") else "latin-1", "replace")
    if isinstance(title, str):
        title = re.sub(r"^Microsoft Word\s*-\s*|\.(?:docx?|wps|pdf)$", "", normalize_text(title), flags=re.I).strip()
        if title and has_han(title):
            meta["title"] = title
    return meta


def _read_pages(pdf) -> tuple[list, dict[str, str], tuple[int, int, int]]:
    meta = _meta((pdf.metadata or {}).get("Title"))
    items: list[_Line | _TableItem] = []
    chars = cid_chars = 0
    pages = pdf.pages
    limits.check("pages", len(pages), f"the PDF has {len(pages):,} pages")
    for number, page in enumerate(pages):
        try:
            all_chars = _dedupe(page.chars)
            page_chars = [c for c in all_chars if c.get("text", "").strip()]
            chars += len(page_chars)
            cid_chars += sum(1 for c in page_chars if c["text"].startswith("(cid:"))
            items.extend(_page_items(number, all_chars, page_chars, _find_tables(page),
                                     float(page.width), float(page.height)))
        finally:
            close = getattr(page, "close", None)
            if close:
                close()
    return items, meta, (chars, cid_chars, len(pages))


def _dedupe(chars: list[dict]) -> list[dict]:
    """`pdfplumber.utils.dedupe_chars(chars)`: the same characters in the same order, without its quadratic last step.

    pdfplumber puts the characters it keeps back in page order with
    `sorted(kept, key=chars.index)`, a scan of the page per character: half
    the time of reading a PDF. Here the first position of each distinct
    character is looked up in a dict instead.
    """
    from itertools import groupby
    from operator import itemgetter

    from pdfplumber.utils import dedupe_chars
    from pdfplumber.utils.clustering import cluster_objects

    key = itemgetter("upright", "text", "fontname", "size")
    try:
        if not _overprinted(chars, key):
            return chars  # every cluster would be one character: nothing to drop
        first: dict[tuple, int] = {}
        for i, c in enumerate(chars):
            first.setdefault(tuple(c.items()), i)
    except TypeError:  # a value that cannot be hashed: pdfplumber's own way
        return dedupe_chars(chars)
    position, doctop, x0 = itemgetter("doctop", "x0"), itemgetter("doctop"), itemgetter("x0")
    kept = []
    for _, group in groupby(sorted(chars, key=key), key=key):
        for line in cluster_objects(list(group), doctop, 1):
            for column in cluster_objects(line, x0, 1):
                kept.append(sorted(column, key=position)[0])
    return sorted(kept, key=lambda c: first[tuple(c.items())])


def _overprinted(chars: list[dict], key) -> bool:
    """Whether two characters of the same text, font and size lie within 1 point of each other both ways.

    Only then does `_dedupe` drop anything (pdfplumber's clusters have a
    tolerance of 1): most pages have no such pair, and a grid of 1-point
    cells finds that in one pass.
    """
    rows: dict[tuple, set[int]] = {}  # (key, 1-point row) -> the 1-point columns seen in it
    floor = math.floor
    for c in chars:
        k, y, x = key(c), floor(c["doctop"]), floor(c["x0"])
        here = rows.get((k, y))
        for xs in (here, rows.get((k, y - 1)), rows.get((k, y + 1))):
            if xs is not None and (x in xs or x - 1 in xs or x + 1 in xs):
                return True
        if here is None:
            rows[(k, y)] = {x}
        else:
            here.add(x)
    return False


# ---------------------------------------------------------------- one page


def _page_items(number: int, all_chars: list[dict], page_chars: list[dict], found: list,
                width: float, height: float) -> list:
    """The page's tables and text lines outside them, top to bottom."""
    tables = []
    for table in found:
        item = _table_item(table, number, page_chars)
        if item is not None:
            tables.append(item)
    taken = [t[1] for t in tables]

    def outside(obj) -> bool:  # a loop, not any() over a generator: this runs for every character of the page
        cx = (obj["x0"] + obj["x1"]) / 2
        cy = (obj["top"] + obj["bottom"]) / 2
        for x0, top, x1, bottom in taken:
            if x0 <= cx <= x1 and top <= cy <= bottom:
                return False
        return True

    text_chars = [c for c in all_chars if outside(c)] if taken else all_chars
    items: list = [t[0] for t in tables]
    for line in text_lines(text_chars):
        text = normalize_text(line["text"])
        if not text:
            continue
        sizes = [c.get("size", 0) for c in line.get("chars", []) if c.get("text", "").strip()]
        items.append(
            _Line(
                number, text, line["x0"], line["x1"], line["top"], line["bottom"],
                statistics.median(sizes) if sizes else line["bottom"] - line["top"],
                width, height, words_of(line.get("chars", [])),
            )
        )
    items.sort(key=lambda it: it.top)
    return items


def _clusters(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    """The index of the edge nearest `v` in the ascending `edges` (the first of two as near)."""
    i = bisect_left(edges, v)
    if i == len(edges) or (i and v - edges[i - 1] <= edges[i] - v):
        return i - 1
    return i


def _table_item(table, number: int, page_chars: list[dict]):
    cells = [c for c in table.cells if c is not None]
    if not cells:
        return None
    xs = _clusters([c[0] for c in cells] + [c[2] for c in cells])
    ys = _clusters([c[1] for c in cells] + [c[3] for c in cells])
    n_cols, n_rows = len(xs) - 1, len(ys) - 1
    if n_cols < 2:
        return None  # a frame around text, not a table
    x0, top, x1, bottom = table.bbox
    inside = _CharCentres(page_chars, (x0, top, x1, bottom))
    grid = [["" for _ in range(n_cols)] for _ in range(n_rows)]
    for cx0, ctop, cx1, cbottom in cells:
        c0, c1 = _index(xs, cx0), _index(xs, cx1)
        r0, r1 = _index(ys, ctop), _index(ys, cbottom)
        if c1 <= c0 or r1 <= r0:
            continue
        text = _cell_text(inside.within(cx0, ctop, cx1, cbottom))
        for r in range(r0, r1):
            for c in range(c0, c1):
                if not grid[r][c]:
                    grid[r][c] = text
    rows = _drop_slivers(grid, xs)
    if not rows or max(len(r) for r in rows) < 2:
        return None
    if len(rows) < 2 and not _last_row_alone(rows[0]):
        return None  # one row is a table only as a table's last row, alone on the next page
    return _TableItem(number, top, rows), (x0, top, x1, bottom)


def _last_row_alone(row: list[str]) -> bool:
    """A table's last row that a page break put alone on the next page: figures in three or more cells, or a template
    row's whole label and its one figure (行政强制 | 0, 行政事业性收费 | 0); any other lone row is a frame around text."""
    cells = [c.strip() for c in row if c.strip()]
    if len(row) >= 3 and any(is_number_cell(c) for c in row):
        return True
    return len(cells) == 2 and is_number_cell(cells[1]) and whole_row_label(cells[0])


class _CharCentres:
    """The characters whose centre lies in a box, sorted by the centre's x: a cell's are found by bisection.

    Looking at every character of the table for every cell cost a table of
    300 cells and 1,500 characters 450,000 comparisons (most of a PDF's
    table reading, profiled).
    """

    def __init__(self, chars: list[dict], box: tuple[float, float, float, float]) -> None:
        x0, top, x1, bottom = box
        centres = []
        for n, c in enumerate(chars):
            cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
            if x0 <= cx <= x1 and top <= cy <= bottom:
                centres.append((cx, n, cy, c))
        centres.sort(key=lambda e: (e[0], e[1]))
        self.xs = [e[0] for e in centres]
        self.centres = centres

    def within(self, x0: float, top: float, x1: float, bottom: float) -> list[dict]:
        """The characters centred in the box (edges included), in page order."""
        strip = self.centres[bisect_left(self.xs, x0):bisect_right(self.xs, x1)]
        return [c for _, _, cy, c in sorted((e for e in strip if top <= e[2] <= bottom), key=lambda e: e[1])]


_SLIVER = 6.0  # points: a column narrower than this is two ruling lines that missed each other, not a column


def _drop_slivers(grid: list[list[str]], xs: list[float]) -> list[list[str]]:
    """The grid without empty rows and without the empty slivers that near-miss ruling lines make.

    An empty column of a real width stays: on the page a table continues on, the columns that are blank in
    its last rows still hold those rows' figures in place (767 | 35 | | | 2 | 1 | 805).
    """
    keep = [c for c in range(len(xs) - 1) if xs[c + 1] - xs[c] >= _SLIVER or any(row[c] for row in grid)]
    keep = sorted(set(keep) | blank_applicant_columns(grid, keep))  # blank cells a narrow page squeezed thin
    return drop_empty_rows([[row[c] for c in keep] for row in grid])


def _cell_text(chars: list[dict]) -> str:
    if not chars:
        return ""
    if len(chars) == 1:  # two cells in three (a figure): pdfplumber's words and lines give the character itself
        text = chars[0]["text"]
        if (text.isascii() and text.isalnum()) or "\u4e00" <= text <= "\u9fff":
            return text
    return normalize_text(text_of(chars).replace("\n", " "))


# ---------------------------------------------------------------- paragraphs


def build_blocks(items: list) -> list[Block]:
    """Blocks from the page items (lines and tables) in reading order."""
    lines = [it for it in items if isinstance(it, _Line)]
    pages = len({it.page for it in items}) or 1
    running = _running_lines(lines, pages)
    layout = _Layout(lines)
    items = _with_borderless_tables([it for it in items if not (isinstance(it, _Line) and _is_margin_noise(it, running))])
    blocks: list[Block] = []
    prev: _Line | None = None
    for it in items:
        if isinstance(it, _TableItem):
            blocks.append(Table.from_rows(it.rows))
            prev = None
            continue
        if prev is not None and blocks and isinstance(blocks[-1], Paragraph) and layout.joins(prev, it):
            blocks[-1] = Paragraph(_join(blocks[-1].text, it.text))
        else:
            blocks.append(Paragraph(it.text))
        prev = it
    return blocks


def _with_borderless_tables(items: list) -> list:
    """The items with runs of lines that are a table without ruling lines (`pdf_borderless`) as table items."""
    at: list[int] = []  # item index of each line
    barrier: list[bool] = []  # a ruled table stands between this line and the one before
    wall = False
    for k, it in enumerate(items):
        if isinstance(it, _TableItem):
            wall = True
            continue
        at.append(k)
        barrier.append(wall)
        wall = False
    regions = find_tables([items[k] for k in at], barrier)
    if not regions:
        return items
    out: list = []
    taken: dict[int, list[list[str]] | None] = {}
    for region in regions:
        taken[at[region.first]] = region.rows
        for i in range(region.first + 1, region.last + 1):
            taken[at[i]] = None
    for k, it in enumerate(items):
        if k not in taken:
            out.append(it)
        elif taken[k] is not None:
            out.append(_TableItem(it.page, it.top, taken[k]))
    return out


def _join(a: str, b: str) -> str:
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return a + " " + b
    return normalize_text(a + b)


def _in_margin(line: _Line) -> bool:
    return line.top < _MARGIN * line.page_height or line.bottom > (1 - _MARGIN) * line.page_height


_FIGURE = re.compile(rf"^{PLUS_MINUS}?\d[\d,.]*$")


def _figure_row(text: str) -> bool:
    """A line of several figures (30 0 0 0 0 0 30): a table row that a page's margin cuts into, never a page number
    or a running header, however many pages have one there (digits masked, all such rows of seven look alike)."""
    tokens = text.split()
    return len(tokens) >= 2 and all(_FIGURE.match(t) for t in tokens)


def _margin_key(line: _Line) -> str:
    return re.sub(r"\d+", "#", line.text.replace(" ", ""))


def _running_lines(lines: list[_Line], pages: int) -> set[str]:
    """Texts (digits masked) that come back in the page margins on most pages."""
    if pages < 2:
        return set()
    seen: dict[str, set[int]] = {}
    for line in lines:
        if _in_margin(line):
            seen.setdefault(_margin_key(line), set()).add(line.page)
    return {key for key, on in seen.items() if len(on) >= max(2, 0.5 * pages)}


def _is_margin_noise(line: _Line, running: set[str]) -> bool:
    if not _in_margin(line) or _figure_row(line.text):
        return False
    return bool(_PAGE_NUMBER.match(line.text)) or _margin_key(line) in running


class _Layout:
    """Margins, line spacing and indentation of the body text."""

    def __init__(self, lines: list[_Line]) -> None:
        body = [ln for ln in lines if len(ln.text) >= 8] or lines
        sizes = [ln.size for ln in body if ln.size > 0]
        self.size = statistics.median(sizes) if sizes else 12.0
        long_lines = [ln.x1 for ln in body if len(ln.text) >= 15] or [ln.x1 for ln in body] or [0.0]
        long_lines.sort()
        self.right = long_lines[int(0.9 * (len(long_lines) - 1))]
        lefts = Counter(round(ln.x0) for ln in body)
        self.left = min((x for x, n in lefts.items() if n >= max(2, 0.1 * len(body))), default=min(lefts, default=0))
        gaps = [
            b.top - a.top
            for a, b in zip(lines, lines[1:])
            if a.page == b.page and 0 < b.top - a.top < 4 * max(a.size, 1)
        ]
        self.pitch = statistics.median(gaps) if gaps else 1.5 * self.size
        self.indented = any(self._indented(ln) for ln in body)

    def _indented(self, line: _Line) -> bool:
        return self.left + 0.8 * line.size < line.x0 < self.left + 4.5 * line.size

    def _full(self, line: _Line) -> bool:
        return line.x1 >= self.right - 2.0 * line.size

    def joins(self, prev: _Line, nxt: _Line) -> bool:
        if not self._full(prev) or NUMBERING.match(nxt.text) or self._indented(nxt):
            return False
        if abs(prev.size - nxt.size) > 0.15 * max(prev.size, nxt.size):
            return False
        if nxt.x0 > self.left + 4.5 * nxt.size:  # starts far right: centred or a signature
            return False
        if nxt.page == prev.page and nxt.top - prev.top > 1.6 * self.pitch:
            return False
        if prev.text[-1] in _SENTENCE_END:
            return self.indented
        return True
