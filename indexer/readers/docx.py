"""Word (.docx) reports.

The main part (``word/document.xml``, or whatever ``_rels/.rels`` names) is read
straight from the ZIP archive with lxml, so that a file python-docx would
reject for a missing content type still reads. The body is walked in order:

* ``w:p`` -> `Paragraph` (the text of its runs; a line break ``w:br`` starts a
  new paragraph, as ``<br>`` does in HTML; field codes, deleted text and the
  VML fallback copy of text boxes are skipped; a text box's paragraphs follow
  the paragraph that anchors it);
* ``w:tbl`` -> `Table`: ``w:gridSpan`` gives the colspan, ``w:vMerge`` restart
  and continue give the rowspan, ``w:gridBefore`` keeps the columns aligned,
  and `grid.expand_spans` repeats merged text. A table nested in a cell is
  flattened into that cell's text. A one-column table that frames the whole
  report is read as ordinary content;
* ``w:sdt`` content controls are looked into; headers and footers live in
  other parts and are never read.

The core title (``docProps/core.xml`` ``dc:title``) goes to ``meta["title"]``.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from pathlib import Path

import lxml.etree as etree

from ..blocks import Block, Document, Paragraph, Table
from ..textnorm import has_han, normalize_text
from . import ReadError
from .grid import MAX_SPAN, Cell, expand_spans
from .html import tidy_grid

_MAX_PART = 300 * 1024 * 1024  # a larger document.xml is a zip bomb, not a report
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DAMAGED = "the DOCX file is damaged or truncated"


def read_docx(path: Path) -> Document:
    root, meta = _open(path)
    body = next((el for el in root if _ln(el) == "body"), None)
    if body is None:
        raise ReadError(f"{_DAMAGED}: word/document.xml has no body")
    blocks = _body_blocks(body)
    if not any(has_han(b.text) if isinstance(b, Paragraph) else any(has_han(c) for r in b.rows for c in r) for b in blocks):
        raise ReadError("no Chinese text in the document; is it a report?")
    return Document(path=path, format="docx", blocks=blocks, meta=meta)


# ---------------------------------------------------------------- the archive


def _open(path: Path) -> tuple[etree._Element, dict[str, str]]:
    with path.open("rb") as fh:
        magic = fh.read(8)
    if magic == _OLE_MAGIC:
        raise ReadError(
            "the file is an old Word document (.doc) or a password-protected DOCX; "
            "remove the password or save it as .docx"
        )
    try:
        with zipfile.ZipFile(path) as zf:
            main = _main_part(zf)
            root = _xml(zf, main)
            if root is None:
                raise ReadError(f"{_DAMAGED}: {main} is missing")
            meta: dict[str, str] = {}
            try:
                core = _xml(zf, "docProps/core.xml")
            except ReadError:
                core = None
            if core is not None:
                for el in core:
                    if _ln(el) == "title" and el.text and normalize_text(el.text):
                        meta["title"] = normalize_text(el.text)
            return root, meta
    except zipfile.BadZipFile as exc:
        raise ReadError(f"{_DAMAGED} (not a valid ZIP archive: {exc})") from exc
    except (zlib.error, EOFError, zipfile.LargeZipFile, NotImplementedError) as exc:
        raise ReadError(f"{_DAMAGED} ({exc})") from exc
    except RuntimeError as exc:  # zipfile: encrypted member
        raise ReadError(f"the DOCX file cannot be opened ({exc})") from exc


def _main_part(zf: zipfile.ZipFile) -> str:
    """The officeDocument part named by _rels/.rels (nearly always word/document.xml)."""
    try:
        rels = _xml(zf, "_rels/.rels")
    except ReadError:
        rels = None
    if rels is not None:
        for rel in rels:
            if (rel.get("Type") or "").endswith("/officeDocument"):
                target = (rel.get("Target") or "").lstrip("/")
                if target and target in zf.namelist():
                    return posixpath.normpath(target)
    return "word/document.xml"


def _xml(zf: zipfile.ZipFile, name: str) -> etree._Element | None:
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > _MAX_PART:
        raise ReadError(f"{name} in the DOCX is too large ({info.file_size // 2**20} MB uncompressed)")
    data = zf.read(info)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"{_DAMAGED}: {name} is not well-formed XML ({exc})") from exc


def _ln(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


# ---------------------------------------------------------------- body


def _body_blocks(body: etree._Element) -> list[Block]:
    blocks: list[Block] = []
    # Explicit stack of child iterators: content controls and frame tables nest.
    stack = [iter(body)]
    while stack:
        el = next(stack[-1], None)
        if el is None:
            stack.pop()
            continue
        name = _ln(el)
        if name == "p":
            lines, boxes = _paragraph(el)
            blocks.extend(Paragraph(t) for t in (normalize_text(x) for x in lines) if t)
            for box in reversed(boxes):
                stack.append(iter(box))
        elif name == "tbl":
            frame = _frame_cells(el)
            if frame is not None:
                for cell in reversed(frame):
                    stack.append(iter(cell))
            else:
                table = _table(el)
                if table is not None:
                    blocks.append(table)
        elif name in ("sdt", "customXml", "smartTag", "ins", "sdtContent"):
            stack.append(iter(el))
    return blocks


def _paragraph(p: etree._Element) -> tuple[list[str], list[etree._Element]]:
    """Lines of a paragraph (split at line breaks) and the text boxes it anchors."""
    lines: list[str] = [""]
    boxes: list[etree._Element] = []
    walker = etree.iterwalk(p, events=("start",))
    for _, el in walker:
        name = _ln(el)
        if name in ("t",):
            lines[-1] += el.text or ""
        elif name == "tab":
            lines[-1] += " "
        elif name in ("br", "cr"):
            lines.append("")
        elif name == "noBreakHyphen":
            lines[-1] += "-"
        elif name == "txbxContent":
            boxes.append(el)
            walker.skip_subtree()
        elif name in ("Fallback", "instrText", "delText", "del", "moveFrom", "footnoteReference", "endnoteReference"):
            walker.skip_subtree()
    return lines, boxes


def _flat_text(el: etree._Element) -> str:
    """All the text under an element (a cell, with any nested table), paragraphs joined by spaces."""
    parts: list[str] = []
    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        name = _ln(node)
        if event == "end":
            if name == "p":
                parts.append(" ")
            continue
        if name == "t":
            parts.append(node.text or "")
        elif name in ("tab", "br", "cr"):
            parts.append(" ")
        elif name == "noBreakHyphen":
            parts.append("-")
        elif name in ("Fallback", "instrText", "delText", "del", "moveFrom"):
            walker.skip_subtree()
    return "".join(parts)


# ---------------------------------------------------------------- tables


def _children(el: etree._Element, name: str) -> list[etree._Element]:
    """Children called `name`, looking through content controls and custom XML wrappers."""
    out: list[etree._Element] = []
    stack = [iter(el)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        ln = _ln(child)
        if ln == name:
            out.append(child)
        elif ln in ("sdt", "sdtContent", "customXml"):
            stack.append(iter(child))
    return out


def _prop(el: etree._Element, pr: str, name: str) -> etree._Element | None:
    for child in el:
        if _ln(child) == pr:
            for sub in child:
                if _ln(sub) == name:
                    return sub
    return None


def _val(el: etree._Element | None) -> str | None:
    if el is None:
        return None
    for key, value in el.attrib.items():
        if key.rsplit("}", 1)[-1] == "val":
            return value
    return None


def _int(value: str | None, default: int = 1) -> int:
    if value is None:
        return default
    m = re.match(r"\s*(\d{1,6})", value)
    return int(m.group(1)) if m else default


def _frame_cells(tbl: etree._Element) -> list[etree._Element] | None:
    """The cells of a one-column table that frames content (holds a nested table or many paragraphs)."""
    rows = _children(tbl, "tr")
    cells = [c for r in rows for c in _children(r, "tc")]
    if not rows or any(len(_children(r, "tc")) > 1 for r in rows):
        return None
    holds_content = any(
        any(_ln(x) == "tbl" for x in c.iter()) or len(_children(c, "p")) >= 5 for c in cells
    )
    return cells if holds_content else None


def _table(tbl: etree._Element) -> Block | None:
    # Each row: list of (grid column, span, text, vmerge) with vmerge None / "restart" / "continue".
    layout: list[list[tuple[int, int, str, str | None]]] = []
    for tr in _children(tbl, "tr"):
        col = min(_int(_val(_prop(tr, "trPr", "gridBefore")), 0), MAX_SPAN)
        row = []
        if col:
            row.append((0, col, "", None))
        for tc in _children(tr, "tc"):
            span = max(1, min(_int(_val(_prop(tc, "tcPr", "gridSpan"))), MAX_SPAN))
            vm = _prop(tc, "tcPr", "vMerge")
            vmerge = None if vm is None else ("restart" if _val(vm) == "restart" else "continue")
            row.append((col, span, _flat_text(tc), vmerge))
            col += span
        layout.append(row)
    if not layout:
        return None

    # Rowspans: a restart cell covers the continue cells below it at the same grid column.
    covered: set[tuple[int, int]] = set()
    rows: list[list[Cell]] = []
    for r, row in enumerate(layout):
        cells: list[Cell] = []
        for col, span, text, vmerge in row:
            if (r, col) in covered:
                continue
            rowspan = 1
            if vmerge is not None:
                nxt = r + 1
                while nxt < len(layout) and rowspan < MAX_SPAN:
                    below = next((c for c in layout[nxt] if c[0] == col), None)
                    if below is None or below[3] != "continue":
                        break
                    covered.add((nxt, col))
                    rowspan += 1
                    nxt += 1
            cells.append(Cell(text, rowspan, span))
        rows.append(cells)
    grid = tidy_grid(expand_spans(rows))
    if not grid:
        return None
    if len(grid) < 2 or max(len(r) for r in grid) < 2:
        text = " ".join(c for r in grid for c in r if c)
        return Paragraph(text) if text else None
    return Table.from_rows(grid)
