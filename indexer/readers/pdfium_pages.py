"""A PDF page's characters and ruled lines read by PDFium, in pdfplumber's terms.

pdfminer (under pdfplumber) interprets every page's content stream in
Python: about 100 ms a page, most of the time of indexing a corpus with PDFs
in it. PDFium (`pypdfium2`, which pdfplumber already brings) does the same in C.
This module gives what `readers.pdf` takes from a pdfplumber page, in the same
form and coordinates (points from the top of the page), so the rest of the
reader (tables from ruled lines, lines, paragraphs) is the same code:

* characters as dicts (text, x0, x1, top, bottom, doctop, size, fontname,
  upright): a character's box runs from the font's descent below the baseline
  up by the font size, as pdfminer draws it, so the characters of one line
  share their top whatever their glyph;
* edges: each straight horizontal or vertical segment of every path (a rule, a
  cell's side), which pdfplumber's table finder takes.

`page_of` answers None for what it does not map the way pdfplumber does
(a rotated page, a page box not at the origin, content inside form XObjects):
the caller reads that page with pdfplumber.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field

import pypdfium2
import pypdfium2.raw as raw

_FLAT = 0.5  # a segment this close to level (in points) is a horizontal or vertical rule
_UNMAPPED = {0, 0xFFFD, 0xFFFE}  # what PDFium gives for a glyph without Unicode


@dataclass
class Page:
    number: int
    width: float
    height: float
    chars: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    unmapped: int = 0  # glyphs PDFium found no Unicode for

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (0.0, 0.0, self.width, self.height)


def page_of(pdf: pypdfium2.PdfDocument, number: int, doctop: float) -> Page | None:
    """Page `number` (from 0), `doctop` points below the first page's top; None when pdfplumber must read it."""
    page = pdf[number]
    try:
        if page.get_rotation() or page.get_mediabox() != page.get_cropbox():
            return None
        x0, y0, _, _ = page.get_mediabox()
        if x0 or y0:
            return None
        objects = [raw.FPDFPage_GetObject(page.raw, i) for i in range(raw.FPDFPage_CountObjects(page.raw))]
        if any(raw.FPDFPageObj_GetType(o) == raw.FPDF_PAGEOBJ_FORM for o in objects):
            return None
        width, height = page.get_size()
        out = Page(number, float(width), float(height))
        out.edges = _edges(objects, out.height, doctop)
        textpage = page.get_textpage()
        try:
            out.chars, out.unmapped = _chars(textpage, out.height, doctop)
        finally:
            textpage.close()
        return out
    finally:
        page.close()


def _text_object_of():
    """PDFium's FPDFText_GetTextObject answering the object's address (an int), or None where PDFium lacks it."""
    fn = getattr(raw, "FPDFText_GetTextObject", None)
    if fn is None:
        return None
    by_address = type(fn)(ctypes.cast(fn, ctypes.c_void_p).value)  # the same function, its own result type
    by_address.argtypes = fn.argtypes
    by_address.restype = ctypes.c_void_p
    return by_address


_TEXT_OBJECT = _text_object_of()


