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
* pictures (``a:blip`` in a paragraph, stored under ``word/media``) are read
  by OCR (`indexer.ocr`) when it is on, their blocks after the paragraph;
* ``w:sdt`` content controls are looked into; headers and footers live in
  other parts and are never read.

The core title (``docProps/core.xml`` ``dc:title``) goes to ``meta["title"]``.
"""

from __future__ import annotations

import errno
import posixpath
import re
import zipfile
import zlib
from pathlib import Path

import lxml.etree as etree

from .. import limits
from ..blocks import Block, Document, Paragraph, Table
from ..textnorm import has_han, normalize_text
from . import ReadError
from .grid import MAX_SPAN, Cell, expand_spans, is_template_row, tidy_grid
from .pictures import MAX_PICTURE_BYTES, MAX_PICTURES

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DAMAGED = "the DOCX file is damaged or truncated"
_R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"


def read_docx(path: Path) -> Document:
    root, meta, numbering, pictures = _open(path)
    body = next((el for el in root if _ln(el) == "body"), None)
    if body is None:
        raise ReadError(f"{_DAMAGED}: word/document.xml has no body")
    blocks = _body_blocks(body, numbering, _recognised(pictures, path.name))
    if not any(has_han(b.text) if isinstance(b, Paragraph) else any(has_han(c) for r in b.rows for c in r) for b in blocks):
        raise ReadError("no Chinese text in the document; is it a report?")
    return Document(path=path, format="docx", blocks=blocks, meta=meta)


# ---------------------------------------------------------------- the archive


def _open(path: Path) -> tuple[etree._Element, dict[str, str], "_Numbering", dict[str, bytes]]:
    with path.open("rb") as fh:
        magic = fh.read(8)
    if magic == _OLE_MAGIC:
        raise ReadError(
            "the file is an old Word document (.doc) or a password-protected DOCX; "
            "remove the password or save it as .docx"
        )
    try:
        with zipfile.ZipFile(path) as zf:
            _check_expanded_size(zf)
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
            base = posixpath.dirname(main)
            numbering = _Numbering(_optional_xml(zf, posixpath.join(base, "numbering.xml")),
                                   _optional_xml(zf, posixpath.join(base, "styles.xml")))
            return root, meta, numbering, _pictures(zf, main)
    except zipfile.BadZipFile as exc:
        raise ReadError(f"{_DAMAGED} (not a valid ZIP archive: {exc})") from exc
    except (zlib.error, EOFError, zipfile.LargeZipFile, NotImplementedError) as exc:
        raise ReadError(f"{_DAMAGED} ({exc})") from exc
    except OSError as exc:  # zipfile seeking where a damaged directory points (EINVAL: before the file's start)
        if exc.errno != errno.EINVAL:
            raise
        raise ReadError(f"{_DAMAGED} ({exc.strerror})") from exc
    except RuntimeError as exc:  # zipfile: encrypted member
        raise ReadError(f"the DOCX file cannot be opened ({exc})") from exc


def _check_expanded_size(zf: zipfile.ZipFile) -> None:
    """Refuse a zip bomb before anything is decompressed: the XML parts' declared sizes against the limit."""
    declared = sum(info.file_size for info in zf.infolist() if info.filename.lower().endswith((".xml", ".rels")))
    limits.check_bytes("expanded_mb", declared, "the DOCX's XML uncompressed")


def _pictures(zf: zipfile.ZipFile, main: str) -> dict[str, bytes]:
    """Relationship id -> bytes of the document's pictures (word/media), when OCR will read them."""
    from .. import ocr

    if not ocr.active():
        return {}
    base = posixpath.dirname(main)
    rels = _optional_xml(zf, posixpath.join(base, "_rels", posixpath.basename(main) + ".rels"))
    out: dict[str, bytes] = {}
    for rel in rels if rels is not None else []:
        if not (rel.get("Type") or "").endswith("/image") or rel.get("TargetMode") == "External":
            continue
        name = posixpath.normpath(posixpath.join(base, rel.get("Target") or ""))
        try:
            info = zf.getinfo(name)
        except KeyError:
            continue
        if info.file_size <= MAX_PICTURE_BYTES and len(out) < MAX_PICTURES and rel.get("Id"):
            out[rel.get("Id")] = zf.read(info)
    return out


def _recognised(pictures: dict[str, bytes], name: str):
    """rId -> the picture's blocks by OCR (each picture read once)."""
    done: dict[str, list[Block]] = {}

    def blocks(rid: str) -> list[Block]:
        if rid not in done:
            from .. import ocr

            data = pictures.get(rid)
            done[rid] = ocr.image_blocks(data, name) if data else []
        return done[rid]

    return blocks


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
    data = zf.read(info)  # never more than the size declared and checked (zipfile stops there)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)
    try:
        return etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"{_DAMAGED}: {name} is not well-formed XML ({exc})") from exc


def _optional_xml(zf: zipfile.ZipFile, name: str) -> etree._Element | None:
    """A part the text does not depend on: a damaged copy is ignored."""
    try:
        return _xml(zf, name)
    except ReadError:
        return None


