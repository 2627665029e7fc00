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
        get_object, type_of = _GET_OBJECT, _OBJECT_TYPE
        objects = [get_object(page.raw, i) for i in range(raw.FPDFPage_CountObjects(page.raw))]
        kinds = [type_of(o) for o in objects]
        if raw.FPDF_PAGEOBJ_FORM in kinds:
            return None
        width, height = page.get_size()
        out = Page(number, float(width), float(height))
        paths = [o for o, kind in zip(objects, kinds) if kind == raw.FPDF_PAGEOBJ_PATH]
        out.edges = _edges(paths, out.height, doctop)
        textpage = page.get_textpage()
        try:
            out.chars, out.unmapped = _chars(textpage, out.height, doctop)
        finally:
            textpage.close()
        return out
    finally:
        page.close()


def _unchecked(fn, restype):
    """PDFium function `fn` called without ctypes converting its arguments (half the cost of a call).

    The caller passes what C expects: handles as pypdfium2 gives them (ctypes pointers), indexes as
    Python ints (C ints), out-parameters by `ctypes.byref`. Reading a page's characters makes five calls a character:
    their conversions were a third of the time of reading a PDF's characters (profiled).
    """
    if fn is None:
        return None
    bare = type(fn)(ctypes.cast(fn, ctypes.c_void_p).value)  # the same function, its own signature
    bare.restype = restype
    return bare


_IS_GENERATED = _unchecked(raw.FPDFText_IsGenerated, ctypes.c_int)
_UNICODE = _unchecked(raw.FPDFText_GetUnicode, ctypes.c_uint)
_MAP_ERROR = _unchecked(getattr(raw, "FPDFText_HasUnicodeMapError", None), ctypes.c_int)
_LOOSE_BOX = _unchecked(raw.FPDFText_GetLooseCharBox, ctypes.c_int)
_TEXT_OBJECT = _unchecked(getattr(raw, "FPDFText_GetTextObject", None), ctypes.c_void_p)  # the object's address
_GET_OBJECT = _unchecked(raw.FPDFPage_GetObject, raw.FPDFPage_GetObject.restype)
_OBJECT_TYPE = _unchecked(raw.FPDFPageObj_GetType, ctypes.c_int)
_OBJECT_MATRIX = _unchecked(raw.FPDFPageObj_GetMatrix, ctypes.c_int)
_SEGMENTS = _unchecked(raw.FPDFPath_CountSegments, ctypes.c_int)
_SEGMENT = _unchecked(raw.FPDFPath_GetPathSegment, raw.FPDFPath_GetPathSegment.restype)
_SEGMENT_POINT = _unchecked(raw.FPDFPathSegment_GetPoint, ctypes.c_int)
_SEGMENT_TYPE = _unchecked(raw.FPDFPathSegment_GetType, ctypes.c_int)
_SEGMENT_CLOSES = _unchecked(raw.FPDFPathSegment_GetClose, ctypes.c_int)
_GENERATED = {0x20, 0x0D, 0x0A}  # what PDFium gives the characters it infers: a space, a line break


def _chars(textpage, height: float, doctop: float) -> tuple[list[dict], int]:
    """The page's characters in pdfminer's terms; the number PDFium found no Unicode for.

    A character's font size, matrix, font and angle are its text object's
    (PDFium's CPDF_TextPage gives each character of an object the object's),
    so they are asked once per text object: four calls into PDFium fewer per
    character, most of the time of reading a page's characters (profiled).
    """
    tp = textpage.raw
    box = raw.FS_RECTF()
    box_ref = ctypes.byref(box)
    matrix = raw.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    left, right, low, high = (ctypes.c_double() for _ in range(4))
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    fonts: dict[bytes, str] = {}
    objects: dict[int | None, tuple[float, str, bool]] = {}  # text object -> (size, font name, upright)
    chars: list[dict] = []
    flat: list[int] = []  # characters boxed by their ink alone
    unmapped = 0
    is_generated, unicode_of, loose_box, map_error = _IS_GENERATED, _UNICODE, _LOOSE_BOX, _MAP_ERROR
    text_object = _TEXT_OBJECT
    for i in range(raw.FPDFText_CountChars(tp)):
        code = unicode_of(tp, i)
        if code in _GENERATED and is_generated(tp, i):  # a space or line break PDFium inferred (it infers only those): pdfminer has none
            continue
        if code in _UNMAPPED or (map_error is not None and map_error(tp, i) == 1):
            unmapped += 1
            continue
        if not loose_box(tp, i, box_ref):
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
        elif box.top - box.bottom < _INK_BOX * size:
            flat.append(len(chars))
        top = bottom - size
        chars.append({
            "object_type": "char", "text": chr(code) if code <= 0x10FFFF else "\ufffd",
            "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "doctop": doctop + top, "width": x1 - x0, "height": size,
            "size": size, "fontname": fontname, "upright": upright,
        })
    _flat_chars_on_their_line(chars, flat)
    return chars, unmapped


_INK_BOX = 0.8  # of the font size: a loose box lower than this is the glyph's ink (一 二 三 —), not the font's line box


def _flat_chars_on_their_line(chars: list[dict], flat: list[int]) -> None:
    """A flat glyph (一, a dash) whose loose box PDFium gives as its ink alone, a point high at mid-height, placed on
    the line of the character next to it (the next or the one before, of its size, touching it): from its ink's foot
    it stood half a line above that line, and a label's 一 (一、本年新收…, 第一项) became a line of its own."""
    flat_at = set(flat)
    for i in flat:
        c = chars[i]
        size = c["size"]
        for j in (i + 1, i - 1):
            if not 0 <= j < len(chars) or j in flat_at:
                continue
            n = chars[j]
            touching = abs(n["x0"] - c["x1"]) < 0.5 * size if j > i else abs(c["x0"] - n["x1"]) < 0.5 * size
            shift = n["bottom"] - c["bottom"]
            if touching and abs(n["size"] - size) < 0.01 and 0 < shift < size:
                for k in ("top", "bottom", "doctop"):
                    c[k] += shift
                break


def _wide(code: int) -> bool:
    """A character one em wide: CJK ideographs, kana, hangul and full-width forms."""
    return 0x2E80 <= code <= 0xA4CF or 0xAC00 <= code <= 0xD7A3 or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFF60


def _edges(paths, height: float, doctop: float) -> list[dict]:
    """The horizontal and vertical straight segments of the page's path objects, as pdfplumber edges."""
    edges: list[dict] = []
    matrix = raw.FS_MATRIX()
    matrix_ref = ctypes.byref(matrix)
    x, y = ctypes.c_float(), ctypes.c_float()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    segment_of, point_of, type_of, closes = _SEGMENT, _SEGMENT_POINT, _SEGMENT_TYPE, _SEGMENT_CLOSES
    moveto, lineto = raw.FPDF_SEGMENT_MOVETO, raw.FPDF_SEGMENT_LINETO
    for obj in paths:
        if not _OBJECT_MATRIX(obj, matrix_ref):
            continue
        a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        start = previous = None
        for k in range(_SEGMENTS(obj)):
            segment = segment_of(obj, k)
            point_of(segment, x_ref, y_ref)
            point = (a * x.value + c * y.value + e, height - (b * x.value + d * y.value + f))
            kind = type_of(segment)
            if kind == moveto:
                start = previous = point
                continue
            if kind == lineto and previous is not None:
                _edge(edges, previous, point, doctop)
            previous = point
            if closes(segment) and start is not None:
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