def _chars(textpage, height: float, doctop: float) -> tuple[list[dict], int]:
    """The page's characters in pdfminer's terms; the number PDFium found no Unicode for.

    A character's font size, matrix, font and angle are its text object's
    (PDFium's CPDF_TextPage gives each character of an object the object's),
    so they are asked once per text object: four calls into PDFium fewer per
    character, most of the time of reading a page's characters (profiled).
    """
    tp = textpage.raw
    box = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    left, right, low, high = (ctypes.c_double() for _ in range(4))
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    fonts: dict[bytes, str] = {}
    objects: dict[int | None, tuple[float, str, bool]] = {}  # text object -> (size, font name, upright)
    chars: list[dict] = []
    unmapped = 0
    is_generated, unicode_of, loose_box = raw.FPDFText_IsGenerated, raw.FPDFText_GetUnicode, raw.FPDFText_GetLooseCharBox
    map_error = getattr(raw, "FPDFText_HasUnicodeMapError", None)
    text_object = _TEXT_OBJECT
    for i in range(raw.FPDFText_CountChars(tp)):
        if is_generated(tp, i):  # a space or line break PDFium inferred: pdfminer has none
            continue
        code = unicode_of(tp, i)
        if code in _UNMAPPED or (map_error is not None and map_error(tp, i) == 1):
            unmapped += 1
            continue
        if not loose_box(tp, i, box):
            continue
        key = text_object(tp, i) if text_object is not None else i
        found = objects.get(key) if key is not None else None
        if found is None:
            size = raw.FPDFText_GetFontSize(tp, i)  # in text space: times the text matrix's scale, as pdfminer gives it
            if raw.FPDFText_GetMatrix(tp, i, matrix):
                size *= abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
            length = raw.FPDFText_GetFontInfo(tp, i, name, len(name), flags)
            font_key = name.raw[:max(0, min(length, len(name)) - 1)]
            fontname = fonts.get(font_key)
            if fontname is None:
                fontname = fonts[font_key] = font_key.decode("utf-8", "replace")
            angle = raw.FPDFText_GetCharAngle(tp, i)
            found = (size, fontname, angle < 0.01 or angle > 6.27)
            if key is not None:
                objects[key] = found
        size, fontname, upright = found
        x0, x1, bottom = box.left, box.right, height - box.bottom
        if x1 - x0 > 1.6 * size or box.top - box.bottom > 2.5 * size:
            # PDFium sized this loose box by the font size before the text matrix: from
            # the origin on the baseline and the glyph's own box instead
            raw.FPDFText_GetCharOrigin(tp, i, ox, oy)
            raw.FPDFText_GetCharBox(tp, i, left, right, low, high)
            x0, bottom = ox.value, height - oy.value
            x1 = max(right.value, x0 + (size if ord(" ") < code and _wide(code) else right.value - x0))
        top = bottom - size
        chars.append({
            "object_type": "char", "text": chr(code) if code <= 0x10FFFF else "\ufffd",
            "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "doctop": doctop + top, "width": x1 - x0, "height": size,
            "size": size, "fontname": fontname, "upright": upright,
        })
    return chars, unmapped


def _wide(code: int) -> bool:
    """A character one em wide: CJK ideographs, kana, hangul and full-width forms."""
    return 0x2E80 <= code <= 0xA4CF or 0xAC00 <= code <= 0xD7A3 or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFF60


def _edges(objects, height: float, doctop: float) -> list[dict]:
    """The horizontal and vertical straight segments of the page's paths, as pdfplumber edges."""
    edges: list[dict] = []
    matrix = raw.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()
    for obj in objects:
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_PATH:
            continue
        if not raw.FPDFPageObj_GetMatrix(obj, matrix):
            continue
        a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        start = previous = None
        for k in range(raw.FPDFPath_CountSegments(obj)):
            segment = raw.FPDFPath_GetPathSegment(obj, k)
            raw.FPDFPathSegment_GetPoint(segment, x, y)
            point = (a * x.value + c * y.value + e, height - (b * x.value + d * y.value + f))
            kind = raw.FPDFPathSegment_GetType(segment)
            if kind == raw.FPDF_SEGMENT_MOVETO:
                start = previous = point
                continue
            if kind == raw.FPDF_SEGMENT_LINETO and previous is not None:
                _edge(edges, previous, point, doctop)
            previous = point
            if raw.FPDFPathSegment_GetClose(segment) and start is not None:
                _edge(edges, point, start, doctop)
                previous = start
    return edges


def _edge(edges: list[dict], p: tuple[float, float], q: tuple[float, float], doctop: float) -> None:
    x0, x1 = sorted((p[0], q[0]))
    top, bottom = sorted((p[1], q[1]))
    if bottom - top <= _FLAT and x1 > x0:
        orientation, top = "h", (top + bottom) / 2
        bottom = top
    elif x1 - x0 <= _FLAT and bottom > top:
        orientation, x0 = "v", (x0 + x1) / 2
        x1 = x0
    else:
        return
    edges.append({"object_type": "line", "orientation": orientation, "x0": x0, "x1": x1, "top": top,
                  "bottom": bottom, "doctop": doctop + top, "width": x1 - x0, "height": bottom - top})