def _ln(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


# ---------------------------------------------------------------- body


def _body_blocks(body: etree._Element, numbering: "_Numbering | None" = None, pictures=None) -> list[Block]:
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
            label = numbering.label(el) if numbering is not None else ""
            if label and lines[0].strip():
                lines[0] = label + lines[0].lstrip()
            blocks.extend(Paragraph(t) for t in (normalize_text(x) for x in lines) if t)
            if pictures is not None:
                for rid in _picture_ids(el):
                    blocks.extend(pictures(rid))
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


def _picture_ids(p: etree._Element) -> list[str]:
    """Relationship ids of the pictures a paragraph shows (``a:blip r:embed``; not the VML fallback copies)."""
    out = []
    walker = etree.iterwalk(p, events=("start",))
    for _, el in walker:
        name = _ln(el)
        if name == "blip":
            rid = el.get(_R_EMBED)
            if rid:
                out.append(rid)
        elif name in ("Fallback", "txbxContent"):
            walker.skip_subtree()
    return out


def _flat_text(el: etree._Element) -> str:
    """All the text under an element (a cell, with any nested table), paragraphs joined by spaces."""
    parts: list[str] = []
    walker = etree.iterwalk(el, events=("start",))
    for _, node in walker:
        name = _ln(node)
        if name == "p":
            lines, boxes = _paragraph(node)
            parts.extend(lines)
            parts.extend(_flat_text(box) for box in boxes)
            walker.skip_subtree()
        elif name in ("Fallback", "del", "moveFrom"):
            walker.skip_subtree()
    return " ".join(parts)


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
    if (len(grid) < 2 or max(len(r) for r in grid) < 2) and not is_template_row(grid):
        text = " ".join(c for r in grid for c in r if c)
        return Paragraph(text) if text else None
    return Table.from_rows(grid)


# ---------------------------------------------------------------- list numbering

_CN_DIGITS = "零一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"


def _chinese(n: int) -> str:
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    out = ("" if tens == 1 else _CN_DIGITS[tens]) + "十" if tens else ""
    return out + (_CN_DIGITS[ones] if ones else "")


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


def _format(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital", "taiwaneseCounting"):
        return _chinese(n)
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class _Numbering:
    """Word's automatic list numbering (一、 （一） 1.), which is not in the paragraph text.

    Headings numbered by a list style would otherwise lose the 一、 that marks a
    section. Counters run per list (``w:numId``); a level restarts the deeper ones.
    """

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId -> ilvl -> (start, fmt, text)
        self.counters: dict[str, list[int]] = {}
        self.style_num: dict[str, tuple[str | None, int | None]] = {}
        self.style_base: dict[str, str] = {}
        if numbering is not None:
            abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
            for el in numbering:
                if _ln(el) == "abstractNum":
                    aid = _attr(el, "abstractNumId")
                    abstract[aid] = {lvl: spec for lvl, spec in (self._level(x) for x in el if _ln(x) == "lvl")}
            for el in numbering:
                if _ln(el) == "num":
                    ref = next((_val(x) for x in el if _ln(x) == "abstractNumId"), None)
                    levels = dict(abstract.get(ref or "", {}))
                    for override in (x for x in el if _ln(x) == "lvlOverride"):
                        ilvl = _int(_attr(override, "ilvl"), 0)
                        for sub in override:
                            if _ln(sub) == "startOverride" and ilvl in levels:
                                start, fmt, text = levels[ilvl]
                                levels[ilvl] = (_int(_val(sub), start), fmt, text)
                            elif _ln(sub) == "lvl":
                                lvl, spec = self._level(sub)
                                levels[lvl] = spec
                    self.levels[_attr(el, "numId") or ""] = levels
        if styles is not None:
            for st in styles:
                if _ln(st) != "style":
                    continue
                sid = _attr(st, "styleId") or ""
                base = next((_val(x) for x in st if _ln(x) == "basedOn"), None)
                if base:
                    self.style_base[sid] = base
                num_pr = _prop(st, "pPr", "numPr")
                num_id = _val(_sub(num_pr, "numId"))
                ilvl = _val(_sub(num_pr, "ilvl"))
                if num_id is not None or ilvl is not None:
                    self.style_num[sid] = (num_id, _int(ilvl, 0) if ilvl is not None else None)

    @staticmethod
    def _level(lvl: etree._Element) -> tuple[int, tuple[int, str, str]]:
        start, fmt, text = 1, "decimal", ""
        for x in lvl:
            name = _ln(x)
            if name == "start":
                start = _int(_val(x), 1)
            elif name == "numFmt":
                fmt = _val(x) or "decimal"
            elif name == "lvlText":
                text = _val(x) or ""
        return _int(_attr(lvl, "ilvl"), 0), (start, fmt, text)

    def _style_numbering(self, style: str | None) -> tuple[str | None, int | None]:
        seen = set()
        while style and style not in seen:
            seen.add(style)
            if style in self.style_num:
                return self.style_num[style]
            style = self.style_base.get(style)
        return None, None

    def label(self, p: etree._Element) -> str:
        if not self.levels:
            return ""
        num_pr = _prop(p, "pPr", "numPr")
        style = _val(_prop(p, "pPr", "pStyle"))
        num_id, ilvl = self._style_numbering(style)
        if num_pr is not None:
            num_id = _val(_sub(num_pr, "numId")) or num_id
            own_lvl = _val(_sub(num_pr, "ilvl"))
            ilvl = _int(own_lvl, 0) if own_lvl is not None else ilvl
        if not num_id or num_id == "0" or num_id not in self.levels:
            return ""
        ilvl = min(max(ilvl or 0, 0), 8)
        levels = self.levels[num_id]
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        start, fmt, text = levels[ilvl]
        if fmt in ("bullet", "none") or not text:
            return ""

        def value(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            if k not in levels:
                return ""
            k_start, k_fmt, _ = levels[k]
            n = counters[k] + k_start - 1 if counters[k] else k_start
            return _format(n, k_fmt)

        return re.sub(r"%([1-9])", value, text)


def _attr(el: etree._Element, name: str) -> str | None:
    for key, value in el.attrib.items():
        if key.rsplit("}", 1)[-1] == name:
            return value
    return None


def _sub(el: etree._Element | None, name: str) -> etree._Element | None:
    if el is None:
        return None
    return next((x for x in el if _ln(x) == name), None)
